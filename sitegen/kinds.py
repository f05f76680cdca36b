"""The kinds of data file the site is made from: one entry per file, in one list.

Each Kind is a data file, data/<stem>.yaml, and says what is made from it:

    model      the pydantic model of the whole file (validation, the editor schema, open data columns)
    section    its pages and fragments for one language, `build(ctx) -> Output` (None: no pages of its own)
    records    the list in the file that holds its records (data/news.yaml: `news:`); None for settings
    names      what the success lines call its records: (Japanese, English singular, English plural)
    opendata   published as opendata/<stem>.json, .csv and .schema.json, and listed on the open data page
    feed       its entries in the Atom feeds, `entries(ctx) -> list[Entry]` (sitegen.sections.feeds)
    synthetic  how many records the benchmark makes at size N (None: the file is copied as it is)

Everything that goes through every kind reads this list: validation and the editor schemas
(sitegen.validate), the pages (sitegen.sections), open data, the feeds, the success lines
(sitegen.summary), the translation report and the benchmark (bench/synthetic.py).

Adding a kind: a model in sitegen/models/, a section module with its templates, and one line in
KINDS, or `register(Kind(...))` from other code (tests/test_registry.py adds one that way).

The registry names the page code of the built-in kinds (`Ref("sitegen.sections.news:build")`)
rather than importing it: validating the data then loads the models only, and the sections
made from every kind (open data, feeds) can read this list without an import cycle.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .models.calls import CallsFile
from .models.donations import DonationsFile
from .models.news import NewsFile
from .models.projects import ProjectsFile
from .models.site import SiteFile


@dataclass(frozen=True)
class Ref:
    """A function named as 'module:function', imported when it is first called."""

    target: str

    def __call__(self, *args: Any) -> Any:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)(*args)


@dataclass(frozen=True)
class Kind:
    stem: str
    model: type[BaseModel]
    section: Callable[[Any], Any] | None = None  # (BuildContext) -> Output
    records: str | None = None
    names: tuple[str, str, str] | None = None
    opendata: bool = False
    feed: Callable[[Any], list] | None = None  # (BuildContext) -> list[feeds.Entry]
    synthetic: Callable[[int], int] | None = None

    def record_names(self) -> tuple[str, str, str]:
        return self.names or (self.stem, self.stem, self.stem)


def _every(n: int) -> int:
    return n


def _one_in_ten(n: int) -> int:
    return max(1, n // 10)


KINDS: list[Kind] = [
    # The site's settings: the home page's fragments and every page's contact read them (sections/home.py).
    Kind("site", SiteFile),
    Kind("projects", ProjectsFile, Ref("sitegen.sections.projects:build"), records="projects",
         names=("プロジェクト", "project", "projects"), opendata=True, synthetic=_every),
    Kind("donations", DonationsFile, Ref("sitegen.sections.donations:build"), records="donations",
         names=("寄附", "donation", "donations"), opendata=True, synthetic=_every),
    Kind("calls", CallsFile, Ref("sitegen.sections.calls:build"), records="calls",
         names=("公募", "call", "calls"), opendata=True, feed=Ref("sitegen.sections.feeds:call_entries"),
         synthetic=_one_in_ten),
    Kind("news", NewsFile, Ref("sitegen.sections.news:build"), records="news",
         names=("ニュース", "news item", "news items"), feed=Ref("sitegen.sections.feeds:news_entries"),
         synthetic=_every),
]


def kinds() -> tuple[Kind, ...]:
    """Every kind, in the order of KINDS (the order files are read and counted in)."""
    return tuple(KINDS)


def kind(stem: str) -> Kind:
    for k in KINDS:
        if k.stem == stem:
            return k
    raise KeyError(stem)


def register(new: Kind) -> Kind:
    """Add a kind after the others; its data file is then read, checked and made into pages
    like theirs."""
    if any(k.stem == new.stem for k in KINDS):
        raise ValueError(f"a kind named {new.stem!r} is registered already")
    KINDS.append(new)
    return new


class _FileModels(Mapping):
    """stem -> model of the whole file, read from KINDS on every use."""

    def __getitem__(self, stem: str) -> type[BaseModel]:
        return kind(stem).model

    def __iter__(self) -> Iterator[str]:
        return iter([k.stem for k in KINDS])

    def __len__(self) -> int:
        return len(KINDS)


# file stem -> model of the whole file. The JSON Schemas are generated from these.
FILE_MODELS: Mapping[str, type[BaseModel]] = _FileModels()
