"""The live preview run as staff run it (`python -m sitegen serve`) on a copy of the frozen
seed, and open pages watched as they reload by themselves after a save.

Shared by tests/test_serve.py and the benchmark of the save-to-page time (bench/preview.py):
starting the preview and waiting for its first build, stopping it with nothing left behind,
saving a file as an editor does, and waiting for a page to show a text."""
from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.sitebuild import REPO, make_project

TODAY = "2025-04-15"  # the frozen seed's day: its news are recent, its call open
START_SECONDS = 180  # first build and first search index, on a machine other work also uses
STOP_SECONDS = 60  # from SIGTERM to the server's exit (it finishes a search index it is writing)
_URL = re.compile(r"http://127\.0\.0\.1:\d+/")
_UPDATED = re.compile(r"preview updated in ([0-9.]+) s")


class PreviewError(Exception):
    """The preview did not do something in time (or ended): the message holds its output."""


@dataclass
class Preview:
    root: Path
    base: str
    process: subprocess.Popen
    log: Path
    tmp: Path  # the server's TMPDIR: its build folders go there

    def url(self, path: str = "") -> str:
        return self.base + path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def updates(self) -> list[float]:
        """The seconds of each build the preview reported ('preview updated in 0.7 s'), in order."""
        return [float(s) for s in _UPDATED.findall(self.output())]


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_until(condition, seconds: float, what: str, preview: Preview) -> None:
    """Until condition() is true; PreviewError (with the preview's output) after `seconds` or
    if the preview ended."""
    deadline = time.monotonic() + seconds
    while not condition():
        if preview.process.poll() is not None or time.monotonic() > deadline:
            raise PreviewError(f"{what}: not within {seconds} s\n{preview.output()}")
        time.sleep(0.1)


def descendants(pid: int) -> set[int]:
    """Every process below pid, from /proc (children, their children…)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    parents[int(entry)] = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):  # ended while listed
                pass
    found, todo = set(), [pid]
    while todo:
        below = todo.pop()
        children = [p for p, parent in parents.items() if parent == below]
        found.update(children)
        todo.extend(children)
    return found


def is_running(pid: int) -> bool:
    """Alive and not a zombie (an ended process its new parent has not collected yet)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def still_running(pids: set[int], seconds: float) -> set[int]:
    """Those of pids still running after waiting up to `seconds` for all of them to end."""
    deadline = time.monotonic() + seconds
    while {p for p in pids if is_running(p)} and time.monotonic() < deadline:
        time.sleep(0.1)
    return {p for p in pids if is_running(p)}


@contextlib.contextmanager
def running_preview(folder: Path, today: str = TODAY):
    """The real command on a copy of the frozen seed project made in `folder` (which must
    exist), its first build done: a Preview. Stopped afterwards (SIGTERM, as Ctrl-C) if the
    caller has not stopped it already; its worker processes, should any outlive it, are
    killed (the tests check that none does)."""
    (folder / "project").mkdir()
    root = make_project(folder / "project")
    tmp = folder / "tmp"
    tmp.mkdir()
    log = folder / "serve.log"
    env = dict(os.environ, PYTHONPATH=str(REPO), SITE_TODAY=today, TMPDIR=str(tmp), NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", str(root), "--port", "0"],
                                   cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    preview = Preview(root, "", process, log, tmp)
    below: set[int] = set()
    try:
        wait_until(lambda: _URL.search(preview.output()), 60, "the server's address", preview)
        preview.base = _URL.search(preview.output()).group(0)
        wait_until(lambda: status(preview.url()) == 200, START_SECONDS, "the first build", preview)
        yield preview
    finally:
        if process.poll() is None:
            below = descendants(process.pid)
            process.terminate()
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for pid in still_running(below, 10):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 9)


def first_news_title(root: Path, lang: str) -> str:
    """The first news item's title in data/news.yaml of the project at root (shown on /news/)."""
    news = yaml.safe_load((root / "data" / "news.yaml").read_text(encoding="utf-8"))["news"]
    return news[0]["title"][lang]


def save(path: Path, text: str) -> float:
    """Write the file as an editor saves it; the time of the save (time.monotonic)."""
    path.write_text(text, encoding="utf-8")
    return time.monotonic()


def body_text(page) -> str:
    """The page's text now; '' while the page is between two documents (reloading)."""
    from playwright.sync_api import Error

    try:
        return page.evaluate("document.body ? document.body.innerText : ''")
    except Error:  # the execution context went away with the reload
        return ""


def wait_for_text(page, text: str, seconds: float) -> None:
    """Until the page shows text (polling the DOM across reloads); PreviewError after `seconds`."""
    deadline = time.monotonic() + seconds
    while text not in body_text(page):
        if time.monotonic() > deadline:
            raise PreviewError(f"{text!r} not shown within {seconds} s; the page shows:\n{body_text(page)[:2000]}")
        time.sleep(0.1)


def save_and_time_reloads(path: Path, text: str, shown: dict, seconds: float) -> dict:
    """Save `text` to `path` as an editor does, and wait until each open page of `shown`
    ({page: the text it must show}) has reloaded by itself and shows its text.

    Returns {page: seconds from the save to the DOMContentLoaded event of the page's document
    that shows the text}, read from the page's own navigation timing (the browser's clock is the
    system's), so that the figure does not include the time this process takes to hear of it on
    a busy machine. The pages are not polled (that would take processor time from the build
    being measured): this waits for their load events and reads a page's text only once it has
    loaded a new document. PreviewError if a page does not show its text within `seconds`."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    loads = {page: 0 for page in shown}  # DOMContentLoaded events of each page since the save

    def count(page):
        loads[page] += 1

    for page in shown:
        page.on("domcontentloaded", count)
    try:
        save(path, text)
        saved = time.time()  # the clock of the pages' navigation timing
        deadline = time.monotonic() + seconds
        times: dict = {}
        for page, wanted in shown.items():
            read = 0  # loads of this page whose text was read
            while page not in times:
                if loads[page] == read:  # the other pages' events are counted meanwhile
                    remaining = deadline - time.monotonic()
                    try:
                        if remaining <= 0:
                            raise PlaywrightTimeout("")
                        page.wait_for_event("domcontentloaded", timeout=remaining * 1000)
                    except PlaywrightTimeout:
                        raise PreviewError(f"{wanted!r} not shown in {page.url} within {seconds} s of the save; "
                                           f"the page shows:\n{body_text(page)[:2000]}") from None
                read = loads[page]
                if wanted in body_text(page) and (loaded := _content_loaded(page)) is not None:
                    times[page] = loaded - saved
        return times
    finally:
        for page in shown:
            page.remove_listener("domcontentloaded", count)


def _content_loaded(page) -> float | None:
    """When the page's current document fired DOMContentLoaded (seconds since the epoch); None
    while the page is between two documents."""
    from playwright.sync_api import Error

    try:
        return page.evaluate("performance.timeOrigin + "
                             "performance.getEntriesByType('navigation')[0].domContentLoadedEventStart") / 1000
    except Error:  # the execution context went away with a reload
        return None
