"""Mistakes on the pull request's changed line (issue 14, item 2).

On GitHub Actions (GITHUB_ACTIONS=true) `validate`, and the validation of `build`, also print
each mistake as a workflow command, `::error file=…,line=…,col=…,title=…::message`, which
GitHub shows on that line of the pull request. The lines are read back here with a parser
written from GitHub's documentation of the format ("Workflow commands for GitHub Actions":
`::{command} {parameters}::{message}`, parameters `key=value` separated by commas; `%`, CR and
LF percent-escaped in the message, and `:` and `,` too in parameter values).
"""
from __future__ import annotations

import re
from pathlib import Path

from sitegen.errors import DataError
from tests.sitebuild import build_project, make_project

_COMMAND = re.compile(r"::(?P<command>[a-z-]+)(?: (?P<parameters>[^:]*))?::(?P<message>.*)")
_ESCAPED = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def _unescape(text: str) -> str:
    # One pass, so that "%253A" (an escaped "%" followed by "3A") stays "%3A".
    return re.sub("|".join(_ESCAPED), lambda m: _ESCAPED[m.group()], text)


def workflow_commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Every workflow command in a step's output: (command, parameters, message), unescaped."""
    found = []
    for line in output.splitlines():
        match = _COMMAND.fullmatch(line)
        if match:
            parameters = dict(pair.split("=", 1) for pair in (match["parameters"] or "").split(",") if pair)
            found.append((match["command"], {k: _unescape(v) for k, v in parameters.items()},
                          _unescape(match["message"])))
    return found


# --- The data a pull request might bring, with mistakes in two files --------------------------

NEWS = """# yaml-language-server: $schema=../schemas/news.schema.json
news:
  - id: first
    date: "2025:04,01 50%"
    title:
      ja: お知らせ
    "tit:le,": x
"""
CALLS = """# yaml-language-server: $schema=../schemas/calls.schema.json
calls: 5
"""

# Worked out from the two files above: position of the value (of the key, for an unknown
# key), field path as title, and the message as sitegen.errors words it.
EXPECTED = [
    ("error", {"file": "data/calls.yaml", "line": "2", "col": "8", "title": "calls"},
     "「- 」で始まる一覧で書いてください / expected a list of '- ' items (got '5')"),
    ("error", {"file": "data/news.yaml", "line": "4", "col": "11", "title": "news[0].date"},
     "日付はYYYY-MM-DD形式で書いてください / write the date as YYYY-MM-DD (got '2025:04,01 50%')"),
    ("error", {"file": "data/news.yaml", "line": "7", "col": "5", "title": "news[0].tit:le,"},
     "知らない項目名「tit:le,」です(「title」の誤りではありませんか) / unknown field 'tit:le,' (did you mean 'title'?)"),
]


def _broken_project(tmp_path: Path) -> Path:
    return make_project(tmp_path, data={"news": NEWS, "calls": CALLS})


def test_validate_on_github_annotates_every_mistake_at_its_line(tmp_path):
    root = _broken_project(tmp_path)
    run = build_project(root, command="validate", extra_env={"GITHUB_ACTIONS": "true"})
    assert run.returncode == 1
    assert workflow_commands(run.stdout) == EXPECTED
    # The raw lines really are escaped: unescaped, ':' and ',' would end the title early.
    assert "title=news[0].tit%3Ale%2C::" in run.stdout and "(got '2025:04,01 50%25')" in run.stdout
    # The lines for people reading the log are still there, unchanged.
    assert "data/news.yaml:4:11 news[0].date: 日付はYYYY-MM-DD形式で書いてください / " \
           "write the date as YYYY-MM-DD (got '2025:04,01 50%')" in run.stderr.splitlines()
    assert run.stderr.splitlines()[-1].startswith("データに3件の誤りがあります。")


def test_build_on_github_annotates_its_validation_once(tmp_path):
    """`build` validates in a child process: its annotations reach the step's output once."""
    root = _broken_project(tmp_path)
    run = build_project(root, extra_env={"GITHUB_ACTIONS": "true"})
    assert run.returncode == 1 and not (root / "site").exists()
    assert workflow_commands(run.stdout) == EXPECTED


def test_no_annotations_outside_github(tmp_path):
    root = _broken_project(tmp_path)
    run = build_project(root, command="validate", extra_env={"GITHUB_ACTIONS": ""})
    assert run.returncode == 1 and run.stdout == ""
    assert workflow_commands(run.stderr) == []


# --- Escaping, one mistake at a time ---------------------------------------------------

def test_message_escapes_percent_carriage_return_and_line_feed():
    error = DataError("data/x.yaml", 3, 5, "a.b", "誤り", "wrong", got="'50%\r\nx'")
    line = error.github_annotation()
    assert line == "::error file=data/x.yaml,line=3,col=5,title=a.b::誤り / wrong (got '50%25%0D%0Ax')"
    assert workflow_commands(line) == [("error", {"file": "data/x.yaml", "line": "3", "col": "5", "title": "a.b"},
                                        "誤り / wrong (got '50%\r\nx')")]


def test_properties_escape_colon_and_comma_too():
    error = DataError("data/x.yaml", 1, 1, "a:b,c%", "誤り", "wrong", got="'a:b,c'")
    line = error.github_annotation()
    assert line == "::error file=data/x.yaml,line=1,col=1,title=a%3Ab%2Cc%25::誤り / wrong (got 'a:b,c')"
    assert workflow_commands(line)[0][1]["title"] == "a:b,c%"


def test_a_mistake_without_a_field_or_a_file_still_gets_a_title():
    error = DataError("SITE_TODAY", 1, 1, "", "日付の形式", "date format")
    assert error.github_annotation(in_file=False) == "::error title=データの誤り / data mistake::日付の形式 / date format"
