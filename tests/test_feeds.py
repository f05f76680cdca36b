"""Atom feeds: valid (feedparser), stable ids, dates from the data, links to real pages."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from sitegen.context import BuildContext
from sitegen.sections.feeds import atom
from sitegen.validate import load_dataset
from tests.html import page
from tests.sitebuild import REPO, SEED

BASE = "https://example.org/program/"


def parse_feed(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("path, lang, tour", [("feed.xml", "ja", "地どれ魚直売会"),
                                              ("en/feed.xml", "en", "local fresh fish market")])
def test_both_feeds_are_valid_atom_with_news_and_calls(seed_site, path, lang, tour):
    feed = parse_feed(seed_site / path)
    assert feed.version == "atom10" and feed.feed.language == lang
    ds = load_dataset(SEED)
    by_link = {e.link[len(BASE):]: e for e in feed.entries}
    # every news item (all are before SITE_TODAY) and every call, dated from the data in Japan time
    for n in ds.news.news:
        entry = by_link[f"{'en/' if lang == 'en' else ''}news/#news-{n.id}"]
        assert entry.updated == entry.published == f"{n.date.isoformat()}T00:00:00+09:00"
    for c in ds.calls.calls:
        entry = by_link[f"{'en/' if lang == 'en' else ''}calls/{c.id}/"]
        assert entry.published == f"{c.acceptance_start_datetime.isoformat()}T00:00:00+09:00"
    assert len(feed.entries) == len(ds.news.news) + len(ds.calls.calls)
    assert any(tour in e.title for e in feed.entries)
    stamps = [e.updated for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True) and feed.feed.updated == stamps[0]
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)
    assert len({e.id for e in feed.entries}) == len(feed.entries)


@pytest.mark.parametrize("path, prefix", [("feed.xml", ""), ("en/feed.xml", "en/")])
def test_feed_links_point_to_built_pages(seed_site, path, prefix):
    feed = parse_feed(seed_site / path)
    for entry in feed.entries:
        assert entry.link.startswith(BASE + prefix)
        target = urlsplit(entry.link[len(BASE):])
        assert (seed_site / target.path / "index.html").exists(), entry.link
        if target.fragment:
            assert page(seed_site, target.path).find(id=target.fragment), entry.link
    self_link = [ln.href for ln in feed.feed.links if ln.rel == "self"]
    assert self_link == [BASE + prefix + "feed.xml"]


def test_entry_ids_do_not_depend_on_site_url_and_differ_per_language():
    ds = load_dataset(SEED)
    ja = BuildContext(ds=ds, lang="ja", today=dt.date(2025, 4, 15))
    ids = {}
    for ctx in (ja, dataclasses.replace(ja, site_url=BASE), dataclasses.replace(ja, lang="en")):
        ids[(ctx.lang, ctx.site_url)] = [e.id for e in feedparser.parse(atom(ctx)).entries]
    assert ids[("ja", "")] == ids[("ja", BASE)]
    assert not set(ids[("ja", "")]) & set(ids[("en", "")])


def test_feed_without_site_url_has_relative_links_and_no_build_time():
    ctx = BuildContext(ds=load_dataset(SEED), lang="en", today=dt.date(2030, 1, 1))
    xml = atom(ctx)
    feed = feedparser.parse(xml)
    assert feed.bozo == 0
    assert feed.entries[0].link == "news/#news-2025-04-reports-submitted"
    # Every timestamp in the feed is a date from the data, none is the build time.
    stamps = set(re.findall(r"(\d{4}-\d{2}-\d{2})T", xml.decode()))
    data_dates = {n.date for n in ctx.ds.news.news} | {c.acceptance_start_datetime for c in ctx.ds.calls.calls}
    assert stamps == {d.isoformat() for d in data_dates}
    assert atom(ctx) == xml  # same input, same bytes


@pytest.mark.parametrize("prefix, feed", [("", "feed.xml"), ("en/", "en/feed.xml")])
def test_pages_advertise_the_feed_of_their_language(seed_site, prefix, feed):
    for url in ("", "news", "opendata"):
        html_dir = seed_site / prefix / url
        doc = page(seed_site, prefix + url)
        [link] = doc.find_all("link", rel="alternate", type="application/atom+xml")
        assert (html_dir / link.attrs["href"]).resolve() == (seed_site / feed).resolve()


@pytest.mark.parametrize("prefix, feed, text", [
    ("", "feed.xml", "受付期間: 2024年4月23日(令和6年4月23日)から2024年6月11日(令和6年6月11日)まで【必着】"),
    ("en/", "en/feed.xml", "Application period: 23 April 2024 to 11 June 2024 (must arrive by this day)"),
])
def test_call_entry_states_the_application_period_as_the_call_page_does(seed_site, prefix, feed, text):
    [entry] = [e for e in parse_feed(seed_site / feed).entries if "/calls/" in e.link]
    assert entry.content[0].value == f"<p>{text}</p>"
    [line] = page(seed_site, urlsplit(entry.link[len(BASE):]).path).find_all("span", class_="sg-call-period")
    assert line.text() == text
