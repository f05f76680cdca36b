"""The JavaScript calculator in headless Chromium, on the same cases as the Python code."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen.money import format_yen_exact
from tests.browser import served_url

pytestmark = pytest.mark.browser

CASES = json.loads((Path(__file__).parent / "cases" / "tax_relief.json").read_text(encoding="utf-8"))["cases"]
FIELDS = ("donation", "local_tax_base", "corporation_tax", "business_tax")


@pytest.fixture(scope="module")
def base_url(seed_site):
    with served_url(seed_site) as url:
        yield url


def _calculator(browser, base_url, lang):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + ("en/" if lang == "en" else "") + "donations/corporate/")
    return page, errors


def _submit(page, values: dict) -> None:
    for name in FIELDS:
        value = values.get(name)
        page.fill(f"#sg-calc-{name}", "" if value is None else str(value))
    page.click("form.sg-calc button[type=submit]")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_javascript_gives_the_python_numbers_on_every_shared_case(browser, base_url, lang):
    page, errors = _calculator(browser, base_url, lang)
    assert page.is_visible("form.sg-calc") and not page.is_visible(".sg-calc__nojs")
    output = page.locator(".sg-calc__output")
    for case in CASES:
        _submit(page, case["input"])
        if "error" in case:
            assert output.get_attribute("data-state") == "error", case["name"]
            assert output.get_attribute("data-error") == case["error"], case["name"]
            assert page.is_visible(".sg-calc__error") and not page.is_visible(".sg-calc__output table")
            continue
        assert output.get_attribute("data-state") == "result", case["name"]
        for name, expected in case["expected"].items():
            cell = page.locator(f'.sg-calc__output td[data-field="{name}"]')
            assert cell.get_attribute("data-value") == str(expected), (case["name"], name)
            assert cell.inner_text() == format_yen_exact(expected, lang), (case["name"], name)
    assert errors == []
    page.close()


@pytest.mark.parametrize("typed, code, message", [
    ("", "required", "寄附額を入力してください。"),
    ("1.5", "not_integer", "半角数字で、円単位の整数を入力してください(例: 1000000)。"),
    ("100万", "not_integer", "半角数字で、円単位の整数を入力してください(例: 1000000)。"),
    ("1000000000001", "too_large", "金額が大きすぎます(1兆円まで)。"),
    ("50000", "below_minimum", "寄附額は1回あたり100,000円以上です。"),
])
def test_bad_input_is_explained(browser, base_url, typed, code, message):
    page, errors = _calculator(browser, base_url, "ja")
    _submit(page, {"donation": typed})
    output = page.locator(".sg-calc__output")
    assert output.get_attribute("data-error") == code
    assert page.inner_text(".sg-calc__error") == message
    assert page.get_attribute("#sg-calc-donation", "aria-invalid") == "true"
    assert errors == []
    page.close()


def test_commas_full_width_digits_and_yen_sign_are_read(browser, base_url):
    page, _ = _calculator(browser, base_url, "en")
    _submit(page, {"donation": "¥１,０００,０００", "business_tax": "500,000円"})
    assert page.get_attribute('td[data-field="business_tax"]', "data-value") == "100000"
    assert page.inner_text('td[data-field="real_cost"]') == "¥200,000"
    assert page.get_attribute("#sg-calc-donation", "aria-invalid") is None
    page.close()


def test_without_javascript_the_form_stays_hidden(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "donations/corporate/")
    assert not page.is_visible("form.sg-calc") and page.is_visible(".sg-calc__nojs")
    assert page.is_visible(".sg-tax-example table")  # the worked example is there anyway
    context.close()
