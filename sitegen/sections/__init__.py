"""Each section module turns its part of the data into pages for one language.

A section module defines `build(ctx) -> Output`. Adding a section = one module + one line here.
"""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output
from . import calls, donations, feeds, home, news, opendata, projects

SECTIONS = (home, projects, donations, calls, news, opendata, feeds)


def generate(ctx: BuildContext) -> Output:
    out = Output()
    for section in SECTIONS:
        part = section.build(ctx)
        out.pages.extend(part.pages)
        out.files.extend(part.files)
        clash = out.fragments.keys() & part.fragments.keys()
        assert not clash, f"fragment names used twice: {clash}"
        out.fragments.update(part.fragments)
    out.pages.sort(key=lambda p: p.url)
    out.files.sort(key=lambda f: f.path)
    return out
