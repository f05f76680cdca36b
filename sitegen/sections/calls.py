"""Subsidy calls: the listing `calls/`, one page per call `calls/<id>/` with its
`calendar.ics`, and the home page fragment `open-calls`."""
from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction

from ..calendar_file import call_calendar, deadline_words, event_when
from ..call_status import CLOSING_SOON_DAYS, ORDER, CallStatus, label_templates, status_on
from ..context import BuildContext
from ..i18n import N_, translator
from ..models.calls import Call
from ..models.common import Text
from ..models.site import Contact
from ..money import format_yen, format_yen_exact
from ..page_description import description_from
from ..pages import Output, Page, StaticFile
from ..render import render, yen_affixes
from ..subsidy import SubsidyRule, expenses_for_maximum, expenses_for_minimum, subsidy_amount
from ..validate import missing_translations

LISTING = "calls/"


def call_url(call: Call) -> str:
    return f"calls/{call.id}/"


@dataclass(frozen=True)
class CallView:
    """A call with what its pages show about it on the build's day."""

    call: Call
    status: CallStatus
    index: int  # position in data/calls.yaml, for the edit link

    @property
    def url(self) -> str:
        return call_url(self.call)


def rule_of(call: Call) -> SubsidyRule:
    return SubsidyRule(call.subsidy_rate, call.subsidy_min_limit, call.subsidy_max_limit)


def rate_text(rate: Fraction, lang: str) -> str:
    """"補助対象経費の4分の3以内" / "up to 3/4 of the eligible expenses"."""
    _ = translator(lang)
    if rate == 1:
        return _("補助対象経費の全額以内")
    return _("補助対象経費の{denominator}分の{numerator}以内").format(
        denominator=rate.denominator, numerator=rate.numerator)


def amount_text(call: Call, lang: str) -> str:
    _ = translator(lang)
    low, high = format_yen(call.subsidy_min_limit, lang), format_yen(call.subsidy_max_limit, lang)
    if not call.subsidy_min_limit:
        return _("1件あたり{high}以内").format(high=high)
    return _("1件あたり{low}以上{high}以内").format(low=low, high=high)


def status_attributes(call: Call, lang: str) -> dict[str, str]:
    """data-* attributes that let calls.js recompute the status with the reader's clock."""
    attrs = {"data-start": call.acceptance_start_datetime.isoformat(),
             "data-end": call.acceptance_end_datetime.isoformat(),
             "data-soon-days": str(CLOSING_SOON_DAYS)}
    for key, label in label_templates(lang).items():
        attrs["data-label-" + key.replace("_", "-")] = label
    return attrs


def calculator_view(call: Call, lang: str) -> dict:
    """The rule in words, worked examples (for readers without JavaScript) and the form's data."""
    rule = rule_of(call)
    examples = []
    for expenses in (call.subsidy_max_limit, call.subsidy_max_limit * 2, call.subsidy_min_limit):
        if expenses <= 0 or any(e["expenses"] == expenses for e in examples):
            continue
        result = subsidy_amount(expenses, rule)
        examples.append({"expenses": expenses, "result": result})
    before, after = yen_affixes(lang)
    yen = before + "{n}" + after
    _ = translator(lang)
    data = {
        "data-rate-numerator": str(rule.rate.numerator), "data-rate-denominator": str(rule.rate.denominator),
        "data-minimum": str(rule.minimum), "data-maximum": str(rule.maximum), "data-yen": yen,
        "data-messages": json.dumps({k: _(m) for k, m in CALCULATOR_MESSAGES.items()}, ensure_ascii=False),
    }
    return {"rule": rule, "examples": examples, "data": data,
            "for_minimum": expenses_for_minimum(rule), "for_maximum": expenses_for_maximum(rule)}


# The calculator's messages (calls.js fills in {amount} and {minimum}); English in the UI catalog.
CALCULATOR_MESSAGES = {
    "eligible": N_("補助金額の目安: {amount}"),
    "capped": N_("補助金額の目安: {amount}(上限額)"),
    "below": N_("計算上の補助金額は{amount}で、下限額{minimum}に届かないため対象外です。"),
    "invalid": N_("補助対象経費の合計を円単位の数字で入力してください(例: 5000000)。"),
}


def _views(ctx: BuildContext) -> list[CallView]:
    views = [CallView(c, status_on(c.acceptance_start_datetime, c.acceptance_end_datetime, ctx.today), i)
             for i, c in enumerate(ctx.ds.calls.calls)]
    # Open first, then upcoming, then closed; within a group the nearest deadline first,
    # except closed calls, newest first.
    def key(v: CallView):
        end = v.call.acceptance_end_datetime.toordinal()
        return ORDER[v.status.code], -end if v.status.code == "closed" else end
    return sorted(views, key=key)


def _helpers(ctx: BuildContext) -> dict:
    return {"rate_text": rate_text, "amount_text": amount_text, "status_attributes": status_attributes,
            "event_when": event_when, "deadline_words": deadline_words, "yen": format_yen,
            "yen_exact": format_yen_exact, "subsidy_amount": subsidy_amount}


def issuer_contact(call: Call) -> Contact:
    """The call's issuer answers questions about it, not the program's own department."""
    i = call.issuer
    department = Text(ja=f"{i.organization.ja} {i.department.ja}",
                      en=f"{i.organization.en} {i.department.en}" if i.organization.en and i.department.en else None)
    address = None
    if i.address:
        prefix = f"〒{i.postal_code} " if i.postal_code else ""
        address = Text(ja=prefix + i.address.ja, en=(i.address.en + (f" {i.postal_code}" if i.postal_code else ""))
                       if i.address.en else None)
    return Contact(department=department, address=address, phone=i.phone, fax=i.fax, email=i.email)


def build(ctx: BuildContext) -> Output:
    out = Output()
    views = _views(ctx)
    helpers = _helpers(ctx)
    _ = translator(ctx.lang)
    out.pages.append(Page(url=LISTING, title=_("補助金の公募"),
                          description=_("補助金の公募の一覧(受付中・募集予定・受付終了)"),
                          body=render("calls/list.md.j2", ctx, LISTING, views=views, **helpers)))
    for v in views:
        c = v.call
        ja_only = ctx.lang == "en" and bool(missing_translations(c))
        out.pages.append(Page(
            url=v.url, title=c.title.get(ctx.lang)[0],
            description=description_from(c.summary.target, ctx.lang),
            body=render("calls/page.md.j2", ctx, v.url, call=c, status=v.status, ja_only=ja_only,
                        calc=calculator_view(c, ctx.lang), **helpers),
            edit=("data/calls.yaml", ctx.ds.line_of("calls", ("calls", v.index))), updated=c.updated,
            ja_only=ja_only, contact=issuer_contact(c)))
        out.files.append(StaticFile(v.url + "calendar.ics",
                                    call_calendar(c, ctx.lang, ctx.today, ctx.absolute(v.url))))
    current = [v for v in views if v.status.code in ("open", "upcoming")]
    out.fragments["open-calls"] = lambda page_url: render("calls/home.md.j2", ctx, page_url,
                                                          views=current, **helpers)
    return out
