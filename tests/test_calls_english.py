"""Issue 16, items 9 and 7: English call pages speak English, and data Markdown renders.

9: a built English call page has no Japanese outside elements marked lang="ja" (a rule's
   or form's title quoted in 「」 is marked so; item labels are bilingual; no 〒; the deadline
   rule reads "must arrive by this day", not "(必着)").
7: a Markdown table in a data field comes out as a <table>, never as raw pipes, and the
   sanitiser still strips what staff text must not carry.
"""
from __future__ import annotations

import re

import pytest

from sitegen.markup import render_markdown
from tests.calls_fixtures import KAWASAKI, TWO_ROUNDS, calls_yaml_with_two_rounds
from tests.html import Node, page
from tests.sitebuild import build_project, make_project

JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")

TABLE_INTRO = """
    sections:
      - kind: text
        heading: {ja: 補助率, en: Subsidy rates}
        intro:
          - ja: |
              | 枠 | 補助率 |
              | --- | --- |
              | スタート枠 | 2/3 |
              | ステップアップ枠 | 2/3 |
            en: |
              | Track | Rate |
              | --- | --- |
              | Start | 2/3 |
              | Step-up | 2/3 |
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("english"),
                        {"calls": calls_yaml_with_two_rounds().rstrip("\n") + TABLE_INTRO})
    result = build_project(root, today="2025-05-10")
    assert result.returncode == 0, result.stderr
    return root / "site"


def _japanese_outside_lang_ja(node: Node, inside: bool = False):
    inside = inside or node.attrs.get("lang", "").startswith("ja")
    if node.tag in ("script", "style", "template"):
        return
    for part in node.text_parts:
        if isinstance(part, str):
            if not inside and JAPANESE.search(part):
                yield part.strip()
        else:
            yield from _japanese_outside_lang_ja(part, inside)


@pytest.mark.parametrize("call_id", [KAWASAKI, TWO_ROUNDS])
def test_english_call_page_has_no_japanese_outside_lang_ja(site, call_id):
    body = page(site, f"en/calls/{call_id}").find("body")
    assert body is not None
    assert list(_japanese_outside_lang_ja(body)) == []


def test_the_checker_sees_japanese(site):
    """The check above would fail on a leftover: the Japanese page is full of it."""
    assert list(_japanese_outside_lang_ja(page(site, f"calls/{KAWASAKI}").find("body")))


def test_english_kawasaki_page_keeps_its_facts(site):
    doc = page(site, f"en/calls/{KAWASAKI}")
    text = doc.find("article").text()
    for fact in ("(Name) 17th Kawasaki International Eco-Tech Fair",
                 "(Dates) Wednesday 13 and Thursday 14 November 2024, 10:00 to 17:00 each day",
                 "(Venue) Culttz Kawasaki (1-1-4 Fujimi, Kawasaki-ku, Kawasaki)",
                 "(Expected visitors) about 5,000 (total over the two days)",
                 "must arrive by this day", "210-8577"):
        assert fact in " ".join(text.split()), fact
    quoted = [n.text() for n in doc.find_all("span", lang="ja")]
    assert "「川崎市脱炭素貢献型新技術・新製品開発等支援補助金交付要綱」" in quoted
    # The Japanese page is as it was: labels in Japanese, 〒 before the postal code.
    ja = " ".join(page(site, f"calls/{KAWASAKI}").find("article").text().split())
    assert "(名称) 第17回川崎国際環境技術展" in ja and "〒210-8577" in ja
    assert "<span" not in ja  # no 「」 marking on the Japanese page


@pytest.mark.parametrize("prefix, cells", [("", ["枠", "補助率", "スタート枠", "2/3"]),
                                           ("en/", ["Track", "Rate", "Start", "2/3"])])
def test_markdown_table_in_a_section_intro_is_a_table(site, prefix, cells):
    doc = page(site, f"{prefix}calls/{TWO_ROUNDS}")
    tables = [t for t in doc.find_all("table") if t.parent.attrs.get("class") == "sg-paragraph"]
    assert len(tables) == 1
    got = [c.text() for c in tables[0].find_all() if c.tag in ("th", "td")]
    assert got[:4] == cells
    assert "| --- |" not in doc.find("article").text() and "| 2/3 |" not in doc.find("article").text()


def test_markdown_tables_stay_sanitised():
    html = str(render_markdown('| a | b |\n| :-- | --: |\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |'))
    assert "<table>" in html and "<th>a</th>" in html
    assert "onerror" not in html and "javascript:" not in html and "<img" not in html
    assert "style=" not in html  # alignment is dropped, no CSS from staff text
