"""Tables on a 375 px phone (issue 17, markup): each table fits its column, or else its box
scrolls sideways and can be reached and scrolled with the keyboard (a focusable, named region).
The donations totals (年度別の合計) must fit: its last column, 金額非公表, was cut off.

Material gives every header cell min-width 5rem (100 px); four columns were then 434 px wide
in a 343 px column. overrides/assets/stylesheets/site.css lets them wrap on phones."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["donations/", "en/donations/", "donations/corporate/", "en/donations/corporate/",
         "opendata/", "en/opendata/"]

MEASURE = """() => [...document.querySelectorAll('.sg-table-wrap')].map(wrap => {
    const table = wrap.querySelector('table');
    const lastCell = table.querySelector('thead tr > :last-child');
    return {
        cls: wrap.className,
        tableRight: table.getBoundingClientRect().right,
        wrapRight: wrap.getBoundingClientRect().right,
        lastCellRight: lastCell ? lastCell.getBoundingClientRect().right : null,
        scrollable: wrap.scrollWidth > wrap.clientWidth,
        overflow: getComputedStyle(wrap).overflowX,
        tabindex: wrap.getAttribute('tabindex'),
        role: wrap.getAttribute('role'),
        name: wrap.getAttribute('aria-label') || '',
    };
})"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    yield context
    context.close()


def _tables(phone, served_site, path: str) -> list[dict]:
    page = phone.new_page()
    try:
        page.goto(served_site.url(path))
        page.wait_for_load_state("load")
        return page.evaluate(MEASURE)
    finally:
        page.close()


@pytest.mark.parametrize("path", ["donations/", "en/donations/"])
def test_the_donations_tables_fit_a_phone(phone, served_site, path):
    tables = _tables(phone, served_site, path)
    assert {t["cls"] for t in tables} == {"sg-table-wrap sg-donations-totals", "sg-table-wrap sg-donations-table"}
    for t in tables:
        assert t["lastCellRight"] <= t["wrapRight"] + 0.5 <= 375, t  # the last column is in view
        assert not t["scrollable"], t


@pytest.mark.parametrize("path", PAGES)
def test_a_table_fits_or_its_box_scrolls_and_takes_the_keyboard(phone, served_site, path):
    tables = _tables(phone, served_site, path)
    assert tables, path
    for t in tables:
        if t["tableRight"] <= t["wrapRight"] + 0.5 <= 375:
            continue
        assert t["scrollable"] and t["overflow"] in ("auto", "scroll"), t
        assert t["tabindex"] == "0" and t["role"] == "region" and t["name"], t
