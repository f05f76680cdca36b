"""Bytes a reader downloads for one search, measured in headless Chromium (Debian's)."""
from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

QUERY = "プロジェクト"


def search_bytes(site: Path, page_url: str, query: str = QUERY) -> int:
    """Open a page with ?q=query, as a reader's search does (the site's own search script
    loads Pagefind, merges the index's parts and loads the results it lists); return the
    gzip size of everything fetched from the search bundles (script, WebAssembly, metadata,
    index chunks, fragments), each part's included."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[bytes] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("response", lambda r: fetched.append(r.body()) if "/pagefind/" in r.url and r.ok else None)
            page.goto(base + page_url + "?q=" + quote(query))
            page.wait_for_selector("[data-sg-search][data-state=done]", state="attached", timeout=60000)
            page.wait_for_timeout(200)
            browser.close()
    finally:
        server.shutdown()
    return sum(len(gzip.compress(b, mtime=0)) for b in fetched)
