"""Shared fixtures. Any WARNING logged during a test fails it (MkDocs' strict spirit)."""
from __future__ import annotations

import logging

import pytest

from tests.sitebuild import REPO, build_project, make_project  # noqa: F401  (re-exported)


@pytest.fixture(autouse=True)
def no_unexpected_warnings(caplog):
    caplog.set_level(logging.WARNING)
    yield
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert not bad, "unexpected warnings: " + "; ".join(r.getMessage() for r in bad)


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for every browser test of the session: Playwright's sync API
    allows one running instance per thread, so modules must not start their own."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The real repository's data and pages, built once per test session."""
    root = make_project(tmp_path_factory.mktemp("seed"), data=None)
    result = build_project(root, today="2025-04-15", site_url="https://example.org/program/")
    assert result.returncode == 0, result.stderr
    return root / "site"
