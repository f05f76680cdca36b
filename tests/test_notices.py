"""Notices (issue 17, item 7): information about the data that is no mistake, printed by
`validate` and `build` with file:line in both languages; the build goes on.

The first notice: a donation whose fiscal year (or date) is after `as_of`, the month the
donations table is said to be as of (its heading: 「寄附実績(2025年4月時点)」)."""
from __future__ import annotations

import shutil

from sitegen.notices import notices
from sitegen.validate import load_dataset
from tests.sitebuild import SEED, SEED_DATA, build_project, make_project

# Line numbers below are counted by hand in this text.
DONATIONS = """as_of: "2025-04"
donations:
  - id: fy2026-gift
    fiscal_year: 2026
    donor_type: corporate
    donor:
      ja: 例(株)
    amount: 1000000
  - id: may-2025-gift
    fiscal_year: 2025
    donor_type: individual
    anonymous: true
    amount: 500000
    date: 2025-05-20
  - id: april-2025-gift
    fiscal_year: 2025
    donor_type: individual
    anonymous: true
    amount: 300000
    date: 2025-04-30
  - id: fy2024-gift
    fiscal_year: 2024
    donor_type: individual
    anonymous: true
    amount: undisclosed
"""

FY2026 = ('data/donations.yaml:4 donations[0].fiscal_year: 2026年度の寄附が、寄附実績の時点(as_of: "2025-04")より後です。'
          'as_of を更新してください / a donation of fiscal year 2026 is after the month the donations are as of '
          '(as_of: "2025-04"); update as_of')
MAY_2025 = ('data/donations.yaml:14 donations[1].date: 寄附の日付(2025-05-20)が、寄附実績の時点(as_of: "2025-04")より後です。'
            'as_of を更新してください / the donation\'s date (2025-05-20) is after the month the donations are as of '
            '(as_of: "2025-04"); update as_of')


def _data(tmp_path, text: str):
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "data" / "donations.yaml").write_text(text, encoding="utf-8")
    return load_dataset(tmp_path)


def test_donations_after_as_of_are_noticed_with_their_line(tmp_path):
    # FY2025 (April 2025 - March 2026) starts within as_of's month: not after it; 2025-04-30 is
    # as_of's last day: not after it. FY2026 starts 2026-04-01; 2025-05-20 is after April 2025.
    assert [n.format() for n in notices(_data(tmp_path, DONATIONS))] == [FY2026, MAY_2025]


def test_no_notice_when_as_of_is_the_latest_month_or_missing(tmp_path):
    assert notices(load_dataset(SEED)) == []  # the seed: as_of 2025-04, donations FY2021-FY2024
    moved = DONATIONS.replace('as_of: "2025-04"', 'as_of: "2026-04"')
    assert notices(_data(tmp_path / "moved", moved)) == []
    without = DONATIONS.replace('as_of: "2025-04"\n', "")
    assert notices(_data(tmp_path / "without", without)) == []


def test_a_month_before_the_fiscal_year_is_noticed(tmp_path):
    # as_of March 2025 is the last month of FY2024: a FY2025 donation is after it
    text = DONATIONS.replace('as_of: "2025-04"', 'as_of: "2025-03"')
    found = [(n.line, n.notice.loc) for n in notices(_data(tmp_path, text))]
    assert found == [(4, ("donations", 0, "fiscal_year")), (10, ("donations", 1, "fiscal_year")),
                     (16, ("donations", 2, "fiscal_year"))]


def test_validate_prints_the_notices_and_passes(tmp_path):
    root = make_project(tmp_path, data={"donations": DONATIONS}, content=False)
    result = build_project(root, command="validate", extra_env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    heading = ("情報: データについてのお知らせが2件あります(誤りではありません) / "
               "info: 2 notice(s) about the data (not mistakes):")
    assert lines[lines.index(heading) + 1:lines.index(heading) + 3] == ["  " + FY2026, "  " + MAY_2025]
    # on GitHub Actions, also on the line of the pull request (as mistakes are, with ::error)
    assert ("::notice file=data/donations.yaml,line=4,title=donations[0].fiscal_year::2026年度の寄附が、"
            "寄附実績の時点(as_of%3A") not in result.stdout  # ':' is escaped only in properties
    assert ('::notice file=data/donations.yaml,line=4,title=donations[0].fiscal_year::2026年度の寄附が、'
            '寄附実績の時点(as_of: "2025-04")より後です。') in result.stdout
    assert "データに誤りはありません" in result.stdout + result.stderr
