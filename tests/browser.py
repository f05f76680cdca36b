"""Serving a built site on 127.0.0.1 and driving Debian's Chromium (no browser download).

Shared by the tests, scripts/screenshot.py and the benchmark's search measurement."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# No sandbox (containers, root), and none of Chromium's own calls home: every request a test
# sees must come from the page.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTHS = (375, 1280)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test output is for failures
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # The browser closes connections it no longer needs (a page closed mid-transfer):
        # that is not a failure of the site. Real failures show in the browser's records.
        pass


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    """Serve `folder` on a free loopback port in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path ('', 'projects/x/', 'en/...'), sorted."""
    urls = []
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith("pagefind"):
            continue
        urls.append("" if rel == "." else rel + "/")
    return sorted(urls)
