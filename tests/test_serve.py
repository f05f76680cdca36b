"""The live preview (`make serve` = python -m sitegen serve) with a real server and Chromium:
both languages and the language switch, the site search, a saved change shown within 2 s,
and the data's mistakes shown in the page (file:line, Japanese and English) until fixed.

One server for the module (its first build takes a while on a busy machine); the tests run
in file order, each leaves the data valid, and test_stopping_… stops it. The last test starts a
server of its own to kill it."""
from __future__ import annotations

import signal

import pytest

from tests.live_preview import (START_SECONDS, body_text, descendants, first_news_title, running_preview, save,
                                save_and_time_reloads, status, still_running, wait_for_text, wait_until)

pytestmark = pytest.mark.browser

# The target is 2 s at the seed's size: measured 0.6-1.2 s on a quiet 2-core machine
# (README). Speed targets are checked by measuring (`make bench-preview`), not by timed tests (a
# loaded CI runner measured 6 s): the test asserts the change arrives without a restart or a
# manual reload, in a bound that only a hang or a full rebuild per request would exceed, and
# prints the figure.
SAVE_TO_PAGE_SECONDS = 20.0


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    with running_preview(tmp_path_factory.mktemp("preview")) as running:
        yield running


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    return context, context.new_page()


def _search(page, query: str) -> list[str]:
    """Type query into the site's search box and return the result links (absolute URLs)."""
    page.locator(".sg-search__toggle").click()
    page.locator(".sg-search__input").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-sg-search][data-state]", state="attached", timeout=20000)
    assert page.get_attribute("[data-sg-search]", "data-state") == "done", page.locator(".sg-search__status").inner_text()
    return page.eval_on_selector_all(".sg-search__results a", "links => links.map(a => a.href)")


def test_both_languages_and_the_switch(browser, preview):
    context, page = _new_page(browser)
    for path in ("", "news/"):  # the home page, and a page showing the records' text
        page.goto(preview.url(path))
        assert page.get_attribute("html", "lang") == "ja"
        page.locator(".sg-lang-switch").click()
        page.wait_for_url(preview.url("en/" + path))
        assert page.get_attribute("html", "lang") == "en"
    assert first_news_title(preview.root, "en") in body_text(page)
    page.locator(".sg-lang-switch").click()
    page.wait_for_url(preview.url("news/"))
    assert first_news_title(preview.root, "ja") in body_text(page)
    context.close()


@pytest.mark.parametrize("lang,query", [("ja", "海藻"), ("en", "wave power")])
def test_the_site_search_finds_pages_of_the_language(browser, preview, lang, query):
    start = "" if lang == "ja" else "en/"
    wait_until(lambda: status(preview.url(start + "pagefind/pagefind.js")) == 200, START_SECONDS,
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
    old_title, old_en = first_news_title(preview.root, "ja"), first_news_title(preview.root, "en")
    new_title, new_en = "プレビュー確認用の新しいお知らせ題名", "A new news title to check the preview"
    context, page = _new_page(browser)
    page.goto(preview.url("news/"))
    english = context.new_page()  # the English pages are rebuilt by the same save
    english.goto(preview.url("en/news/"))
    assert old_title in body_text(page) and old_en in body_text(english)
    text = news_file.read_text(encoding="utf-8")
    seconds = save_and_time_reloads(news_file, text.replace(old_title, new_title, 1).replace(old_en, new_en, 1),
                                    {page: new_title, english: new_en}, SAVE_TO_PAGE_SECONDS)
    print(f"\nsave -> page shows the change: {seconds[page]:.2f} s, English {seconds[english]:.2f} s "
          f"(preview updated in {preview.updates()[-1]} s)")
    assert old_title not in body_text(page) and old_en not in body_text(english)
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
    save(news_file, broken)
    wait_for_text(page, "colour", 30)
    text = body_text(page)
    assert page.get_attribute("html", "lang") == "ja"
    assert "データに誤りがあります" in page.title() and "Mistakes in the data" in page.title()
    assert f"data/news.yaml:{mistake_line}:" in text
    assert "知らない項目名「colour」" in text and "unknown field 'colour'" in text
    # every page answers with the list (none hangs), the English ones too; files still load
    other = context.new_page()
    response = other.goto(preview.url("en/projects/"), timeout=10000)
    assert response.status == 500 and f"data/news.yaml:{mistake_line}:" in body_text(other)
    assert status(preview.url("assets/stylesheets/site.css")) == 200
    save(news_file, good)
    wait_for_text(page, first_news_title(preview.root, "ja"), 30)
    assert page.get_attribute("html", "lang") == "ja" and "colour" not in body_text(page)
    assert "データに誤りがあります" not in page.title()
    context.close()


def test_stopping_leaves_no_process_and_no_files(preview):
    below = descendants(preview.process.pid)
    assert len(below) >= 2, "the builders' worker processes were not found"
    preview.process.send_signal(signal.SIGTERM)  # as Ctrl-C does in a terminal
    assert preview.process.wait(timeout=60) == 0, preview.output()
    assert not still_running(below, 10), "the preview's worker processes were left running"
    assert not list(preview.tmp.iterdir()), "the preview's build folders were left behind"
    assert "プレビューを終了しました / preview stopped" in preview.output()


def test_a_killed_server_leaves_no_worker_behind(tmp_path):
    # SIGKILL gives the server no chance to stop its workers: they must notice and end.
    with running_preview(tmp_path) as running:
        below = descendants(running.process.pid)
        assert below, "the builders' worker processes were not found"
        running.process.kill()
        running.process.wait()
        assert not still_running(below, 10), "the preview's worker processes were left running"


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
