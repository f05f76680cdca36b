"""MkDocs adapter: hands the pages that `sitegen` makes from data/*.yaml to MkDocs.

Thin on purpose: everything that reads data or decides what a page says lives in
`sitegen/` and is tested without MkDocs. One MkDocs run builds one language
(`extra.lang` in mkdocs.yml / mkdocs.en.yml); `python -m sitegen build` runs both.
"""
from __future__ import annotations

import dataclasses
import gc
import logging
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from sitegen.build import VALIDATED_DATASET_ENV  # noqa: E402
from sitegen.context import BuildContext  # noqa: E402
from sitegen.errors import DataErrors  # noqa: E402
from sitegen.pages import Output, StaticFile, UnknownFragment  # noqa: E402
from sitegen.sections import generate  # noqa: E402
from sitegen.site_meta import page_links  # noqa: E402
from sitegen.today import site_today  # noqa: E402
from sitegen.validate import load_dataset  # noqa: E402

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.sitegen")

_state: dict = {}

# Material's own search (lunr and its web worker, about 1.2 MB per language): the site searches
# with Pagefind (sitegen/search.py) and Material's search plugin is off, so nothing loads them.
UNUSED_THEME_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


# --- Hooks ----------------------------------------------------------------------

def on_config(config: "MkDocsConfig") -> "MkDocsConfig":
    """Load and validate the data once per build (and on every `mkdocs serve` rebuild)."""
    lang = config.extra["lang"]
    try:
        ds = _validated_dataset()
        today = site_today()
    except DataErrors as exc:
        raise PluginError("\n" + exc.report())
    base_url = os.environ.get("SITE_URL", "").strip()
    if base_url:
        base_url = base_url.rstrip("/") + "/"
        config.site_url = base_url + ("en/" if lang == "en" else "")
    ctx = BuildContext(ds=ds, lang=lang, today=today, site_url=base_url)
    output = generate(ctx)
    _state.clear()
    _state.update(ctx=ctx, output=output)
    return config


def _validated_dataset():
    """The data `python -m sitegen build` validated for this run, else load it now (serve)."""
    validated = os.environ.get(VALIDATED_DATASET_ENV)
    if validated:
        with open(validated, "rb") as f:
            return pickle.load(f)  # written by sitegen.build a moment ago, in its temp folder
    return load_dataset(ROOT)


def on_files(files: "Files", config: "MkDocsConfig") -> "Files":
    """Add the generated record and listing pages, feeds and downloads, fill the hand-written
    pages' data fragments, then let go of the data (see _release_data)."""
    ctx: BuildContext = _state["ctx"]
    out: Output = _state["output"]
    editable = bool(config.repo_url)  # without a repository there is nothing to edit
    for f in [f for f in files if f.src_uri.startswith(UNUSED_THEME_ASSETS)]:
        files.remove(f)
    for f in files.documentation_pages():
        f.edit_uri = f"content/{ctx.lang}/{f.src_uri}" if editable else None
        f.content_string = _fill_fragments(out, f)  # MkDocs reads the page from here, not the disk
    for page in out.pages:
        if files.get_file_from_path(page.src_uri):
            raise PluginError(f"content/{ctx.lang}/{page.src_uri}: このページはデータから作られます / "
                              f"this page is generated from data; remove the hand-written file")
        f = File.generated(config, page.src_uri, content=page.markdown(), inclusion=InclusionLevel.NOT_IN_NAV)
        f.edit_uri = page.edit[0] if page.edit and editable else None
        files.append(f)
    staging = _stage(out.files)
    for static in out.files:
        files.append(File(static.path, str(staging), config.site_dir, config.use_directory_urls))
    if ctx.lang == "ja":  # report PDFs and other shared downloads live once, at the root
        shared = ROOT / "content" / "files"
        for path in sorted(shared.rglob("*")) if shared.is_dir() else ():
            if path.is_file():
                files.append(File(str(path.relative_to(ROOT / "content")), str(ROOT / "content"),
                                  config.site_dir, config.use_directory_urls))
    _release_data(staging)
    return files


def _stage(statics: list[StaticFile]) -> Path:
    """Feeds, calendars and open data written to a temporary folder that MkDocs copies from,
    rather than kept in memory until MkDocs copies them at the end (the open data alone is
    tens of megabytes at 10,000 records). Removed after the build (on_post_build)."""
    staging = Path(tempfile.mkdtemp(prefix="sitegen-files-"))
    for static in statics:
        target = staging / static.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(static.content)
    return staging


def on_post_build(config: "MkDocsConfig") -> None:
    _remove_staging()


def on_build_error(error: Exception) -> None:
    _remove_staging()


def _remove_staging() -> None:
    staging = _state.pop("staging", None)
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)


def _fill_fragments(out: Output, f: File) -> str:
    """A hand-written page's source with <!-- sitegen:NAME --> replaced by data (recent news,
    key figures), done while the data is still here: it goes before MkDocs renders the pages."""
    try:
        return out.fill_fragments(f.content_string, f.url)
    except UnknownFragment as exc:
        name = exc.args[0]
        raise PluginError(f"{f.src_uri}: 不明な差し込み「{name}」 / unknown fragment '{name}' "
                          f"(known: {', '.join(sorted(out.fragments))})")


def _release_data(staging: Path) -> None:
    """Keep only what the remaining hooks read: each generated page's contact and the site
    file. The records and the generated Markdown (now held by
    MkDocs' files) go, so that MkDocs reuses their memory for the pages it renders; at 10,000
    projects the records alone are hundreds of megabytes in each language run."""
    ctx: BuildContext = _state["ctx"]
    out: Output = _state["output"]
    contacts = {p.url: p.contact for p in out.pages if p.contact is not None}
    _state.clear()
    _state.update(ctx=dataclasses.replace(ctx, ds=ctx.ds.site_only()), contacts=contacts, staging=staging)
    gc.collect()


def on_page_content(html: str, page: "Page", config: "MkDocsConfig", files: "Files") -> str:
    """Drop the page's Markdown once it is HTML. MkDocs renders every page before it writes
    any and keeps each page's source until the end; nothing here (no search plugin, no blog)
    reads it again, and at 10,000 projects it is a second copy of the site in each language run.
    Every page's File holds it too (generated pages, and hand-written ones with their fragments
    filled in by on_files), and MkDocs reads it once."""
    page.markdown = ""  # not None: MkDocs reads None as "not read yet" (Page.title is then None)
    page.file.content_string = ""  # read once for rendering; the page is written as HTML, not copied
    return html


def on_page_context(context: dict, page: "Page", config: "MkDocsConfig", nav) -> dict:
    """Language alternates, canonical URL and metadata for the theme's <head>."""
    context["sg"] = page_links(_state["ctx"], page.url, page.meta, _state["contacts"].get(page.url))
    return context
