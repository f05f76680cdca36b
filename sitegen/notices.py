"""Notices: information about the data that is no mistake. The build goes on; `validate` and
`build` print them after the texts without English, one line each, bilingual, with file:line:

    情報: データについてのお知らせが1件あります(誤りではありません) / info: 1 notice(s) about the data (not mistakes):
      data/donations.yaml:58 donations[0].fiscal_year: 2026年度の寄附が、… / a donation of FY2026 is …

A data file's model says what it notices with a method `notices()` returning Notice items (the
place as a data loc inside the file); this module finds them for every kind (sitegen.kinds)
and puts the line numbers to them. A new kind of notice is a method on its model, nothing here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import _escape_data, _escape_property, format_path


@dataclass(frozen=True)
class Notice:
    loc: tuple  # where in the data file, e.g. ("donations", 0, "fiscal_year")
    ja: str
    en: str


@dataclass(frozen=True)
class PlacedNotice:
    file: str  # data/donations.yaml
    line: int
    notice: Notice

    def format(self) -> str:
        return f"{self.file}:{self.line} {format_path(self.notice.loc)}: {self.notice.ja} / {self.notice.en}"

    def github_annotation(self) -> str:
        """A `::notice` workflow command: shown on the line of the pull request, as mistakes are."""
        properties = {"file": self.file, "line": self.line, "title": format_path(self.notice.loc)}
        listed = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
        return f"::notice {listed}::{_escape_data(self.notice.ja + ' / ' + self.notice.en)}"


def notices(ds) -> list[PlacedNotice]:
    """Every notice of the validated dataset, file by file in the order of sitegen.kinds."""
    found = []
    for stem, model in ds.files.items():
        for notice in getattr(model, "notices", lambda: [])():
            found.append(PlacedNotice(ds.loaded[stem].file, ds.precise_line_of(stem, notice.loc), notice))
    return found


def heading(count: int) -> str:
    return (f"情報: データについてのお知らせが{count}件あります(誤りではありません) / "
            f"info: {count} notice(s) about the data (not mistakes):")
