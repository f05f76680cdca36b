"""Issue 17, item 5: every page has its own <title>, and the program has one name.

Before the fix, about, contact, accessibility, donations/corporate and donations/how-to-donate
(hand-written pages without `title:` front matter) had only the site name as their title, in
both languages; the English header said "Hiratsuka City Knowledge Convection Program" and the
home heading "Knowledge Convection Promotion Program: ...".
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from sitegen.validate import load_dataset
from tests.html import parse
from tests.sitebuild import LIVE_DATA, REPO, SEED

CONFIGS = {"ja": "mkdocs.yml", "en": "mkdocs.en.yml"}


def _site_names(root: Path) -> dict[str, str]:
    """site_name of each language's MkDocs file (mkdocs.en.yml inherits mkdocs.yml)."""
    names = {}
    for lang, name in CONFIGS.items():
        text = (root / name).read_text(encoding="utf-8")
        config = yaml.load(text, Loader=yaml.BaseLoader)  # BaseLoader: no !ENV / python tags needed
        names[lang] = config.get("site_name") or names.get("ja")
    return names


def _pages(site: Path, lang: str) -> list[Path]:
    pages = sorted(site.rglob("index.html"))
    return [p for p in pages if p.is_relative_to(site / "en") == (lang == "en")]


def _nav_titles(lang: str) -> dict[str, str]:
    """{site path: title} of the pages the language's nav names: MkDocs' page.title for them."""
    config = yaml.load((REPO / CONFIGS[lang]).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    titles = {}

    def walk(items):
        for item in items:
            for title, target in item.items():
                if isinstance(target, list):
                    walk(target)
                else:
                    path = target.removesuffix(".md").removesuffix("index")
                    path = path if path.endswith("/") or not path else path + "/"
                    titles[("en/" if lang == "en" else "") + path.rstrip("/")] = title

    walk(config["nav"])
    return titles


def _content_heading(doc) -> str:
    h1 = doc.find("article").find("h1")
    return h1.text().rstrip("¶").strip()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_page_has_its_own_title(seed_site, lang):
    site_name = load_dataset(SEED).site.site.name.get(lang)[0]
    pages = _pages(seed_site, lang)
    assert len(pages) >= 30
    nav = _nav_titles(lang)
    titles = {}
    for path in pages:
        doc = parse(path)
        [title] = [t for t in doc.find_all("title") if t.parent.tag == "head"]  # not an icon's
        url = path.parent.relative_to(seed_site).as_posix().lstrip(".")  # the root is '.'
        if url in ("", "en"):  # the home page: the site name alone
            assert title.text() == site_name
        else:
            # the page's name in the menu where the menu names it, else its heading
            own = nav.get(url) or _content_heading(doc)
            assert title.text() == f"{own} - {site_name}", url
        titles[url] = title.text()
    repeated = [t for t, n in Counter(titles.values()).items() if n > 1]
    assert not repeated, repeated
    # the pages the issue named
    for url in ("about", "contact", "accessibility", "donations/corporate", "donations/how-to-donate"):
        key = url if lang == "ja" else "en/" + url
        assert titles[key] != site_name and titles[key].endswith(" - " + site_name), key


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_header_feed_and_home_heading_say_the_same_name(seed_site, lang):
    name = load_dataset(SEED).site.site.name.get(lang)[0]
    doc = parse(seed_site / ("en" if lang == "en" else "") / "index.html")
    header = doc.find("span", class_="md-ellipsis")
    assert header.text() == name
    assert _content_heading(doc) == name


@pytest.mark.parametrize("root", [REPO, REPO / "sitegen_mkdocs" / "starter"], ids=["repository", "starter"])
def test_mkdocs_site_name_is_the_data_site_name(root):
    """The header comes from MkDocs' site_name, the feed and the home heading from the data."""
    data = LIVE_DATA if root == REPO else root / "data"
    site = yaml.safe_load((data / "site.yaml").read_text(encoding="utf-8"))["site"]
    assert _site_names(root) == {"ja": site["name"]["ja"], "en": site["name"]["en"]}
