from __future__ import annotations

import pytest

from sitegen.money import format_yen, format_yen_exact, parse_yen_text


@pytest.mark.parametrize(
    "amount, ja",
    [
        (30_000_000, "3,000万円"),
        (1_000_000, "100万円"),
        (500_000, "50万円"),
        (57_500_000, "5,750万円"),
        (24_000_000, "2,400万円"),
        (150_000_000, "1億5,000万円"),
        (123_456_789, "1億2,345万6,789円"),
        (100_000_000, "1億円"),
        (100_005_000, "1億5,000円"),  # empty 万 group is skipped
        (10_000, "1万円"),
        (5_000, "5,000円"),
        (1, "1円"),
        (0, "0円"),
        (1_234_500_000_000, "1兆2,345億円"),
        (-500_000, "-50万円"),
    ],
)
def test_format_yen_ja(amount, ja):
    assert format_yen(amount, "ja") == ja


@pytest.mark.parametrize(
    "amount, en",
    [
        (30_000_000, "¥30 million"),
        (57_500_000, "¥57.5 million"),
        (1_000_000, "¥1 million"),
        (2_400_000, "¥2.4 million"),
        (24_000_000, "¥24 million"),
        (150_000_000, "¥150 million"),
        (1_500_000_000, "¥1,500 million"),
        (500_000, "¥500,000"),  # below a million: exact
        (1_234_567, "¥1,234,567"),  # not a multiple of 100,000: exact
        (1_050_000, "¥1,050,000"),  # would need two decimals: exact
        (5_000, "¥5,000"),
        (0, "¥0"),
        (-30_000_000, "-¥30 million"),
    ],
)
def test_format_yen_en(amount, en):
    assert format_yen(amount, "en") == en


@pytest.mark.parametrize(
    "amount, ja, en",
    [
        (3_000_000, "3,000,000円", "¥3,000,000"),
        (123_456_789, "123,456,789円", "¥123,456,789"),
        (0, "0円", "¥0"),
        (999, "999円", "¥999"),
        (-1_000, "-1,000円", "-¥1,000"),
    ],
)
def test_format_yen_exact(amount, ja, en):
    assert format_yen_exact(amount, "ja") == ja
    assert format_yen_exact(amount, "en") == en


@pytest.mark.parametrize("amount", [1.0, "100", None, True, 3e6])
def test_format_rejects_non_int(amount):
    with pytest.raises(TypeError):
        format_yen(amount, "ja")
    with pytest.raises(TypeError):
        format_yen_exact(amount, "en")


def test_format_rejects_unknown_language():
    with pytest.raises(ValueError, match="unknown language"):
        format_yen(100, "fr")
    with pytest.raises(ValueError, match="unknown language"):
        format_yen_exact(100, "")


@pytest.mark.parametrize(
    "text, amount",
    [
        ("100万円", 1_000_000),
        ("100万", 1_000_000),
        ("1,000,000", 1_000_000),
        ("1,000,000円", 1_000_000),
        ("1000000", 1_000_000),
        ("3千万円", 30_000_000),
        ("3,000万円", 30_000_000),
        ("1億2,345万円", 123_450_000),
        ("1億2,345万6,789円", 123_456_789),
        ("1億5千万円", 150_000_000),
        ("1.5億円", 150_000_000),
        ("5,750万円", 57_500_000),
        ("100万5千円", 1_005_000),
        ("1億 2,345万 円", 123_450_000),
        ("¥500,000", 500_000),
        ("￥500,000", 500_000),  # full-width yen sign
        ("１００万円", 1_000_000),  # full-width digits
        ("１，０００，０００円", 1_000_000),
        ("5千円", 5_000),
        ("0円", 0),
        (" 500000 ", 500_000),
    ],
)
def test_parse_yen_text(text, amount):
    assert parse_yen_text(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        "",
        "円",
        "¥",
        "未定",
        "約100万円",
        "1,00",  # broken grouping
        "10,0000",
        "1.5",  # not whole yen
        "1.23456万円",
        "万円",  # unit without a number
        "100 200",  # two numbers
        "1万2億円",  # units out of order
        "1万1万円",
        "¥30 million",
        "-500",
        "100万円です",
    ],
)
def test_parse_yen_text_rejects(text):
    assert parse_yen_text(text) is None


def test_parse_yen_text_non_string():
    assert parse_yen_text(1_000_000) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", [0, 5_000, 500_000, 57_500_000, 123_456_789, 1_234_500_000_000])
def test_ja_format_reads_back(amount):
    # What the site prints in Japanese is something staff could paste back in.
    assert parse_yen_text(format_yen(amount, "ja")) == amount
    assert parse_yen_text(format_yen_exact(amount, "ja")) == amount
