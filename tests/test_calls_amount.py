"""Issue 16 item 4 on three call shapes (tests/fixtures/calls): (a) a start-up subsidy with an
early-review cutoff and a later window, 2/3, minimum 100万円, cap 200万円; (b) the two-track call;
(c) the smallest of (cost x 1/2, cost - other income, 20万円) to the 1,000 yen. The amounts are
in tests/cases/subsidy.json (test_calls_units.py, test_calls_amount_browser.py); here: the fixtures
validate, status on every boundary day, and the page's answer, rule sentence and calculator data."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from sitegen.call_status import status_of
from sitegen.subsidy import SubsidyRule, rule_words
from tests.calls_amount_cases import CASES, call_of, calls_yaml_with_amount_fixtures, rule
from tests.html import page
from tests.sitebuild import build_project, make_project

STARTUP, TWO_ROUNDS, NET = "example-startup-2025", "example-two-rounds-2025", "example-net-of-income-2025"
SPECS = {"startup-early-review.yaml": {"fixture": "startup-early-review.yaml", "call": STARTUP},
         "net-of-income.yaml": {"fixture": "net-of-income.yaml", "call": NET}}


# --- Status on the boundary days (worked out from the fixtures' dates) ---------------------------

@pytest.mark.parametrize("fixture, day, code, window", [
    # (a) early review 2025-04-14 .. 05-16, regular 06-02 .. 07-31
    ("startup-early-review.yaml", "2025-04-13", "upcoming", "early-review"),
    ("startup-early-review.yaml", "2025-04-14", "open", "early-review"),
    ("startup-early-review.yaml", "2025-05-16", "open", "early-review"),  # the cutoff day is open
    ("startup-early-review.yaml", "2025-05-17", "upcoming", "regular"),
    ("startup-early-review.yaml", "2025-06-01", "upcoming", "regular"),
    ("startup-early-review.yaml", "2025-06-02", "open", "regular"),
    ("startup-early-review.yaml", "2025-07-31", "open", "regular"),
    ("startup-early-review.yaml", "2025-08-01", "closed", None),
    # (c) one period 2025-06-02 .. 06-30
    ("net-of-income.yaml", "2025-06-01", "upcoming", None),
    ("net-of-income.yaml", "2025-06-02", "open", None),
    ("net-of-income.yaml", "2025-06-30", "open", None),
    ("net-of-income.yaml", "2025-07-01", "closed", None),
])
def test_status_on_every_boundary_day(fixture, day, code, window):
    call = call_of(SPECS[fixture])
    status = status_of(call.windows, dt.date.fromisoformat(day))
    assert status.code == code
    if code != "closed":
        assert status.window.id == window


def test_the_cutoff_and_last_days_count_down_to_zero():
    call = call_of(SPECS["startup-early-review.yaml"])
    assert status_of(call.windows, dt.date(2025, 5, 16)).days_left == 0
    assert status_of(call.windows, dt.date(2025, 5, 10)).days_left == 6
    net = call_of(SPECS["net-of-income.yaml"])
    assert status_of(net.windows, dt.date(2025, 6, 29)).days_left == 1


# --- The rule in plain words (one function, sitegen.subsidy.rule_words) ---------------------------

@pytest.mark.parametrize("name, ja, en", [
    ("(a) start-up, early review: 2/3, minimum 100万円, cap 200万円",
     "補助対象経費の2/3、上限200万円。100万円未満は対象外",
     "2/3 of eligible costs, up to ¥2 million; not eligible below ¥1 million"),
    ("(b) two tracks: start track, 2/3, cap 50万円", "補助対象経費の2/3、上限50万円", "2/3 of eligible costs, up to ¥500,000"),
    ("(c) smallest of (cost x 1/2, cost - other income, 20万円), rounded down to 1,000 yen",
     "補助対象経費の1/2、補助対象経費から他の収入を差し引いた額、20万円のうち、いずれか低い額(1,000円未満切り捨て)",
     "the lowest of 1/2 of eligible costs, eligible costs minus other income and ¥200,000, rounded down to ¥1,000"),
    ("3/4 of the cost minus other income, to the 1,000 yen, no cap",
     "補助対象経費から他の収入を差し引いた額の3/4(1,000円未満切り捨て)",
     "3/4 of eligible costs minus other income, rounded down to ¥1,000"),
])
def test_rule_words(name, ja, en):
    spec = next(r for r in CASES["rules"] if r["name"] == name)
    assert (rule_words(rule(spec), "ja"), rule_words(rule(spec), "en")) == (ja, en)


# --- The built pages ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed plus the three fixtures, built in the early review (2025-05-01) and between the rounds
    (2025-05-17)."""
    sites = {}
    for day in ("2025-05-01", "2025-05-17"):
        root = make_project(tmp_path_factory.mktemp(day), {"calls": calls_yaml_with_amount_fixtures()})
        result = build_project(root, today=day)
        assert result.returncode == 0, result.stderr
        sites[day] = root / "site"
    return sites


@pytest.mark.parametrize("day, prefix, status, round_id, text", [
    ("2025-05-01", "", "open", "early-review", "受付中の回: 先行審査。締切は2025年5月16日"),
    ("2025-05-01", "en/", "open", "early-review", "Open now: Early review. The deadline is 16 May 2025"),
    ("2025-05-17", "", "upcoming", "regular", "次の回: 通常審査。2025年6月2日"),
    ("2025-05-17", "en/", "upcoming", "regular", "Next: Regular review, open from 2 June 2025"),
])
def test_the_answer_comes_first(built, day, prefix, status, round_id, text):
    doc = page(built[day], f"{prefix}calls/{STARTUP}")
    answer = doc.find("p", class_="sg-call-answer")
    assert (answer.attrs["data-status"], answer.attrs["data-round"]) == (status, round_id)
    assert answer.text().startswith(text), answer.text()
    assert not page(built[day], f"{prefix}calls/{NET}").find("p", class_="sg-call-answer")  # no rounds



def test_rule_words_without_a_cap_name_the_lower_of_two():
    """A rule limited by other income with no cap has two candidates, not three."""
    limited = SubsidyRule(rate=Fraction(1, 2), limited_by_other_income=True)
    assert rule_words(limited, "ja") == "補助対象経費の1/2と補助対象経費から他の収入を差し引いた額のうち、いずれか低い額"
    assert rule_words(limited, "en") == "the lower of 1/2 of eligible costs and eligible costs minus other income"

def test_the_calculator_carries_each_rule(built):
    site = built["2025-05-01"]
    form = page(site, f"calls/{STARTUP}").find("form", class_="sg-calculator")
    assert (form.attrs["data-rate-numerator"], form.attrs["data-rate-denominator"], form.attrs["data-minimum"],
            form.attrs["data-maximum"], form.attrs["data-unit"]) == ("2", "3", "1000000", "2000000", "1")
    assert not form.find("select") and not form.find("input", name="other_income")
    doc = page(site, f"calls/{NET}")
    form = doc.find("form", class_="sg-calculator")
    assert (form.attrs["data-limited-by-other-income"], form.attrs["data-deducts-other-income"],
            form.attrs["data-unit"], form.attrs["data-maximum"], form.attrs["data-fixed"]) == \
        ("true", "false", "1000", "200000", "")
    assert form.find("input", name="other_income")
    assert doc.find("p", class_="sg-rule-words").text() == \
        "補助対象経費の1/2、補助対象経費から他の収入を差し引いた額、20万円のうち、いずれか低い額(1,000円未満切り捨て)"
    words = page(site, f"en/calls/{TWO_ROUNDS}").find("ul", class_="sg-rule-words").find_all("li")
    assert [w.text() for w in words] == ["Start track: 2/3 of eligible costs, up to ¥500,000",
                                         "Step-up track: 2/3 of eligible costs, up to ¥1 million"]
