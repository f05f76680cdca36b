"""The subsidy amount a project can get: min(expenses x rate, maximum), floored to the yen.

The general rule (a call's or a track's fields, sitegen/models/calls.py): the base is the
eligible cost, or the cost minus other income (subsidy_deducts_other_income); the raw
amount is base x rate, or a fixed amount (定額) but never more than the base; it is
rounded down to the rounding unit (1 yen; 1,000 yen for 千円未満切り捨て), then capped at
the maximum (if any); below the minimum (if any) the project is not eligible. A rule
limited by other income (subsidy_limited_by_other_income) takes the smaller of that raw
amount and the cost minus other income before rounding: the smallest of (cost x rate,
cost - other income, cap).

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
    limited_by_other_income: bool = False  # never more than cost - other income (without deducting it first)

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
    def uses_other_income(self) -> bool:
        return self.deducts_other_income or self.limited_by_other_income

    @property
    def simple(self) -> bool:
        """min(floor(cost x rate), maximum): the rule the page's worked examples and limits explain."""
        return self.rate is not None and not self.uses_other_income and self.maximum is not None


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
    if rule.limited_by_other_income:
        raw = min(raw, max(expenses - other_income, 0))
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


def rule_attributes(rule: SubsidyRule) -> dict[str, str]:
    """The rule as data-* attributes for calls.js, which applies it as subsidy_amount does."""
    return {
        "data-rate-numerator": str(rule.rate.numerator) if rule.rate is not None else "",
        "data-rate-denominator": str(rule.rate.denominator) if rule.rate is not None else "",
        "data-fixed": "" if rule.fixed is None else str(rule.fixed),
        "data-minimum": str(rule.minimum),
        "data-maximum": "" if rule.maximum is None else str(rule.maximum),
        "data-deducts-other-income": "true" if rule.deducts_other_income else "false",
        "data-limited-by-other-income": "true" if rule.limited_by_other_income else "false",
        "data-unit": str(rule.unit),
    }


def rule_words(rule: SubsidyRule, lang: str) -> str:
    """The rule in one plain sentence: 「補助対象経費の2/3(千円未満切り捨て)、上限50万円」 /
    "2/3 of eligible costs, rounded down to ¥1,000, up to ¥500,000"."""
    from .i18n import translator
    from .money import format_yen
    _ = translator(lang)
    base = _("補助対象経費から他の収入を差し引いた額") if rule.deducts_other_income else _("補助対象経費")
    if rule.fixed is not None:
        text = _("定額{amount}({base}を上限)").format(amount=format_yen(rule.fixed, lang), base=base)
    else:
        text = _("{base}の{rate}").format(base=base, rate=f"{rule.rate.numerator}/{rule.rate.denominator}")
    if rule.limited_by_other_income:
        # Real calls word this rule as 「次のいずれか低い額」: the candidates side by side.
        candidates = [text, _("補助対象経費から他の収入を差し引いた額")]
        if rule.maximum is not None:
            candidates.append(format_yen(rule.maximum, lang))
        if len(candidates) == 3:
            sentence = _("{a}、{b}、{c}のうち、いずれか低い額").format(a=candidates[0], b=candidates[1], c=candidates[2])
        else:
            sentence = _("{a}と{b}のうち、いずれか低い額").format(a=candidates[0], b=candidates[1])
    else:
        sentence = text
    if rule.unit > 1:
        sentence += _("({unit}未満切り捨て)").format(unit=format_yen(rule.unit, lang))
    if rule.maximum is not None and not rule.limited_by_other_income:  # else among the candidates
        sentence += _("、上限{amount}").format(amount=format_yen(rule.maximum, lang))
    if rule.minimum:
        sentence += _("。{amount}未満は対象外").format(amount=format_yen(rule.minimum, lang))
    return sentence
