"""The site's interface text: one gettext catalog per language, read with Babel.

The interface is written in Japanese, the site's source language: every string in the code
and the templates is a Japanese msgid, and Japanese pages show it as written (the identity
translation). The English is in one file, `sitegen/locale/en/LC_MESSAGES/messages.po`, where
all of it can be reviewed at once. It is read at run time (babel.messages.pofile.read_po), so
there is no compiled .mo file to build or keep in step.

- Templates: `{{ _("支援内容") }}`, `{{ _("%(n)s件", n=count) }}`, `{{ ngettext(...) }}`,
  `{{ pgettext("見出し", "内容") }}` (Jinja's i18n extension, newstyle: `%` is written `%%`).
- Python: `_ = translator(lang)` then `_("受付中")`; a label kept in a table is marked with
  `N_("…")` where it is written and translated where it is shown.

After adding a string, add its English to the catalog; tests/test_ui_catalog.py extracts every
string (pybabel's extractor, mapping in babel.cfg) and fails on one without English or on an
entry no code uses any more.
"""
from __future__ import annotations

import functools
import gettext
from pathlib import Path
from typing import Callable

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANG = "ja"


def catalog_path(lang: str) -> Path:
    """The one file that holds a language's interface text."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


class _PoTranslations(gettext.NullTranslations):
    """gettext's interface over a .po catalog; a string the catalog lacks stays Japanese."""

    def __init__(self, path: Path):
        super().__init__()
        with path.open("rb") as f:
            catalog = read_po(f)
        self._messages = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m.string
                          for m in catalog if m.id and m.string}

    def _lookup(self, context: str | None, message: str, n: int | None = None) -> str | None:
        found = self._messages.get((context, message))
        if isinstance(found, (tuple, list)):
            found = found[0 if n == 1 else 1] if n is not None else found[0]
        return found or None

    def gettext(self, message: str) -> str:
        return self._lookup(None, message) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._lookup(None, msgid1, n) or (msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self._lookup(context, message) or message

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._lookup(context, msgid1, n) or (msgid1 if n == 1 else msgid2)


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The translations of one language (Japanese: the text as written)."""
    if lang == SOURCE_LANG:
        return gettext.NullTranslations()
    return _PoTranslations(catalog_path(lang))


def translator(lang: str) -> Callable[[str], str]:
    """`_` for Python code: `_ = translator(lang); _("受付中")`."""
    return translations(lang).gettext


def N_(message: str) -> str:
    """Marks a string for the catalog where it is written (a table of labels); it is
    translated where it is shown, with `translator(lang)`."""
    return message
