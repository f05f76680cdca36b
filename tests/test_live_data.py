"""What holds for ANY valid data, checked on the live data/ and on data/ with ordinary staff additions.

Staff change data/ all the time through pull requests, and the publish workflow runs the tests
before it deploys. So the tests that read data/ check only rules that every valid data set
keeps; tests of the seed's own facts (totals, counts, texts) read the frozen copy in
tests/seed/data/ instead (tests/sitebuild.py). `test_an_ordinary_staff_change_keeps_every_rule`
proves the split: a donation in a new fiscal year, a project, a news item and a call added to a
copy of data/ keep every rule here green.

The builds here use the real date (no SITE_TODAY), as the scheduled daily rebuild does, and the
generation also runs for dates far before and after the data, so no date can fail a build.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from sitegen_mkdocs.generated import language_context, write_language
from sitegen.today import site_today
from sitegen.validate import Dataset, load_dataset
from tests.html import Node, parse
from tests.sitebuild import LIVE_DATA, REPO, build_project, make_project

LANGS = {"ja": "", "en": "en/"}  # language -> folder of its pages under site/


# --- Ordinary staff additions, made the way a record is added: a copy of an existing one -----

ADDED_AMOUNT = 1_234_567  # yen; worked by hand into the checks below: 123万4,567円


def _unused_id(records: list[dict], wanted: str) -> str:
    """wanted, or wanted-2, -3…: staff may one day use the test's id for a real record."""
    taken = {r["id"] for r in records}
    return next(i for i in [wanted] + [f"{wanted}-{n}" for n in range(2, len(taken) + 3)] if i not in taken)


def _clone(records: list[dict], wanted_id: str, **changes) -> dict:
    record = json.loads(json.dumps(records[0], default=str))  # a deep copy, dates as text
    record.update(id=_unused_id(records, wanted_id), **changes)
    return record


def add_ordinary_records(data_dir: Path, today: dt.date) -> dict[str, str]:
    """Append one record of each kind to the data files in data_dir; returns file stem -> new id."""
    added: dict[str, list[dict]] = {}

    def edit(stem: str, change) -> None:
        # Rewritten from its parsed form (comments other than the header are lost: fine for a
        # copy), the header kept: its first line names the editor schema.
        path = data_dir / f"{stem}.yaml"
        text = path.read_text(encoding="utf-8")
        header = "".join(line for line in text.splitlines(keepends=True)[:1] if line.startswith("#"))
        data = yaml.safe_load(text)
        change(data)
        added[stem] = data[stem]
        path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def donation(data):
        donations = data["donations"]
        new_year = max(d["fiscal_year"] for d in donations) + 1
        donations.append({"id": _unused_id(donations, f"test-{new_year}-added-donor"), "fiscal_year": new_year,
                          "donor_type": "corporate", "donor": {"ja": "試験用株式会社", "en": "Test Co."},
                          "amount": ADDED_AMOUNT})

    edit("donations", donation)
    edit("projects", lambda d: d["projects"].append(_clone(
        d["projects"], "test-added-project", title={"ja": "試験用に追加したプロジェクト", "en": "A project added by a test"})))
    edit("news", lambda d: d["news"].append(_clone(
        d["news"], "test-added-news", date=today.isoformat(),
        title={"ja": "試験用に追加したお知らせ", "en": "A news item added by a test"})))
    edit("calls", lambda d: d["calls"].append(_clone(
        d["calls"], "test-added-call", title={"ja": "試験用に追加した公募", "en": "A call added by a test"})))
    return {stem: added[stem][-1]["id"] for stem in added}


# --- Sites ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Built:
    ds: Dataset
    site: Path
    added: dict[str, str]  # data file stem -> id of the record the test added (none for the live data)


def _built(root: Path, added: dict[str, str]) -> Built:
    result = build_project(root, today=None)  # the real date, as the daily rebuild
    assert result.returncode == 0, result.stderr
    return Built(load_dataset(root), root / "site", added)


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Built:
    return _built(make_project(tmp_path_factory.mktemp("live"), data_from=LIVE_DATA), {})


@pytest.fixture(scope="module")
def augmented(tmp_path_factory) -> Built:
    root = make_project(tmp_path_factory.mktemp("augmented"), data_from=LIVE_DATA)
    return _built(root, add_ordinary_records(root / "data", site_today()))


@pytest.fixture(params=["live", "augmented"])
def site(request) -> Built:
    return request.getfixturevalue(request.param)


# --- The rules -------------------------------------------------------------------------------------

def test_the_live_data_validates():
    load_dataset(REPO)  # raises DataErrors, with every mistake, otherwise


def test_the_live_data_matches_the_editor_schemas():
    from sitegen.schemas import schema_errors
    from sitegen.validate import FILE_MODELS

    assert {stem: schema_errors(LIVE_DATA / f"{stem}.yaml") for stem in FILE_MODELS} == \
        {stem: [] for stem in FILE_MODELS}


@pytest.mark.parametrize("today", ["2019-04-01", "2025-03-31", "2031-12-31", "2060-01-01"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pages_are_made_whatever_the_date(tmp_path, monkeypatch, today, lang):
    # The daily rebuild runs every day for years: no date before, inside or long after the
    # data's own may stop the generation.
    monkeypatch.setenv("SITE_TODAY", today)
    manifest = write_language(language_context(load_dataset(REPO), lang), REPO / "content" / lang, tmp_path)
    assert "index.md" in manifest.pages or (REPO / "content" / lang / "index.md").exists()


def _h1(site_dir: Path, url: str) -> str:
    path = site_dir / url / "index.html"
    assert path.is_file(), f"no page {url}"
    return parse(path).find("h1").text().rstrip("¶")


def _text(bilingual, lang: str) -> str:
    return (bilingual.en if lang == "en" and bilingual.en else bilingual.ja).strip()


def test_every_project_and_call_has_its_page_in_both_languages(site):
    ds, site_dir = site.ds, site.site
    for lang, prefix in LANGS.items():
        for p in ds.projects.projects:
            assert _h1(site_dir, f"{prefix}projects/{p.id}") == _text(p.title, lang)
        for c in ds.calls.calls:
            assert _h1(site_dir, f"{prefix}calls/{c.id}") == _text(c.title, lang)


def _ids_on(site_dir: Path, url: str, prefix: str) -> set[str]:
    doc = parse(site_dir / url / "index.html")
    return {n.attrs["id"][len(prefix):] for n in doc.iter() if n.attrs.get("id", "").startswith(prefix)}


def test_every_news_item_and_donation_is_listed_in_both_languages(site):
    ds, site_dir = site.ds, site.site
    for prefix in LANGS.values():
        assert _ids_on(site_dir, f"{prefix}news", "news-") == {n.id for n in ds.news.news}
        assert _ids_on(site_dir, f"{prefix}donations", "donation-") == {d.id for d in ds.donations.donations}


_JA_AMOUNT = re.compile(r"^(?:(?P<oku>[\d,]+)億)?(?:(?P<man>[\d,]+)万)?(?P<yen>[\d,]+)?円$")


def yen_from_japanese(shown: str) -> int:
    """'3,000万円' -> 30000000, '1億2,345万6,789円' -> 123456789: read back as a reader would."""
    m = _JA_AMOUNT.match(shown.strip())
    assert m and any(m.groups()), f"not an amount: {shown!r}"
    def number(part): return int((m.group(part) or "0").replace(",", ""))
    return number("oku") * 10**8 + number("man") * 10**4 + number("yen")


def _year_totals_table(site_dir: Path) -> Node:
    doc = parse(site_dir / "donations" / "index.html")
    tables = [t for t in doc.find_all("table") if t.find("tfoot") is not None]
    assert len(tables) == 1, "the donations page has one table of yearly totals, with a total row"
    return tables[0]


def test_donation_totals_are_the_sums_of_the_records(site):
    ds, site_dir = site.ds, site.site
    table = _year_totals_table(site_dir)
    shown = {}
    for row in table.find("tbody").find_all("tr"):
        year = int(re.match(r"(\d{4})", row.find("th").text()).group(1))
        count, amount, undisclosed = (td.text() for td in row.find_all("td"))
        shown[year] = (int(count), yen_from_japanese(amount), int(undisclosed))
    expected: dict[int, tuple[int, int, int]] = {}
    for d in ds.donations.donations:
        count, amount, undisclosed = expected.get(d.fiscal_year, (0, 0, 0))
        disclosed = isinstance(d.amount, int)
        expected[d.fiscal_year] = (count + 1, amount + (d.amount if disclosed else 0),
                                   undisclosed + (0 if disclosed else 1))
    assert {y: v for y, v in shown.items() if v[0]} == expected
    total = [td.text() for td in table.find("tfoot").find_all("td")]
    assert (int(total[0]), yen_from_japanese(total[1]), int(total[2])) == \
        tuple(sum(v[i] for v in expected.values()) for i in range(3))


def _csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_open_data_holds_every_record_and_nothing_else(site):
    ds, site_dir = site.ds, site.site
    records = {"projects": ds.projects.projects, "donations": ds.donations.donations, "calls": ds.calls.calls}
    for stem, items in records.items():
        ids = [r.id for r in items]
        data = json.loads((site_dir / "opendata" / f"{stem}.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in data[stem]] == ids, stem
        assert [r["id"] for r in _csv_rows(site_dir / "opendata" / f"{stem}.csv")] == ids, stem
    amounts = {r["id"]: r["amount_yen"] for r in _csv_rows(site_dir / "opendata" / "donations.csv")}
    assert amounts == {d.id: (str(d.amount) if isinstance(d.amount, int) else "") for d in ds.donations.donations}


def _pages(site_dir: Path) -> list[Path]:
    # The 404 pages are not made from data/ or content/ (their words come from the UI catalog, and
    # tests/test_search_engines.py and the e2e crawl check them); every page made from them is here.
    return sorted(p for p in site_dir.rglob("*.html")
                  if "pagefind" not in p.parts and "assets" not in p.parts and p.name != "404.html")


def test_no_page_is_empty(site):
    site_dir = site.site
    pages = _pages(site_dir)
    assert len(pages) > 20
    for path in pages:
        doc = parse(path)
        article = doc.find("article")
        assert article is not None, path
        heading = article.find("h1")
        assert heading is not None and heading.text().strip(), f"{path}: no heading"
        body = article.text().replace(heading.text(), "", 1)
        assert len(re.sub(r"\s+", "", body)) >= 20, f"{path}: almost no content"


def test_an_ordinary_staff_change_keeps_every_rule(augmented):
    # The rules above run on this site too (the `site` fixture); here, that the additions are there.
    ds, site_dir, added = augmented.ds, augmented.site, augmented.added
    added_year = max(d.fiscal_year for d in ds.donations.donations)
    assert [(d.id, d.amount) for d in ds.donations.donations if d.fiscal_year == added_year] == \
        [(added["donations"], ADDED_AMOUNT)]
    rows = {row.find("th").text(): [td.text() for td in row.find_all("td")]
            for row in _year_totals_table(site_dir).find("tbody").find_all("tr")}
    assert rows[f"{added_year}年度"] == ["1", "123万4,567円", "0"]
    assert _h1(site_dir, f"en/projects/{added['projects']}") == "A project added by a test"
    assert _h1(site_dir, f"calls/{added['calls']}") == "試験用に追加した公募"
    home = parse(site_dir / "index.html").text()
    assert "試験用に追加したお知らせ" in home  # dated today: on the home page's recent news
    assert f'id="news-{added["news"]}"' in (site_dir / "news" / "index.html").read_text(encoding="utf-8")
