"""The site search index: Pagefind's extended build over the merged two-language site.

Why Pagefind (extended) and not Material's search plugin: Material's lunr index with
TinySegmenter misses kana words such as 「ふるさと納税」 (FIELD-NOTES); Pagefind's extended
binary segments Japanese text when indexing, keeps one index per `<html lang>` (so a reader
gets results in the language of the page they search from), loads index chunks on demand,
and runs from the static files alone. The binary ships inside the `pagefind_bin_extended`
wheel, so the build works offline.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

BUNDLE_DIR = "pagefind"

# Parts of every page that are not its content: indexing them would make every page match
# the words of the navigation (「企業版ふるさと納税」 is in every page's menu).
EXCLUDE_SELECTORS = (
    ".md-header",
    ".md-sidebar",
    ".md-footer",
    ".md-skip",
    ".headerlink",
    "[data-sg-search]",
)


class SearchIndexError(RuntimeError):
    """Pagefind failed; the build must fail rather than publish a site without search."""


def pagefind_executable() -> Path:
    """The extended binary, explicitly: the plain one does not segment Japanese."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:  # pragma: no cover - depends on the installed wheel
        raise SearchIndexError("pagefind[extended] is not installed (see requirements.txt)") from exc
    return get_executable()


def index_command(site: Path) -> list[str]:
    cmd = [str(pagefind_executable()), "--site", str(site), "--output-subdir", BUNDLE_DIR,
           "--glob", "**/index.html", "--silent"]  # pages only, not the 404 pages
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    return cmd


def build_search_index(site: Path) -> None:
    """Write site/pagefind/ (the index for every language found in the pages)."""
    run = subprocess.run(index_command(site), capture_output=True, text=True)
    if run.returncode != 0:
        raise SearchIndexError("検索インデックスを作れませんでした / building the search index failed:\n"
                               + (run.stdout + run.stderr).strip())
    _sort_entry(site / BUNDLE_DIR / "pagefind-entry.json")


def _sort_entry(entry: Path) -> None:
    """Pagefind writes its languages in hash-map order, which changes from run to run;
    sorted, two builds of the same data are byte-identical (the browser reads it as JSON)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
