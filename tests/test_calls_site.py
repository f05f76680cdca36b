"""Built call pages: status on four days, listing order, home fragment, summary, tables, calendar."""
from __future__ import annotations

import icalendar
import pytest

from tests.calls_fixtures import KAWASAKI, calls_yaml_with_copies
from tests.html import content_headings, page
from tests.sitebuild import build_project, make_project

SUMMARY_ROWS = {"ja": ["対象者", "対象事業", "補助率", "補助額", "対象経費", "選定方法", "申請手続", "受付期間"],
                "en": ["Who may apply", "Eligible projects", "Subsidy rate", "Subsidy amount", "Eligible expenses",
                       "Selection", "How to apply", "Application period"]}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The same data built on the four days of the issue's "done when"."""
    built = {}
    for day in ("2024-04-01", "2024-05-01", "2024-06-11", "2024-06-12"):
        root = make_project(tmp_path_factory.mktemp(day), {"calls": calls_yaml_with_copies()})
        result = build_project(root, today=day)
        assert result.returncode == 0, result.stderr
        built[day] = root / "site"
    return built


def _statuses(doc):
    return [(n.attrs["data-status"], n.text()) for n in doc.find_all("span", class_="sg-call-status")]


@pytest.mark.parametrize("day, code, ja_label, en_label", [
    ("2024-04-01", "upcoming", "募集予定", "Upcoming"),
    ("2024-05-01", "open", "受付中", "Open"),
    ("2024-06-11", "open", "受付中(本日締切)", "Open (closes today)"),
    ("2024-06-12", "closed", "受付終了", "Closed"),
])
def test_status_on_the_four_days(sites, day, code, ja_label, en_label):
    for prefix, label in (("", ja_label), ("en/", en_label)):
        statuses = _statuses(page(sites[day], f"{prefix}calls/{KAWASAKI}"))
        assert statuses and set(statuses) == {(code, label)}, (day, prefix, statuses)


def test_listing_puts_open_first_then_upcoming_then_closed(sites):
    doc = page(sites["2024-05-01"], "calls")
    items = doc.find_all("li", class_="sg-call-item")
    order = [(i.find("a").attrs["href"], i.find("span", class_="sg-call-status").attrs["data-status"]) for i in items]
    assert order == [(f"{KAWASAKI}/", "open"), ("summer-call-2024/", "upcoming"), ("early-call-2024/", "closed")]
    assert "2024年4月23日" in items[0].text() and "【必着】" in items[0].text()
    headings = content_headings(doc)
    assert headings == ["受付中", "募集予定", "受付終了"]


def test_call_page_ends_with_the_issuers_contact_not_the_programs(sites):
    """The footer of a call page names who answers for the call (the issuer in the data)."""
    for prefix, department in (("", "川崎市 経済労働局イノベーション推進部 グリーンイノベーション担当"),
                               ("en/", "Kawasaki City Green Innovation Section")):
        footer = page(sites["2024-05-01"], f"{prefix}calls/{KAWASAKI}").find("aside", class_="sg-page-footer")
        text = footer.text()
        assert department in text and "044-200-2335" in text and "28ecotech@city.kawasaki.jp" in text
        assert "0463-21-9758" not in text  # the program's own department is not the one to ask


def test_home_lists_open_and_upcoming_calls_or_says_there_are_none(sites):
    home = page(sites["2024-05-01"], "")
    links = [a.attrs["href"] for a in home.find("ul", class_="sg-call-list").find_all("a")]
    assert links == [f"calls/{KAWASAKI}/", "calls/summer-call-2024/"]
    later = page(sites["2024-06-12"], "en")
    assert [a.attrs["href"] for a in later.find("ul", class_="sg-call-list").find_all("a")] == ["calls/summer-call-2024/"]


def test_home_says_plainly_when_no_call_is_open(seed_site):
    for prefix, text in (("", "現在、受付中・募集予定の補助金はありません。"),
                         ("en/", "No subsidy call is open or coming at the moment.")):
        home = page(seed_site, prefix)
        assert home.find("p", class_="sg-none").text() == text
        assert not home.find("ul", class_="sg-call-list")


@pytest.mark.parametrize("lang, prefix", [("ja", ""), ("en", "en/")])
def test_call_page_starts_with_the_summary_table(seed_site, lang, prefix):
    doc = page(seed_site, f"{prefix}calls/{KAWASAKI}")
    first_table = doc.find("table")
    assert first_table.attrs["class"] == "sg-call-summary"
    rows = first_table.find_all("th", scope="row")
    assert [th.text() for th in rows] == SUMMARY_ROWS[lang]
    cells = {th.text(): th.parent.find("td").text() for th in rows}
    if lang == "ja":
        assert cells["補助率"] == "補助対象経費の4分の3以内"
        assert cells["補助額"] == "1件あたり200万円以上500万円以内"
        assert cells["受付期間"].startswith("2024年4月23日(令和6年4月23日)から2024年6月11日(令和6年6月11日)まで【必着】")
    else:
        assert cells["Subsidy rate"] == "up to 3/4 of the eligible expenses"
        assert cells["Subsidy amount"] == "¥2 million to ¥5 million per project"
    assert not doc.find("p", class_="sg-notice"), "the call is fully translated"


def test_call_page_has_every_section_in_order(seed_site):
    doc = page(seed_site, f"calls/{KAWASAKI}")
    headings = content_headings(doc)
    numbered = [h for h in headings if h[:2].strip().isdigit()]
    assert [int(h.split()[0]) for h in numbered] == list(range(1, 17))
    assert headings[:2] == ["概要", "お問合せ・申請先"] and headings[-1] == "提出資料チェックシート"


def test_sme_review_and_checklist_are_real_tables_and_checkboxes(seed_site):
    doc = page(seed_site, f"calls/{KAWASAKI}")
    sme = doc.find("table", class_="sg-sme-table")
    assert [th.attrs.get("scope") for th in sme.find("thead").find_all("th")] == ["col"] * 3
    rows = sme.find("tbody").find_all("tr")
    assert [(r.find_all("td")[0].attrs["data-yen"], r.find_all("td")[1].attrs["data-persons"]) for r in rows] == [
        ("300000000", "300"), ("100000000", "100"), ("50000000", "50"), ("50000000", "100")]
    assert rows[0].find_all("td")[0].text() == "3億円以下"
    review = doc.find("table", class_="sg-review")
    labels = [th.text() for th in review.find("tbody").find_all("th", scope="row")]
    assert labels[0] == "① 環境性・社会性" and labels[-1] == "⑧ 加点項目" and len(labels) == 8
    boxes = doc.find("ul", class_="sg-checklist").find_all("input", type="checkbox")
    assert len(boxes) == 9
    for box in boxes:
        assert doc.find("label", **{"for": box.attrs["id"]}), box.attrs["id"]


def test_external_links_say_so_and_never_open_new_windows(seed_site):
    for prefix, marker in (("", "(外部リンク)"), ("en/", "(external link)")):
        doc = page(seed_site, f"{prefix}calls/{KAWASAKI}")
        external = [a for a in doc.find_all("a") if a.attrs.get("href", "").startswith("http")
                    and "kawasaki" in a.attrs["href"]]
        assert {a.attrs["href"] for a in external} >= {"https://www.kawasaki-gi.jp/",
                                                       "https://www.city.kawasaki.jp/170/page/0000157117.html",
                                                       "https://www.city.kawasaki.jp/280/page/0000164802.html"}
        for a in external:
            assert a.attrs["rel"] == "noopener noreferrer" and "target" not in a.attrs
            sibling = a.parent.find("span", class_="sg-external")
            assert sibling and sibling.text() == marker


def test_worked_examples_are_on_the_page_without_javascript(seed_site):
    doc = page(seed_site, f"calls/{KAWASAKI}")
    rows = {tr.find("th").text(): tr.find("td").text()
            for tr in doc.find("table", class_="sg-examples").find("tbody").find_all("tr")}
    assert rows == {"500万円": "375万円", "1,000万円": "500万円(上限額)",
                    "200万円": "対象外(計算上は150万円で、下限額200万円未満)"}
    form = doc.find("form", class_="sg-calculator")
    assert "hidden" in form.attrs, "the form needs JavaScript, so it starts hidden"
    en = page(seed_site, f"en/calls/{KAWASAKI}")
    en_rows = [tr.find("td").text() for tr in en.find("table", class_="sg-examples").find("tbody").find_all("tr")]
    assert en_rows[:2] == ["¥3,750,000", "¥5 million (the maximum)"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_calendar_file_is_linked_and_parses(seed_site, prefix):
    doc = page(seed_site, f"{prefix}calls/{KAWASAKI}")
    links = [a.attrs["href"] for a in doc.find_all("a", class_="sg-ics")]
    assert links and set(links) == {"calendar.ics"}
    data = (seed_site / f"{prefix}calls/{KAWASAKI}/calendar.ics").read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any(("必着" if not prefix else "must arrive by this day") in s for s in summaries)
    page_url = f"https://example.org/program/{prefix}calls/{KAWASAKI}/"
    assert page_url in str(cal.walk("VEVENT")[0]["DESCRIPTION"])
