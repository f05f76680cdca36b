"""The search index the build writes (Pagefind extended) and the site's own-host-only assets."""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from sitegen.search import BUNDLE_DIR, index_command
from tests.html import parse


def _pages(site, lang: str) -> list:
    pages = [p for p in site.rglob("index.html") if not p.relative_to(site).parts[0] == BUNDLE_DIR]
    return [p for p in pages if (p.relative_to(site).parts[0] == "en") == (lang == "en")]


def test_the_build_writes_one_index_per_language_covering_every_page(seed_site):
    entry = json.loads((seed_site / BUNDLE_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"ja", "en"}
    for lang in ("ja", "en"):
        assert entry["languages"][lang]["page_count"] == len(_pages(seed_site, lang)), lang
    assert (seed_site / BUNDLE_DIR / "pagefind.js").is_file()


def test_the_index_is_built_with_the_extended_binary_and_skips_page_chrome(tmp_path):
    cmd = index_command(tmp_path)
    assert "pagefind_bin_extended" in cmd[0]  # the plain binary does not segment Japanese
    selectors = [cmd[i + 1] for i, arg in enumerate(cmd) if arg == "--exclude-selectors"]
    assert {".md-header", ".md-sidebar", ".md-footer"} <= set(selectors)


def test_every_page_has_the_search_pointing_at_the_shared_bundle(seed_site):
    for lang in ("ja", "en"):
        for path in _pages(seed_site, lang):
            root = parse(path).find("div", class_="sg-search")
            assert root is not None, path
            bundle = (path.parent / root.attrs["data-bundle"]).resolve()
            assert bundle == (seed_site / BUNDLE_DIR).resolve(), path


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

