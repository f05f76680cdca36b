"""Load a YAML data file into plain Python values plus the source position of each.

PyYAML's SafeLoader is kept (staff files follow YAML 1.1 as PyYAML reads it), but:
- a key written twice in one mapping is an error, not a silent overwrite;
- every value's line, column and original source text are kept in `marks`,
  keyed by its path, so validation errors can point at the exact spot and
  quote what the editor typed (``0123`` rather than the 83 YAML turned it into);
- tab or full-width-space indentation and YAML syntax errors become DataErrors.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataErrors, format_path


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based
    source: str  # the scalar as typed, or '' for collections
    quoted: bool = False


Loc = tuple  # ('projects', 3, 'title', 'ja')


@dataclass
class Loaded:
    file: str  # path as shown in messages, e.g. data/projects.yaml
    data: Any
    marks: dict[Loc, Mark]

    def mark(self, loc: Loc) -> Mark:
        """The mark of loc, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), Mark(1, 1, ""))

    def error(self, loc: Loc, ja: str, en: str, got: str | None = None, **hints) -> DataError:
        m = self.mark(loc)
        return DataError(self.file, m.line, m.column, format_path(tuple(loc)), ja, en, got, **hints)


# libyaml's C scanner when present (about 10x faster on large files); same YAML 1.1 rules.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _MarkingLoader(_Base):
    pass


def _construct_mapping(loader: _MarkingLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            first = seen[key].start_mark.line + 1
            raise _DuplicateKey(key_node, key, first)
        seen[key] = key_node
    return loader.construct_mapping(node, deep=deep)


_MarkingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _DuplicateKey(Exception):
    def __init__(self, node: yaml.Node, key: Any, first_line: int):
        self.node, self.key, self.first_line = node, key, first_line


def _collect_marks(node: yaml.Node, loc: Loc, marks: dict[Loc, Mark]) -> None:
    start = node.start_mark
    if isinstance(node, yaml.ScalarNode):
        marks[loc] = Mark(start.line + 1, start.column + 1, node.value, node.style in ("'", '"'))
    elif isinstance(node, yaml.SequenceNode):
        marks[loc] = Mark(start.line + 1, start.column + 1, "")
        for i, child in enumerate(node.value):
            _collect_marks(child, loc + (i,), marks)
    elif isinstance(node, yaml.MappingNode):
        marks[loc] = Mark(start.line + 1, start.column + 1, "")
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            # A key's own mark is its value's position: that is where the fix goes.
            _collect_marks(value_node, loc + (key,), marks)
            marks.setdefault(loc + (key, "__key__"), Mark(key_node.start_mark.line + 1,
                                                          key_node.start_mark.column + 1,
                                                          key))


def _indentation_errors(shown: str, text: str) -> list[DataError]:
    """Tabs and full-width spaces in indentation: YAML's own message for these is cryptic."""
    errors = []
    for n, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t\u3000"))]
        if "\t" in indent:
            errors.append(DataError(shown, n, indent.index("\t") + 1, "",
                                    "字下げにタブ文字は使えません", "tabs cannot be used for indentation",
                                    hint_ja="半角スペースで字下げしてください",
                                    hint_en="indent with ordinary spaces"))
        elif "\u3000" in indent:
            errors.append(DataError(shown, n, indent.index("\u3000") + 1, "",
                                    "字下げに全角スペースが使われています",
                                    "a full-width space (U+3000) is used for indentation",
                                    hint_ja="半角スペースに置き換えてください",
                                    hint_en="replace it with ordinary spaces"))
    return errors


def load_yaml(path: Path, shown: str | None = None) -> Loaded:
    """Read one data file. Raises DataErrors for anything YAML itself rejects."""
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataErrors([DataError(shown, 1, 1, "", "ファイルがありません", "file not found")])
    except UnicodeDecodeError as exc:
        raise DataErrors([DataError(shown, 1, 1, "", "UTF-8で保存してください",
                                    "save the file as UTF-8", got=repr(exc.reason))])
    indentation = _indentation_errors(shown, text)
    if indentation:
        raise DataErrors(indentation)
    try:
        loader = _MarkingLoader(text)
        try:
            node = loader.get_single_node()  # parsed once: marks and values come from one tree
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except _DuplicateKey as dup:
        m = dup.node.start_mark
        raise DataErrors([DataError(shown, m.line + 1, m.column + 1, "",
                                    f"項目名「{dup.key}」が同じ場所に2回書かれています({dup.first_line}行目が1回目)",
                                    f"the key '{dup.key}' appears twice in one place (first on line {dup.first_line})",
                                    hint_ja="どちらか一方を消してください", hint_en="keep only one of them")])
    except yaml.MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        line, col = (m.line + 1, m.column + 1) if m else (1, 1)
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise DataErrors([DataError(shown, line, col, "",
                                    "YAMLの書き方に誤りがあります(字下げ、コロンの後の空白、引用符の閉じ忘れを確認してください)",
                                    f"YAML syntax error: {problem}")])
    marks: dict[Loc, Mark] = {}
    if node is not None:
        _collect_marks(node, (), marks)
    return Loaded(shown, data, marks)
