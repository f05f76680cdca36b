"""data/calls.yaml: subsidy calls (補助金の公募要領), section by section.

A call record has two layers:

* facts the site computes with, at the top of the record: the application
  period (status, calendar), the subsidy rate and the minimum/maximum amounts
  (summary table, calculator), the project period and the schedule events
  (calendar). Where the national portal jGrants has a name for a field
  (`title`, `subsidy_max_limit`, `acceptance_start_datetime`,
  `acceptance_end_datetime`, `use_purpose`, `industry`,
  `target_number_of_employees`), that name is used.
* `sections`: the call's chapters in the call's own order. Each section has a
  `kind`; most kinds hold their own structured content (the SME table, the
  review criteria, the required documents ...), and the kinds `purpose`,
  `amount`, `project_period`, `submission` and `schedule` show the top-level
  facts so that each fact is written once.

A call has one application period (`acceptance_start_datetime` /
`acceptance_end_datetime`) or `rounds` (第1回・第2回募集), each with its own period;
optional `tracks` (枠・区分) carry their own amount rule; optional `target_types` say who may apply
as codes of a fixed vocabulary (TARGET_TYPES: the call finder's 対象者 filter and the open data),
beside the wording of `summary.target`. Only what every real call
has is required: id, title, fiscal year, issuer, a period or rounds, and at least
one application method; templates cope with the rest being absent.

Copying last year's record and changing dates, amounts and texts is the
intended way to publish the next call.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, model_validator

from ..call_status import Window
from ..dates import fiscal_year_of
from ..errors import BilingualValueError
from ..i18n import N_, translator
from .common import Date, Email, FiscalYear, Flag, Id, Phone, Str, Strict, Text, Url, Yen, code_of, fail


# --- Field types of this file -----------------------------------------------------------


def _rate(value: Any) -> Fraction:
    """"3/4" -> Fraction(3, 4). A float (0.75) is refused: rates in calls are fractions."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise fail("補助率は \"3/4\" のように分数で書いてください", "write the rate as a fraction such as \"3/4\"")
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(value)) if isinstance(value, str) else None
    if isinstance(value, int):
        rate = Fraction(value)
    elif not m:
        raise fail("補助率は \"3/4\" のように分数で書いてください", "write the rate as a fraction such as \"3/4\"")
    elif int(m[2]) == 0:
        raise fail("補助率の分母が0です", "the rate's denominator is 0")
    else:
        rate = Fraction(int(m[1]), int(m[2]))
    if not 0 < rate <= 1:
        raise fail("補助率は0より大きく1以下にしてください", "the rate must be more than 0 and at most 1",
                   f"{value} は範囲外です", f"{value} is outside (0, 1]")
    return rate


Rate = Annotated[Fraction, BeforeValidator(_rate),
                 Field(description="分数、例 \"3/4\" / a fraction, e.g. \"3/4\"")]


def _clock_time(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        raise fail("時刻は引用符で囲んで \"10:00\" のように書いてください", "quote the time, e.g. \"10:00\"",
                   "YAMLが数値として読みました", "YAML read it as a number")
    if not isinstance(value, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise fail("時刻は \"10:00\" のように24時間制で書いてください", "write the time as \"10:00\" (24-hour clock)")
    return value


ClockTime = Annotated[str, BeforeValidator(_clock_time), Field(description="\"HH:MM\", 日本時間 / Japan time")]


def _postal_code(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{3}-\d{4}", value):
        raise fail("郵便番号は \"210-8577\" のように書いてください", "write the postal code like \"210-8577\"")
    return value


PostalCode = Annotated[str, BeforeValidator(_postal_code), Field(description="例 / e.g. 210-8577")]

# Who may apply, as codes (the call finder's 対象者 filter, open data): kinds of applicant that
# Japanese public calls name, in the order the finder lists them; the free text stays in
# summary.target. The English is in the UI catalog.
TARGET_TYPES: dict[str, str] = {
    "sme": N_("中小企業"),
    "sme_group": N_("中小企業団体(組合等)"),
    "sole_proprietor": N_("個人事業主"),
    "startup": N_("創業予定者"),
    "large_company": N_("大企業"),
    "nonprofit": N_("NPO法人・非営利団体"),
    "academic": N_("大学・研究機関"),
    "individual": N_("個人(市民)"),
    "community_group": N_("自治会・地域団体"),
}
# Japanese a staff member might type instead of the code (a longer word before its part).
_TARGET_ALIASES = {"中小企業団体": "sme_group", "組合": "sme_group", "中小企業": "sme", "中小": "sme",
                   "個人事業": "sole_proprietor", "創業": "startup", "起業": "startup", "大企業": "large_company",
                   "NPO": "nonprofit", "ＮＰＯ": "nonprofit", "非営利": "nonprofit", "大学": "academic",
                   "研究機関": "academic", "自治会": "community_group", "町内会": "community_group",
                   "地域団体": "community_group", "個人": "individual", "市民": "individual"}
TargetType = Annotated[str, BeforeValidator(code_of(TARGET_TYPES, "対象者の区分", "applicant type", _TARGET_ALIASES)),
                       Field(json_schema_extra={"enum": list(TARGET_TYPES)})]
_TARGET_TYPES_DESCRIPTION = (
    "対象者の区分(複数可。公募の絞り込みとオープンデータに使います。説明の文章は summary.target): "
    + "、".join(f"{code} = {ja}" for code, ja in TARGET_TYPES.items())
    + " / who may apply, as codes (several allowed; used by the call finder and the open data; "
      "the wording stays in summary.target): "
    + ", ".join(f"{code} = {translator('en')(ja)}" for code, ja in TARGET_TYPES.items()))

# --- Building blocks ----------------------------------------------------------------------


class Item(Strict):
    """A numbered point of the call: "(1) …", "① …", with optional sub-points and notes (※)."""

    label: Str | Text | None = Field(
        default=None, description="番号、例 (1) / ① / number as printed, e.g. (1); "
        "言葉の見出しは ja/en で書く(例 (名称)) / a label in words is written in ja and en (e.g. (名称) / (Name))")
    title: Text | None = Field(default=None, description="見出し / short heading")
    text: Text | None = Field(default=None, description="本文(Markdown) / text (limited Markdown)")
    notes: list[Text] = Field(default_factory=list, description="※注記 / notes (※)")
    items_title: Text | None = Field(default=None, description="下位の項目の見出し / heading of the sub-points")
    items: list[Item] = Field(default_factory=list, description="下位の項目 / sub-points")
    notes_after_items: list[Text] = Field(default_factory=list, description="下位の項目の後の※注記 / notes after the sub-points")


class Link(Strict):
    label: Text
    url: Url


class Issuer(Strict):
    """Who publishes the call and receives applications (お問合せ・申請先)."""

    organization: Text = Field(description="自治体名 / municipality")
    department: Text = Field(description="担当部署 / department")
    postal_code: PostalCode | None = None
    address: Text | None = Field(default=None, description="住所(郵便番号を除く) / address without postal code")
    phone: Phone
    phone_hours: Text | None = Field(default=None, description="電話の受付時間 / phone hours")
    fax: Phone | None = None
    email: Email | None = None
    web_page: Url | None = Field(default=None, description="公募のウェブページ / web page of the call")


class Period(Strict):
    start: Date
    end: Date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise BilingualValueError(
                f"終了日({self.end.isoformat()})が開始日({self.start.isoformat()})より前です",
                f"the end ({self.end.isoformat()}) is before the start ({self.start.isoformat()})",
                subpath=("end",))
        return self


class Summary(Strict):
    """The call's overview table. Rate, amount and period rows are made from the facts.
    Each row is shown only when written."""

    target: Text | None = Field(default=None, description="対象者 / who may apply")
    projects: Text | None = Field(default=None, description="対象事業(Markdown) / eligible projects")
    expenses: Text | None = Field(default=None, description="対象経費(Markdown) / eligible expenses")
    selection: Text | None = Field(default=None, description="選定方法 / how projects are selected")
    procedure: Text | None = Field(default=None, description="申請手続 / how to apply (the web form link is added)")


DeadlineRule = Literal["arrival", "postmark"]


# The amount rule (sitegen/subsidy.py), the same fields on a call and on each of its tracks:
# the rate of the eligible cost (or of the cost minus other income), or a fixed amount (定額);
# then rounding down to a unit (千円未満切り捨て = 1000), the cap, and the minimum below which
# a project is not eligible.
SubsidyRate = Annotated[Rate | None, Field(description="補助率、分数 例 \"2/3\" / the rate, a fraction, e.g. \"2/3\"")]
FixedAmount = Annotated[Yen | None, Field(
    description="定額の補助金額(円、補助率の代わり) / a fixed subsidy amount in yen (instead of a rate)")]
MinLimit = Annotated[Yen | None, Field(description="補助金額の下限 / minimum subsidy, yen")]
MaxLimit = Annotated[Yen | None, Field(description="補助金額の上限 / maximum subsidy, yen")]
DeductsOtherIncome = Annotated[Flag, Field(
    description="補助対象経費から他の収入(他の補助金・寄附金など)を引いた額に補助率を掛ける / "
                "the rate applies to the eligible cost minus other income (other subsidies, donations …)")]
LimitedByOtherIncome = Annotated[Flag, Field(
    description="補助金額は補助対象経費から他の収入を差し引いた額を超えない(補助率は経費全体に掛ける) / "
                "the subsidy is at most the eligible cost minus other income (the rate applies to the whole cost)")]
RoundingUnit = Annotated[int, Field(
    ge=1, le=1000000, description="切り捨ての単位(円、1・10・100・1000…)、例 1000 = 千円未満切り捨て / "
                                  "round down to this many yen (1, 10, 100, 1000 …), e.g. 1000 = to the thousand yen")]


class AmountRule:
    """Checks shared by Call and Track (the fields are declared in each, in their own order)."""

    def _amount_errors(self) -> None:
        if self.subsidy_rate is not None and self.subsidy_fixed_amount is not None:
            raise BilingualValueError("補助率(subsidy_rate)と定額(subsidy_fixed_amount)はどちらか一方だけ書いてください",
                                      "give either subsidy_rate or subsidy_fixed_amount, not both",
                                      subpath=("subsidy_fixed_amount",))
        low, high = self.subsidy_min_limit, self.subsidy_max_limit
        if low is not None and high is not None and low > high:
            raise BilingualValueError(
                f"下限額({low:,}円)が上限額({high:,}円)より大きいです",
                f"the minimum ({low:,} yen) is above the maximum ({high:,} yen)",
                subpath=("subsidy_min_limit",))
        unit = self.subsidy_rounding_unit
        if str(unit).rstrip("0") != "1":
            raise BilingualValueError(f"切り捨ての単位({unit})は1・10・100・1000…のいずれかにしてください",
                                      f"the rounding unit ({unit}) must be 1, 10, 100, 1000 …",
                                      subpath=("subsidy_rounding_unit",))

    @property
    def has_amount_rule(self) -> bool:
        return self.subsidy_rate is not None or self.subsidy_fixed_amount is not None


def _check_period_order(start, end) -> None:
    """One application period (a call's own, or a round's): the deadline not before the start."""
    if end < start:
        raise BilingualValueError(
            f"受付締切日({end.isoformat()})が受付開始日({start.isoformat()})より前です",
            f"the application deadline ({end.isoformat()}) is before the start ({start.isoformat()})",
            subpath=("acceptance_end_datetime",))


class Round(Strict):
    """One application round (第1回募集 …) with its own period. Rounds are listed in date order."""

    id: Id = Field(description="回のid(公募の中で一意。カレンダーのUIDに使います) / the round's id "
                               "(unique in the call; used for calendar UIDs)")
    title: Text = Field(description="例 第1回募集 / e.g. Round 1")
    acceptance_start_datetime: Date = Field(description="受付開始日 / application period start")
    acceptance_end_datetime: Date = Field(description="受付締切日(その日を含む) / application deadline (inclusive)")
    deadline_rule: DeadlineRule | None = Field(
        default=None, description="arrival: 必着 / postmark: 当日消印有効(書かなければ公募の deadline_rule) / "
                                  "the call's deadline_rule when left out")
    note: Text | None = Field(default=None, description="注記 / note")

    @model_validator(mode="after")
    def _ordered(self) -> Round:
        _check_period_order(self.acceptance_start_datetime, self.acceptance_end_datetime)
        return self


class Track(Strict, AmountRule):
    """A track (枠・区分) with its own rate, minimum, cap and eligibility."""

    id: Id = Field(description="枠のid(公募の中で一意) / the track's id (unique in the call)")
    title: Text = Field(description="例 スタート枠 / e.g. Start track")
    subsidy_rate: SubsidyRate = None
    subsidy_fixed_amount: FixedAmount = None
    subsidy_min_limit: MinLimit = None
    subsidy_max_limit: MaxLimit = None
    subsidy_deducts_other_income: DeductsOtherIncome = False
    subsidy_limited_by_other_income: LimitedByOtherIncome = False
    subsidy_rounding_unit: RoundingUnit = 1
    eligibility: Text | None = Field(default=None, description="対象となる者・事業(Markdown) / who and what is eligible")
    note: Text | None = Field(default=None, description="注記 / note")

    @model_validator(mode="after")
    def _consistent(self) -> Track:
        if not self.has_amount_rule:
            raise BilingualValueError("枠には補助率(subsidy_rate)か定額(subsidy_fixed_amount)を書いてください",
                                      "give the track a subsidy_rate or a subsidy_fixed_amount",
                                      subpath=("subsidy_rate",))
        self._amount_errors()
        return self


class ApplicationMethod(Strict):
    kind: Literal["web", "mail"] = Field(description="web: WEBフォーム / mail: 郵送")
    text: Text = Field(description="説明 / explanation")
    url: Url | None = Field(default=None, description="WEBフォームのアドレス / address of the web form")
    contact_first: Flag = Field(default=False, description="事前連絡が必要 / contact the office first")


class ScheduleEvent(Strict):
    """A dated event of the call (the application period itself comes from the top-level dates)."""

    id: Id = Field(description="カレンダーのUIDに使います / used for the calendar UID")
    title: Text
    start: Date
    end: Date | None = Field(default=None, description="最終日(その日を含む) / last day (inclusive)")
    precision: Literal["day", "month"] = Field(default="day", description="month: 月だけを表示 / show months only")
    approximate: Flag = Field(default=False, description="「頃」 / approximately")
    daily_start_time: ClockTime | None = None
    daily_end_time: ClockTime | None = None
    place: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ScheduleEvent:
        if self.end and self.end < self.start:
            raise BilingualValueError(
                f"終了日({self.end.isoformat()})が開始日({self.start.isoformat()})より前です",
                f"the end ({self.end.isoformat()}) is before the start ({self.start.isoformat()})",
                subpath=("end",))
        if (self.daily_start_time is None) != (self.daily_end_time is None):
            raise BilingualValueError("開始時刻と終了時刻は両方書いてください",
                                      "give both daily_start_time and daily_end_time",
                                      subpath=("daily_start_time",))
        if self.daily_start_time and self.daily_end_time and self.daily_end_time <= self.daily_start_time:
            raise BilingualValueError("終了時刻が開始時刻より前です", "the end time is not after the start time",
                                      subpath=("daily_end_time",))
        return self

    @property
    def last_day(self):
        return self.end or self.start


# --- Sections ---------------------------------------------------------------------------------


class _Section(Strict):
    number: Str | None = Field(default=None, description="章番号、例 \"1\" / chapter number as printed")
    heading: Text
    intro: list[Text] = Field(default_factory=list, description="冒頭の段落(Markdown) / opening paragraphs")
    notes: list[Text] = Field(default_factory=list, description="※注記 / notes (※)")


class TextSection(_Section):
    """A chapter of paragraphs and numbered points (decision procedure, cancellation, IP …)."""

    kind: Literal["text"]
    items: list[Item] = Field(default_factory=list)
    closing: list[Text] = Field(default_factory=list, description="末尾の段落 / closing paragraphs")


class PurposeSection(_Section):
    """Shows `use_purpose`."""

    kind: Literal["purpose"]


class EligibleField(Strict):
    label: Str = Field(description="番号(例 (1)) / number (e.g. (1))")
    name: Text = Field(description="分野名 / field name")
    text: Text = Field(description="対象となる研究開発 / eligible work")
    subcategories: list[Item] = Field(default_factory=list, description="別紙の分類 / appendix classification")


class EligibleProjectsSection(_Section):
    kind: Literal["eligible_projects"]
    industry: list[EligibleField] = Field(description="対象分野 / eligible fields")
    classification_title: Text | None = Field(default=None, description="別紙の題名 / title of the appendix")
    exclusions_intro: Text | None = None
    exclusions: list[Item] = Field(default_factory=list, description="対象外となる場合 / exclusions")


class SmeRow(Strict):
    label: Str | None = None
    industry: Text = Field(description="主たる業種 / main industry")
    capital_max: Yen = Field(description="資本金基準(以下) / capital threshold (at most), yen")
    target_number_of_employees: int = Field(ge=1, description="従業員基準(以下) / employees (at most), persons")


class SmeDefinition(Strict):
    title: Text
    text: Text
    rows: list[SmeRow] = Field(min_length=1)
    notes: list[Text] = Field(default_factory=list)


class ApplicantsSection(_Section):
    kind: Literal["applicants"]
    conditions: list[Item] = Field(description="条件(指定施設・大企業の要件を下位項目に) / conditions")
    sme_definition: SmeDefinition | None = None


class AmountSection(_Section):
    """Shows the rate and the minimum/maximum amounts, with the calculator."""

    kind: Literal["amount"]


class ExpenseCategory(Strict):
    label: Str
    name: Text = Field(description="費目 / category")
    description: Text = Field(description="内容 / what it covers")
    note: Text | None = None


class ExpensesSection(_Section):
    kind: Literal["expenses"]
    categories: list[ExpenseCategory] = Field(min_length=1)
    ineligible: list[Text] = Field(default_factory=list, description="対象外の経費 / ineligible expenses")
    rules: list[Item] = Field(default_factory=list, description="発注等のきまり / procurement rules")


class ProjectPeriodSection(_Section):
    """Shows `project_period`."""

    kind: Literal["project_period"]


class RequiredDocument(Strict):
    label: Str
    name: Text
    requirement: Literal["required", "optional", "on_request"] = Field(
        description="required: 必須 / optional: 任意 / on_request: 市が求める場合 / when the city asks")
    notes: list[Text] = Field(default_factory=list)


class DocumentsSection(_Section):
    kind: Literal["documents"]
    documents: list[RequiredDocument] = Field(min_length=1)


class SubmissionSection(_Section):
    """Shows `application_methods`, the issuer's address and the application period."""

    kind: Literal["submission"]


class ReviewCriterion(Strict):
    label: Str
    item: Text = Field(description="審査項目 / criterion")
    viewpoint: Text = Field(description="観点 / what is assessed")


class BonusItem(Strict):
    text: Text
    link: Link | None = None


class ReviewSection(_Section):
    kind: Literal["review"]
    criteria: list[ReviewCriterion] = Field(min_length=1)
    bonus_label: Str | None = None
    bonus_title: Text | None = None
    bonus_intro: Text | None = None
    bonus: list[BonusItem] = Field(default_factory=list, description="加点項目 / bonus points")


class ScheduleSection(_Section):
    """Shows the application period and `schedule` as a table, with the calendar link."""

    kind: Literal["schedule"]


class ChecklistRow(Strict):
    number: int = Field(ge=1)
    document: Text = Field(description="書類名 / document")
    requirement: Literal["required", "as_needed"] = Field(description="required: 必須 / as_needed: 必要に応じて")
    requirement_note: Text | None = None
    points: list[Text] = Field(default_factory=list, description="確認事項 / what to check")


class ChecklistSection(_Section):
    kind: Literal["checklist"]
    rows: list[ChecklistRow] = Field(min_length=1)


Section = Annotated[
    Union[TextSection, PurposeSection, EligibleProjectsSection, ApplicantsSection, AmountSection,
          ExpensesSection, ProjectPeriodSection, DocumentsSection, SubmissionSection, ReviewSection,
          ScheduleSection, ChecklistSection],
    Field(discriminator="kind"),
]

# --- The call ------------------------------------------------------------------------------------


class Call(Strict, AmountRule):
    id: Id
    title: Text
    subtitle: Text | None = Field(default=None, description="副題(例 令和6年度 公募要領) / subtitle (e.g. FY2024 call for applications)")
    updated: Date | None = Field(default=None, description="最終更新日(ページに表示) / last updated (shown on the page)")
    fiscal_year: FiscalYear
    issuer: Issuer
    lead: Text | None = Field(default=None, description="冒頭の説明 / opening paragraph")
    use_purpose: Text | None = Field(default=None, description="事業の目的 / purpose of the subsidy")
    summary: Summary | None = None
    target_types: list[TargetType] = Field(default_factory=list, description=_TARGET_TYPES_DESCRIPTION)
    subsidy_rate: SubsidyRate = None
    subsidy_fixed_amount: FixedAmount = None
    subsidy_min_limit: MinLimit = None
    subsidy_max_limit: MaxLimit = None
    subsidy_deducts_other_income: DeductsOtherIncome = False
    subsidy_limited_by_other_income: LimitedByOtherIncome = False
    subsidy_rounding_unit: RoundingUnit = 1
    project_period: Period | None = None
    acceptance_start_datetime: Date | None = Field(
        default=None, description="受付開始日(rounds を書くときは書かない) / application period start (not with rounds)")
    acceptance_end_datetime: Date | None = Field(
        default=None, description="受付締切日(rounds を書くときは書かない) / application deadline (not with rounds)")
    rounds: list[Round] = Field(
        default_factory=list, description="募集の回(第1回・第2回…)、日付順 / application rounds, in date order")
    deadline_rule: DeadlineRule | None = Field(
        default=None, description="arrival: 必着(締切日までに届くこと) / postmark: 当日消印有効")
    tracks: list[Track] = Field(
        default_factory=list, description="枠・区分(それぞれの補助率・上限額) / tracks, each with its own rate and limits")
    application_methods: list[ApplicationMethod] = Field(min_length=1)
    schedule: list[ScheduleEvent] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Call:
        start, end = self.acceptance_start_datetime, self.acceptance_end_datetime
        if self.rounds and (start is not None or end is not None):
            raise BilingualValueError(
                "受付期間は、公募全体(acceptance_start_datetime・acceptance_end_datetime)か回ごと(rounds)の"
                "どちらか一方に書いてください",
                "give the application period either for the whole call (acceptance_start_datetime, "
                "acceptance_end_datetime) or per round (rounds), not both",
                subpath=("acceptance_start_datetime" if start is not None else "acceptance_end_datetime",))
        if not self.rounds and (start is None or end is None):
            missing = "acceptance_start_datetime" if start is None else "acceptance_end_datetime"
            raise BilingualValueError(
                f"受付期間がありません: acceptance_start_datetime と acceptance_end_datetime、または rounds を"
                f"書いてください({missing} がありません)",
                f"no application period: give acceptance_start_datetime and acceptance_end_datetime, or rounds "
                f"({missing} is missing)",
                subpath=(missing,) if start is not None or end is not None else ())
        self._rounds_errors()
        self._target_types_errors()
        self._unique("tracks", self.tracks, "枠", "track")
        if self.tracks or self.has_amount_rule:
            self._amount_errors()
        if self.rounds:
            return self._schedule_errors()
        _check_period_order(self.acceptance_start_datetime, self.acceptance_end_datetime)
        return self._schedule_errors()

    def _unique(self, field: str, items: list, ja: str, en: str) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                raise BilingualValueError(f"{ja}のid「{item.id}」がこの公募の中で重複しています",
                                          f"the {en} id '{item.id}' is used twice in this call",
                                          subpath=(field, i, "id"))
            seen.add(item.id)

    def _target_types_errors(self) -> None:
        seen: set[str] = set()
        for i, code in enumerate(self.target_types):
            if code in seen:
                raise BilingualValueError(f"対象者の区分「{code}」が重複しています",
                                          f"the applicant type '{code}' is listed twice",
                                          subpath=("target_types", i))
            seen.add(code)

    def _rounds_errors(self) -> None:
        self._unique("rounds", self.rounds, "回", "round")
        for i in range(1, len(self.rounds)):
            before, this = self.rounds[i - 1], self.rounds[i]
            if this.acceptance_start_datetime <= before.acceptance_end_datetime:
                raise BilingualValueError(
                    f"回「{this.id}」の受付開始日({this.acceptance_start_datetime.isoformat()})が、前の回「{before.id}」の"
                    f"受付締切日({before.acceptance_end_datetime.isoformat()})以前です。回は日付順に、期間が重ならない"
                    f"ように並べてください",
                    f"round '{this.id}' starts ({this.acceptance_start_datetime.isoformat()}) on or before the "
                    f"deadline of the round before it ('{before.id}', {before.acceptance_end_datetime.isoformat()}): "
                    f"list the rounds in date order, without overlap",
                    subpath=("rounds", i, "acceptance_start_datetime"))

    def _schedule_errors(self) -> Call:
        for i, event in enumerate(self.schedule):
            for name, day in (("start", event.start), ("end", event.end)):
                if day and fiscal_year_of(day) != self.fiscal_year:
                    raise BilingualValueError(
                        f"日付({day.isoformat()})が{self.fiscal_year}年度"
                        f"({self.fiscal_year}-04-01〜{self.fiscal_year + 1}-03-31)の外です",
                        f"the date ({day.isoformat()}) is outside fiscal year {self.fiscal_year} "
                        f"({self.fiscal_year}-04-01 to {self.fiscal_year + 1}-03-31)",
                        subpath=("schedule", i, name))
        return self

    def section(self, kind: str):
        """The first section of a kind, or None."""
        return next((s for s in self.sections if s.kind == kind), None)

    @property
    def windows(self) -> list[Window]:
        """The application periods in date order: one per round, or the call's own period."""
        if self.rounds:
            return [Window(r.acceptance_start_datetime, r.acceptance_end_datetime, r.id, r.title,
                           r.deadline_rule or self.deadline_rule, r.note) for r in self.rounds]
        return [Window(self.acceptance_start_datetime, self.acceptance_end_datetime,
                       deadline_rule=self.deadline_rule)]

    @property
    def first_start(self):
        return self.windows[0].start

    @property
    def last_end(self):
        return self.windows[-1].end


class CallsFile(Strict):
    calls: list[Call] = Field(default_factory=list)
