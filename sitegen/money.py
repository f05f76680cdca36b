"""Yen amounts as Japanese and English readers expect them.

Amounts are always integers of yen: budgets are never fractional, and floats
would round 57,500,000 into surprises.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# Japanese groups digits by 10^4: 1億2,345万6,789円.
_JA_UNITS = ((10**12, "兆"), (10**8, "億"), (10**4, "万"))
_SMALL_UNITS = {"千": 1000, "百": 100, "十": 10}
_BIG_UNITS = {"兆": 10**12, "億": 10**8, "万": 10**4}


def _check(amount: int, lang: str) -> None:
    # bool is an int subclass; True yen is always a mistake.
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"yen amount must be an int, got {type(amount).__name__}")
    if lang not in ("ja", "en"):
        raise ValueError(f"unknown language {lang!r}; expected 'ja' or 'en'")


def _ja_units(amount: int) -> str:
    parts = []
    for size, unit in _JA_UNITS:
        count, amount = divmod(amount, size)
        if count:
            parts.append(f"{count:,}{unit}")
    if amount or not parts:
        parts.append(f"{amount:,}")
    return "".join(parts)


def format_yen(amount: int, lang: str) -> str:
    """Readable amount: "1億5,000万円" / "¥150 million"; exact below the round units."""
    _check(amount, lang)
    sign, amount = ("-", -amount) if amount < 0 else ("", amount)
    if lang == "ja":
        return f"{sign}{_ja_units(amount)}円"
    # "¥57.5 million" only when one decimal is exact, so nothing is ever rounded away.
    if amount >= 1_000_000 and amount % 100_000 == 0:
        whole, rest = divmod(amount, 1_000_000)
        decimal = f".{rest // 100_000}" if rest else ""
        return f"{sign}¥{whole:,}{decimal} million"
    return f"{sign}¥{amount:,}"


def format_yen_exact(amount: int, lang: str) -> str:
    """Every digit, for calculators and tables: "3,000,000円" / "¥3,000,000"."""
    _check(amount, lang)
    if lang == "ja":
        return f"{amount:,}円"
    sign = "-" if amount < 0 else ""
    return f"{sign}¥{abs(amount):,}"


# A number with correct comma grouping or none, maybe with decimals ("1.5億").
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_TOKEN = re.compile(rf"({_NUMBER})|([兆億万千百十])")


def parse_yen_text(text: str) -> int | None:
    """The amount meant by "100万円", "1,000,000円", "3千万円", "¥500,000" …, or None."""
    if not isinstance(text, str):
        return None
    # NFKC turns full-width digits, commas and "￥" into ASCII/"¥".
    s = unicodedata.normalize("NFKC", text).strip()
    # Spaces may follow a unit ("1億 2,345万"), but "100 200" is two numbers, not one.
    if re.search(r"[0-9]\s+[0-9]", s):
        return None
    s = re.sub(r"\s+", "", s)
    s = s.removeprefix("¥").removesuffix("円")
    if not s:
        return None
    total = Decimal(0)
    section = Decimal(0)  # the value before the next 万/億/兆
    current: Decimal | None = None  # the number just read, not yet given a unit
    last_big = last_small = None
    pos = 0
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m:
            return None
        pos = m.end()
        if m[1]:
            if current is not None:  # two numbers in a row
                return None
            current = Decimal(m[1].replace(",", ""))
        elif m[2] in _SMALL_UNITS:
            size = _SMALL_UNITS[m[2]]
            if last_small is not None and size >= last_small:
                return None
            section += (Decimal(1) if current is None else current) * size
            current, last_small = None, size
        else:
            size = _BIG_UNITS[m[2]]
            section += current or 0
            # Units must shrink ("1億2,345万") and each needs a number before it.
            if not section or (last_big is not None and size >= last_big):
                return None
            total += section * size
            section, current, last_big, last_small = Decimal(0), None, size, None
    total += section + (current or 0)
    if total != total.to_integral_value():
        return None
    return int(total)
