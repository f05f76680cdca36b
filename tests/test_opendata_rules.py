"""Open data by the Digital Agency's machine-readability rules (issue 17, item 6), read the way a
user's program reads it: each CSV with the csv module, the column descriptions from the open-data
page in both languages, the JSON against its generated schema.

- plain text in every cell: no line break, no Markdown (**, list marks, [label](address), #);
- numbers only in numeric columns (blank = unknown, never written as 0), and a number beside a
  value written as text (subsidy_rate "3/4" with its numerator and denominator);
- dates in ISO form; coded columns hold only the codes their description lists, in English;
- every column has a Japanese and an English description that says more than its name.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from fractions import Fraction
from typing import Literal

import jsonschema
import pytest
from pydantic import Field

from sitegen.models.common import Id, Strict, Text
from sitegen.sections.opendata import csv_tables, dataset_columns, model_columns, plain_cell, published, table_columns
from sitegen.validate import load_dataset
from tests.html import page
from tests.calls_fixtures import TWO_ROUNDS, calls_yaml_with_two_rounds
from tests.sitebuild import SEED, build_project, make_project

STEMS = published()
TABLES = csv_tables()  # the data sets' CSV files and their child tables (calls_rounds, calls_tracks)
CHILD_TABLES = [t for t in TABLES if t not in STEMS]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
MARKDOWN = [
    ("emphasis", re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)[^*]*\*")),
    ("link", re.compile(r"\[[^\]]*\]\([^)]*\)")),
    ("list item", re.compile(r"(?:^|\s)[-*+] (?=\S)|^\d+\. ")),
    ("heading", re.compile(r"^#{1,6} ")),
    ("code", re.compile(r"`")),
]
CODE = re.compile(r"([a-z][a-z0-9_]*) = ")  # "corporate = 法人" in a coded column's description


def rows_of(site, stem: str) -> tuple[list[str], list[list[str]]]:
    with open(site / "opendata" / f"{stem}.csv", encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert all(len(row) == len(header) for row in rows)
    return header, rows


def described(site, lang: str, stem: str) -> dict[str, str]:
    """{column: description} as the open-data page in `lang` shows them."""
    doc = page(site, ("en/" if lang == "en" else "") + "opendata")
    tables = doc.find_all("table", class_="sg-opendata__fields")
    table = tables[TABLES.index(stem)]
    return {tr.find("th").find("code").text(): tr.find_all("td")[-1].text()
            for tr in table.find("tbody").find_all("tr")}


# --- The CSV files -----------------------------------------------------------------------

@pytest.mark.parametrize("stem", STEMS)
def test_every_cell_is_plain_text_on_one_line(seed_site, stem):
    header, rows = rows_of(seed_site, stem)
    for row in rows:
        for name, cell in zip(header, row):
            assert "\n" not in cell and "\r" not in cell, (stem, name, cell)
            assert cell == cell.strip() and "  " not in cell, (stem, name, cell)
            for what, sign in MARKDOWN:
                assert not sign.search(cell), (stem, name, what, cell)


def test_markdown_of_the_seed_call_becomes_the_words_a_reader_sees(seed_site):
    header, rows = rows_of(seed_site, "calls")
    call = dict(zip(header, rows[0]))
    # tests/seed/data/calls.yaml: a paragraph, a blank line, then "- (1)…", "- (2)…", "- (3)…"
    assert call["summary_projects_ja"] == (
        "市内の中小企業等が行う、脱炭素に貢献する革新的な新技術・新製品の研究開発で、次の3分野に該当するもの "
        "(1)「環境汚染防止分野」に資する技術・製品・システムの研究開発 "
        "(2)「地球温暖化対策分野」に資する技術・製品・システムの研究開発 "
        "(3)「廃棄物処理・資源有効利用分野」に資する技術・製品・システムの研究開発")
    assert call["summary_expenses_en"].startswith(
        "(1) purchase of raw materials, consumables, reference materials and the like "
        "(2) lease, purchase and repair of machinery, equipment and tools (3) ")
    # the JSON keeps the text as staff wrote it
    data = json.loads((seed_site / "opendata" / "calls.json").read_text(encoding="utf-8"))
    assert "\n\n- (1)「環境汚染防止分野」" in data["calls"][0]["summary"]["projects"]["ja"]


@pytest.mark.parametrize("text, plain", [
    ("**重要** [詳しくはこちら](https://example.org/a) をご覧ください", "重要 詳しくはこちら をご覧ください"),
    ("前文\n\n- 一つ目\n- 二つ目\n", "前文 一つ目 二つ目"),
    ("1. first\n2. second", "first second"),
    ("一行目\n二行目", "一行目 二行目"),
    ("A & B < C", "A & B < C"),
    ("  spaced   out  ", "spaced out"),
])
def test_plain_cell(text, plain):
    assert plain_cell(text) == plain


@pytest.mark.parametrize("stem", STEMS)
def test_numeric_date_and_boolean_columns_hold_only_their_kind(seed_site, stem):
    header, rows = rows_of(seed_site, stem)
    kinds = {c.name: c.kind for c in dataset_columns(stem)[0]}
    assert header == list(kinds)
    for row in rows:
        for name, cell in zip(header, row):
            if cell == "":
                continue  # blank = no value (unknown), never 0
            if kinds[name] == "integer":
                assert re.fullmatch(r"-?[0-9]+", cell), (name, cell)  # no unit, comma or note
            elif kinds[name] == "date":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell) and dt.date.fromisoformat(cell), (name, cell)
            elif kinds[name] == "boolean":
                assert cell in ("true", "false"), (name, cell)


def test_blank_is_not_zero(seed_site):
    header, rows = rows_of(seed_site, "donations")
    donations = [dict(zip(header, row)) for row in rows]
    undisclosed = next(d for d in donations if d["id"] == "2024-daiichi-life")  # amount: undisclosed
    assert undisclosed["amount_yen"] == "" and undisclosed["amount_status"] == "undisclosed"
    assert all(d["amount_yen"] != "0" for d in donations)


def test_the_subsidy_rate_has_its_numbers_beside_its_text(seed_site):
    header, rows = rows_of(seed_site, "calls")
    call = dict(zip(header, rows[0]))
    assert header.index("subsidy_rate_numerator") == header.index("subsidy_rate") + 1
    assert header.index("subsidy_rate_denominator") == header.index("subsidy_rate") + 2
    # the seed's call: subsidy_rate: "3/4"
    assert (call["subsidy_rate"], call["subsidy_rate_numerator"], call["subsidy_rate_denominator"]) == ("3/4", "3", "4")
    seed = load_dataset(SEED).calls.calls[0].subsidy_rate
    assert Fraction(int(call["subsidy_rate_numerator"]), int(call["subsidy_rate_denominator"])) == seed


# --- What the open-data page says about each column ----------------------------------------

@pytest.mark.parametrize("stem", STEMS)
def test_coded_columns_hold_only_the_codes_their_description_lists(seed_site, stem):
    header, rows = rows_of(seed_site, stem)
    ja, en = described(seed_site, "ja", stem), described(seed_site, "en", stem)
    coded = [c for c in dataset_columns(stem)[0] if c.codes]
    assert coded, "each data set has a coded column"
    for column in coded:
        listed = CODE.findall(ja[column.name])
        assert listed == CODE.findall(en[column.name]) == [code for code, _ in column.codes]
        assert all(meaning for _, meaning in column.codes), f"{column.name}: a code without its meaning"
        for code in listed:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", code), "codes are English words"
        cells = [row[header.index(column.name)] for row in rows]
        values = {v for cell in cells for v in (cell.split(column.separator) if column.separator else [cell])} - {""}
        assert values <= set(listed), (column.name, values)


def test_the_seed_codes_and_their_meanings(seed_site):
    ja, en = described(seed_site, "ja", "donations"), described(seed_site, "en", "donations")
    assert ja["donor_type"] == "寄附者の種類(コード: corporate = 法人、individual = 個人)"
    assert en["donor_type"] == "kind of donor (codes: corporate = a corporation; individual = an individual)"
    assert "disclosed = 公表" in ja["amount_status"] and "undisclosed = 非公表" in ja["amount_status"]
    calls_ja, calls_en = described(seed_site, "ja", "calls"), described(seed_site, "en", "calls")
    assert "arrival = 締切日必着" in calls_ja["deadline_rule"] and "postmark = 締切日の消印有効" in calls_ja["deadline_rule"]
    assert "arrival = must arrive by the deadline" in calls_en["deadline_rule"]


@pytest.mark.parametrize("stem", STEMS)
def test_every_column_is_described_in_both_languages(seed_site, stem):
    ja, en = described(seed_site, "ja", stem), described(seed_site, "en", stem)
    assert list(ja) == list(en) == [c.name for c in dataset_columns(stem)[0]]
    for name in ja:
        bare = re.sub(r"_(ja|en|yen)$", "", name)
        for text in (ja[name], en[name]):
            said = re.sub(r"\s*[((](日本語|英語|Japanese|English)[))]$", "", text)
            assert said.lower() not in (name, bare, bare.replace("_", " ")), (name, text)
            assert not said.startswith((name + "(", bare + "(")), (name, text)  # the field name as a description
        assert JAPANESE.search(ja[name]), (name, ja[name])
        assert not JAPANESE.search(en[name]), (name, en[name])  # not the other half of a "ja / en" pair
        if name.endswith("_ja"):
            assert ja[name].endswith("(日本語)") and en[name].endswith("(Japanese)")
        if name.endswith("_en"):
            assert ja[name].endswith("(英語)") and en[name].endswith("(English)")
        assert "Markdown" not in ja[name] + en[name], "the CSV holds plain text"


def test_a_literal_without_written_meanings_still_lists_its_codes():
    class Grown(Strict):
        id: Id
        kind: str = Field(default="a", description="種類 / kind")
        mode: Literal["a", "b"] = Field(description="方式 / mode")
        note: Text | None = Field(default=None, description="備考(Markdown) / note (limited Markdown)")

    columns = {c.name: c for c in model_columns(Grown, meanings={"mode": {"a": ("甲", "first")}})[0]}
    assert columns["mode"].describe("ja") == "方式(コード: a = 甲、b)"
    assert columns["mode"].describe("en") == "mode (codes: a = first; b)"
    assert columns["kind"].codes == ()
    assert columns["note_ja"].describe("ja") == "備考(日本語)" and columns["note_en"].describe("en") == "note (English)"


# --- The JSON ------------------------------------------------------------------------------

@pytest.mark.parametrize("stem", STEMS)
def test_json_matches_its_generated_schema_and_the_csv(seed_site, stem):
    folder = seed_site / "opendata"
    data = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    schema = json.loads((folder / "schema" / f"{stem}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator, format_checker=jsonschema.FormatChecker())
    text = json.dumps(schema)
    assert '"ge"' not in text and '"le"' not in text, "bounds as minimum/maximum, which validators read"
    header, rows = rows_of(seed_site, stem)
    assert [r[header.index("id")] for r in rows] == [r["id"] for r in data[stem]]
    if stem == "donations":  # the JSON's code for an undisclosed amount is the CSV's
        status = {r[0]: r[header.index("amount_status")] for r in rows}
        for d in data["donations"]:
            assert (status[d["id"]] == "undisclosed") == (d["amount"] == "undisclosed")


def test_a_bound_in_the_schema_is_enforced(seed_site):
    schema = json.loads((seed_site / "opendata" / "schema" / "donations.schema.json").read_text(encoding="utf-8"))
    data = json.loads((seed_site / "opendata" / "donations.json").read_text(encoding="utf-8"))
    data["donations"][0]["fiscal_year"] = 1800  # FiscalYear: 1989..2100
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


# --- Rounds and tracks: long format, one file each (issue 16, item 6) ------------------------

@pytest.fixture(scope="module")
def rounds_site(tmp_path_factory):
    """The seed plus the two-round, two-track fixture: the child tables have rows."""
    root = make_project(tmp_path_factory.mktemp("opendata-rounds"), {"calls": calls_yaml_with_two_rounds()})
    result = build_project(root, today="2025-05-10")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_the_child_tables_are_the_calls_rounds_and_tracks():
    assert CHILD_TABLES == ["calls_rounds", "calls_tracks"]
    assert "rounds" not in table_columns("calls")[1] and "tracks" not in table_columns("calls")[1]


@pytest.mark.parametrize("table", CHILD_TABLES)
def test_child_tables_follow_the_rules(rounds_site, table):
    header, rows = rows_of(rounds_site, table)
    columns = table_columns(table)[0]
    assert header == [c.name for c in columns] and header[:2] == ["call_id", "id"]
    assert rows and {row[0] for row in rows} == {TWO_ROUNDS}
    calls_header, calls_rows = rows_of(rounds_site, "calls")
    assert {row[0] for row in rows} <= {r[calls_header.index("id")] for r in calls_rows}
    kinds = {c.name: c.kind for c in columns}
    for row in rows:
        for name, cell in zip(header, row):
            assert "\n" not in cell and cell == cell.strip() and "  " not in cell, (name, cell)
            for what, sign in MARKDOWN:
                assert not sign.search(cell), (table, name, what, cell)
            if cell and kinds[name] == "integer":
                assert re.fullmatch(r"-?[0-9]+", cell), (name, cell)
            elif cell and kinds[name] == "date":
                assert dt.date.fromisoformat(cell), (name, cell)
            elif cell and kinds[name] == "boolean":
                assert cell in ("true", "false"), (name, cell)
    ja, en = described(rounds_site, "ja", table), described(rounds_site, "en", table)
    assert list(ja) == list(en) == header
    for name in header:
        assert JAPANESE.search(ja[name]) and not JAPANESE.search(en[name]), (name, ja[name], en[name])
        assert "Markdown" not in ja[name] + en[name]
    for column in (c for c in columns if c.codes):
        assert CODE.findall(ja[column.name]) == [code for code, _ in column.codes]
        assert {row[header.index(column.name)] for row in rows} - {""} <= {code for code, _ in column.codes}


def test_rounds_and_tracks_hold_the_fixtures_facts_with_jgrants_names(rounds_site):
    header, rows = rows_of(rounds_site, "calls_rounds")
    rounds = [dict(zip(header, r)) for r in rows]
    assert [(r["id"], r["title_ja"], r["title_en"], r["acceptance_start_datetime"], r["acceptance_end_datetime"])
            for r in rounds] == [("round-1", "第1回募集", "Round 1", "2025-05-01", "2025-05-30"),
                                 ("round-2", "第2回募集", "Round 2", "2025-08-01", "2025-08-29")]
    header, rows = rows_of(rounds_site, "calls_tracks")
    tracks = [dict(zip(header, r)) for r in rows]
    assert [(t["id"], t["subsidy_rate"], t["subsidy_rate_numerator"], t["subsidy_rate_denominator"],
             t["subsidy_max_limit_yen"]) for t in tracks] == [("start", "2/3", "2", "3", "500000"),
                                                              ("step-up", "2/3", "2", "3", "1000000")]
    data = json.loads((rounds_site / "opendata" / "calls.json").read_text(encoding="utf-8"))
    call = next(c for c in data["calls"] if c["id"] == TWO_ROUNDS)
    assert [r["id"] for r in call["rounds"]] == ["round-1", "round-2"]
    assert [t["subsidy_max_limit"] for t in call["tracks"]] == [500000, 1000000]


def test_the_seed_without_rounds_has_empty_child_tables_with_their_header(seed_site):
    for table in CHILD_TABLES:
        header, rows = rows_of(seed_site, table)
        assert header[0] == "call_id" and rows == []


# --- Lists of codes in one cell: a call's target_types, a project's support (issue 16, item 8) --

def test_a_list_of_codes_is_one_cell_separated_by_semicolons(rounds_site):
    header, rows = rows_of(rounds_site, "calls")
    target = {r[header.index("id")]: r[header.index("target_types")] for r in rows}
    # tests/seed/data/calls.yaml: target_types: [sme, sme_group]; the two-round fixture gives none
    assert target == {"kawasaki-decarbonization-2024": "sme;sme_group", TWO_ROUNDS: ""}
    data = json.loads((rounds_site / "opendata" / "calls.json").read_text(encoding="utf-8"))
    assert {c["id"]: c["target_types"] for c in data["calls"]} == {
        "kawasaki-decarbonization-2024": ["sme", "sme_group"], TWO_ROUNDS: []}
    header, rows = rows_of(rounds_site, "projects")
    support = {r[header.index("id")]: r[header.index("support")] for r in rows}
    # tests/seed/data/projects.yaml: kaiyo-gijutsu [implementation, funding, pr], oral-frail [pr]
    assert support["kaiyo-gijutsu"] == "implementation;funding;pr" and support["oral-frail"] == "pr"


def test_a_list_of_codes_is_described_with_its_separator_and_codes(rounds_site):
    ja, en = described(rounds_site, "ja", "calls")["target_types"], described(rounds_site, "en", "calls")["target_types"]
    assert ja.startswith("申請できる者の区分。空欄は対象者を分類していない公募(コード。複数のときは「;」で区切ります: ")
    assert "sme = 中小企業、sme_group = 中小企業団体(組合等)、" in ja
    assert en.startswith('who may apply, by kind of applicant; blank for a call not classified by applicant '
                         '(codes, several separated by ";": sme = Small and medium-sized enterprises; ')
    assert not JAPANESE.search(en)
    assert "target_types" not in [c.name for c in table_columns("calls")[0] if not c.codes]
    assert "support" not in table_columns("projects")[1]  # no longer in the JSON only
