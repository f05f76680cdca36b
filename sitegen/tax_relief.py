"""Relief of a corporate hometown-tax donation (企業版ふるさと納税), from the data's parameters.

The same arithmetic runs in the browser (overrides/assets/javascripts/tax-calculator.js);
tests/cases/tax_relief.json holds the cases both must agree on.

Rounding rule (stated on the explainer page): every percentage of an amount is
rounded down to the yen on its own (floor(amount * percent / 100), integers
only, no floats), then the smaller of credit and cap is taken. A tax amount the
company does not give means that cap is not applied (the most the law allows).
"""
from __future__ import annotations

from dataclasses import dataclass

from .models.donations import TaxRelief


class ReliefInputError(ValueError):
    """A donation the scheme does not accept (below the minimum, negative)."""

    def __init__(self, code: str, ja: str, en: str):
        super().__init__(en)
        self.code, self.ja, self.en = code, ja, en


@dataclass(frozen=True)
class Relief:
    donation: int
    loss_inclusion: int  # deduction as an expense (損金算入)
    local_inhabitant_tax: int  # 法人住民税
    corporation_tax: int  # 法人税
    business_tax: int  # 法人事業税

    @property
    def credits(self) -> int:
        return self.local_inhabitant_tax + self.corporation_tax + self.business_tax

    @property
    def total(self) -> int:
        return self.loss_inclusion + self.credits

    @property
    def real_cost(self) -> int:
        return self.donation - self.total

    def as_dict(self) -> dict[str, int]:
        return {"loss_inclusion": self.loss_inclusion, "local_inhabitant_tax": self.local_inhabitant_tax,
                "corporation_tax": self.corporation_tax, "business_tax": self.business_tax,
                "total": self.total, "real_cost": self.real_cost}


def percent_of(amount: int, percent: int) -> int:
    """floor(amount * percent / 100) in integers: the yen are never rounded up."""
    return amount * percent // 100


def _capped(credit: int, tax: int | None, cap_percent: int) -> int:
    return credit if tax is None else min(credit, percent_of(tax, cap_percent))


def _check(name: str, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int of yen, got {type(value).__name__}")
    if value < 0:
        raise ReliefInputError("negative", "金額は0以上で入力してください", "amounts cannot be negative")


def compute_relief(params: TaxRelief, donation: int, local_tax_base: int | None = None,
                   corporation_tax: int | None = None, business_tax: int | None = None) -> Relief:
    """Relief per tax with caps applied; `local_tax_base` is the company's 法人税割."""
    for name, value in (("donation", donation), ("local_tax_base", local_tax_base),
                        ("corporation_tax", corporation_tax), ("business_tax", business_tax)):
        _check(name, value)
    if donation < params.minimum_donation:
        raise ReliefInputError("below_minimum", "寄附額は1回あたりの最低額以上で入力してください",
                               "the donation is below the minimum per donation")
    local = _capped(percent_of(donation, params.local_inhabitant_tax.credit_percent), local_tax_base,
                    params.local_inhabitant_tax.cap_percent)
    # 法人税 takes what the local tax could not credit of its 40%, within two caps.
    ct = params.corporation_tax
    remainder = max(0, percent_of(donation, ct.credit_percent) - local)
    corporation = _capped(min(remainder, percent_of(donation, ct.donation_cap_percent)), corporation_tax,
                          ct.cap_percent)
    business = _capped(percent_of(donation, params.business_tax.credit_percent), business_tax,
                       params.business_tax.cap_percent)
    return Relief(donation=donation, loss_inclusion=percent_of(donation, params.loss_inclusion_percent),
                  local_inhabitant_tax=local, corporation_tax=corporation, business_tax=business)


def calculator_parameters(params: TaxRelief) -> dict:
    """What the browser calculator needs, as plain JSON (it reads them from the page)."""
    return {
        "lossInclusionPercent": params.loss_inclusion_percent,
        "local": {"creditPercent": params.local_inhabitant_tax.credit_percent,
                  "capPercent": params.local_inhabitant_tax.cap_percent},
        "corporation": {"creditPercent": params.corporation_tax.credit_percent,
                        "donationCapPercent": params.corporation_tax.donation_cap_percent,
                        "capPercent": params.corporation_tax.cap_percent},
        "business": {"creditPercent": params.business_tax.credit_percent,
                     "capPercent": params.business_tax.cap_percent},
        "minimumDonation": params.minimum_donation,
    }


def max_percent(params: TaxRelief) -> int:
    """The most the scheme can relieve, as % of the donation (no cap reached): about 90."""
    local = params.local_inhabitant_tax.credit_percent
    ct = params.corporation_tax
    corporation = min(max(0, ct.credit_percent - local), ct.donation_cap_percent)
    return params.loss_inclusion_percent + local + corporation + params.business_tax.credit_percent


def max_credit_percent(params: TaxRelief) -> int:
    """The most the three tax credits together can give, as % of the donation: about 60."""
    return max_percent(params) - params.loss_inclusion_percent
