"""A page's <meta name="description"> (also its og:description) from a data text.

Search engines and link previews show it as it is: it must be plain text (a record's summary
is limited Markdown: no `**`, `[label](url)` or `#` may show), short, cut between two
characters as a reader sees them, with an ellipsis when cut, and in the page's language.
"""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from .markup import render_markdown
from .models.common import Text

# Characters, the ellipsis included: about what search results show (a Japanese character
# is wider, and says more, than an English letter).
LIMITS = {"ja": 120, "en": 160}
ELLIPSIS = "…"
_BLOCKS = {"p", "li", "br", "ul", "ol"}
_SPACES = re.compile(r"\s+")
_ZWJ = "\u200d"


def written_description(value: Text | None, lang: str) -> str:
    """A description written as one (site.yaml `pages:`, plain text): in `lang`, on one line and
    whole, since staff chose its words and length; '' when it has no `lang` version."""
    return _SPACES.sub(" ", _in_language(value, lang)).strip()


def description_from(value: Text | None, lang: str) -> str:
    """A record's text (a project's summary, a call's target) used as its page's description:
    plain text in `lang`, shortened to LIMITS."""
    text = _in_language(value, lang)
    return shorten(plain_text(text), lang) if text else ""


def _in_language(value: Text | None, lang: str) -> str:
    """The text in `lang`, or '': then the theme uses the site's description, which is in the
    page's language, rather than a Japanese text on an English page."""
    if value is None:
        return ""
    text, used = value.get(lang)
    return text if used == lang else ""


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(markdown_text: str) -> str:
    """What a reader sees of limited Markdown, on one line: link labels without their addresses,
    no emphasis marks, list items and paragraphs separated by a space."""
    parser = _TextOnly()
    parser.feed(str(render_markdown(markdown_text)))  # the same reading as the page's own
    parser.close()
    return _SPACES.sub(" ", "".join(parser.parts)).strip()


def _joins_previous(text: str, i: int) -> bool:
    """True when text[i] belongs to the character before it: a combining mark (as the voiced
    mark in か + ゛), a variation selector or emoji modifier, or the piece after a zero-width joiner."""
    ch = text[i]
    return (unicodedata.combining(ch) != 0 or unicodedata.category(ch) == "Mn"
            or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"
            or "\U0001f3fb" <= ch <= "\U0001f3ff" or ch == _ZWJ or text[i - 1] == _ZWJ)


def shorten(text: str, lang: str) -> str:
    """text if it fits in the language's limit, else its start and an ellipsis: never inside a
    character, and in English never inside a word (when a word boundary is not too far back)."""
    limit = LIMITS[lang]
    if len(text) <= limit:
        return text
    cut = limit - len(ELLIPSIS)
    while cut > 0 and _joins_previous(text, cut):
        cut -= 1
    head = text[:cut]
    if lang != "ja" and not text[cut].isspace():
        space = head.rfind(" ")
        if space > cut // 2:
            head = head[:space]
    return head.rstrip(" 、,。.;:") + ELLIPSIS
