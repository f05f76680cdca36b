"""Per-page links and metadata the theme needs: the same page in the other language,
alternates, feeds, Open Graph, the last-updated date and the page's contact footer."""
from __future__ import annotations

import datetime as dt

from .context import BuildContext, data_link, relative
from .dates import format_date
from .i18n import translator
from .models.site import Contact

OG_LOCALES = {"ja": "ja_JP", "en": "en_US"}
# The language of the site's root, which search engines offer readers of any other language
# (hreflang="x-default", on the pages and in the sitemap: sitegen_mkdocs/postbuild.py).
X_DEFAULT_LANG = "ja"
# Each language's name in itself, for the switch to it: not interface text to translate.
ENDONYMS = {"ja": "日本語", "en": "English"}


def page_links(ctx: BuildContext, url: str, meta: dict, contact: Contact | None = None) -> dict:
    """Everything language-related a page's <head> and header show.

    `url` is the page's site path within its language ('projects/x/').
    Links are relative unless site_url is set (then hreflang alternates are absolute). Without
    site_url there is no canonical link: it names the one address of a page, which the build
    does not know then.
    """
    here = url if ctx.lang == "ja" else "en/" + url
    same = {lang: (url if lang == "ja" else "en/" + url) for lang in ("ja", "en")}
    alternates = {lang: (ctx.absolute(url, lang) or relative(here, same[lang])) for lang in ("ja", "en")}
    alternates["x-default"] = alternates[X_DEFAULT_LANG]
    links = {
        "lang": ctx.lang,
        "other_lang": ctx.other_lang,
        "switch": relative(here, same[ctx.other_lang]),
        "switch_label": ENDONYMS[ctx.other_lang],
        "alternates": alternates,
        "canonical": ctx.absolute(url),
        "feed": relative(here, "feed.xml" if ctx.lang == "ja" else "en/feed.xml"),
        "feed_title": ctx.ds.site.site.name.get(ctx.lang)[0],  # the feed's own <title> (sections/feeds.py)
        "updated": meta.get("updated"),
    }
    links.update(page_metadata(ctx, url, meta, contact))
    return links


def _as_date(value) -> dt.date | None:
    """`updated` from front matter: a date (hand-written pages) or 'YYYY-MM-DD' (generated pages)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def footer_labels(lang: str) -> dict[str, str]:
    """The contact footer's interface text (overrides/partials/sg-page-footer.html)."""
    _ = translator(lang)
    return {"updated": _("最終更新日: "), "contact": _("このページについてのお問い合わせ先"),
            "phone": _("直通電話: "), "fax": _("ファクス番号: "), "email": _("メール: "),
            "form": _("このページについてお問い合わせフォームで質問する(外部リンク)")}


def not_found_texts(lang: str) -> dict[str, str]:
    """The 404 page's interface text in one language (overrides/404.html, which shows it in
    both: the page's language first, then the other one, briefly)."""
    _ = translator(lang)
    return {"title": _("ページが見つかりません"),
            "text": _("お探しのページは見つかりませんでした。ページが移動または削除されたか、アドレスに誤りがある可能性があります。"),
            "home": _("ホームページへ"), "search": _("サイト内を検索"), "button": _("検索")}


def page_metadata(ctx: BuildContext, url: str, meta: dict, contact: Contact | None = None) -> dict:
    """Open Graph facts, the last-updated date (from the data, never the build time) and
    the contact shown at the end of every page (the program's department unless the page
    names its own, as a call page names its issuer). The theme escapes every value."""
    updated = _as_date(meta.get("updated"))
    contact = contact or ctx.ds.site.site.contact
    return {
        "og_type": "website" if url == "" else "article",
        "og_locale": OG_LOCALES[ctx.lang],
        "og_locale_alternate": OG_LOCALES[ctx.other_lang],
        "updated_iso": updated.isoformat() if updated else "",
        "updated_text": format_date(updated, ctx.lang) if updated else "",
        "labels": footer_labels(ctx.lang),
        # What the inquiry form is told about the page: its address (absolute when known).
        "page_address": ctx.absolute(url) or ("/" + ("" if ctx.lang == "ja" else "en/") + url),
        "contact": {
            "department": contact.department.get(ctx.lang)[0],
            "department_lang": contact.department.get(ctx.lang)[1],
            "address": contact.address.get(ctx.lang)[0] if contact.address else "",
            "address_lang": contact.address.get(ctx.lang)[1] if contact.address else ctx.lang,
            "phone": contact.phone or "",
            "fax": contact.fax or "",
            "email": contact.email or "",
            "inquiry_form": data_link(url, ctx.lang, contact.inquiry_form) if contact.inquiry_form else "",
        },
    }
