"""data/calls.yaml: subsidy calls (補助金の公募要領). Extended by the calls issue."""
from __future__ import annotations

from pydantic import Field

from .common import Date, FiscalYear, Id, Strict, Text


class Call(Strict):
    id: Id
    title: Text
    fiscal_year: FiscalYear
    acceptance_start_datetime: Date = Field(description="受付開始日 / application period start")
    acceptance_end_datetime: Date = Field(description="受付締切日 / application deadline")


class CallsFile(Strict):
    calls: list[Call] = Field(default_factory=list)
