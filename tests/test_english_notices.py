"""Issue 17, item 5: every English page that shows Japanese-only text says so.

The seed is fully translated, so a project is built from it with a news item and a project
title given in Japanese only. On every English page, each place that text appears must be
inside an element marked lang="ja", and the page must carry the "Available in Japanese only"
notice (sitegen/templates/_ja_only.md.j2). Before the fix the news page, the home page and the
project lists showed the text (marked) with no notice.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.html import Node, parse
from tests.sitebuild import SEED_DATA, build_project, make_project

NEWS_JA = "英訳のまだないお知らせです"
TITLE_JA = "海の肥料施肥"


@pytest.fixture(scope="module")
def untranslated_site(tmp_path_factory) -> Path:
    news = (SEED_DATA / "news.yaml").read_text(encoding="utf-8")
    news = news.replace("news:\n", "news:\n"
                        "  - id: 2025-04-untranslated\n"
                        "    date: 2025-04-10\n"
                        "    title:\n"
                        f"      ja: {NEWS_JA}\n"
                        "    projects: [kaiyo-gijutsu]\n", 1)
    projects = (SEED_DATA / "projects.yaml").read_text(encoding="utf-8")
    line = "      en: Sea fertiliser application\n"
    assert projects.count(line) == 1
    projects = projects.replace(line, "")
    root = make_project(tmp_path_factory.mktemp("untranslated"), {"news": news, "projects": projects})
    result = build_project(root, today="2025-04-15")
    assert result.returncode == 0, result.stderr
    return root / "site"


def _nearest_lang(node: Node) -> str | None:
    while node is not None:
        if "lang" in node.attrs:
            return node.attrs["lang"]
        node = node.parent
    return None


def _places(doc: Node, needle: str) -> list[Node]:
    """The elements (of the page's content) whose own text holds the needle."""
    return [n for n in doc.iter() for part in n.text_parts if isinstance(part, str) and needle in part]


def _english_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "en").rglob("index.html"))


def test_every_english_page_showing_japanese_only_text_marks_it_and_says_so(untranslated_site):
    shown = {}
    for path in _english_pages(untranslated_site):
        doc = parse(path)
        content = doc.find("article") or doc.find("body")
        places = [(needle, n) for needle in (NEWS_JA, TITLE_JA) for n in _places(content, needle)
                  if n.tag != "h1"]  # the page's own heading (the theme writes it from the title)
        if not places:
            continue
        url = path.parent.relative_to(untranslated_site).as_posix()
        shown[url] = len(places)
        for needle, node in places:
            assert _nearest_lang(node) == "ja", (url, needle, node.tag, node.attrs)
        notices = content.find_all("p", data_sg_ja_only=True)
        assert len(notices) >= 1, f"{url}: Japanese-only text without the notice"
        assert "Available in Japanese only" in notices[0].text()
    # the text is shown where expected: the news page, the home page (recent news), the project lists
    assert {"en/news", "en", "en/projects", "en/projects/department/sangyo-shinko"} <= set(shown), shown
    # the project's own page says it too (its heading is the untranslated title)
    assert parse(untranslated_site / "en/projects/umi-no-hiryo/index.html").find_all("p", data_sg_ja_only=True)


def test_fully_translated_english_pages_have_no_notice(seed_site):
    for path in _english_pages(seed_site):
        doc = parse(path)
        assert not doc.find_all("p", data_sg_ja_only=True), path
