"""Open data: every file parses with real parsers, matches its schema, follows the
machine-readability rules; the donations CSV adds up; columns follow the models."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Literal

import jsonschema
import pytest
from pydantic import Field

from sitegen.dates import PartialDate
from sitegen.models.common import Date, FiscalYear, Id, Strict, Text, Yen
from sitegen.sections.opendata import csv_tables, dataset_columns, model_columns, published, table_columns, write_json
from sitegen.validate import load_dataset
from tests.html import page
from tests.calls_amount_cases import calls_yaml_with_amount_fixtures
from tests.sitebuild import REPO, SEED, make_project

STEMS = published()  # the kinds sitegen.kinds marks as open data
SEED_TOTAL = 57_500_000  # 100万+100万+50万+100万+3,000万+2,400万 (第一生命: 非公表)


def read_csv(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, as the open-data page states"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))



@pytest.mark.parametrize("stem", STEMS)
def test_every_file_parses_and_json_matches_its_schema(seed_site, stem):
    folder = seed_site / "opendata"
    data = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    schema = json.loads((folder / "schema" / f"{stem}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert schema["$id"] == f"https://example.org/program/opendata/schema/{stem}.schema.json"
    rows = read_csv(folder / f"{stem}.csv")
    assert len(rows) == len(data[stem])  # one record per row
    columns, _ = dataset_columns(stem)
    with open(folder / f"{stem}.csv", encoding="utf-8-sig", newline="") as f:
        assert next(csv.reader(f)) == [c.name for c in columns]
    for c in columns:
        for row in rows:
            value = row[c.name]
            if value == "":
                continue  # blank = no value, never 0
            if c.kind == "integer":
                assert re.fullmatch(r"-?[0-9]+", value), (c.name, value)
            elif c.kind == "date":
                assert dt.date.fromisoformat(value) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
            elif c.kind == "boolean":
                assert value in ("true", "false")


def test_downloads_are_written_once_at_the_root(seed_site):
    assert (seed_site / "opendata" / "projects.csv").exists()
    assert not (seed_site / "en" / "opendata" / "projects.csv").exists()
    doc = page(seed_site, "en/opendata")
    hrefs = [a.attrs["href"] for a in doc.find_all("a") if a.attrs.get("href", "").endswith((".csv", ".json"))]
    assert "../../opendata/donations.csv" in hrefs
    for href in hrefs:
        assert (seed_site / "en" / "opendata" / href).resolve().exists(), href


def test_donations_csv_adds_up_to_the_seed_total(seed_site):
    rows = read_csv(seed_site / "opendata" / "donations.csv")
    assert sum(int(r["amount_yen"]) for r in rows if r["amount_yen"]) == SEED_TOTAL
    daiichi = next(r for r in rows if r["id"] == "2024-daiichi-life")
    assert daiichi["amount_yen"] == "" and daiichi["amount_status"] == "undisclosed"
    assert {r["amount_status"] for r in rows if r["amount_yen"]} == {"disclosed"}
    anonymous = next(r for r in rows if r["id"] == "2023-anonymous-individual")
    assert anonymous["donor_ja"] == "" and anonymous["fiscal_year"] == "2023"
    data = json.loads((seed_site / "opendata" / "donations.json").read_text(encoding="utf-8"))
    assert sum(d["amount"] for d in data["donations"] if d["amount"] != "undisclosed") == SEED_TOTAL


def test_home_key_figures_show_the_disclosed_total(seed_site):
    figures = page(seed_site, "").find("dl", class_="sg-figures")
    text = figures.text()
    assert "5,750万円" in text and "寄附7件" in text and "金額非公表1件" in text
    assert "¥57.5 million" in page(seed_site, "en").find("dl", class_="sg-figures").text()


def test_opendata_page_describes_fields_and_license(seed_site):
    for prefix, license_words in (("", "CC BY 4.0"), ("en/", "CC BY 4.0")):
        doc = page(seed_site, prefix + "opendata")
        license_link = [a for a in doc.find_all("a") if license_words in a.text()]
        assert license_link and license_link[0].attrs["href"] == "https://creativecommons.org/licenses/by/4.0/"
        tables = doc.find_all("table", class_="sg-opendata__fields")
        assert len(tables) == len(csv_tables())  # each data set's CSV, then its rounds/tracks files
        for table, stem in zip(tables, csv_tables()):
            names = [th.find("code").text() for th in table.find_all("th", scope="row")]
            assert names == [c.name for c in table_columns(stem)[0]]
    assert "UTF-8(BOM付き)" in page(seed_site, "opendata").text()


# --- Columns keep working when the models grow --------------------------------------

class Place(Strict):
    name: Text
    postcode: str | None = None


class Grown(Strict):
    id: Id
    title: Text
    fiscal_year: FiscalYear
    opens: Date
    closes: Date | None = None
    limit: Yen | None = Field(default=None, description="上限額 / maximum amount")
    rate: int = 0
    online: bool = False
    kind: Literal["a", "b"] = "a"
    period: PartialDate | None = None
    place: Place | None = None
    tags: list[Id] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)

    model_config = {**Strict.model_config, "arbitrary_types_allowed": True}


def test_columns_follow_a_grown_model():
    columns, json_only = model_columns(Grown)
    kinds = {c.name: c.kind for c in columns}
    assert kinds == {
        "id": "string", "title_ja": "string", "title_en": "string", "fiscal_year": "integer",
        "opens": "date", "closes": "date", "limit_yen": "integer", "rate": "integer", "online": "boolean",
        "kind": "string", "period": "string", "place_name_ja": "string", "place_name_en": "string",
        "place_postcode": "string"}
    assert json_only == ["tags", "places"]
    limit = next(c for c in columns if c.name == "limit_yen")
    assert limit.unit == ("円", "yen") and limit.describe("en") == "maximum amount"
    record = Grown(id="x", title=Text(ja="題"), fiscal_year=2024, opens=dt.date(2024, 4, 1),
                   period=PartialDate(2024, 12), place=Place(name=Text(ja="平塚")))
    values = {c.name: c.get(record) for c in columns}
    assert values["place_name_ja"] == "平塚" and values["closes"] is None and str(values["period"]) == "2024-12"


@pytest.mark.parametrize("stem", STEMS + ("news", "site"))
def test_json_written_a_record_at_a_time_is_the_json_of_the_whole_dump(stem):
    # write_json streams (memory at 10,000 records); the text must stay what json.dumps writes
    data = getattr(load_dataset(SEED), stem)
    stream = io.BytesIO()
    write_json(data, stream)
    whole = json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    assert stream.getvalue().decode("utf-8") == whole


def test_json_of_the_fixture_calls_is_the_json_of_their_dump(tmp_path):
    # rounds, tracks and every amount rule: write_json writes records with pydantic's serialiser
    root = make_project(tmp_path, {"calls": calls_yaml_with_amount_fixtures()})
    data = load_dataset(root).calls
    assert len(data.calls) == 4
    stream = io.BytesIO()
    write_json(data, stream)
    whole = json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    assert stream.getvalue().decode("utf-8") == whole


def test_json_of_an_empty_record_list_and_an_empty_model():
    class Records(Strict):
        items: list[Text] = []
        note: str = "x"

    class Nothing(Strict):
        pass

    for model in (Records(), Records(items=[Text(ja="あ")]), Nothing()):
        stream = io.BytesIO()
        write_json(model, stream)
        assert stream.getvalue().decode("utf-8") == json.dumps(model.model_dump(mode="json"),
                                                               ensure_ascii=False, indent=2) + "\n"
