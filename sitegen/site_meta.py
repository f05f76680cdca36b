"""Per-page links the theme needs: the same page in the other language, alternates, feeds."""
from __future__ import annotations

from .context import BuildContext, relative


def page_links(ctx: BuildContext, url: str, meta: dict) -> dict:
    """Everything language-related a page's <head> and header show.

    `url` is the page's site path within its language ('projects/x/').
    Links are relative unless site_url is set (then hreflang alternates are absolute).
    """
    here = url if ctx.lang == "ja" else "en/" + url
    same = {lang: (url if lang == "ja" else "en/" + url) for lang in ("ja", "en")}
    alternates = {lang: (ctx.absolute(url, lang) or relative(here, same[lang])) for lang in ("ja", "en")}
    return {
        "lang": ctx.lang,
        "other_lang": ctx.other_lang,
        "switch": relative(here, same[ctx.other_lang]),
        "switch_label": "English" if ctx.lang == "ja" else "日本語",
        "alternates": alternates,
        "canonical": ctx.absolute(url),
        "feed": relative(here, "feed.xml" if ctx.lang == "ja" else "en/feed.xml"),
        "updated": meta.get("updated"),
    }
