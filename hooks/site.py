"""MkDocs adapter: hands the pages that `sitegen` makes from data/*.yaml to MkDocs.

Thin on purpose: everything that reads data or decides what a page says lives in
`sitegen/` and is tested without MkDocs. One MkDocs run builds one language
(`extra.lang` in mkdocs.yml / mkdocs.en.yml); `python -m sitegen build` runs both, each
over the pages sitegen_mkdocs/generated.py wrote for it in a process of its own.

The project being built need not be this repository: the build's configuration
(sitegen_mkdocs/configs.py) names its root and the folder of its generated pages in
`extra.sitegen`, and points MkDocs at these hooks and the theme overrides beside them.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit
from typing import TYPE_CHECKING

GENERATOR = Path(__file__).resolve().parent.parent  # sitegen/ and sitegen_mkdocs/ are here
if str(GENERATOR) not in sys.path:  # hooks are loaded by path, not as part of a package
    sys.path.insert(0, str(GENERATOR))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402
from mkdocs.utils import normalize_url  # noqa: E402

from sitegen.context import LANGS, BuildContext  # noqa: E402
from sitegen.errors import DataErrors  # noqa: E402
from sitegen.site_meta import not_found_texts, page_links  # noqa: E402
from sitegen.validate import load_dataset  # noqa: E402
from sitegen_mkdocs.configs import EXTRA_KEY  # noqa: E402
from sitegen_mkdocs.html_blocks import HtmlBlocksExtension  # noqa: E402
from sitegen_mkdocs.generated import (FILES, FILLED, PAGES, GenerationError, Manifest,  # noqa: E402
                                      language_context, read_manifest, write_language)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_state: dict = {}

# Material's own search (lunr and its web worker, about 1.2 MB per language): the site searches
# with Pagefind (sitegen_mkdocs/search.py) and Material's search plugin is off, so nothing loads them.
UNUSED_THEME_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


# --- Hooks ----------------------------------------------------------------------

def on_config(config: "MkDocsConfig") -> "MkDocsConfig":
    """Find the project and this language's generated pages: written by `python -m sitegen build`
    (or the preview) before this run, or made now (plain `mkdocs build` or `mkdocs serve` of a
    project's own mkdocs.yml, on every rebuild) into a folder of this run's own."""
    # Taken out of `extra` so that the theme never sees the build's temporary paths.
    build = config.extra.pop(EXTRA_KEY, None) or {}
    root = Path(build.get("root") or Path(config.config_file_path).parent)
    folder = build.get("generated")
    _state.clear()
    _state["root"] = root
    if folder:
        _state.update(folder=Path(folder), manifest=read_manifest(Path(folder)))
    else:
        own = Path(tempfile.mkdtemp(prefix="sitegen-pages-"))
        _state.update(folder=own, own=own, manifest=_generate(config, root, own))
    # this language's root under SITE_URL, as the pages were made with it ('' without SITE_URL)
    config.site_url = _state["manifest"].ctx.absolute("") or config.site_url
    # the pages' HTML blocks found faster than Python-Markdown finds them, with the same result
    config.markdown_extensions.append(HtmlBlocksExtension())
    return config


def _generate(config: "MkDocsConfig", root: Path, folder: Path) -> Manifest:
    try:
        ctx = language_context(load_dataset(root), config.extra["lang"])
        return write_language(ctx, Path(config.docs_dir), folder)
    except DataErrors as exc:
        raise PluginError("\n" + exc.report())
    except GenerationError as exc:
        raise PluginError(str(exc))


def on_files(files: "Files", config: "MkDocsConfig") -> "Files":
    """Add the generated record and listing pages, feeds and downloads, and put the filled-in
    copies of hand-written pages with data fragments in place of their sources."""
    folder: Path = _state["folder"]
    manifest: Manifest = _state["manifest"]
    lang = config.extra["lang"]
    editable = bool(config.repo_url)  # without a repository there is nothing to edit
    for f in [f for f in files if f.src_uri.startswith(UNUSED_THEME_ASSETS)]:
        files.remove(f)
    for f in files.documentation_pages():
        f.edit_uri = f"content/{lang}/{f.src_uri}" if editable else None
        if f.src_uri in manifest.filled:  # MkDocs reads the page from content_string, not the disk
            f.content_string = (folder / FILLED / f.src_uri).read_text(encoding="utf-8")
    for src_uri, edit in manifest.pages.items():
        f = File(src_uri, str(folder / PAGES), config.site_dir, config.use_directory_urls,
                 inclusion=InclusionLevel.NOT_IN_NAV)
        f.edit_uri = edit if edit and editable else None
        files.append(f)
    for path in manifest.files:
        files.append(File(path, str(folder / FILES), config.site_dir, config.use_directory_urls))
    if lang == "ja":  # report PDFs and other shared downloads live once, at the root
        content = _state["root"] / "content"
        shared = content / "files"
        for path in sorted(shared.rglob("*")) if shared.is_dir() else ():
            if path.is_file():
                files.append(File(str(path.relative_to(content)), str(content),
                                  config.site_dir, config.use_directory_urls))
    return files


def on_post_build(config: "MkDocsConfig") -> None:
    _remove_own_folder()


def on_build_error(error: Exception) -> None:
    _remove_own_folder()


def _remove_own_folder() -> None:
    own = _state.pop("own", None)
    if own is not None:
        shutil.rmtree(own, ignore_errors=True)


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
    manifest: Manifest = _state["manifest"]
    context["sg"] = page_links(manifest.ctx, page.url, page.meta, manifest.contacts.get(page.url))
    return context


# Material's base.html writes a hidden checkbox that opens its own search, which is off here
# (the site searches with Pagefind, partials/search.html): a form control nobody can use, and
# invalid HTML (autocomplete on a checkbox). Its bundle looks the element up when it loads and
# fails without one, so a hidden input takes its place: never "checked", Material's search
# state stays closed. base.html has no block around it, hence this replacement of the output.
THEME_SEARCH_TOGGLE = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
INERT_SEARCH_TOGGLE = '<input type="hidden" data-md-toggle="search">'


def on_post_page(output: str, page: "Page", config: "MkDocsConfig") -> str:
    return output.replace(THEME_SEARCH_TOGGLE, INERT_SEARCH_TOGGLE, 1)


def on_post_template(output: str, template_name: str, config: "MkDocsConfig") -> str:
    return output.replace(THEME_SEARCH_TOGGLE, INERT_SEARCH_TOGGLE, 1) if template_name == "404.html" else output


def not_found_links(ctx: BuildContext) -> dict:
    """Root-relative addresses for the 404 page, which a host serves at any missing address
    (so relative links would point anywhere): the path of SITE_URL, or '/' without it (a
    local build served from its root). GitHub Pages serves the root 404.html for every missing
    address, English ones too; hosts that look for the nearest 404.html serve en/404.html.
    The page speaks both languages, so it gets the interface text of both (from the catalog)."""
    root = urlsplit(ctx.site_url).path if ctx.site_url else "/"
    root = root if root.endswith("/") else root + "/"
    homes = {"ja": root, "en": root + "en/"}
    return {"lang": ctx.lang, "home": homes[ctx.lang], "homes": homes,
            "texts": {lang: not_found_texts(lang) for lang in LANGS}}


def on_template_context(context: dict, template_name: str, config: "MkDocsConfig") -> dict:
    """The 404 page's addresses start at this language's root path (MkDocs gives it the path of
    site_url, which without SITE_URL is '/' in both languages: the English 404 page would load
    the Japanese search)."""
    if template_name == "404.html":
        links = not_found_links(_state["manifest"].ctx)
        base = links["home"]
        context["base_url"] = base
        context["extra_css"] = [normalize_url(str(path), None, base) for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(path), None, base) for path in config.extra_javascript]
        context["sg_404"] = links
    return context
