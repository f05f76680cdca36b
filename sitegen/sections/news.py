"""News: the archive `news/` and the recent-news fragment of the home page."""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output, Page
from ..render import render


def build(ctx: BuildContext) -> Output:
    out = Output()
    items = sorted(ctx.ds.news.news, key=lambda n: (n.date, n.id), reverse=True)
    out.pages.append(Page(url="news/", title=ctx.lang == "ja" and "ニュース" or "News",
                          body=render("news/archive.md.j2", ctx, "news/", items=items)))
    out.fragments["recent-news"] = lambda page_url: render("news/recent.md.j2", ctx, page_url, items=items)
    return out
