"""Open data: `opendata/` (what each file holds, the license) and the downloads
opendata/<stem>.json, opendata/<stem>.csv and opendata/schema/<stem>.schema.json.

Made the way the Digital Agency's machine-readability rules ask: numbers only in
numeric columns (the unit goes in the header), a blank cell for "no value", the
special value 非公表 as a code in its own column, Western dates (YYYY-MM-DD), one
record per row, the encoding stated (UTF-8 with BOM, so that spreadsheet programs
set to Japanese read it correctly; CRLF line ends as RFC 4180 says).

The CSV columns are derived from the pydantic models, not listed by hand, so a
field added to a model appears in the CSV and on the page without a change here:
scalar fields become one column, bilingual texts two (`_ja`, `_en`), nested
records are flattened with a prefix, and lists stay in the JSON only.
Downloads are the same for both languages: they are written once, at the root.
"""
from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import types
import typing
from dataclasses import dataclass
from typing import Any, BinaryIO, Callable

from pydantic import BaseModel, BeforeValidator

from ..context import BuildContext
from ..dates import PartialDate, iso_date
from ..i18n import translator
from ..kinds import kind, kinds
from ..models.common import Date, FiscalYear, Text, Yen
from ..models.donations import Donation
from ..pages import Output, Page, StaticFile
from ..render import render

URL = "opendata/"
UNDISCLOSED = "非公表"
CSV_ENCODING = "utf-8-sig"


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

    def describe(self, lang: str) -> str:
        return self.description[0 if lang == "ja" else 1]

    def unit_text(self, lang: str) -> str:
        return self.unit[0 if lang == "ja" else 1] if self.unit else ""


def _split(description: str | None, fallback: str) -> tuple[str, str]:
    """Field descriptions are written "日本語 / English"."""
    if not description:
        return fallback, fallback
    ja, _, en = description.partition(" / ")
    return ja.strip(), (en or ja).strip()


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


def model_columns(model: type[BaseModel], prefix: str = "",
                  outer: Callable[[Any], Any] = lambda r: r) -> tuple[list[Column], list[str]]:
    """The CSV columns of a record model, and the fields that only the JSON holds."""
    columns: list[Column] = []
    json_only: list[str] = []
    for name, field in model.model_fields.items():
        t = _optional_inner(field.annotation)
        col = prefix + name
        get = _chain(outer, name)
        desc = _split(field.description, col)
        if t is Text:
            columns.append(Column(col + "_ja", "string", None, (desc[0] + "(日本語)", desc[1] + " (Japanese)"),
                                  _chain(get, "ja")))
            columns.append(Column(col + "_en", "string", None, (desc[0] + "(英語)", desc[1] + " (English)"),
                                  _chain(get, "en")))
        elif isinstance(t, type) and issubclass(t, BaseModel):
            sub_columns, sub_json = model_columns(t, col + "_", get)
            columns += sub_columns
            json_only += sub_json
        elif (scalar := _scalar_kind(t, field.metadata)) is not None:
            kind, unit = scalar
            columns.append(Column(col + ("_yen" if unit == ("円", "yen") else ""), kind, unit, desc, get))
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
        Column("amount_status", "string", None,
               (f"金額の公表区分: 公表 / {UNDISCLOSED}",
                f"whether the amount is published: 公表 (published) or {UNDISCLOSED} (undisclosed)"),
               lambda d: "公表" if disclosed_amount(d) is not None else UNDISCLOSED),
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
    columns, json_only = model_columns(_record_model(stem)[0])
    if stem == "donations":
        columns = _donation_columns(columns)
        json_only = [name for name in json_only if name != "amount"]
    return columns, json_only


# --- Writing the files ---------------------------------------------------------------

def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, PartialDate)):
        return iso_date(value)  # machine-readable: Western, ISO; the era only ever on pages
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def to_csv(stem: str, records: list[BaseModel]) -> bytes:
    buffer = io.BytesIO()
    write_csv(stem, records, buffer)
    return buffer.getvalue()


def write_csv(stem: str, records: list[BaseModel], stream: BinaryIO) -> None:
    columns, _ = dataset_columns(stem)
    text = io.TextIOWrapper(stream, encoding=CSV_ENCODING, newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for r in records:
        writer.writerow([_cell(c.get(r)) for c in columns])
    text.flush()
    text.detach()  # the stream stays open: it is the caller's


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_json(data: BaseModel, stream: BinaryIO) -> None:
    """The bytes of _json_bytes(data.model_dump(mode="json")), written one list item at a
    time: the dump of 10,000 records at once is a few hundred megabytes."""
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
                stream.write((("," if j else "") + "\n    " + dumps(item.model_dump(mode="json"), "    ")).encode("utf-8"))
            stream.write(b"\n  ]")
        else:
            stream.write((head + dumps(data.model_dump(mode="json", include={name})[name], "  ")).encode("utf-8"))
    stream.write(b"\n}\n" if names else b"\n")


def schema(stem: str, ctx: BuildContext) -> dict:
    """JSON Schema of a data file, generated from its pydantic model."""
    doc: dict = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if ctx.site_url:
        doc["$id"] = ctx.absolute(f"{URL}schema/{stem}.schema.json", "ja")
    doc.update(kind(stem).model.model_json_schema())
    return doc


def downloads(ctx: BuildContext) -> list[StaticFile]:
    files = []
    for stem in published():
        data = getattr(ctx.ds, stem)
        records = getattr(data, _record_model(stem)[1])
        # written a record at a time when the file is written (StaticFile)
        files.append(StaticFile(f"{URL}{stem}.json", lambda stream, data=data: write_json(data, stream)))
        files.append(StaticFile(f"{URL}{stem}.csv",
                                lambda stream, stem=stem, records=records: write_csv(stem, records, stream)))
        files.append(StaticFile(f"{URL}schema/{stem}.schema.json", _json_bytes(schema(stem, ctx))))
    return files


# --- The page ----------------------------------------------------------------------------

def build(ctx: BuildContext) -> Output:
    out = Output()
    datasets = []
    for stem in published():
        columns, json_only = dataset_columns(stem)
        records = getattr(getattr(ctx.ds, stem), _record_model(stem)[1])
        datasets.append({"stem": stem, "columns": columns, "json_only": json_only, "count": len(records)})
    _ = translator(ctx.lang)
    out.pages.append(Page(
        url=URL, title=_("オープンデータ"),
        description=_("認定プロジェクト、寄附実績、補助金の公募のデータ(JSON・CSV)と項目の説明、ライセンス"),
        body=render("opendata/page.md.j2", ctx, URL, datasets=datasets, site=ctx.ds.site.site,
                    undisclosed=UNDISCLOSED)))
    if ctx.lang == "ja":  # one copy of the downloads, at the root, linked from both languages
        out.files.extend(downloads(ctx))
    return out
