"""Issue 18, item 4: a plain one-line text skips Python-Markdown and nh3, with the same HTML.

sitegen/markup.py writes `<p>text</p>` itself for a text that Markdown can only read as one
paragraph of plain text. These tests hold that shortcut to the full path's bytes: on every
text of the frozen seed and the fixtures, on texts made at random from the characters that
matter to Markdown and HTML, and on the cases that must not take it.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from sitegen.markup import _PLAIN_PARAGRAPH, _render_full, render_markdown

TESTS = Path(__file__).parent


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _data_texts() -> list[str]:
    files = sorted((TESTS / "seed" / "data").glob("*.yaml")) + sorted((TESTS / "fixtures").rglob("*.yaml"))
    texts = set()
    for path in files:
        texts.update(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return sorted(texts)


def test_every_seed_and_fixture_text_renders_the_same_either_way():
    texts = _data_texts()
    plain = [t for t in texts if _PLAIN_PARAGRAPH.match(t)]
    # the shortcut is taken by the seed's ordinary sentences (not a vacuous check)...
    assert len(plain) >= 100, len(plain)
    # ...and not by its texts with Markdown (lists, links, line breaks)
    assert len(plain) < len(texts)
    for text in texts:
        assert str(render_markdown(text)) == str(_render_full(text)), text


# Characters that mean something to Markdown, to HTML or to the sanitiser, beside ordinary
# Japanese and English ones; random texts of them, most with a leading character that starts
# a block, so that both ways meet every rule the shortcut's pattern stands for.
_ALPHABET = list("あ日本語 の、。「」()ｱ１２abcXYZ019 .,:;!?'\"#*-+=_>`~|[](){}<>&\\/%$@^") + [
    "\n", "\t", "\r", "\u00a0", "\u3000", "\u2028", "\u2029", "\u0085", "\ufeff", "\x00", "\x0b",
    "\x0c", "\x7f", "\u200b", "\U0001f600", "&amp;", "&copy;", "1. ", "1) ", "- ", "* ", "# ", "    ",
    "http://a.jp", "<b>", "**", "__"]


@pytest.mark.parametrize("seed", range(4))
def test_random_texts_render_the_same_either_way(seed):
    rng = random.Random(seed)
    taken = 0
    for _ in range(5000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12)))
        if _PLAIN_PARAGRAPH.match(text):
            taken += 1
            assert str(render_markdown(text)) == str(_render_full(text)), repr(text)
    assert taken > 100  # enough shortcut texts were compared


@pytest.mark.parametrize("text", [
    "1. 申請書", "2024) 年度", "１. 全角数字", "- 項目", "+ item", "# 見出し", "> 引用", "=", "    コード",
    " 先頭の空白", "末尾の空白 ", "改行\nあり", "タブ\tあり", "a&amp;b", "A & B", "no\u00a0break",
    "*強調*", "_x_", "`code`", "[リンク](https://a.jp)", "<b>太字</b>", "a | b", "a\\b", "~x~",
    "\ufeffBOM", "行\u2028区切り",
])
def test_texts_with_markdown_meaning_take_the_full_path(text):
    assert not _PLAIN_PARAGRAPH.match(text)


@pytest.mark.parametrize("text", [
    "令和6年度 知的対流推進事業の成果", "Open from 1 April 2025 to 31 May.", "補助率は2/3以内(上限50万円)",
    "Decarbonization-related equipment", "URL: https://example.jp/a?b=1", 'He said "yes" and left.',
])
def test_ordinary_sentences_take_the_shortcut(text):
    assert _PLAIN_PARAGRAPH.match(text)
    assert str(render_markdown(text)) == f"<p>{text}</p>" == str(_render_full(text))
