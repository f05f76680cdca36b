"""Every built page in Chromium, the 404 pages included, as a static host serves them.

Each page is opened once: no script error, no request to another host or that fails, the
site's search starts and answers, and every link to a #fragment (on the page itself or on
another page of the site) has its target. The 404 pages are reached the way readers reach
them, at missing addresses in both languages, from two kinds of host (tests/browser.py
`serve`): GitHub Pages, where the site is published, serves the root 404.html at every
missing address, English ones too; other hosts serve the nearest folder's (en/404.html
under /en/). A 404 page is served at any depth, so its links, styles and search must not
depend on where it was asked for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser import serve
from tests.html import parse
from tests.sitebuild import build_project, make_project

pytestmark = pytest.mark.browser

# Missing addresses, one and two folders deep, in both languages.
MISSING = ("no-such-page/", "projects/no-such-project/", "en/no-such-page/", "en/calls/no-such-call/")
# A word each language's search index holds (tests/e2e/fixture_pages/ and the seed pages).
QUERIES = {"ja": "補助率", "en": "subsidy rate"}

_LINKS_JS = """() => {
  const links = [...document.querySelectorAll('a[href]')];
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id)
    .concat([...document.querySelectorAll('a[name]')].map(a => a.name));
  return {
    ids,
    fragments: links.filter(a => a.hash && a.origin === location.origin)
                    .map(a => ({path: a.pathname, hash: a.hash, html: a.outerHTML.slice(0, 120)})),
  };
}"""


@dataclass
class Crawl:
    address: str  # as asked for, from the server's root
    host: str  # "root" or "nearest": which 404.html the server answers a missing address with
    status: int = 0
    served: str = ""  # the file served: "404.html", "en/404.html", or the page's path
    lang: str = ""
    path: str = ""  # the URL path the browser shows
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    query: str = ""
    search_state: str = ""
    results: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    fragments: list[dict] = field(default_factory=list)

    def where(self) -> str:
        return f"/{self.address} ({self.host} host, {self.served})"


def _visit(context, base: str, address: str, host: str, site) -> Crawl:
    """Open the address with ?q=<a word of its language>: search.js then opens the search
    and runs it as the page loads (one load per page: the machine running the tests is small)."""
    record = Crawl(address, host)
    # the language of the page the server answers with: at a missing address the root host
    # answers with the root (Japanese) 404 page, the other with the nearest folder's
    english = address.startswith("en/") and (host == "nearest" or (site / address / "index.html").is_file())
    lang = "en" if english else "ja"
    url = base + address + "?q=" + quote(QUERIES[lang])
    origin = urlsplit(base).netloc
    page = context.new_page()
    page.on("pageerror", lambda e: record.console_errors.append(str(e)))
    # The document of a missing address is answered 404 on purpose; Chromium logs that too.
    page.on("console", lambda m: m.type == "error" and m.location.get("url") != url
            and record.console_errors.append(f"{m.text} ({m.location.get('url')})"))
    page.on("requestfailed", lambda r: record.failed_requests.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and r.url != url
            and record.failed_requests.append(f"{r.url} (HTTP {r.status})"))
    page.on("request", lambda r: urlsplit(r.url).netloc != origin and record.foreign_requests.append(r.url))
    response = page.goto(url, wait_until="load")
    record.status = response.status
    body = response.body()
    record.served = next((name for name in ("404.html", "en/404.html")
                          if body == (site / name).read_bytes()), address)
    record.lang = page.evaluate("() => document.documentElement.lang")
    record.path = urlsplit(page.url).path
    links = page.evaluate(_LINKS_JS)
    record.ids, record.fragments = set(links["ids"]), links["fragments"]
    if page.locator(".sg-search__toggle").is_visible():  # search.js shows it when it starts
        try:
            page.wait_for_selector("[data-sg-search][data-state]", state="attached", timeout=15000)
        except PlaywrightTimeout:
            pass  # the state stays "" and the test says so
        record.search_state = page.get_attribute("[data-sg-search]", "data-state") or ""
        record.results = page.eval_on_selector_all(".sg-search__results a", "as => as.map(a => a.href)")
    record.query = QUERIES[lang]
    page.close()
    return record


@pytest.fixture(scope="module")
def crawl(browser, served_site) -> list[Crawl]:
    nearest = serve(served_site.folder, not_found="nearest")
    nearest_base = f"http://127.0.0.1:{nearest.server_address[1]}/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        records = [_visit(context, served_site.base, path, "root", served_site.folder) for path in served_site.pages]
        for base, host in ((served_site.base, "root"), (nearest_base, "nearest")):
            records += [_visit(context, base, path, host, served_site.folder) for path in MISSING]
    finally:
        context.close()
        nearest.shutdown()
        nearest.server_close()
    return records


def _failures(crawl, problem) -> list[str]:
    return [f"{c.where()}: {msg}" for c in crawl if (msg := problem(c))]


def test_every_page_and_both_404_pages_are_crawled(served_site, crawl):
    pages = [c for c in crawl if c.status == 200]
    assert sorted(c.address for c in pages) == sorted(served_site.pages)
    assert len(pages) >= 60  # both languages of the seed: 30 pages each
    missing = [c for c in crawl if c.address in MISSING]
    assert all(c.status == 404 for c in missing), [(c.where(), c.status) for c in missing]
    assert {c.served for c in missing} == {"404.html", "en/404.html"}


def test_which_404_page_each_host_serves(crawl):
    served = {(c.host, c.address): (c.served, c.lang) for c in crawl if c.address in MISSING}
    for address in MISSING:
        english = address.startswith("en/")
        # GitHub Pages: the root one (Japanese, with its English part) everywhere
        assert served[("root", address)] == ("404.html", "ja")
        assert served[("nearest", address)] == (("en/404.html", "en") if english else ("404.html", "ja"))


def test_no_script_errors(crawl):
    assert not _failures(crawl, lambda c: "; ".join(c.console_errors))


def test_no_request_leaves_the_local_server(crawl):
    assert not _failures(crawl, lambda c: "; ".join(c.foreign_requests))


def test_no_request_fails(crawl):
    assert not _failures(crawl, lambda c: "; ".join(c.failed_requests))


def test_search_starts_and_answers_in_the_page_language_on_every_page(crawl):
    def wrong(c):
        if c.search_state != "done":
            return f"search state {c.search_state!r} for {c.query!r}"
        if not c.results:
            return f"no results for {c.query!r}"
        paths = [urlsplit(r).path for r in c.results]
        other = [p for p in paths if p.startswith("/en/") != (c.lang == "en")]
        return other and f"results in the other language: {other}"
    assert not _failures(crawl, wrong)


def test_every_fragment_link_has_its_target(crawl):
    """Links to #ids on the page itself (the skip link to #sg-content, tables of contents,
    footnotes) and on other pages of the site (the target page is in the crawl)."""
    ids_of = {c.path: c.ids for c in crawl if c.status == 200}
    problems, checked = [], 0
    for c in crawl:
        for link in c.fragments:
            target = unquote(link["hash"][1:])
            if not target or target == "top":  # "#" and "#top" mean the top of the page (HTML)
                continue
            ids = c.ids if link["path"] == c.path else ids_of.get(link["path"])
            if ids is None:
                continue  # not a page (a download), or another host's page
            checked += 1
            if target not in ids:
                problems.append(f"{c.where()}: {link['html']} -> no id {target!r} on {link['path']}")
    assert checked >= len(crawl)  # every page has at least its skip link
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("host, address, lang, home", [
    ("root", "no-such-page/", "ja", "/"),
    ("nearest", "en/calls/no-such-call/", "en", "/en/"),
])
def test_404_page_speaks_its_language_and_offers_a_way_on(browser, served_site, host, address, lang, home):
    """Its heading in its own language, the home page of that language, a search form that
    opens the search there, and the same, briefly, in the other language."""
    server = serve(served_site.folder, not_found=host)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        assert page.goto(base + address).status == 404
        assert page.evaluate("() => document.documentElement.lang") == lang
        heading = page.locator("article h1")
        assert heading.inner_text() == {"ja": "ページが見つかりません", "en": "Page not found"}[lang]
        other = "en" if lang == "ja" else "ja"
        part = page.locator(f"article [lang={other}]")
        assert part.locator("h2").inner_text() == {"ja": "ページが見つかりません", "en": "Page not found"}[other]
        assert part.locator("a[href]").first.get_attribute("href") == {"ja": "/", "en": "/en/"}[other]
        assert page.title().startswith(heading.inner_text() + " - ")
        # the home page of this language
        page.locator("article .sg-not-found:not([lang]) a[href]").first.click()
        page.wait_for_load_state("load")
        assert urlsplit(page.url).path == home
        # the search form of the other language, from the 404 page again
        page.goto(base + address)
        page.locator(f"article [lang={other}] input[name=q]").fill(QUERIES[other])
        page.locator(f"article [lang={other}] button[type=submit]").click()
        page.wait_for_selector("[data-sg-search][data-state=done]", state="attached", timeout=15000)
        assert urlsplit(page.url).path == {"ja": "/", "en": "/en/"}[other]
        results = page.eval_on_selector_all(".sg-search__results a", "as => as.map(a => a.pathname)")
        assert results and all(r.startswith("/en/") == (other == "en") for r in results), results
    finally:
        context.close()
        server.shutdown()
        server.server_close()


# --- The 404 pages of other builds: without SITE_URL, and below a path ------------------------

@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    """The seed built as on a laptop, without SITE_URL (served from the site's root)."""
    root = make_project(tmp_path_factory.mktemp("local"), data=None)
    result = build_project(root, today="2025-04-15")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize("host", ["root", "nearest"])
def test_404_pages_of_a_build_without_site_url(browser, local_site, host):
    """The issue's case: without SITE_URL the English 404 page asked http://pagefind/ for
    its search (a request to another host) and the Japanese one threw 'Invalid URL'."""
    server = serve(local_site, not_found=host)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        crawl = [_visit(context, base, address, host, local_site) for address in MISSING]
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    assert {c.served for c in crawl} == ({"404.html"} if host == "root" else {"404.html", "en/404.html"})
    problems = [f"{c.where()}: {c.console_errors} {c.foreign_requests} {c.failed_requests} "
                f"search {c.search_state!r}, {len(c.results)} results"
                for c in crawl if c.console_errors or c.foreign_requests or c.failed_requests
                or c.search_state != "done" or not c.results]
    assert not problems, "\n".join(problems)


def test_404_pages_below_a_path_link_below_that_path(seed_site):
    """Built with SITE_URL=https://example.org/program/: every address on the 404 pages (links,
    styles, scripts, the search bundle, the search forms) means the same page whatever the
    missing address it is served at, and stays below /program/."""
    site_url = "https://example.org/program/"
    for name, lang in (("404.html", "ja"), ("en/404.html", "en")):
        doc = parse(seed_site / name)
        values = [(n.tag, k, v) for n in doc.iter() for k, v in n.attrs.items()
                  if k in ("href", "src", "action", "data-bundle", "data-site-root") and not v.startswith("#")]
        assert len(values) > 20, values
        for tag, attr, value in values:
            if urlsplit(value).scheme in ("http", "https") and urlsplit(value).netloc != "example.org":
                continue  # a link out (the theme's credit in the footer), not a part of the site
            shallow = urljoin(site_url + "nothing/", value)
            deep = urljoin(site_url + "en/calls/no-such-call/deeper/", value)
            assert shallow == deep and shallow.startswith(site_url), (name, tag, attr, value)
        search = doc.find("div", class_="sg-search")
        home = site_url + ("" if lang == "ja" else "en/")
        assert urljoin(site_url, search.attrs["data-bundle"]) == home + "pagefind/"
        assert urljoin(site_url, search.attrs["data-site-root"]) == site_url
        forms = {f.attrs["action"] for f in doc.find_all("form") if "action" in f.attrs}
        assert forms == {"/program/", "/program/en/"}
