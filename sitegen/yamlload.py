"""Load a YAML data file into plain Python values plus the source position of each.

PyYAML's SafeLoader is kept (staff files follow YAML 1.1 as PyYAML reads it), but:
- a key written twice in one mapping is an error, not a silent overwrite;
- every value's line, column and original source text are kept in `marks`,
  keyed by its path, so validation errors can point at the exact spot and
  quote what the editor typed (``0123`` rather than the 83 YAML turned it into);
- tab or full-width-space indentation and YAML syntax errors become DataErrors,
  placed at the slip that caused them (see yamlslips).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataErrors, format_path
from .yamlslips import describe_syntax_error, indentation_errors, swallowed_keys


@dataclass(frozen=True, slots=True)  # slots: a dataset holds one per record and field
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


class _RunOnNoting:
    """A loader that also notes, while it builds the values (a pass over every node that
    happens anyway), each quoted text and bracketed list or mapping read over several lines:
    a quote left open can still parse, having run on over the keys below it
    (yamlslips.swallowed_keys)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.run_on: list[tuple[yaml.Mark, yaml.Mark]] = []

    def construct_scalar(self, node):
        if node.style in _QUOTES and node.end_mark.line != node.start_mark.line:
            self.run_on.append((node.start_mark, node.end_mark))
        return super().construct_scalar(node)

    def construct_sequence(self, node, deep=False):
        _note_flow(self, node)
        return super().construct_sequence(node, deep=deep)


class _MarkingLoader(_RunOnNoting, _Base):
    pass


_QUOTES = ("'", '"')


def _note_flow(loader: _RunOnNoting, node: yaml.CollectionNode) -> None:
    if node.flow_style and node.end_mark.line != node.start_mark.line:
        loader.run_on.append((node.start_mark, node.end_mark))


def _construct_mapping(loader: _MarkingLoader, node: yaml.MappingNode, deep: bool = False):
    _note_flow(loader, node)
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


class _PureMarkingLoader(_RunOnNoting, yaml.SafeLoader):
    """Used only to describe a syntax error: the pure-Python parser's wording is what
    the plain-words translations in yamlslips recognise (libyaml words some differently)."""


_PureMarkingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, object, list]:
    """The node tree, the values, and the values read over several lines (run_on)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()  # parsed once: marks and values come from one tree
        data = loader.construct_document(node) if node is not None else None
        return node, data, loader.run_on
    finally:
        loader.dispose()


class _DuplicateKey(Exception):
    def __init__(self, node: yaml.Node, key: Any, first_line: int):
        self.node, self.key, self.first_line = node, key, first_line


def _collect_marks(node: yaml.Node, loc: Loc, marks: dict[Loc, Mark], depth: int | None = None) -> None:
    start = node.start_mark
    if depth is not None and len(loc) > depth:
        return
    if isinstance(node, yaml.ScalarNode):
        marks[loc] = Mark(start.line + 1, start.column + 1, node.value, node.style in ("'", '"'))
    elif isinstance(node, yaml.SequenceNode):
        marks[loc] = Mark(start.line + 1, start.column + 1, "")
        for i, child in enumerate(node.value):
            _collect_marks(child, loc + (i,), marks, depth)
    elif isinstance(node, yaml.MappingNode):
        marks[loc] = Mark(start.line + 1, start.column + 1, "")
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            # A key's own mark is its value's position: that is where the fix goes.
            _collect_marks(value_node, loc + (key,), marks, depth)
            marks.setdefault(loc + (key, "__key__"), Mark(key_node.start_mark.line + 1,
                                                          key_node.start_mark.column + 1,
                                                          key))


def load_yaml(path: Path, shown: str | None = None, marks_depth: int | None = None) -> Loaded:
    """Read one data file. Raises DataErrors for anything YAML itself rejects.

    marks_depth keeps marks only down to that many path parts (2: each record's start),
    for large files read when they are expected to be valid; None keeps every mark."""
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataErrors([DataError(shown, 1, 1, "", "ファイルがありません", "file not found")])
    except UnicodeDecodeError as exc:
        raise DataErrors([DataError(shown, 1, 1, "", "UTF-8で保存してください",
                                    "save the file as UTF-8", got=repr(exc.reason))])
    indentation = indentation_errors(shown, text)
    if indentation:
        raise DataErrors(indentation)
    try:
        try:
            node, data, run_on = _parse(text, _MarkingLoader)
        except yaml.MarkedYAMLError:
            node, data, run_on = _parse(text, _PureMarkingLoader)  # raises again, in familiar words
    except _DuplicateKey as dup:
        m = dup.node.start_mark
        raise DataErrors([DataError(shown, m.line + 1, m.column + 1, "",
                                    f"項目名「{dup.key}」が同じ場所に2回書かれています({dup.first_line}行目が1回目)",
                                    f"the key '{dup.key}' appears twice in one place (first on line {dup.first_line})",
                                    hint_ja="どちらか一方を消してください", hint_en="keep only one of them")])
    except yaml.MarkedYAMLError as exc:
        raise DataErrors([describe_syntax_error(shown, text, exc)])
    swallowed = swallowed_keys(shown, text, run_on)
    if swallowed:
        raise DataErrors([swallowed])
    marks: dict[Loc, Mark] = {}
    if node is not None:
        _collect_marks(node, (), marks, marks_depth)
    return Loaded(shown, data, marks)
