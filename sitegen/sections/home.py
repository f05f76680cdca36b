"""Fragments for the hand-written home page (content/<lang>/index.md)."""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output


def build(ctx: BuildContext) -> Output:
    return Output()
