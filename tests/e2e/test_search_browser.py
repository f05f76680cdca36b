"""Site search (Pagefind) in the browser: the words citizens type find the pages that hold them.

The expected pages are read from the built HTML (the pages whose content contains the
query), not written down here, so the test follows the data as sections add it.
"""
from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest

from sitegen_mkdocs.search import bundle_dir
from tests.html import page as read_page
from tests.search_bundles import indexed_urls, part_bundles

pytestmark = pytest.mark.browser

JA_QUERIES = ["ふるさと納税", "波力発電", "補助率", "令和6年度", "海藻", "成果報告書"]
EN_QUERIES = ["wave power", "subsidy rate"]
FIRST = 5  # "among the first results"


def _content(site, path: str) -> str:
    article = read_page(site, path).find("article")
    return " ".join(article.text().split()) if article else ""


def _pages_containing(served_site, query: str, lang: str) -> set[str]:
    paths = [p for p in served_site.pages if p.startswith("en/") == (lang == "en")]
    return {p for p in paths if query.lower() in _content(served_site.folder, p).lower()}


def _search(browser, served_site, start_page: str, query: str) -> list[str]:
    """Open start_page?q=query and return the result links as site paths."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_site.url(start_page) + "?q=" + quote(query))
    page.wait_for_selector("[data-sg-search][data-state=done]", state="attached", timeout=10000)
    assert page.locator(".sg-search__panel").is_visible()
    assert page.locator(".sg-search__input").input_value() == query
    hrefs = page.eval_on_selector_all(".sg-search__results a", "links => links.map(a => a.href)")
    context.close()
    return [urlsplit(h).path.lstrip("/") for h in hrefs]


def _start_pages(served_site, lang: str) -> list[str]:
    return [p for p in served_site.pages if p.startswith("en/") == (lang == "en")]


@pytest.mark.parametrize("lang,queries", [("ja", JA_QUERIES), ("en", EN_QUERIES)])
def test_queries_find_the_pages_that_contain_them(browser, served_site, lang, queries):
    starts = _start_pages(served_site, lang)
    problems = []
    for i, query in enumerate(queries):
        expected = _pages_containing(served_site, query, lang)
        assert expected, f"no {lang} page contains {query!r}: the test site lost its fixture"
        start = starts[(i * 3) % len(starts)]  # ?q= works from any page
        results = _search(browser, served_site, start, query)
        if not results:
            problems.append(f"{query!r} from /{start}: no results")
        elif not expected & set(results[:FIRST]):
            problems.append(f"{query!r} from /{start}: first results {results[:FIRST]}, expected one of {sorted(expected)}")
        wrong_lang = [r for r in results if r.startswith("en/") != (lang == "en")]
        if wrong_lang:
            problems.append(f"{query!r}: results in the other language {wrong_lang}")
        missing = [r for r in results if not (served_site.folder / r / "index.html").is_file()]
        if missing:
            problems.append(f"{query!r}: results that are not pages {missing}")
    assert not problems, "\n".join(problems)


def test_japanese_query_on_an_english_page_searches_the_english_pages(browser, served_site):
    results = _search(browser, served_site, "en/", "海藻")
    assert all(r.startswith("en/") for r in results), results


def test_search_works_with_the_keyboard(browser, served_site):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(served_site.url("projects/"))
    toggle = page.locator(".sg-search__toggle")
    for _ in range(30):  # Tab until the search button has focus
        page.keyboard.press("Tab")
        if toggle.evaluate("el => el === document.activeElement"):
            break
    assert toggle.evaluate("el => el === document.activeElement"), "search button not reachable with Tab"
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".sg-search__input").evaluate("el => el === document.activeElement")
    page.keyboard.type("海藻")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-sg-search][data-state=done]", state="attached")
    assert page.locator(".sg-search__status").inner_text().strip()
    assert "q=%E6%B5%B7%E8%97%BB" in page.url  # the search can be shared as a link
    first_result = page.locator(".sg-search__results a").first
    for _ in range(5):
        page.keyboard.press("Tab")
        if first_result.evaluate("el => el === document.activeElement"):
            break
    assert first_result.evaluate("el => el === document.activeElement")
    outline = first_result.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Escape")
    assert page.locator(".sg-search__panel").is_hidden()
    assert toggle.evaluate("el => el === document.activeElement")
    page.keyboard.press("/")
    assert page.locator(".sg-search__panel").is_visible()
    context.close()


def test_without_javascript_no_dead_search_button_is_shown(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site.url(""))
    assert page.locator(".sg-search__toggle").is_hidden()
    context.close()


@pytest.mark.parametrize("lang,queries", [("ja", JA_QUERIES), ("en", EN_QUERIES)])
def test_a_search_answers_from_every_part_of_the_index(browser, served_site, lang, queries):
    # The test site's index is in parts (conftest): a word found on pages of several parts
    # must bring results from each of them, merged into one list.
    bundles = part_bundles(bundle_dir(served_site.folder, lang))
    assert len(bundles) >= 2, "the test site's index is not in parts"
    part_of = {url.lstrip("/"): n for n, bundle in enumerate(bundles) for url in indexed_urls(bundle)}
    for query in queries:
        spread = {part_of[p] for p in _pages_containing(served_site, query, lang) if p in part_of}
        if len(spread) >= 2:
            break
    else:
        pytest.fail(f"no {lang} query is found on pages of two parts: {queries}")
    start = _start_pages(served_site, lang)[0]
    results = _search(browser, served_site, start, query)
    assert {part_of.get(r) for r in results} >= spread, (query, results, spread)
