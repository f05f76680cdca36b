"""Build real two-language sites and read the HTML that comes out."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from tests.html import page, parse
from tests.sitebuild import REPO, build_project, make_project

UNTRANSLATED = """projects:
  - id: only-ja
    title:
      ja: 日本語だけの事業
    summary:
      ja: 英訳はまだありません。
"""


def tree_digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("lang, prefix", [("ja", ""), ("en", "en/")])
def test_every_page_has_lang_switch_and_alternates(seed_site, lang, prefix):
    for html_file in sorted((seed_site / prefix).rglob("index.html")):
        rel = html_file.relative_to(seed_site).as_posix()
        if lang == "ja" and rel.startswith("en/"):
            continue
        doc = parse(html_file)
        assert doc.find("html").attrs["lang"] == lang, rel
        alternates = {n.attrs["hreflang"]: n.attrs["href"] for n in doc.find_all("link", rel="alternate")
                      if "hreflang" in n.attrs}
        here = rel[len(prefix):-len("index.html")]
        base = "https://example.org/program/"
        assert alternates == {"ja": base + here, "en": base + "en/" + here, "x-default": base + here}, rel
        switch = doc.find("a", class_="md-header__button sg-lang-switch")
        other = "en" if lang == "ja" else "ja"
        assert switch.attrs["hreflang"] == other
        target = (html_file.parent / switch.attrs["href"]).resolve() / "index.html"
        assert target == (seed_site / ("en/" if other == "en" else "") / here / "index.html").resolve(), rel
        assert target.exists(), rel


def test_material_interface_text_is_in_page_language(seed_site):
    ja, en = page(seed_site, ""), page(seed_site, "en")
    assert ja.find("a", class_="md-skip").text() != en.find("a", class_="md-skip").text()


def test_sitemap_lists_both_languages(seed_site):
    text = (seed_site / "sitemap.xml").read_text()
    assert 'hreflang="en" href="https://example.org/program/en/projects/"' in text
    assert not (seed_site / "en" / "sitemap.xml").exists()


def test_record_pages_exist_in_both_languages_but_not_in_nav(seed_site):
    for lang in ("", "en/"):
        doc = page(seed_site, f"{lang}projects/umi-no-hiryo")
        assert doc.find("h1")
        nav_links = [a.attrs.get("href", "") for a in doc.find("nav", class_="md-nav md-nav--primary").find_all("a")]
        assert not any("umi-no-hiryo" in h for h in nav_links)


def test_japanese_headings_get_readable_anchors(seed_site):
    doc = page(seed_site, "projects/umi-no-hiryo")
    assert doc.find("h2", id="概要")


def test_untranslated_record_is_marked_on_english_page(tmp_path):
    root = make_project(tmp_path, {"projects": UNTRANSLATED, "news": "news: []\n", "donations": "donations: []\n"})
    result = build_project(root)
    assert result.returncode == 0, result.stderr
    assert "info:" in result.stderr and "projects[0].title" in result.stderr
    doc = page(root / "site", "en/projects/only-ja")
    assert doc.find("p", class_="sg-notice") and "Japanese only" in doc.find("p", class_="sg-notice").text()
    h1 = doc.find("h1")
    assert "日本語だけの事業" in h1.text()
    spans = [n for n in doc.find_all(lang="ja") if "英訳はまだありません" in n.text()]
    assert spans, "Japanese fallback text must carry lang=ja"


def test_failed_build_leaves_site_untouched(tmp_path):
    root = make_project(tmp_path)
    assert build_project(root).returncode == 0
    before = tree_digest(root / "site")
    (root / "data" / "projects.yaml").write_text(UNTRANSLATED.replace("only-ja", "Only_JA"), encoding="utf-8")
    result = build_project(root)
    assert result.returncode != 0
    assert "data/projects.yaml:2:" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(root / "site") == before
    assert not list(tmp_path.glob(".site-*"))


def test_validate_command_reports_without_building(tmp_path):
    root = make_project(tmp_path, {"news": "news:\n  - id: n\n    date: 2024/01/01\n    title: {ja: x}\n"})
    result = build_project(root, command="validate")
    assert result.returncode == 1 and "data/news.yaml:3:11 news[0].date:" in result.stderr
    assert "Traceback" not in result.stderr and not (root / "site").exists()


def test_site_today_must_be_a_date(tmp_path):
    root = make_project(tmp_path)
    result = build_project(root, today="2025/01/01")
    assert result.returncode == 1 and "SITE_TODAY" in result.stderr and "Traceback" not in result.stderr


def test_search_index_failure_is_one_message_and_keeps_the_site(tmp_path):
    """A broken search step (here: Pagefind given a selector it cannot parse) fails the build
    with a message, no traceback, and the previous site stays."""
    root = make_project(tmp_path)
    assert build_project(root).returncode == 0
    before = tree_digest(root / "site")
    sitecustomize = tmp_path / "inject"
    sitecustomize.mkdir()
    (sitecustomize / "sitecustomize.py").write_text(
        "import sitegen_mkdocs.search as s\ns.EXCLUDE_SELECTORS = s.EXCLUDE_SELECTORS + ('[[[',)\n", encoding="utf-8")
    result = build_project(root, extra_env={"PYTHONPATH": f"{sitecustomize}:{REPO}"})
    assert result.returncode == 1, result.stderr
    assert "building the search index failed" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(root / "site") == before


def test_build_leaves_no_temporary_files_behind(tmp_path):
    # The language runs stage feeds, calendars and open data in a temporary folder for MkDocs
    # to copy (hooks/site.py); the build removes it, and its own folder next to site/.
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    result = build_project(root, extra_env={"TMPDIR": str(scratch)})
    assert result.returncode == 0, result.stderr
    assert list(scratch.iterdir()) == []
    assert not list(root.glob(".site-*"))
    for lang_root in (root / "site", root / "site" / "en"):  # the staged files were copied
        assert (lang_root / "feed.xml").read_bytes().startswith(b"<?xml")
    assert (root / "site" / "opendata" / "projects.csv").read_bytes().startswith("\ufeff".encode())


@pytest.mark.parametrize("page_path, text, message", [
    ("about.md", "# About\n\n<!-- sitegen:no-such-thing -->\n",
     "about.md: 不明な差し込み「no-such-thing」 / unknown fragment 'no-such-thing' (known: "),
    ("projects/index.md", "# Projects\n",
     "content/ja/projects/index.md: このページはデータから作られます / this page is generated from data"),
])
def test_a_hand_written_page_that_cannot_be_built_fails_with_one_message(tmp_path, page_path, text, message):
    root = make_project(tmp_path)
    assert build_project(root).returncode == 0
    before = tree_digest(root / "site")
    (root / "content" / "ja" / page_path).parent.mkdir(exist_ok=True)
    (root / "content" / "ja" / page_path).write_text(text, encoding="utf-8")
    result = build_project(root)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert tree_digest(root / "site") == before


def test_mkdocs_alone_builds_the_same_pages_as_the_build(tmp_path):
    # `make serve` runs MkDocs without `python -m sitegen build`: the hooks then make the pages
    # in MkDocs' own process, through the same code. Same HTML, feeds, calendars and open data.
    root = make_project(tmp_path)
    assert build_project(root).returncode == 0
    alone = tmp_path / "alone"
    env = dict(os.environ, SITE_TODAY="2025-04-15", PYTHONPATH=str(REPO), NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.en.yml",
                          "-d", str(alone)], cwd=root, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    built = root / "site" / "en"
    compared = [p.relative_to(built) for p in built.rglob("*") if p.is_file()
                and p.suffix in (".html", ".xml", ".ics", ".csv", ".json") and "pagefind" not in p.parts]
    assert len(compared) > 20
    different = [str(p) for p in compared if (alone / p).read_bytes() != (built / p).read_bytes()]
    assert not different, different
