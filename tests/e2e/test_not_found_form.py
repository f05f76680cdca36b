"""The 404 page's search box can be seen: the theme gave the bare input no border, so on the
screenshot it was an empty gap between its label and the button."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BOXES = """() => [...document.querySelectorAll('.sg-not-found__search input[type=search]')].map(el => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return {border: parseFloat(s.borderTopWidth), width: r.width, height: r.height};
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_search_box_on_the_404_page_is_visible(browser, served_site, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(served_site.url("no-such-page/"))
        boxes = page.evaluate(BOXES)
    finally:
        page.close()
    assert len(boxes) == 2  # the page's language, then the other one
    for box in boxes:
        assert box["border"] >= 1 and box["width"] >= 150 and box["height"] >= 30, box
