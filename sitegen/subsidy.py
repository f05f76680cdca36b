"""The subsidy amount a project can get: min(expenses x rate, maximum), floored to the yen.

Calls state the rate as "補助対象経費の4分の3以内" (at most 3/4 of the eligible
expenses), so the product is rounded down, and computed with fractions.Fraction
so that no float ever decides a yen. A project whose subsidy would be below the
call's minimum is not eligible (the seed's 2024 call: exclusion ⑥). The browser
calculator (calls.js) follows the same rule; tests/cases/subsidy.json holds the
cases both are tested against.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class SubsidyRule:
    rate: Fraction
    minimum: int
    maximum: int

    def __post_init__(self) -> None:
        if not 0 < self.rate <= 1:
            raise ValueError("rate must be in (0, 1]")
        if self.minimum > self.maximum:
            raise ValueError("minimum is above maximum")


@dataclass(frozen=True)
class SubsidyResult:
    amount: int  # the subsidy, or what it would be when not eligible
    eligible: bool
    capped: bool  # the maximum applied


def subsidy_amount(expenses: int, rule: SubsidyRule) -> SubsidyResult:
    if isinstance(expenses, bool) or not isinstance(expenses, int):
        raise TypeError("expenses must be an int of yen")
    if expenses < 0:
        raise ValueError("expenses cannot be negative")
    raw = math.floor(expenses * rule.rate)
    amount = min(raw, rule.maximum)
    return SubsidyResult(amount=amount, eligible=amount >= rule.minimum, capped=raw > rule.maximum)


def expenses_for_minimum(rule: SubsidyRule) -> int:
    """The smallest eligible expenses that reach the minimum subsidy (for the page's explanation)."""
    return math.ceil(rule.minimum / rule.rate)


def expenses_for_maximum(rule: SubsidyRule) -> int:
    """The expenses from which the maximum applies."""
    return math.ceil(rule.maximum / rule.rate)
