"""Donations: data mistakes (issue §5), per-year totals, the history page, the chart, the explainer."""
from __future__ import annotations

import shutil

import pytest

from sitegen.chart import Bar, bar_chart
from sitegen.errors import DataErrors
from sitegen.sections.donations import year_totals
from sitegen.validate import load_dataset
from tests.html import page, parse
from tests.sitebuild import REPO, SEED, SEED_DATA

ONE = """donations:
  - id: d1
    fiscal_year: {fy}
    donor_type: corporate
    donor:
      ja: 例(株)
    amount: {amount}
"""


def errors_for(tmp_path, text: str):
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "data" / "donations.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_dataset(tmp_path)
    return exc.value.errors


def one_error(tmp_path, text: str):
    [e] = errors_for(tmp_path, text)
    assert e.file == "data/donations.yaml"
    return e


# --- Bad input ------------------------------------------------------------------------

def test_negative_amount(tmp_path):
    e = one_error(tmp_path, ONE.format(fy=2024, amount=-1000000))
    assert (e.path, e.line) == ("donations[0].amount", 7)
    assert "cannot be negative" in e.en and "0以上" in e.ja


def test_fractional_amount(tmp_path):
    e = one_error(tmp_path, ONE.format(fy=2024, amount=1000000.5))
    assert e.path == "donations[0].amount" and "whole number of yen" in e.en and "整数" in e.ja


@pytest.mark.parametrize("typed, hint", [("100万円", "1000000"), ("3,000万円", "30000000"), ('"1,000,000"', "1000000")])
def test_amount_with_units_suggests_the_integer(tmp_path, typed, hint):
    e = one_error(tmp_path, ONE.format(fy=2024, amount=typed))
    assert "without units or commas" in e.en and "単位" in e.ja
    assert e.hint_en == f"e.g. {hint}" and e.hint_ja == f"例: {hint}"
    assert hint in e.format()


def test_undisclosed_typed_in_japanese_says_write_undisclosed(tmp_path):
    e = one_error(tmp_path, ONE.format(fy=2024, amount="非公表"))
    assert "'undisclosed'" in e.en and "undisclosed" in e.ja and e.got == "'非公表'"


def test_forgotten_amount_is_an_error_not_undisclosed(tmp_path):
    text = ONE.format(fy=2024, amount=0).replace("    amount: 0\n", "")
    e = one_error(tmp_path, text)
    assert e.path == "donations[0]" and "required field 'amount'" in e.en


@pytest.mark.parametrize("fy", [1988, 2101, 24])
def test_fiscal_year_outside_1989_2100(tmp_path, fy):
    e = one_error(tmp_path, ONE.format(fy=fy, amount=1000000))
    assert e.path == "donations[0].fiscal_year" and "between 1989 and 2100" in e.en and "1989" in e.ja


def test_unknown_designated_project(tmp_path):
    text = ONE.format(fy=2024, amount=1000000) + "    project: umi-no-hiryou\n"
    e = one_error(tmp_path, text)
    assert (e.path, e.line) == ("donations[0].project", 8)
    assert "no project has the id 'umi-no-hiryou'" in e.en and "did you mean 'umi-no-hiryo'" in e.hint_en


def test_known_designated_project_is_accepted(tmp_path):
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "data" / "donations.yaml").write_text(
        ONE.format(fy=2024, amount=1000000) + "    project: umi-no-hiryo\n", encoding="utf-8")
    assert load_dataset(tmp_path).donations.donations[0].project == "umi-no-hiryo"


def test_anonymous_donor_given_a_name(tmp_path):
    text = ONE.format(fy=2023, amount=500000).replace("    donor_type: corporate\n",
                                                       "    donor_type: individual\n    anonymous: true\n")
    e = one_error(tmp_path, text)
    assert e.path == "donations[0].donor" and e.line == 7  # the name itself
    assert "anonymous donor must not have a name" in e.en and "匿名" in e.ja


def test_named_donor_without_a_name(tmp_path):
    text = ONE.format(fy=2023, amount=500000).replace("    donor:\n      ja: 例(株)\n", "")
    e = one_error(tmp_path, text)
    assert e.path == "donations[0]" and "donor's name is missing" in e.en and "anonymous: true" in e.hint_en


def test_unknown_donor_type(tmp_path):
    e = one_error(tmp_path, ONE.format(fy=2024, amount=1).replace("corporate", "company"))
    assert e.path == "donations[0].donor_type" and "corporate" in e.en and "individual" in e.en


def test_tax_percentage_with_percent_sign(tmp_path):
    text = (SEED_DATA / "donations.yaml").read_text(encoding="utf-8").replace(
        "loss_inclusion_percent: 30 ", 'loss_inclusion_percent: "30%" ')
    e = one_error(tmp_path, text)
    assert e.path == "tax_relief.loss_inclusion_percent" and "no %" in e.en


# --- Totals -------------------------------------------------------------------------------

def test_year_totals_of_the_seed():
    totals = year_totals(load_dataset(SEED).donations.donations)
    assert [(y.fiscal_year, y.disclosed_total, y.undisclosed, y.count) for y in totals] == [
        (2024, 1_000_000, 1, 2), (2023, 2_500_000, 0, 3), (2022, 30_000_000, 0, 1), (2021, 24_000_000, 0, 1)]
    assert sum(y.disclosed_total for y in totals) == 57_500_000


# --- The chart ------------------------------------------------------------------------------

def test_chart_is_accessible_svg_with_escaped_labels():
    svg = parse(str(bar_chart([Bar("<b>", 10, "a & b"), Bar("y", 5, "z")], "T", "D <1>", "c1")))
    root = svg.find("svg")
    assert root.attrs["role"] == "img" and root.attrs["aria-labelledby"] == "c1-title c1-desc"
    assert svg.find("title", id="c1-title").text() == "T" and svg.find("desc", id="c1-desc").text() == "D <1>"
    widths = [float(r.attrs["width"]) for r in svg.find_all("rect")]
    assert widths[0] == 2 * widths[1]  # proportional to the values
    assert "<b>" in [t.text() for t in svg.find_all("text")]  # text, not markup


def test_chart_draws_no_bar_for_zero():
    svg = parse(str(bar_chart([Bar("a", 0, "0"), Bar("b", 0, "0")], "T", "D", "c2")))
    assert svg.find_all("rect") == []


# --- The history page ----------------------------------------------------------------------

def _cells(row):
    return [c.text() for c in row.find_all() if c.tag in ("th", "td")]


@pytest.mark.parametrize("lang, per_year, total", [
    ("ja", ["100万円", "250万円", "3,000万円", "2,400万円"], "5,750万円"),
    ("en", ["¥1 million", "¥2.5 million", "¥30 million", "¥24 million"], "¥57.5 million"),
])
def test_totals_table_newest_first(seed_site, lang, per_year, total):
    doc = page(seed_site, ("en/" if lang == "en" else "") + "donations")
    table = doc.find("div", class_="sg-table-wrap sg-donations-totals").find("table")
    rows = table.find("tbody").find_all("tr")
    assert [_cells(r)[0] for r in rows] == (["2024年度", "2023年度", "2022年度", "2021年度"] if lang == "ja"
                                             else ["FY2024", "FY2023", "FY2022", "FY2021"])
    assert [_cells(r)[2] for r in rows] == per_year
    assert [_cells(r)[3] for r in rows] == ["1", "0", "0", "0"]  # undisclosed gifts per year
    assert _cells(table.find("tfoot").find("tr"))[1:] == ["7", total, "1"]
    assert all(th.attrs.get("scope") == "row" for th in table.find("tbody").find_all("th"))
    assert total in doc.find("p", class_="sg-donations-total").text()


def test_donor_table_shows_the_seed(seed_site):
    ja = page(seed_site, "donations").find("div", class_="sg-table-wrap sg-donations-table")
    rows = [_cells(r) for r in ja.find_all("tr")]
    assert ["2024年度", "第一生命(株)", "非公表"] in rows
    assert ["2023年度", "匿名個人", "50万円"] in rows
    assert ["2024年度 計", "2件(うち金額非公表1件)", "100万円"] in rows
    yahoo = [r for r in rows if r[0] == "2022年度" and r[2] == "3,000万円"][0]
    assert "ヤフー(株)" in yahoo[1] and "LINEヤフー(株)" in yahoo[1] and "LIEN" not in ja.text()
    en = page(seed_site, "en/donations").find("div", class_="sg-table-wrap sg-donations-table")
    en_rows = [_cells(r) for r in en.find_all("tr")]
    assert ["FY2024", "The Dai-ichi Life Insurance Company, Limited", "Undisclosed"] in en_rows
    assert ["FY2023", "Anonymous individual", "¥500,000"] in en_rows


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_chart_on_the_page(seed_site, lang):
    doc = page(seed_site, ("en/" if lang == "en" else "") + "donations")
    svg = doc.find("figure", class_="sg-chart").find("svg")
    assert svg.attrs["role"] == "img"
    desc = svg.find("desc").text()
    if lang == "ja":
        assert desc == "2021年度: 2,400万円、2022年度: 3,000万円、2023年度: 250万円、2024年度: 100万円(ほかに金額非公表1件)"
    else:
        assert desc == "FY2021: ¥24 million; FY2022: ¥30 million; FY2023: ¥2.5 million; FY2024: ¥1 million (plus 1 undisclosed)"
    widths = [float(r.attrs["width"]) for r in svg.find_all("rect")]
    assert widths[1] == max(widths) and widths[0] == pytest.approx(widths[1] * 24 / 30, abs=0.1)
    html = (seed_site / ("en/" if lang == "en" else "") / "donations" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html.split('class="sg-chart"')[1].split("</figure>")[0]  # drawn at build time


def test_history_page_links_and_other_facts(seed_site):
    doc = page(seed_site, "donations")
    hrefs = [a.attrs.get("href") for a in doc.find_all("a")]
    assert "corporate/" in hrefs and "how-to-donate/" in hrefs
    text = doc.text()
    assert "寄附実績(2025年4月時点)" in text
    assert "波力発電の研究開発・人材育成拠点化" in text and "内閣府" in text and "神奈川県内で初めて" in text
    assert "2024年2月13日" in text and "(株)ウイルプラスホールディングス" in doc.find("ul", class_="sg-voices").text()
    # no address was given in the seed for voices and videos: no invented links
    assert not doc.find("ul", class_="sg-voices").find_all("a")
    # the videos have no address either; the one link is to the project the donations funded
    assert [a.attrs["href"] for a in doc.find("div", class_="sg-use-case").find_all("a")] == [
        "../projects/kaiyo-gijutsu/"]


# --- The explainer and how to donate -------------------------------------------------------

@pytest.mark.parametrize("lang, first, total, cost", [
    ("ja", "1,000,000円", "900,000円", "100,000円"), ("en", "¥1,000,000", "¥900,000", "¥100,000")])
def test_worked_example_table(seed_site, lang, first, total, cost):
    doc = page(seed_site, ("en/" if lang == "en" else "") + "donations/corporate")
    table = doc.find("div", class_="sg-table-wrap sg-tax-example").find("table")
    rows = {(_cells(r)[0]): _cells(r)[1:] for r in table.find("tbody").find_all("tr")}
    values = list(rows.values())
    assert values[0] == [first, first.replace("1,000,000", "10,000,000")]
    assert values[-2] == [total, total.replace("900,000", "7,000,000")]
    assert values[-1] == [cost, cost.replace("100,000", "3,000,000")]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_explainer_page_is_complete_without_javascript(seed_site, lang):
    doc = page(seed_site, ("en/" if lang == "en" else "") + "donations/corporate")
    credits = doc.find("div", class_="sg-table-wrap sg-tax-credits").text()
    assert ("40%" in credits and "20%" in credits and "5%" in credits and "10%" in credits
            and ("約90%" in credits if lang == "ja" else "about 90%" in credits))
    facts = doc.find("dl", class_="sg-tax-facts").text()
    assert ("100,000円" in facts or "10万円" in facts or "¥100,000" in facts)
    assert ("2028年3月31日" in facts) if lang == "ja" else ("31 March 2028" in facts)
    form = doc.find("form", class_="sg-calc")
    assert "hidden" in form.attrs and "novalidate" in form.attrs  # shown by the script only
    assert doc.find("p", class_="sg-calc__nojs")
    output = form.find("div", class_="sg-calc__output")
    assert output.attrs["aria-live"] == "polite"
    for name in ("donation", "local_tax_base", "corporation_tax", "business_tax"):
        field = form.find("input", name=name)
        assert doc.find("label", for_=field.attrs["id"])
    assert "sitegen:" not in (seed_site / ("en/" if lang == "en" else "") / "donations/corporate/index.html").read_text()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_home_links_to_the_explainer(seed_site, lang):
    doc = page(seed_site, "en" if lang == "en" else ".")
    assert "donations/corporate/" in [a.attrs.get("href") for a in doc.find_all("a")]


def test_how_to_donate(seed_site):
    text = page(seed_site, "donations/how-to-donate").text()
    for fact in ("書面", "e-kanagawa電子申請システム", "寄附金項目(9)その他", "知的対流推進事業(プロジェクト名)",
                 "産業振興課", "企画政策課"):
        assert fact in text
    en = page(seed_site, "en/donations/how-to-donate")
    wording = [s.text() for s in en.find_all("span", lang="ja", class_="sg-designation__wording")]
    assert wording == ["寄附金項目(9)その他", "知的対流推進事業(プロジェクト名)", "知的対流推進事業(プロジェクト名)"]
    assert "e-kanagawa" in en.text() and "Planning and Policy Division" in en.text()


def test_unknown_project_of_a_use_case(tmp_path):
    text = (SEED_DATA / "donations.yaml").read_text(encoding="utf-8").replace(
        "    project: kaiyo-gijutsu\n", "    project: no-such-project\n")
    e = one_error(tmp_path, text)
    assert e.path == "use_cases[0].project" and "no project has the id 'no-such-project'" in e.en


def test_japanese_terms_in_the_english_explainer_are_marked(seed_site):
    doc = page(seed_site, "en/donations/corporate")
    credits = doc.find("div", class_="sg-table-wrap sg-tax-credits")
    assert {s.text() for s in credits.find_all("span", lang="ja")} >= {"法人住民税", "法人税", "法人事業税", "法人税割"}
    label = doc.find("label", for_="sg-calc-local_tax_base")
    assert label.find("span", lang="ja").text() == "法人税割"
