"""One language of the preview, built in a worker process that stays warm between builds.

`python -m sitegen build` starts a fresh Python for each step, which is right for a one-off
build (each step gives its memory back) but costs seconds of start-up and imports on every
save. The preview keeps one worker process per language instead (builder.py):
each has MkDocs, Material and the data layer imported, and builds its language in-process,
the two languages side by side on two cores.

This is the only module of the preview that uses MkDocs (like hooks/site.py, it is an
adapter; the core modules that make page content do not import it), and it imports MkDocs only
inside the functions the workers run: the server process never loads it.
"""
from __future__ import annotations

import logging
import os
import signal
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import DataError, DataErrors
from sitegen.render import InMemoryBytecodeCache
from sitegen.validate import load_dataset

from ..configs import write_config
from ..generated import GenerationError, language_context, write_language


@dataclass(frozen=True)
class LanguageResult:
    """What a worker hands back (pickled): the data's mistakes, or another failure, or neither."""
    lang: str
    seconds: float
    errors: tuple[DataError, ...] = ()  # the data's mistakes (file:line messages)
    failure: str | None = None  # anything else that stopped the build (a page, the theme, MkDocs)

    @property
    def ok(self) -> bool:
        return not self.errors and self.failure is None


class _Warnings(logging.Handler):
    """MkDocs' warnings of the current build: under `strict` they are why it aborted, so they
    go into the failure message (and are not printed by the worker: the server prints it)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_warnings = _Warnings()
_template_cache: InMemoryBytecodeCache | None = None  # this worker's, made by warm_up


def warm_up() -> None:
    """Worker initializer: import what a build needs once, and set up what the builds of this
    worker share. Ctrl-C in the terminal reaches every process of the group: the workers leave
    stopping to the server, which shuts them down in order."""
    global _template_cache
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="exit-with-parent", daemon=True).start()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import material  # noqa: F401  (the theme's modules: imported now rather than on the first save)
    import mkdocs.commands.build  # noqa: F401
    from sitegen.sections import section_outputs  # noqa: F401

    _template_cache = InMemoryBytecodeCache()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(_warnings)
    logger.propagate = False


def _exit_with_parent(parent: int) -> None:
    """A worker waits for work from the server for as long as the server lives; if the server
    is killed (no chance to shut its workers down) the worker is handed to another parent, and
    ends itself rather than wait for ever."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def build_language(root: Path, lang: str, dest: Path) -> LanguageResult:
    """Validate the data, generate this language's pages, and build them with MkDocs into dest.

    The generated pages are left in dest's parent folder (generated-<lang>), which the
    builder removes with the build: removing them here would delay the page by a tenth of a second."""
    start = time.perf_counter()
    generated = dest.parent / f"generated-{lang}"
    try:
        ds = load_dataset(root)
        write_language(language_context(ds, lang), root / "content" / lang, generated)
        del ds  # the manifest holds what the hooks need; the records need not wait for MkDocs
        failure = _mkdocs_build(root, lang, dest, generated)
    except DataErrors as exc:
        return LanguageResult(lang, time.perf_counter() - start, errors=tuple(exc.errors))
    except GenerationError as exc:
        failure = str(exc)
    return LanguageResult(lang, time.perf_counter() - start, failure=failure)


def _mkdocs_build(root: Path, lang: str, dest: Path, generated: Path) -> str | None:
    """MkDocs over the generated pages (as `python -m sitegen build` runs it, in-process).
    Returns why it failed, or None."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.plugins import BasePlugin

    class TemplateCache(BasePlugin):
        def on_env(self, env, config, files):
            env.bytecode_cache = _template_cache
            return env

    _warnings.messages.clear()
    try:
        # the project's configuration with the generator's hooks and theme (configs.py), which
        # also tells the hooks where the pages were generated
        config = load_config(str(write_config(root, lang, dest.parent / "configs", generated)), site_dir=str(dest))
        config.plugins["sitegen-preview-template-cache"] = TemplateCache()
        build(config)
    except MkDocsException as exc:  # strict's Abort, a hook's PluginError, a bad mkdocs.yml
        return "\n".join([*_warnings.messages, exc.format_message()])
    except Exception:  # a template or hook bug: the developer needs the traceback
        return "\n".join([*_warnings.messages, traceback.format_exc()])
    return None
