"""calls.js and the print stylesheet in headless Chromium (Debian's), against built pages
served on 127.0.0.1: status re-checked with the reader's clock, the amount calculator on
the shared cases, and the call page printed to PDF."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest

from tests.browser import JST, open_page, served_url
from tests.calls_fixtures import KAWASAKI
from tests.sitebuild import REPO, build_project, make_project

pytestmark = pytest.mark.browser
CASES = json.loads((REPO / "tests" / "cases" / "subsidy.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def open_site(tmp_path_factory):
    """The repo's data built on 2024-05-01, while the Kawasaki call is open."""
    root = make_project(tmp_path_factory.mktemp("open"), None)
    result = build_project(root, today="2024-05-01")
    assert result.returncode == 0, result.stderr
    with served_url(root / "site") as url:
        yield url


@pytest.fixture(scope="module")
def seed_url(seed_site):
    with served_url(seed_site) as url:
        yield url


def _statuses(pg):
    return pg.eval_on_selector_all(".sg-call-status", "els => els.map(e => [e.dataset.status, e.textContent])")


@pytest.mark.parametrize("moment, code, ja, en", [
    (dt.datetime(2024, 5, 1, 9, 0, tzinfo=JST), "open", "受付中", "Open"),
    (dt.datetime(2024, 6, 1, 12, 0, tzinfo=JST), "open", "受付中(締切まであと10日)", "Open (closes in 10 days)"),
    (dt.datetime(2024, 6, 11, 23, 59, 30, tzinfo=JST), "open", "受付中(本日締切)", "Open (closes today)"),
    (dt.datetime(2024, 6, 12, 0, 0, 30, tzinfo=JST), "closed", "受付終了", "Closed"),
    # A reader in Europe on the evening of 11 June: it is already 12 June in Japan.
    (dt.datetime(2024, 6, 11, 20, 0, tzinfo=dt.timezone.utc), "closed", "受付終了", "Closed"),
])
def test_status_is_rechecked_with_the_readers_clock(browser, open_site, moment, code, ja, en):
    for prefix, label in (("", ja), ("en/", en)):
        for url in (f"calls/{KAWASAKI}/", "calls/", ""):
            pg = open_page(browser, open_site + prefix + url, at=moment)
            statuses = _statuses(pg)
            pg.close()
            assert statuses and set(map(tuple, statuses)) == {(code, label)}, (prefix + url, statuses)


def test_calculator_follows_the_shared_cases(browser, seed_url):
    kawasaki = next(r for r in CASES["rules"] if r.get("call") == KAWASAKI)
    pg = open_page(browser, seed_url + f"calls/{KAWASAKI}/")
    assert pg.is_visible("form.sg-calculator"), "the script shows the form"
    for case in kawasaki["cases"]:
        pg.fill("#sg-calc-expenses", f"{case['expenses']:,}")  # commas as people type them
        pg.click("form.sg-calculator button")
        out = pg.locator("form.sg-calculator output")
        assert out.get_attribute("data-amount") == str(case["amount"]), case
        assert out.get_attribute("data-eligible") == ("true" if case["eligible"] else "false"), case
    pg.fill("#sg-calc-expenses", "5000000")
    pg.click("form.sg-calculator button")
    assert pg.text_content("form.sg-calculator output") == "補助金額の目安: 3,750,000円"
    pg.fill("#sg-calc-expenses", "２，０００，０００円")  # full-width digits are read too
    pg.click("form.sg-calculator button")
    assert pg.text_content("form.sg-calculator output") == \
        "計算上の補助金額は1,500,000円で、下限額2,000,000円に届かないため対象外です。"
    pg.fill("#sg-calc-expenses", "500万")
    pg.click("form.sg-calculator button")
    assert "円単位の数字で入力してください" in pg.text_content("form.sg-calculator output")
    # Every shared case (other calls' too) through the same function: test_calls_amount_browser.py.
    pg.close()


def test_checklist_boxes_can_be_ticked(browser, seed_url):
    pg = open_page(browser, seed_url + f"calls/{KAWASAKI}/")
    pg.click("label[for=sg-check-3]")
    assert pg.is_checked("#sg-check-3") and not pg.is_checked("#sg-check-2")
    pg.reload()
    assert pg.is_checked("#sg-check-3"), "ticks are remembered in this browser"
    pg.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_call_page_prints_as_a_clean_document(browser, seed_url, tmp_path, prefix):
    assert shutil.which("pdftotext") and shutil.which("pdftoppm"), "make browser-deps installs poppler-utils"
    pg = open_page(browser, seed_url + f"{prefix}calls/{KAWASAKI}/")
    # A link whose text is not its address, as hand-written pages have: the address must be printed.
    pg.evaluate("""() => { const a = document.createElement('a'); a.href = 'https://example.org/print-check';
        a.textContent = 'PRINTCHECK'; document.querySelector('.sg-lead').appendChild(a); }""")
    pdf = tmp_path / "call.pdf"
    pg.pdf(path=str(pdf), format="A4", print_background=True)
    pg.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    if prefix == "":
        for expected in ("対象者", "補助対象経費の4分の3以内", "1件あたり200万円以上500万円以内", "【必着】",
                         "提出資料チェックシート", "中小企業等の定義"):
            assert expected in flat, expected
        for absent in ("目次", "アクセシビリティ方針", "English", "計算する", "カレンダーに追加"):
            assert absent not in flat, absent
    else:
        for expected in ("Who may apply", "up to 3/4 of the eligible expenses", "Document checklist"):
            assert expected in flat, expected
        for absent in ("Table of contents", "Accessibility", "日本語", "Calculate", "Add the deadline"):
            assert absent not in flat, absent
    # Link addresses follow the link text on paper.
    assert "PRINTCHECK <https://example.org/print-check>" in flat
    assert "https://www.kawasaki-gi.jp/" in flat  # shown as text already, so not repeated
    assert "<https://www.kawasaki-gi.jp/>" not in flat
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:"))) >= 3
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    assert list(tmp_path.glob("page*.png")), "the first page renders"
