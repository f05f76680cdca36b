"""Open data: `opendata/` (what each file holds, the license) and the downloads
opendata/<stem>.json, opendata/<stem>.csv and opendata/schema/<stem>.schema.json.

Made the way the Digital Agency's machine-readability rules ask: numbers only in
numeric columns (the unit goes in the header), a number beside a value written as text
(the subsidy rate "3/4" has its numerator and denominator columns), a blank cell for
"no value", the special value 非公表 as a code in its own column, codes in English
with their meanings in the column's description (in both languages), Western dates
(YYYY-MM-DD), plain text in each cell (no line break, no Markdown: see plain_cell), one
record per row, the encoding stated (UTF-8 with BOM, so that spreadsheet programs
set to Japanese read it correctly; CRLF line ends as RFC 4180 says).

The CSV columns are derived from the pydantic models, not listed by hand, so a
field added to a model appears in the CSV and on the page without a change here:
scalar fields become one column, bilingual texts two (`_ja`, `_en`), nested
records are flattened with a prefix, a list of codes (a call's target_types) is one
column with its codes separated by CODE_SEPARATOR, and other lists stay in the JSON only.
Downloads are the same for both languages: they are written once, at the root.
"""
from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import re
import types
import typing
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, BinaryIO, Callable

from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from ..context import BuildContext
from ..dates import PartialDate, iso_date
from ..i18n import N_, translations, translator
from ..kinds import kind, kinds
from ..models.common import Date, FiscalYear, Text, Yen
from ..models.donations import UNDISCLOSED as UNDISCLOSED_CODE
from ..models.donations import Donation
from ..models.calls import TARGET_TYPES
from ..models.projects import CATEGORIES, SUPPORT_TYPES
from ..page_description import plain_text
from ..pages import Output, Page, StaticFile
from ..render import render
from ..schemas import _json_schema_keywords

URL = "opendata/"
UNDISCLOSED = "非公表"
CSV_ENCODING = "utf-8-sig"
DISCLOSED_CODE = "disclosed"  # amount_status beside UNDISCLOSED_CODE ("undisclosed", the data's own word)
# Between the codes of a list of codes in one cell ("sme;sme_group"): not a comma (the CSV's own
# separator) nor a space; codes are English words, so it never occurs inside one.
CODE_SEPARATOR = ";"


# --- Donations: the one place that knows how an undisclosed amount is written --------

def disclosed_amount(donation: Donation) -> int | None:
    """The amount in yen, or None when the donor asked not to publish it (非公表)."""
    return donation.amount if donation.disclosed else None


def disclosed_total(donations: list[Donation]) -> int:
    """Total of the amounts that are published; undisclosed donations count as nothing."""
    return sum(a for a in map(disclosed_amount, donations) if a is not None)


# --- Columns derived from the models ------------------------------------------------

@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # integer | string | date | boolean
    unit: tuple[str, str] | None  # (ja, en)
    description: tuple[str, str]  # (ja, en)
    get: Callable[[Any], Any]
    # A coded column: its codes in order, each with its meaning (ja, en), or None when
    # nobody has written the meaning yet (tests/test_opendata_rules.py: the real models have all).
    codes: tuple[tuple[str, tuple[str, str] | None], ...] = ()
    plain: bool = False  # staff-written text (limited Markdown): written as plain text
    separator: str | None = None  # a list of codes in one cell: what separates them (CODE_SEPARATOR)

    def describe(self, lang: str) -> str:
        """The description in `lang`; a coded column's lists its codes, each with its meaning."""
        i = 0 if lang == "ja" else 1
        if not self.codes:
            return self.description[i]
        listed = [f"{code} = {meaning[i]}" if meaning else code for code, meaning in self.codes]
        _ = translator(lang)
        template = _("{description}(コード。複数のときは「{separator}」で区切ります: {codes})") if self.separator \
            else _("{description}(コード: {codes})")
        return template.format(description=self.description[i], separator=self.separator,
                               codes=translations(lang).pgettext("code list", "、").join(listed))

    def unit_text(self, lang: str) -> str:
        return self.unit[0 if lang == "ja" else 1] if self.unit else ""


def _split(description: str | None, fallback: str) -> tuple[str, str]:
    """Field descriptions are written "日本語 / English"."""
    if not description:
        return fallback, fallback
    ja, _, en = description.partition(" / ")
    return ja.strip(), (en or ja).strip()


# What a column is, where the model's description does not say it: a field without one (it
# would be the bare field name), or a description written for the editor as a list of codes
# ("corporate(法人) / individual(個人)", whose halves are not one text in two languages).
# Per data set, by the column's name before _ja/_en; the English is in the UI catalog.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "projects": {
        "id": N_("プロジェクトの識別子(英小文字・数字・ハイフン)"),
        "summary": N_("プロジェクトの概要"),
        "category": N_("プロジェクトの区分"),
        "department": N_("所管部署のid(部署名はJSONの departments にあります)"),
        "period_start": N_("開始(日 2024-12-01、月 2024-12、年 2020、年度 FY2018 のいずれかの形)"),
        "period_end": N_("終了(開始と同じ形。空欄は未定または継続中)"),
        "visits_accepted": N_("見学の受入れ(空欄は不明)"),
    },
    "donations": {
        "id": N_("寄附の識別子(英小文字・数字・ハイフン)"),
        "fiscal_year": N_("寄附を受けた年度(西暦。2024年度 = 2024年4月〜2025年3月)"),
        "donor_type": N_("寄附者の種類"),
        "donor": N_("寄附者名(匿名の寄附は空欄)"),
        "date": N_("寄附の日付"),
    },
    "calls": {
        "id": N_("公募の識別子(英小文字・数字・ハイフン)"),
        "title": N_("公募の名称"),
        "fiscal_year": N_("公募の年度(西暦。2024年度 = 2024年4月〜2025年3月)"),
        "issuer_postal_code": N_("担当部署の郵便番号"),
        "issuer_phone": N_("担当部署の電話番号"),
        "issuer_fax": N_("担当部署のファクス番号"),
        "issuer_email": N_("担当部署のメールアドレス"),
        "subsidy_rate": N_("補助率(補助対象経費に対する割合、分数の文字列。数値は subsidy_rate_numerator と "
                           "subsidy_rate_denominator の列)"),
        "project_period_start": N_("事業実施期間の開始日"),
        "project_period_end": N_("事業実施期間の終了日"),
        "deadline_rule": N_("受付締切日の扱い"),
        "target_types": N_("申請できる者の区分。空欄は対象者を分類していない公募"),
    },
    "calls_rounds": {
        "call_id": N_("この回を含む公募の識別子(calls.csv の id)"),
        "deadline_rule": N_("この回の受付締切日の扱い(空欄は公募の deadline_rule)"),
    },
    "calls_tracks": {
        "call_id": N_("この枠を含む公募の識別子(calls.csv の id)"),
        "subsidy_rate": N_("枠の補助率(補助対象経費に対する割合、分数の文字列。数値は subsidy_rate_numerator と "
                           "subsidy_rate_denominator の列)"),
    },
}

# The meaning of each code of the coded columns, per data set and column (English: the catalog).
CODE_MEANINGS: dict[str, dict[str, dict[str, str]]] = {
    "projects": {"category": CATEGORIES, "support": SUPPORT_TYPES},
    "donations": {"donor_type": {"corporate": N_("法人"), "individual": N_("個人")}},
    "calls": {"deadline_rule": {"arrival": N_("締切日必着(締切日までに届くこと)"),
                                "postmark": N_("締切日の消印有効")},
              "target_types": TARGET_TYPES},
}
CODE_MEANINGS["calls_rounds"] = CODE_MEANINGS["calls"]

# Lists of a record published in CSV files of their own, in long format (the Digital Agency's
# rules: one value per cell): calls_rounds.csv has one row per round of each call, beside the
# call's id in call_id; calls.csv keeps one row per call. The JSON holds them in the record.
CHILD_TABLES: dict[str, tuple[str, ...]] = {"calls": ("rounds", "tracks")}
PARENT_ID = {"calls": "call_id"}


def _both(ja: str) -> tuple[str, str]:
    """(ja, en) of a Japanese text marked for the catalog."""
    return ja, translator("en")(ja)


def _codes_of(t: Any, field: Any) -> tuple[str, ...]:
    """The codes a field allows: a Literal's values, an Enum's, or a vocabulary's (an "enum"
    the field type adds to its JSON Schema); () for a field that is not coded."""
    base = typing.get_args(t)[0] if typing.get_origin(t) is typing.Annotated else t
    if typing.get_origin(base) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(base))
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return tuple(str(m.value) for m in base)
    infos = list(field.metadata) + (list(typing.get_args(t)[1:]) if typing.get_origin(t) is typing.Annotated else [])
    for extra in [field.json_schema_extra] + [getattr(i, "json_schema_extra", None) for i in infos]:
        if isinstance(extra, dict) and isinstance(extra.get("enum"), list):
            return tuple(str(a) for a in extra["enum"])
    return ()


def _list_codes(t: Any) -> tuple[str, ...]:
    """The codes of a list of coded values (list[TargetType]); () for any other type."""
    if typing.get_origin(t) is not list:
        return ()
    return _codes_of(typing.get_args(t)[0], FieldInfo())


def _joined(get: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def value(record: Any) -> str | None:
        codes = get(record)
        return CODE_SEPARATOR.join(codes) if codes else None  # blank: none given
    return value


_MARKDOWN_WORD = re.compile(r"\s*[((](?:limited )?Markdown[))]")


def _text_description(description: tuple[str, str]) -> tuple[str, str]:
    """A text column's description without "(Markdown)": the CSV holds the text as plain text."""
    return _MARKDOWN_WORD.sub("", description[0]), _MARKDOWN_WORD.sub("", description[1])


def _optional_inner(t: Any) -> Any:
    """`X | None` -> X; anything else unchanged."""
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(t) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return t


def _chain(outer: Callable[[Any], Any], name: str) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        parent = outer(record)
        return None if parent is None else getattr(parent, name)
    return get


def _validators(t: Any, metadata: list) -> set:
    """Functions of the BeforeValidators on a field: they tell Yen, FiscalYear and Date apart
    (pydantic moves the Annotated metadata of a required field into FieldInfo.metadata)."""
    found = list(metadata) + (list(typing.get_args(t)[1:]) if typing.get_origin(t) is typing.Annotated else [])
    return {m.func for m in found if isinstance(m, BeforeValidator)}


_YEN, _FISCAL_YEAR, _DATE = (_validators(a, []) for a in (Yen, FiscalYear, Date))


def _scalar_kind(t: Any, metadata: list) -> tuple[str, tuple[str, str] | None] | None:
    """(kind, unit) of a field type written in one cell, None when it needs the JSON."""
    validators = _validators(t, metadata)
    if _YEN <= validators:
        return "integer", ("円", "yen")
    if _FISCAL_YEAR <= validators:
        return "integer", ("年度(西暦)", "fiscal year")
    if _DATE <= validators:
        return "date", None
    base = typing.get_args(t)[0] if typing.get_origin(t) is typing.Annotated else t
    if base is bool:
        return "boolean", None
    if base is int:
        return "integer", None
    if base is str or typing.get_origin(base) is typing.Literal:
        return "string", None
    if base is dt.date:
        return "date", None
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return "string", None
    if isinstance(base, type) and not issubclass(base, BaseModel) and typing.get_origin(base) is None \
            and base not in (list, dict, tuple):
        return "string", None  # a value class such as PartialDate: written as str(value)
    return None


def _fraction_part(get: Callable[[Any], Any], part: str) -> Callable[[Any], Any]:
    def value(record: Any) -> int | None:
        rate = get(record)
        return None if rate is None else getattr(rate, part)
    return value


def _described_part(ja: str, column: str) -> tuple[str, str]:
    return tuple(text.format(column=column) for text in _both(ja))  # type: ignore[return-value]


def model_columns(model: type[BaseModel], prefix: str = "",
                  outer: Callable[[Any], Any] = lambda r: r,
                  descriptions: dict[str, tuple[str, str]] | None = None,
                  meanings: dict[str, dict[str, tuple[str, str]]] | None = None,
                  ) -> tuple[list[Column], list[str]]:
    """The CSV columns of a record model, and the fields that only the JSON holds.

    descriptions / meanings (by column name before _ja/_en): what a column is and what its
    codes mean where the model does not say it (DESCRIPTIONS, _code_meanings)."""
    descriptions, meanings = descriptions or {}, meanings or {}
    columns: list[Column] = []
    json_only: list[str] = []
    for name, field in model.model_fields.items():
        t = _optional_inner(field.annotation)
        col = prefix + name
        get = _chain(outer, name)
        desc = descriptions.get(col) or _split(field.description, col)
        if t is Text:
            desc = _text_description(desc)
            columns.append(Column(col + "_ja", "string", None, (desc[0] + "(日本語)", desc[1] + " (Japanese)"),
                                  _chain(get, "ja"), plain=True))
            columns.append(Column(col + "_en", "string", None, (desc[0] + "(英語)", desc[1] + " (English)"),
                                  _chain(get, "en"), plain=True))
        elif isinstance(t, type) and issubclass(t, BaseModel):
            sub_columns, sub_json = model_columns(t, col + "_", get, descriptions, meanings)
            columns += sub_columns
            json_only += sub_json
        elif (scalar := _scalar_kind(t, field.metadata)) is not None:
            kind, unit = scalar
            codes = tuple((code, meanings.get(col, {}).get(code)) for code in _codes_of(t, field))
            columns.append(Column(col + ("_yen" if unit == ("円", "yen") else ""), kind, unit, desc, get, codes))
            base = typing.get_args(t)[0] if typing.get_origin(t) is typing.Annotated else t
            if base is Fraction:  # "3/4" is text to a program: its two numbers beside it
                columns.append(Column(col + "_numerator", "integer", None,
                                      _described_part(N_("{column} の分子(3/4 なら 3)"), col),
                                      _fraction_part(get, "numerator")))
                columns.append(Column(col + "_denominator", "integer", None,
                                      _described_part(N_("{column} の分母(3/4 なら 4)"), col),
                                      _fraction_part(get, "denominator")))
        elif codes := _list_codes(t):  # one cell: "sme;sme_group"
            columns.append(Column(col, "string", None, desc, _joined(get),
                                  tuple((code, meanings.get(col, {}).get(code)) for code in codes),
                                  separator=CODE_SEPARATOR))
        else:
            json_only.append(col)
    return columns, json_only


def _donation_columns(columns: list[Column]) -> list[Column]:
    """The amount column holds numbers only; 非公表 goes in a code column beside it.

    The model's `amount` is "yen or undisclosed" (one YAML field for staff); the CSV
    splits it in two, placed after the donor columns."""
    amount = [
        Column("amount_yen", "integer", ("円", "yen"),
               ("寄附金額(非公表の場合は空欄)", "amount donated (blank when undisclosed)"), disclosed_amount),
        Column("amount_status", "string", None, _both(N_("金額の公表区分")),
               lambda d: DISCLOSED_CODE if disclosed_amount(d) is not None else UNDISCLOSED_CODE,
               codes=((DISCLOSED_CODE, _both(N_("公表(金額は amount_yen)"))),
                      (UNDISCLOSED_CODE, _both(N_("非公表(amount_yen は空欄)"))))),
    ]
    rest = [c for c in columns if c.name not in ("amount", "amount_yen")]
    after = max((i for i, c in enumerate(rest) if c.name.startswith("donor")), default=len(rest) - 1) + 1
    return rest[:after] + amount + rest[after:]


def published() -> tuple[str, ...]:
    """The stems of the published data sets: the kinds whose entry says opendata
    (sitegen.kinds; site and news are not published)."""
    return tuple(k.stem for k in kinds() if k.opendata)


def _record_model(stem: str) -> tuple[type[BaseModel], str]:
    """(record model, list field) of a data file model: ProjectsFile -> (Project, 'projects')."""
    # The records are the kind's list (sitegen.kinds: records); other lists (departments) are
    # lookups, published in the JSON only.
    records = kind(stem).records
    field = kind(stem).model.model_fields[records]
    return typing.get_args(field.annotation)[0], records


def dataset_columns(stem: str) -> tuple[list[Column], list[str]]:
    columns, json_only = model_columns(
        _record_model(stem)[0],
        descriptions={col: _both(ja) for col, ja in DESCRIPTIONS.get(stem, {}).items()},
        meanings={col: {code: _both(ja) for code, ja in codes.items()}
                  for col, codes in CODE_MEANINGS.get(stem, {}).items()})
    if stem == "donations":
        columns = _donation_columns(columns)
        json_only = [name for name in json_only if name != "amount"]
    return columns, json_only


def csv_tables() -> tuple[str, ...]:
    """Every CSV file's name without .csv: each data set's, then its child tables (calls_rounds)."""
    return tuple(t for stem in published() for t in (stem, *(f"{stem}_{f}" for f in CHILD_TABLES.get(stem, ()))))


def _child_of(table: str) -> tuple[str, str] | None:
    """("calls", "rounds") for "calls_rounds"; None for a data set's own table."""
    return next(((stem, f) for stem, fields in CHILD_TABLES.items() for f in fields if table == f"{stem}_{f}"), None)


def table_columns(table: str) -> tuple[list[Column], list[str]]:
    """The columns of a CSV file (csv_tables): a data set's, or a child table's: the parent's id,
    then the list item's own columns (a row is a (record, item) pair)."""
    child = _child_of(table)
    if child is None:
        columns, json_only = dataset_columns(table)
        return columns, [name for name in json_only if name not in CHILD_TABLES.get(table, ())]
    stem, field = child
    item = typing.get_args(_record_model(stem)[0].model_fields[field].annotation)[0]
    descriptions = {col: _both(ja) for col, ja in DESCRIPTIONS.get(table, {}).items()}
    columns, json_only = model_columns(
        item, outer=lambda row: row[1], descriptions=descriptions,
        meanings={col: {code: _both(ja) for code, ja in codes.items()}
                  for col, codes in CODE_MEANINGS.get(table, {}).items()})
    parent = PARENT_ID[stem]
    return [Column(parent, "string", None, descriptions[parent], lambda row: row[0].id)] + columns, json_only


def table_rows(table: str, records: list[BaseModel]) -> list:
    """The rows of a CSV file from its data set's records: the records, or (record, item) pairs."""
    child = _child_of(table)
    if child is None:
        return records
    return [(r, item) for r in records for item in getattr(r, child[1])]


# --- Writing the files ---------------------------------------------------------------

_SPACES = re.compile(r"\s+")
# Characters that can make limited Markdown mean something; a text without any is already plain.
_MARKDOWN_SIGNS = re.compile(r"[*_`\[\]#\\<>&!]|^\s*(?:[-+]|\d+\.)\s|\n\s*(?:[-+]|\d+\.)\s|\n\s*[=-]+\s*(?:\n|$)")


def plain_cell(text: str) -> str:
    """Staff-written text (limited Markdown) as one plain-text value, as a reader sees it on the
    page: no **, list marks or [label](address) (a link keeps its label), and paragraphs and
    list items joined by one space on one line.

    The rules want one value per cell, with no line break in it (many programs that read CSV
    split a record there). A space, not 「。」: a list item is often a phrase, not a sentence,
    and the cell keeps exactly the words staff wrote, in both languages; the items stay apart
    by their own numbers ((1), (2)) where the call has them. The JSON keeps the text as
    written, line breaks and Markdown included, for whoever needs the structure."""
    if not _MARKDOWN_SIGNS.search(text):
        return _SPACES.sub(" ", text).strip()  # most texts: no need to render them
    return plain_text(text)


def _cell(value: Any, plain: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, PartialDate)):
        return iso_date(value)  # machine-readable: Western, ISO; the era only ever on pages
    if isinstance(value, enum.Enum):
        return str(value.value)
    if plain:
        return plain_cell(str(value))
    return _SPACES.sub(" ", str(value)).strip()  # one line, whatever a value holds


def to_csv(stem: str, records: list[BaseModel]) -> bytes:
    buffer = io.BytesIO()
    write_csv(stem, records, buffer)
    return buffer.getvalue()


def write_csv(stem: str, records: list[BaseModel], stream: BinaryIO) -> None:
    """A CSV file (stem: one of csv_tables()); records: its data set's records."""
    columns, _ = table_columns(stem)
    records = table_rows(stem, records)
    text = io.TextIOWrapper(stream, encoding=CSV_ENCODING, newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for r in records:
        writer.writerow([_cell(c.get(r), c.plain) for c in columns])
    text.flush()
    text.detach()  # the stream stays open: it is the caller's


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_json(data: BaseModel, stream: BinaryIO) -> None:
    """The bytes of _json_bytes(data.model_dump(mode="json")), written one list item at a
    time: the dump of 10,000 records at once is a few hundred megabytes. A record is written
    by pydantic's own JSON serialiser, the same text as json.dumps(indent=2) of its dump
    (tests/test_opendata.py), which goes through Python's pure encoder when indenting: 0.4 CPU
    seconds at 1,000 records of each kind, against a tenth of that."""
    def dumps(value: Any, indent: str) -> str:  # JSON holds no raw newline, so this re-indents
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)

    names = list(type(data).model_fields)
    stream.write(b"{" if names else b"{}")
    for i, name in enumerate(names):
        head = ("," if i else "") + "\n  " + json.dumps(name, ensure_ascii=False) + ": "
        items = getattr(data, name)
        if isinstance(items, list) and items and all(isinstance(item, BaseModel) for item in items):
            stream.write((head + "[").encode("utf-8"))
            for j, item in enumerate(items):
                stream.write((("," if j else "") + "\n    " + item.model_dump_json(indent=2).replace("\n", "\n    ")).encode("utf-8"))
            stream.write(b"\n  ]")
        else:
            stream.write((head + dumps(data.model_dump(mode="json", include={name})[name], "  ")).encode("utf-8"))
    stream.write(b"\n}\n" if names else b"\n")


def schema(stem: str, ctx: BuildContext) -> dict:
    """JSON Schema of a data file, generated from its pydantic model."""
    doc: dict = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if ctx.site_url:
        doc["$id"] = ctx.absolute(f"{URL}schema/{stem}.schema.json", "ja")
    # Bounds as JSON Schema keywords (minimum, not pydantic's "ge", which every validator ignores)
    doc.update(_json_schema_keywords(kind(stem).model.model_json_schema()))
    return doc


def downloads(ctx: BuildContext) -> list[StaticFile]:
    files = []
    for stem in published():
        data = getattr(ctx.ds, stem)
        records = getattr(data, _record_model(stem)[1])
        # written a record at a time when the file is written (StaticFile)
        files.append(StaticFile(f"{URL}{stem}.json", lambda stream, data=data: write_json(data, stream)))
        for table in (stem, *(f"{stem}_{f}" for f in CHILD_TABLES.get(stem, ()))):
            files.append(StaticFile(f"{URL}{table}.csv",
                                    lambda stream, table=table, records=records: write_csv(table, records, stream)))
        files.append(StaticFile(f"{URL}schema/{stem}.schema.json", _json_bytes(schema(stem, ctx))))
    return files


# --- The page ----------------------------------------------------------------------------

def build(ctx: BuildContext) -> Output:
    out = Output()
    datasets = []
    for table in csv_tables():
        stem = (_child_of(table) or (table,))[0]
        columns, json_only = table_columns(table)
        records = table_rows(table, getattr(getattr(ctx.ds, stem), _record_model(stem)[1]))
        datasets.append({"stem": table, "columns": columns, "json_only": json_only, "count": len(records),
                         "child": _child_of(table) is not None})
    _ = translator(ctx.lang)
    out.pages.append(Page(
        url=URL, title=_("オープンデータ"),
        description=_("認定プロジェクト、寄附実績、補助金の公募のデータ(JSON・CSV)と項目の説明、ライセンス"),
        body=render("opendata/page.md.j2", ctx, URL, datasets=datasets, site=ctx.ds.site.site,
                    undisclosed=UNDISCLOSED_CODE)))
    if ctx.lang == "ja":  # one copy of the downloads, at the root, linked from both languages
        out.files.extend(downloads(ctx))
    return out
