from __future__ import annotations

from datetime import date, datetime

import icalendar
import pytest

from sitegen.calendar_file import call_calendar, deadline_words
from sitegen.context import BuildContext
from sitegen.dates import (
    PartialDate,
    era_year,
    fiscal_year_of,
    format_application_period,
    format_date,
    format_date_short,
    format_deadline,
    format_fiscal_year,
    format_month,
    format_partial,
    format_period,
    iso_date,
    parse_japanese_date,
    with_daily_hours,
)
from sitegen.sections import calls, feeds
from sitegen.validate import load_dataset
from tests.html import parse
from tests.sitebuild import SEED

# --- PartialDate.parse ----------------------------------------------------------


@pytest.mark.parametrize(
    "value, precision, fields, text",
    [
        (date(2023, 5, 15), "day", (2023, 5, 15, False), "2023-05-15"),
        ("2023-05-15", "day", (2023, 5, 15, False), "2023-05-15"),
        ("2024-12", "month", (2024, 12, None, False), "2024-12"),
        (2020, "year", (2020, None, None, False), "2020"),
        ("2020", "year", (2020, None, None, False), "2020"),
        ("FY2018", "fiscal_year", (2018, None, None, True), "FY2018"),
        ("fy2018", "fiscal_year", (2018, None, None, True), "FY2018"),
        ("2024-02-29", "day", (2024, 2, 29, False), "2024-02-29"),
    ],
)
def test_parse_each_precision(value, precision, fields, text):
    p = PartialDate.parse(value)
    assert p.precision == precision
    assert (p.year, p.month, p.day, p.fiscal) == fields
    assert str(p) == text
    # The canonical form reads back to the same value.
    assert PartialDate.parse(str(p)) == p


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-30",  # no such day
        "2023-02-29",  # not a leap year
        "2023-04-31",
        "2023-13",
        "2023-00",
        "2023-05-00",
        "2024/04/01",
        "2024-4-1",
        "2024-4",
        "24",
        "20240",
        "FY24",
        "FY 2024",
        "FY2024-04",
        "令和6年",
        "２０２４",  # full-width digits are not canonical
        " 2024",
        "",
        "0999",
        datetime(2024, 4, 1, 9, 0),
        True,
        2024.0,
        None,
        [2024],
        999,
        10000,
    ],
)
def test_parse_rejects(value):
    with pytest.raises(ValueError) as info:
        PartialDate.parse(value)
    reason = info.value.args[0]
    assert isinstance(reason, str) and reason.isascii() and 0 < len(reason) < 80


def test_parse_reasons_are_specific():
    with pytest.raises(ValueError, match="no such day"):
        PartialDate.parse("2023-02-30")
    with pytest.raises(ValueError, match="month must be between 1 and 12"):
        PartialDate.parse("2023-13")
    with pytest.raises(ValueError, match="expected YYYY-MM-DD"):
        PartialDate.parse("2024/04/01")
    with pytest.raises(ValueError, match="without a time"):
        PartialDate.parse(datetime(2024, 4, 1))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"year": 2024, "day": 1},  # day without month
        {"year": 2024, "month": 4, "fiscal": True},
        {"year": 9999, "fiscal": True},  # would end in year 10000
        {"year": 2024, "month": True},
    ],
)
def test_constructor_validates(kwargs):
    with pytest.raises(ValueError):
        PartialDate(**kwargs)


def test_partial_date_is_frozen_and_hashable():
    p = PartialDate.parse("FY2024")
    with pytest.raises(AttributeError):
        p.year = 2025  # type: ignore[misc]
    assert {p, PartialDate(2024, fiscal=True)} == {p}
    assert PartialDate(2024, fiscal=True) != PartialDate(2024)


@pytest.mark.parametrize(
    "value, first, last",
    [
        ("FY2024", date(2024, 4, 1), date(2025, 3, 31)),
        ("FY2019", date(2019, 4, 1), date(2020, 3, 31)),
        ("2024-12", date(2024, 12, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-04", date(2024, 4, 1), date(2024, 4, 30)),
        ("2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("2023-05-15", date(2023, 5, 15), date(2023, 5, 15)),
    ],
)
def test_first_and_last_day(value, first, last):
    p = PartialDate.parse(value)
    assert p.first_day() == first
    assert p.last_day() == last


# --- fiscal years and eras --------------------------------------------------------


@pytest.mark.parametrize(
    "d, fy",
    [
        (date(2025, 3, 31), 2024),
        (date(2025, 4, 1), 2025),
        (date(2024, 4, 1), 2024),
        (date(2024, 1, 1), 2023),
        (date(2024, 12, 31), 2024),
    ],
)
def test_fiscal_year_of(d, fy):
    assert fiscal_year_of(d) == fy


@pytest.mark.parametrize(
    "d, expected",
    [
        (date(2024, 4, 1), ("令和", "6")),
        (date(2019, 5, 1), ("令和", "元")),
        (date(2019, 12, 31), ("令和", "元")),
        (date(2020, 1, 1), ("令和", "2")),
        (date(2019, 4, 30), ("平成", "31")),
        (date(1989, 1, 8), ("平成", "元")),
        (date(1989, 1, 7), ("昭和", "64")),
        (date(1926, 12, 25), ("昭和", "元")),
    ],
)
def test_era_year(d, expected):
    assert era_year(d) == expected


def test_era_year_before_showa():
    with pytest.raises(ValueError):
        era_year(date(1926, 12, 24))


# --- formatting ------------------------------------------------------------------


@pytest.mark.parametrize(
    "d, ja, en",
    [
        (date(2023, 5, 15), "2023年5月15日(令和5年5月15日)", "15 May 2023"),
        (date(2019, 4, 30), "2019年4月30日(平成31年4月30日)", "30 April 2019"),
        (date(2019, 5, 1), "2019年5月1日(令和元年5月1日)", "1 May 2019"),
        (date(1989, 1, 7), "1989年1月7日(昭和64年1月7日)", "7 January 1989"),
        (date(1989, 1, 8), "1989年1月8日(平成元年1月8日)", "8 January 1989"),
        (date(1900, 1, 1), "1900年1月1日", "1 January 1900"),  # no era: Western only
    ],
)
def test_format_date(d, ja, en):
    assert format_date(d, "ja") == ja
    assert format_date(d, "en") == en


def test_format_date_short():
    assert format_date_short(date(2023, 5, 15), "ja") == "2023年5月15日"
    assert format_date_short(date(2023, 5, 15), "en") == "15 May 2023"


@pytest.mark.parametrize(
    "fy, ja_long, en_long",
    [
        (2024, "2024年度(令和6年度)", "FY2024 (April 2024 – March 2025)"),
        (2018, "2018年度(平成30年度)", "FY2018 (April 2018 – March 2019)"),
        (2019, "2019年度(令和元年度)", "FY2019 (April 2019 – March 2020)"),
        (2020, "2020年度(令和2年度)", "FY2020 (April 2020 – March 2021)"),
        (1988, "1988年度(昭和63年度)", "FY1988 (April 1988 – March 1989)"),
        (1989, "1989年度(平成元年度)", "FY1989 (April 1989 – March 1990)"),
    ],
)
def test_format_fiscal_year(fy, ja_long, en_long):
    assert format_fiscal_year(fy, "ja") == ja_long
    assert format_fiscal_year(fy, "en") == en_long
    assert format_fiscal_year(fy, "ja", long=False) == f"{fy}年度"
    assert format_fiscal_year(fy, "en", long=False) == f"FY{fy}"


@pytest.mark.parametrize(
    "value, ja, en",
    [
        ("2023-05-15", "2023年5月15日(令和5年5月15日)", "15 May 2023"),
        ("2024-12", "2024年12月(令和6年12月)", "December 2024"),
        ("2019-04", "2019年4月(平成31年4月)", "April 2019"),
        ("2019-05", "2019年5月(令和元年5月)", "May 2019"),
        ("2020", "2020年", "2020"),
        ("FY2018", "2018年度(平成30年度)", "FY2018 (April 2018 – March 2019)"),
        ("FY2019", "2019年度(令和元年度)", "FY2019 (April 2019 – March 2020)"),
    ],
)
def test_format_partial(value, ja, en):
    p = PartialDate.parse(value)
    assert format_partial(p, "ja") == ja
    assert format_partial(p, "en") == en


def test_format_period_with_end():
    start, end = PartialDate.parse("2024-12"), PartialDate.parse("2027-03")
    ja = "2024年12月(令和6年12月)から2027年3月(令和9年3月)まで"
    assert format_period(start, end, "ja") == ja
    assert format_period(start, end, "en") == "December 2024 to March 2027"


def test_format_period_without_end():
    start = PartialDate.parse("FY2018")
    assert format_period(start, None, "ja") == "2018年度(平成30年度)から"
    assert format_period(start, None, "en") == "Since FY2018 (April 2018 – March 2019)"


def test_format_period_mixed_precision():
    start, end = PartialDate.parse("2023-05-15"), PartialDate.parse("FY2025")
    assert format_period(start, end, "en") == "15 May 2023 to FY2025 (April 2025 – March 2026)"


# --- one shape per function: months, periods, hours, a call's application period -------


@pytest.mark.parametrize(
    "year, month, ja, en",
    [
        (2024, 12, "2024年12月(令和6年12月)", "December 2024"),
        (2019, 4, "2019年4月(平成31年4月)", "April 2019"),  # the last month of Heisei
        (2019, 5, "2019年5月(令和元年5月)", "May 2019"),  # Reiwa's first year is 元年
        (2020, 1, "2020年1月(令和2年1月)", "January 2020"),
        (1989, 1, "1989年1月(昭和64年1月)", "January 1989"),  # the era of the 1st: Heisei began on the 8th
        (1989, 2, "1989年2月(平成元年2月)", "February 1989"),
        (1900, 3, "1900年3月", "March 1900"),  # before any supported era: Western only
    ],
)
def test_format_month(year, month, ja, en):
    assert format_month(year, month, "ja") == ja
    assert format_month(year, month, "en") == en
    # The one month format is also what a PartialDate of a month shows.
    assert format_partial(PartialDate(year, month), "ja") == ja


def test_format_month_without_era_for_headings():
    assert format_month(2025, 4, "ja", era=False) == "2025年4月"
    assert format_month(2025, 4, "en", era=False) == "April 2025"  # English has no era to leave out


@pytest.mark.parametrize("month", [0, 13])
def test_format_month_rejects_a_month_that_does_not_exist(month):
    with pytest.raises(ValueError):
        format_month(2024, month, "ja")


@pytest.mark.parametrize(
    "start, end, ja, en",
    [
        # days; the era is named on each side, so a period across the change of era reads right
        (date(2019, 4, 30), date(2019, 5, 1),
         "2019年4月30日(平成31年4月30日)から2019年5月1日(令和元年5月1日)まで", "30 April 2019 to 1 May 2019"),
        # a fiscal year's days: April to March of the next calendar year (and the next era year)
        (date(2024, 4, 1), date(2025, 3, 31),
         "2024年4月1日(令和6年4月1日)から2025年3月31日(令和7年3月31日)まで", "1 April 2024 to 31 March 2025"),
        # months
        (PartialDate(2024, 12), PartialDate(2025, 1),
         "2024年12月(令和6年12月)から2025年1月(令和7年1月)まで", "December 2024 to January 2025"),
        # one fiscal year to the next
        (PartialDate(2018, fiscal=True), PartialDate(2019, fiscal=True),
         "2018年度(平成30年度)から2019年度(令和元年度)まで",
         "FY2018 (April 2018 – March 2019) to FY2019 (April 2019 – March 2020)"),
        # a period that starts and ends on the same day or in the same month is that day or month
        (date(2025, 1, 31), date(2025, 1, 31), "2025年1月31日(令和7年1月31日)", "31 January 2025"),
        (PartialDate(2024, 9), PartialDate(2024, 9), "2024年9月(令和6年9月)", "September 2024"),
        # open end
        (date(2019, 5, 1), None, "2019年5月1日(令和元年5月1日)から", "Since 1 May 2019"),
    ],
)
def test_format_period_of_days_months_and_fiscal_years(start, end, ja, en):
    assert format_period(start, end, "ja") == ja
    assert format_period(start, end, "en") == en


@pytest.mark.parametrize(
    "start, end, ja, en",
    [
        (PartialDate(2024, 9), PartialDate(2024, 12),
         "2024年9月(令和6年9月)頃から2024年12月(令和6年12月)頃まで", "around September 2024 to around December 2024"),
        (PartialDate(2024, 9), PartialDate(2024, 9), "2024年9月(令和6年9月)頃", "around September 2024"),
        (date(2024, 11, 13), None, "2024年11月13日(令和6年11月13日)頃から", "Since around 13 November 2024"),
    ],
)
def test_format_period_approximate(start, end, ja, en):
    assert format_period(start, end, "ja", approximate=True) == ja
    assert format_period(start, end, "en", approximate=True) == en


def test_format_period_refuses_a_time_of_day():
    with pytest.raises(TypeError, match="without a time"):
        format_period(datetime(2024, 4, 1, 9, 0), None, "ja")


def test_with_daily_hours():
    ja = format_period(date(2024, 11, 13), date(2024, 11, 14), "ja")
    assert with_daily_hours(ja, "10:00", "17:00", "ja") == (
        "2024年11月13日(令和6年11月13日)から2024年11月14日(令和6年11月14日)まで 各日10:00〜17:00")
    en = format_period(date(2024, 11, 13), date(2024, 11, 14), "en")
    assert with_daily_hours(en, "10:00", "17:00", "en") == "13 November 2024 to 14 November 2024, 10:00–17:00 each day"


@pytest.mark.parametrize(
    "words, ja, en",
    [
        (("必着", "must arrive by this day"),
         "2024年4月23日(令和6年4月23日)から2024年6月11日(令和6年6月11日)まで【必着】",
         "23 April 2024 to 11 June 2024 (must arrive by this day)"),
        (("当日消印有効", "postmarked by this day"),
         "2024年4月23日(令和6年4月23日)から2024年6月11日(令和6年6月11日)まで【当日消印有効】",
         "23 April 2024 to 11 June 2024 (postmarked by this day)"),
        (("", ""), "2024年4月23日(令和6年4月23日)から2024年6月11日(令和6年6月11日)まで",
         "23 April 2024 to 11 June 2024"),
    ],
)
def test_format_application_period(words, ja, en):
    start, end = date(2024, 4, 23), date(2024, 6, 11)
    assert format_application_period(start, end, words[0], "ja") == ja
    assert format_application_period(start, end, words[1], "en") == en


def test_format_application_period_across_the_change_of_era():
    assert format_application_period(date(2019, 4, 1), date(2019, 5, 31), "当日消印有効", "ja") == (
        "2019年4月1日(平成31年4月1日)から2019年5月31日(令和元年5月31日)まで【当日消印有効】")


def test_format_deadline():
    assert format_deadline(date(2024, 6, 11), "必着", "ja") == "2024年6月11日(令和6年6月11日)【必着】"
    assert format_deadline(date(2024, 6, 11), "postmarked by this day", "en") == (
        "11 June 2024 (postmarked by this day)")


@pytest.mark.parametrize(
    "value, text",
    [
        (date(2019, 5, 1), "2019-05-01"),
        (PartialDate(2024, 12, 1), "2024-12-01"),
        (PartialDate(2024, 12), "2024-12"),
        (PartialDate(2020), "2020"),
        (PartialDate(2024, fiscal=True), "FY2024"),
    ],
)
def test_iso_date_is_western_and_machine_readable(value, text):
    assert iso_date(value) == text


def test_iso_date_refuses_a_time_of_day():
    with pytest.raises(TypeError):
        iso_date(datetime(2024, 4, 1, 9, 0))


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_date(date(2024, 1, 1), "fr"),
        lambda: format_date_short(date(2024, 1, 1), "JA"),
        lambda: format_fiscal_year(2024, ""),
        lambda: format_partial(PartialDate(2024), "de"),
        lambda: format_period(PartialDate(2024), None, "zh"),
        lambda: format_month(2024, 1, "EN"),
        lambda: format_period(date(2024, 1, 1), date(2024, 2, 1), "ja-JP", approximate=True),
        lambda: with_daily_hours("", "10:00", "17:00", "fr"),
        lambda: format_application_period(date(2024, 4, 23), date(2024, 6, 11), "必着", "de"),
        lambda: format_deadline(date(2024, 6, 11), "必着", "zh"),
    ],
)
def test_unknown_language(call):
    with pytest.raises(ValueError, match="unknown language"):
        call()


# --- parse_japanese_date -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024/04/01", date(2024, 4, 1)),
        ("2024/4/1", date(2024, 4, 1)),
        ("2024.4.1", date(2024, 4, 1)),
        ("2024-4-1", date(2024, 4, 1)),
        ("2024年4月1日", date(2024, 4, 1)),
        ("2024年 4月 1日", date(2024, 4, 1)),
        ("2024年4月1日(月)", date(2024, 4, 1)),
        ("  2024/4/1 ", date(2024, 4, 1)),
        ("令和6年4月1日", date(2024, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("R6.4.1", date(2024, 4, 1)),
        ("r6.4.1", date(2024, 4, 1)),
        ("H31.4.30", date(2019, 4, 30)),
        ("R元.5.1", date(2019, 5, 1)),
        ("２０２４年４月１日", date(2024, 4, 1)),
        ("２０２４／４／１", date(2024, 4, 1)),
        ("令和６年４月１日", date(2024, 4, 1)),
        ("Ｒ６．４．１", date(2024, 4, 1)),
    ],
)
def test_parse_japanese_date(text, expected):
    assert parse_japanese_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "未定",
        "2024",
        "2024年4月",
        "2024/02/30",  # no such day
        "2024/13/1",
        "令和元年4月1日",  # Reiwa had not begun
        "平成31年5月1日",  # Heisei had ended
        "平成0年1月1日",
        "令和0年5月1日",
        "X6.4.1",
        "2024/4/1 10:00",
        "24/4/1",
        "2024年4月1日から",
    ],
)
def test_parse_japanese_date_rejects(text):
    assert parse_japanese_date(text) is None


def test_parse_japanese_date_non_string():
    assert parse_japanese_date(None) is None  # type: ignore[arg-type]


# --- the call's period: one sentence on its page, in its calendar and in the feed -----------

SEED_PERIOD = {
    "ja": ("受付期間: ", "2024年4月23日(令和6年4月23日)から2024年6月11日(令和6年6月11日)まで【必着】"),
    "en": ("Application period: ", "23 April 2024 to 11 June 2024 (must arrive by this day)"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_call_page_calendar_and_feed_say_the_same_period(lang):
    ctx = BuildContext(ds=load_dataset(SEED), lang=lang, today=date(2024, 5, 1))
    [call] = ctx.ds.calls.calls
    label, sentence = SEED_PERIOD[lang]
    assert format_application_period(call.acceptance_start_datetime, call.acceptance_end_datetime,
                                      deadline_words(call.deadline_rule, lang), lang) == sentence

    # the call page: the line under the title, the summary row and the first row of the schedule
    [page] = [p for p in calls.build(ctx).pages if p.url == calls.call_url(call)]
    doc = parse(page.body)
    assert [s.text() for s in doc.find_all("span", class_="sg-call-period")] == [label + sentence]
    rows = {r.find("th").text(): r.find("td") for r in doc.find_all("tr") if r.find("th") and r.find("td")}
    assert rows[label.rstrip(": ")].text().startswith(sentence)
    assert sentence in rows  # the schedule's row of the application period

    # the calendar: the application period event's description starts with the same words
    cal = icalendar.Calendar.from_ical(call_calendar(call, lang, ctx.today))
    [event] = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith(f"{call.id}-application-period@")]
    assert str(event["DESCRIPTION"]).split("\n")[0] == label + sentence

    # the feed entry
    [entry] = [e for e in feeds.call_entries(ctx) if e.key == f"call:{call.id}"]
    assert entry.content_html == f"<p>{label}{sentence}</p>"
