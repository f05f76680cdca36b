"""The loader: duplicate keys, marks, indentation and syntax errors."""
from __future__ import annotations

import pytest

from sitegen.errors import DataErrors
from sitegen.yamlload import load_yaml


def load(tmp_path, text):
    p = tmp_path / "x.yaml"
    p.write_text(text, encoding="utf-8")
    return load_yaml(p, "data/x.yaml")


def errors(tmp_path, text):
    with pytest.raises(DataErrors) as exc:
        load(tmp_path, text)
    return exc.value.errors


def test_marks_keep_line_column_and_source(tmp_path):
    loaded = load(tmp_path, "items:\n  - id: a\n    code: 0123\n")
    assert loaded.data["items"][0]["code"] == 83  # what YAML 1.1 makes of it...
    mark = loaded.marks[("items", 0, "code")]
    assert (mark.line, mark.column, mark.source) == (3, 11, "0123")  # ...and what the editor typed


def test_duplicate_key_is_refused_with_both_lines(tmp_path):
    [e] = errors(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert e.line == 3 and "first on line 1" in e.en and "2回" in e.ja


def test_tab_indentation(tmp_path):
    [e] = errors(tmp_path, "a:\n\tb: 1\n")
    assert (e.line, e.column) == (2, 1) and "tab" in e.en and "タブ" in e.ja


def test_full_width_space_indentation(tmp_path):
    [e] = errors(tmp_path, "a:\n\u3000\u3000b: 1\n")
    assert e.line == 2 and "full-width" in e.en and "全角スペース" in e.ja


def test_syntax_error_names_line(tmp_path):
    [e] = errors(tmp_path, "a:\n  b: [1, 2\nc: 3\n")
    assert e.file == "data/x.yaml" and e.line == 2 and "bracket" in e.en and "]" in e.hint_en


def test_message_format(tmp_path):
    [e] = errors(tmp_path, "a: 1\na: 2\n")
    line = e.format()
    assert line.startswith("data/x.yaml:2:1 ") and " / " in line
