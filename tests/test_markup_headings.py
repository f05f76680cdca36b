"""Markup that pa11y asked for (issue 17): every table on /donations/ has a <caption>, and no
paragraph of bold text stands in for a heading on /donations/ and /contact/ (a real h2/h3,
in the outline where it belongs)."""
from __future__ import annotations

import pytest

from tests.html import page


def _bold_paragraphs(doc) -> list[str]:
    """<p> whose only content is one <strong> or <b>: a heading in looks only."""
    found = []
    for p in doc.find_all("p"):
        if len(p.children) == 1 and p.children[0].tag in ("strong", "b") and p.text() == p.children[0].text():
            found.append(p.text())
    return found


@pytest.mark.parametrize("prefix, captions", [
    ("", ["年度別の合計の表", "寄附の一覧の表"]),
    ("en/", ["Totals by fiscal year table", "Donations table"]),
])
def test_donations_tables_have_captions(seed_site, prefix, captions):
    doc = page(seed_site, prefix + "donations")
    tables = doc.find("article").find_all("table") if doc.find("article") else doc.find_all("table")
    assert [t.find("caption").text() for t in tables] == captions
    # the caption is the name the scrolling box already had (its aria-label)
    for t in tables:
        assert t.parent.attrs["aria-label"] == t.find("caption").text()


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("url", ["donations", "contact"])
def test_no_bold_paragraph_stands_in_for_a_heading(seed_site, prefix, url):
    assert _bold_paragraphs(page(seed_site, prefix + url)) == []


@pytest.mark.parametrize("prefix, award, department, after", [
    ("", "令和5年度 地方創生応援税制(企業版ふるさと納税)に係る大臣表彰", "産業振興課", "寄附・見学について"),
    ("en/", "FY2023 Minister's Award for the Regional Revitalization Support Tax System (corporate hometown-tax "
            "donation)", "Industrial Promotion Division", "Donations and visits"),
])
def test_the_headings_that_were_bold_text(seed_site, prefix, award, department, after):
    donations = page(seed_site, prefix + "donations")
    assert [h.text() for h in donations.find_all("h3", class_="sg-award__title")] == [award]
    contact = page(seed_site, prefix + "contact")
    h2 = [h.text().rstrip("¶") for h in contact.find_all("h2") if h.attrs.get("id") != "sg-page-contact"]
    assert h2 == [department, after]  # right under the page's h1, no level skipped
