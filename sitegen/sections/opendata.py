"""Open data: `opendata/` page and JSON/CSV downloads. Built by the news/open-data issue."""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output, Page


def build(ctx: BuildContext) -> Output:
    out = Output()
    out.pages.append(Page(url="opendata/", title="オープンデータ" if ctx.lang == "ja" else "Open data",
                          body="準備中\n" if ctx.lang == "ja" else "In preparation.\n"))
    return out
