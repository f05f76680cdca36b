"""What search engines read (issue 17): robots.txt, the sitemap with its language alternates and
x-default, absolute canonical and hreflang links on the pages, and 404 pages that ask not to be
indexed; without SITE_URL, relative alternates and none of what needs an absolute address.
The 404 page's words come from the interface catalog."""
from __future__ import annotations

import urllib.robotparser
import xml.etree.ElementTree as ET

import pytest

from sitegen.site_meta import not_found_texts
from sitegen_mkdocs.postbuild import robots_txt, write_robots
from tests.browser import served_url
from tests.html import page, parse
from tests.sitebuild import build_project, make_project

BASE = "https://example.org/prog/"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("prog"))
    result = build_project(root, site_url=BASE)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("local"))
    result = build_project(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def _robots(text: str) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(text.splitlines())
    return parser


def _sitemap(site) -> dict[str, dict[str, str]]:
    """loc -> {hreflang: href} of each entry."""
    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall(SM + "url"):
        links = [(ln.get("hreflang"), ln.get("href")) for ln in url.findall(XHTML + "link")]
        assert all(ln.get("rel") == "alternate" for ln in url.findall(XHTML + "link"))
        assert len(links) == len(dict(links)), links  # one link per language
        entries[url.findtext(SM + "loc")] = dict(links)
    return entries


# --- robots.txt -------------------------------------------------------------------------------

def test_robots_txt_allows_every_page_and_names_the_sitemap(site):
    robots = _robots((site / "robots.txt").read_text(encoding="utf-8"))
    assert robots.site_maps() == [BASE + "sitemap.xml"]
    for path in ("", "projects/umi-no-hiryo/", "en/projects/umi-no-hiryo/", "calls/status/open/",
                 "en/projects/status/ongoing/", "opendata/projects.csv", "feed.xml"):
        assert robots.can_fetch("Googlebot", BASE + path), path
    # the filter views are in the sitemap, and nothing the sitemap lists is blocked
    sitemap = _sitemap(site)
    assert BASE + "calls/status/open/" in sitemap and BASE + "en/projects/department/none/" in sitemap
    assert all(robots.can_fetch("*", loc) for loc in sitemap)


def test_robots_txt_below_a_path_says_where_crawlers_read_it(site):
    """Crawlers read robots.txt at the host's root only: below /prog/ the file says so."""
    text = (site / "robots.txt").read_text(encoding="utf-8")
    assert "https://example.org/robots.txt" in text.split("User-agent")[0]


def test_robots_txt_of_a_site_at_the_host_root():
    text = robots_txt("https://city.example.jp")
    assert not text.startswith("#")
    robots = _robots(text)
    assert robots.site_maps() == ["https://city.example.jp/sitemap.xml"]
    assert robots.can_fetch("*", "https://city.example.jp/projects/x/")


def test_a_robots_txt_of_the_projects_own_is_kept(tmp_path):
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /drafts/\n", encoding="utf-8")
    write_robots(tmp_path, BASE)
    assert (tmp_path / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /drafts/\n"


def test_without_site_url_there_is_no_robots_txt_nor_sitemap(local_site):
    assert not (local_site / "robots.txt").exists() and not (local_site / "sitemap.xml").exists()


# --- sitemap.xml ------------------------------------------------------------------------------

def test_sitemap_entries_name_the_japanese_page_as_x_default(site):
    entries = _sitemap(site)
    assert len(entries) > 50
    for loc, links in entries.items():
        assert loc.startswith(BASE), loc
        here = loc[len(BASE):].removeprefix("en/")
        assert links == {"ja": BASE + here, "en": BASE + "en/" + here, "x-default": BASE + here}, loc
    assert BASE + "en/projects/umi-no-hiryo/" in entries and BASE + "404.html" not in entries


# --- The pages' <head> ------------------------------------------------------------------------

def _head_links(doc) -> tuple[list[str], dict[str, str]]:
    canonical = [n.attrs["href"] for n in doc.find_all("link", rel="canonical")]
    alternates = [(n.attrs["hreflang"], n.attrs["href"]) for n in doc.find_all("link", rel="alternate")
                  if "hreflang" in n.attrs]
    assert len(alternates) == len(dict(alternates)), alternates
    return canonical, dict(alternates)


@pytest.mark.parametrize("path", ["", "projects/umi-no-hiryo/", "en/", "en/projects/umi-no-hiryo/",
                                  "en/calls/status/open/"])
def test_pages_have_absolute_canonical_and_alternates_with_x_default(site, path):
    canonical, alternates = _head_links(page(site, path.rstrip("/")))
    here = path.removeprefix("en/")
    assert canonical == [BASE + path]
    assert alternates == {"ja": BASE + here, "en": BASE + "en/" + here, "x-default": BASE + here}


def test_every_page_offers_the_japanese_one_as_x_default(site):
    for html_file in sorted(site.rglob("index.html")):
        canonical, alternates = _head_links(parse(html_file))
        assert alternates["x-default"] == alternates["ja"], html_file
        assert all(href.startswith(BASE) for href in canonical + list(alternates.values())), html_file


def test_without_site_url_alternates_are_relative_and_there_is_no_canonical(local_site):
    for path, ja in (("projects/umi-no-hiryo", "./"), ("en/projects/umi-no-hiryo", "../../../projects/umi-no-hiryo/")):
        canonical, alternates = _head_links(page(local_site, path))
        assert canonical == []  # a canonical link names the page's one address: unknown without SITE_URL
        assert alternates["x-default"] == alternates["ja"] == ja
        assert (local_site / path / alternates["x-default"] / "index.html").resolve() == \
            (local_site / "projects/umi-no-hiryo/index.html").resolve()


@pytest.mark.parametrize("name", ["404.html", "en/404.html"])
@pytest.mark.parametrize("which", ["site", "local_site"])
def test_404_pages_ask_not_to_be_indexed(request, which, name):
    """A host answers with them (status 404) at any address: no canonical address and no language
    version to offer; noindex for a host that serves /404.html itself with status 200."""
    doc = parse(request.getfixturevalue(which) / name)
    robots = [n.attrs["content"] for n in doc.find_all("meta", name="robots")]
    assert robots == ["noindex"]
    assert _head_links(doc) == ([], {})


# --- The 404 page's words come from the catalog -----------------------------------------------

@pytest.mark.parametrize("name, lang, other", [("404.html", "ja", "en"), ("en/404.html", "en", "ja")])
def test_404_page_words_are_the_catalogs(site, name, lang, other):
    doc = parse(site / name)
    texts = {lang: not_found_texts(lang), other: not_found_texts(other)}
    assert texts["en"]["title"] == "Page not found" and texts["ja"]["title"] == "ページが見つかりません"
    assert doc.find("title").text().startswith(texts[lang]["title"] + " - ")
    blocks = doc.find_all("div", class_="sg-not-found") + doc.find_all("div", class_="sg-not-found sg-not-found--other")
    assert len(blocks) == 2 and blocks[1].attrs["lang"] == other
    for block, block_lang, heading in ((blocks[0], lang, "h1"), (blocks[1], other, "h2")):
        t = texts[block_lang]
        assert block.find(heading).text() == t["title"]
        assert block.find("p").text() == t["text"]
        assert block.find("a").text() == t["home"]
        assert block.find("label").text() == t["search"]
        assert block.find("button").text() == t["button"]


# --- Material's bundle is not sent after a sitemap beside each alternate ----------------------

@pytest.mark.browser
def test_no_page_requests_a_sitemap_beside_its_alternates(browser, local_site):
    """Material's bundle fetches sitemap.xml next to every <link rel=alternate> it finds when the
    page has loaded; partials/header.html hides them (x-default too) for that moment. Without
    SITE_URL there is no sitemap, so any such request would fail."""
    requested: list[str] = []
    with served_url(local_site) as base:
        tab = browser.new_page()
        tab.on("request", lambda r: requested.append(r.url))
        try:
            for path in ("projects/umi-no-hiryo/", "en/projects/umi-no-hiryo/"):
                tab.goto(base + path, wait_until="networkidle")
                hreflangs = tab.eval_on_selector_all("link[rel=alternate][hreflang]", "ls => ls.map(l => l.hreflang)")
                assert hreflangs == ["ja", "en", "x-default"]  # restored after the bundle's look
        finally:
            tab.close()
    assert requested and not [url for url in requested if "sitemap" in url]
