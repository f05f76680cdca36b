"""Donations: the history page `donations/`."""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output, Page
from ..render import render


def build(ctx: BuildContext) -> Output:
    out = Output()
    out.pages.append(Page(url="donations/", title=ctx.lang == "ja" and "寄附実績" or "Donations",
                          body=render("donations/history.md.j2", ctx, "donations/",
                                      donations=ctx.ds.donations.donations)))
    return out
