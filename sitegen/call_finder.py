"""The call finder on /calls/ (issue 16, item 8): filter by status and fiscal year.

As for projects (sections/projects.py), filtering works without JavaScript: every option is a
real page (`calls/status/open/`, `calls/fy/2024/`) listing only the matching calls, left out of
the search index. projects.js makes the same links filter the full listing in place: the
listing's nav carries data-sg-filterable with the selector of its items.
"""
from __future__ import annotations

from dataclasses import dataclass

from .call_status import ORDER
from .i18n import translator

# The listing's group headings, reused as the status options.
STATUS_OPTIONS = {"open": "受付中", "upcoming": "募集予定", "closed": "受付終了"}


@dataclass(frozen=True)
class CallFilterOption:
    dim: str
    value: str
    label: str
    views: tuple

    @property
    def url(self) -> str:
        return f"calls/{self.dim}/{self.value}/"

    @property
    def count(self) -> int:
        return len(self.views)


@dataclass(frozen=True)
class CallFilterGroup:
    dim: str
    label: str
    options: list[CallFilterOption]


def call_filter_groups(views: list, lang: str, fiscal_year_label) -> list[CallFilterGroup]:
    """Status (open, upcoming, closed) and fiscal year (newest first) options over the call views."""
    _ = translator(lang)
    status = [CallFilterOption("status", code, _(label), tuple(v for v in views if v.status.code == code))
              for code, label in sorted(STATUS_OPTIONS.items(), key=lambda kv: ORDER[kv[0]])]
    years = sorted({v.call.fiscal_year for v in views}, reverse=True)
    fy = [CallFilterOption("fy", str(y), fiscal_year_label(y), tuple(v for v in views if v.call.fiscal_year == y))
          for y in years]
    return [CallFilterGroup("status", _("受付状況"), status), CallFilterGroup("fy", _("年度"), fy)]
