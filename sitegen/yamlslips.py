"""Where a typing slip in a YAML file was made, told in plain words.

PyYAML reports a syntax error where its reading broke down, which for the commonest
slips is far from their cause: a double-quoted text runs on across lines, so a
forgotten closing quote is reported at the next quotation mark, often many lines and
records later. Staff files are written in block style with every value on one line,
so the text itself says where a slip was made:

- a quote or bracket that opens a value and runs on over the following keys was left
  open on its own line (found from PyYAML's own tokens, so the extent is YAML's);
- a line that should be a key but has no colon, or no space after it, is the slip;
- among lines whose indentation YAML could not place, the first one off the file's
  usual indentation is the slip, not the sibling after it where YAML noticed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import yaml

from .errors import DataError, format_path

# A key as staff write them, and the lines that give a block file its structure.
_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_STRUCTURE_LINE = re.compile(rf"^(?P<indent>[ ]*)(?P<dashes>(?:-(?:[ ]+|$))*)"
                             rf"(?:(?P<key>{_KEY})[ ]*:(?:[ ]+(?P<value>.*))?$)?")


@dataclass(frozen=True)
class _Structure:
    """A key line or list-item line: what block indentation is made of."""
    line: int
    indent: int  # column (0-based) of its first character, dash or key
    key_column: int  # column of the key (after any dashes), or of the item's text
    dash: bool
    key: str | None
    opens_block: bool  # 'title:' or '-' alone: the lines below, indented deeper, belong to it


def _structure(n: int, text: str) -> _Structure | None:
    m = _STRUCTURE_LINE.match(text)
    if not m or not (m.group("dashes") or m.group("key")):
        return None
    value = (m.group("value") or "").strip()
    opens = (m.group("key") is not None or text.strip() == "-") and (not value or value.startswith("#"))
    return _Structure(n, len(m.group("indent")), m.end("dashes"), bool(m.group("dashes")), m.group("key"), opens)


def _key_column(text: str) -> int:
    return re.match(r"[ ]*(?:-[ ]+)*", text).end()


# --- The file as YAML's scanner read it -------------------------------------------------

@dataclass(frozen=True)
class _Opener:
    """A quote or bracket whose value YAML read on past the end of its line."""
    line: int  # 1-based
    column: int  # 1-based
    char: str  # " ' [ {
    end_line: int | None  # where YAML found its close; None: never closed


@dataclass
class _Reading:
    lines: list[str]
    covered: set[int] = field(default_factory=set)  # lines continuing a value begun above
    openers: list[_Opener] = field(default_factory=list)

    def swallows_structure(self, opener: _Opener) -> bool:
        """Whether the run-on value took in a key or list item of its own level or above:
        a quoted text that truly goes on over lines is indented deeper than its key."""
        end = opener.end_line or len(self.lines)
        level = _key_column(self.lines[opener.line - 1])
        for n in range(opener.line + 1, end + 1):
            line = _structure(n, self.lines[n - 1])
            if line and line.indent <= level:
                return True
        return False


def _read(text: str) -> _Reading:
    """Tokens from PyYAML's pure-Python scanner (whose marks match the errors described),
    up to where it gave up: which lines continue a value, and which values ran on."""
    reading = _Reading(text.splitlines())

    def cover(start: yaml.Mark, end: yaml.Mark) -> None:
        last = end.line + 1
        # A token ending at the indentation of a line (a '|' text) has not reached into it.
        if last <= len(reading.lines) and end.column <= _key_column(reading.lines[last - 1]):
            last -= 1
        reading.covered.update(range(start.line + 2, last + 1))

    def opener(start: yaml.Mark, end_line: int | None) -> None:
        char = reading.lines[start.line][start.column]
        reading.openers.append(_Opener(start.line + 1, start.column + 1, char, end_line))

    flows: list[yaml.Token] = []
    loader = yaml.SafeLoader(text)
    try:
        while not loader.check_token(yaml.StreamEndToken):
            token = loader.get_token()
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                flows.append(token)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and flows:
                start = flows.pop().start_mark
                cover(start, token.end_mark)
                if token.end_mark.line != start.line:
                    opener(start, token.end_mark.line + 1)
            elif isinstance(token, yaml.ScalarToken) and token.style and token.end_mark.line != token.start_mark.line:
                # Plain text is left out: a line YAML took as more of it, but that holds a
                # key, is a slip (`ja 海` with its colon missing, then `en: …`).
                cover(token.start_mark, token.end_mark)
                if token.style in ("'", '"'):
                    opener(token.start_mark, token.end_mark.line + 1)
    except yaml.YAMLError as exc:  # where the scanner gave up; what it read so far stands
        if getattr(exc, "context", None) == "while scanning a quoted scalar" and exc.context_mark:
            opener(exc.context_mark, None)
            reading.covered.update(range(exc.context_mark.line + 2, len(reading.lines) + 1))
    finally:
        loader.dispose()
    for start in flows:  # still open when the scanner stopped
        opener(start.start_mark, None)
    reading.openers.sort(key=lambda o: (o.line, o.column))
    return reading


# --- Where each slip is -----------------------------------------------------------------

@dataclass(frozen=True)
class _Slip:
    line: int
    column: int
    ja: str
    en: str
    hint_ja: str
    hint_en: str
    fixed: str | None = None  # the line as it reads once fixed, when its key is unreadable as written


def _unclosed(opener: _Opener) -> _Slip:
    if opener.char in "\"'":
        q = opener.char
        return _Slip(opener.line, opener.column, f"引用符({q})が閉じられていません",
                     f"the quotation mark ({q}) opened here is never closed",
                     f"文章の最後にも {q} を付けてください", f"add the closing {q} at the end of the text")
    bracket = "]" if opener.char == "[" else "}"
    return _Slip(opener.line, opener.column, f"かっこが閉じられていません(「{bracket}」がありません)",
                 f"the bracket opened here is never closed (no '{bracket}')",
                 f"同じ行の最後に「{bracket}」を付けてください", f"add '{bracket}' at the end of the line")


def _unclosed_opener(reading: _Reading, error_line: int | None) -> _Slip | None:
    """The first quote or bracket left open. Without a syntax error (error_line None) only
    one that swallowed keys counts: a quote closed many lines later by another quote
    can be valid YAML, but the keys it took in would be reported as missing."""
    for o in reading.openers:
        if error_line is not None and o.line > error_line:
            break
        if reading.swallows_structure(o) or (error_line is not None and (
                o.end_line is None or o.line <= error_line <= o.end_line)):
            return _unclosed(o)
    return None


# `ja:海の肥料`: without a space after the colon YAML reads one piece of text, not a key.
_NO_SPACE_AFTER_COLON = re.compile(rf"^[ ]*(?:-[ ]+)?(?P<key>{_KEY}):(?=[^\s/])")
_FULL_WIDTH_COLON = re.compile(rf"^[ ]*(?:-[ ]+)?(?P<key>{_KEY})[ ]*\uff1a")
_NO_SPACE_AFTER_DASH = re.compile(r"^[ ]*-(?=[A-Za-z0-9_\"'])")
# `date 2025-05-01`: a key and its value with no colon between them.
_NO_COLON = re.compile(rf"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>{_KEY})(?:[ ]+(?P<value>[^#\s].*?))?[ ]*(?:[ ]#.*)?$")


def _no_colon(reading: _Reading, n: int) -> _Slip | None:
    """A line of a bare word (and value) standing where its neighbours are keys.

    Text continuing a value is indented deeper than the keys around it, so a line on the
    same column as a key just above or below it can only be a key missing its colon."""
    text = reading.lines[n - 1]
    m = _NO_COLON.match(text)
    if not m or ": " in text:  # 'en Note: x' is a key YAML reads as 'en Note'
        return None
    column = len(m.group("lead"))

    def lines_from(step: int):
        k = n + step
        while 0 < k <= len(reading.lines):
            stripped = reading.lines[k - 1].strip()
            if stripped and not stripped.startswith("#") and k not in reading.covered:
                yield k, reading.lines[k - 1]
            k += step

    def sibling_key(step: int) -> bool:
        """The nearest line above or below not indented deeper is a key on this column."""
        for k, line in lines_from(step):
            if len(line) - len(line.lstrip(" ")) <= column:
                s = _structure(k, line)
                return bool(s and s.key and s.key_column == column)
        return False

    below = next((_structure(k, line) for k, line in lines_from(1)), None)
    opens_block = below and below.key and below.indent > column and not m.group("value")  # 'title' over 'ja: …'
    if opens_block or sibling_key(-1) or sibling_key(1):
        key, value = m.group("key"), m.group("value") or ""
        return _Slip(n, column + len(key) + 1, "項目名の後にコロン(:)がありません",
                     "the colon (:) after the field name is missing",
                     f"「{key}: 」のように項目名の後にコロンと半角スペースを入れてください",
                     f"write '{key}: ' with a colon and a space after the field name",
                     f"{m.group('lead')}{key}: {value}")
    return None


def _line_problem(reading: _Reading, upto: int) -> _Slip | None:
    """The first line up to `upto` with a typing slip YAML reports only later, in its own words."""
    for n, line in enumerate(reading.lines[:upto], start=1):
        if n in reading.covered:
            continue
        m = _FULL_WIDTH_COLON.match(line)
        if m:
            return _Slip(n, m.end(), "コロンが全角(:)になっています", "a full-width colon (:) is used",
                         f"半角で「{m.group('key')}: 」と書いてください",
                         f"write '{m.group('key')}: ' with an ordinary colon")
        m = _NO_SPACE_AFTER_COLON.match(line)
        if m:
            return _Slip(n, m.end() + 1, "コロン(:)の後に半角スペースがありません", "a space is missing after the colon",
                         f"「{m.group('key')}: 」のようにコロンの後に空白を入れてください",
                         f"write '{m.group('key')}: ' with a space after the colon")
        m = _NO_SPACE_AFTER_DASH.match(line)
        if m:
            return _Slip(n, m.end(), "「-」の後に半角スペースがありません", "a space is missing after the '-'",
                         "一覧の項目は「- 」(ハイフンと空白)で始めてください",
                         "start a list item with '- ' (dash and space)")
        slip = _no_colon(reading, n)
        if slip:
            return slip
    return None


def _misindented_line(reading: _Reading, error_line: int) -> int:
    """The line whose indentation is off, for an indentation error YAML noticed at error_line.

    When the first key under 'title:' slips by a space, YAML takes it as right and notices
    only at its sibling. So each key and list line is checked against what came before:
    a first line under a key must be indented by the file's usual step (2 in staff files),
    any other line must line up with a level already open. The first line off, in the
    block that contains error_line, is the slip."""
    outline = [s for n, text in enumerate(reading.lines, start=1)
               if n not in reading.covered and (s := _structure(n, text))]
    steps = Counter(b.indent - a.key_column for a, b in zip(outline, outline[1:])
                    if a.opens_block and b.indent > a.key_column)
    step = steps.most_common(1)[0][0] if steps else 2
    levels = [0]  # columns of the blocks open at this point, innermost last
    above: _Structure | None = None
    off: list[_Structure] = []
    for s in outline:
        if s.line > error_line:
            break
        if above and above.opens_block and s.indent > above.key_column:
            lined_up = s.indent - above.key_column == step
            levels.append(s.indent)
        elif above and above.opens_block and s.indent == above.key_column and s.dash:
            lined_up = True  # a list may start at its key's own column
        else:
            while levels[-1] > s.indent:
                levels.pop()
            lined_up = levels[-1] == s.indent
            if not lined_up:
                levels.append(s.indent)
        if s.dash and s.key_column > levels[-1]:
            levels.append(s.key_column)  # the keys of '- id: …' line up after the dash
        if not lined_up:
            off.append(s)
        above = s
    error_text = reading.lines[error_line - 1] if error_line <= len(reading.lines) else ""
    error_indent = len(error_text) - len(error_text.lstrip(" "))
    for s in off:
        # Only within error_line's own block: a line further out in between closes it.
        if not any(o.indent < min(s.indent, error_indent) for o in outline if s.line < o.line < error_line):
            return s.line
    return error_line


# --- Messages --------------------------------------------------------------------------

# `ja: "a" b`: text goes on after the closing quote.
_TEXT_AFTER_QUOTE = re.compile(rf"^[ ]*(?:-[ ]+)?{_KEY}:[ ]+(?P<q>[\"']).*?(?P=q)[ ]*[^\s#]")
# `en: Note: this`: a second ": " inside unquoted text.
_COLON_IN_TEXT = re.compile(rf"^[ ]*(?:-[ ]+)?{_KEY}:[ ]+(?P<value>[^\"'\s{{\[|>&*!#][^#]*?:[ ])")
_INDENTATION_PROBLEMS = ("mapping values are not allowed here", "expected <block end>", "expected '<document start>'",
                         "did not find expected key", "could not find expected ':'")


def _error(shown: str, text: str, reading: _Reading, slip: _Slip) -> DataError:
    line = reading.lines[slip.line - 1].strip() if 0 < slip.line <= len(reading.lines) else ""
    if slip.fixed is not None:  # path_at_line reads keys by their colon
        text = "\n".join(reading.lines[: slip.line - 1] + [slip.fixed])
    path = path_at_line(text, slip.line)
    return DataError(shown, slip.line, slip.column, path, slip.ja, slip.en, repr(line) if line else None,
                     hint_ja=slip.hint_ja, hint_en=slip.hint_en)


def describe_syntax_error(shown: str, text: str, exc: yaml.MarkedYAMLError) -> DataError:
    """The slip behind a YAML syntax error, at the line where it was made, in plain words."""
    reading = _read(text)
    lines = reading.lines
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""

    def slip(ja: str, en: str, hint_ja: str, hint_en: str, at: tuple[int, int] = (line, col)) -> DataError:
        return _error(shown, text, reading, _Slip(*at, ja, en, hint_ja, hint_en))

    found = [s for s in (_line_problem(reading, line), _unclosed_opener(reading, line)) if s]
    if found:
        return _error(shown, text, reading, min(found, key=lambda s: (s.line, s.column)))
    text_of_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if problem == "mapping values are not allowed here" and _COLON_IN_TEXT.match(text_of_line):
        return slip("文章の中に「: 」(コロンと空白)があります",
                    "the text contains ': ' (a colon followed by a space)",
                    "文章全体を引用符(\")で囲んでください", 'put the whole text in double quotes "…"')
    if "found '<scalar>'" in problem and _TEXT_AFTER_QUOTE.match(text_of_line):
        return slip("閉じた引用符の後に文字が続いています", "there is text after the closing quotation mark",
                    "文章全体を1組の引用符で囲んでください", "put the whole text inside one pair of quotes")
    if any(p in problem for p in _INDENTATION_PROBLEMS):
        n = _misindented_line(reading, line)
        indented = lines[n - 1] if 0 < n <= len(lines) else ""
        # The column of the line's first character: its indentation is what is off.
        return slip("字下げ(行頭の空白の数)が前後の行と揃っていません",
                    "the indentation (spaces at the start of the line) does not line up",
                    "同じ階層の項目は同じ数の半角スペースで始め、引用符やかっこの閉じ忘れがないか確認してください",
                    "start items of one level with the same number of spaces; check for an unclosed quote or bracket",
                    at=(n, len(indented) - len(indented.lstrip(" ")) + 1))
    expected = " ".join(p for p in (exc.context or "", problem) if p)
    return slip("YAMLの書き方に誤りがあります", f"YAML syntax error: {expected}",
                f"YAMLの説明: {expected}", "see the line above it too")


def swallowed_keys(shown: str, text: str, run_on: list[tuple[yaml.Mark, yaml.Mark]]) -> DataError | None:
    """A quote or bracket left open in a file YAML read without complaint: its value ran
    on until a quote or bracket many lines later and took in the keys between.

    run_on: the start and end of every quoted text and bracketed list or mapping that YAML
    read over more than one line, taken from the parsed file (sitegen/yamlload.py), the same
    extents its tokens give: most files have none, and those that do are not scanned again."""
    if not run_on:
        return None
    reading = _Reading(text.splitlines())
    for start, end in sorted(run_on, key=lambda marks: (marks[0].line, marks[0].column)):
        char = reading.lines[start.line][start.column]
        reading.openers.append(_Opener(start.line + 1, start.column + 1, char, end.line + 1))
    slip = _unclosed_opener(reading, None)
    return _error(shown, text, reading, slip) if slip else None


# --- Indentation characters ------------------------------------------------------------

def indentation_errors(shown: str, text: str) -> list[DataError]:
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


# --- Where in the file a line is: the field path, told from indentation alone --------

_KEY_LINE = re.compile(r"^(?P<indent>[ \t\u3000]*)(?P<dash>-[ \t]+)?(?P<key>[^\s:#\-\"'{\[][^:#]*?)[ \t]*[:\uff1a]"
                       r"(?P<value>.*)$")
_DASH_LINE = re.compile(r"^(?P<indent>[ \t\u3000]*)-(\s|$)")


def path_at_line(text: str, line: int) -> str:
    """The field path of a line ('news[0].title.ja'), guessed from indentation.

    Used where YAML itself gave up (syntax errors, tabs), so no parsed tree exists:
    keys and list dashes are read line by line, which is enough for the block
    style staff files are written in.
    """
    stack: list[tuple[int, object, bool]] = []  # (indent, key or list index, holds a value on its line)
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
            stack.append((indent, index, False))
        key = _KEY_LINE.match(raw)
        if key:
            indent = len(key.group("indent")) + len(key.group("dash") or "")
            while stack and (stack[-1][0] >= indent or stack[-1][2]) \
                    and not (isinstance(stack[-1][1], int) and key.group("dash")):
                # A key with its value on its line has no keys under it: a deeper key
                # after it is a sibling indented by mistake.
                stack.pop()
            value = key.group("value").strip()
            stack.append((indent, key.group("key").strip(), bool(value) and not value.startswith("#")))
    return format_path(tuple(part for _, part, _ in stack))
