"""Steps over the merged two-language site: one sitemap with language alternates, robots.txt,
the search index."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from sitegen.site_meta import X_DEFAULT_LANG

from .search import build_search_index


def finish_site(site: Path, site_url: str) -> None:
    """site_url: the Japanese root as SITE_URL gives it ('' for a site without absolute links)."""
    write_sitemap(site, site_url.strip())
    write_robots(site, site_url.strip())
    build_search_index(site)


def _pages(site: Path) -> list[str]:
    """Site paths of the Japanese pages ('', 'projects/x/'), sorted for reproducible output."""
    urls = []
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        if rel == "en" or rel.startswith("en/"):
            continue
        urls.append("" if rel == "." else rel + "/")
    return sorted(urls)


def write_sitemap(site: Path, base_url: str) -> None:
    """MkDocs writes one sitemap per language (and a gzip with a timestamp); replace them
    with one sitemap whose entries name both language versions (hreflang alternates) and,
    as x-default, the Japanese one (the root's language; the pages' <head> says the same,
    sitegen/site_meta.py). Sitemaps need absolute URLs, so without SITE_URL none is written.

    Every page is listed, the pre-built filter views too (projects/status/ongoing/,
    calls/status/open/): each lists its own set of records under its own title (「受付中の公募」
    is what a reader searches for), with a canonical link to itself. They are left out of the
    site's own search only, where they would answer every query a second time."""
    for lang_dir in (site, site / "en"):
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (lang_dir / name).unlink(missing_ok=True)
    if not base_url:
        return
    base = base_url.rstrip("/") + "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for url in _pages(site):
        has_en = (site / "en" / url / "index.html").exists()
        versions = [("ja", base + url)] + ([("en", base + "en/" + url)] if has_en else [])
        alternates = versions + ([("x-default", dict(versions)[X_DEFAULT_LANG])] if has_en else [])
        for _, loc in versions:
            lines.append(f"  <url><loc>{escape(loc)}</loc>")
            for lang, href in alternates:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    (site / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def robots_txt(base_url: str) -> str:
    """Every page may be crawled, and the sitemap's address. The filter views too: they are in
    the sitemap (a page both listed there and blocked here gives crawlers two contrary signals),
    and crawling them reaches the records they list.

    Crawlers read robots.txt only at a host's root (RFC 9309): for a site below a path
    (https://example.org/program/) the file at its own root is not read, and says so; its lines
    belong in the host's robots.txt."""
    base = base_url.rstrip("/") + "/"
    path = urlsplit(base).path
    lines = []
    if path != "/":
        host = base[: -len(path)] + "/"
        lines += [f"# This site is below {path}: crawlers read only {host}robots.txt, the host's own.",
                  "# For them to find the sitemap, the lines below belong in that file.", ""]
    lines += ["User-agent: *", f"Allow: {path}", "", f"Sitemap: {base}sitemap.xml"]
    return "\n".join(lines) + "\n"


def write_robots(site: Path, base_url: str) -> None:
    """robots.txt at the site's root, written with the sitemap, only with SITE_URL: its one
    useful line is the sitemap's absolute address. Without it the file would only say
    "allow everything", which is what crawlers assume where there is no robots.txt, and a
    build without SITE_URL is not the published site. A robots.txt of the project's own
    (content/ja/robots.txt, copied by MkDocs) is kept as it is."""
    target = site / "robots.txt"
    if base_url and not target.exists():
        target.write_text(robots_txt(base_url), encoding="utf-8")
