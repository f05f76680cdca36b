"""What the preview shows right now, shared by the builder and the request threads.

A build never replaces the last good site with a broken one: while the data has mistakes,
`problem` is set and pages are answered with the list of mistakes (status_page.py), and the
last good site stays in `pages` for the moment the data is fixed. Every change of what is
shown gets a new `version`; open pages wait for it (server.py) and reload."""
from __future__ import annotations

import dataclasses
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import DataError


@dataclass(frozen=True)
class Problem:
    """Why the latest build failed: the data's mistakes, or failures of a language's build."""
    errors: tuple[DataError, ...] = ()
    failures: tuple[tuple[str, str], ...] = ()  # (language, message)


@dataclass(frozen=True)
class View:
    version: str
    pages: Path | None = None  # the last good site (Japanese at its root, English in en/)
    search: Path | None = None  # the latest site whose search index is complete
    problem: Problem | None = None


@dataclass
class PreviewState:
    # A new value each time the server starts, so that a page left open across a restart
    # reloads instead of matching a version number of the previous run.
    _run: str = field(default_factory=lambda: secrets.token_hex(4))
    _count: int = 0
    _view: View | None = None
    _closed: bool = False
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def __post_init__(self) -> None:
        self._view = View(self._version())

    def _version(self) -> str:
        return f"{self._run}-{self._count}"

    def view(self) -> View:
        with self._changed:
            return self._view

    def show_site(self, pages: Path) -> None:
        self._update(pages=pages, problem=None, new_version=True)

    def show_problem(self, problem: Problem) -> None:
        self._update(problem=problem, new_version=True)

    def search_ready(self, site: Path) -> None:
        """The search index of `site` is complete. Pages need not reload for it."""
        self._update(search=site, new_version=False)

    def _update(self, new_version: bool, **changes) -> None:
        with self._changed:
            if new_version:
                self._count += 1
                changes["version"] = self._version()
            self._view = dataclasses.replace(self._view, **changes)
            self._changed.notify_all()

    def wait_for_version_other_than(self, version: str, timeout: float) -> str:
        """Block until what is shown is not `version` any more (or timeout, or close)."""
        with self._changed:
            self._changed.wait_for(lambda: self._view.version != version or self._closed, timeout)
            return self._view.version

    def wait_for_site_to_index(self, last_tried: Path | None) -> Path | None:
        """Block until the shown site has no search index and is not the one tried last
        (an index that failed is not tried again until the next build); None once closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or (
                self._view.pages not in (None, self._view.search, last_tried)))
            return None if self._closed else self._view.pages

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()
