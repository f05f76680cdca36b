"""calls.js in headless Chromium on the shared cases (tests/cases/subsidy.json): every case through
window.sgCalls.subsidy with the rule's data attributes, and every case of a call through the form on
its page (track chosen, other income typed). The status of fixtures (a) and (c) on their boundary
days with the reader's clock set (the same days as tests/test_calls_amount.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from sitegen.subsidy import rule_attributes
from tests.browser import JST, open_page, served_url
from tests.calls_amount_cases import CASES, calls_yaml_with_amount_fixtures, rule
from tests.sitebuild import build_project, make_project

pytestmark = pytest.mark.browser
STARTUP, NET = "example-startup-2025", "example-net-of-income-2025"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The seed plus the three fixtures, built on 2025-04-01 (before every window)."""
    root = make_project(tmp_path_factory.mktemp("amount"), {"calls": calls_yaml_with_amount_fixtures()})
    result = build_project(root, today="2025-04-01")
    assert result.returncode == 0, result.stderr
    with served_url(root / "site") as url:
        yield url


def test_every_shared_case_through_the_function(browser, site_url):
    pg = open_page(browser, site_url + f"calls/{STARTUP}/")
    for spec in CASES["rules"]:
        attrs = rule_attributes(rule(spec))
        for case in spec["cases"]:
            got = pg.evaluate(
                """([attrs, e, income]) => { const el = document.createElement("div");
                   for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
                   const r = window.sgCalls.subsidy(e, window.sgCalls.ruleOf(el), income);
                   return [r.amount.toString(), r.eligible, r.capped]; }""",
                [attrs, str(case["expenses"]), str(case.get("other_income", 0))])
            assert got[:2] == [str(case["amount"]), case["eligible"]], (spec["name"], case)
            if "capped" in case:
                assert got[2] == case["capped"], (spec["name"], case)
    pg.close()


@pytest.mark.parametrize("spec", [r for r in CASES["rules"] if "call" in r], ids=lambda r: r["name"])
def test_every_call_case_through_the_page(browser, site_url, spec):
    pg = open_page(browser, site_url + f"calls/{spec['call']}/")
    assert pg.is_visible("form.sg-calculator"), "the script shows the form"
    if "track" in spec:
        pg.select_option("#sg-calc-track", spec["track"])
    for case in spec["cases"]:
        if "other_income" in case:
            pg.fill("#sg-calc-income", f"{case['other_income']:,}")
        pg.fill("#sg-calc-expenses", f"{case['expenses']:,}")
        pg.click("form.sg-calculator button")
        out = pg.locator("form.sg-calculator output")
        assert out.get_attribute("data-amount") == str(case["amount"]), (spec["name"], case)
        assert out.get_attribute("data-eligible") == ("true" if case["eligible"] else "false"), (spec["name"], case)
    pg.close()


def test_the_page_says_what_the_rule_gives(browser, site_url):
    pg = open_page(browser, site_url + f"calls/{STARTUP}/")
    pg.fill("#sg-calc-expenses", "1,499,999")
    pg.click("form.sg-calculator button")
    # 1,499,999 x 2/3 = 999,999.33 -> 999,999 < 1,000,000
    assert pg.text_content("form.sg-calculator output") == \
        "計算上の補助金額は999,999円で、下限額1,000,000円に届かないため対象外です。"
    pg.goto(site_url + f"en/calls/{NET}/")
    pg.fill("#sg-calc-income", "200000")
    pg.fill("#sg-calc-expenses", "333333")
    pg.click("form.sg-calculator button")
    # min(166,666, 133,333) = 133,333 -> 133,000
    assert pg.locator("form.sg-calculator output").get_attribute("data-amount") == "133000"
    pg.fill("#sg-calc-income", "lots")
    pg.click("form.sg-calculator button")
    assert pg.text_content("form.sg-calculator output") == "Enter the other income as a number of yen (0 if none)."
    pg.goto(site_url + "calls/example-two-rounds-2025/")
    pg.select_option("#sg-calc-track", "start")
    pg.fill("#sg-calc-expenses", "1000000")
    pg.click("form.sg-calculator button")
    assert pg.text_content("form.sg-calculator output") == "補助金額の目安: 500,000円(上限額)"
    pg.select_option("#sg-calc-track", "step-up")
    pg.click("form.sg-calculator button")
    assert pg.text_content("form.sg-calculator output") == "補助金額の目安: 666,666円"
    pg.close()


@pytest.mark.parametrize("call, moment, code, answer", [
    (STARTUP, dt.datetime(2025, 4, 13, 23, 59, 30, tzinfo=JST), "upcoming", "次の回: 先行審査。2025年4月14日(令和7年4月14日)から"),
    (STARTUP, dt.datetime(2025, 4, 14, 0, 0, 30, tzinfo=JST), "open", "受付中の回: 先行審査。締切は2025年5月16日"),
    (STARTUP, dt.datetime(2025, 5, 16, 23, 59, 30, tzinfo=JST), "open", "受付中の回: 先行審査。締切は2025年5月16日"),  # cutoff
    (STARTUP, dt.datetime(2025, 5, 17, 0, 0, 30, tzinfo=JST), "upcoming", "次の回: 通常審査。2025年6月2日(令和7年6月2日)から"),
    (STARTUP, dt.datetime(2025, 6, 2, 0, 0, 30, tzinfo=JST), "open", "受付中の回: 通常審査。締切は2025年7月31日"),
    (STARTUP, dt.datetime(2025, 7, 31, 23, 59, 30, tzinfo=JST), "open", "受付中の回: 通常審査。締切は2025年7月31日"),
    (STARTUP, dt.datetime(2025, 8, 1, 0, 0, 30, tzinfo=JST), "closed", "すべての回の受付を終了しました。"),
    (NET, dt.datetime(2025, 6, 1, 23, 59, 30, tzinfo=JST), "upcoming", None),
    (NET, dt.datetime(2025, 6, 2, 0, 0, 30, tzinfo=JST), "open", None),
    (NET, dt.datetime(2025, 6, 30, 23, 59, 30, tzinfo=JST), "open", None),
    (NET, dt.datetime(2025, 7, 1, 0, 0, 30, tzinfo=JST), "closed", None),
    # A reader in Europe on the evening of 30 June: already 1 July in Japan.
    (NET, dt.datetime(2025, 6, 30, 20, 0, tzinfo=dt.timezone.utc), "closed", None),
])
def test_status_on_boundary_days_with_the_readers_clock(browser, site_url, call, moment, code, answer):
    pg = open_page(browser, site_url + f"calls/{call}/", at=moment)
    codes = pg.eval_on_selector_all(".sg-call-status", "els => els.map(e => e.dataset.status)")
    assert codes and set(codes) == {code}
    if answer is not None:  # built on 2025-04-01: the answer follows the reader's day, not the build's
        assert pg.is_visible(".sg-call-answer")
        assert pg.text_content(".sg-call-answer").startswith(answer), pg.text_content(".sg-call-answer")
        assert pg.get_attribute(".sg-call-answer", "data-status") == code
    pg.close()


def test_the_english_answer_follows_the_readers_day(browser, site_url):
    """Built before every round; read on the regular round's first day in Japan."""
    pg = open_page(browser, site_url + f"en/calls/{STARTUP}/", at=dt.datetime(2025, 6, 2, 0, 0, 30, tzinfo=JST))
    assert pg.text_content(".sg-call-answer").startswith("Open now: Regular review. The deadline is 31 July 2025")
    pg.close()
