"""Each section module turns its part of the data into pages for one language.

A section module defines `build(ctx) -> Output`. Adding a section = one module + one line here.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..context import BuildContext
from ..pages import Output
from . import calls, donations, feeds, home, news, opendata, projects

SECTIONS = (home, projects, donations, calls, news, opendata, feeds)


def section_outputs(ctx: BuildContext) -> Iterator[Output]:
    """Each section's output in turn, so that a caller (sitegen.generated) can write one out
    and let it go before the next is made."""
    names: set[str] = set()
    for section in SECTIONS:
        part = section.build(ctx)
        clash = names & part.fragments.keys()
        assert not clash, f"fragment names used twice: {clash}"
        names |= part.fragments.keys()
        yield part

