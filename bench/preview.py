"""make bench-preview: the live preview's save-to-page time (target: 2 s at the seed's size).

    make bench-preview                    # 5 runs
    .venv/bin/python -m bench.preview --runs 10

Starts the preview (`python -m sitegen serve`) on a copy of the frozen seed project
(tests/seed/data), opens /news/ and /en/news/ in headless Chromium (Debian's), then for each run
saves a new title of the first news item to data/news.yaml as an editor does, and measures the
time from the save until each open page has reloaded by itself and shows the new title (its
DOMContentLoaded event). Before each save it waits until the preview is idle (the search index
of the previous build written), as when staff read the page before editing again.

Prints each run, the median and worst per language and for both (a run's figure: the later of
the two pages), and last:
    preview save-to-page median: 0.84 s (target 2 s)
The exit status is 1 only when the measurement could not be made, not when the target is missed.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.live_preview import (PreviewError, body_text, descendants, first_news_title,  # noqa: E402
                                running_preview, save_and_time_reloads, still_running)

TARGET_SECONDS = 2.0
SHOW_SECONDS = 60.0  # a run fails (the command exits 1) when a page has not shown the change by then
IDLE_SECONDS = 120.0  # at most this long waiting for the preview to be idle before a save
PAGES = {"ja": "news/", "en": "en/news/"}


def _cpu_seconds(pids: set[int]) -> float:
    """User + system time of these processes, with that of their ended children they waited for."""
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            ticks += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        except (OSError, IndexError, ValueError):  # ended meanwhile
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid: int, quiet: float = 1.0, share: float = 0.05, seconds: float = IDLE_SECONDS) -> bool:
    """Until the process pid and those below it used less than `share` of one core for `quiet`
    seconds (the build shown and its search index written); False if not within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        tree = {pid} | descendants(pid)
        before = _cpu_seconds(tree)
        time.sleep(quiet)
        if _cpu_seconds(tree) - before < share * quiet:
            return True
    return False


def _load() -> float:
    """The system's load average over the last minute (other work running meanwhile)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def _summary(figures: list[float]) -> str:
    return f"median {statistics.median(figures):.2f} s, worst {max(figures):.2f} s"


def measure(runs: int, say=print) -> list[dict[str, float]]:
    """Run the preview and time `runs` saves: for each, {lang: seconds} for each open page."""
    from playwright.sync_api import sync_playwright

    results: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        start = time.monotonic()
        with running_preview(Path(folder)) as preview, sync_playwright() as p:
            first = preview.updates()
            say(f"preview started: its first build shown {time.monotonic() - start:.1f} s after the start"
                + (f" (built in {first[0]} s)" if first else ""))
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            pages = {}
            for lang, path in PAGES.items():
                pages[lang] = context.new_page()
                pages[lang].goto(preview.url(path))
            news = preview.root / "data" / "news.yaml"
            titles = {lang: first_news_title(preview.root, lang) for lang in PAGES}
            for lang, page in pages.items():
                if titles[lang] not in body_text(page):
                    raise PreviewError(f"{page.url} does not show the first news title {titles[lang]!r}")
            for run in range(1, runs + 1):
                if not wait_until_idle(preview.process.pid):
                    say(f"(the preview was still busy after {IDLE_SECONDS:.0f} s: saving anyway)")
                new = {"ja": f"プレビュー計測用のお知らせ題名{run}", "en": f"A news title to time the preview, run {run}"}
                text = news.read_text(encoding="utf-8")
                for lang in PAGES:
                    text = text.replace(titles[lang], new[lang], 1)
                builds = len(preview.updates())
                shown = save_and_time_reloads(news, text, {pages[lang]: new[lang] for lang in PAGES}, SHOW_SECONDS)
                seconds = {lang: shown[pages[lang]] for lang in PAGES}
                results.append(seconds)
                built = preview.updates()[builds:]
                say(f"run {run}: " + ", ".join(f"{lang} {s:.2f} s" for lang, s in seconds.items())
                    + (f" (preview updated in {built[-1]} s)" if built else ""))
                titles = new
            browser.close()
            below = descendants(preview.process.pid)
            preview.process.terminate()  # as Ctrl-C: the preview removes its build folders
            preview.process.wait(timeout=60)
            left = still_running(below, 10)
            if left or any(preview.tmp.iterdir()):
                raise PreviewError(f"the preview left processes {sorted(left)} or build folders "
                                   f"{sorted(p.name for p in preview.tmp.iterdir())} behind")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.preview", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="saves to time (default 5)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(f"preview save-to-page, frozen seed project, pages /{PAGES['ja']} and /{PAGES['en']}, {args.runs} runs; "
          f"{platform.machine()}, {os.cpu_count()} cores, load average {_load():.1f}", flush=True)
    try:
        results = measure(args.runs, say=lambda line: print(line, flush=True))
    except (PreviewError, OSError) as exc:
        print(f"bench-preview failed: {exc}", file=sys.stderr)
        return 1
    for lang in PAGES:
        print(f"{lang}: {_summary([r[lang] for r in results])}")
    both = [max(r.values()) for r in results]
    print(f"both pages (a run: the later of the two): {_summary(both)}; load average now {_load():.1f}")
    print(f"preview save-to-page median: {statistics.median(both):.2f} s (target {TARGET_SECONDS:g} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
