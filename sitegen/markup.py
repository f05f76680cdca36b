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


# A text that Markdown can only read as one paragraph of plain text: one line, no character
# that starts inline markup or an entity (\\ ` * _ [ ] < > &; | and ~ too, for safety), none
# that Python-Markdown or the HTML serialisers change (control characters, line separators,
# the no-break space, which nh3 writes as &nbsp;, a byte-order mark), no space at either end
# (an indented code block, a hard break), and no block marker at the start (# - + = > or
# "1." / "1)"). Nine texts in ten of a call page are like this; Python-Markdown and nh3 took
# about 0.1 ms each for them, half of a call page's generation. Their HTML is written
# directly, the same bytes (tests/test_markup_plain.py compares both ways on every seed text
# and on random ones).
_PLAIN_PARAGRAPH = re.compile(
    r"(?![\s#+=>-]|\d+[.)])"
    r"[^\x00-\x1f\x7f\x85\xa0\u2028\u2029\ufeff\\`*_\[\]<>&|~]+"
    r"(?<!\s)\Z")


def render_markdown(text: str) -> Markup:
    """Limited Markdown (paragraphs, lists, emphasis, links, tables) to sanitised HTML."""
    if _PLAIN_PARAGRAPH.match(text):
        return Markup(f"<p>{text}</p>")
    return _render_full(text)


@functools.lru_cache(maxsize=8192)
def _render_full(text: str) -> Markup:
    """Python-Markdown, then nh3. One converter, reset between texts, and a cache: a big data set
    renders thousands of texts per language, and building a Markdown instance per text was most
    of the cost."""
    raw = _MARKDOWN.reset().convert(text)
    clean = nh3.clean(raw, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                      url_schemes=_ALLOWED_SCHEMES, link_rel="noopener noreferrer")
    return Markup(clean)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")


def escape_markdown_inline(text: str) -> str:
    """Text placed in a Markdown heading or link label: no Markdown or HTML meaning survives."""
    return _MD_SPECIAL.sub(r"\\\1", html.unescape(text)).replace("\n", " ")
