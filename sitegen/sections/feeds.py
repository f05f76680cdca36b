"""Atom feeds: feed.xml (Japanese) and en/feed.xml (English) with news and subsidy calls.

Written with feedgen (well kept, pinned) rather than by hand. Reproducible: feedgen
stamps `updated` with the current time unless told otherwise, so every date is set
from the data (the feed's own `updated` is its newest entry, or SITE_TODAY when empty),
and the generator element carries no version number.

Entry ids: `urn:uuid:` (RFC 4122 name-based UUIDs, version 5) made from the
organisation's name, the kind of record, its id and the language. They never change
when the site moves to another address (an id built from site_url would) and they
need no domain or e-mail address that we would have to own (a `tag:` URI would).
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from markupsafe import Markup, escape

from ..calendar_file import deadline_words
from ..context import BuildContext, data_link
from ..dates import format_application_period
from ..i18n import translator
from ..kinds import kinds
from ..markup import render_markdown
from ..pages import Output, StaticFile
from ..today import JST
from .news import ARCHIVE_URL, news_anchor, published_news

FEED_PATH = "feed.xml"  # in each language's root: feed.xml and en/feed.xml
MAX_ENTRIES = 50
# A fixed namespace for this program's ids (generated once; never change it).
ID_NAMESPACE = uuid.UUID("5d0f7f3e-3a0b-4a43-9a3c-1f6f1c2c7b51")


@dataclass(frozen=True)
class Entry:
    key: str  # "news:<id>" / "call:<id>": stable across builds and site moves
    title: str
    url: str  # site path within the language, '#fragment' allowed
    published: dt.date
    updated: dt.date
    content_html: str


def entry_id(ctx: BuildContext, key: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(ID_NAMESPACE, f"{ctx.ds.site.site.organisation.ja}:{key}:{ctx.lang}"))


def _moment(day: dt.date) -> dt.datetime:
    """A date from the data as the start of that day in Japan (Atom needs a date-time)."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=JST)


def _link(ctx: BuildContext, url: str) -> str:
    """Absolute with site_url; otherwise relative to the feed, which sits at its language's root."""
    return ctx.absolute(url) or url or "./"


def _data_link(ctx: BuildContext, address: str) -> str:
    """An address from the data as seen from the feed (at its language's root), absolute with site_url."""
    target = data_link("", ctx.lang, address)
    return urljoin(ctx.absolute(""), target) if ctx.site_url else target


def news_entries(ctx: BuildContext) -> list[Entry]:
    """An item's text is what its entry on the news page says: its body, its link and the
    projects and calls it is about (an item may have only a title and related projects)."""
    entries = []
    projects = {p.id: p for p in ctx.ds.projects.projects}
    calls = {c.id: c for c in ctx.ds.calls.calls}
    _ = translator(ctx.lang)
    for n in published_news(ctx):
        parts = [str(render_markdown(n.body.get(ctx.lang)[0]))] if n.body else []
        if n.link:
            label = n.link_label.get(ctx.lang)[0] if n.link_label else n.link
            parts.append(str(Markup('<p><a href="{}">{}</a></p>').format(_data_link(ctx, n.link), label)))
        related = [(f"projects/{i}/", projects[i].title) for i in n.projects if i in projects]
        related += [(f"calls/{i}/", calls[i].title) for i in n.calls if i in calls]
        if related:
            links = Markup(_("、")).join(Markup('<a href="{}">{}</a>').format(_link(ctx, url), title.get(ctx.lang)[0])
                                         for url, title in related)
            parts.append(str(Markup("<p>{} {}</p>").format(_("関連:"), links)))
        entries.append(Entry(f"news:{n.id}", n.title.get(ctx.lang)[0], f"{ARCHIVE_URL}#{news_anchor(n)}",
                             n.date, n.date, "\n".join(parts)))
    return entries


def call_entries(ctx: BuildContext) -> list[Entry]:
    """A call is announced on its acceptance start date (the call model has no publication date),
    the first round's with rounds. Its text is the application period (of each round), in the
    words of the call page and its calendar."""
    entries = []
    for c in ctx.ds.calls.calls:
        start = c.first_start
        label = "受付期間: " if ctx.lang == "ja" else "Application period: "
        text = "".join(
            f"<p>{escape(label + (w.title.get(ctx.lang)[0] + ': ' if w.title else '') + format_application_period(w.start, w.end, deadline_words(w.deadline_rule, ctx.lang), ctx.lang))}</p>"
            for w in c.windows)
        entries.append(Entry(f"call:{c.id}", c.title.get(ctx.lang)[0], f"calls/{c.id}/", start, start, text))
    return entries


def feed_entries(ctx: BuildContext) -> list[Entry]:
    """Newest first; ties by key so two builds list them in the same order. Each kind whose
    entry in sitegen.kinds names a `feed` gives its entries."""
    entries = [entry for k in kinds() if k.feed is not None for entry in k.feed(ctx)]
    entries.sort(key=lambda e: (e.updated, e.key), reverse=True)
    return entries[:MAX_ENTRIES]


def feed_title(ctx: BuildContext) -> str:
    """The program's name from the site file: the feed's title and the title its pages give it."""
    return ctx.ds.site.site.name.get(ctx.lang)[0]


def atom(ctx: BuildContext) -> bytes:
    site = ctx.ds.site.site
    entries = feed_entries(ctx)
    fg = FeedGenerator()
    fg.id(entry_id(ctx, "feed"))
    fg.title(feed_title(ctx))  # the pages' <link rel="alternate" type="application/atom+xml"> says the same
    _ = translator(ctx.lang)
    fg.subtitle(_("新着ニュースと補助金の公募"))
    fg.language(ctx.lang)
    fg.author({"name": f"{site.organisation.get(ctx.lang)[0]} {site.contact.department.get(ctx.lang)[0]}"})
    fg.generator("sitegen")  # no version: upgrading a library must not change the output
    fg.link(href=_link(ctx, ""), rel="alternate", type="text/html")
    if ctx.site_url:
        fg.link(href=ctx.absolute(FEED_PATH), rel="self", type="application/atom+xml")
    fg.updated(_moment(max((e.updated for e in entries), default=ctx.today)))
    for e in reversed(entries):  # feedgen prepends each entry: add oldest first
        fe = fg.add_entry()
        fe.id(entry_id(ctx, e.key))
        fe.title(e.title)
        fe.link(href=_link(ctx, e.url), rel="alternate", type="text/html")
        fe.published(_moment(e.published))
        fe.updated(_moment(e.updated))
        if e.content_html:
            fe.content(e.content_html, type="html")
        else:  # every entry carries text (RFC 4287 4.1.1.1; feed readers show it): at least its title
            fe.summary(e.title)
    return fg.atom_str(pretty=True, encoding="UTF-8")


def build(ctx: BuildContext) -> Output:
    out = Output()
    out.files.append(StaticFile(FEED_PATH, atom(ctx)))
    return out
