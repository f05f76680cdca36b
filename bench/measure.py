"""Measurements for the benchmark: wall time and peak memory of a process tree, output sizes."""
from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system of the whole process tree (every process it waited for)
    peak_rss_bytes: int
    returncode: int
    output: str


def median_run(runs: list[Run]) -> Run:
    """One Run of several of the same build: median wall and CPU seconds (each on its own), the
    largest peak memory."""
    return Run(statistics.median(r.seconds for r in runs), statistics.median(r.cpu_seconds for r in runs),
               max(r.peak_rss_bytes for r in runs), runs[-1].returncode, runs[-1].output)


def _tree_rss(root_pid: int) -> int:
    """Resident memory of root_pid and all its descendants, summed (bytes), from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_measured(cmd: list[str], cwd: Path, env: dict) -> Run:
    """Run cmd, sampling the memory of its whole process tree every 20 ms; its CPU seconds
    (user + system) are what os.wait4 reports when it ends, which includes every descendant
    the process itself waited for (the build waits for all of its children)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = proc.stdout.read()  # until the tree closes it, then reap the process ourselves:
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)  # communicate() would reap it and lose its rusage
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak, proc.returncode, output)


def startup_cpu(cmd: list[str], env: dict, runs: int = 5) -> float:
    """Median CPU seconds (user + system) of a command, run `runs` times: a Python start-up."""
    times = []
    for _ in range(runs):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0
        times.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def output_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def median_record_html(site: Path) -> int:
    sizes = [p.stat().st_size for kind in ("projects", "calls") for lang in ("", "en/")
             for p in (site / lang / kind).glob("*/index.html")]
    return int(statistics.median(sizes)) if sizes else 0


_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
_FONT = re.compile(rb"url\(([^)]+\.(?:woff2?|ttf|otf))\)")


def first_view_gzip(site: Path, url: str) -> int:
    """Bytes (gzip) a reader downloads to show one page: its HTML, CSS, JS and fonts."""
    html_path = site / url / "index.html"
    html = html_path.read_bytes()
    total = gz(html)
    for ref in _ASSET.findall(html.decode("utf-8")):
        if "://" in ref:
            continue
        asset = (html_path.parent / ref.split("?")[0]).resolve()
        if asset.is_file():
            data = asset.read_bytes()
            total += gz(data)
            for font in _FONT.findall(data):
                f = (asset.parent / font.decode().strip("'\"")).resolve()
                if f.is_file():
                    total += f.stat().st_size  # fonts are compressed already
    return total
