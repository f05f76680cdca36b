"""data/projects.yaml: certified projects (認定プロジェクト) and the city departments they name.

The minimum record is id, title and summary (what the foundation defined, so fixtures
of other sections stay valid); everything else the seed's projects carry is optional
here and shown only when present: a project whose period is not known yet has no status.
Checks that need other records are in sitegen/references.py, and the report files on disk
are looked at in a step of their own (sitegen/disk_checks.py).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal, Union

from pydantic import (AfterValidator, BeforeValidator, Field, PlainSerializer, PlainValidator, WithJsonSchema,
                      model_validator)

from ..dates import PartialDate, format_period, parse_japanese_date
from ..errors import BilingualValueError
from ..filetypes import FILES_DIR
from ..i18n import N_
from .common import Date, FiscalYear, Flag, Id, Str, Strict, Text, Url, code_of, fail

# --- Fixed vocabularies ---------------------------------------------------------------
# key in the data -> label, written once here in Japanese; the English is in the UI catalog
# (sitegen/i18n.py). Keys are stable English words used in URLs and data-* attributes; the
# Japanese the seed uses is accepted as a hint, not as a value.

SUPPORT_TYPES: dict[str, str] = {
    "implementation": N_("実施支援"),
    "funding": N_("資金支援"),
    "pr": N_("PR支援"),
}
CATEGORIES: dict[str, str] = {
    "agreement": N_("協定締結プロジェクト"),
    "interdepartmental": N_("庁内他部署プロジェクト"),
}
_JA_ALIASES = {"実施": "implementation", "資金": "funding", "PR": "pr", "ＰＲ": "pr",
               "協定": "agreement", "庁内": "interdepartmental", "他部署": "interdepartmental"}


SupportType = Annotated[str, BeforeValidator(code_of(SUPPORT_TYPES, "支援の種類", "support type", _JA_ALIASES)),
                        Field(json_schema_extra={"enum": list(SUPPORT_TYPES)})]
Category = Annotated[str, BeforeValidator(code_of(CATEGORIES, "プロジェクトの区分", "category", _JA_ALIASES)),
                     Field(json_schema_extra={"enum": list(CATEGORIES)})]


# --- Dates at the seed's precision ------------------------------------------------------

_FY_JA = re.compile(r"^\s*([0-9]{4})\s*年度\s*$")
_MONTH_JA = re.compile(r"^\s*([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*$")
_YEAR_JA = re.compile(r"^\s*([0-9]{4})\s*年\s*$")


def _partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    how_ja = "2024-12-01(日)、2024-12(月)、2020(年)、FY2018(年度)のいずれかの形で書いてください"
    how_en = "write 2024-12-01 (day), 2024-12 (month), 2020 (year) or FY2018 (fiscal year)"
    if isinstance(value, str):  # what staff copy from the city's page
        guess = None
        if m := _FY_JA.match(value):
            guess = f"FY{m[1]}"
        elif m := _MONTH_JA.match(value):
            guess = f"{m[1]}-{int(m[2]):02d}"
        elif m := _YEAR_JA.match(value):
            guess = m[1]
        elif d := parse_japanese_date(value):
            guess = d.isoformat()
        if guess:
            raise fail(how_ja, how_en, f"例: {guess}", f"e.g. {guess}")
    if isinstance(value, bool):
        raise fail(how_ja, how_en)
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        if isinstance(value, (str, dt.date)) and "expected" not in str(exc):
            raise fail("存在しない日付です", "this date does not exist", hint_en=str(exc))
        raise fail(how_ja, how_en)


# Dumped (open data JSON) in the same canonical form staff write: "2024-12", "FY2018".
PartialDateField = Annotated[PartialDate, PlainValidator(_partial_date), PlainSerializer(str, return_type=str),
                             WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|FY[0-9]{4})$"},
               {"type": "integer"}],
     "description": "日付(2024-12-01)、月(2024-12)、年(2020)、年度(FY2018) / a day (2024-12-01), month (2024-12), year (2020) or fiscal year (FY2018)"})]


def _fy_first(fy: int) -> dt.date:
    return dt.date(fy, 4, 1)


def _fy_last(fy: int) -> dt.date:
    return dt.date(fy + 1, 3, 31)  # a fiscal year ends on 31 March of the next year


class Period(Strict):
    start: PartialDateField = Field(description="開始(日・月・年・年度) / start (day, month, year or fiscal year)")
    end: PartialDateField | None = Field(default=None, description="終了。未定なら省略 / end; omit while open")

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Period:
        if self.end is not None and self.end.last_day() < self.start.first_day():
            raise BilingualValueError(
                f"終了({self.end})が開始({self.start})より前です", f"the end ({self.end}) is before the start ({self.start})",
                subpath=("end",), hint_ja="開始と終了を確認してください", hint_en="check start and end")
        return self

    def first_day(self) -> dt.date:
        return self.start.first_day()

    def last_day(self) -> dt.date | None:
        return self.end.last_day() if self.end else None

    def overlaps_fiscal_year(self, fy: int) -> bool:
        last = self.last_day()
        return _fy_last(fy) >= self.first_day() and (last is None or _fy_first(fy) <= last)

    def describe(self, lang: str) -> str:
        return format_period(self.start, self.end, lang)


# --- Organisations and departments -------------------------------------------------------

class Organisation(Strict):
    name: Text = Field(description="名称 / name")
    url: Url | None = Field(default=None, description="ウェブページ(分かる場合のみ) / web page, only if known")
    agreement: Flag = Field(default=False, description="連携協定締結 / a cooperation agreement was concluded")


class Department(Strict):
    """A city department (課) named as responsible for projects; its id is used in filter URLs."""

    id: Id
    name: Text = Field(description="部署名 / department name")


# --- Result reports ---------------------------------------------------------------------

def _file_path(value: str) -> str:
    p = PurePosixPath(value)
    if "\\" in value or p.is_absolute() or ".." in p.parts or value.startswith(("content/", "files/")):
        raise fail("ファイルは content/files/ からの相対パスで書いてください",
                   "write the file's path relative to content/files/", "例: reports/2024-umi-no-hiryo.pdf",
                   "e.g. reports/2024-umi-no-hiryo.pdf")
    return value


# After the usual text checks (quoting, no HTML), so only the path rules are added here.
FilePath = Annotated[Str, AfterValidator(_file_path),
                     Field(description="content/files/ からの相対パス / path relative to content/files/")]


class FileReport(Strict):
    """A file on this site; its type and size are read from the file when the site is built."""

    kind: Literal["file"]
    fiscal_year: FiscalYear
    title: Text | None = Field(default=None, description="省略時「成果報告書」 / default 'Result report'")
    file: FilePath


class ExternalReport(Strict):
    """Results published elsewhere, e.g. in a journal or on a company's page (引用元)."""

    kind: Literal["external"]
    fiscal_year: FiscalYear
    title: Text | None = None
    source: Text = Field(description="引用元 / where it is published")
    url: Url | None = Field(default=None, description="分かる場合のみ / only if known")


class PublishedReport(Strict):
    """A report the city publishes on its own site that this site does not hold (yet)."""

    kind: Literal["published"]
    fiscal_year: FiscalYear
    title: Text | None = None
    publisher: Text = Field(description="公開している組織(例: 市) / who publishes it (e.g. the city)")
    url: Url | None = Field(default=None, description="分かる場合のみ / only if known")


class PendingReport(Strict):
    kind: Literal["pending"]
    fiscal_year: FiscalYear | None = None
    title: Text | None = None


class FormerProgramReport(Strict):
    """Earlier years reported under the program's former name (旧事業名)."""

    kind: Literal["former_program"]
    until_fiscal_year: FiscalYear = Field(description="この年度以前 / up to and including this fiscal year")
    former_name: Text = Field(description="旧事業名 / the former program name")
    url: Url | None = Field(default=None, description="分かる場合のみ / only if known")


Report = Annotated[Union[FileReport, ExternalReport, PublishedReport, PendingReport, FormerProgramReport],
                   Field(discriminator="kind")]


def report_year(report: Any) -> int | None:
    """The fiscal year a report belongs to, for ordering (None: not tied to a year)."""
    return getattr(report, "fiscal_year", None) or getattr(report, "until_fiscal_year", None)


# --- Projects ---------------------------------------------------------------------------

class Project(Strict):
    id: Id
    title: Text = Field(description="プロジェクト名 / project title")
    summary: Text = Field(description="概要(Markdown) / summary (limited Markdown)")
    support: list[SupportType] = Field(default_factory=list, description="受けている支援 / support received")
    category: Category | None = Field(default=None, description="区分 / category")
    department: Id | None = Field(default=None, description="所管部署のid(departmentsの一覧から) / "
                                                            "responsible department's id (from departments)")
    period: Period | None = Field(default=None, description="期間 / period")
    leads: list[Organisation] = Field(default_factory=list, description="主体者 / lead organisations")
    participants: list[Organisation] = Field(default_factory=list, description="参画者 / participants")
    reports: list[Report] = Field(default_factory=list, description="成果報告 / result reports")
    visits_accepted: Flag | None = Field(default=None, description="見学受入れ。不明なら省略 / "
                                                                    "visits accepted; omit when not known")
    tags: list[Text] = Field(default_factory=list, description="タグ / tags")
    updated: Date | None = Field(default=None, description="最終更新日(ページに表示) / last updated (shown on the page)")

    @model_validator(mode="after")
    def _consistent(self) -> Project:
        seen: set[str] = set()
        for i, s in enumerate(self.support):
            if s in seen:
                raise BilingualValueError(f"支援の種類「{s}」が重複しています", f"support type '{s}' is listed twice",
                                          subpath=("support", i))
            seen.add(s)
        if self.category and not self.department:
            ja = CATEGORIES[self.category]
            raise BilingualValueError(
                f"{ja}には所管部署(department)が必要です", f"a {self.category} project needs its department",
                subpath=("category",), hint_ja="例: department: sangyo-shinko", hint_en="e.g. department: sangyo-shinko")
        if self.period:
            for i, r in enumerate(self.reports):
                self._check_report_year(i, r)
        return self

    def _check_report_year(self, i: int, r: Any) -> None:
        period = self.period
        assert period is not None
        shown_ja, shown_en = period.describe("ja"), period.describe("en")
        if isinstance(r, FormerProgramReport):
            if _fy_last(r.until_fiscal_year) < period.first_day():
                raise BilingualValueError(
                    f"{r.until_fiscal_year}年度以前はプロジェクトの期間({shown_ja})より前です",
                    f"FY{r.until_fiscal_year} and earlier is before the project's period ({shown_en})",
                    subpath=("reports", i, "until_fiscal_year"))
            return
        fy = getattr(r, "fiscal_year", None)
        if fy is not None and not period.overlaps_fiscal_year(fy):
            raise BilingualValueError(
                f"{fy}年度の報告はプロジェクトの期間({shown_ja})の外です",
                f"a FY{fy} report is outside the project's period ({shown_en})",
                subpath=("reports", i, "fiscal_year"),
                hint_ja="年度か期間を確認してください", hint_en="check the fiscal year or the period")


class ProjectsFile(Strict):
    departments: list[Department] = Field(default_factory=list, description="所管部署 / city departments")
    projects: list[Project] = Field(default_factory=list)

    def department(self, dept_id: str | None) -> Department | None:
        return next((d for d in self.departments if d.id == dept_id), None)


# --- Status ------------------------------------------------------------------------------

STATUSES: dict[str, str] = {  # labels as SUPPORT_TYPES'
    "upcoming": N_("開始前"),
    "ongoing": N_("実施中"),
    "ended": N_("終了"),
}


def project_status(period: Period | None, today: dt.date) -> str | None:
    """upcoming / ongoing / ended on `today`; None when the period is not known."""
    if period is None:
        return None
    if today < period.first_day():
        return "upcoming"
    last = period.last_day()
    if last is not None and today > last:
        return "ended"
    return "ongoing"


# --- Where a report's file is ------------------------------------------------------------------

def report_file_path(root: Path, report: FileReport) -> Path:
    return root / FILES_DIR / report.file
