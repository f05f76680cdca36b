"""The donations chart keeps the years in step (issue 17, item 7): a fiscal year between the
first and the last with donations, but without any, is a bar of length 0 labelled 「寄附なし」 /
"no donations", not a year left out (the chart would close the gap and read as a steady series)."""
from __future__ import annotations

import pytest

from sitegen.models.common import Text
from sitegen.models.donations import Donation
from sitegen.sections.donations import _chart, chart_bars, year_totals
from tests.html import parse


def gift(i: int, fy: int, amount):
    return Donation(id=f"g{i}", fiscal_year=fy, donor_type="corporate", donor=Text(ja=f"例{i}(株)"), amount=amount)


# FY2021 ¥1,000,000; nothing in FY2022 and FY2023; FY2024 ¥500,000 and one undisclosed; FY2025 one undisclosed
GIFTS = [gift(1, 2024, 500_000), gift(2, 2024, "undisclosed"), gift(3, 2021, 1_000_000), gift(4, 2025, "undisclosed")]


@pytest.mark.parametrize("lang, expected", [
    ("ja", [("2021年度", 1_000_000, "100万円"), ("2022年度", 0, "寄附なし"), ("2023年度", 0, "寄附なし"),
            ("2024年度", 500_000, "50万円(ほかに金額非公表1件)"), ("2025年度", 0, "0円(ほかに金額非公表1件)")]),
    ("en", [("FY2021", 1_000_000, "¥1 million"), ("FY2022", 0, "no donations"), ("FY2023", 0, "no donations"),
            ("FY2024", 500_000, "¥500,000 (plus 1 undisclosed)"), ("FY2025", 0, "¥0 (plus 1 undisclosed)")]),
])
def test_years_without_donations_are_zero_bars_with_a_label(lang, expected):
    bars = chart_bars(year_totals(GIFTS), lang)
    assert [(b.label, b.value, b.value_label) for b in bars] == expected


def test_the_gap_is_drawn_in_the_svg():
    svg = parse(str(_chart(year_totals(GIFTS), "ja"))).find("svg")
    texts = [t.text() for t in svg.find_all("text")]
    assert texts == ["2021年度", "100万円", "2022年度", "寄附なし", "2023年度", "寄附なし",
                     "2024年度", "50万円(ほかに金額非公表1件)", "2025年度", "0円(ほかに金額非公表1件)"]
    # bars: 170 units for the largest value (400 - 80 labels - 150 room for values), none for 0
    assert [(r.attrs["y"], r.attrs["width"]) for r in svg.find_all("rect")] == [("14", "170.0"), ("140", "85.0")]
    # rows every 28 + 14 units: the "寄附なし" of FY2022 sits on the second row, just right of the axis
    none = [t for t in svg.find_all("text") if t.text() == "寄附なし"][0]
    assert (none.attrs["x"], none.attrs["y"]) == ("86.0", "70.0")
    assert svg.find("desc").text() == ("2021年度: 100万円、2022年度: 寄附なし、2023年度: 寄附なし、"
                                       "2024年度: 50万円(ほかに金額非公表1件)、2025年度: 0円(ほかに金額非公表1件)")
    assert svg.attrs["viewbox"] == "0 0 400 224"  # 5 rows: 5 * (28 + 14) + 14


def test_consecutive_years_and_no_donations_at_all():
    bars = chart_bars(year_totals([gift(1, 2022, 1), gift(2, 2023, 2)]), "ja")
    assert [b.label for b in bars] == ["2022年度", "2023年度"]
    assert chart_bars([], "ja") == []
