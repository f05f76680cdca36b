"""The call finder on /calls/ (issue 16, item 8): filter by status, fiscal year and who may apply.

As for projects, filtering works without JavaScript (sitegen/filter_pages.py): every option is a
real page (`calls/status/open/`, `calls/fy/2024/`, `calls/target/sme/`) listing only the matching
calls, left out of the search index. projects.js makes the same links filter the full listing in
place: the listing's nav carries data-sg-filterable with the selector of its items, and each item
its data-filter-<dim> values (a call's target types separated by spaces: target_filter_values).
"""
from __future__ import annotations

from .call_status import ORDER
from .filter_pages import FilterGroup, FilterOption, filter_option, filter_values
from .i18n import N_, translator
from .models.calls import TARGET_TYPES, Call

LISTING = "calls/"

# The listing's group headings, reused as the status options.
STATUS_OPTIONS = {"open": "受付中", "upcoming": "募集予定", "closed": "受付終了"}

NO_TARGET_TYPE = "none"  # filter value of calls whose data gives no target_types
NO_TARGET_TYPE_LABEL = N_("対象者を分類していないもの")


def target_filter_values(call: Call) -> str:
    """The call's data-filter-target: its target types, or NO_TARGET_TYPE when it gives none."""
    return filter_values(call.target_types) if call.target_types else NO_TARGET_TYPE


def call_filter_groups(views: list, lang: str, fiscal_year_label) -> list[FilterGroup]:
    """Status (open, upcoming, closed), fiscal year (newest first) and target (the target types
    some call gives, in the vocabulary's order, then the calls that give none) over the call views.
    The target group is left out while no call gives a target type."""
    _ = translator(lang)

    def option(dim: str, value: str, label: str, match) -> FilterOption:
        return filter_option(LISTING, dim, value, label, views, match)

    status = [option("status", code, _(label), lambda v, c=code: v.status.code == c)
              for code, label in sorted(STATUS_OPTIONS.items(), key=lambda kv: ORDER[kv[0]])]
    years = sorted({v.call.fiscal_year for v in views}, reverse=True)
    fy = [option("fy", str(y), fiscal_year_label(y), lambda v, y=y: v.call.fiscal_year == y) for y in years]
    groups = [FilterGroup("status", _("受付状況"), status), FilterGroup("fy", _("年度"), fy)]
    used = {code for v in views for code in v.call.target_types}
    if used:
        target = [option("target", code, _(label), lambda v, c=code: c in v.call.target_types)
                  for code, label in TARGET_TYPES.items() if code in used]
        if any(not v.call.target_types for v in views):
            target.append(option("target", NO_TARGET_TYPE, _(NO_TARGET_TYPE_LABEL), lambda v: not v.call.target_types))
        groups.append(FilterGroup("target", _("対象者"), target))
    return groups
