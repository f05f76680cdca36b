"""What the core hands to the site builder: pages (Markdown), static files, fragments."""
from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import BinaryIO, Callable

import yaml

from .models.site import Contact


# libyaml's emitter where PyYAML has it (its wheels do): the same front matter as the pure-Python
# one, five times faster, which counts over thousands of pages.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Page:
    """A generated page of one language. `url` is its site path ('projects/x/')."""

    url: str
    title: str
    body: str  # Markdown with HTML blocks
    description: str = ""
    updated: dt.date | None = None  # from the data, never the build time
    edit: tuple[str, int] | None = None  # (data file, line) of the record
    ja_only: bool = False  # English page showing Japanese text
    contact: "Contact | None" = None  # who answers for this page, when not the program's department
    # False for pages that only re-list other pages (the pre-built filter views): indexing them
    # would answer every search twice and costs the indexer memory for nothing.
    searchable: bool = True

    @property
    def src_uri(self) -> str:
        return (self.url.rstrip("/") + "/index.md") if self.url else "index.md"

    def markdown(self) -> str:
        meta: dict = {"title": self.title}
        if self.description:
            meta["description"] = self.description
        if self.updated:
            meta["updated"] = self.updated.isoformat()
        if self.edit:
            meta["edit"] = f"{self.edit[0]}#L{self.edit[1]}"
        if not self.searchable:
            meta["search"] = {"exclude": True}  # Material's own front-matter key for this
        return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True) + "---\n\n" + self.body


@dataclass(frozen=True)
class StaticFile:
    """A non-page output of one language (feed.xml, calendar.ics, data.csv).

    `content` is the bytes, or a function that writes them to a file when the file is
    written: the open data files are written a record at a time that way (at 10,000 records
    a dump of a whole data file is a few hundred megabytes of memory)."""

    path: str
    content: bytes | Callable[[BinaryIO], None]

    def write_to(self, stream: BinaryIO) -> None:
        if callable(self.content):
            self.content(stream)
        else:
            stream.write(self.content)

    def data(self) -> bytes:
        buffer = io.BytesIO()
        self.write_to(buffer)
        return buffer.getvalue()


Fragment = Callable[[str], str]  # page url -> Markdown/HTML to insert into a hand-written page

_FRAGMENT = re.compile(r"<!--\s*sitegen:([a-z0-9-]+)\s*-->")


class UnknownFragment(KeyError):
    """A hand-written page names a fragment no section provides."""


@dataclass
class Output:
    pages: list[Page] = field(default_factory=list)
    files: list[StaticFile] = field(default_factory=list)
    fragments: dict[str, Fragment] = field(default_factory=dict)

    def fill_fragments(self, markdown: str, page_url: str) -> str:
        """Replace each <!-- sitegen:NAME --> of a hand-written page with that fragment."""
        def insert(match: re.Match) -> str:
            name = match.group(1)
            if name not in self.fragments:
                raise UnknownFragment(name)
            return self.fragments[name](page_url)

        return _FRAGMENT.sub(insert, markdown)
