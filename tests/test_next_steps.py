"""Issue 17, item 5 and the wording points: a page that asks the reader to act gives a way to
act (the link when the data has one, otherwise the department's phone and address), and the
citizens' pages speak to citizens (no developer words, no link to an empty list, no note about
news "below" when there is none)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sitegen.context import BuildContext
from sitegen.render import render
from sitegen.sections import news as news_section
from sitegen.sections.projects import VOCABULARIES, project_views
from sitegen.validate import load_dataset
from tests.html import Node, page, parse
from tests.sitebuild import SEED

PHONE = "0463-21-9758"  # tests/seed/data/site.yaml site.contact.phone
ADDRESS = {"ja": "〒254-8686 神奈川県平塚市浅間町9番1号 本館5階",
           "en": "5th floor, Main Building, 9-1 Sengen-cho, Hiratsuka, Kanagawa 254-8686"}


def _ctx(lang: str, today=dt.date(2025, 4, 15)) -> BuildContext:
    return BuildContext(ds=load_dataset(SEED), lang=lang, today=today)


def _has_contact(node: Node, lang: str) -> bool:
    way = node.find("span", class_="sg-contact-way")
    return bool(way) and bool(way.find("a", href=f"tel:{PHONE}")) and ADDRESS[lang] in way.text()


@pytest.mark.parametrize("prefix, lang", [("", "ja"), ("en/", "en")])
def test_how_to_donate_gives_the_department_to_call_when_the_data_has_no_address(seed_site, prefix, lang):
    # the seed names the city's hometown-tax pages but gives no address for them
    doc = page(seed_site, prefix + "donations/how-to-donate")
    steps = doc.find_all("p", class_="sg-next-step")
    assert len(steps) == 2  # the individual's procedure and the company's
    assert all(_has_contact(s, lang) for s in steps)
    assert not any(s.find("a", class_="sg-external-link") for s in steps)


@pytest.mark.parametrize("lang, label", [("ja", "電子申請の申込みページ"), ("en", "Online application page")])
def test_how_to_donate_links_the_procedure_pages_when_the_data_has_them(lang, label):
    ctx = _ctx(lang)
    how = ctx.ds.donations.how_to_donate
    how = how.model_copy(update={
        "individual": how.individual.model_copy(update={"url": "https://example.org/furusato",
                                                        "online_url": "https://example.org/apply"}),
        "corporate": how.corporate.model_copy(update={"url": "https://example.org/kigyo"})})
    doc = parse(render("donations/how_to_donate.md.j2", ctx, "donations/how-to-donate/", how=how))
    steps = doc.find_all("p", class_="sg-next-step")
    hrefs = [s.find("a").attrs["href"] for s in steps]
    assert hrefs == ["https://example.org/apply", "https://example.org/furusato", "https://example.org/kigyo"]
    assert label in steps[0].text()
    assert not doc.find("span", class_="sg-contact-way")  # a link, so no "ask us" sentence


@pytest.mark.parametrize("prefix, lang", [("", "ja"), ("en/", "en")])
def test_report_published_elsewhere_without_address_says_whom_to_ask(seed_site, prefix, lang):
    for project in ("umi-no-hiryo", "kaiyo-gijutsu"):  # kind: published, no url in the seed
        [report] = [r for r in page(seed_site, f"{prefix}projects/{project}").find_all("li", class_="sg-report")
                    if r.attrs["data-kind"] == "published"]
        assert _has_contact(report, lang), project


def test_report_published_elsewhere_with_address_links_it():
    ctx = _ctx("ja")
    [view] = [v for v in project_views(ctx) if v.project.id == "umi-no-hiryo"]
    [published] = [r for r in view.reports if r.report.kind == "published"]
    report = published.report.model_copy(update={"url": "https://example.org/report.pdf"})
    view = dataclasses.replace(view, reports=[dataclasses.replace(published, report=report)])
    doc = parse(render("projects/page.md.j2", ctx, view.url, view=view, project=view.project, ja_only=False,
                       **VOCABULARIES))
    [li] = doc.find_all("li", class_="sg-report")
    assert li.find("a", href="https://example.org/report.pdf")
    assert not li.find("span", class_="sg-contact-way")


DEVELOPER_WORDS = ("make test", "JavaScript", "pytest")


def _visible_text(node: Node) -> str:
    if node.tag in ("script", "style"):
        return ""
    return "".join(p if isinstance(p, str) else _visible_text(p) for p in node.text_parts)


def test_no_page_speaks_of_the_tools_behind_it(seed_site):
    pages = sorted(seed_site.rglob("index.html"))
    assert len(pages) > 50
    for path in pages:
        text = _visible_text(parse(path).find("body"))
        for word in DEVELOPER_WORDS:
            assert word not in text, f"{path.relative_to(seed_site)}: {word}"


@pytest.mark.parametrize("prefix, empty", [("", "開始前"), ("en/", "Upcoming")])
def test_a_filter_with_no_project_is_not_a_link(seed_site, prefix, empty):
    nav = page(seed_site, prefix + "projects").find("nav", class_="sg-project-filters")
    [item] = [li for li in nav.find_all("li") if li.text().startswith(empty)]
    assert not item.find("a") and item.find("span", class_="sg-filter-none")
    assert item.text().endswith("(0件)" if prefix == "" else "(0)")
    linked = [a.text() for a in nav.find_all("a")]
    assert linked and all(not t.endswith(("(0件)", "(0)")) for t in linked)


def test_department_filter_label_reads_as_a_sentence_for_citizens(seed_site):
    labels = [li.text() for li in page(seed_site, "projects").find("nav", class_="sg-project-filters").find_all("li")]
    assert "所管部署を掲載していないもの (1件)" in labels
    assert not any("記載なし" in t for t in labels)


def test_home_page_mentions_the_press_release_list_only_above_news():
    note = "記者発表一覧"
    with_news = news_section.build(_ctx("ja")).fragments["recent-news"]("")
    assert note in with_news and "sg-news--recent" in with_news
    later = news_section.build(_ctx("ja", today=dt.date(2030, 1, 1))).fragments["recent-news"]("")
    assert "ニュースはありません" in later and note not in later
