"""News: the archive `news/` and the recent-news fragment of the home page.

A news item dated after SITE_TODAY is not published yet: it stays out of the
home page, the archive and the feeds until the build's today reaches its date.
"""
from __future__ import annotations

import calendar
import datetime as dt
from itertools import groupby

from ..context import BuildContext
from ..dates import fiscal_year_of
from ..i18n import translator
from ..models.news import NewsItem
from ..page_description import written_description
from ..pages import Output, Page
from ..render import render

ARCHIVE_URL = "news/"


def published_news(ctx: BuildContext) -> list[NewsItem]:
    """News dated on or before today, newest first (ties broken by id for stable output)."""
    items = [n for n in ctx.ds.news.news if n.date <= ctx.today]
    return sorted(items, key=lambda n: (n.date, n.id), reverse=True)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (31 May - 3 months = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def recent_news(ctx: BuildContext) -> list[NewsItem]:
    """The home page's window: news after today minus `news_window_months`, up to today."""
    start = months_before(ctx.today, ctx.ds.site.site.news_window_months)
    return [n for n in published_news(ctx) if n.date > start]


def news_anchor(item: NewsItem) -> str:
    """The id of an item's entry on the archive page (feeds and the home page link to it)."""
    return "news-" + item.id


def by_fiscal_year(items: list[NewsItem]) -> list[tuple[int, list[NewsItem]]]:
    """[(2024, [items…]), (2023, …)] keeping the newest-first order of `items`."""
    return [(fy, list(group)) for fy, group in groupby(items, key=lambda n: fiscal_year_of(n.date))]


def related_lookups(ctx: BuildContext) -> dict:
    """Template helpers: the project and call records named by ids (references.py checked them)."""
    projects = {p.id: p for p in ctx.ds.projects.projects}
    calls = {c.id: c for c in ctx.ds.calls.calls}
    return {"projects_by_id": lambda ids: [projects[i] for i in ids if i in projects],
            "calls_by_id": lambda ids: [calls[i] for i in ids if i in calls]}


def build(ctx: BuildContext) -> Output:
    out = Output()
    items = published_news(ctx)
    window = ctx.ds.site.site.news_window_months
    texts = ctx.ds.site.site.pages.news  # the program's own words (site.yaml)
    _ = translator(ctx.lang)
    out.pages.append(Page(
        url=ARCHIVE_URL, title=_("ニュース"),
        description=written_description(texts.description, ctx.lang),
        updated=items[0].date if items else None,
        body=render("news/archive.md.j2", ctx, ARCHIVE_URL, years=by_fiscal_year(items), anchor=news_anchor,
                    intro=texts.intro, **related_lookups(ctx))))
    out.fragments["recent-news"] = lambda page_url: render(
        "news/recent.md.j2", ctx, page_url, items=recent_news(ctx), window=window, anchor=news_anchor,
        archive_url=ARCHIVE_URL, note=texts.recent_note, **related_lookups(ctx))
    return out
