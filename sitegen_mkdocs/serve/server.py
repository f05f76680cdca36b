"""The preview's web server: the last good site (both languages, search included), with a
small script in every page that reloads it when the preview changes.

Requests never wait for a build: they are answered from the last good site, or, while the
data has mistakes, with the list of mistakes (status 500) and, before the first build is
done, with a page saying so (503). Both reload by themselves."""
from __future__ import annotations

import hashlib
import http.server
import io
import json
import os
import posixpath
import threading
from urllib.parse import parse_qs, unquote, urlsplit

from ..search import BUNDLE_DIR
from . import status_page
from .state import PreviewState, View

# An open page's request for the next version is answered after this long at the latest
# (with the same version), so that no connection stays open for ever.
LONG_POLL_SECONDS = 20.0
_SEARCH_PREFIXES = (f"/{BUNDLE_DIR}/", f"/en/{BUNDLE_DIR}/")


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    state: PreviewState  # set on the subclass make_server makes

    def send_head(self):  # GET and HEAD both answer with what this returns
        path = unquote(urlsplit(self.path).path)
        if path == status_page.VERSION_PATH:
            return self._version()
        if path == status_page.RELOAD_SCRIPT_PATH:
            return self._body(200, "text/javascript; charset=utf-8", status_page.RELOAD_SCRIPT)
        view = self.state.view()
        page = _is_page(path)
        if page and view.problem is not None:
            return self._body(500, "text/html; charset=utf-8", status_page.problem_page(view.problem, view.version))
        if page and view.pages is None:
            return self._body(503, "text/html; charset=utf-8", status_page.building_page(view.version))
        folder = view.search if path.startswith(_SEARCH_PREFIXES) else view.pages
        if folder is None:  # no site yet, or no search index yet
            self.send_error(404)
            return None
        self.directory = str(folder)  # read by translate_path, for this request only
        file = self.translate_path(self.path)
        if path.endswith("/") and os.path.isdir(file):
            file = os.path.join(file, "index.html")
        if file.endswith(".html") and os.path.isfile(file):
            return self._html(200, file, view)
        if page and not os.path.exists(file):  # the theme's "not found" page of that language
            return self._html(404, os.path.join(folder, "en" if path.startswith("/en/") else "", "404.html"), view)
        if os.path.isfile(file):
            return self._file(file)
        return super().send_head()  # a folder without its slash is redirected; the rest is 404

    def _version(self):
        since = parse_qs(urlsplit(self.path).query).get("since", [""])[0]
        version = self.state.wait_for_version_other_than(since, LONG_POLL_SECONDS)
        return self._body(200, "application/json", json.dumps({"version": version}))

    def _html(self, status: int, file: str, view: View):
        """A page of the site, with the reload script added at the end of its body."""
        try:
            with open(file, encoding="utf-8") as f:
                html = f.read()
        except OSError:  # replaced by a newer build while this request was on its way
            self.send_error(404)
            return None
        tag = status_page.reload_tag(view.version)
        end = html.rfind("</body>")
        html = html[:end] + tag + html[end:] if end >= 0 else html + tag
        return self._body(status, "text/html; charset=utf-8", html)

    def _file(self, file: str):
        """A file other than a page, marked with a hash of its content: the browser asks again
        each time (a save may have changed it) but reloads only what did change, so that
        a page reloading after a save does not fetch the theme's styles and scripts again."""
        with open(file, "rb") as f:
            data = f.read()
        etag = '"' + hashlib.blake2b(data, digest_size=16).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self._cache_headers(etag)
            self.end_headers()
            return None
        return self._send(200, self.guess_type(file), data, etag)

    def _body(self, status: int, content_type: str, text: str):
        return self._send(status, content_type, text.encode("utf-8"))

    def _send(self, status: int, content_type: str, data: bytes, etag: str | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self._cache_headers(etag)
        self.end_headers()
        return io.BytesIO(data)

    def _cache_headers(self, etag: str | None) -> None:
        """Every answer may change at the next save: the browser keeps none, except files with
        an ETag, which it keeps but asks about each time."""
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Cache-Control", "no-cache" if etag else "no-store")

    def list_directory(self, path):  # a folder without index.html: not a page of the site
        self.send_error(404)
        return None

    def log_message(self, *args) -> None:  # the terminal is for the builds' messages
        pass


def _is_page(path: str) -> bool:
    """A request for a page (answered with the mistakes while there are some), not for a file."""
    name = posixpath.basename(path)
    return path.endswith("/") or name.endswith(".html") or "." not in name


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True  # waiting pages do not hold the server open when it stops

    def handle_error(self, request, client_address) -> None:
        # A browser closing a connection it no longer needs (a page reloading mid-transfer)
        # is not a failure of the preview.
        pass


def make_server(state: PreviewState, host: str, port: int) -> PreviewServer:
    handler = type("BoundPreviewHandler", (PreviewHandler,), {"state": state})
    return PreviewServer((host, port), handler)


def serve_in_background(server: PreviewServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, name="preview-http", daemon=True)
    thread.start()
    return thread
