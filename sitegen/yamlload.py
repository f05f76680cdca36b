"""Load a YAML data file into plain Python values plus the source position of each.

PyYAML's SafeLoader is kept (staff files follow YAML 1.1 as PyYAML reads it), but:
- a key written twice in one mapping is an error, not a silent overwrite;
- every value's line, column and original source text are kept in `marks`,
  keyed by its path, so validation errors can point at the exact spot and
  quote what the editor typed (``0123`` rather than the 83 YAML turned it into);
- tab or full-width-space indentation and YAML syntax errors become DataErrors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataErrors, format_path


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


class _PureMarkingLoader(yaml.SafeLoader):
    """Used only to describe a syntax error: the pure-Python parser's wording is what
    the plain-words translations in _syntax_error recognise (libyaml words some differently)."""


_PureMarkingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()  # parsed once: marks and values come from one tree
        return node, (loader.construct_document(node) if node is not None else None)
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


# --- Where in the file a line is: the field path, told from indentation alone --------

_KEY_LINE = re.compile(r"^(?P<indent>[ \t\u3000]*)(?P<dash>-[ \t]+)?(?P<key>[^\s:#\-\"'{\[][^:#]*?)[ \t]*[:\uff1a]")
_DASH_LINE = re.compile(r"^(?P<indent>[ \t\u3000]*)-(\s|$)")


def path_at_line(text: str, line: int) -> str:
    """The field path of a line ('news[0].title.ja'), guessed from indentation.

    Used where YAML itself gave up (syntax errors, tabs), so no parsed tree exists:
    keys and list dashes are read line by line, which is enough for the block
    style staff files are written in.
    """
    stack: list[tuple[int, object]] = []  # (indent, key or list index)
    for raw in text.splitlines()[:line]:
        # Read stray tabs and full-width spaces as the width an editor shows them with.
        raw = raw.replace("\u3000", "  ").expandtabs(8)
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        dash = _DASH_LINE.match(raw)
        if dash:
            indent = len(dash.group("indent"))
            while stack and stack[-1][0] > indent:
                stack.pop()
            index = 0
            if stack and stack[-1][0] == indent and isinstance(stack[-1][1], int):
                index = stack.pop()[1] + 1
            stack.append((indent, index))
        key = _KEY_LINE.match(raw)
        if key:
            indent = len(key.group("indent")) + len(key.group("dash") or "")
            while stack and stack[-1][0] >= indent and not (isinstance(stack[-1][1], int) and key.group("dash")):
                stack.pop()
            stack.append((indent, key.group("key").strip()))
    return format_path(tuple(part for _, part in stack))


# --- Indentation ---------------------------------------------------------------------

def _indentation_errors(shown: str, text: str) -> list[DataError]:
    """Tabs and full-width spaces in indentation: YAML's own message for these is cryptic."""
    errors = []
    for n, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t\u3000"))]
        if "\t" in indent:
            errors.append(DataError(shown, n, indent.index("\t") + 1, path_at_line(text, n),
                                    "字下げにタブ文字は使えません", "tabs cannot be used for indentation",
                                    hint_ja="タブを消して、上の行に揃うよう半角スペースで字下げしてください",
                                    hint_en="delete the tab and indent with ordinary spaces, lined up with the line above"))
        elif "\u3000" in indent:
            errors.append(DataError(shown, n, indent.index("\u3000") + 1, path_at_line(text, n),
                                    "字下げに全角スペースが使われています",
                                    "a full-width space (U+3000) is used for indentation",
                                    hint_ja="全角スペースを消して、半角スペースで字下げしてください",
                                    hint_en="replace it with ordinary (half-width) spaces"))
    return errors


# --- YAML syntax errors in plain words ------------------------------------------------

# `ja:海の肥料`: without a space after the colon YAML reads one piece of text, not a key.
_NO_SPACE_AFTER_COLON = re.compile(r"^[ ]*(?:-[ ]+)?(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?=[^\s/])")
_FULL_WIDTH_COLON = re.compile(r"^[ ]*(?:-[ ]+)?(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ ]*\uff1a")
_NO_SPACE_AFTER_DASH = re.compile(r"^[ ]*-(?=[A-Za-z0-9_\"'])")
# `ja: "a" b`: text goes on after the closing quote.
_TEXT_AFTER_QUOTE = re.compile(r"^[ ]*(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_-]*:[ ]+(?P<q>[\"']).*?(?P=q)[ ]*[^\s#]")
# `en: Note: this`: a second ": " inside unquoted text.
_COLON_IN_TEXT = re.compile(r"^[ ]*(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_-]*:[ ]+(?P<value>[^\"'\s{\[|>&*!#][^#]*?:[ ])")


def _line_problem(lines: list[str], upto: int) -> tuple[int, int, str, str, str, str] | None:
    """The first line up to `upto` with a typing slip YAML reports only later, in its own words."""
    for n, line in enumerate(lines[:upto], start=1):
        m = _FULL_WIDTH_COLON.match(line)
        if m:
            return (n, m.end(), "コロンが全角(:)になっています", "a full-width colon (:) is used",
                    f"半角で「{m.group('key')}: 」と書いてください", f"write '{m.group('key')}: ' with an ordinary colon")
        m = _NO_SPACE_AFTER_COLON.match(line)
        if m:
            return (n, m.end() + 1, "コロン(:)の後に半角スペースがありません", "a space is missing after the colon",
                    f"「{m.group('key')}: 」のようにコロンの後に空白を入れてください",
                    f"write '{m.group('key')}: ' with a space after the colon")
        m = _NO_SPACE_AFTER_DASH.match(line)
        if m:
            return (n, m.end(), "「-」の後に半角スペースがありません", "a space is missing after the '-'",
                    "一覧の項目は「- 」(ハイフンと空白)で始めてください", "start a list item with '- ' (dash and space)")
    return None


def _syntax_error(shown: str, text: str, exc: yaml.MarkedYAMLError) -> DataError:
    """Translate PyYAML's message for the common slips; otherwise say what YAML expected."""
    lines = text.splitlines()
    problem_mark = exc.problem_mark or exc.context_mark
    line, col = (problem_mark.line + 1, problem_mark.column + 1) if problem_mark else (1, 1)
    problem = exc.problem or ""
    context = exc.context or ""

    def at(n: int, c: int, ja: str, en: str, hint_ja: str, hint_en: str) -> DataError:
        got = repr(lines[n - 1].strip()) if 0 < n <= len(lines) and lines[n - 1].strip() else None
        return DataError(shown, n, c, path_at_line(text, n), ja, en, got, hint_ja=hint_ja, hint_en=hint_en)

    slip = _line_problem(lines, line)
    if slip:
        return at(*slip)
    if "quoted scalar" in context and exc.context_mark:
        m = exc.context_mark
        quote = text.splitlines()[m.line][m.column] if m.line < len(lines) else '"'
        return at(m.line + 1, m.column + 1, f"引用符({quote})が閉じられていません",
                  f"the quotation mark ({quote}) opened here is never closed",
                  f"文章の最後にも {quote} を付けてください", f"add the closing {quote} at the end of the text")
    if "flow sequence" in context or "flow mapping" in context:
        m = exc.context_mark
        bracket = "]" if "sequence" in context else "}"
        n = m.line + 1 if m else line
        return at(n, (m.column + 1) if m else col, f"かっこが閉じられていません(「{bracket}」がありません)",
                  f"the bracket opened here is never closed (no '{bracket}')",
                  f"同じ行の最後に「{bracket}」を付けてください", f"add '{bracket}' at the end of the line")
    if problem == "mapping values are not allowed here" and 0 < line <= len(lines):
        m = _COLON_IN_TEXT.match(lines[line - 1])
        if m:
            return at(line, col, "文章の中に「: 」(コロンと空白)があります",
                      "the text contains ': ' (a colon followed by a space)",
                      "文章全体を引用符(\")で囲んでください", 'put the whole text in double quotes "…"')
    if "found '<scalar>'" in problem and 0 < line <= len(lines) and _TEXT_AFTER_QUOTE.match(lines[line - 1]):
        return at(line, col, "閉じた引用符の後に文字が続いています", "there is text after the closing quotation mark",
                  "文章全体を1組の引用符で囲んでください", "put the whole text inside one pair of quotes")
    if problem == "mapping values are not allowed here" or "expected <block end>" in problem \
            or "did not find expected key" in problem or "could not find expected ':'" in problem:
        return at(line, col, "字下げ(行頭の空白の数)が前後の行と揃っていません",
                  "the indentation (spaces at the start of the line) does not line up",
                  "同じ階層の項目は同じ数の半角スペースで始め、引用符やかっこの閉じ忘れがないか確認してください",
                  "start items of one level with the same number of spaces; check for an unclosed quote or bracket")
    expected = " ".join(p for p in (context, problem) if p)
    return at(line, col, "YAMLの書き方に誤りがあります", f"YAML syntax error: {expected}",
              f"YAMLの説明: {expected}", "see the line above it too")


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
    indentation = _indentation_errors(shown, text)
    if indentation:
        raise DataErrors(indentation)
    try:
        try:
            node, data = _parse(text, _MarkingLoader)
        except yaml.MarkedYAMLError:
            node, data = _parse(text, _PureMarkingLoader)  # raises again, in familiar words
    except _DuplicateKey as dup:
        m = dup.node.start_mark
        raise DataErrors([DataError(shown, m.line + 1, m.column + 1, "",
                                    f"項目名「{dup.key}」が同じ場所に2回書かれています({dup.first_line}行目が1回目)",
                                    f"the key '{dup.key}' appears twice in one place (first on line {dup.first_line})",
                                    hint_ja="どちらか一方を消してください", hint_en="keep only one of them")])
    except yaml.MarkedYAMLError as exc:
        raise DataErrors([_syntax_error(shown, text, exc)])
    marks: dict[Loc, Mark] = {}
    if node is not None:
        _collect_marks(node, (), marks, marks_depth)
    return Loaded(shown, data, marks)
