"""Screenshot built pages in headless Chromium (Debian's), at phone and desktop widths.

    .venv/bin/python scripts/screenshot.py site OUTDIR projects/umi-no-hiryo/ en/projects/umi-no-hiryo/

Writes OUTDIR/<page>-375.png and -1280.png (full page). Serves SITE on a free loopback port.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, WIDTHS, serve  # noqa: E402 (the tests' own server)


def main(site: str, out: str, *urls: str) -> None:
    server = serve(Path(site))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for url in urls or ("",):
            for width in WIDTHS:
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
