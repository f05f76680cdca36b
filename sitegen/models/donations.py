"""data/donations.yaml: donations and how to donate. Extended by the donations issue."""
from __future__ import annotations

from pydantic import Field

from .common import FiscalYear, Id, Strict, Text, Yen


class Donation(Strict):
    id: Id
    fiscal_year: FiscalYear
    donor: Text | None = Field(default=None, description="寄附者名。匿名の場合は省略 / donor; omit for anonymous")
    amount: Yen | None = Field(default=None, description="寄附金額(円)。非公表の場合は省略 / amount in yen; omit if undisclosed")
    project: Id | None = Field(default=None, description="指定したプロジェクトのid / designated project id")


class DonationsFile(Strict):
    donations: list[Donation] = Field(default_factory=list)
