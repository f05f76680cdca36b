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
    """Each section's output in turn, so that a caller can write one out and let it go
    before the next is made (sitegen.generated)."""
    names: set[str] = set()
    for section in SECTIONS:
        part = section.build(ctx)
        clash = names & part.fragments.keys()
        assert not clash, f"fragment names used twice: {clash}"
        names |= part.fragments.keys()
        yield part


def generate(ctx: BuildContext) -> Output:
    """All of one language's pages, files and fragments at once."""
    out = Output()
    for part in section_outputs(ctx):
        out.pages.extend(part.pages)
        out.files.extend(part.files)
        out.fragments.update(part.fragments)
    out.pages.sort(key=lambda p: p.url)
    out.files.sort(key=lambda f: f.path)
    return out
