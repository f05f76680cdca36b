"""Serving a built site on 127.0.0.1 and driving Debian's Chromium (no browser download).

Shared by the tests, scripts/screenshot.py and the benchmark's search measurement."""
from __future__ import annotations

import contextlib
import datetime as dt
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
JST = dt.timezone(dt.timedelta(hours=9))  # the clock the site's dates are in (no daylight saving time)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    not_found = "root"  # which 404.html answers a missing address: see serve()

    def log_message(self, *args) -> None:  # the test output is for failures
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        page = self._not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory).resolve()
        if self.not_found == "root":
            candidates = [root]
        else:  # the missing address's own folder, then each folder above it
            here = Path(self.translate_path(self.path)).resolve()
            candidates = [p for p in (here, *here.parents) if p == root or root in p.parents]
        return next((c / "404.html" for c in candidates if (c / "404.html").is_file()), None)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # The browser closes connections it no longer needs (a page closed mid-transfer):
        # that is not a failure of the site. Real failures show in the browser's records.
        pass


def serve(folder: Path, not_found: str = "root") -> http.server.ThreadingHTTPServer:
    """Serve `folder` on a free loopback port in a background thread.

    A missing address is answered with status 404 and a 404.html page, as static hosts do:
    `not_found="root"` the site's root 404.html at every address (GitHub Pages, where the site
    is published), `"nearest"` the 404.html of the nearest folder above the address (hosts
    that look for one per folder: /en/... gets en/404.html). Without a 404.html, Python's own."""
    if not_found not in ("root", "nearest"):
        raise ValueError(f"not_found must be 'root' or 'nearest', not {not_found!r}")
    handler = functools.partial(type("_Handler", (_QuietHandler,), {"not_found": not_found}),
                                directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextlib.contextmanager
def served_url(folder: Path, not_found: str = "root"):
    """The base URL ('http://127.0.0.1:PORT/') of `folder` served as serve() does, while in use."""
    server = serve(folder, not_found)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def open_page(browser, url: str, at: dt.datetime | None = None, **page_options):
    """A new page of `browser` opened at url; with `at` (an aware datetime) the page's clock is
    fixed there before any of its scripts run, so they see that moment as now."""
    page = browser.new_page(**page_options)
    if at is not None:
        page.clock.set_fixed_time(at)
    page.goto(url)
    return page


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path ('', 'projects/x/', 'en/...'), sorted."""
    urls = []
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith("pagefind"):
            continue
        urls.append("" if rel == "." else rel + "/")
    return sorted(urls)
