"""One built site and one browser for the whole session (the suite must stay fast on 2 cores).

The site is the repository's data and pages plus two small test-only pages
(tests/e2e/fixture_pages/) holding search words that no seed record contains yet, with its
search index in parts. It is built with SITE_URL pointing at the local server, so every
absolute link the pages carry (alternates, canonical, the sitemap Material's language
script reads) stays on 127.0.0.1.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitegen_mkdocs.search import PART_MB_ENV
from tests.browser import serve, site_pages
from tests.sitebuild import build_project, make_project

FIXTURE_PAGES = Path(__file__).parent / "fixture_pages"


@dataclass(frozen=True)
class ServedSite:
    folder: Path
    base: str  # http://127.0.0.1:PORT/
    pages: tuple[str, ...]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> ServedSite:
    root = make_project(tmp_path_factory.mktemp("e2e"), data=None)
    for lang in ("ja", "en"):
        shutil.copy2(FIXTURE_PAGES / lang / "search-test.md", root / "content" / lang / "search-test.md")
    server = serve(root / "site")  # serves the folder the build is about to write
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    # A search index in parts, as a large site gets (sitegen/search.py): every search the
    # tests run goes through the merging of parts. The seed indexes about 0.18 MB a language.
    result = build_project(root, today="2025-04-15", site_url=base, extra_env={PART_MB_ENV: "0.06"})
    assert result.returncode == 0, result.stderr
    yield ServedSite(root / "site", base, tuple(site_pages(root / "site")))
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def served_site_one_part(tmp_path_factory) -> ServedSite:
    """The seed as it is (no test pages), with its search index in one part, as a small site
    gets: tests/e2e/test_search_queries.py runs its query set on this one and on served_site."""
    root = make_project(tmp_path_factory.mktemp("e2e-one-part"), data=None)
    server = serve(root / "site")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    result = build_project(root, today="2025-04-15", site_url=base, extra_env={PART_MB_ENV: "80"})
    assert result.returncode == 0, result.stderr
    yield ServedSite(root / "site", base, tuple(site_pages(root / "site")))
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def visits(browser, served_site):
    """Every page of the site in both languages at 375 and 1280 px, visited once."""
    from tests.e2e.pages import visit_all
    return visit_all(browser, served_site.base, served_site.pages)
