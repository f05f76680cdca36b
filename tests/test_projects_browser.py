"""The listing in a real browser (Debian's chromium): JS filtering, and no sideways scrolling on phones."""
from __future__ import annotations

import pytest

from tests.browser import open_page, served_url


@pytest.fixture(scope="module")
def browser_base(seed_site, browser):
    with served_url(seed_site) as url:
        yield browser, url


def visible_titles(pg):
    return pg.eval_on_selector_all(".sg-project-card:not([hidden]) h3", "els => els.map(e => e.textContent.trim())")


def test_filter_links_filter_in_place_and_announce_the_count(browser_base):
    browser, base = browser_base
    pg = open_page(browser, base + "en/projects/", viewport={"width": 1280, "height": 900})
    assert len(visible_titles(pg)) == 7
    pg.click("a[data-filter-dim=status][data-filter-value=ongoing]")
    assert pg.url.endswith("/en/projects/")  # stayed on the page
    assert len(visible_titles(pg)) == 4  # on 2025-04-15: four ongoing
    pg.click("a[data-filter-dim=support][data-filter-value=funding]")
    assert visible_titles(pg) == ["Research and development of ocean utilisation technologies"]
    assert pg.text_content(".sg-filter-status") == "Projects shown: 1 of 7"
    assert pg.get_attribute("a[data-filter-value=funding]", "aria-current") == "true"
    # No project is upcoming on 2025-04-15: that option is text, not a link (issue 17: a link to
    # an empty list), so the empty state is reached only by a filter link, never offered.
    assert pg.locator("a[data-filter-dim=status][data-filter-value=upcoming]").count() == 0
    pg.click("a[data-filter-reset]")
    assert len(visible_titles(pg)) == 7 and pg.text_content(".sg-filter-status") == "All projects shown (7)"


@pytest.mark.parametrize("url", ["projects/", "en/projects/", "projects/ketsuatsu-mokuhyo/",
                                 "en/projects/ketsuatsu-mokuhyo/", "projects/jido-unten-bus/"])
def test_no_sideways_scrolling_on_a_phone(browser_base, url):
    browser, base = browser_base
    pg = open_page(browser, base + url, viewport={"width": 375, "height": 800})
    assert pg.evaluate("document.documentElement.scrollWidth") <= 375
