"""The search index the build writes (Pagefind extended) and the site's own-host-only assets."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from sitegen_mkdocs.search import (BUNDLE_DIR, PARTS_FILE, build_search_index, bundle_dir, index_command,
                            language_pages, split_pages)
from tests.browser import site_pages
from tests.html import parse
from tests.search_bundles import indexed_urls, part_bundles
from tests.sitebuild import build_project, make_project


def _pages(site, lang: str) -> list[str]:
    """The URL paths of one language's pages ('', 'projects/x/' or 'en/', 'en/projects/x/')."""
    return [url for url in site_pages(site) if url.startswith("en/") == (lang == "en")]


def _searchable(path) -> bool:
    return parse(path).find(data_pagefind_body=True) is not None


def test_the_build_writes_one_bundle_per_language_covering_its_searchable_pages(seed_site):
    for lang in ("ja", "en"):
        bundle = bundle_dir(seed_site, lang)
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert set(entry["languages"]) == {lang}, lang  # one index: no page of the other language
        assert (bundle / "pagefind.js").is_file()
        expected = {"/" + url for url in _pages(seed_site, lang) if _searchable(seed_site / url / "index.html")}
        assert indexed_urls(bundle) == expected, lang
        assert entry["languages"][lang]["page_count"] == len(expected), lang
        assert json.loads((bundle / PARTS_FILE).read_text(encoding="utf-8")) == {"parts": []}  # a small site
    assert bundle_dir(seed_site, "en") == seed_site / "en" / BUNDLE_DIR


def test_filter_views_are_left_out_of_search_and_listings_do_not_repeat_record_pages(seed_site):
    for lang in ("ja", "en"):
        root = seed_site / ("en" if lang == "en" else "")
        views = [p for p in (root / "projects").glob("*/*/index.html")]
        assert views, "the seed has filter views"
        assert not any(_searchable(p) for p in views)
        assert _searchable(root / "projects" / "index.html")  # the listing's own words stay findable
        assert _searchable(root / "index.html")
        listing = parse(root / "projects" / "index.html").find("ul", class_="sg-project-list")
        assert "data-pagefind-ignore" in listing.attrs
        home = parse(root / "index.html")
        calls = parse(root / "calls" / "index.html")  # the same list as the home page's open calls
        assert "data-pagefind-ignore" in calls.find("ul", class_="sg-call-list").attrs
        assert "data-pagefind-ignore" in home.find("ul", class_="sg-news sg-news--recent").attrs
        # the page footer (the same contact on every page) is outside the indexed part
        body = parse(root / "about" / "index.html").find(data_pagefind_body=True)
        assert body.find(class_="sg-page-footer") is None


def test_each_languages_pages_leave_out_the_other_language_and_the_bundles(tmp_path):
    for rel in ("index.html", "about/index.html", "en/index.html", "en/about/index.html",
                "pagefind/part-2/index.html", "en/pagefind/index.html", "404.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<html></html>")
    assert language_pages(tmp_path, "ja") == [Path("about/index.html"), Path("index.html")]
    assert language_pages(tmp_path, "en") == [Path("en/about/index.html"), Path("en/index.html")]


def test_the_index_is_built_with_the_extended_binary_and_skips_page_chrome(tmp_path):
    cmd = index_command(tmp_path, tmp_path / "out", "ja")
    assert "pagefind_bin_extended" in cmd[0]  # the plain binary does not segment Japanese
    selectors = [cmd[i + 1] for i, arg in enumerate(cmd) if arg == "--exclude-selectors"]
    assert {".md-header", ".md-sidebar", ".md-footer"} <= set(selectors)
    assert cmd[cmd.index("--force-language") + 1] == "ja"


def test_pages_are_dealt_to_as_few_parts_as_keep_each_under_the_budget(tmp_path):
    pages = [Path(f"p{i:02d}/index.html") for i in range(10)]
    for page in pages:
        (tmp_path / page).parent.mkdir()
        # 100 bytes counted each (from the mark on; the navigation before it is not indexed)
        (tmp_path / page).write_bytes(b"<nav>" + b"n" * 500 + b"</nav><div " + b"data-pagefind-body>".ljust(100, b"x"))
    (tmp_path / "unindexed.html").write_bytes(b"x" * 10_000)  # no mark: Pagefind skips it
    pages.append(Path("unindexed.html"))
    assert split_pages(tmp_path, pages, 1000) == [pages]
    parts = split_pages(tmp_path, pages, 300)
    assert len(parts) == 4  # 1,000 / 300, rounded up
    assert sorted(p for part in parts for p in part) == sorted(pages)  # each page once
    assert parts[0] == [pages[0], pages[4], pages[8]]  # in turn, so each part holds every section


def test_a_large_sites_index_is_written_in_parts_that_together_answer_for_every_page(seed_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(seed_site, site)
    for lang in ("ja", "en"):
        shutil.rmtree(bundle_dir(site, lang))
    build_search_index(site, part_mb=0.06)  # the seed indexes about 0.18 MB a language
    for lang in ("ja", "en"):
        bundles = part_bundles(bundle_dir(site, lang))
        assert len(bundles) >= 3, lang
        answered = [indexed_urls(bundle) for bundle in bundles]
        assert all(answered), lang
        assert sum(len(urls) for urls in answered) == len(set().union(*answered)), "a page in two parts"
        expected = {"/" + url for url in _pages(site, lang) if _searchable(site / url / "index.html")}
        assert set().union(*answered) == expected, lang
        for part in bundles[1:]:
            entry = json.loads((part / "pagefind-entry.json").read_text(encoding="utf-8"))
            assert set(entry["languages"]) == {lang}
            # a merged part runs on the first bundle's script and WebAssembly: none of its own
            assert not [p.name for p in part.iterdir() if p.suffix in (".js", ".css") or p.name.startswith("wasm.")]


def test_every_page_has_the_search_pointing_at_its_languages_bundle(seed_site):
    for lang in ("ja", "en"):
        for url in _pages(seed_site, lang):
            path = seed_site / url / "index.html"
            root = parse(path).find("div", class_="sg-search")
            assert root is not None, path
            bundle = (path.parent / root.attrs["data-bundle"]).resolve()
            assert bundle == bundle_dir(seed_site, lang).resolve(), path
            # result URLs start at the Japanese root (/en/... for English): the base they join
            site_root = (path.parent / root.attrs["data-site-root"]).resolve()
            assert site_root == seed_site.resolve(), path


_ASSET_TAGS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
               "audio": "src", "link": "href"}
_LINK_RELS_THAT_LOAD = {"stylesheet", "preload", "modulepreload", "preconnect", "dns-prefetch",
                        "prefetch", "icon", "manifest"}


def _foreign_assets_in_html(path) -> list[str]:
    found = []
    for tag, attr in _ASSET_TAGS.items():
        for node in parse(path).find_all(tag):
            url = node.attrs.get(attr, "")
            if tag == "link" and not (set(node.attrs.get("rel", "").split()) & _LINK_RELS_THAT_LOAD):
                continue  # rel=alternate/canonical name pages, they load nothing
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                found.append(f"{path}: <{tag} {attr}={url}>")
    return found


def test_no_page_loads_fonts_scripts_or_styles_from_another_host(seed_site):
    found = []
    for path in list(seed_site.rglob("*.html")):
        found += _foreign_assets_in_html(path)
    for css in seed_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", text):
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                found.append(f"{css}: {url}")
    for js in seed_site.rglob("*.js"):
        text = js.read_text(encoding="utf-8", errors="replace")
        found += [f"{js}: {host}" for host in ("fonts.googleapis.com", "fonts.gstatic.com") if host in text]
    assert not found, "\n".join(found)


def test_pagefinds_default_interface_styles_are_not_loaded_from_anywhere(seed_site):
    # Our own interface (search.js) draws the results: no Pagefind UI CSS/JS on any page.
    for path in seed_site.rglob("*.html"):
        assert "pagefind-ui" not in path.read_text(encoding="utf-8"), path


def test_materials_own_search_assets_are_not_published(seed_site):
    # Pagefind searches the site; Material's lunr index and worker would be dead weight. (Its
    # page config still names the worker, but only Material's own search form loads it: the
    # e2e run's test_no_failed_requests would catch a request for the missing file.)
    for lang_root in (seed_site, seed_site / "en"):
        scripts = lang_root / "assets" / "javascripts"
        assert list(scripts.glob("bundle.*.js")), "Material's own script is still published"
        assert not (scripts / "lunr").exists()
        assert not list(scripts.glob("workers/search.*"))


def test_a_hand_written_page_can_be_kept_out_of_search(tmp_path):
    # docs/editing.md tells staff to write `search: exclude: true` in the front matter.
    root = make_project(tmp_path)
    for lang in ("ja", "en"):
        (root / "content" / lang / "internal.md").write_text(
            "---\ntitle: Internal\nsearch:\n  exclude: true\n---\n\n# Internal\n\nUnlisted text.\n", encoding="utf-8")
    result = build_project(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for lang, prefix in (("ja", "/"), ("en", "/en/")):
        page = site / prefix.strip("/") / "internal" / "index.html"
        assert page.is_file() and not _searchable(page)
        urls = indexed_urls(bundle_dir(site, lang))
        assert prefix + "internal/" not in urls and prefix + "about/" in urls
