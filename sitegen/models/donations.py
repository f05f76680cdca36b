"""data/donations.yaml: donations, supporters' voices, use cases, awards, how to donate, tax relief.

Two choices worth knowing when editing the file:

- An undisclosed amount is written `amount: undisclosed`, never left out: a
  forgotten amount is then a "required field" error instead of silently
  becoming 非公表 on the page.
- An anonymous donor is `anonymous: true` with no `donor` name; a name given to
  an anonymous donor is an error (it would be published by mistake).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from ..dates import PartialDate
from ..errors import BilingualValueError
from ..notices import Notice
from .common import Date, FiscalYear, Flag, Id, Str, Strict, Text, Url, Yen, fail
from .common import _yen as _checked_yen  # Yen's own checks, reused for "amount or undisclosed"

UNDISCLOSED = "undisclosed"
# What staff may type meaning "not disclosed"; each gets the hint to write `undisclosed`.
_UNDISCLOSED_WORDS = {"非公表", "非公開", "不明", "unknown", "private", "n/a", "-"}


def _amount(value: Any) -> int | str:
    if value == UNDISCLOSED:
        return value
    if isinstance(value, str) and value.strip().lower() in _UNDISCLOSED_WORDS:
        raise fail("非公表の金額は undisclosed と書いてください", "write an undisclosed amount as 'undisclosed'",
                   "例: amount: undisclosed", "e.g. amount: undisclosed")
    return _checked_yen(value)  # the same messages and hints as every other yen field


# The integer's bound is _checked_yen's, stated as a type too so the editor schema carries it.
Amount = Annotated[Annotated[int, Field(ge=0)] | Literal["undisclosed"], BeforeValidator(_amount),
                   Field(description="円、整数。非公表なら undisclosed / yen as an integer, or 'undisclosed'")]


def _month(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
        try:
            PartialDate.parse(value)
            return value
        except ValueError:
            pass
    raise fail("年月はYYYY-MM形式で、引用符で囲んで書いてください", "write the month as \"YYYY-MM\" (quoted)",
               "例: \"2025-04\"", "e.g. \"2025-04\"")


Month = Annotated[str, BeforeValidator(_month), Field(description="年月(YYYY-MM) / year and month (YYYY-MM)")]


def _percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise fail("百分率は0から100の整数で書いてください(%は付けません)",
                   "write the percentage as a whole number from 0 to 100 (no %)")
    return value


Percent = Annotated[int, BeforeValidator(_percent), Field(ge=0, le=100, description="百分率(0〜100の整数) / percent (a whole number 0-100)")]


# --- Donations -------------------------------------------------------------------------

class Donation(Strict):
    id: Id
    fiscal_year: FiscalYear
    donor_type: Literal["corporate", "individual"] = Field(description="corporate(法人) / individual(個人)")
    donor: Text | None = Field(default=None, description="寄附者名(匿名なら書かない) / donor's name (none if anonymous)")
    anonymous: Flag = Field(default=False, description="匿名の寄附 / anonymous donor")
    donor_now: Text | None = Field(default=None, description="寄附者の現在の名称 / the donor's current name")
    amount: Amount
    date: Date | None = None
    project: Id | None = Field(default=None, description="指定したプロジェクトのid / designated project id")
    url: Url | None = Field(default=None, description="寄附者のウェブサイト / donor's web address")

    @model_validator(mode="after")
    def _named_unless_anonymous(self) -> "Donation":
        if self.anonymous and (self.donor or self.donor_now or self.url):
            field = "donor" if self.donor else "donor_now" if self.donor_now else "url"
            raise BilingualValueError("匿名の寄附者に名前やアドレスが書かれています",
                                      "an anonymous donor must not have a name or address",
                                      subpath=(field,), hint_ja=f"{field} を消すか anonymous: true を消してください",
                                      hint_en=f"remove {field} or remove anonymous: true")
        if not self.anonymous and not self.donor:
            raise BilingualValueError("寄附者名がありません", "the donor's name is missing",
                                      hint_ja="donor を書くか、匿名なら anonymous: true と書いてください",
                                      hint_en="add donor, or write anonymous: true for an anonymous donor")
        return self

    @property
    def disclosed(self) -> bool:
        return self.amount != UNDISCLOSED


# --- What the donations page shows besides the table -------------------------------------

class Voice(Strict):
    """A supporting company whose reasons for giving the city has published."""

    id: Id
    company: Text
    url: Url | None = Field(default=None, description="企業の声のページ / address of the interview")


class Video(Strict):
    title: Text
    platform: Str | None = Field(default=None, description="例 / e.g. YouTube")
    url: Url | None = None


class UseCase(Strict):
    id: Id
    year: int = Field(ge=1989, le=2100, description="年 / calendar year")
    summary: Text
    project: Id | None = Field(default=None, description="認定プロジェクトのid / certified project id")
    videos: list[Video] = Field(default_factory=list)


class Award(Strict):
    id: Id
    fiscal_year: FiscalYear
    date: Date
    title: Text
    awarded_by: Text
    summary: Text
    ceremony: Text | None = None
    document: Url | None = Field(default=None, description="受賞事例の概要(PDF) / summary document")


# --- How to donate ----------------------------------------------------------------------

class IndividualDonation(Strict):
    methods: list[Text]
    apply_intro: Text | None = Field(
        default=None, description="寄附金項目と使い道の前に表示する文(事業名を入れて) / "
                                  "the sentence shown before the donation item and designation (naming the program)")
    item: Text = Field(description="選ぶ寄附金項目 / the donation item to choose")
    designation: Text = Field(description="記入する使い道 / the designation to write")
    details: Text | None = None
    url: Url | None = Field(default=None, description="手続きのページ(ふるさと納税のページ)のアドレス。分かる場合のみ。"
                                                      "ないときはお問い合わせ先を表示します / address of the procedure "
                                                      "page, only if known; without it the contact is shown")
    online_url: Url | None = Field(default=None, description="電子申請サービスの申込みページのアドレス。分かる場合のみ / "
                                                             "address of the online application, only if known")


class CorporateDonation(Strict):
    designation: Text = Field(description="記入する事業名 / the project name to write")
    details: Text | None = None
    url: Url | None = Field(default=None, description="手続きのページ(企業版ふるさと納税のページ)のアドレス。分かる場合のみ。"
                                                      "ないときはお問い合わせ先を表示します / address of the procedure "
                                                      "page, only if known; without it the contact is shown")


class HowToDonate(Strict):
    contacts: list[Text]
    individual: IndividualDonation
    corporate: CorporateDonation


# --- Tax relief of the corporate hometown-tax donation ----------------------------------

class CappedCredit(Strict):
    credit_percent: Percent = Field(description="寄附額に対する控除率 / credit as % of the donation")
    cap_percent: Percent = Field(description="税額に対する上限 / cap as % of the tax")


class CorporationTaxCredit(CappedCredit):
    donation_cap_percent: Percent = Field(description="寄附額に対する上限 / cap as % of the donation")


class TaxExample(Strict):
    """Inputs of one worked example; a tax left out means its cap is not applied."""

    id: Id
    donation: Yen
    local_tax_base: Yen | None = Field(default=None, description="法人税割額 / 法人税割 (local corporate tax levy)")
    corporation_tax: Yen | None = Field(default=None, description="法人税額 / corporation tax")
    business_tax: Yen | None = Field(default=None, description="法人事業税額 / business tax")


class TaxRelief(Strict):
    loss_inclusion_percent: Percent
    local_inhabitant_tax: CappedCredit
    corporation_tax: CorporationTaxCredit
    business_tax: CappedCredit
    minimum_donation: Yen
    scheme_end: Date
    scheme_end_note: Text | None = Field(default=None, description="期限についての補足 / note on the end date")
    examples: list[TaxExample] = Field(default_factory=list)

    @model_validator(mode="after")
    def _examples_meet_minimum(self) -> "TaxRelief":
        for i, ex in enumerate(self.examples):
            if ex.donation < self.minimum_donation:
                raise BilingualValueError("計算例の寄附額が最低寄附額より少なくなっています",
                                          "the example donation is below the minimum donation",
                                          subpath=("examples", i, "donation"))
        return self


# --- The file --------------------------------------------------------------------------

class DonationsFile(Strict):
    as_of: Month | None = Field(default=None, description="寄附実績の時点 / the table is as of this month")
    donations: list[Donation] = Field(default_factory=list)
    voices: list[Voice] = Field(default_factory=list)
    use_cases: list[UseCase] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    how_to_donate: HowToDonate | None = None
    tax_relief: TaxRelief | None = None

    @property
    def as_of_month(self) -> PartialDate | None:
        return PartialDate.parse(self.as_of) if self.as_of else None

    def notices(self) -> list[Notice]:
        """Information, not a mistake (sitegen.notices): a donation after the month the table is
        said to be as of. The heading would still say 「寄附実績(2025年4月時点)」 above FY2026's gifts;
        staff most likely forgot to move as_of forward."""
        month = self.as_of_month
        if month is None:
            return []
        found = []
        for i, d in enumerate(self.donations):
            if dt.date(d.fiscal_year, 4, 1) > month.last_day():  # the fiscal year starts after as_of
                found.append(Notice(
                    ("donations", i, "fiscal_year"),
                    f"{d.fiscal_year}年度の寄附が、寄附実績の時点(as_of: \"{self.as_of}\")より後です。"
                    f"as_of を更新してください",
                    f"a donation of fiscal year {d.fiscal_year} is after the month the donations are "
                    f"as of (as_of: \"{self.as_of}\"); update as_of"))
            elif d.date and d.date > month.last_day():
                found.append(Notice(
                    ("donations", i, "date"),
                    f"寄附の日付({d.date.isoformat()})が、寄附実績の時点(as_of: \"{self.as_of}\")より後です。"
                    f"as_of を更新してください",
                    f"the donation's date ({d.date.isoformat()}) is after the month the donations are "
                    f"as of (as_of: \"{self.as_of}\"); update as_of"))
        return found
