"""A call's status (受付中 / 募集予定 / 受付終了) reads as a label, not as a button (issue 17:
the 受付終了 badge, a rounded box with a border and a grey fill, was taken for a control).
Measured in Chromium on the pages that show it: no border around it, no rounded corners, no
pointer cursor, and it is no link or button."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

STYLE = """() => [...document.querySelectorAll('.sg-call-status')].map(el => {
    const s = getComputedStyle(el);
    return {text: el.textContent.trim(), top: s.borderTopWidth, right: s.borderRightWidth,
            radius: s.borderTopLeftRadius, cursor: s.cursor,
            control: !!el.closest('a, button, [role=button]')};
})"""


@pytest.mark.parametrize("path", ["calls/", "en/calls/", "calls/kawasaki-decarbonization-2024/",
                                  "en/calls/kawasaki-decarbonization-2024/"])
def test_status_is_a_label_not_a_button(browser, served_site, path):
    page = browser.new_page()
    try:
        page.goto(served_site.url(path))
        badges = page.evaluate(STYLE)
    finally:
        page.close()
    assert badges, f"no status on {path}"
    for badge in badges:
        assert (badge["top"], badge["right"], badge["radius"]) == ("0px", "0px", "0px"), badge
        assert badge["cursor"] != "pointer" and not badge["control"], badge
