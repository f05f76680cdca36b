"""Horizontal bar charts as inline SVG, drawn at build time (no chart JavaScript).

The SVG is built with ElementTree, so every label is escaped by construction.
It carries its own text alternative (role="img", <title>, <desc>); the data
table next to it stays the accessible source. Sizes are in viewBox units, so the
chart scales with the column while keeping its proportions.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from markupsafe import Markup

# Geometry in viewBox units (about CSS pixels at 400 px wide).
WIDTH = 400
LABEL_WIDTH = 80  # category labels on the left
VALUE_SPACE = 150  # room right of the longest bar for its value label
BAR_HEIGHT = 28
GAP = 14
FONT_SIZE = 15


@dataclass(frozen=True)
class Bar:
    label: str  # category, e.g. "2024年度"
    value: int  # bar length (0 draws no bar)
    value_label: str  # text after the bar, e.g. "100万円(ほか非公表1件)"


def bar_chart(bars: list[Bar], title: str, description: str, id_prefix: str) -> Markup:
    """An accessible horizontal bar chart; id_prefix keeps ids unique on the page."""
    top = max((b.value for b in bars), default=0)
    scale_width = WIDTH - LABEL_WIDTH - VALUE_SPACE
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    svg = ET.Element("svg", {
        "class": "sg-chart__svg", "viewBox": f"0 0 {WIDTH} {height}", "role": "img",
        "aria-labelledby": f"{title_id} {desc_id}", "focusable": "false",
    })
    ET.SubElement(svg, "title", {"id": title_id}).text = title
    ET.SubElement(svg, "desc", {"id": desc_id}).text = description
    for i, bar in enumerate(bars):
        y = GAP + i * (BAR_HEIGHT + GAP)
        middle = str(y + BAR_HEIGHT / 2)
        length = round(scale_width * bar.value / top, 1) if top else 0
        ET.SubElement(svg, "text", {"class": "sg-chart__label", "x": str(LABEL_WIDTH - 8), "y": middle,
                                    "text-anchor": "end", "dominant-baseline": "central",
                                    "font-size": str(FONT_SIZE)}).text = bar.label
        if length:
            ET.SubElement(svg, "rect", {"class": "sg-chart__bar", "x": str(LABEL_WIDTH), "y": str(y),
                                        "width": str(length), "height": str(BAR_HEIGHT)})
        ET.SubElement(svg, "text", {"class": "sg-chart__value", "x": str(LABEL_WIDTH + length + 6), "y": middle,
                                    "dominant-baseline": "central",
                                    "font-size": str(FONT_SIZE)}).text = bar.value_label
    ET.SubElement(svg, "line", {"class": "sg-chart__axis", "x1": str(LABEL_WIDTH), "x2": str(LABEL_WIDTH),
                                "y1": "0", "y2": str(height)})
    return Markup(ET.tostring(svg, encoding="unicode", short_empty_elements=True))
