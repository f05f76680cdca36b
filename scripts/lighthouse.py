"""Lighthouse (mobile, simulated slow 4G) on every page kind of a freshly built site, both languages.

    make lighthouse                       # installs Lighthouse from npm (tools/lighthouse), then runs this
    .venv/bin/python scripts/lighthouse.py [--data seed|live] [--runs N] [--only KIND ...] [--json FILE]

Builds the site into a temporary folder with the repository's code, serves it on 127.0.0.1 with
gzip (as a static host serves it: Python's http.server alone sends everything uncompressed, and
Lighthouse then counts uncompressed bytes), runs Lighthouse 12 from tools/lighthouse/node_modules
with Debian's chromium (CHROME_PATH, nothing downloaded) on each page, one after the other (the
machine has 2 cores: runs side by side would slow each other), and prints a table: performance
score, cumulative layout shift, largest contentful paint, total bytes transferred.

The data is by default the frozen seed (tests/seed/data) built as of 2024-05-01, while its call is
open: the same pages and records on every run, so figures compare across commits; `--data live`
builds data/ instead (the project and call measured are then the first of each).
With --runs N each page is measured N times and the run with the median score is kept.

Exit status 1 when a page misses the goal (performance >= 95 and CLS <= 0.02).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.sitebuild import LIVE_DATA, SEED_DATA, build_project, make_project  # noqa: E402

LIGHTHOUSE = REPO / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
TODAY = "2024-05-01"  # the seed's call is open: status badge, calculator and print link all shown
GOAL_SCORE = 95
GOAL_CLS = 0.02

# Page kinds (path below the language root); "{project}" and "{call}" are filled from the site.
KINDS = [
    ("home", ""),
    ("about", "about/"),
    ("projects", "projects/"),
    ("project", "projects/{project}/"),
    ("donations", "donations/"),
    ("corporate", "donations/corporate/"),
    ("how-to-donate", "donations/how-to-donate/"),
    ("calls", "calls/"),
    ("call", "calls/{call}/"),
    ("news", "news/"),
    ("opendata", "opendata/"),
    ("contact", "contact/"),
]
SEED_RECORDS = {"project": "umi-no-hiryo", "call": "kawasaki-decarbonization-2024"}

# What a static host compresses (GitHub Pages, Netlify, nginx's usual gzip_types).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                    "application/xml", "application/atom+xml", "application/manifest+json")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped (level 6, as nginx and most hosts) when the client accepts it and the
    type is text; other files (images, PDFs, Pagefind's already-compressed chunks) as they are."""

    _cache: dict[tuple[str, float], bytes] = {}
    _lock = threading.Lock()

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if self.path.split("?", 1)[0].endswith("/") and os.path.isfile(index):
                path = index
            else:
                return super().send_head()  # redirect to the slash, or a listing
        ctype = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and ctype.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        key = (path, os.path.getmtime(path))
        with self._lock:
            body = self._cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' policy
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # the browser closing a connection it no longer needs is not a failure of the site


def serve_gzip(folder: Path) -> http.server.ThreadingHTTPServer:
    server = _Server(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build(dest: Path, data: str) -> Path:
    dest.mkdir()
    root = make_project(dest, data=None, data_from=SEED_DATA if data == "seed" else LIVE_DATA)
    result = build_project(root, today=TODAY)
    if result.returncode != 0:
        sys.exit("the site did not build:\n" + result.stderr)
    return root / "site"


def page_urls(site: Path, data: str, only: list[str] | None) -> list[tuple[str, str, str]]:
    """[(kind, lang, path)] for every page kind in both languages."""
    records = {}
    for name, folder in (("project", "projects"), ("call", "calls")):
        found = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
        wanted = SEED_RECORDS[name] if data == "seed" else None
        if not found:
            sys.exit(f"no {name} page in the built site")
        records[name] = wanted if wanted in found else found[0]
    pages = []
    for lang, prefix in (("ja", ""), ("en", "en/")):
        for kind, path in KINDS:
            if only and kind not in only:
                continue
            pages.append((kind, lang, prefix + path.format(**records)))
    return pages


def lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    flags = " ".join(["--headless"] + [a for a in CHROMIUM_ARGS if a != "--no-first-run"])
    cmd = [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}",
           "--quiet", f"--chrome-flags={flags}"]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"lighthouse could not measure {url}: {report['runtimeError']}")
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "blocking": len(audits["render-blocking-resources"].get("details", {}).get("items", []))
        if "render-blocking-resources" in audits else None,
        "requests": len(audits["network-requests"]["details"]["items"]),
        # Lighthouse's own CPU benchmark of the machine at the time: a busy machine scores low, and
        # the simulated 4x-slower phone then shows long blocking times (TBT) that a reader's would not.
        "cpu_index": round(report.get("environment", {}).get("benchmarkIndex") or 0),
    }


def median_run(url: str, out: Path, runs: int) -> dict:
    results = [lighthouse(url, out) for _ in range(runs)]
    return sorted(results, key=lambda r: r["score"])[len(results) // 2]


def table(rows: list[dict]) -> str:
    lines = ["| page | lang | performance | CLS | LCP | FCP | TBT | total bytes | requests | render-blocking "
             "| CPU index |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['kind']} | {r['lang']} | {r['score']} | {r['cls']:.3f} | {r['lcp_ms'] / 1000:.1f} s "
                     f"| {r['fcp_ms'] / 1000:.1f} s | {r['tbt_ms']:.0f} ms | {r['bytes'] / 1024:.1f} KiB "
                     f"| {r['requests']} | {r['blocking'] if r['blocking'] is not None else '-'} | {r['cpu_index']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", choices=("seed", "live"), default="seed")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median score's run is kept")
    parser.add_argument("--only", nargs="+", metavar="KIND", choices=[k for k, _ in KINDS],
                        help="only these page kinds")
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make lighthouse` (npm ci in tools/lighthouse)")
    with tempfile.TemporaryDirectory(prefix="sg-lighthouse-") as tmp:
        site = args.site or build(Path(tmp) / "project", args.data)
        server = serve_gzip(site)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        rows = []
        try:
            for kind, lang, path in page_urls(site, args.data, args.only):
                r = median_run(base + path, Path(tmp) / "report.json", args.runs)
                rows.append(dict(r, kind=kind, lang=lang, path=path))
                print(f"{lang} {kind:14} {r['score']:3}  CLS {r['cls']:.3f}  LCP {r['lcp_ms'] / 1000:.1f} s  "
                      f"TBT {r['tbt_ms']:.0f} ms  {r['bytes'] / 1024:.1f} KiB  CPU index {r['cpu_index']}  /{path}",
                      file=sys.stderr, flush=True)
        finally:
            server.shutdown()
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    missed = [r for r in rows if r["score"] < GOAL_SCORE or r["cls"] > GOAL_CLS]
    for r in missed:
        print(f"below the goal (performance >= {GOAL_SCORE}, CLS <= {GOAL_CLS}): {r['lang']} {r['kind']} "
              f"/{r['path']}: {r['score']}, CLS {r['cls']:.3f}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
