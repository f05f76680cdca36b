"""The pages the preview shows instead of the site: the data's mistakes, or "building".

Self-contained (styles inline, no theme), because the theme's pages are what failed to
build. Every text from the data is escaped. Japanese first, then English, as in the terminal."""
from __future__ import annotations

from html import escape

from .state import Problem

RELOAD_SCRIPT_PATH = "/__sitegen/reload.js"
VERSION_PATH = "/__sitegen/version"

# Waits for the preview to change (the server answers VERSION_PATH?since=V when the version
# is no longer V, or after a while with the same one) and reloads the page when it has.
# A failed request (the server restarting) is retried a second later.
RELOAD_SCRIPT = """(function () {
  "use strict";
  var version = document.currentScript.getAttribute("data-version");
  function wait() {
    fetch("%s?since=" + encodeURIComponent(version), { cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (data) {
        if (data.version !== version) location.reload(); else wait();
      }, function () { setTimeout(wait, 1000); });
  }
  wait();
})();
""" % VERSION_PATH

_STYLE = """
body { font-family: system-ui, "Noto Sans CJK JP", sans-serif; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; line-height: 1.6; color: #1a1a1a; }
h1 { font-size: 1.5rem; color: #a00; }
ol { padding-left: 1.5rem; }
li { margin: 0.5rem 0; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.95em; }
.where { background: #fbeaea; padding: 0 0.25em; border-radius: 3px; }
pre { background: #f4f4f4; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
"""


def reload_tag(version: str) -> str:
    return f'<script src="{RELOAD_SCRIPT_PATH}" data-version="{escape(version)}"></script>'


def problem_page(problem: Problem, version: str) -> str:
    """Every mistake as the terminal prints it (file:line:col path: 日本語 / English)."""
    items = []
    for error in problem.errors:
        where = f"{error.file}:{error.line}:{error.column}"
        rest = error.format()[len(where):]  # the path and the messages, as DataError writes them
        items.append(f'<li><code class="where">{escape(where)}</code>{escape(rest)}</li>')
    body = []
    if problem.errors:
        n = len(problem.errors)
        body.append(f"<h1>データに{n}件の誤りがあります / {n} mistake(s) in the data</h1>")
        body.append(f"<ol>{''.join(items)}</ol>")
    for lang, message in problem.failures:
        body.append(f"<h1>サイトを作れませんでした({lang}) / the {lang} site could not be built</h1>")
        body.append(f"<pre>{escape(message)}</pre>")
    body.append("<p>直して保存すると、このページは自動でサイトの表示に戻ります。"
                "それまでは前回のプレビューも公開用のサイトも変わりません。<br>"
                "Fix them and save: this page turns back into the site by itself. "
                "Until then neither the last preview nor the published site changes.</p>")
    return _page("データに誤りがあります / Mistakes in the data", "\n".join(body), version)


def building_page(version: str) -> str:
    return _page("プレビューを作成中 / Building the preview",
                 "<h1>プレビューを作成しています… / Building the preview…</h1>"
                 "<p>できあがると自動で表示します。 / The site shows here as soon as it is built.</p>",
                 version)


def _page(title: str, body: str, version: str) -> str:
    return (f'<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)} – プレビュー / preview</title>\n<style>{_STYLE}</style>\n</head>\n"
            f"<body>\n<main>\n{body}\n</main>\n{reload_tag(version)}\n</body>\n</html>\n")
