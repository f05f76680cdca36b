"""Data mistakes as one-line, bilingual messages a staff member can act on.

Every message names file, line, column and field path, says what was expected
(Japanese first, English after) and what was found:

    data/projects.yaml:12:5 projects[3].period.start: 日付は… / write the date … (got '2024/12/01')

On GitHub Actions the same mistakes are also printed as workflow commands
(`DataError.github_annotation`), so they show on the changed line of the pull request.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    column: int
    path: str
    ja: str
    en: str
    got: str | None = field(default=None, compare=False)
    hint_ja: str | None = field(default=None, compare=False)
    hint_en: str | None = field(default=None, compare=False)

    def message(self) -> str:
        """What is wrong, without where: 'ja(hint) / en (hint) (got …)'."""
        ja, en = self.ja, self.en
        if self.hint_ja:
            ja = f"{ja}({self.hint_ja})"
        if self.hint_en:
            en = f"{en} ({self.hint_en})"
        got = f" (got {self.got})" if self.got is not None else ""
        return f"{ja} / {en}{got}"

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        path = f" {self.path}:" if self.path else ""
        return f"{where}{path} {self.message()}"

    def github_annotation(self, in_file: bool = True) -> str:
        """The mistake as a GitHub workflow command: printed by a step of a workflow run, it
        shows on that line of the pull request's changed file. in_file=False for mistakes
        outside the data files (SITE_TODAY), which have no line to point at."""
        properties = {"file": self.file, "line": self.line, "col": self.column} if in_file else {}
        properties["title"] = self.path or ANNOTATION_TITLE
        listed = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
        return f"::error {listed}::{_escape_data(self.message())}"


class DataErrors(Exception):
    """Raised with every mistake of a run, so the editor can fix them all at once."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [e.format() for e in self.errors]
        n = len(self.errors)
        lines.append(f"データに{n}件の誤りがあります。サイトは作成していません。 / "
                     f"{n} mistake(s) in the data; no site was built.")
        return "\n".join(lines)


# --- GitHub workflow commands ------------------------------------------------------------
# `::error file=…,line=…,col=…,title=…::message`, escaped as GitHub's runner unescapes it
# (actions/toolkit, command.ts): '%', CR and LF everywhere, ':' and ',' also in properties,
# where they would end the property list or the property.

ANNOTATION_TITLE = "データの誤り / data mistake"  # when a mistake has no field path


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_path(loc: tuple) -> str:
    """('projects', 3, 'period', 'start') -> 'projects[3].period.start'"""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class BilingualValueError(ValueError):
    """Raise from a model validator: the message is shown in both languages at `subpath`."""

    def __init__(self, ja: str, en: str, subpath: tuple = (), hint_ja: str | None = None, hint_en: str | None = None):
        super().__init__(en)
        self.ja, self.en, self.subpath, self.hint_ja, self.hint_en = ja, en, tuple(subpath), hint_ja, hint_en
