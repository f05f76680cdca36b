"""Staff-written text -> safe HTML.

Python-Markdown passes raw HTML and `javascript:` links through (its docs leave
sanitising to the caller), so limited Markdown is rendered and then cleaned by
nh3 (the Ammonia sanitiser) with a small allow-list: paragraphs, lists,
emphasis, links with http(s)/mailto/relative targets, tables (the
`tables` extension: | a | b | rows).
"""
from __future__ import annotations

import functools
import html
import re

import markdown
import nh3
from markupsafe import Markup

# Tables: the schema promises Markdown, and staff write rate tables (| 枠 | 補助率 |) in intros.
_ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "br",
                 "table", "thead", "tbody", "tr", "th", "td"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}  # no style: a column's alignment is dropped
_ALLOWED_SCHEMES = {"http", "https", "mailto"}


_MARKDOWN = markdown.Markdown(extensions=["tables"], output_format="html")


@functools.lru_cache(maxsize=8192)
def render_markdown(text: str) -> Markup:
    """Limited Markdown (paragraphs, lists, emphasis, links, tables) to sanitised HTML.

    One converter, reset between texts, and a cache: a big data set renders thousands of
    texts per language, and building a Markdown instance per text was most of the cost."""
    raw = _MARKDOWN.reset().convert(text)
    clean = nh3.clean(raw, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                      url_schemes=_ALLOWED_SCHEMES, link_rel="noopener noreferrer")
    return Markup(clean)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")


def escape_markdown_inline(text: str) -> str:
    """Text placed in a Markdown heading or link label: no Markdown or HTML meaning survives."""
    return _MD_SPECIAL.sub(r"\\\1", html.unescape(text)).replace("\n", " ")
