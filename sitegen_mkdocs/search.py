"""The site search index: Pagefind's extended build, one index per language.

Why Pagefind (extended) and not Material's search plugin: Material's lunr index with
TinySegmenter misses kana words such as 「ふるさと納税」 (FIELD-NOTES); Pagefind's extended
binary segments Japanese text when indexing, loads index chunks on demand,
and runs from the static files alone. The binary ships inside the `pagefind_bin_extended`
wheel, so the build works offline.

A large site's index is written in parts. Pagefind holds every page it indexes in memory
until it writes the bundle, so one run over 10,000 projects and 1,000 calls needs 2.5 GB.
The pages of a language are therefore dealt out to as many Pagefind runs as keep each run
under a budget, one run after the other. Each run writes a bundle of its own: the first
at /pagefind/ (/en/pagefind/), the others below it in part-2/, part-3/ and so on.
`parts.json` in the first bundle lists the others, and the page's search script merges
them into the first (Pagefind's mergeIndex). A merged bundle reuses the first bundle's
WebAssembly, so a part adds to a search only its own metadata and the index chunk it needs.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from pathlib import Path

from . import phases

BUNDLE_DIR = "pagefind"  # under each language's root: /pagefind/ and /en/pagefind/
PARTS_FILE = "parts.json"  # in the first bundle: the other parts' folders, relative to it

# Where each language's pages live in the merged site (the site contract: Japanese at the root).
LANGUAGE_ROOTS = {"ja": "", "en": "en"}

# What one Pagefind run may index: bytes of page HTML from the data-pagefind-body mark to
# the end of the page, that is the content and not the navigation before it. Measured with
# Pagefind 1.5.2 extended, a run needs 16 to 19 bytes of memory per such byte (a project page:
# 5 KB -> 85 KB; 600 call pages: 31 MB -> 0.59 GB), plus 0.36 GB for the Japanese dictionary,
# so 80 MB keeps a run under 2 GB. Fewer parts make a search lighter (each part adds its
# index chunk, about 12 KB gzip), so the budget is as large as memory allows.
# SITEGEN_SEARCH_PART_MB lowers it for machines with less memory.
DEFAULT_PART_MB = 80.0
PART_MB_ENV = "SITEGEN_SEARCH_PART_MB"
_BODY_MARK = b"data-pagefind-body"

# Parts of every page that are not its content: indexing them would make every page match
# the words of the navigation (「企業版ふるさと納税」 is in every page's menu). Pages carry
# data-pagefind-body on their content (overrides/partials/content.html), which already leaves
# out the page footer; these selectors also cover anything drawn inside the content area.
EXCLUDE_SELECTORS = (
    ".md-header",
    ".md-sidebar",
    ".md-footer",
    ".md-skip",
    ".headerlink",
    "[data-sg-search]",
)

# What a merged part needs: its entry file, metadata, index chunks, fragments and filters.
# Its script, styles and WebAssembly (about 1 MB) would never be loaded (the first bundle's are).
_PART_FILES_NOT_LOADED = ("*.js", "*.css", "wasm.*")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the build must fail rather than publish a site without search."""


def pagefind_executable() -> Path:
    """The extended binary, explicitly: the plain one does not segment Japanese."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:  # pragma: no cover - depends on the installed wheel
        raise SearchIndexError("pagefind[extended] is not installed (see requirements.txt)") from exc
    return get_executable()


def language_pages(site: Path, lang: str) -> list[Path]:
    """One language's pages as paths relative to the site root, sorted.

    Only index.html files: the 404 pages are not search results. The Japanese pages are
    everything outside the other languages' roots and the bundles."""
    root = site / LANGUAGE_ROOTS[lang]
    skip = {site / r for other, r in LANGUAGE_ROOTS.items() if r and other != lang} | {bundle_dir(site, lang)}
    pages = [path.relative_to(site) for path in root.rglob("index.html")
             if not any(folder in path.parents for folder in skip)]
    return sorted(pages)


def bundle_dir(site: Path, lang: str) -> Path:
    return site / LANGUAGE_ROOTS[lang] / BUNDLE_DIR  # site / "" is site itself


def part_dirs(first: Path, count: int) -> list[Path]:
    """Where each part's bundle goes: the first bundle, then part-2/, part-3/... inside it."""
    return [first] + [first / f"part-{n}" for n in range(2, count + 1)]


def split_pages(site: Path, pages: list[Path], part_bytes: float) -> list[list[Path]]:
    """Deal the pages out to as few parts as keep each under part_bytes of indexed HTML.

    Dealt in turn (page i to part i mod n) rather than cut in runs, so that each part holds
    the same mix of sections: Pagefind ranks with statistics of its own bundle (how common a
    word is, how long pages are), and like bundles keep merged results comparable."""
    total = sum(indexed_bytes(site / page) for page in pages)
    count = max(1, math.ceil(total / part_bytes))
    return [pages[n::count] for n in range(count) if pages[n::count]]


def indexed_bytes(page: Path) -> int:
    """What Pagefind's memory grows with for this page: its HTML from the data-pagefind-body
    mark on (0 without the mark: Pagefind then skips the page)."""
    html = page.read_bytes()
    start = html.find(_BODY_MARK)
    return 0 if start < 0 else len(html) - start


def index_command(site: Path, output: Path, lang: str) -> list[str]:
    # URLs are relative to --site: a part's folder mirrors the site's paths (see _part_site).
    cmd = [str(pagefind_executable()), "--site", str(site), "--output-path", str(output),
           "--glob", "**/index.html", "--force-language", lang, "--silent"]
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    return cmd


def build_search_index(site: Path, part_mb: float | None = None) -> None:
    """Write each language's search index: site/pagefind/ and site/en/pagefind/.

    One language after the other, and one part after the other: only the Japanese runs load
    the Japanese dictionary, and the build's peak memory is that of its largest run."""
    if part_mb is None:
        part_mb = float(os.environ.get(PART_MB_ENV) or DEFAULT_PART_MB)
    env = _pagefind_env()
    for lang in LANGUAGE_ROOTS:
        parts = split_pages(site, language_pages(site, lang), part_mb * 1_000_000)
        outputs = part_dirs(bundle_dir(site, lang), len(parts))
        for pages, output in zip(parts, outputs):
            _index_part(site, pages, output, lang, env)
        for output in outputs[1:]:
            for pattern in _PART_FILES_NOT_LOADED:
                for path in output.glob(pattern):
                    path.unlink()
        listed = [output.relative_to(outputs[0]).as_posix() + "/" for output in outputs[1:]]
        (outputs[0] / PARTS_FILE).write_text(json.dumps({"parts": listed}) + "\n", encoding="utf-8")


def _index_part(site: Path, pages: list[Path], output: Path, lang: str, env: dict) -> None:
    with tempfile.TemporaryDirectory(prefix=".search-part-", dir=site.parent) as tmp:
        part_site = _part_site(site, pages, Path(tmp))
        run = phases.run(f"search index {lang} ({len(pages)} pages)", index_command(part_site, output, lang), env=env)
    if run.returncode != 0:
        raise SearchIndexError(f"検索インデックスを作れませんでした / building the search index failed ({lang}):\n"
                               + (run.stdout + run.stderr).strip())


def _part_site(site: Path, pages: list[Path], folder: Path) -> Path:
    """A folder holding just these pages at their site paths (hard links, so no copying):
    Pagefind takes a folder and a glob, and no glob names an arbitrary list of pages."""
    for page in pages:
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target)
        except OSError:  # another file system, or links not allowed
            shutil.copy2(site / page, target)
    return folder


def _pagefind_env() -> dict:
    """Pagefind's allocator (jemalloc, read from _RJEM_MALLOC_CONF) keeps freed pages for
    10 s by default; returning them at once lowers the run's peak by about a tenth (measured:
    300 call pages, 704 MB -> 618 MB) for about 7 % more time. Ignored by a binary without it."""
    return dict(os.environ, _RJEM_MALLOC_CONF="dirty_decay_ms:0,muzzy_decay_ms:0")
