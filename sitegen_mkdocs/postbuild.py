"""Steps over the merged two-language site: one sitemap with language alternates, the search index."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from .search import build_search_index


def finish_site(site: Path, site_url: str) -> None:
    """site_url: the Japanese root as SITE_URL gives it ('' for a site without absolute links)."""
    write_sitemap(site, site_url.strip())
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
    with one sitemap whose entries name both language versions (hreflang alternates).
    Sitemaps need absolute URLs, so without SITE_URL none is written."""
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
        for _, loc in versions:
            lines.append(f"  <url><loc>{escape(loc)}</loc>")
            for lang, href in versions:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    (site / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
