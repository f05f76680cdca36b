"""Donations: the history page `donations/`, and fragments for the hand-written pages
`donations/how-to-donate.md` and `donations/corporate.md` (the tax-relief explainer)."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from .. import money
from ..chart import Bar, bar_chart
from ..context import BuildContext
from ..dates import PartialDate, format_fiscal_year, format_month
from ..i18n import translations, translator
from ..models.donations import Donation, DonationsFile
from ..page_description import written_description
from ..pages import Fragment, Output, Page
from ..render import render
from ..tax_relief import calculator_parameters, compute_relief, max_credit_percent, max_percent

HISTORY_URL = "donations/"


@dataclass(frozen=True)
class YearTotal:
    fiscal_year: int
    donations: list[Donation]
    disclosed_total: int  # sum of the amounts that were made public
    undisclosed: int  # how many gifts have no public amount

    @property
    def count(self) -> int:
        return len(self.donations)


def year_totals(donations: list[Donation]) -> list[YearTotal]:
    """Per fiscal year, newest first; donations keep their order in the file."""
    by_year: dict[int, list[Donation]] = defaultdict(list)
    for d in donations:
        by_year[d.fiscal_year].append(d)
    return [YearTotal(fy, items, sum(d.amount for d in items if d.disclosed),
                      sum(1 for d in items if not d.disclosed))
            for fy, items in sorted(by_year.items(), reverse=True)]


def undisclosed_note(count: int, lang: str) -> str:
    if not count:
        return ""
    _ = translator(lang)
    return _("ほかに金額非公表{count}件").format(count=count)


def chart_bars(totals: list[YearTotal], lang: str) -> list[Bar]:
    """One bar per fiscal year from the first to the last with donations, oldest first (a time
    series reads top to bottom). A year between them without donations is a bar of length 0
    labelled 「寄附なし」, so that the gap shows instead of the years closing up."""
    _ = translator(lang)

    def value_label(y: YearTotal) -> str:
        note = undisclosed_note(y.undisclosed, lang)
        amount = money.format_yen(y.disclosed_total, lang)
        return _("{amount}({note})").format(amount=amount, note=note) if note else amount

    by_year = {y.fiscal_year: y for y in totals}
    years = range(min(by_year), max(by_year) + 1) if by_year else range(0)
    return [Bar(format_fiscal_year(fy, lang, long=False), by_year[fy].disclosed_total, value_label(by_year[fy]))
            if fy in by_year else Bar(format_fiscal_year(fy, lang, long=False), 0, _("寄附なし"))
            for fy in years]


def _chart(totals: list[YearTotal], lang: str) -> Markup:
    bars = chart_bars(totals, lang)
    _ = translator(lang)
    description = translations(lang).pgettext("chart description", "、").join(f"{b.label}: {b.value_label}" for b in bars)
    title = _("年度別の寄附金額(公表分)")
    return bar_chart(bars, title, description, id_prefix="sg-donations-chart")


def _month_label(month: PartialDate | None, lang: str) -> str:
    """'2025年4月' / 'April 2025', as the seed's 「寄附実績(2025年4月時点)」 (no era: it sits in a heading)."""
    if month is None:
        return ""
    return format_month(month.year, month.month, lang, era=False)


def _history(ctx: BuildContext, data: DonationsFile) -> Page:
    totals = year_totals(data.donations)
    title = translations(ctx.lang).pgettext("page title", "寄附実績")
    body = render("donations/history.md.j2", ctx, HISTORY_URL, data=data, totals=totals,
                  grand_total=sum(y.disclosed_total for y in totals),
                  undisclosed_total=sum(y.undisclosed for y in totals),
                  chart=_chart(totals, ctx.lang), as_of_label=_month_label(data.as_of_month, ctx.lang))
    line = ctx.ds.line_of("donations", ("donations",)) if data.donations else 1
    description = written_description(ctx.ds.site.site.pages.donations.description, ctx.lang)  # site.yaml
    return Page(url=HISTORY_URL, title=title, body=body, description=description,
                edit=("data/donations.yaml", line))


def _fragment(ctx: BuildContext, template: str, **values) -> Fragment:
    """A fragment rendered for whichever hand-written page includes it."""
    return lambda page_url: render(template, ctx, page_url, **values)


def build(ctx: BuildContext) -> Output:
    data = ctx.ds.donations
    out = Output()
    out.pages.append(_history(ctx, data))
    out.fragments["how-to-donate"] = _fragment(ctx, "donations/how_to_donate.md.j2", how=data.how_to_donate)
    params = data.tax_relief
    tax = {"params": params}
    if params:
        tax.update(max_percent=max_percent(params), max_credit_percent=max_credit_percent(params),
                   examples=[(ex, compute_relief(params, ex.donation, ex.local_tax_base, ex.corporation_tax,
                                                 ex.business_tax)) for ex in params.examples],
                   calculator_json=json.dumps(calculator_parameters(params), separators=(",", ":")))
    out.fragments["tax-credits"] = _fragment(ctx, "donations/tax_credits.md.j2", **tax)
    out.fragments["tax-example"] = _fragment(ctx, "donations/tax_example.md.j2", **tax)
    out.fragments["tax-calculator"] = _fragment(ctx, "donations/tax_calculator.md.j2", **tax)
    return out
