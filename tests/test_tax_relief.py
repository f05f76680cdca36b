"""The tax-relief arithmetic in Python, on the cases the browser calculator must also pass."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen.models.donations import TaxRelief
from sitegen.tax_relief import ReliefInputError, compute_relief, max_credit_percent, max_percent, percent_of
from sitegen.validate import load_dataset
from tests.sitebuild import REPO, SEED

CASES = json.loads((Path(__file__).parent / "cases" / "tax_relief.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def params() -> TaxRelief:
    return load_dataset(SEED).donations.tax_relief


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_shared_case(params, case):
    args = case["input"]
    if "error" in case:
        with pytest.raises(ReliefInputError) as exc:
            compute_relief(params, **args)
        assert exc.value.code == case["error"]
        return
    relief = compute_relief(params, **args)
    assert relief.as_dict() == case["expected"]
    assert relief.total + relief.real_cost == args["donation"]


def test_cases_cover_every_rule():
    """The shared cases exercise each cap, rounding and both errors (else the JS check is weak)."""
    names = " ".join(c["name"] for c in CASES)
    for word in ("cap", "rounded down", "minimum", "negative", "trillion"):
        assert word in names
    assert any(c["expected"]["corporation_tax"] > 0 for c in CASES if "expected" in c)


def test_percent_of_rounds_down_never_up():
    assert percent_of(123457, 30) == 37037  # 37,037.1
    assert percent_of(333333, 20) == 66666  # 66,666.6
    assert percent_of(10**12, 40) == 4 * 10**11


def test_about_ninety_percent_at_most(params):
    assert max_percent(params) == 90 and max_credit_percent(params) == 60


def test_a_tax_law_change_is_a_data_edit(params):
    """Raising the business-tax credit in the data changes the result, without code."""
    changed = params.model_copy(update={"business_tax": params.business_tax.model_copy(update={"credit_percent": 25})})
    assert compute_relief(changed, 1_000_000).business_tax == 250_000
    assert max_percent(changed) == 95


def test_amounts_must_be_ints(params):
    with pytest.raises(TypeError):
        compute_relief(params, 1_000_000.0)
