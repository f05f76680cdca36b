"""Bytes a reader downloads for one search, measured in headless Chromium (Debian's)."""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

QUERY = "プロジェクト"


def search_bytes(site: Path, page_url: str, query: str = QUERY) -> int:
    """Load a page, run one search through Pagefind's API and load the first results;
    return the gzip size of everything the search fetched (index, chunks, fragments, wasm)."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[bytes] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + page_url)
            page.on("response", lambda r: fetched.append(r.body()) if "/pagefind/" in r.url and r.ok else None)
            page.evaluate("""async (q) => {
                const pf = await import('/pagefind/pagefind.js');
                const r = await pf.search(q);
                await Promise.all(r.results.slice(0, 5).map(x => x.data()));
            }""", query)
            page.wait_for_timeout(200)
            browser.close()
    finally:
        server.shutdown()
    return sum(len(gzip.compress(b, mtime=0)) for b in fetched)
