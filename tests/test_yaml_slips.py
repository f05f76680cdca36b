"""Each common YAML slip is reported at the line where it was made (issue 14, item 3).

Every slip is made in a frozen copy of each data file (tests/seed/data, never data/,
which staff change), on the file's first bilingual pair:

        ja: 海洋活用技術の研究開発        <- quotes, brackets, tab, missing colon/space
        en: Research and development    <- indentation slips, missing colon after a key

Before this work an unclosed quote was reported at the next quotation mark in the file
(projects.yaml: 70 lines further on, on a comment line, under another field).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitegen.errors import DataErrors
from sitegen.yamlload import load_yaml

SEED = Path(__file__).parent / "seed" / "data"

# The field of each file's first bilingual pair, read off the seed files by hand.
FIRST_PAIR = {
    "projects.yaml": "departments[0].name",
    "donations.yaml": "donations[0].donor",
    "calls.yaml": "calls[0].title",
    "news.yaml": "news[0].title",
    "site.yaml": "site.name",
}

QUOTE = ('引用符(")が閉じられていません', 'the quotation mark (") opened here is never closed')
SINGLE_QUOTE = ("引用符(')が閉じられていません", "the quotation mark (') opened here is never closed")
SQUARE = ("かっこが閉じられていません(「]」がありません)", "the bracket opened here is never closed (no ']')")
CURLY = ("かっこが閉じられていません(「}」がありません)", "the bracket opened here is never closed (no '}')")
TAB = ("字下げにタブ文字は使えません", "tabs cannot be used for indentation")
INDENT = ("字下げ(行頭の空白の数)が前後の行と揃っていません",
          "the indentation (spaces at the start of the line) does not line up")
NO_COLON = ("項目名の後にコロン(:)がありません", "the colon (:) after the field name is missing")
NO_SPACE = ("コロン(:)の後に半角スペースがありません", "a space is missing after the colon")


@dataclass(frozen=True)
class Slip:
    """A slip made on one line of the pair: the new text of that line, and the column
    (1-based) the message must point at, both from the line's indentation `i`."""
    on: str  # "ja" or "en"
    line: Callable[[int, str, str], str]  # (indent, key, value) -> the line as mistyped
    column: Callable[[int], int]  # indent -> expected column
    message: tuple[str, str]


SLIPS = {
    "unclosed-double-quote": Slip("ja", lambda i, k, v: f'{" " * i}{k}: "{v}', lambda i: i + 5, QUOTE),
    "unclosed-single-quote": Slip("ja", lambda i, k, v: f"{' ' * i}{k}: '{v}", lambda i: i + 5, SINGLE_QUOTE),
    "unclosed-square-bracket": Slip("ja", lambda i, k, v: f"{' ' * i}{k}: [{v}", lambda i: i + 5, SQUARE),
    "unclosed-curly-bracket": Slip("ja", lambda i, k, v: f"{' ' * i}{k}: {{{v}", lambda i: i + 5, CURLY),
    # An editor's tab for the last level of indentation.
    "tab-indentation": Slip("ja", lambda i, k, v: f"{' ' * (i - 2)}\t{k}: {v}", lambda i: i - 1, TAB),
    "indented-one-less": Slip("en", lambda i, k, v: f"{' ' * (i - 1)}{k}: {v}", lambda i: i, INDENT),
    "indented-one-more": Slip("en", lambda i, k, v: f"{' ' * (i + 1)}{k}: {v}", lambda i: i + 2, INDENT),
    # First key under 'title:': YAML takes its indentation as right and stops at 'en:'.
    "first-key-indented-one-less": Slip("ja", lambda i, k, v: f"{' ' * (i - 1)}{k}: {v}", lambda i: i, INDENT),
    "first-key-indented-one-more": Slip("ja", lambda i, k, v: f"{' ' * (i + 1)}{k}: {v}", lambda i: i + 2, INDENT),
    # The column is where the colon belongs: right after the key.
    "missing-colon": Slip("en", lambda i, k, v: f"{' ' * i}{k} {v}", lambda i: i + 3, NO_COLON),
    # First key: YAML takes 'ja …' as the text of 'title:' and stops at 'en:'.
    "missing-colon-first-key": Slip("ja", lambda i, k, v: f"{' ' * i}{k} {v}", lambda i: i + 3, NO_COLON),
    "no-space-after-colon": Slip("ja", lambda i, k, v: f"{' ' * i}{k}:{v}", lambda i: i + 4, NO_SPACE),
}

_PAIR = re.compile(r"^(?P<indent> +)ja: (?P<ja>[^\"'|>\[{#].*)\n(?P=indent)en: (?P<en>.+)$", re.M)


def first_pair(text: str) -> tuple[int, int]:
    """Index (0-based) of the first 'ja:' line followed by its 'en:' line, and their indent."""
    m = _PAIR.search(text)
    return text.count("\n", 0, m.start()), len(m.group("indent"))


def load_error(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_yaml(path, f"data/{name}")
    [error] = exc.value.errors
    return error


def mistype(lines: list[str], index: int, new: str) -> str:
    return "\n".join(lines[:index] + [new] + lines[index + 1:]) + "\n"


@pytest.mark.parametrize("slip", SLIPS, ids=str)
@pytest.mark.parametrize("name", FIRST_PAIR, ids=str)
def test_slip_is_reported_on_its_own_line(tmp_path, name, slip):
    text = (SEED / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    ja_index, indent = first_pair(text)
    s = SLIPS[slip]
    index = ja_index + (s.on == "en")
    key, value = lines[index].strip().split(": ", 1)
    assert key == s.on

    error = load_error(tmp_path, name, mistype(lines, index, s.line(indent, key, value)))

    assert (error.file, error.line, error.column, error.path) == \
        (f"data/{name}", index + 1, s.column(indent), f"{FIRST_PAIR[name]}.{s.on}")
    assert (error.ja, error.en) == s.message


def test_the_seed_files_load_without_error():
    """The slips above are the only mistakes in the files they are made in."""
    for name in FIRST_PAIR:
        load_yaml(SEED / name, f"data/{name}")


# --- The issue's own examples ---------------------------------------------------------------

@pytest.mark.parametrize("name, after, field", [
    # projects.yaml: closed, for YAML, by the quote in a comment 11 lines below.
    ("projects.yaml", "      ja: 工学院大学の金熙濬教授", "projects[1].summary.ja"),
    # donations.yaml: closed by the quote in a comment 3 lines below, then read on.
    ("donations.yaml", "      ja: LINEヤフー(株)\n      en: LY Corporation\n  # ", "voices[0].company.ja"),
], ids=["projects", "donations"])
def test_the_issue_examples_are_reported_where_the_quote_was_opened(tmp_path, name, after, field):
    text = (SEED / name).read_text(encoding="utf-8")
    start = text.index(after)
    line = text.count("\n", 0, start) + 1
    mistyped = text[:start] + text[start:].replace("ja: ", 'ja: "', 1)

    error = load_error(tmp_path, name, mistyped)

    assert (error.line, error.column, error.path, error.ja, error.en) == (line, 11, field, *QUOTE)


# --- A bracket left open where staff really write brackets ----------------------------------

def _flow_list_files():
    for name in FIRST_PAIR:
        text = (SEED / name).read_text(encoding="utf-8")
        m = re.search(r"^ +[a-z_]+: \[[^\]\n]*\]$", text, re.M)
        if m:
            yield name, text.count("\n", 0, m.start())


@pytest.mark.parametrize("name, index", list(_flow_list_files()), ids=lambda v: str(v))
def test_a_list_without_its_closing_bracket_is_reported_at_its_line(tmp_path, name, index):
    lines = (SEED / name).read_text(encoding="utf-8").splitlines()
    opened = lines[index].rstrip("]")  # '    support: [implementation, pr'

    error = load_error(tmp_path, name, mistype(lines, index, opened))

    assert (error.line, error.column, error.ja, error.en) == (index + 1, opened.index("[") + 1, *SQUARE)


def test_flow_lists_exist_in_three_seed_files():
    """So the test above runs on projects.yaml (support: […]), news.yaml (projects: […]) and
    calls.yaml (target_types: […])."""
    assert sorted(name for name, _ in _flow_list_files()) == ["calls.yaml", "news.yaml", "projects.yaml"]


# --- A quote closed much later by another one: valid YAML, keys swallowed --------------------

def test_a_quote_closed_lines_later_is_reported_even_when_yaml_reads_the_file(tmp_path):
    text = (SEED / "site.yaml").read_text(encoding="utf-8")
    # The name's ja text takes in its en line and the whole organisation field, then ends
    # at a quote typed after 'Hiratsuka City': YAML has no complaint, but 'organisation'
    # would be reported missing, far from the slip.
    mistyped = text.replace("    ja: 知的", '    ja: "知的', 1).replace("en: Hiratsuka City\n", 'en: Hiratsuka City"\n', 1)

    error = load_error(tmp_path, "site.yaml", mistyped)

    assert (error.line, error.column, error.path, error.ja, error.en) == (5, 9, "site.name.ja", *QUOTE)


@pytest.mark.parametrize("text, where, words", [
    # each parses: the value runs on to a closing mark further down and takes in the keys between
    ("- id: a\n  title: 'Sea\n  place: Hiratsuka'\n  year: 2024\n", (2, 10), SINGLE_QUOTE),
    ("- id: a\n  support: [implementation,\n  category: agreement]\n", (2, 12), SQUARE),
    ("- id: a\n  place: {name: Hiratsuka,\n  year: 2024}\n", (2, 10), CURLY),
    ('- id: a\n  tags: [x, "y\n  category: agreement"]\n', (2, 9), SQUARE),  # the first opened
], ids=["single quote", "bracket", "brace", "quote inside a bracket"])
def test_every_kind_of_run_on_value_that_yaml_reads_is_reported_at_its_opening(tmp_path, text, where, words):
    # the run-on values are noted while the parsed file is built (sitegen/yamlload.py)
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_yaml(path, "data/x.yaml")
    error, = caught.value.errors
    assert (error.line, error.column, error.ja, error.en) == (*where, *words)


def test_a_quoted_text_that_goes_on_to_a_deeper_indented_line_is_valid(tmp_path):
    """YAML allows a quoted text over two lines; it swallows no key, so it is no slip."""
    path = tmp_path / "x.yaml"
    path.write_text('title:\n  ja: "海の\n    肥料"\n  en: "Sea\n    fertiliser"\n', encoding="utf-8")
    assert load_yaml(path, "data/x.yaml").data == {"title": {"ja": "海の 肥料", "en": "Sea fertiliser"}}


def test_a_list_over_two_lines_is_valid(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("support: [implementation,\n  pr]\ncategory: agreement\n", encoding="utf-8")
    assert load_yaml(path, "data/x.yaml").data == {"support": ["implementation", "pr"], "category": "agreement"}
