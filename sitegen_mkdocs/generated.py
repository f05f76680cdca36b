"""One language's generated pages, written to a folder for MkDocs to read.

`python -m sitegen build` runs this in a process of its own for each language, before that
language's MkDocs run: the records and the work of making pages from them stay in that
process and are given back to the system when it ends, so the MkDocs run holds only the
Markdown it renders (at 10,000 projects the records alone are most of a gigabyte, and
Python keeps memory it has freed). Plain `mkdocs build` and the preview call it in-process
(hooks/site.py, serve/worker.py).

The folder holds:
    pages/<src_uri>     generated pages (Markdown with front matter)
    filled/<src_uri>    hand-written pages whose <!-- sitegen:NAME --> fragments were filled in
    files/<path>        feeds, calendars and open data
    manifest.pickle     a Manifest: what the MkDocs hooks need besides the files
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pickle
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sitegen.context import BuildContext
from sitegen.models.site import Contact
from sitegen.pages import Output, UnknownFragment
from sitegen.sections import section_outputs
from sitegen.today import site_today

PAGES, FILLED, FILES = "pages", "filled", "files"
MANIFEST = "manifest.pickle"


@dataclass(frozen=True)
class Manifest:
    ctx: BuildContext  # with the site file only (Dataset.site_only): per-page metadata reads it
    pages: dict[str, str | None]  # generated page src_uri -> the data file it is edited in
    contacts: dict[str, Contact]  # page url -> who answers for it, when not the program's department
    filled: tuple[str, ...]  # hand-written pages (src_uri) with a filled copy under filled/
    files: tuple[str, ...]  # static file paths under files/


class GenerationError(Exception):
    """A hand-written page that cannot be built: it names an unknown fragment, or has the
    path of a generated page. The message is bilingual and names the file."""


def language_context(ds, lang: str, today: dt.date | None = None) -> BuildContext:
    """The context every page of one language is made with. SITE_URL is the Japanese root;
    today defaults to SITE_TODAY (or today's date in Japan)."""
    base_url = os.environ.get("SITE_URL", "").strip()
    return BuildContext(ds=ds, lang=lang, today=today or site_today(),
                        site_url=base_url.rstrip("/") + "/" if base_url else "")


def write_language(ctx: BuildContext, content_dir: Path, dest: Path) -> Manifest:
    """Make one language's pages and files from the data into dest; return (and save) the manifest.

    Section by section, each section's pages written and let go before the next is made."""
    pages: dict[str, str | None] = {}
    contacts: dict[str, Contact] = {}
    files: list[str] = []
    fragments = Output()
    for part in section_outputs(ctx):
        for page in part.pages:
            if page.src_uri in pages:
                raise AssertionError(f"two sections make the page {page.url!r}")
            with _create(dest / PAGES / page.src_uri) as stream:
                stream.write(page.markdown().encode("utf-8"))
            pages[page.src_uri] = page.edit[0] if page.edit else None
            if page.contact is not None:
                contacts[page.url] = page.contact
        for static in part.files:
            with _create(dest / FILES / static.path) as stream:
                static.write_to(stream)
            files.append(static.path)
        fragments.fragments.update(part.fragments)
    filled = _fill_hand_written(fragments, ctx.lang, content_dir, dest, set(pages))
    manifest = Manifest(ctx=dataclasses.replace(ctx, ds=ctx.ds.site_only()), pages=dict(sorted(pages.items())),
                        contacts=contacts, filled=tuple(filled), files=tuple(sorted(files)))
    (dest / MANIFEST).write_bytes(pickle.dumps(manifest, protocol=pickle.HIGHEST_PROTOCOL))
    return manifest


def read_manifest(dest: Path) -> Manifest:
    with open(dest / MANIFEST, "rb") as f:
        return pickle.load(f)  # written by write_language for this very build


def _fill_hand_written(out: Output, lang: str, content_dir: Path, dest: Path, generated: set[str]) -> list[str]:
    """Fill the fragments of the hand-written pages into copies under filled/ (done here,
    where the data is); refuse a hand-written page where a generated one goes."""
    filled = []
    for path in sorted(content_dir.rglob("*.md")):
        src_uri = path.relative_to(content_dir).as_posix()
        if src_uri in generated:
            raise GenerationError(f"content/{lang}/{src_uri}: このページはデータから作られます / "
                                  f"this page is generated from data; remove the hand-written file")
        text = path.read_text(encoding="utf-8")
        try:
            new = out.fill_fragments(text, page_url(src_uri))
        except UnknownFragment as exc:
            name = exc.args[0]
            raise GenerationError(f"{src_uri}: 不明な差し込み「{name}」 / unknown fragment '{name}' "
                                  f"(known: {', '.join(sorted(out.fragments))})") from None
        if new != text:
            with _create(dest / FILLED / src_uri) as stream:
                stream.write(new.encode("utf-8"))
            filled.append(src_uri)
    return filled


def page_url(src_uri: str) -> str:
    """The site path MkDocs gives a Markdown file (use_directory_urls): about.md -> 'about/'."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    path = folder if name in ("index", "README") else stem
    return path + "/" if path else ""


def _create(path: Path) -> BinaryIO:
    """A new file at path, opened for writing, its folders made first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "wb")
