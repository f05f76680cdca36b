"""The two ways `python -m sitegen build` runs its languages (sitegen_mkdocs/build.py): forked
from the build process (small data) or as separate child processes (large data, or
SITEGEN_FORK_MAX_MB=0). Both give the same site, and fail the same way."""
from __future__ import annotations

import json

import pytest

from sitegen_mkdocs.build import FORK_MAX_MB_ENV
from sitegen_mkdocs.phases import PHASES_ENV
from tests.sitebuild import REPO, build_project, make_project

FORKED = {FORK_MAX_MB_ENV: "1000", "PYTHONPATH": str(REPO)}  # PYTHONPATH: a real child process
SEPARATE = {FORK_MAX_MB_ENV: "0", "PYTHONPATH": str(REPO)}


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_forked_and_separate_processes_build_the_same_site(tmp_path):
    sites = {}
    for name, env in (("forked", FORKED), ("separate", SEPARATE)):
        (tmp_path / name).mkdir()
        root = make_project(tmp_path / name)
        phases_file = tmp_path / f"{name}.json"
        result = build_project(root, site_url="https://example.org/program/",
                               extra_env={**env, PHASES_ENV: str(phases_file)})
        assert result.returncode == 0, result.stderr
        assert result.stderr.strip() == ""  # nothing more is printed by either way
        sites[name] = files(root / "site")
        names = [p["phase"] for p in json.loads(phases_file.read_text(encoding="utf-8"))]
        assert any(n.startswith("search index ja") for n in names) and names[-1].startswith("orchestration")
        assert ("generation ja (forked)" in names) == (name == "forked")
        assert ("generation ja" in names) == (name == "separate")
    forked, separate = sites["forked"], sites["separate"]
    assert forked.keys() == separate.keys() and len(forked) > 100
    assert [path for path in forked if forked[path] != separate[path]] == []


@pytest.mark.parametrize("env", [FORKED, SEPARATE], ids=["forked", "separate"])
def test_a_mkdocs_warning_fails_the_build_without_a_traceback(tmp_path, env):
    root = make_project(tmp_path)
    with open(root / "mkdocs.en.yml", "a", encoding="utf-8") as f:
        f.write("no_such_setting: 1\n")  # MkDocs warns of an unknown setting; --strict makes it fail
    result = build_project(root, extra_env=env)
    assert result.returncode == 1
    assert "[en] Aborted with 1 configuration warnings in 'strict' mode!" in result.stderr, result.stderr
    assert "the existing site was left unchanged" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "site").exists() and not list(root.glob(".site-*"))


@pytest.mark.parametrize("env", [FORKED, SEPARATE], ids=["forked", "separate"])
def test_a_page_that_cannot_be_generated_fails_the_build_with_one_message(tmp_path, env):
    root = make_project(tmp_path)
    (root / "content" / "ja" / "about.md").write_text("# About\n\n<!-- sitegen:no-such-thing -->\n", encoding="utf-8")
    result = build_project(root, extra_env=env)
    assert result.returncode == 1
    assert "[ja] about.md: 不明な差し込み「no-such-thing」" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize("env", [FORKED, SEPARATE], ids=["forked", "separate"])
def test_bad_data_fails_before_any_language_runs(tmp_path, env):
    root = make_project(tmp_path, {"news": "news:\n  - id: n\n    date: 2024/01/01\n    title: {ja: x}\n"})
    result = build_project(root, extra_env=env)
    assert result.returncode == 1 and "data/news.yaml:3:11 news[0].date:" in result.stderr
    assert "Traceback" not in result.stderr and not (root / "site").exists()
