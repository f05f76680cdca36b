"""calls/<id>/calendar.ics: a call's dates as an iCalendar file (RFC 5545), via `icalendar`.

Contents: the application period, the deadline (its text says 必着 or 消印有効),
and the call's schedule events. A call with rounds has the period and the deadline of
each round (UIDs from the call id and the round id: `<call>-<round>-application-period`,
`<call>-<round>-deadline`). Days are all-day DATE values (the call gives
days in Japan); events with hours (the exhibition, 10:00-17:00) are timed in
Asia/Tokyo, one event per day, with the VTIMEZONE included. UIDs are made from
the call id and the event id, so a calendar that imported the file last week
updates the same events instead of duplicating them. DTSTAMP is the build's
"today", so a rebuild with the same SITE_TODAY writes the same bytes.
"""
from __future__ import annotations

import copy
import datetime as dt
import functools
from typing import TYPE_CHECKING

import icalendar

from .call_status import JST, Window
from .dates import PartialDate, format_application_period, format_deadline, format_period, with_daily_hours
from .i18n import N_, translator

if TYPE_CHECKING:
    from .models.calls import Call, ScheduleEvent

UID_DOMAIN = "calls.sitegen"
# How the deadline is met; the English is in the UI catalog (sitegen/i18n.py).
DEADLINE_RULE = {"arrival": N_("必着"), "postmark": N_("当日消印有効")}


def _t(ja: str, en: str, lang: str) -> str:
    return ja if lang == "ja" else en


def deadline_words(rule: str | None, lang: str) -> str:
    """How a call's deadline is met (its deadline_rule), in the page's language: 「必着」 ("" if not given)."""
    return translator(lang)(DEADLINE_RULE[rule]) if rule else ""


def event_when(ev: ScheduleEvent, lang: str) -> str:
    """When an event happens, as the page and the calendar say it (sitegen.dates words it)."""
    first, last = ev.start, ev.last_day
    if ev.precision == "month":
        first, last = PartialDate(first.year, first.month), PartialDate(last.year, last.month)
    text = format_period(first, last, lang, approximate=ev.approximate)
    if ev.daily_start_time and ev.daily_end_time:
        text = with_daily_hours(text, ev.daily_start_time, ev.daily_end_time, lang)
    return text


def _all_day(uid: str, summary: str, first: dt.date, last: dt.date, stamp: dt.datetime,
             description: str = "", location: str = "") -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", first)
    event.add("dtend", last + dt.timedelta(days=1))  # DTEND of a DATE event is exclusive
    event.add("transp", "TRANSPARENT")  # a period does not make anyone busy
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    return event


def _timed(uid: str, summary: str, day: dt.date, start: str, end: str, stamp: dt.datetime,
           description: str = "", location: str = "") -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", dt.datetime.combine(day, dt.time.fromisoformat(start), JST))
    event.add("dtend", dt.datetime.combine(day, dt.time.fromisoformat(end), JST))
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    return event


@functools.cache
def _vtimezone(tzid: str) -> icalendar.Timezone:
    """The VTIMEZONE of tzid, built once per process: Timezone.from_tzid walks the zone's
    transitions in zoneinfo (12 ms for Asia/Tokyo), which was most of each call_calendar's time."""
    return icalendar.Timezone.from_tzid(tzid)


def _add_missing_timezones(cal: icalendar.Calendar) -> None:
    """Same as cal.add_missing_timezones(), with a copy of the cached VTIMEZONE of each TZID."""
    at = len(cal.timezones)  # the VTIMEZONEs go before the events, as icalendar puts them
    for tzid in cal.get_missing_tzids():
        try:
            timezone = _vtimezone(tzid)
        except ValueError:  # a zone zoneinfo does not know: icalendar leaves it out too
            continue
        cal.subcomponents.insert(at, copy.deepcopy(timezone))
        at += 1


def _event_components(call: Call, ev: ScheduleEvent, lang: str, stamp: dt.datetime, url: str) -> list:
    title = call.title.get(lang)[0]
    summary = f"{ev.title.get(lang)[0]}({title})" if lang == "ja" else f"{ev.title.get(lang)[0]} ({title})"
    if ev.approximate:
        summary += _t(f"[{event_when(ev, lang)}]", f" [{event_when(ev, lang)}]", lang)
    description = "\n".join(x for x in (ev.note.get(lang)[0] if ev.note else "", url) if x)
    location = ev.place.get(lang)[0] if ev.place else ""
    uid = f"{call.id}-{ev.id}@{UID_DOMAIN}"
    if ev.daily_start_time and ev.daily_end_time:
        days = [ev.start + dt.timedelta(days=i) for i in range((ev.last_day - ev.start).days + 1)]
        return [_timed(f"{call.id}-{ev.id}-{d.isoformat()}@{UID_DOMAIN}", summary, d, ev.daily_start_time,
                       ev.daily_end_time, stamp, description, location) for d in days]
    return [_all_day(uid, summary, ev.start, ev.last_day, stamp, description, location)]


def _window_components(call: Call, window: Window, lang: str, stamp: dt.datetime, links: str) -> list:
    """The application period (opening day to deadline) and the deadline (with a reminder a week
    before) of the call's one period, or of one round."""
    title = call.title.get(lang)[0]
    start, end = window.start, window.end
    rule = deadline_words(window.deadline_rule, lang)
    prefix = "" if window.id is None else f"{window.id}-"
    name = "" if window.title is None else window.title.get(lang)[0]
    what = f"{name} " if name and lang == "ja" else (f"{name}: " if name else "")
    note = window.note.get(lang)[0] if window.note else ""
    period_text = _t("受付期間: ", "Application period: ", lang) + format_application_period(start, end, rule, lang)
    period = _all_day(
        f"{call.id}-{prefix}application-period@{UID_DOMAIN}",
        _t(f"{what}申請受付期間({title})", f"{what}Application period ({title})", lang),
        start, end, stamp, "\n".join(x for x in (period_text, note, links) if x))
    rule_ja = f"【{rule}】" if rule else ""
    rule_en = f", {rule}" if rule else ""
    deadline = _all_day(
        f"{call.id}-{prefix}deadline@{UID_DOMAIN}",
        _t(f"{what}申請締切{rule_ja}({title})", f"{what}Application deadline{rule_en} ({title})", lang),
        end, end, stamp,
        "\n".join(x for x in (format_deadline(end, rule, lang) + _t("(日本時間)", ", Japan time", lang),
                               links) if x))
    deadline["transp"] = "OPAQUE"
    alarm = icalendar.Alarm()  # a reminder a week before the deadline
    alarm.add("action", "DISPLAY")
    alarm.add("description", _t(f"{what}申請締切まで1週間({title})",
                                f"{what}One week to the application deadline ({title})", lang))
    alarm.add("trigger", dt.timedelta(days=-7))
    deadline.add_component(alarm)
    return [period, deadline]


def call_calendar(call: Call, lang: str, today: dt.date, page_url: str = "") -> bytes:
    """The .ics file of one call in one language. page_url (absolute) goes into URL/DESCRIPTION."""
    stamp = dt.datetime.combine(today, dt.time(0, 0), dt.timezone.utc)
    title = call.title.get(lang)[0]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//sitegen//subsidy calls//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", "Asia/Tokyo")

    links = "\n".join(x for x in (page_url, call.issuer.web_page or "") if x)
    for window in call.windows:
        for component in _window_components(call, window, lang, stamp, links):
            cal.add_component(component)
    for ev in call.schedule:
        for component in _event_components(call, ev, lang, stamp, page_url):
            cal.add_component(component)
    _add_missing_timezones(cal)
    return cal.to_ical()
