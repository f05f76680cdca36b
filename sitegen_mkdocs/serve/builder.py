"""Rebuild the preview when its files change: both languages side by side in warm worker
processes, the result shown at once, the search index following in the background.

Each build goes to a new folder (build-1, build-2…) of the preview's own folder, and is
shown only when both languages built (Japanese at its root, English moved into en/), as
`python -m sitegen build` does for site/. Pagefind then indexes it while it is already
shown (about 3 s at the seed's size, most of it the Japanese dictionary): the server keeps
answering search requests from the last indexed build until then. A folder is removed
once it is neither shown, nor indexed, nor being indexed."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import threading
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..configs import CONFIGS
from ..search import SearchIndexError, build_search_index
from . import watch
from .state import PreviewState, Problem
from .worker import LanguageResult, build_language, warm_up

POLL_SECONDS = 0.1  # how often the watched files are looked at: part of the time a save takes to show
SEARCH_DELAY_SECONDS = 1.0  # from showing a new site to indexing it for search


class Builder:
    def __init__(self, root: Path, state: PreviewState, workdir: Path) -> None:
        self.root, self.state, self.workdir = root, state, workdir
        self._pool = _new_pool()
        self._builds = 0
        self._lock = threading.Lock()  # over the folders in use, read by both threads
        self._building: Path | None = None
        self._indexing: Path | None = None

    def watch_and_build(self, stop: threading.Event) -> None:
        """Build now, then again after every change, until stop is set."""
        inputs = code = None
        while not stop.is_set():
            new_inputs = watch.site_inputs(self.root)
            new_code = watch.code()
            if code is not None and new_code != code:
                _say("コードが変わったので作成処理を再起動します / the code changed: restarting the builders")
                self._pool.shutdown()
                self._pool = _new_pool()
            if (new_inputs, new_code) != (inputs, code):
                inputs, code = new_inputs, new_code
                self.build()
                continue  # look again at once: a file saved during the build builds again
            stop.wait(POLL_SECONDS)

    def build(self) -> None:
        self._builds += 1
        folder = self.workdir / f"build-{self._builds}"
        with self._lock:
            self._building = folder
        start = time.perf_counter()
        results = self._build_languages(folder)
        seconds = time.perf_counter() - start
        if all(r.ok for r in results):
            (folder / "en").rename(folder / "ja" / "en")
            self.state.show_site(folder / "ja")
            _say(f"プレビューを更新しました({seconds:.1f}秒) / preview updated in {seconds:.1f} s")
        else:
            problem = Problem(errors=tuple(sorted({e for r in results for e in r.errors})),
                              failures=tuple((r.lang, r.failure) for r in results if r.failure))
            self.state.show_problem(problem)
            _say_problem(problem)
        with self._lock:
            self._building = None
        self.remove_unused_folders()

    def _build_languages(self, folder: Path) -> list[LanguageResult]:
        start = time.perf_counter()
        try:
            futures = {lang: self._pool.submit(build_language, self.root, lang, folder / lang) for lang in CONFIGS}
            return [self._result(lang, future, start) for lang, future in futures.items()]
        except BrokenProcessPool:  # a worker died (out of memory, killed): start fresh ones
            self._pool = _new_pool()
            message = ("作成処理のプロセスが止まりました。保存し直すともう一度作成します / "
                       "a builder process died; save again to rebuild")
            return [LanguageResult(lang, time.perf_counter() - start, failure=message) for lang in CONFIGS]

    @staticmethod
    def _result(lang: str, future, start: float) -> LanguageResult:
        """The worker's result; an error the worker did not expect (a fault in the generator or
        a template, not in the data) is shown on the preview's page like any failure, with its
        traceback in the terminal, and the preview goes on watching for the next save."""
        try:
            return future.result()
        except BrokenProcessPool:
            raise
        except Exception as exc:  # noqa: BLE001 (any fault of the code being previewed)
            traceback.print_exception(exc)
            return LanguageResult(lang, time.perf_counter() - start,
                                  failure=f"作成中の想定外のエラー / unexpected error while building: "
                                          f"{type(exc).__name__}: {exc}")

    def index_shown_sites(self) -> None:
        """Search thread: index each new site that is shown, until the state is closed."""
        _lower_this_threads_priority()
        tried = None
        while (site := self.state.wait_for_site_to_index(tried)) is not None:
            # The open pages reload first: Pagefind starting at the same moment slows them down.
            # A build (or a mistake) arriving meanwhile starts the wait again, for the newest site.
            version = self.state.view().version
            if self.state.wait_for_version_other_than(version, SEARCH_DELAY_SECONDS) != version:
                continue
            if self.state.closed:
                return
            tried = site
            with self._lock:
                self._indexing = site
            try:
                build_search_index(site)
                self.state.search_ready(site)
            except SearchIndexError as exc:  # the pages stay shown; their search is the last good one
                _say(str(exc))
            with self._lock:
                self._indexing = None
            self.remove_unused_folders()

    def remove_unused_folders(self) -> None:
        view = self.state.view()
        with self._lock:
            # a shown site is build-N/ja (its English inside it): keep all of build-N
            keep = {site.parent for site in (view.pages, view.search, self._indexing) if site}
            keep.add(self._building)
            unused = [f for f in self.workdir.glob("build-*") if f not in keep]
        for folder in unused:
            shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _lower_this_threads_priority() -> None:
    """Pagefind takes seconds of both cores; a save made meanwhile must not wait for it. On
    Linux a nice value belongs to the thread, and the Pagefind processes it starts inherit it,
    so the builds (in the workers, at normal priority) get the processors first."""
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def _new_pool() -> ProcessPoolExecutor:
    """One warm worker per language ("spawn": a fresh interpreter, not a copy of this
    process and its threads)."""
    return ProcessPoolExecutor(max_workers=len(CONFIGS), mp_context=multiprocessing.get_context("spawn"),
                               initializer=warm_up)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _say_problem(problem: Problem) -> None:
    lines = [e.format() for e in problem.errors]
    if problem.errors:
        lines.append(f"データに{len(problem.errors)}件の誤りがあります。直すまでプレビューはこの一覧を表示します / "
                     f"{len(problem.errors)} mistake(s) in the data; the preview shows this list until they are fixed")
    lines += [f"[{lang}] {message}" for lang, message in problem.failures]
    _say("\n".join(lines))
