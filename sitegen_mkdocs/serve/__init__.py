"""`python -m sitegen serve [ROOT] [--port 8000]`: the live preview for staff (`make serve`).

Both languages and the site search, as `python -m sitegen build` makes them, rebuilt when a
file under data/, content/ or overrides/ (or mkdocs*.yml) is saved and shown in the open
browser page within about a second at the seed's size; the data's mistakes are shown in the
page (file:line, Japanese and English) instead of the site until they are fixed.

    watch.py        which files, and whether they changed
    worker.py       one language built in a warm worker process (the MkDocs adapter)
    builder.py      builds on change, shows the result, indexes it for search, tidies up
    state.py        what is shown now, and its version
    server.py       the HTTP server, and the reload script in every page
    status_page.py  the list of mistakes, and the page shown before the first build
"""
from __future__ import annotations

import argparse


def add_options(parser: argparse.ArgumentParser) -> None:
    """--host and --port of the preview (`python -m sitegen serve` adds them to its subcommand
    without importing the preview's modules)."""
    parser.add_argument("--host", default="127.0.0.1", help="127.0.0.1: only this computer can open the preview")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
