"""Jinja2 rendering of data into page bodies, with autoescape ON.

MkDocs' own theme environment has autoescape off; data typed by staff must never
become markup by accident, so records are rendered here (the mkdocstrings pattern).
Templates produce Markdown pages whose headings are Markdown (for the TOC and
anchors) and whose blocks are HTML.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup, escape

from . import dates, money
from .context import BuildContext, data_link, relative, root_path
from .i18n import translations
from .markup import escape_markdown_inline, render_markdown
from .models.common import Text



class InMemoryBytecodeCache(jinja2.bccache.BytecodeCache):
    """Compiled Jinja templates kept in memory. Jinja keys them by name and checks each against
    its source, so an edited template is compiled afresh and the others are reused. Here it is
    shared by the languages' environments: a template compiles to the same code in each (the
    catalog is looked up when it runs), and compiling the 22 templates took 0.3 CPU s per
    language. The preview's workers keep one for MkDocs' theme (sitegen_mkdocs/serve/worker.py)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = InMemoryBytecodeCache()


@functools.cache
def _env(lang: str) -> jinja2.Environment:
    """One environment per language: interface text comes from that language's catalog
    (sitegen/i18n.py) through Jinja's i18n extension, `{{ _("支援内容") }}`."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        bytecode_cache=_COMPILED,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=True)
    return env


def load_templates(langs: Iterable[str]) -> None:
    """Every template, compiled and loaded for each language: a build that forks its languages
    calls this first, so that neither forked process compiles any."""
    for lang in langs:
        env = _env(lang)
        for name in env.list_templates():
            env.get_template(name)


def yen_affixes(lang: str) -> tuple[str, str]:
    """What goes before and after the digits of an amount ('', '円' / '¥', ''), for scripts."""
    before, _, after = money.format_yen_exact(0, lang).partition("0")
    return before, after


class Localizer:
    """Template helpers bound to one language and one page (for relative links)."""

    def __init__(self, ctx: BuildContext, page_url: str):
        self.ctx, self.lang, self.page_url = ctx, ctx.lang, page_url
        self.fell_back = False  # some data text was shown in Japanese on an English page

    def text(self, value: Text | str | None) -> Markup:
        """A data text, escaped; Japanese fallback on an English page is marked lang="ja".
        A str is interface text already in the page's language (a filter's label)."""
        if value is None:
            return Markup("")
        if isinstance(value, str):
            return escape(value)
        s, used = value.get(self.lang)
        if used != self.lang:
            self.fell_back = True
            return Markup('<span lang="ja">{}</span>').format(s)
        return mark_quoted_japanese(escape(s), self.lang)

    def md(self, value: Text | None) -> Markup:
        """A data text in limited Markdown, sanitised; fallback wrapped in lang="ja"."""
        if value is None:
            return Markup("")
        s, used = value.get(self.lang)
        html = render_markdown(s)
        if used != self.lang:
            self.fell_back = True
            return Markup('<div lang="ja">{}</div>').format(html)
        return mark_quoted_japanese(html, self.lang)

    def heading(self, value: Text | str) -> str:
        """Text for a Markdown heading line (escaped for Markdown, not HTML-escaped twice)."""
        if isinstance(value, Text):
            s, used = value.get(self.lang)
            self.fell_back = self.fell_back or used != self.lang
        else:
            s = value
        return Markup(escape_markdown_inline(s))

    def href(self, site_path: str) -> str:
        """Relative link from this page to a site path of the same language ('projects/x/')."""
        return relative(self.page_url, site_path)

    def href_root(self, site_path: str) -> str:
        """Relative link to a file at the site root, shared by both languages (PDFs)."""
        return root_path(self.page_url, self.lang, site_path)

    def link(self, address: str) -> str:
        """An address from the data (a Url field): web and mail addresses as written, a path in
        the site read from the site's root (context.data_link)."""
        return data_link(self.page_url, self.lang, address)

    def date(self, d: dt.date) -> str:
        return dates.format_date(d, self.lang)

    def date_short(self, d: dt.date) -> str:
        return dates.format_date_short(d, self.lang)

    def month(self, year: int, month: int, era: bool = True) -> str:
        return dates.format_month(year, month, self.lang, era)

    def fy(self, year: int, long: bool = True) -> str:
        return dates.format_fiscal_year(year, self.lang, long)

    def period(self, start: dt.date | dates.PartialDate, end: dt.date | dates.PartialDate | None,
               approximate: bool = False) -> str:
        return dates.format_period(start, end, self.lang, approximate)

    def application_period(self, start: dt.date, end: dt.date, deadline: str = "") -> str:
        """A call's application period and how its deadline is met, as its calendar and feed say it."""
        return dates.format_application_period(start, end, deadline, self.lang)

    def yen(self, amount: int) -> str:
        return money.format_yen(amount, self.lang)

    def yen_exact(self, amount: int) -> str:
        return money.format_yen_exact(amount, self.lang)

    def yen_affixes(self) -> tuple[str, str]:
        return yen_affixes(self.lang)


# Japanese quoted in an English text in 「」 (the title of a rule or form the reader will meet
# in Japanese): 「〇〇市…交付要綱」. Only text between tags; the brackets go inside the span.
_QUOTED_JAPANESE = re.compile(r"「[^「」<>]*」")


def mark_quoted_japanese(html: Markup, lang: str) -> Markup:
    """On an English page, every 「…」 of a data text is marked lang="ja" (for screen readers and
    fonts); other Japanese left in an English text is a mistake, not a quote."""
    if lang == "ja" or "「" not in html:
        return html
    return Markup(_QUOTED_JAPANESE.sub(lambda m: f'<span lang="ja">{m.group(0)}</span>', str(html)))


JA_ONLY_MARK = "data-sg-ja-only"  # on the notice of _ja_only.md.j2


def render(template: str, ctx: BuildContext, page_url: str, **values: Any) -> str:
    """A page body or fragment. On an English page, text that some record gives only in Japanese
    (shown marked lang="ja") comes with the notice that says so, unless the template put it first."""
    loc = Localizer(ctx, page_url)
    out = _render_for(loc, template, **values)
    if loc.fell_back and ctx.lang != "ja" and JA_ONLY_MARK not in out:
        out = _env(ctx.lang).get_template("_ja_only.md.j2").render(ja_only=True) + out
    return out


def _render_for(loc: Localizer, template: str, **values: Any) -> str:
    """template rendered for loc's page, with what every template is given."""
    ctx = loc.ctx
    return _env(ctx.lang).get_template(template).render(
        L=loc, lang=ctx.lang, today=ctx.today, ds=ctx.ds, ctx=ctx, page_url=loc.page_url, **values)


class SharedFragment:
    """A fragment that many pages of one language show alike, rendered once per key: a project's
    card appears on the full listing and on each filter page (12 renders of every card at 1,000
    projects, a seventh of a language's generation). The fragment's link to its item, the one
    part that depends on the page it is on, is the template's `href`, filled in per page; any
    other page-relative link in it would be wrong on pages at other depths, so it is refused."""

    _SLOT = "sg-shared-fragment-href"

    def __init__(self, template: str, ctx: BuildContext, **values: Any):
        self.template, self.ctx, self.values = template, ctx, values
        self._done: dict[Any, tuple[str, bool]] = {}

    def __call__(self, page: Localizer, key: Any, target_url: str, **values: Any) -> Markup:
        """The fragment for key (rendered with values the first time), linking to target_url
        from the page of `page`; a Japanese fallback in it counts as the page's own."""
        done = self._done.get(key)
        if done is None:
            loc = _NoPageLinks(self.ctx, "")
            html = _render_for(loc, self.template, href=self._SLOT, **self.values, **values)
            done = self._done[key] = (html, loc.fell_back)
        html, fell_back = done
        page.fell_back = page.fell_back or fell_back
        return Markup(html.replace(self._SLOT, escape(page.href(target_url))))


class _NoPageLinks(Localizer):
    def href(self, site_path: str) -> str:
        raise AssertionError("a shared fragment links to other pages only through `href`")

    href_root = link = href

