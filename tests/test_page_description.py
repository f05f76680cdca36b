"""<meta name="description"> (issue 15, item 7): plain text, cut between two characters with an
ellipsis, in the page's language. It used to be the first 120 characters of a record's raw
Markdown, whatever language that text was in."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata

import pytest

from sitegen.context import BuildContext
from sitegen.models.common import Text
from sitegen.page_description import ELLIPSIS, LIMITS, description_from, shorten, written_description
from sitegen.sections import calls, projects
from sitegen.validate import load_dataset
from tests.html import parse
from tests.sitebuild import SEED_DATA

MARKDOWN_SIGNS = re.compile(r"\*\*|\]\(|^#|\n|https://example\.org")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# A project summary as staff may write it: emphasis, a link, a heading, a list, and long.
SUMMARY_JA = ("# 概要\n\n**波力発電**の[研究開発](https://example.org/wave)を推進します。\n\n"
              "- 人材育成\n- 実証実験\n\n" + "海洋技術の研究を続けます。" * 20)
SUMMARY_EN = ("# Summary\n\nPromotes **wave power** [research](https://example.org/wave) and development.\n\n"
              "- training\n- field tests\n\n" + "The programme keeps researching ocean technologies. " * 10)


def _edit(root, stem: str, old: str, new: str) -> None:
    """Replace text in a copy of the seed's data file (copied into root/data first if needed)."""
    if not (root / "data").exists():
        shutil.copytree(SEED_DATA, root / "data")
    path = root / "data" / f"{stem}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _yaml_block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "".join(pad + line + "\n" if line else "\n" for line in text.split("\n"))


def _page(output, url: str):
    return next(p for p in output.pages if p.url == url)


@pytest.fixture
def markdown_summary(tmp_path):
    """The seed with the first project's summary in Markdown (both languages) and the second's
    in Japanese only."""
    _edit(tmp_path, "projects",
          "      ja: 波力発電等の海に関連する技術開発や人材育成を推進\n"
          "      en: Promotes the development of sea-related technologies, such as wave power generation,"
          " and of the people who work with them\n",
          f"      ja: {_yaml_block(SUMMARY_JA, 8)}      en: {_yaml_block(SUMMARY_EN, 8)}")
    _edit(tmp_path, "projects",
          "      en: A demonstration experiment growing seaweed at Hiratsuka Tamasaburo Fishing Port"
          " (New Port) using the sea fertiliser developed by Professor Kim Hee-jun of Kogakuin University\n", "")
    return load_dataset(tmp_path)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_project_page_description_is_plain_short_text(markdown_summary, lang):
    ctx = BuildContext(ds=markdown_summary, lang=lang, today=dt.date(2025, 4, 15))
    description = _page(projects.build(ctx), "projects/kaiyo-gijutsu/").description
    assert not MARKDOWN_SIGNS.search(description), description
    assert "波力発電の研究開発を推進します。" in description if lang == "ja" else \
        "Promotes wave power research and development." in description
    assert len(description) <= LIMITS[lang] and description.endswith(ELLIPSIS), description
    assert description.startswith("概要 " if lang == "ja" else "Summary "), description


def test_an_english_page_never_describes_itself_in_japanese(markdown_summary):
    """A summary without English: no description of its own, so the theme shows the site's
    English description instead of Japanese text on an English page."""
    ctx = BuildContext(ds=markdown_summary, lang="en", today=dt.date(2025, 4, 15))
    assert _page(projects.build(ctx), "projects/umi-no-hiryo/").description == ""
    ja = BuildContext(ds=markdown_summary, lang="ja", today=dt.date(2025, 4, 15))
    assert _page(projects.build(ja), "projects/umi-no-hiryo/").description.startswith("工学院大学")


def test_a_call_page_description_is_plain_text(tmp_path):
    _edit(tmp_path, "calls", "        ja: 市内に事業所を有して1年以上事業を営んでいる中小企業等\n",
          "        ja: \"**市内**に事業所を有する[中小企業等](https://example.org/sme)\"\n")
    ctx = BuildContext(ds=load_dataset(tmp_path), lang="ja", today=dt.date(2025, 4, 15))
    page = _page(calls.build(ctx), "calls/kawasaki-decarbonization-2024/")
    assert page.description == "市内に事業所を有する中小企業等"


def test_a_short_plain_description_is_kept_whole():
    text = Text(ja="波力発電等の海に関連する技術開発や人材育成を推進", en="Promotes sea-related technologies")
    assert description_from(text, "ja") == "波力発電等の海に関連する技術開発や人材育成を推進"
    assert description_from(text, "en") == "Promotes sea-related technologies"


def test_a_written_description_is_whole_and_in_the_page_language():
    long_en = "Donations to the program by fiscal year, " * 6
    text = Text(ja="寄附実績の一覧", en=long_en)
    assert written_description(text, "en") == long_en.strip()
    assert written_description(Text(ja="寄附実績の一覧"), "en") == ""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_cut_never_splits_a_character(lang):
    """Characters made of several code points (が as か + a combining mark, an emoji family
    joined by zero-width joiners) are kept whole or left out whole."""
    for filler in ("か\u3099", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "e\u0301"):
        for offset in range(len(filler)):
            text = "あ" * offset + filler * LIMITS[lang]
            cut = shorten(text, lang)
            kept = cut[:-len(ELLIPSIS)]
            assert cut.endswith(ELLIPSIS) and text.startswith(kept)
            following = text[len(kept)]
            assert not unicodedata.combining(following) and following != "\u200d" \
                and kept[-1:] != "\u200d", (filler, offset, cut[-5:])


def test_an_english_cut_ends_on_a_whole_word():
    text = "Promotes the development of sea-related technologies and of the people who work with them. " * 4
    cut = shorten(text, "en")
    kept = cut[:-len(ELLIPSIS)]
    assert len(cut) <= LIMITS["en"] and text[len(kept)] == " " and not kept.endswith(" ")


def test_built_pages_carry_plain_descriptions_in_their_language(seed_site):
    for html_file in sorted(seed_site.rglob("index.html")):
        doc = parse(html_file)
        lang = doc.find("html").attrs["lang"]
        description = doc.find("meta", name="description").attrs["content"]
        assert not MARKDOWN_SIGNS.search(description), html_file
        if lang == "en":
            assert not JAPANESE.search(description), (html_file, description)
