"""News: the home page's recent window, the archive by fiscal year, scheduled items."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from sitegen.context import BuildContext
from sitegen.sections.news import by_fiscal_year, months_before, published_news, recent_news
from sitegen.validate import load_dataset
from tests.html import content_headings, page
from tests.sitebuild import REPO, SEED, SEED_DATA, build_project, make_project


@pytest.mark.parametrize("day, months, expected", [
    ("2025-04-15", 3, "2025-01-15"),
    ("2025-05-31", 3, "2025-02-28"),
    ("2024-05-31", 3, "2024-02-29"),
    ("2025-02-10", 3, "2024-11-10"),
    ("2025-01-31", 13, "2023-12-31"),
])
def test_months_before(day, months, expected):
    assert months_before(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(expected)


def ctx_for(today: str, lang: str = "ja", root=SEED) -> BuildContext:
    return BuildContext(ds=load_dataset(root), lang=lang, today=dt.date.fromisoformat(today))


def test_seed_news_is_recent_within_three_months_and_leaves_after():
    assert [n.date.isoformat() for n in recent_news(ctx_for("2025-04-15"))] == ["2025-04-01", "2025-02-22"]
    # 2025-05-22 - 3 months = 2025-02-22: the tour falls out of the window, the reports stay.
    assert [n.date.isoformat() for n in recent_news(ctx_for("2025-05-22"))] == ["2025-04-01"]
    assert recent_news(ctx_for("2025-07-02")) == []
    assert len(published_news(ctx_for("2025-07-02"))) == 2  # still in the archive


def test_news_dated_after_today_is_not_published_yet():
    ctx = ctx_for("2025-03-01")
    assert [n.id for n in published_news(ctx)] == ["2025-02-sea-fertiliser-tour"]


def test_archive_groups_by_fiscal_year_newest_first():
    items = published_news(ctx_for("2025-04-15"))
    assert [(fy, [n.date.isoformat() for n in group]) for fy, group in by_fiscal_year(items)] == [
        (2025, ["2025-04-01"]), (2024, ["2025-02-22"])]


def _news_titles(node):
    return [p.text() for p in node.find_all("p", class_="sg-news__title")]


@pytest.mark.parametrize("prefix, heading, tour", [
    ("", "新着ニュース(直近3ヶ月)", "地どれ魚直売会"),
    ("en/", "Recent news (last 3 months)", "local fresh fish market"),
])
def test_home_page_shows_the_seed_news_newest_first(seed_site, prefix, heading, tour):
    doc = page(seed_site, prefix)
    assert heading in content_headings(doc)
    recent = doc.find("ul", class_="sg-news sg-news--recent")
    titles = _news_titles(recent)
    assert len(titles) == 2 and tour in titles[1]
    assert [t.attrs["datetime"] for t in recent.find_all("time")] == ["2025-04-01", "2025-02-22"]
    related = recent.find("p", class_="sg-news__related").find("a")
    assert related.attrs["href"] == "projects/umi-no-hiryo/"


def test_archive_lists_all_news_by_fiscal_year(seed_site):
    doc = page(seed_site, "news")
    headings = content_headings(doc)
    assert headings == ["2025年度(令和7年度)", "2024年度(令和6年度)"]
    assert doc.find("li", id="news-2025-02-sea-fertiliser-tour")
    assert "タマ三郎のブルーカーボンチャレンジ" in doc.find("li", id="news-2025-02-sea-fertiliser-tour").text()
    assert doc.find("a", type="application/atom+xml").attrs["href"] == "../feed.xml"


def test_home_page_without_recent_news_says_so_and_links_to_archive(tmp_path):
    root = make_project(tmp_path)
    assert build_project(root, today="2025-08-01").returncode == 0
    for prefix, words in (("", "直近3ヶ月のニュースはありません"), ("en/", "no news in the last 3 months")):
        doc = page(root / "site", prefix)
        assert not doc.find("ul", class_="sg-news sg-news--recent")
        empty = doc.find("p", class_="sg-news__empty")
        assert words in empty.text() and empty.find("a").attrs["href"] == "news/"
        assert len(page(root / "site", prefix + "news").find_all("li", class_="sg-news__item")) == 2


def test_window_is_a_setting(tmp_path):
    site = (SEED_DATA / "site.yaml").read_text(encoding="utf-8")
    site = re.sub(r"news_window_months: \d+", "news_window_months: 6", site)
    root = make_project(tmp_path, {"site": site})
    assert build_project(root, today="2025-08-01").returncode == 0
    doc = page(root / "site", "")
    assert "新着ニュース(直近6ヶ月)" in content_headings(doc)
    assert len(_news_titles(doc.find("ul", class_="sg-news sg-news--recent"))) == 2


def test_news_body_and_links_are_sanitised_and_external_links_marked(tmp_path):
    news = """news:
  - id: n1
    date: 2025-04-02
    title: {ja: "題 <b>太字</b>"}
    body: {ja: "本文 [リンク](javascript:alert(1)) と **強調**"}
    link: https://example.org/a
    link_label: {ja: 詳しくはこちらの記事}
"""
    root = make_project(tmp_path, {"news": news})
    result = build_project(root)
    assert result.returncode == 1 and "news[0].title.ja" in result.stderr  # raw HTML refused
    (tmp_path / "b").mkdir()
    root2 = make_project(tmp_path / "b", {"news": news.replace(" <b>太字</b>", "")})
    assert build_project(root2).returncode == 0, "build failed"
    item = page(root2 / "site", "news").find("li", id="news-n1")
    assert not any("javascript" in a.attrs.get("href", "") for a in item.find_all("a"))
    assert item.find("strong").text() == "強調"
    link = item.find("p", class_="sg-news__link").find("a")
    assert link.attrs["href"] == "https://example.org/a" and link.attrs["rel"] == "noopener noreferrer"
    assert link.text().endswith("(外部リンク)") and "target" not in link.attrs


def test_news_call_reference_must_exist(tmp_path):
    from sitegen.errors import DataErrors
    news = "news:\n  - id: n1\n    date: 2025-04-02\n    title: {ja: 題}\n    calls: [kawasaki-decarbonisation-2024]\n"
    root = make_project(tmp_path, {"news": news})
    with pytest.raises(DataErrors) as exc:
        load_dataset(root)
    [e] = exc.value.errors
    assert e.path == "news[0].calls[0]" and "kawasaki-decarbonization-2024" in e.hint_en
