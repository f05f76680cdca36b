"""MkDocs adapter: hands the pages that `sitegen` makes from data/*.yaml to MkDocs.

Thin on purpose: everything that reads data or decides what a page says lives in
`sitegen/` and is tested without MkDocs. One MkDocs run builds one language
(`extra.lang` in mkdocs.yml / mkdocs.en.yml); `python -m sitegen build` runs both.
"""
from __future__ import annotations

import logging
import os
import pickle
import sys
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
from sitegen.pages import Output, UnknownFragment  # noqa: E402
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
    _state.update(ctx=ctx, output=output, pages_by_url={p.url: p for p in output.pages})
    return config


def _validated_dataset():
    """The data `python -m sitegen build` validated for this run, else load it now (serve)."""
    validated = os.environ.get(VALIDATED_DATASET_ENV)
    if validated:
        with open(validated, "rb") as f:
            return pickle.load(f)  # written by sitegen.build a moment ago, in its temp folder
    return load_dataset(ROOT)


def on_files(files: "Files", config: "MkDocsConfig") -> "Files":
    """Add the generated record and listing pages, feeds and downloads."""
    ctx: BuildContext = _state["ctx"]
    out: Output = _state["output"]
    editable = bool(config.repo_url)  # without a repository there is nothing to edit
    for f in files.documentation_pages():
        f.edit_uri = f"content/{ctx.lang}/{f.src_uri}" if editable else None
    for page in out.pages:
        if files.get_file_from_path(page.src_uri):
            raise PluginError(f"content/{ctx.lang}/{page.src_uri}: このページはデータから作られます / "
                              f"this page is generated from data; remove the hand-written file")
        f = File.generated(config, page.src_uri, content=page.markdown(), inclusion=InclusionLevel.NOT_IN_NAV)
        f.edit_uri = page.edit[0] if page.edit and editable else None
        files.append(f)
    for static in out.files:
        files.append(File.generated(config, static.path, content=static.content))
    if ctx.lang == "ja":  # report PDFs and other shared downloads live once, at the root
        shared = ROOT / "content" / "files"
        for path in sorted(shared.rglob("*")) if shared.is_dir() else ():
            if path.is_file():
                files.append(File(str(path.relative_to(ROOT / "content")), str(ROOT / "content"),
                                  config.site_dir, config.use_directory_urls))
    return files


def on_page_markdown(markdown: str, page: "Page", config: "MkDocsConfig", files: "Files") -> str:
    """Replace <!-- sitegen:NAME --> in hand-written pages with data (recent news, key figures)."""
    out: Output = _state["output"]
    try:
        return out.fill_fragments(markdown, page.url)
    except UnknownFragment as exc:
        name = exc.args[0]
        raise PluginError(f"{page.file.src_uri}: 不明な差し込み「{name}」 / unknown fragment '{name}' "
                          f"(known: {', '.join(sorted(out.fragments))})")


def on_page_context(context: dict, page: "Page", config: "MkDocsConfig", nav) -> dict:
    """Language alternates, canonical URL and metadata for the theme's <head>."""
    generated = _state["pages_by_url"].get(page.url)
    context["sg"] = page_links(_state["ctx"], page.url, page.meta, generated.contact if generated else None)
    return context
