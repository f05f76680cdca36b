"""Subsidy calls without a build: status, amount, calendar, and the call's bad-input messages."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from fractions import Fraction
from pathlib import Path

import icalendar
import pytest

from sitegen import calendar_file
from sitegen.calendar_file import call_calendar
from sitegen.call_status import JST, status_at, status_on
from sitegen.errors import DataErrors
from sitegen.subsidy import SubsidyRule, expenses_for_maximum, expenses_for_minimum, subsidy_amount
from sitegen.validate import load_dataset
from tests.calls_amount_cases import CASES, all_cases, rule_from_call, written_rule
from tests.calls_amount_cases import rule as case_rule
from tests.sitebuild import REPO, SEED, SEED_DATA

START, END = dt.date(2024, 4, 23), dt.date(2024, 6, 11)


# --- Status -------------------------------------------------------------------------------

@pytest.mark.parametrize("today, code, ja, en", [
    ("2024-04-01", "upcoming", "募集予定", "Upcoming"),
    ("2024-04-22", "upcoming", "募集予定", "Upcoming"),
    ("2024-04-23", "open", "受付中", "Open"),
    ("2024-05-01", "open", "受付中", "Open"),
    ("2024-05-28", "open", "受付中", "Open"),  # 14 days left: not yet "closing soon"
    ("2024-05-29", "open", "受付中(締切まであと13日)", "Open (closes in 13 days)"),
    ("2024-06-10", "open", "受付中(締切まであと1日)", "Open (closes tomorrow)"),
    ("2024-06-11", "open", "受付中(本日締切)", "Open (closes today)"),
    ("2024-06-12", "closed", "受付終了", "Closed"),
])
def test_status_on_a_day(today, code, ja, en):
    status = status_on(START, END, dt.date.fromisoformat(today))
    assert (status.code, status.label("ja"), status.label("en")) == (code, ja, en)


def test_deadline_day_is_open_until_its_end_in_japan_time():
    last_second = dt.datetime(2024, 6, 11, 23, 59, 59, tzinfo=JST)
    assert status_at(START, END, last_second).code == "open"
    assert status_at(START, END, last_second + dt.timedelta(seconds=1)).code == "closed"
    # 20:00 UTC on 11 June is already 12 June in Japan: closed, wherever the reader is.
    assert status_at(START, END, dt.datetime(2024, 6, 11, 20, 0, tzinfo=dt.timezone.utc)).code == "closed"
    with pytest.raises(ValueError):
        status_at(START, END, dt.datetime(2024, 6, 11, 12, 0))


# --- Amount ---------------------------------------------------------------------------------

@pytest.mark.parametrize("spec, case", all_cases(),
                         ids=lambda v: v.get("why", v.get("name")) if isinstance(v, dict) else str(v))
def test_subsidy_amount_shared_cases(spec, case):
    """Every case of tests/cases/subsidy.json, the rule read from the call (fixture or seed) as the
    page reads it, or as written; the browser test runs the same cases through calls.js."""
    result = subsidy_amount(case["expenses"], case_rule(spec), case.get("other_income", 0))
    assert (result.amount, result.eligible) == (case["amount"], case["eligible"]), case["why"]
    if "capped" in case:
        assert result.capped == case["capped"], case["why"]


def test_a_call_rule_in_the_cases_is_the_one_written_out():
    kawasaki = next(r for r in CASES["rules"] if r["name"] == "kawasaki-decarbonization-2024")
    assert rule_from_call(kawasaki) == written_rule(kawasaki)


def test_subsidy_thresholds_and_bad_input():
    rule = written_rule(CASES["rules"][0])
    assert expenses_for_minimum(rule) == 2_666_667 and expenses_for_maximum(rule) == 6_666_667
    with pytest.raises(ValueError):
        subsidy_amount(-1, rule)
    with pytest.raises(TypeError):
        subsidy_amount(5_000_000.0, rule)
    with pytest.raises(ValueError):
        SubsidyRule(Fraction(5, 4), 0, 1)


# --- Calendar ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kawasaki():
    return load_dataset(SEED).calls.calls[0]


def test_calendar_parses_and_holds_the_dates(kawasaki):
    data = call_calendar(kawasaki, "ja", dt.date(2024, 5, 1), "https://example.org/calls/x/")
    cal = icalendar.Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0" and cal["X-WR-TIMEZONE"] == "Asia/Tokyo"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert len(events) == len(cal.walk("VEVENT")), "UIDs are unique"
    period = events["kawasaki-decarbonization-2024-application-period@calls.sitegen"]
    assert period.decoded("DTSTART") == dt.date(2024, 4, 23)
    assert period.decoded("DTEND") == dt.date(2024, 6, 12)  # exclusive end: the 11th is included
    deadline = events["kawasaki-decarbonization-2024-deadline@calls.sitegen"]
    assert "必着" in str(deadline["SUMMARY"]) and deadline.decoded("DTSTART") == dt.date(2024, 6, 11)
    fair = events["kawasaki-decarbonization-2024-environmental-technology-exhibition-2024-11-14@calls.sitegen"]
    start = fair.decoded("DTSTART")
    assert start == dt.datetime(2024, 11, 14, 10, 0, tzinfo=JST) and str(start.tzinfo) == "Asia/Tokyo"
    assert "カルッツかわさき" in str(fair["LOCATION"])
    report = events["kawasaki-decarbonization-2024-final-report@calls.sitegen"]
    assert report.decoded("DTSTART") == dt.date(2025, 1, 31)
    inspection = events["kawasaki-decarbonization-2024-interim-inspection@calls.sitegen"]
    assert "頃" in str(inspection["SUMMARY"])


def test_calendar_is_stable_and_translated(kawasaki):
    day = dt.date(2024, 5, 1)
    assert call_calendar(kawasaki, "en", day) == call_calendar(kawasaki, "en", day)
    ja = icalendar.Calendar.from_ical(call_calendar(kawasaki, "ja", day))
    en = icalendar.Calendar.from_ical(call_calendar(kawasaki, "en", day))
    assert [str(e["UID"]) for e in ja.walk("VEVENT")] == [str(e["UID"]) for e in en.walk("VEVENT")]
    deadline = [e for e in en.walk("VEVENT") if str(e["UID"]).endswith("-deadline@calls.sitegen")][0]
    assert "Application deadline, must arrive by this day" in str(deadline["SUMMARY"])


# --- Bad input (section 7 of the issue) --------------------------------------------------------

def _errors_for(tmp_path: Path, old: str, new: str) -> str:
    shutil.copytree(SEED_DATA, tmp_path / "data")
    path = tmp_path / "data" / "calls.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_dataset(tmp_path)
    return exc.value.report()


def _line_of(old: str) -> int:
    text = (SEED_DATA / "calls.yaml").read_text(encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize("old, new, message", [
    ("acceptance_end_datetime: 2024-06-11", "acceptance_end_datetime: 2024-04-01",
     "受付締切日(2024-04-01)が受付開始日(2024-04-23)より前です / the application deadline (2024-04-01) "
     "is before the start (2024-04-23)"),
    ('subsidy_rate: "3/4"', 'subsidy_rate: "5/4"',
     "補助率は0より大きく1以下にしてください(5/4 は範囲外です) / the rate must be more than 0 and at most 1"),
    ('subsidy_rate: "3/4"', 'subsidy_rate: "0/4"', "the rate must be more than 0 and at most 1"),
    ('subsidy_rate: "3/4"', "subsidy_rate: 0.75", 'write the rate as a fraction such as "3/4"'),
    ("subsidy_min_limit: 2000000", "subsidy_min_limit: 6000000",
     "下限額(6,000,000円)が上限額(5,000,000円)より大きいです / the minimum (6,000,000 yen) is above the maximum"),
    ("email: 28ecotech@city.kawasaki.jp", "email: 28ecotech.city.kawasaki.jp",
     "メールアドレスの形が正しくありません / malformed email address"),
    ("phone: 044-200-2335", "phone: 044(200)2335", "write the phone number like 012-345-6789"),
    ("web_page: https://www.city.kawasaki.jp/280/page/0000164802.html",
     "web_page: www.city.kawasaki.jp/280/page/0000164802.html", "the address must start with https://"),
    ("postal_code: 210-8577", "postal_code: 2108577", 'write the postal code like "210-8577"'),
    ("        start: 2025-01-31\n", "        start: 2025-04-30\n",
     "日付(2025-04-30)が2024年度(2024-04-01〜2025-03-31)の外です / the date (2025-04-30) is outside fiscal year 2024"),
    ('daily_start_time: "10:00"', "daily_start_time: 10:00", 'quote the time, e.g. "10:00"'),
    ("deadline_rule: arrival", "deadline_rule: 必着", "expected one of: 'arrival' or 'postmark'"),
])
def test_bad_call_data_is_reported_with_its_line(tmp_path, old, new, message):
    report = _errors_for(tmp_path, old, new)
    assert message in report, report
    assert f"data/calls.yaml:{_line_of(old)}:" in report, report
    assert "Traceback" not in report


def test_schedule_date_outside_fiscal_year_names_the_event_field(tmp_path):
    report = _errors_for(tmp_path, "        start: 2025-01-31\n", "        start: 2024-03-31\n")
    assert "calls[0].schedule[3].start" in report and "outside fiscal year 2024" in report, report


def test_calendar_cached_timezone_writes_what_icalendar_writes(kawasaki, monkeypatch):
    # call_calendar copies a VTIMEZONE built once instead of calling add_missing_timezones per calendar.
    day = dt.date(2024, 5, 1)
    untimed = kawasaki.model_copy(update={"schedule": [e for e in kawasaki.schedule if not e.daily_start_time]})
    cases = [(c, lang) for c in (kawasaki, untimed) for lang in ("ja", "en")]
    ours = [call_calendar(c, lang, day, "https://example.org/calls/x/") for c, lang in cases]
    monkeypatch.setattr(calendar_file, "_add_missing_timezones", lambda cal: cal.add_missing_timezones())
    assert ours == [call_calendar(c, lang, day, "https://example.org/calls/x/") for c, lang in cases]
    assert [data.count(b"BEGIN:VTIMEZONE") for data in ours] == [1, 1, 0, 0]
