"""Issue 18, item 4: HTML blocks set aside before Python-Markdown parses them, same HTML out.

sitegen_mkdocs/html_blocks.py finds a page's raw HTML blocks with one regular expression and
stores them as Python-Markdown's own HTMLExtractor would. These tests convert each text both
ways, with the site's Markdown extensions, and require the same HTML: every generated and
filled page of the seed (with the fixture calls) in both languages, texts made at random from
the constructs that matter to HTMLExtractor, and the cases the shortcut must leave alone.
"""
from __future__ import annotations

import datetime as dt
import functools
import random
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from sitegen.validate import load_dataset
from sitegen_mkdocs.generated import FILLED, PAGES, language_context, write_language
from sitegen_mkdocs.html_blocks import HtmlBlocksExtension, html_blocks
from tests.calls_amount_cases import calls_yaml_with_amount_fixtures
from tests.sitebuild import REPO, make_project


@functools.cache
def _site_extensions() -> tuple[list, dict]:
    # the site's own Markdown settings, as MkDocs reads them from mkdocs.yml (it adds toc, tables
    # and fenced_code; its link-rewriting extension does not read raw HTML)
    config = load_config(str(REPO / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def _converter(with_shortcut: bool) -> markdown.Markdown:
    extensions, configs = _site_extensions()
    return markdown.Markdown(extensions=extensions + ([HtmlBlocksExtension()] if with_shortcut else []),
                             extension_configs=configs)


def _both_ways(text: str) -> tuple[str, str]:
    return _converter(False).convert(text), _converter(True).convert(text)


@pytest.fixture(scope="module")
def generated_pages(tmp_path_factory) -> list[tuple[str, str]]:
    root = make_project(tmp_path_factory.mktemp("project"), {"calls": calls_yaml_with_amount_fixtures()})
    ds = load_dataset(root)
    pages = []
    for lang in ("ja", "en"):
        dest = tmp_path_factory.mktemp(f"generated-{lang}")
        write_language(language_context(ds, lang, dt.date(2025, 4, 15)), root / "content" / lang, dest)
        for path in sorted((dest / PAGES).rglob("*.md")) + sorted((dest / FILLED).rglob("*.md")):
            body = path.read_text(encoding="utf-8").split("---\n", 2)[-1]  # without the front matter
            pages.append((f"{lang}/{path.relative_to(dest).as_posix()}", body))
    return pages


def test_every_generated_page_converts_to_the_same_html(generated_pages):
    md = _converter(False)
    understood = []
    for name, body in generated_pages:
        plain, fast = _both_ways(body)
        assert fast == plain, name
        if html_blocks(body, md):
            understood.append(name)
    # the shortcut is taken (not a vacuous comparison): on every call and project page at least
    assert len(understood) >= 0.9 * len(generated_pages), set(n for n, _ in generated_pages) - set(understood)
    for kind in ("calls", "projects"):
        pages = [n for n, _ in generated_pages if f"/{kind}/" in n and n.endswith("/index.md")]
        assert pages and set(pages) <= set(understood), kind


@pytest.mark.parametrize("text", [
    '<div class="a">\n<p>x</p>\n</div>\n\n## Heading\n\ntext\n',
    '<p>one</p><ul class="n">\n<li>two</li>\n</ul>\n\n\n## Next\n',   # the next block on the same line
    '<p>one</p> tail\n\npara\n',                                       # text after a block: left alone
    '<p>one</p>\n<p>two</p>\nafter\n',                                 # no blank line between
    '<div>\n<div>\n<br>\n<hr>\n<img src="a.png" alt="">\n</div>\n</div>',  # nesting, void tags, end of text
    '  <div>indented</div>\n\npara\n',
    '<div>\n<!-- comment -->\n</div>\n',
    '<div>a &amp; b &copy; &#39; &#x27; &b=2</div>\n\nx\n',
    '<div>\n<script>var a = "<p>";</script>\n</div>\n',
    '<div markdown="1">\n*emphasis*\n</div>\n',
    '<hr>\n\n<p>after a rule</p>\n',
    '<span>inline</span> at the start\n\n<div>block</div>\n',
    'text with a < sign and <b>bold</b>\n\n<div>x</div>\n',
    '<div><p>unclosed</div>\n\npara\n',
    '<svg viewBox="0 0 1 1"><title>t</title><rect x="0" y="0" width="1" height="1"/></svg>\n\n## After\n',
    '<table>\n<caption>c</caption>\n<tbody>\n<tr><th scope="row">1</th><td>2</td></tr>\n</tbody>\n</table>\n\n- list\n',
    '## Title\n<div class="x" data-json="{&quot;a&quot;: 1}" hidden>\n<p>a</p>\n</div>\n',
    '    <div>code</div>\n\n<div>real</div>\n',
])
def test_special_cases_convert_the_same(text):
    plain, fast = _both_ways(text)
    assert fast == plain


_REGULAR = [
    '<div class="b">\n', '</div>\n', '<p>', '</p>', '<ul>\n', '</ul>\n', '<li>', '</li>\n', '<span>', '</span>',
    '<br>', '<strong>x</strong>', '## H\n', '\n', '\n\n', 'text ', '*em* ', '&amp; ', '& ', '&nbsp;',
    '<table><tr><td>1</td></tr></table>', '<a href="x">l</a>', '- item\n', '<p>para</p>\n\n',
    '<div>\n<p>in</p>\n</div>\n\n', '<p>a</p><div>b</div>\n\n', '<div>\n<hr>\n</div>\n\n',
]
# what makes the shortcut step aside (or HTMLExtractor read in its own way): rarer, one at most
_AWKWARD = ['  <div>x</div>\n', '<!-- c -->', ' tail', '<', '&b=1 ', '<hr>\n', '<p>a</p> b\n', '    <p>code</p>\n']


@pytest.mark.parametrize("seed", range(3))
def test_random_texts_convert_the_same(seed):
    rng = random.Random(seed)
    md = _converter(False)
    taken = 0
    for _ in range(300):
        pieces = [rng.choice(_REGULAR) for _ in range(rng.randint(1, 25))]
        if rng.random() < 0.3:
            pieces.insert(rng.randrange(len(pieces) + 1), rng.choice(_AWKWARD))
        text = "".join(pieces)
        plain, fast = _both_ways(text)
        assert fast == plain, repr(text)
        taken += bool(html_blocks(text, md))
    assert taken > 25  # enough of them took the shortcut (31-52 of 300 with these seeds)
