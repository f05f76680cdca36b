"""Subsidy calls: the listing `calls/`, one page per call `calls/<id>/` with its
`calendar.ics`, and the home page fragment `open-calls`."""
from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction

from ..calendar_file import call_calendar, deadline_words, event_when
from ..call_finder import LISTING, call_filter_groups, target_filter_values
from ..call_status import (CLOSING_SOON, CLOSING_SOON_DAYS, DEFAULT_CLOSING_SOON_DAYS, ORDER, CallStatus,
                           label_templates, status_of, upcoming_label)
from ..context import BuildContext
from ..dates import format_fiscal_year
from ..filter_pages import FilterOption, listing_pages
from ..i18n import N_, translator
from ..models.calls import TARGET_TYPES, Call, Track
from ..models.common import Text
from ..models.site import Contact
from ..money import format_yen, format_yen_exact
from ..page_description import description_from
from ..pages import Output, Page, StaticFile
from ..render import render, yen_affixes
from ..subsidy import (SubsidyRule, expenses_for_maximum, expenses_for_minimum, rule_attributes, rule_words,
                       subsidy_amount)
from ..validate import missing_translations


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

    @property
    def target_filter(self) -> str:
        """The listing item's data-filter-target (call_finder.py)."""
        return target_filter_values(self.call)


def rule_of(call: Call | Track) -> SubsidyRule | None:
    """The amount rule of a call or a track, None when it gives neither a rate nor a fixed amount."""
    if not call.has_amount_rule:
        return None
    return SubsidyRule(call.subsidy_rate, call.subsidy_min_limit or 0, call.subsidy_max_limit,
                       fixed=call.subsidy_fixed_amount, deducts_other_income=call.subsidy_deducts_other_income,
                       unit=call.subsidy_rounding_unit,
                       limited_by_other_income=call.subsidy_limited_by_other_income)


def rate_text(rate: Fraction, lang: str) -> str:
    """"補助対象経費の4分の3以内" / "up to 3/4 of the eligible expenses"."""
    _ = translator(lang)
    if rate == 1:
        return _("補助対象経費の全額以内")
    return _("補助対象経費の{denominator}分の{numerator}以内").format(
        denominator=rate.denominator, numerator=rate.numerator)


def amount_text(call: Call | Track, lang: str) -> str:
    """The limits of a call or a track in words ("" when it states none)."""
    _ = translator(lang)
    if call.subsidy_fixed_amount is not None:
        return _("1件あたり{amount}(定額)").format(amount=format_yen(call.subsidy_fixed_amount, lang))
    low, high = call.subsidy_min_limit, call.subsidy_max_limit
    if high is None:
        return _("1件あたり{low}以上").format(low=format_yen(low, lang)) if low else ""
    if not low:
        return _("1件あたり{high}以内").format(high=format_yen(high, lang))
    return _("1件あたり{low}以上{high}以内").format(low=format_yen(low, lang), high=format_yen(high, lang))


def rule_text(item: Call | Track, lang: str) -> str:
    """How the amount is worked out, beyond the rate: other income deducted, rounding unit ("" if neither)."""
    _ = translator(lang)
    parts = []
    if item.subsidy_deducts_other_income:
        parts.append(_("補助対象経費から他の収入を差し引いた額に補助率を掛けます。"))
    if item.subsidy_rounding_unit > 1:
        parts.append(_("{unit}未満は切り捨てます。").format(unit=format_yen(item.subsidy_rounding_unit, lang)))
    return "".join(parts) if lang == "ja" else " ".join(parts)


def status_attributes(call: Call, lang: str, closing_soon_days: int = DEFAULT_CLOSING_SOON_DAYS) -> dict[str, str]:
    """data-* attributes that let calls.js recompute the status with the reader's clock: a call's
    one period (data-start, data-end) or its rounds (data-rounds: [start, end, the label while
    it is the round that opens next], in date order), and the labels."""
    if call.rounds:
        attrs = {"data-rounds": json.dumps([[w.start.isoformat(), w.end.isoformat(), upcoming_label(w, lang)]
                                            for w in call.windows], ensure_ascii=False),
                 "data-round-ids": json.dumps([w.id for w in call.windows])}
    else:
        attrs = {"data-start": call.acceptance_start_datetime.isoformat(),
                 "data-end": call.acceptance_end_datetime.isoformat()}
    attrs["data-soon-days"] = str(CLOSING_SOON_DAYS)
    attrs["data-closing-soon-days"] = str(closing_soon_days)
    for key, label in label_templates(lang).items():
        attrs["data-label-" + key.replace("_", "-")] = label
    return attrs


def target_types_text(call: Call, lang: str) -> str:
    """「中小企業、中小企業団体(組合等)」 / "Small and medium-sized enterprises, SME associations …"."""
    _ = translator(lang)
    return _("、").join(_(TARGET_TYPES[code]) for code in call.target_types)


def closing_soon_label(lang: str) -> str:
    return translator(lang)(CLOSING_SOON)


def calculator_view(call: Call, lang: str) -> dict | None:
    """The calculator's form data and each rule in words (rule_words), one per track or the call's
    own; for a call whose own rule is simple (rate, maximum, no other income), worked examples too
    (for readers without JavaScript). None when neither the call nor a track has an amount rule."""
    pairs = [(t, rule_of(t)) for t in call.tracks] if call.tracks else [(None, rule_of(call))]
    rules = [{"track": t, "rule": r, "words": rule_words(r, lang), "data": rule_attributes(r)}
             for t, r in pairs if r is not None]
    if not rules:
        return None
    before, after = yen_affixes(lang)
    _ = translator(lang)
    data = {"data-yen": before + "{n}" + after,
            "data-messages": json.dumps({k: _(m) for k, m in CALCULATOR_MESSAGES.items()}, ensure_ascii=False)}
    if not call.tracks:
        data.update(rules[0]["data"])
    view = {"rules": rules, "data": data, "tracks": bool(call.tracks),
            "other_income": any(r["rule"].uses_other_income for r in rules), "simple": False}
    rule = rules[0]["rule"]
    if call.tracks or not rule.simple or rule.unit != 1:
        return view
    examples = []
    for expenses in (call.subsidy_max_limit, call.subsidy_max_limit * 2, call.subsidy_min_limit):
        if expenses <= 0 or any(e["expenses"] == expenses for e in examples):
            continue
        examples.append({"expenses": expenses, "result": subsidy_amount(expenses, rule)})
    view.update(simple=True, rule=rule, examples=examples,
                for_minimum=expenses_for_minimum(rule), for_maximum=expenses_for_maximum(rule))
    return view


# The calculator's messages (calls.js fills in {amount} and {minimum}); English in the UI catalog.
CALCULATOR_MESSAGES = {
    "eligible": N_("補助金額の目安: {amount}"),
    "capped": N_("補助金額の目安: {amount}(上限額)"),
    "below": N_("計算上の補助金額は{amount}で、下限額{minimum}に届かないため対象外です。"),
    "invalid": N_("補助対象経費の合計を円単位の数字で入力してください(例: 5000000)。"),
    "invalid_income": N_("他の収入を円単位の数字で入力してください(ない場合は0)。"),
}


def _views(ctx: BuildContext) -> list[CallView]:
    views = [CallView(c, status_of(c.windows, ctx.today), i) for i, c in enumerate(ctx.ds.calls.calls)]
    # Open first, then upcoming, then closed; within a group the nearest deadline (of the open
    # round, or of the round that opens next) first, except closed calls, newest first.
    def key(v: CallView):
        end = (v.status.window.end if v.status.window else v.call.last_end).toordinal()
        return ORDER[v.status.code], -end if v.status.code == "closed" else end
    return sorted(views, key=key)


def closing_soon_days(ctx: BuildContext) -> int:
    return ctx.ds.site.site.closing_soon_days


def _helpers(ctx: BuildContext) -> dict:
    soon = closing_soon_days(ctx)
    return {"rate_text": rate_text, "amount_text": amount_text, "rule_text": rule_text,
            "status_attributes": lambda call, lang: status_attributes(call, lang, soon),
            "closing_soon_days": soon, "closing_soon_label": closing_soon_label,
            "target_types_text": lambda call: target_types_text(call, ctx.lang),
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
    groups = call_filter_groups(views, ctx.lang, lambda y: format_fiscal_year(y, ctx.lang, False))

    def listing(current: FilterOption | None) -> Page:  # the full listing, or one option's (call_finder.py)
        url = current.url if current else LISTING
        return Page(url=url, title=f"{_('補助金の公募')}: {current.label}" if current else _("補助金の公募"),
                    description=_("補助金の公募の一覧(受付中・募集予定・受付終了)"),
                    body=render("calls/list.md.j2", ctx, url, views=list(current.views) if current else views,
                                total=len(views), filter_groups=groups, current=current, **helpers))
    out.pages.extend(listing_pages(groups, listing))
    for v in views:
        c = v.call
        ja_only = ctx.lang == "en" and bool(missing_translations(c))
        out.pages.append(Page(
            url=v.url, title=c.title.get(ctx.lang)[0],
            description=description_from(c.summary.target if c.summary else c.lead, ctx.lang),
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
