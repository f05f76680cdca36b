"""Page weight and stability (issue 18): nothing moves when the scripts arrive, one stylesheet of our
own beside Material's, every script deferred, and a page's own script only on pages that use it.

The layout shift is measured with the browser's Layout Instability API on the call page at 375 px in
both languages, with every script held back until the page has been painted (as on a slow mobile
connection, where Lighthouse found the Japanese call page's lead pushed down by a print link the
script showed after load: CLS 0.145). `make lighthouse` measures the scores themselves."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.browser import served_url, site_pages
from tests.calls_fixtures import KAWASAKI
from tests.html import parse

CLS_LIMIT = 0.02
SCRIPT_DELAY_S = 0.4  # each script arrives this long after the browser asks for it

# Collects every layout shift from the start of the page (registered before any of the page's code).
_RECORD_SHIFTS = """
window.__sgShifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__sgShifts.push({value: e.value, nodes: (e.sources || []).map((s) => s.node
      ? (s.node.nodeName + (s.node.className ? "." + String(s.node.className).split(" ").join(".") : ""))
      : "?")});
  }
}).observe({type: "layout-shift", buffered: true});
"""


def measure_layout_shift(browser, url: str, width: int = 375, height: int = 812) -> tuple[float, list]:
    """Sum of the page's layout shifts (no user input) from the first paint until it has settled.
    Scripts are delayed so that the page paints before they run, as it does on a slow network."""
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()  # no fake clock: it would hide the paint and resource timings
    page.add_init_script(_RECORD_SHIFTS)

    def late_script(route):
        time.sleep(SCRIPT_DELAY_S)
        route.continue_()

    page.route(re.compile(r"\.js(\?.*)?$"), late_script)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)  # anything the scripts change after load
    shifts = page.evaluate("window.__sgShifts")
    painted, last_script = page.evaluate("""() => [
        performance.getEntriesByName("first-contentful-paint").map((e) => e.startTime)[0],
        Math.max(...performance.getEntriesByType("resource").filter((e) => /\\.js$/.test(e.name))
          .map((e) => e.responseEnd))]""")
    context.close()
    assert painted is not None and painted < last_script, \
        f"the page was painted ({painted} ms) before its last script arrived ({last_script} ms)"
    return sum(s["value"] for s in shifts), shifts


@pytest.fixture(scope="module")
def seed_url(seed_site):
    with served_url(seed_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_call_page_does_not_move_when_its_scripts_arrive(browser, seed_url, prefix):
    cls, shifts = measure_layout_shift(browser, seed_url + f"{prefix}calls/{KAWASAKI}/")
    assert cls <= CLS_LIMIT, f"cumulative layout shift {cls:.3f} > {CLS_LIMIT}: {shifts}"


@pytest.mark.browser
def test_the_print_link_is_shown_with_scripting_and_hidden_without(browser, seed_url):
    url = seed_url + f"calls/{KAWASAKI}/"
    for scripting in (True, False):
        context = browser.new_context(java_script_enabled=scripting, viewport={"width": 375, "height": 812})
        page = context.new_page()
        page.goto(url)
        shown, ics = page.is_visible("a.sg-print"), page.is_visible("a.sg-ics")
        context.close()
        assert ics, "the calendar link works without scripts"
        assert shown == scripting, ("a print link that cannot print" if shown else "no print link") + \
            f" with scripting {'on' if scripting else 'off'}"


def _pages(site: Path) -> list[tuple[str, object]]:
    paths = [site / u / "index.html" for u in site_pages(site)] + [site / "404.html", site / "en" / "404.html"]
    return [(p.relative_to(site).as_posix(), parse(p)) for p in paths if p.exists()]


@pytest.fixture(scope="module")
def pages(seed_site):
    found = _pages(seed_site)
    assert len(found) > 40, "both languages' pages"
    return found


def test_each_page_has_materials_stylesheet_and_ours_and_no_other(pages):
    for path, doc in pages:
        sheets = [n.attrs for n in doc.find_all("link") if "stylesheet" in n.attrs.get("rel", "").split()]
        names = [a["href"].rsplit("/", 1)[-1] for a in sheets]
        assert len(names) == 2 and re.fullmatch(r"main\.[0-9a-f]+\.min\.css", names[0]) \
            and names[1] == "site.css", (path, names)
        assert not [a for a in sheets if a.get("media")], (path, "a stylesheet for another medium")


def test_print_rules_are_inside_the_sites_stylesheet(seed_site):
    css = (seed_site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert "@media print {" in css and ".sg-print, .sg-ics" in css.split("@media print {", 1)[1]
    assert not (seed_site / "assets" / "stylesheets" / "print.css").exists()


def test_every_script_is_deferred_and_materials_bundle_still_loads(pages):
    for path, doc in pages:
        scripts = [n.attrs for n in doc.find_all("script") if "src" in n.attrs]
        assert any(re.search(r"/?bundle\.[0-9a-f]+\.min\.js$", a["src"]) for a in scripts), path
        assert any(a["src"].endswith("/search.js") or a["src"] == "assets/javascripts/search.js"
                   for a in scripts), path
        blocking = [a["src"] for a in scripts if "defer" not in a and "async" not in a]
        assert not blocking, (path, blocking)
        # Inline scripts are Material's and the header's small ones: none may load another file.
        assert all("src" not in n.attrs for n in doc.find_all("script") if n.text()), path


def _has_class(doc, name: str) -> bool:
    return any(name in n.attrs.get("class", "").split() for n in doc.iter())


# script: what on a page makes it needed (the markup it works on)
_NEEDS = {
    "calls.js": lambda d: any(_has_class(d, c) for c in ("sg-call-status", "sg-calculator", "sg-checklist",
                                                         "sg-print")),
    "projects.js": lambda d: any("data-sg-filterable" in n.attrs for n in d.iter()),
    "tax-calculator.js": lambda d: any(n.tag == "form" and _has_class(n, "sg-calc") for n in d.iter()),
}


def test_a_pages_own_script_loads_only_where_its_markup_is(pages):
    loaded_on = {name: set() for name in _NEEDS}
    for path, doc in pages:
        srcs = {n.attrs["src"].rsplit("/", 1)[-1] for n in doc.find_all("script") if "src" in n.attrs}
        for name, needed in _NEEDS.items():
            assert (name in srcs) == needed(doc), (path, name, "loaded" if name in srcs else "missing")
            if name in srcs:
                loaded_on[name].add(path)
    call = f"calls/{KAWASAKI}/index.html"
    assert {call, f"en/{call}", "calls/index.html", "en/calls/index.html"} <= loaded_on["calls.js"]
    assert {"projects/index.html", "en/projects/index.html"} <= loaded_on["projects.js"]
    assert "projects/status/ongoing/index.html" not in loaded_on["projects.js"], "filter views have links only"
    assert {"donations/corporate/index.html", "en/donations/corporate/index.html"} <= loaded_on["tax-calculator.js"]
    assert "about/index.html" not in set().union(*loaded_on.values())


def test_the_print_link_is_in_the_html(seed_site):
    for prefix in ("", "en/"):
        doc = parse(seed_site / prefix / "calls" / KAWASAKI / "index.html")
        links = [n for n in doc.find_all("a") if _has_class(n, "sg-print")]
        assert len(links) == 1 and "hidden" not in links[0].attrs, prefix
