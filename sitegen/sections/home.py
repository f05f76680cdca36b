"""Fragments for the hand-written home page (content/<lang>/index.md)."""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output


def build(ctx: BuildContext) -> Output:
    out = Output()
    out.fragments["key-figures"] = lambda page_url: ""  # number of projects, donations total
    return out
