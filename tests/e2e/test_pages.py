"""Every page of the built site, both languages, 375 and 1280 px, in headless Chromium.

The pages are found from the build output (every index.html), so each page kind a section
adds is covered without changing this file.
"""
from __future__ import annotations

import pytest

from tests.browser import WIDTHS

pytestmark = pytest.mark.browser

# The page kinds the site must have in both languages; the record pages are found by prefix.
PAGE_KINDS = ["", "about/", "projects/", "donations/", "donations/corporate/",
              "donations/how-to-donate/", "calls/", "news/", "opendata/", "contact/", "accessibility/"]
RECORD_KINDS = ["projects/", "calls/"]


def _failures(visits, problem) -> list[str]:
    return [f"{v.where()}: {msg}" for v in visits if (msg := problem(v))]


def test_every_page_kind_is_visited_in_both_languages(served_site, visits):
    pages = set(served_site.pages)
    for prefix in ("", "en/"):
        for kind in PAGE_KINDS:
            assert prefix + kind in pages
        for kind in RECORD_KINDS:
            assert any(p.startswith(prefix + kind) and p != prefix + kind for p in pages), kind
    assert {(v.path, v.width) for v in visits} == {(p, w) for p in pages for w in WIDTHS}


def test_no_console_errors(visits):
    assert not _failures(visits, lambda v: "; ".join(v.console_errors))


def test_no_failed_requests(visits):
    assert not _failures(visits, lambda v: "; ".join(v.failed_requests))


def test_no_request_leaves_the_local_server(visits):
    assert not _failures(visits, lambda v: "; ".join(v.foreign_requests))


def test_no_page_scrolls_sideways(visits):
    assert not _failures(visits, lambda v: v.scroll_width > v.inner_width
                         and f"scrollWidth {v.scroll_width} > innerWidth {v.inner_width}")


def test_language_switch_lands_on_the_same_page(visits):
    def wrong(v):
        if not v.switch_visible:
            return "no visible language switch"
        other = v.path[3:] if v.path.startswith("en/") else "en/" + v.path
        return v.switch_landed != other and f"landed on /{v.switch_landed}, expected /{other}"
    assert not _failures(visits, wrong)


def test_skip_link_is_the_first_focusable_element_and_focus_is_visible(visits):
    def wrong(v):
        f = v.first_focus
        if "md-skip" not in f.get("classes", []):
            return f"first Tab stop is {f}"
        if not v.skip_target_found:
            return f"skip link target {f.get('href')} is missing"
        if f["outline"] == "none" or f["outlineWidth"] < 2 or f["opacity"] < 1 or not f["onScreen"]:
            return f"focused skip link is not visibly marked: {f}"
        return ""
    assert not _failures(visits, wrong)


def test_every_shown_control_is_reachable_with_the_keyboard(visits):
    assert not _failures(visits, lambda v: "; ".join(v.unreachable))


def test_every_tab_stop_is_on_screen_when_focused(visits):
    assert not _failures(visits, lambda v: "; ".join(v.focus_off_screen))
