""""Edit this page": the publish workflow sets SITE_REPO_URL, and then every record page
links to the YAML file that holds the record, every hand-written page to its Markdown file.
Without SITE_REPO_URL (a local build) there is no edit link at all, rather than a broken one.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.validate import load_dataset
from tests.html import page
from tests.sitebuild import SEED, build_project, make_project

REPO_URL = "https://github.com/example-org/program-site"
DS = load_dataset(SEED)
RECORD_PAGES = ([(f"projects/{p.id}", "data/projects.yaml") for p in DS.projects.projects]
                + [(f"calls/{c.id}", "data/calls.yaml") for c in DS.calls.calls])
HAND_WRITTEN = ["about", "contact"]


def _build(tmp_path_factory, env: dict) -> Path:
    root = make_project(tmp_path_factory.mktemp("edit"), data=None)
    result = build_project(root, extra_env=env)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def site_with_repo(tmp_path_factory):
    return _build(tmp_path_factory, {"SITE_REPO_URL": REPO_URL})


@pytest.fixture(scope="module")
def site_without_repo(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:  # the developer's own environment must not leak in
        mp.delenv("SITE_REPO_URL", raising=False)
        return _build(tmp_path_factory, {})


def _edit_links(site, url):
    return [a.attrs["href"] for a in page(site, url).find_all("a", rel="edit")]


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("url, data_file", RECORD_PAGES)
def test_record_page_edits_its_yaml_file(site_with_repo, prefix, url, data_file):
    assert _edit_links(site_with_repo, prefix + url) == [f"{REPO_URL}/edit/main/{data_file}"]


@pytest.mark.parametrize("lang, prefix", [("ja", ""), ("en", "en/")])
@pytest.mark.parametrize("name", HAND_WRITTEN)
def test_hand_written_page_edits_its_markdown_file(site_with_repo, lang, prefix, name):
    assert _edit_links(site_with_repo, prefix + name) == [f"{REPO_URL}/edit/main/content/{lang}/{name}.md"]


def test_no_edit_link_without_a_repository(site_without_repo):
    pages = sorted(site_without_repo.rglob("index.html"))
    assert len(pages) >= 2 * (len(RECORD_PAGES) + len(HAND_WRITTEN))
    with_edit = [p for p in pages if 'rel="edit"' in p.read_text(encoding="utf-8")]
    assert with_edit == []
