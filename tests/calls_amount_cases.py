"""tests/cases/subsidy.json for the Python and the browser tests: each rule as a SubsidyRule,
read from the call (seed or fixture) it names through the page's own rule_of, or as written."""
from __future__ import annotations

import json
from fractions import Fraction

import yaml

from sitegen.models.calls import Call
from sitegen.sections.calls import rule_of
from sitegen.subsidy import SubsidyRule
from tests.sitebuild import REPO, SEED_DATA

CASES = json.loads((REPO / "tests" / "cases" / "subsidy.json").read_text(encoding="utf-8"))
FIXTURES = REPO / "tests" / "fixtures" / "calls"
AMOUNT_FIXTURES = ("startup-early-review.yaml", "two-rounds.yaml", "net-of-income.yaml")


def written_rule(spec: dict) -> SubsidyRule:
    r = spec["rule"]
    return SubsidyRule(Fraction(r["rate"]) if "rate" in r else None, r.get("minimum", 0), r.get("maximum"),
                       fixed=r.get("fixed"), deducts_other_income=r.get("deducts_other_income", False),
                       unit=r.get("unit", 1), limited_by_other_income=r.get("limited_by_other_income", False))


def call_of(spec: dict) -> Call:
    text = (FIXTURES / spec["fixture"]).read_text(encoding="utf-8") if "fixture" in spec else \
        (SEED_DATA / "calls.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    records = data["calls"] if isinstance(data, dict) else data
    return Call.model_validate(next(r for r in records if r["id"] == spec["call"]))


def rule_from_call(spec: dict) -> SubsidyRule:
    call = call_of(spec)
    item = next(t for t in call.tracks if t.id == spec["track"]) if "track" in spec else call
    return rule_of(item)


def rule(spec: dict) -> SubsidyRule:
    return rule_from_call(spec) if "call" in spec else written_rule(spec)


def all_cases() -> list[tuple[dict, dict]]:
    return [(r, c) for r in CASES["rules"] for c in r["cases"]]


def calls_yaml_with_amount_fixtures() -> str:
    """The seed's calls.yaml with the three amount fixtures appended as they stand."""
    text = (SEED_DATA / "calls.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n"
    for name in AMOUNT_FIXTURES:
        text += (FIXTURES / name).read_text(encoding="utf-8").rstrip("\n") + "\n"
    return text
