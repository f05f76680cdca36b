"""Issue 16, item 8: the call finder on /calls/ and open calls on the home page.

Built on 2025-05-10 from the seed plus the two-round fixture: the Kawasaki call (FY2024) is
closed, the two-round call (FY2025) is open in its first round (deadline 30 May 2025).
Without JavaScript each filter is a pre-built page (not in the search index); with it, the
same links filter the listing in place (projects.js), as for projects.
"""
from __future__ import annotations

import pytest

from tests.browser import serve
from tests.calls_fixtures import KAWASAKI, TWO_ROUNDS, calls_yaml_with_two_rounds
from tests.html import page
from tests.sitebuild import build_project, make_project


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("finder"), {"calls": calls_yaml_with_two_rounds()})
    result = build_project(root, today="2025-05-10")
    assert result.returncode == 0, result.stderr
    return root / "site"


def _listed(doc):
    return [li.find("a").attrs["href"].rstrip("/").rsplit("/", 1)[-1] for li in doc.find_all("li", class_="sg-call-item")]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filter_pages_list_only_matching_calls(site, prefix):
    assert sorted(_listed(page(site, f"{prefix}calls"))) == sorted([KAWASAKI, TWO_ROUNDS])
    assert _listed(page(site, f"{prefix}calls/status/open")) == [TWO_ROUNDS]
    assert _listed(page(site, f"{prefix}calls/status/closed")) == [KAWASAKI]
    assert _listed(page(site, f"{prefix}calls/fy/2024")) == [KAWASAKI]
    assert _listed(page(site, f"{prefix}calls/fy/2025")) == [TWO_ROUNDS]
    upcoming = page(site, f"{prefix}calls/status/upcoming")
    assert _listed(upcoming) == [] and upcoming.find("p", class_="sg-filter-empty").attrs.get("hidden") is None


def test_filter_links_and_labels(site):
    doc = page(site, "en/calls")
    nav = doc.find("nav", class_="sg-project-filters sg-call-filters")
    assert nav.attrs["data-sg-filterable"] == ".sg-call-item"
    links = {(a.attrs["data-filter-dim"], a.attrs["data-filter-value"]): (a.attrs["href"], a.text())
             for a in nav.find_all("a") if "data-filter-dim" in a.attrs}
    assert links[("status", "open")] == ("status/open/", "Open (1)")
    assert links[("fy", "2024")] == ("fy/2024/", "FY2024 (1)")
    assert ("status", "upcoming") not in links  # no call: shown, not linked
    assert doc.find("p", class_="sg-filter-status").text() == "All calls shown (2)"
    ja = page(site, "calls/status/open")
    assert ja.find("nav", class_="sg-project-filters sg-call-filters").attrs.get("data-sg-filterable") is None
    assert ja.find("a", aria_current="page").text() == "受付中 (1件)"
    assert ja.find("p", class_="sg-filter-status").text() == "2件中1件の公募を表示しています"


def test_filter_pages_are_not_in_the_search_index(site):
    assert page(site, "calls").find(data_pagefind_body=True) is not None
    for url in ("calls/status/open", "en/calls/fy/2025"):
        assert page(site, url).find(data_pagefind_body=True) is None, url


@pytest.mark.parametrize("prefix, deadline", [("", "次の締切: 2025年5月30日(令和7年5月30日)"), ("en/", "Next deadline: 30 May 2025")])
def test_home_lists_open_and_upcoming_calls_with_their_next_deadline(site, prefix, deadline):
    items = page(site, prefix.rstrip("/") or ".").find_all("li", class_="sg-call-item")
    assert [i.find("a").attrs["href"].rstrip("/").rsplit("/", 1)[-1] for i in items] == [TWO_ROUNDS]
    assert items[0].find("span", class_="sg-call-next-deadline").text() == deadline


@pytest.fixture(scope="module")
def base(site):
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _visible(pg):
    return pg.eval_on_selector_all(".sg-call-item:not([hidden]) a.sg-call-title",
                                   "els => els.map(e => e.getAttribute('href'))")


def test_finder_filters_in_place_with_javascript(browser, base):
    context = browser.new_context()
    pg = context.new_page()
    pg.goto(base + "en/calls/")
    assert len(_visible(pg)) == 2
    pg.click("a[data-filter-dim=status][data-filter-value=open]")
    assert pg.url.endswith("/en/calls/")  # stayed on the page
    assert _visible(pg) == [f"{TWO_ROUNDS}/"]
    assert pg.text_content(".sg-filter-status") == "Calls shown: 1 of 2"
    assert not pg.is_visible("h2#closed")  # the emptied group goes with its heading
    pg.click("a[data-filter-dim=fy][data-filter-value='2024']")
    assert _visible(pg) == [] and pg.is_visible(".sg-filter-empty")
    pg.click("a[data-filter-reset]")
    assert len(_visible(pg)) == 2 and pg.is_visible("h2#closed")
    context.close()


def test_finder_works_without_javascript(browser, base):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base + "en/calls/")
    pg.click("a[data-filter-dim=status][data-filter-value=closed]")
    assert pg.url.endswith("/en/calls/status/closed/")
    assert _visible(pg) == [f"../../{KAWASAKI}/"]
    assert pg.text_content(".sg-filter-status") == "Calls shown: 1 of 2"
    pg.click("a[data-filter-dim=fy][data-filter-value='2025']")
    assert pg.url.endswith("/en/calls/fy/2025/") and _visible(pg) == [f"../../{TWO_ROUNDS}/"]
    context.close()


def test_the_english_count_reads_right_for_one_call(seed_site):
    """The seed has one call: no 'all 1 calls' (English plurals are not made by the template)."""
    status = page(seed_site, "en/calls").find("p", class_="sg-filter-status")
    assert status.text() == "All calls shown (1)"
    assert status.attrs["data-template-some"] == "Calls shown: {shown} of {total}"
