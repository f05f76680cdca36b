"""Each section module turns its part of the data into pages for one language.

A section module defines `build(ctx) -> Output`. The section of each kind of data file is
named in its entry of sitegen/kinds.py; the ones below are made from several kinds.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..context import BuildContext
from ..kinds import kinds
from ..pages import Output
from . import feeds, home, opendata

# The home page's fragments (key figures, the program's contact), the open data page and its
# downloads, the feeds: what each kind gives them is said in its entry (opendata, feed).
SITE_WIDE = (home.build, opendata.build, feeds.build)


def section_outputs(ctx: BuildContext) -> Iterator[Output]:
    """Each section's output in turn, so that a caller (the generated pages' writer) can write
    one out and let it go before the next is made."""
    names: set[str] = set()
    sections = [k.section for k in kinds() if k.section is not None] + list(SITE_WIDE)
    for section in sections:
        part = section(ctx)
        clash = names & part.fragments.keys()
        assert not clash, f"fragment names used twice: {clash}"
        names |= part.fragments.keys()
        yield part
