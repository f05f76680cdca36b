"""Subsidy calls: the listing `calls/` and one page per call `calls/<id>/`."""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output, Page
from ..render import render
from ..validate import missing_translations


def build(ctx: BuildContext) -> Output:
    out = Output()
    calls = ctx.ds.calls.calls
    out.pages.append(Page(url="calls/", title=ctx.lang == "ja" and "補助金の公募" or "Subsidy calls",
                          body=render("calls/list.md.j2", ctx, "calls/", calls=calls)))
    for i, c in enumerate(calls):
        url = f"calls/{c.id}/"
        ja_only = ctx.lang == "en" and bool(missing_translations(c))
        out.pages.append(Page(
            url=url, title=c.title.get(ctx.lang)[0],
            body=render("calls/page.md.j2", ctx, url, call=c, ja_only=ja_only),
            edit=("data/calls.yaml", ctx.ds.line_of("calls", ("calls", i))), ja_only=ja_only))
    out.fragments["open-calls"] = lambda page_url: ""  # home page: open and upcoming calls
    return out
