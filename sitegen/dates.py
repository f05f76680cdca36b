"""Dates as Japanese municipal pages show them: Western year plus era, and fiscal years.

The one home of how a date, a month, a fiscal year or a period is written, for the
pages (through render.Localizer), the calendar files, the feeds and open data:

- a day:          format_date      「2024年12月1日(令和6年12月1日)」 / "1 December 2024"
                  format_date_short「2024年12月1日」 (lists, headings)
- a month:        format_month     「2024年12月(令和6年12月)」 / "December 2024"
- a fiscal year:  format_fiscal_year「2024年度(令和6年度)」 / "FY2024 (April 2024 – March 2025)"
- any of these:   format_partial (a PartialDate)
- a period:       format_period    「…から…まで」 / "… to …" (days, months, fiscal years; 頃 / around)
- hours each day: with_daily_hours 「… 各日10:00〜17:00」 / "…, 10:00–17:00 each day"
- a call's application period and how its deadline is met (必着 / 消印有効):
                  format_application_period, format_deadline
- machine-readable (open data, attributes): iso_date「2024-12-01」

A fiscal year (年度) runs 1 April - 31 March and is named by the year it starts in:
2024年度 = 令和6年度 = April 2024 - March 2025.

Nothing here reads files or knows MkDocs; records give a `PartialDate` because
staff often know only a month, a year or a fiscal year.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

# Newest first, so the first era whose start is on or before a date is its era.
ERAS: tuple[tuple[str, date], ...] = (
    ("令和", date(2019, 5, 1)),
    ("平成", date(1989, 1, 8)),
    ("昭和", date(1926, 12, 25)),
)
# Romaji initials staff use in forms such as "R6.4.1".
_ERA_INITIALS = {"R": "令和", "H": "平成", "S": "昭和"}

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# ASCII digits only: `\d` would also accept full-width digits in canonical forms.
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_YEAR = re.compile(r"([0-9]{4})")
_FISCAL = re.compile(r"[Ff][Yy]([0-9]{4})")

PRECISIONS = ("day", "month", "year", "fiscal_year")


def _check_lang(lang: str) -> None:
    if lang not in ("ja", "en"):
        raise ValueError(f"unknown language {lang!r}; expected 'ja' or 'en'")


def _is_int(value: object) -> bool:
    # bool is an int subclass, but `year: true` in YAML is a mistake, not year 1.
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class PartialDate:
    """A day, a month, a calendar year or a fiscal year."""

    year: int
    month: int | None = None
    day: int | None = None
    fiscal: bool = False

    def __post_init__(self) -> None:
        # Validate here, not only in parse(), so hand-built values are safe too.
        if not _is_int(self.year):
            raise ValueError("year must be an integer")
        # A fiscal year ends in the next calendar year, which must exist for last_day().
        top = 9998 if self.fiscal else 9999
        if not 1000 <= self.year <= top:
            raise ValueError(f"year must be between 1000 and {top}")
        if self.fiscal and (self.month is not None or self.day is not None):
            raise ValueError("a fiscal year has no month or day")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not (_is_int(self.month) and 1 <= self.month <= 12):
            raise ValueError("month must be between 1 and 12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not (_is_int(self.day) and 1 <= self.day <= last):
                raise ValueError(f"no such day: {self.year:04d}-{self.month:02d} has days 1-{last}")

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read a YAML value: date, "YYYY-MM-DD", "YYYY-MM", YYYY, "YYYY" or "FY2024"."""
        # datetime is a subclass of date; a time of day means the wrong field was used.
        if isinstance(value, datetime):
            raise ValueError("expected a date without a time")
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if _is_int(value):
            return cls(value)
        if isinstance(value, str):
            if m := _DAY.fullmatch(value):
                return cls(int(m[1]), int(m[2]), int(m[3]))
            if m := _MONTH.fullmatch(value):
                return cls(int(m[1]), int(m[2]))
            if m := _YEAR.fullmatch(value):
                return cls(int(m[1]))
            if m := _FISCAL.fullmatch(value):
                return cls(int(m[1]), fiscal=True)
        raise ValueError("expected YYYY-MM-DD, YYYY-MM, YYYY or FY2024")

    @property
    def precision(self) -> str:
        if self.fiscal:
            return "fiscal_year"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def first_day(self) -> date:
        if self.fiscal:
            return date(self.year, 4, 1)
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.fiscal:
            return date(self.year + 1, 3, 31)
        if self.day is not None:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.fiscal:
            return f"FY{self.year:04d}"
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def fiscal_year_of(d: date) -> int:
    return d.year if d.month >= 4 else d.year - 1


def era_year(d: date) -> tuple[str, str]:
    """("令和", "6"); the first year of an era is written 元."""
    for name, start in ERAS:
        if d >= start:
            n = d.year - start.year + 1
            return name, "元" if n == 1 else str(n)
    raise ValueError(f"no era supported before {ERAS[-1][1].isoformat()}")


def _era_prefix(d: date) -> str | None:
    """"令和6年", or None before the oldest supported era (shown Western-only)."""
    try:
        name, n = era_year(d)
    except ValueError:
        return None
    return f"{name}{n}年"


def _fiscal_era_prefix(fy: int) -> str | None:
    # A fiscal year takes the era in force on its 1 April, except FY2019: Reiwa began
    # on 1 May and the government renamed the whole year 令和元年度.
    return _era_prefix(date(2019, 5, 1) if fy == 2019 else date(fy, 4, 1))


def _with_era(western: str, era: str | None, rest: str) -> str:
    return f"{western}({era}{rest})" if era else western


def format_date_short(d: date, lang: str) -> str:
    _check_lang(lang)
    if lang == "ja":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def format_date(d: date, lang: str) -> str:
    _check_lang(lang)
    if lang == "ja":
        return _with_era(format_date_short(d, lang), _era_prefix(d), f"{d.month}月{d.day}日")
    return format_date_short(d, lang)


def format_fiscal_year(fy: int, lang: str, long: bool = True) -> str:
    _check_lang(lang)
    if lang == "ja":
        short = f"{fy}年度"
        return _with_era(short, _fiscal_era_prefix(fy), "度") if long else short
    short = f"FY{fy}"
    return f"{short} (April {fy} – March {fy + 1})" if long else short


def format_month(year: int, month: int, lang: str, era: bool = True) -> str:
    """「2024年12月(令和6年12月)」 / "December 2024"; era=False gives 「2024年12月」 (a heading)."""
    _check_lang(lang)
    first = date(year, month, 1)  # also checks the month
    if lang == "en":
        return f"{MONTHS_EN[month - 1]} {year}"
    western = f"{year}年{month}月"
    # The era of the month's first day; only January 1989 is ambiguous (昭和64年1月).
    return _with_era(western, _era_prefix(first), f"{month}月") if era else western


def format_partial(p: PartialDate, lang: str) -> str:
    _check_lang(lang)
    precision = p.precision
    if precision == "day":
        return format_date(p.first_day(), lang)
    if precision == "fiscal_year":
        return format_fiscal_year(p.year, lang)
    if precision == "month":
        return format_month(p.year, p.month, lang)
    # A calendar year can straddle two eras, so it is shown Western-only.
    return f"{p.year}年" if lang == "ja" else str(p.year)


def _as_partial(value: PartialDate | date) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime):
        raise TypeError("expected a date without a time")
    return PartialDate(value.year, value.month, value.day)


def format_period(start: PartialDate | date, end: PartialDate | date | None, lang: str,
                  approximate: bool = False) -> str:
    """「AからBまで」 / "A to B"; 「Aから」 / "Since A" without an end; A alone when the end
    is the start. start and end are days (date) or PartialDates of any precision.
    approximate marks each end: 「A頃からB頃まで」 / "around A to around B"."""
    _check_lang(lang)
    start = _as_partial(start)
    end = None if end is None else _as_partial(end)
    ja = lang == "ja"
    around_ja, around_en = ("頃", "around ") if approximate else ("", "")
    first = format_partial(start, lang)
    if end == start:
        return f"{first}{around_ja}" if ja else f"{around_en}{first}"
    if end is None:
        return f"{first}{around_ja}から" if ja else f"Since {around_en}{first}"
    last = format_partial(end, lang)
    if ja:
        return f"{first}{around_ja}から{last}{around_ja}まで"
    return f"{around_en}{first} to {around_en}{last}"


def with_daily_hours(when: str, start: str, end: str, lang: str) -> str:
    """A day or period with the hours it runs each day ("10:00", "17:00")."""
    _check_lang(lang)
    return f"{when} 各日{start}〜{end}" if lang == "ja" else f"{when}, {start}–{end} each day"


def _deadline_note(deadline: str, lang: str) -> str:
    if not deadline:
        return ""
    return f"【{deadline}】" if lang == "ja" else f" ({deadline})"


def format_application_period(start: date, end: date, deadline: str, lang: str) -> str:
    """A call's application period, the same sentence on its page, in its calendar and its feed
    entry. `deadline` is how the deadline is met, in the page's language (the words of the
    call's deadline_rule: 「必着」, "must arrive by this day"), or "":
    「2024年4月23日(令和6年4月23日)から2024年6月11日(令和6年6月11日)まで【必着】」 /
    "23 April 2024 to 11 June 2024 (must arrive by this day)"."""
    return format_period(start, end, lang) + _deadline_note(deadline, lang)


def format_deadline(end: date, deadline: str, lang: str) -> str:
    """「2024年6月11日(令和6年6月11日)【必着】」 / "11 June 2024 (must arrive by this day)"."""
    return format_date(end, lang) + _deadline_note(deadline, lang)


def iso_date(value: date | PartialDate) -> str:
    """The machine-readable form (open data, data-* attributes): 2024-12-01, 2024-12, FY2024.
    The Digital Agency's rules ask for Western dates; never the era here."""
    if isinstance(value, datetime):
        raise TypeError("expected a date without a time")
    return str(value) if isinstance(value, PartialDate) else value.isoformat()


# What staff type instead of ISO; NFKC has already turned full-width digits and
# punctuation into ASCII. A trailing weekday such as "(月)" is allowed.
_WEEKDAY = r"(?:\s*\([月火水木金土日]\))?"
_WESTERN_TEXT = re.compile(
    r"([0-9]{4})\s*(?:年|[/.\-])"
    r"\s*([0-9]{1,2})\s*(?:月|[/.\-])\s*([0-9]{1,2})\s*日?" + _WEEKDAY
)
_ERA_TEXT = re.compile(
    r"(令和|平成|昭和|[RrHhSs])\s*([0-9]{1,2}|元)\s*(?:年|[/.\-])"
    r"\s*([0-9]{1,2})\s*(?:月|[/.\-])\s*([0-9]{1,2})\s*日?" + _WEEKDAY
)


def parse_japanese_date(text: str) -> date | None:
    """The date meant by "2024/4/1", "令和6年4月1日", "R6.4.1" …, or None."""
    if not isinstance(text, str):
        return None
    s = unicodedata.normalize("NFKC", text).strip()
    try:
        if m := _WESTERN_TEXT.fullmatch(s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _ERA_TEXT.fullmatch(s):
            name = _ERA_INITIALS.get(m[1].upper(), m[1])
            n = 1 if m[2] == "元" else int(m[2])
            start = dict(ERAS)[name]
            d = date(start.year + n - 1, int(m[3]), int(m[4]))
            # Only a real date of that era: 令和元年4月1日 never existed.
            return d if n >= 1 and era_year(d)[0] == name else None
    except ValueError:  # e.g. 2023/2/30
        return None
    return None
