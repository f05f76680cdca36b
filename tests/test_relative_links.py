"""A relative address in the data goes to the same place wherever it is shown (issue 15, item 7).

Staff write paths inside the site as they see the site: `files/guide.pdf`, `projects/x/`. Such
a path is read from the site's root on every page, and leads to the page of the same language
(English pages live under /en/) or to a download both languages share at the root. It used to
be read from the project page itself on project pages, and from the Japanese root in the news.
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from tests.html import page
from tests.sitebuild import build_project, make_project

SHARED_FILE = "files/guide.pdf"
PAGE = "projects/umi-no-hiryo/"


def _add(root, stem: str, after: str, line: str) -> None:
    path = root / "data" / f"{stem}.yaml"
    text = path.read_text(encoding="utf-8")
    assert after in text
    path.write_text(text.replace(after, after + line, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("links"))
    (root / "content" / "files").mkdir(exist_ok=True)
    (root / "content" / SHARED_FILE).write_bytes(b"%PDF-1.4\n%%EOF\n")
    # News: the newest item (on the home page too) links the download, the other one a page.
    _add(root, "news", "    projects: [umi-no-hiryo, kaiyo-gijutsu]\n", f"    link: {SHARED_FILE}\n")
    _add(root, "news", "    projects: [umi-no-hiryo]\n", f"    link: {PAGE}\n")
    # A project page: its lead organisation links a page, its published report the download.
    _add(root, "projects", "          en: Institute of Industrial Science, The University of Tokyo\n",
         f"        url: {PAGE}\n")
    _add(root, "projects", "        publisher:\n          ja: 平塚市\n          en: Hiratsuka City\n",
         f"        url: {SHARED_FILE}\n")
    result = build_project(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def _targets(site, page_path: str, hrefs) -> list[str]:
    """The site paths the links of a page lead to ('/en/projects/x/')."""
    base = "https://example.org/" + page_path
    return [urlsplit(urljoin(base, href)).path for href in hrefs]


def _news_links(doc):
    return [p.find("a").attrs["href"] for p in doc.find_all("p", class_="sg-news__link")]


def _project_links(doc):
    lead = doc.find("ul", class_="sg-orgs").find("a").attrs["href"]
    report = doc.find("li", class_="sg-report", data_kind="published").find("a").attrs["href"]
    return [lead, report]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_relative_links_lead_to_the_same_place_on_every_page(site, prefix):
    page_of_this_language = "/" + prefix + PAGE
    shared = "/" + SHARED_FILE  # one copy, at the root, for both languages
    news = _targets(site, prefix + "news/", _news_links(page(site, prefix + "news")))
    assert news == [shared, page_of_this_language]
    home = _targets(site, prefix, _news_links(page(site, prefix.rstrip("/") or ".")))
    assert home == [shared, page_of_this_language]  # both items are recent news on 2025-04-15
    project = _targets(site, prefix + "projects/kaiyo-gijutsu/",
                       _project_links(page(site, prefix + "projects/kaiyo-gijutsu")))
    assert project == [page_of_this_language, shared]


def test_the_links_lead_to_pages_and_files_that_exist(site):
    assert (site / SHARED_FILE).is_file() and not (site / "en" / SHARED_FILE).exists()
    assert (site / PAGE / "index.html").is_file() and (site / "en" / PAGE / "index.html").is_file()
