"""The subsidy amount a project can get: min(expenses x rate, maximum), floored to the yen.

The general rule (a call's or a track's fields, sitegen/models/calls.py): the base is the
eligible cost, or the cost minus other income (subsidy_deducts_other_income); the raw
amount is base x rate, or a fixed amount (定額) but never more than the base; it is
rounded down to the rounding unit (1 yen; 1,000 yen for 千円未満切り捨て), then capped at
the maximum (if any); below the minimum (if any) the project is not eligible.

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
    rate: Fraction | None
    minimum: int = 0
    maximum: int | None = None  # None: no cap
    fixed: int | None = None  # 定額: instead of a rate
    deducts_other_income: bool = False  # the rate applies to cost - other income
    unit: int = 1  # round down to this many yen

    def __post_init__(self) -> None:
        if (self.rate is None) == (self.fixed is None):
            raise ValueError("give a rate or a fixed amount")
        if self.rate is not None and not 0 < self.rate <= 1:
            raise ValueError("rate must be in (0, 1]")
        if self.maximum is not None and self.minimum > self.maximum:
            raise ValueError("minimum is above maximum")
        if self.unit < 1:
            raise ValueError("unit must be at least 1")

    @property
    def simple(self) -> bool:
        """min(floor(cost x rate), maximum): the rule the page's worked examples and limits explain."""
        return self.rate is not None and not self.deducts_other_income and self.maximum is not None


@dataclass(frozen=True)
class SubsidyResult:
    amount: int  # the subsidy, or what it would be when not eligible
    eligible: bool
    capped: bool  # the maximum applied


def subsidy_amount(expenses: int, rule: SubsidyRule, other_income: int = 0) -> SubsidyResult:
    for value in (expenses, other_income):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("expenses and other income must be ints of yen")
        if value < 0:
            raise ValueError("expenses and other income cannot be negative")
    base = max(expenses - other_income, 0) if rule.deducts_other_income else expenses
    raw = min(rule.fixed, base) if rule.fixed is not None else math.floor(base * rule.rate)
    raw -= raw % rule.unit
    capped = rule.maximum is not None and raw > rule.maximum
    amount = rule.maximum if capped else raw
    return SubsidyResult(amount=amount, eligible=amount >= rule.minimum, capped=capped)


def _expenses_reaching(amount: int, rule: SubsidyRule) -> int:
    target = -(-amount // rule.unit) * rule.unit  # the amount rounded up to the unit
    return math.ceil(target / rule.rate)


def expenses_for_minimum(rule: SubsidyRule) -> int:
    """The smallest eligible expenses that reach the minimum subsidy (for the page's explanation;
    a rate rule without deduction of other income)."""
    return _expenses_reaching(rule.minimum, rule)


def expenses_for_maximum(rule: SubsidyRule) -> int:
    """The expenses from which the maximum applies (a rate rule with a maximum)."""
    return _expenses_reaching(rule.maximum, rule)
