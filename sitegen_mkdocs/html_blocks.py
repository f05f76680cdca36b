"""Raw HTML blocks of a page set aside before Python-Markdown parses them, with the same result.

Our generated pages are Markdown headings around HTML blocks (sitegen/templates). Python-Markdown
finds the extent of every raw HTML block with the standard library's pure-Python HTML parser
(markdown.htmlparser.HTMLExtractor): at 1,000 records that was half of each MkDocs run's CPU
(a 46 KB call page is mostly HTML). Our blocks are regular, so one regular expression over the
tags finds the same extents in a fraction of the time. This preprocessor runs just before
Python-Markdown's own (`html_block`) and puts exactly what that one would into the text: a
blank line, the placeholder of the block it stores, two newlines; the stored block is the
source from its first tag to its last, plus the newline HTMLExtractor keeps when a blank line
follows. What is left (headings, placeholders, the odd paragraph) is small for the parser.

It acts only on a page it fully understands and leaves any other page to Python-Markdown,
untouched: a `<` that is not a plain tag, a comment or declaration, `script`/`style` and the
like (their content is not HTML), a `markdown` attribute (md_in_html), a block tag indented
by 1-3 spaces, a block whose tags do not nest, text after a block's last tag on its line other
than the next block's first tag, or a character reference without its `;` (HTMLExtractor writes references back in full). A
built site is byte-identical with and without it (tests/test_html_blocks.py).
"""
from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.htmlparser import blank_line_re
from markdown.preprocessors import Preprocessor

# A start or end tag as the HTML parser reads one, attribute values quoted or not; or any other
# '<', which makes the page one to leave alone.
_TAG = re.compile(r"""<(?P<end>/)?(?P<name>[a-zA-Z][a-zA-Z0-9-]*)
    (?P<attrs>(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)
    \s*(?P<close>/)?>|<""", re.X)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})
# Elements whose content the parser does not read as tags (or that md_in_html keeps raw apart).
_NOT_PLAIN = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                        "noscript", "plaintext", "pre"})
_INCOMPLETE_REFERENCE = re.compile(r"&(?![a-zA-Z][-.a-zA-Z0-9]*;|#[0-9]+;|#[xX][0-9a-fA-F]+;)[a-zA-Z#]")


def html_blocks(text: str, md: Markdown) -> list[tuple[int, int, str]] | None:
    """The raw HTML blocks of text, as (start, end, what HTMLExtractor would store), or None
    when the text holds anything this reading does not cover."""
    if "<!" in text or "<?" in text:
        return None
    blocks: list[tuple[int, int, str]] = []
    open_tags: list[str] = []
    start = 0
    next_block_at = -1  # a block's last tag was followed on its line by the next block's first
    for m in _TAG.finditer(text):
        name = m.group("name")
        if name is None:
            return None  # a '<' that is not a tag
        name = name.lower()
        if name in _NOT_PLAIN or "markdown" in m.group("attrs"):
            return None
        if m.group("end"):
            if open_tags:
                if open_tags[-1] != name:
                    return None
                open_tags.pop()
                if not open_tags:
                    block = _block_end(text, start, m.end(), md)
                    if block is None:
                        return None
                    blocks.append(block[:3])
                    next_block_at = m.end() if block[3] else -1
            continue  # an end tag in running text: HTMLExtractor leaves it in place, and so does this
        if open_tags:
            if name not in _VOID and not m.group("close"):
                open_tags.append(name)
            continue
        if m.start() == next_block_at:  # checked by _block_end: a block tag that opens a block
            start = m.start()
            open_tags.append(name)
            continue
        if not md.is_block_level(name):
            continue  # an inline tag in running text
        line_start = text.rfind("\n", 0, m.start()) + 1
        column = m.start() - line_start
        if column == 0:
            if name in _VOID or m.group("close"):
                return None  # a standalone empty block (HTMLExtractor.handle_empty_tag)
            start = m.start()
            open_tags.append(name)
        elif column <= 3 and not text[line_start:m.start()].strip():
            return None  # an indented block tag: left to HTMLExtractor
    if open_tags:
        return None
    return blocks


def _block_end(text: str, start: int, end: int, md: Markdown) -> tuple[int, int, str, bool] | None:
    """The block text[start:end] as HTMLExtractor stores it, and whether the next block begins
    right after it on the same line; None if what follows it on its line is anything else."""
    raw = text[start:end]
    if _INCOMPLETE_REFERENCE.search(raw):
        return None
    # The rest of the block's last line and the line after it: enough for blank_line_re
    first = text.find("\n", end)
    second = text.find("\n", first + 1) if first >= 0 else -1
    rest = text[end:] if first < 0 or second < 0 else text[end:second + 1]
    if blank_line_re.match(rest):
        return start, end, raw + "\n", False  # HTMLExtractor keeps the newline before a blank line
    if not rest or rest.startswith("\n"):
        return start, end, raw, False
    # Text on the same line (HTMLExtractor's "tail"): only the start of another block is read
    # here, which HTMLExtractor takes as a block of its own wherever it stands.
    nxt = _TAG.match(text, end)
    if (nxt is None or nxt.group("name") is None or nxt.group("end") or nxt.group("close")
            or nxt.group("name").lower() in _VOID or not md.is_block_level(nxt.group("name"))):
        return None
    return start, end, raw, True


class _SetAsideHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        blocks = html_blocks(text, self.md)
        if not blocks:
            return lines
        parts, done = [], 0
        for start, end, raw in blocks:
            # What HTMLExtractor writes for a block: '\n', its placeholder, '\n\n'
            parts += [text[done:start], "\n", self.md.htmlStash.store(raw), "\n\n"]
            done = end
        parts.append(text[done:])
        return "".join(parts).split("\n")


class HtmlBlocksExtension(Extension):
    """Register before Python-Markdown's own html_block preprocessor (priority 20)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_SetAsideHtmlBlocks(md), "sitegen_html_blocks", 21)
