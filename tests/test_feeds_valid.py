"""Issue 17, item 8: the feeds keep RFC 4287's rules the W3C feed validator checks, read with a
real XML parser (feedparser forgives too much): one title, the same title the pages give the
feed in their <link rel="alternate" type="application/atom+xml">, rel="self" with the feed's
absolute address, an id and an updated date on the feed and on every entry, and text on every
entry (a summary or a content). Before the fix the first entry of both feeds (a news item with
no body) had neither, and the Japanese feed's title was not the pages' title for it."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitegen.context import BuildContext
from sitegen.sections.feeds import atom
from sitegen.validate import load_dataset
from tests.html import page
from tests.sitebuild import SEED

A = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.org/program/"  # the seed_site fixture's SITE_URL
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def _html_text(markup: str) -> str:
    p = _Text()
    p.feed(markup)
    return "".join(p.parts).strip()


def _entry_text(entry: ET.Element) -> str:
    texts = []
    for tag in ("summary", "content"):
        el = entry.find(A + tag)
        if el is not None:
            raw = "".join(el.itertext())
            texts.append(_html_text(raw) if el.get("type") == "html" else raw.strip())
    return " ".join(t for t in texts if t)


def check_atom(xml: bytes, self_href: str | None) -> ET.Element:
    feed = ET.fromstring(xml)
    assert feed.tag == A + "feed"
    for name in ("id", "title", "updated"):  # exactly one of each (RFC 4287 4.1.1)
        assert len(feed.findall(A + name)) == 1, name
    assert feed.findtext(A + "title").strip()
    assert RFC3339.match(feed.findtext(A + "updated"))
    assert feed.find(f"{A}author/{A}name") is not None  # entries inherit the feed's author
    selves = [ln.get("href") for ln in feed.findall(A + "link") if ln.get("rel") == "self"]
    assert selves == ([self_href] if self_href else [])
    entries = feed.findall(A + "entry")
    assert entries
    ids = [e.findtext(A + "id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for e in entries:
        for name in ("id", "title", "updated"):
            assert len(e.findall(A + name)) == 1, (name, ids)
        assert RFC3339.match(e.findtext(A + "updated"))
        alternates = [ln for ln in e.findall(A + "link") if ln.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href")
        assert _entry_text(e), f"entry without text: {e.findtext(A + 'title')}"
    return feed


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_feed_keeps_rfc4287_and_has_text_on_every_entry(seed_site, prefix):
    check_atom((seed_site / prefix / "feed.xml").read_bytes(), BASE + prefix + "feed.xml")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_feed_title_is_the_title_the_pages_give_it(seed_site, prefix):
    title = ET.fromstring((seed_site / prefix / "feed.xml").read_bytes()).findtext(A + "title")
    pages = sorted(p.parent for p in (seed_site / prefix).rglob("index.html")
                   if prefix or not p.is_relative_to(seed_site / "en"))
    assert len(pages) > 20
    for folder in pages:
        [link] = page(folder, "").find_all("link", rel="alternate", type="application/atom+xml")
        assert link.attrs["title"] == title, folder


def test_news_item_without_body_tells_what_it_is_about():
    """The seed's newest news item has a title and two projects, no body: its entry names them."""
    ctx = BuildContext(ds=load_dataset(SEED), lang="ja", today=dt.date(2025, 4, 15), site_url=BASE)
    feed = check_atom(atom(ctx), BASE + "feed.xml")
    first = feed.findall(A + "entry")[0]
    assert first.findtext(A + "title").startswith("「海の肥料施肥プロジェクト」")
    text = _entry_text(first)
    assert text == "関連: 海の肥料施肥、海洋活用技術の研究開発"
    content = first.find(A + "content").text
    assert f'href="{BASE}projects/umi-no-hiryo/"' in content


def test_feed_without_site_url_has_no_self_link_but_keeps_the_rest():
    ctx = BuildContext(ds=load_dataset(SEED), lang="en", today=dt.date(2025, 4, 15))
    check_atom(atom(ctx), None)  # rel=self must be absolute: without SITE_URL there is none to give
