"""The W3C Nu HTML Checker over every page kind, both languages, the 404 pages included.

The checker is the npm package vnu-jar (package.json; `make test` runs `npm ci
--ignore-scripts`, so its install script, which would download a Java runtime, never runs)
on Debian's Java (default-jre-headless, Makefile browser-deps). Every error fails the test
except the short allow-list below: markup of the theme's own that the site does not write.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.e2e.test_pages import PAGE_KINDS, RECORD_KINDS
from tests.sitebuild import REPO

pytestmark = pytest.mark.browser

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (what the checker says, a piece of the markup it points at, why it is allowed)
ALLOWED = [
    (r"Attribute “autocomplete” is only allowed when the input type is",
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     "Material's base.html (no block to override) writes the navigation drawer's toggle with "
     "autocomplete=off, so that a browser does not bring a page back from its history with "
     "the drawer open. The drawer is the site's menu on small screens: it stays."),
    (r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     '<label class="md-nav__title" for="__toc">',
     "Material's partials/toc.html: the title of the table of contents names the toggle that "
     "partials/nav-item.html writes only on pages listed in the navigation (record pages are "
     "not, on purpose: FIELD-NOTES, MkDocs). The label then stands alone; nothing is lost."),
]


def _files(site) -> list[str]:
    """One page of each kind in both languages, as paths under the site folder."""
    pages = []
    for prefix in ("", "en/"):
        pages += [prefix + kind + "index.html" for kind in PAGE_KINDS]
        for kind in RECORD_KINDS:  # the first record of the kind: a project, the call
            records = sorted(p.parent.relative_to(site).as_posix() for p in (site / prefix / kind).glob("*/index.html"))
            records = [r for r in records if (site / r / "index.html").is_file()]
            assert records, prefix + kind
            pages.append(records[0] + "/index.html")
        pages.append(prefix + "404.html")
    return pages


@pytest.fixture(scope="module")
def nu_messages(served_site) -> list[dict]:
    java = shutil.which("java")
    assert java, "no java: `make test` installs Debian's default-jre-headless"
    assert VNU_JAR.is_file(), f"no {VNU_JAR}: `make test` installs it (npm ci --ignore-scripts)"
    files = _files(served_site.folder)
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],
                            cwd=served_site.folder, capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]  # the checker writes its report there
    assert result.returncode == (1 if messages else 0), result.stderr[-2000:]
    checked = {m["url"].rsplit(str(served_site.folder) + "/", 1)[-1] for m in messages}
    assert checked <= set(files)
    return [dict(m, file=m.get("url", "").rsplit(str(served_site.folder) + "/", 1)[-1]) for m in messages]


def _allowed(message: dict) -> int | None:
    for i, (text, markup, _why) in enumerate(ALLOWED):
        if re.search(text, message.get("message", "")) and markup in message.get("extract", ""):
            return i
    return None


def test_every_page_kind_is_checked_in_both_languages(served_site):
    files = _files(served_site.folder)
    assert len(files) == 2 * (len(PAGE_KINDS) + len(RECORD_KINDS) + 1)
    assert all((served_site.folder / f).is_file() for f in files)
    assert "404.html" in files and "en/404.html" in files


def test_no_html_errors_but_the_themes_own(nu_messages):
    errors = [m for m in nu_messages if m["type"] == "error" or m.get("subType") == "fatal"]
    unexpected = [f"{m['file']}:{m.get('lastLine')}: {m['message']} | {m.get('extract', '').strip()[:160]}"
                  for m in errors if _allowed(m) is None]
    assert not unexpected, "\n".join(unexpected)


def test_allow_list_is_short_and_each_entry_still_needed(nu_messages):
    """An entry no page needs any more is removed (the theme changed, or the site did)."""
    used = {_allowed(m) for m in nu_messages} - {None}
    assert len(ALLOWED) <= 3
    assert used == set(range(len(ALLOWED))), [ALLOWED[i][1] for i in set(range(len(ALLOWED))) - used]


def test_the_themes_search_checkbox_is_gone(served_site):
    """Material's hidden checkbox for its own search (off here: the site has Pagefind) is
    replaced by an inert element its script still finds (hooks/site.py)."""
    for name in _files(served_site.folder):
        html = (served_site.folder / name).read_text(encoding="utf-8")
        assert 'id="__search"' not in html and 'for="__search"' not in html, name
        assert html.count('<input type="hidden" data-md-toggle="search">') == 1, name
