"""What every page generator gets: the data, the language, today, and link helpers."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from .dataset import Dataset

LANGS = ("ja", "en")
# Written once, at the Japanese root, for both languages to link to: the downloads of
# content/files/ (hooks/site.py) and the open data files (sections/opendata.py).
SHARED_FOLDERS = ("files/", "opendata/")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


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


def root_path(from_url: str, lang: str, site_path: str) -> str:
    """Link from a page of `lang` (its site path within the language, 'projects/x/') to a file
    shared by both languages at the Japanese root ('files/report.pdf')."""
    here = from_url if lang == "ja" else "en/" + from_url
    return relative(here, site_path)


def is_shared_file(site_path: str) -> bool:
    """A file both languages link to at the Japanese root. Page paths end with '/':
    'opendata/' is a page of each language, 'opendata/projects.csv' is shared."""
    return site_path.startswith(SHARED_FOLDERS) and not site_path.endswith("/")


def data_link(from_url: str, lang: str, address: str) -> str:
    """Where an address written in the data (a Url field) points from a page of `lang`.

    Web and mail addresses stay as written. A path inside the site is read from the site's
    root, as staff think of it ('files/report.pdf', 'projects/x/', '/news/#news-x'), whichever
    page shows it: it leads to that page of the same language, or to a shared file at the
    Japanese root. Every template resolves data addresses here, so a record's link goes to the
    same place on a project page, in the news and on the home page, in both languages."""
    if _SCHEME.match(address) or address.startswith("#"):
        return address
    path, tail = re.match(r"([^?#]*)(.*)", address).groups()
    path = re.sub(r"^(\./|/)+", "", path)
    target = root_path(from_url, lang, path) if is_shared_file(path) else relative(from_url, path)
    return target + tail
