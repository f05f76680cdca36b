"""Where a call stands on a given day: upcoming (募集予定), open (受付中) or closed (受付終了).

Dates in a call are days in Japan. The deadline day is open until 23:59:59 Japan
time, so the status of a moment is the status of that moment's date in Asia/Tokyo.
The same rule runs in the reader's browser (overrides/assets/javascripts/calls.js),
fed by the labels this module writes into the page, so the two cannot disagree on
wording.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from .i18n import N_, translator

JST = ZoneInfo("Asia/Tokyo")
# "closes in N days" is shown in the last 14 days, deadline day included (N = 13 … 0).
CLOSING_SOON_DAYS = 14

StatusCode = Literal["upcoming", "open", "closed"]

# Label templates (English in the UI catalog); "{n}" is the number of days left. Written
# into the page for calls.js, translated: label_templates(lang).
LABELS: dict[str, str] = {
    "upcoming": N_("募集予定"),
    "open": N_("受付中"),
    "open_days": N_("受付中(締切まであと{n}日)"),
    "open_one_day": N_("受付中(締切まであと1日)"),
    "open_today": N_("受付中(本日締切)"),
    "closed": N_("受付終了"),
}


def label_templates(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {key: _(label) for key, label in LABELS.items()}


@dataclass(frozen=True)
class CallStatus:
    code: StatusCode
    days_left: int | None = None  # days until the deadline day, only while open

    def label(self, lang: str) -> str:
        labels = label_templates(lang)
        if self.code != "open" or self.days_left is None or self.days_left >= CLOSING_SOON_DAYS:
            return labels[self.code]
        if self.days_left == 0:
            return labels["open_today"]
        if self.days_left == 1:
            return labels["open_one_day"]
        return labels["open_days"].format(n=self.days_left)


def status_on(start: dt.date, end: dt.date, today: dt.date) -> CallStatus:
    """Status on a day in Japan (the build's SITE_TODAY)."""
    if today < start:
        return CallStatus("upcoming")
    if today > end:
        return CallStatus("closed")
    return CallStatus("open", (end - today).days)


def status_at(start: dt.date, end: dt.date, moment: dt.datetime) -> CallStatus:
    """Status at an instant (timezone-aware): the deadline day ends at 24:00 Japan time."""
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return status_on(start, end, moment.astimezone(JST).date())


# Listing order: what a reader can still act on comes first.
ORDER: dict[str, int] = {"open": 0, "upcoming": 1, "closed": 2}
