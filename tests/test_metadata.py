"""Page metadata (description, Open Graph, canonical, last-updated date from the data)
and the contact footer that ends every page."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from tests.html import page, parse
from tests.sitebuild import REPO, SEED_DATA, build_project, make_project

BASE = "https://example.org/program/"


def meta(doc, prop):
    node = doc.find("meta", property=prop)
    return node.attrs["content"] if node else None


def html_pages(site):
    return sorted(site.rglob("index.html"))


def test_every_page_has_description_open_graph_and_canonical(seed_site):
    for html_file in html_pages(seed_site):
        rel = html_file.relative_to(seed_site).parent.as_posix()
        doc = parse(html_file)
        lang = doc.find("html").attrs["lang"]
        description = doc.find("meta", name="description").attrs["content"]
        assert description and meta(doc, "og:description") == description, rel
        assert meta(doc, "og:title"), rel
        canonical = doc.find("link", rel="canonical").attrs["href"]
        url = "" if rel == "." else rel + "/"
        assert canonical == BASE + url and meta(doc, "og:url") == canonical, rel
        assert meta(doc, "og:locale") == {"ja": "ja_JP", "en": "en_US"}[lang], rel
        assert meta(doc, "og:type") == ("website" if url in ("", "en/") else "article"), rel


def test_og_title_is_the_page_title(seed_site):
    assert meta(page(seed_site, "en/projects/umi-no-hiryo"), "og:title") == "Sea fertiliser application"
    assert meta(page(seed_site, "news"), "og:title") == "ニュース"
    assert meta(page(seed_site, "en/contact"), "og:title") == "Contact"


def test_without_site_url_there_is_no_og_url_or_canonical(tmp_path):
    root = make_project(tmp_path)
    assert build_project(root).returncode == 0
    doc = page(root / "site", "news")
    assert meta(doc, "og:url") is None and doc.find("link", rel="canonical") is None
    assert meta(doc, "og:title") == "ニュース"


def test_last_updated_comes_from_the_data(seed_site):
    for prefix, text in (("", "2025年4月1日"), ("en/", "1 April 2025")):
        doc = page(seed_site, prefix + "news")
        updated = doc.find("p", class_="sg-page-footer__updated")
        assert updated.find("time").attrs["datetime"] == "2025-04-01" and text in updated.text()
        assert meta(doc, "article:modified_time") == "2025-04-01"
    about = page(seed_site, "about").find("p", class_="sg-page-footer__updated")
    assert about.find("time").attrs["datetime"] == "2025-04-10"  # the seed page's 最終更新日
    assert page(seed_site, "opendata").find("p", class_="sg-page-footer__updated") is None


def test_every_page_ends_with_the_department_contact(seed_site):
    """Every page but a call's, whose footer names the call's issuer (tests/test_calls_site.py)."""
    for html_file in html_pages(seed_site):
        footer = parse(html_file).find("aside", class_="sg-page-footer")
        assert footer, html_file
        if re.fullmatch(r"(en/)?calls/[^/]+", html_file.parent.relative_to(seed_site).as_posix()):
            continue
        text = footer.text()
        assert "0463-21-9758" in text and "0463-35-8125" in text, html_file
        assert footer.find("a", href="tel:0463-21-9758")
        assert not footer.find("p", class_="sg-page-footer__form")  # no form address in the seed


def test_inquiry_form_link_carries_page_title_and_address(tmp_path):
    site = (SEED_DATA / "site.yaml").read_text(encoding="utf-8")
    site = site.replace("    fax: 0463-35-8125\n",
                        "    fax: 0463-35-8125\n    inquiry_form: https://example.org/form?kind=page\n")
    root = make_project(tmp_path, {"site": site})
    assert build_project(root, site_url=BASE).returncode == 0, "build failed"
    link = page(root / "site", "en/news").find("p", class_="sg-page-footer__form").find("a")
    parts = urlsplit(link.attrs["href"])
    assert parts.netloc == "example.org" and parts.path == "/form"
    assert parse_qs(parts.query) == {"kind": ["page"], "title": ["News"], "url": [BASE + "en/news/"]}
    assert link.attrs["rel"] == "noopener noreferrer" and "target" not in link.attrs
    assert "(external link" in link.text()
    ja = page(root / "site", "about").find("p", class_="sg-page-footer__form").find("a")
    assert parse_qs(urlsplit(ja.attrs["href"]).query)["title"] == ["事業概要と支援内容"]


def test_no_third_party_requests(seed_site):
    for html_file in html_pages(seed_site):
        doc = parse(html_file)
        for node in doc.find_all("script") + doc.find_all("link") + doc.find_all("img"):
            src = node.attrs.get("src") or (node.attrs.get("href") if node.tag == "link" else "")
            if src and node.attrs.get("rel") not in ("canonical", "alternate"):
                assert not src.startswith(("http:", "https:", "//")), (html_file, src)
