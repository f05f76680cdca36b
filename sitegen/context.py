"""What every page generator gets: the data, the language, today, and link helpers."""
from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass

from .validate import Dataset

LANGS = ("ja", "en")


@dataclass(frozen=True)
class BuildContext:
    ds: Dataset
    lang: str
    today: dt.date
    site_url: str = ""  # base URL of the Japanese root, '' when not set

    @property
    def other_lang(self) -> str:
        return "en" if self.lang == "ja" else "ja"

    def absolute(self, url: str, lang: str | None = None) -> str:
        """Absolute URL of a site path ('projects/x/') in a language; '' without site_url."""
        if not self.site_url:
            return ""
        prefix = "" if (lang or self.lang) == "ja" else "en/"
        return self.site_url.rstrip("/") + "/" + prefix + url


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at from_url ('projects/x/') to to_url ('donations/'), both site paths."""
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    target = posixpath.relpath(to_url.rstrip("/") or ".", base or ".")
    if to_url.endswith("/") and not target.endswith("/"):
        target += "/"
    return "./" if target in (".", "./") else target
