"""Screenshot built pages in headless Chromium (Debian's), at phone and desktop widths.

    .venv/bin/python scripts/screenshot.py site OUTDIR projects/umi-no-hiryo/ en/projects/umi-no-hiryo/

Writes OUTDIR/<page>-375.png and -1280.png (full page). Serves SITE on a free loopback port.
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # one line per request would drown the output
        pass


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(site: str, out: str, *urls: str) -> None:
    server = serve(Path(site))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for url in urls or ("",):
            for width in (375, 1280):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(base + url)
                name = (url.strip("/").replace("/", "_") or "home") + f"-{width}.png"
                page.screenshot(path=str(Path(out) / name), full_page=True)
                page.close()
                print(Path(out) / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:])
