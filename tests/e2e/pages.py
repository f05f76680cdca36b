"""One visit per page and width, recording everything the page tests assert on.

Visiting each page once (not once per check) keeps the browser suite fast: the checks in
test_pages.py and test_accessibility.py read these records.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from tests.browser import WIDTHS

# WCAG 2.0 and 2.1, levels A and AA (JIS X 8341-3:2016 AA is WCAG 2.0 AA).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_AXE = Axe()

# Interactive elements that are shown but cannot be reached with Tab.
_UNREACHABLE_JS = """() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
  return [...document.querySelectorAll(sel)]
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .filter(el => el.tabIndex < 0)
    .map(el => el.outerHTML.slice(0, 120));
}"""

_FOCUS_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {classes: [...el.classList], href: el.getAttribute('href'), text: el.textContent.trim(),
          outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
          opacity: parseFloat(style.opacity),
          onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
                    r.top < innerHeight && r.left < innerWidth};
}"""


@dataclass
class Visit:
    path: str
    width: int
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    scroll_width: int = 0
    inner_width: int = 0
    axe_violations: list[dict] = field(default_factory=list)
    first_focus: dict = field(default_factory=dict)
    unreachable: list[str] = field(default_factory=list)
    skip_target_found: bool = False
    focus_off_screen: list[str] = field(default_factory=list)  # Tab stops the reader cannot see
    switch_visible: bool = False
    switch_landed: str = ""  # site path the language switch led to

    def where(self) -> str:
        return f"/{self.path} @{self.width}px"


def _tab_through(page, limit: int = 120) -> list[str]:
    """Press Tab through the page; list the focused elements that are not on screen."""
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    hidden, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        f = page.evaluate(_FOCUS_JS)
        key = f"{f['classes']} {f['href']} {f['text'][:30]}"
        if key in seen:
            break  # wrapped around to the start
        seen.add(key)
        if not f["onScreen"] and f["classes"] != []:
            hidden.append(key)
    return hidden


def visit(browser, base: str, path: str, width: int) -> Visit:
    record = Visit(path, width)
    host = urlsplit(base).netloc
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and record.console_errors.append(m.text))
    page.on("pageerror", lambda e: record.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: record.failed_requests.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and record.failed_requests.append(f"{r.url} (HTTP {r.status})"))
    page.on("request", lambda r: urlsplit(r.url).netloc != host and record.foreign_requests.append(r.url))
    page.goto(base + path, wait_until="load")
    record.scroll_width, record.inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]")
    record.unreachable = page.evaluate(_UNREACHABLE_JS)
    page.keyboard.press("Tab")
    page.wait_for_timeout(350)  # Material fades the skip link in
    record.first_focus = page.evaluate(_FOCUS_JS)
    target = (record.first_focus.get("href") or "#").lstrip("#")
    record.skip_target_found = bool(target) and page.evaluate(
        "id => !!document.getElementById(id)", target)
    page.keyboard.press("Escape")
    record.focus_off_screen = _tab_through(page)
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                      "resultTypes": ["violations"]})
    record.axe_violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [(n["target"], n.get("failureSummary", "")) for n in v["nodes"]]}
        for v in results.response["violations"]]
    switch = page.locator("a.sg-lang-switch")
    record.switch_visible = switch.count() == 1 and switch.is_visible()
    if record.switch_visible:
        switch.click()
        page.wait_for_load_state("load")
        record.switch_landed = urlsplit(page.url).path.lstrip("/")
    context.close()
    return record


def visit_all(browser, base: str, pages: tuple[str, ...]) -> list[Visit]:
    return [visit(browser, base, path, width) for path in pages for width in WIDTHS]
