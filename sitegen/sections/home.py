"""Fragments for hand-written pages: key figures (home) and the program's contact (contact page).

The recent-news fragment comes from the news section, open calls from the calls section.
"""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output
from ..render import render
from .opendata import disclosed_amount, disclosed_total


def key_figures(ctx: BuildContext, page_url: str) -> str:
    donations = ctx.ds.donations.donations
    return render("home/key-figures.md.j2", ctx, page_url,
                  project_count=len(ctx.ds.projects.projects),
                  donation_total=disclosed_total(donations),
                  donation_count=len(donations),
                  undisclosed_count=sum(1 for d in donations if disclosed_amount(d) is None))


def build(ctx: BuildContext) -> Output:
    out = Output()
    out.fragments["key-figures"] = lambda page_url: key_figures(ctx, page_url)
    out.fragments["program-contact"] = lambda page_url: render(
        "home/contact.md.j2", ctx, page_url, site=ctx.ds.site.site)
    return out
