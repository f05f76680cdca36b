"""The live preview (`make serve` = python -m sitegen serve) with a real server and Chromium:
both languages and the language switch, the site search, a saved change shown within 2 s,
and the data's mistakes shown in the page (file:line, Japanese and English) until fixed.

One server for the module (its first build takes a while on a busy machine); the tests run
in file order, each leaves the data valid, and test_stopping_… stops it. The last test starts a
server of its own to kill it."""
from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import REPO, make_project

pytestmark = pytest.mark.browser

# The target is 2 s at the seed's size: measured 0.6-1.2 s on a quiet 2-core machine
# (README). Speed targets are checked by measuring, not by timed tests (a loaded CI runner
# measured 6 s): the test asserts the change arrives without a restart or a manual reload, in a
# bound that only a hang or a full rebuild per request would exceed, and prints the figure.
SAVE_TO_PAGE_SECONDS = 20.0
START_SECONDS = 180  # first build and first search index, on a machine other tests also use
_URL = re.compile(r"http://127\.0\.0\.1:\d+/")


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


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _wait_until(condition, seconds: float, what: str, preview: Preview) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if preview.process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {seconds} s\n{preview.output()}")
        time.sleep(0.1)


def _descendants(pid: int) -> set[int]:
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


def _running(pid: int) -> bool:
    """Alive and not a zombie (an ended process its new parent has not collected yet)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def _assert_all_end(pids: set[int], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while [p for p in pids if _running(p)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in pids if _running(p)], f"left running: {sorted(p for p in pids if _running(p))}"


@contextlib.contextmanager
def _running_preview(folder: Path):
    """The real command on a copy of the project, its first build done; stopped afterwards
    (SIGTERM, as Ctrl-C) if a test has not stopped it already."""
    (folder / "project").mkdir()
    root = make_project(folder / "project")
    tmp = folder / "tmp"
    tmp.mkdir()
    log = folder / "serve.log"
    env = dict(os.environ, PYTHONPATH=str(REPO), SITE_TODAY="2025-04-15", TMPDIR=str(tmp))
    env.pop("SITE_URL", None)
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", str(root), "--port", "0"],
                                   cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    preview = Preview(root, "", process, log, tmp)
    try:
        _wait_until(lambda: _URL.search(preview.output()), 60, "the server's address", preview)
        preview.base = _URL.search(preview.output()).group(0)
        _wait_until(lambda: _status(preview.url()) == 200, START_SECONDS, "the first build", preview)
        yield preview
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    with _running_preview(tmp_path_factory.mktemp("preview")) as running:
        yield running


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    return context, context.new_page()


def _body_text(page) -> str:
    """The page's text now; '' while the page is between two documents (reloading)."""
    from playwright.sync_api import Error

    try:
        return page.evaluate("document.body ? document.body.innerText : ''")
    except Error:  # the execution context went away with the reload
        return ""


def _wait_for_text(page, text: str, seconds: float) -> None:
    """Until the page shows text (polling the DOM across reloads); fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while text not in _body_text(page):
        if time.monotonic() > deadline:
            pytest.fail(f"{text!r} not shown within {seconds} s; the page shows:\n{_body_text(page)[:2000]}")
        time.sleep(0.1)


def _search(page, query: str) -> list[str]:
    """Type query into the site's search box and return the result links (absolute URLs)."""
    page.locator(".sg-search__toggle").click()
    page.locator(".sg-search__input").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-sg-search][data-state]", state="attached", timeout=20000)
    assert page.get_attribute("[data-sg-search]", "data-state") == "done", page.locator(".sg-search__status").inner_text()
    return page.eval_on_selector_all(".sg-search__results a", "links => links.map(a => a.href)")


def _first_news_title(root: Path, lang: str) -> str:
    news = yaml.safe_load((root / "data" / "news.yaml").read_text(encoding="utf-8"))["news"]
    return news[0]["title"][lang]


def _save(path: Path, text: str) -> float:
    """Write the file as an editor saves it; the time of the save (time.monotonic)."""
    path.write_text(text, encoding="utf-8")
    return time.monotonic()


def test_both_languages_and_the_switch(browser, preview):
    context, page = _new_page(browser)
    for path in ("", "news/"):  # the home page, and a page showing the records' text
        page.goto(preview.url(path))
        assert page.get_attribute("html", "lang") == "ja"
        page.locator(".sg-lang-switch").click()
        page.wait_for_url(preview.url("en/" + path))
        assert page.get_attribute("html", "lang") == "en"
    assert _first_news_title(preview.root, "en") in _body_text(page)
    page.locator(".sg-lang-switch").click()
    page.wait_for_url(preview.url("news/"))
    assert _first_news_title(preview.root, "ja") in _body_text(page)
    context.close()


@pytest.mark.parametrize("lang,query", [("ja", "海藻"), ("en", "wave power")])
def test_the_site_search_finds_pages_of_the_language(browser, preview, lang, query):
    start = "" if lang == "ja" else "en/"
    _wait_until(lambda: _status(preview.url(start + "pagefind/pagefind.js")) == 200, START_SECONDS,
                f"the {lang} search index", preview)
    context, page = _new_page(browser)
    page.goto(preview.url(start))
    results = _search(page, query)
    assert results, f"no result for {query!r}"
    assert all(r.startswith(preview.url("en/")) == (lang == "en") for r in results), results
    page.goto(results[0])
    assert query.lower() in page.locator("article").inner_text().lower()
    context.close()


def test_a_saved_change_shows_in_the_open_page_by_itself(browser, preview):
    news_file = preview.root / "data" / "news.yaml"
    old_title, old_en = _first_news_title(preview.root, "ja"), _first_news_title(preview.root, "en")
    new_title, new_en = "プレビュー確認用の新しいお知らせ題名", "A new news title to check the preview"
    context, page = _new_page(browser)
    page.goto(preview.url("news/"))
    assert old_title in _body_text(page)
    text = news_file.read_text(encoding="utf-8")
    # Waiting for the reloaded page's DOMContentLoaded event, not polling the page: polling
    # would take processor time from the build it measures.
    with page.expect_event("domcontentloaded", timeout=30000):
        saved = _save(news_file, text.replace(old_title, new_title, 1).replace(old_en, new_en, 1))
    seconds = time.monotonic() - saved
    built = re.findall(r"preview updated in [0-9.]+ s", preview.output())[-1]
    print(f"\nsave -> page shows the change: {seconds:.2f} s ({built})")
    assert new_title in _body_text(page) and old_title not in _body_text(page), _body_text(page)[:2000]
    assert seconds <= SAVE_TO_PAGE_SECONDS, f"the change took {seconds:.2f} s to show\n{preview.output()}"
    page.goto(preview.url("en/news/"))  # the English pages are rebuilt by the same save
    assert new_en in _body_text(page)
    context.close()


def test_data_mistakes_show_in_the_page_until_fixed(browser, preview):
    news_file = preview.root / "data" / "news.yaml"
    good = news_file.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    first_record = next(i for i, line in enumerate(lines) if line.startswith("  - id:"))
    broken = "".join(lines[:first_record + 1] + ["    colour: red\n"] + lines[first_record + 1:])
    mistake_line = first_record + 2  # 1-based line of the inserted field
    context, page = _new_page(browser)
    page.goto(preview.url("news/"))
    _save(news_file, broken)
    _wait_for_text(page, "colour", 30)
    text = _body_text(page)
    assert page.get_attribute("html", "lang") == "ja"
    assert "データに誤りがあります" in page.title() and "Mistakes in the data" in page.title()
    assert f"data/news.yaml:{mistake_line}:" in text
    assert "知らない項目名「colour」" in text and "unknown field 'colour'" in text
    # every page answers with the list (none hangs), the English ones too; files still load
    other = context.new_page()
    response = other.goto(preview.url("en/projects/"), timeout=10000)
    assert response.status == 500 and f"data/news.yaml:{mistake_line}:" in _body_text(other)
    assert _status(preview.url("assets/stylesheets/site.css")) == 200
    _save(news_file, good)
    _wait_for_text(page, _first_news_title(preview.root, "ja"), 30)
    assert page.get_attribute("html", "lang") == "ja" and "colour" not in _body_text(page)
    assert "データに誤りがあります" not in page.title()
    context.close()


def test_stopping_leaves_no_process_and_no_files(preview):
    below = _descendants(preview.process.pid)
    assert len(below) >= 2, "the builders' worker processes were not found"
    preview.process.send_signal(signal.SIGTERM)  # as Ctrl-C does in a terminal
    assert preview.process.wait(timeout=60) == 0, preview.output()
    _assert_all_end(below, 10)
    assert not list(preview.tmp.iterdir()), "the preview's build folders were left behind"
    assert "プレビューを終了しました / preview stopped" in preview.output()


def test_a_killed_server_leaves_no_worker_behind(tmp_path):
    # SIGKILL gives the server no chance to stop its workers: they must notice and end.
    with _running_preview(tmp_path) as running:
        below = _descendants(running.process.pid)
        assert below, "the builders' worker processes were not found"
        running.process.kill()
        running.process.wait()
        _assert_all_end(below, 10)


def test_a_fault_in_the_generator_is_shown_not_fatal(capsys):
    # A template or code fault raised in a worker becomes a failure the preview page shows
    # (the watching goes on); before, the exception ended the preview's build thread.
    import time
    from concurrent.futures import Future

    from sitegen_mkdocs.serve.builder import Builder

    future = Future()
    future.set_exception(RuntimeError("'t' is undefined"))
    result = Builder._result("ja", future, time.perf_counter())
    assert not result.ok and result.lang == "ja"
    assert result.failure.endswith("RuntimeError: 't' is undefined")
    assert "Traceback" in capsys.readouterr().err
