"""Command line of the preview: python -m sitegen serve [ROOT] [--host 127.0.0.1] [--port 8000]
(also python -m sitegen_mkdocs.serve)."""
from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from . import add_options
from .builder import Builder
from .server import make_server, serve_in_background
from .state import PreviewState


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen_mkdocs.serve",
                                     description="プレビュー(両言語・検索つき) / live preview, both languages and search")
    parser.add_argument("root", nargs="?", default=".", type=Path)
    add_options(parser)
    args = parser.parse_args(argv)
    return preview(args.root.resolve(), args.host, args.port)


def preview(root: Path, host: str, port: int) -> int:
    """Serve the preview of the project at root until Ctrl-C (or SIGTERM); the exit status."""
    state = PreviewState()
    try:
        server = make_server(state, host, port)
    except OSError as exc:
        print(f"ポート{port}を使えません(別のプレビューが動いていませんか) / "
              f"cannot use port {port} (is another preview running?): {exc}", file=sys.stderr)
        return 1
    host, port = server.server_address[:2]
    # SIGTERM (a test, a process manager) stops the preview as Ctrl-C does, tidying up after it
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    workdir = Path(tempfile.mkdtemp(prefix="sitegen-preview-"))
    builder = Builder(root, state, workdir)
    stop = threading.Event()
    searcher = threading.Thread(target=builder.index_shown_sites, name="preview-search", daemon=True)
    try:
        serve_in_background(server)
        searcher.start()
        print(f"プレビュー: http://{host}:{port}/ (Ctrl-Cで終了) / preview at http://{host}:{port}/ "
              f"(Ctrl-C stops it)", file=sys.stderr, flush=True)
        builder.watch_and_build(stop)
    except KeyboardInterrupt:
        pass
    finally:
        # A second Ctrl-C (or SIGTERM) must not cut the tidying up short and leave processes behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop.set()
        server.shutdown()
        server.server_close()
        state.close()  # wakes the search thread (it finishes an index it is writing) and waiting pages
        if searcher.is_alive():
            searcher.join()
        builder.close()
        shutil.rmtree(workdir, ignore_errors=True)
    print("プレビューを終了しました / preview stopped", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
