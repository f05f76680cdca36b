"""Where a call stands on a given day: upcoming (募集予定), open (受付中) or closed (受付終了).

A call has one application period or several rounds (windows, in date order, not
overlapping): it is open while any round is open, upcoming before the first round and
between rounds (the label then names the round that opens next, and when), and closed
after the last. "締切間近" (closing soon) marks the last days of an open round; how many
is `closing_soon_days` in data/site.yaml (default 7).

Dates in a call are days in Japan. The deadline day is open until 23:59:59 Japan
time, so the status of a moment is the status of that moment's date in Asia/Tokyo.
The same rule runs in the reader's browser (overrides/assets/javascripts/calls.js),
fed by the labels this module writes into the page, so the two cannot disagree on
wording.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, Sequence
from zoneinfo import ZoneInfo

from .dates import format_date
from .i18n import N_, translator

JST = ZoneInfo("Asia/Tokyo")
# "closes in N days" is shown in the last 14 days, deadline day included (N = 13 … 0).
CLOSING_SOON_DAYS = 14
# "締切間近" in the last N days of an open round, deadline day included (days_left < N);
# data/site.yaml closing_soon_days overrides it.
DEFAULT_CLOSING_SOON_DAYS = 7

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
# Between rounds and before the first: the round that opens next ({round}) and its first day ({date}).
UPCOMING_NEXT = N_("募集予定({round}は{date}から受付)")
CLOSING_SOON = N_("締切間近")


@dataclass(frozen=True)
class Window:
    """One application period: a round of a call, or the call's only period (id None)."""

    start: dt.date
    end: dt.date
    id: str | None = None
    title: Any = None  # Text: the round's title
    deadline_rule: str | None = None
    note: Any = None


def upcoming_label(window: Window, lang: str) -> str:
    """「募集予定(第2回募集は2025年8月1日(令和7年8月1日)から受付)」 for a round, 「募集予定」 otherwise."""
    _ = translator(lang)
    if window.title is None:
        return _(LABELS["upcoming"])
    return _(UPCOMING_NEXT).format(round=window.title.get(lang)[0], date=format_date(window.start, lang))


def label_templates(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {key: _(label) for key, label in LABELS.items()}


@dataclass(frozen=True)
class CallStatus:
    code: StatusCode
    days_left: int | None = None  # days until the deadline day, only while open
    window: Window | None = None  # the open round, or the one that opens next; None when closed

    def label(self, lang: str) -> str:
        labels = label_templates(lang)
        if self.code == "upcoming" and self.window is not None:
            return upcoming_label(self.window, lang)
        if self.code != "open" or self.days_left is None or self.days_left >= CLOSING_SOON_DAYS:
            return labels[self.code]
        if self.days_left == 0:
            return labels["open_today"]
        if self.days_left == 1:
            return labels["open_one_day"]
        return labels["open_days"].format(n=self.days_left)


    def closing_soon(self, days: int = DEFAULT_CLOSING_SOON_DAYS) -> bool:
        """In the last `days` days of an open round (the deadline day is the last of them)."""
        return self.code == "open" and self.days_left is not None and self.days_left < days


def status_on(start: dt.date, end: dt.date, today: dt.date) -> CallStatus:
    """Status on a day in Japan (the build's SITE_TODAY) of a call with one period."""
    return status_of([Window(start, end)], today)


def status_of(windows: Sequence[Window], today: dt.date) -> CallStatus:
    """Status on a day in Japan of a call with these windows (in date order, not overlapping):
    open while any is open (its last day included), upcoming before the first and between
    two (the window that opens next is given), closed after the last."""
    for w in windows:
        if w.start <= today <= w.end:
            return CallStatus("open", (w.end - today).days, w)
    following = next((w for w in windows if today < w.start), None)
    if following is not None:
        return CallStatus("upcoming", None, following)
    return CallStatus("closed")


def status_at(start: dt.date, end: dt.date, moment: dt.datetime) -> CallStatus:
    """Status at an instant (timezone-aware): the deadline day ends at 24:00 Japan time."""
    return status_of_at([Window(start, end)], moment)


def status_of_at(windows: Sequence[Window], moment: dt.datetime) -> CallStatus:
    """status_of at an instant (timezone-aware): each deadline day ends at 24:00 Japan time."""
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return status_of(windows, moment.astimezone(JST).date())


# Listing order: what a reader can still act on comes first.
ORDER: dict[str, int] = {"open": 0, "upcoming": 1, "closed": 2}
