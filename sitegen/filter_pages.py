"""Listing filters that work without JavaScript: the projects' filters and the call finder.

Every option of a listing's filters is a real page, `<listing><dim>/<value>/` (`projects/support/
funding/`, `calls/target/sme/`), listing only the matching items; those pages only re-list pages
that have their own, so they are left out of the search index. overrides/assets/javascripts/
projects.js makes the same links filter the full listing in place, from each item's
`data-filter-<dim>` attribute (an item with several values, e.g. a project's support or a call's
target types, lists them separated by spaces: `filter_values`).

What each listing filters by is its own section's business (sections/projects.py,
call_finder.py); this module is the shape they share and the one loop that writes the pages.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable

from .models.common import Text
from .pages import Page


@dataclass(frozen=True)
class FilterOption:
    listing: str  # the full listing's url: 'projects/', 'calls/'
    dim: str  # the group: status | support | department | fy | target …
    value: str
    label: Text | str  # data (a department's name) or interface text in the page's language
    views: tuple[Any, ...]  # the matching items

    @property
    def url(self) -> str:
        return f"{self.listing}{self.dim}/{self.value}/"

    @property
    def count(self) -> int:
        return len(self.views)


@dataclass(frozen=True)
class FilterGroup:
    dim: str
    label: str  # interface text in the page's language
    options: list[FilterOption]


def filter_option(listing: str, dim: str, value: str, label: Text | str, views: Iterable[Any],
                  match: Callable[[Any], bool]) -> FilterOption:
    """The option `value` of group `dim`, with the items of `views` it matches (in their order)."""
    return FilterOption(listing, dim, value, label, tuple(v for v in views if match(v)))


def filter_values(values: Iterable[str]) -> str:
    """The value of an item's data-filter-<dim> attribute: its values, separated by spaces."""
    return " ".join(values)


def listing_pages(groups: list[FilterGroup], listing: Callable[[FilterOption | None], Page]) -> list[Page]:
    """The full listing, listing(None), then the pre-built page of every option of every group,
    listing(option), in the groups' order, each left out of the search index."""
    pages = [listing(None)]
    for group in groups:
        for option in group.options:
            pages.append(replace(listing(option), searchable=False))
    return pages
