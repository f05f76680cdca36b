"""One language's pages written to a folder for MkDocs (sitegen_mkdocs.generated), without MkDocs."""
from __future__ import annotations

import pytest

from sitegen_mkdocs.generated import FILES, FILLED, PAGES, language_context, page_url, read_manifest, write_language
from sitegen.validate import load_dataset
from tests.sitebuild import REPO, SEED


@pytest.mark.parametrize("src_uri, url", [
    ("index.md", ""), ("about.md", "about/"), ("donations/index.md", "donations/"),
    ("donations/corporate.md", "donations/corporate/"), ("x/README.md", "x/"),
])
def test_page_url_is_the_one_mkdocs_gives(src_uri, url):
    assert page_url(src_uri) == url


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_folder_holds_every_page_and_file_the_manifest_lists(tmp_path, lang, monkeypatch):
    monkeypatch.setenv("SITE_TODAY", "2025-04-15")
    ctx = language_context(load_dataset(SEED), lang)
    manifest = write_language(ctx, REPO / "content" / lang, tmp_path)
    assert read_manifest(tmp_path) == manifest
    assert "projects/index.md" in manifest.pages and any(p.startswith("calls/") for p in manifest.pages)
    written = {p.relative_to(tmp_path / PAGES).as_posix() for p in (tmp_path / PAGES).rglob("*.md")}
    assert written == set(manifest.pages)
    for path in manifest.files:
        assert (tmp_path / FILES / path).stat().st_size > 0, path
    assert ("opendata/projects.csv" in manifest.files) == (lang == "ja")  # downloads live once, at the root
    # the home page's fragments (recent news, open calls, key figures) are filled in
    assert "index.md" in manifest.filled
    home = (tmp_path / FILLED / "index.md").read_text(encoding="utf-8")
    assert "sitegen:" not in home
    # what MkDocs' hooks keep: the site file only, not the records
    assert manifest.ctx.ds.projects is None and manifest.ctx.ds.site == ctx.ds.site


@pytest.mark.parametrize("title, description", [
    ("令和6年度: 成果報告 #1", 'He said "yes"; - not a list'),
    ("yes", "1.0"),
    ("- dash", "a long description " * 20 + "\nwith a second line"),
    ("null", "~"),
    ("'quoted'", "key: value"),
])
def test_front_matter_reads_back_as_the_page_metadata(title, description):
    # written with libyaml's emitter (sitegen/pages.py; it folds long lines its own way), read back
    import datetime as dt

    import yaml

    from sitegen.pages import Page

    text = Page(url="x/", title=title, body="本文", description=description, updated=dt.date(2025, 4, 1),
                edit=("data/projects.yaml", 12), searchable=False).markdown()
    head, front, body = text.split("---\n", 2)
    assert head == "" and body == "\n本文"
    assert yaml.safe_load(front) == {"title": title, "description": description, "updated": "2025-04-01",
                                     "edit": "data/projects.yaml#L12", "search": {"exclude": True}}
