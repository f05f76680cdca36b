"""Issue 16, item 8: the call finder's third filter, who may apply (target_types).

A call may give `target_types`, codes of a fixed vocabulary of applicant kinds
(sitegen/models/calls.py TARGET_TYPES). Built on 2025-05-10 from the seed plus the three
fixtures of tests/fixtures/calls/:

    call                          target_types                 status on 2025-05-10
    kawasaki-decarbonization-2024 sme, sme_group (the seed)    closed (deadline 2024-06-11)
    example-startup-2025          sme, sole_proprietor         open (early review until 05-16)
    example-two-rounds-2025       (none: the issue's record)   open (round 1 until 05-30)
    example-net-of-income-2025    nonprofit, community_group   upcoming (opens 06-02)

so the options are, in the vocabulary's order, sme (2), sme_group (1), sole_proprietor (1),
nonprofit (1), community_group (1), then the calls that give none (1); a filtered page lists
open calls first, then upcoming, then closed.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitegen.errors import DataErrors
from sitegen.validate import load_dataset
from tests.browser import serve
from tests.calls_amount_cases import calls_yaml_with_amount_fixtures
from tests.calls_fixtures import KAWASAKI, TWO_ROUNDS
from tests.html import Node, page
from tests.sitebuild import SEED_DATA, build_project, make_project

STARTUP, NET = "example-startup-2025", "example-net-of-income-2025"
JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


# --- The model -----------------------------------------------------------------------------

def _load(tmp_path: Path, calls_text: str):
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "data" / "calls.yaml").write_text(calls_text, encoding="utf-8")
    return load_dataset(tmp_path)


def _report(tmp_path: Path, old: str, new: str) -> tuple[str, int]:
    """The check's report for the fixtures with `old` replaced, and the line of `new`."""
    text = calls_yaml_with_amount_fixtures()
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    with pytest.raises(DataErrors) as exc:
        _load(tmp_path, text)
    return exc.value.report(), text[:text.index(new)].count("\n") + 1


def test_the_codes_are_read_and_a_call_without_them_has_none(tmp_path):
    calls = {c.id: c.target_types for c in _load(tmp_path, calls_yaml_with_amount_fixtures()).calls.calls}
    assert calls == {KAWASAKI: ["sme", "sme_group"], STARTUP: ["sme", "sole_proprietor"], TWO_ROUNDS: [],
                     NET: ["nonprofit", "community_group"]}


def test_an_unknown_code_names_the_allowed_codes_at_its_line(tmp_path):
    report, line = _report(tmp_path, "target_types: [sme, sme_group]", "target_types: [sme, company]")
    assert f"data/calls.yaml:{line}:" in report, report
    assert "知らない対象者の区分です" in report and "unknown applicant type" in report, report
    assert "使える値: sme(中小企業)、sme_group(中小企業団体(組合等))、sole_proprietor(個人事業主)" in report
    assert ("allowed: sme, sme_group, sole_proprietor, startup, large_company, nonprofit, academic, "
            "individual, community_group") in report
    assert "Traceback" not in report


def test_japanese_instead_of_a_code_is_told_which_code_to_write(tmp_path):
    report, line = _report(tmp_path, "target_types: [sme, sme_group]", "target_types: [sme, 中小企業団体]")
    assert f"data/calls.yaml:{line}:" in report, report
    assert "「中小企業団体」なら sme_group と書いてください" in report and "for '中小企業団体' write sme_group" in report


def test_a_code_given_twice_is_refused(tmp_path):
    report, line = _report(tmp_path, "target_types: [nonprofit, community_group]",
                           "target_types: [nonprofit, community_group, nonprofit]")
    assert f"data/calls.yaml:{line}:" in report, report
    assert "対象者の区分「nonprofit」が重複しています" in report and "the applicant type 'nonprofit' is listed twice" in report


def test_the_editor_schema_describes_the_field_and_its_codes():
    import json

    from tests.sitebuild import REPO
    schema = json.loads((REPO / "schemas" / "calls.schema.json").read_text(encoding="utf-8"))
    field = schema["$defs"]["Call"]["properties"]["target_types"]
    assert field["items"]["enum"] == ["sme", "sme_group", "sole_proprietor", "startup", "large_company",
                                      "nonprofit", "academic", "individual", "community_group"]
    assert "sme = 中小企業" in field["description"] and "sme = Small and medium-sized enterprises" in field["description"]


# --- The built site --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("target"), {"calls": calls_yaml_with_amount_fixtures()})
    result = build_project(root, today="2025-05-10")
    assert result.returncode == 0, result.stderr
    return root / "site"


def _listed(doc):
    return [li.find("a").attrs["href"].rstrip("/").rsplit("/", 1)[-1] for li in doc.find_all("li", class_="sg-call-item")]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_target_page_lists_the_calls_that_give_it(site, prefix):
    assert _listed(page(site, f"{prefix}calls/target/sme")) == [STARTUP, KAWASAKI]
    assert _listed(page(site, f"{prefix}calls/target/sme_group")) == [KAWASAKI]
    assert _listed(page(site, f"{prefix}calls/target/sole_proprietor")) == [STARTUP]
    assert _listed(page(site, f"{prefix}calls/target/nonprofit")) == [NET]
    assert _listed(page(site, f"{prefix}calls/target/community_group")) == [NET]
    assert _listed(page(site, f"{prefix}calls/target/none")) == [TWO_ROUNDS]
    for unused in ("startup", "large_company", "academic", "individual"):
        assert not (site / f"{prefix}calls/target/{unused}").exists(), unused


@pytest.mark.parametrize("prefix, heading, options", [
    ("", "対象者", [("sme", "中小企業 (2件)"), ("sme_group", "中小企業団体(組合等) (1件)"),
                    ("sole_proprietor", "個人事業主 (1件)"), ("nonprofit", "NPO法人・非営利団体 (1件)"),
                    ("community_group", "自治会・地域団体 (1件)"), ("none", "対象者を分類していないもの (1件)")]),
    ("en/", "Who may apply", [
        ("sme", "Small and medium-sized enterprises (2)"), ("sme_group", "SME associations (cooperatives etc.) (1)"),
        ("sole_proprietor", "Sole proprietors (1)"), ("nonprofit", "NPOs and other non-profit organisations (1)"),
        ("community_group", "Neighbourhood associations and community groups (1)"),
        ("none", "Not classified by applicant (1)")]),
])
def test_the_target_group_lists_the_codes_in_use_with_counts(site, prefix, heading, options):
    nav = page(site, f"{prefix}calls").find("nav", class_="sg-project-filters sg-call-filters")
    assert nav.find("p", id="sg-call-filter-target").text() == heading
    links = [(a.attrs["data-filter-value"], a.text(), a.attrs["href"])
             for a in nav.find_all("a") if a.attrs.get("data-filter-dim") == "target"]
    assert [(value, text) for value, text, _ in links] == options
    assert [href for _, _, href in links] == [f"target/{value}/" for value, _ in options]


def test_listing_items_carry_their_codes_for_the_script(site):
    items = {li.find("a").attrs["href"].rstrip("/"): li.attrs["data-filter-target"]
             for li in page(site, "calls").find_all("li", class_="sg-call-item")}
    assert items == {KAWASAKI: "sme sme_group", STARTUP: "sme sole_proprietor", TWO_ROUNDS: "none",
                     NET: "nonprofit community_group"}


@pytest.mark.parametrize("prefix, kawasaki", [
    ("", "対象者: 中小企業、中小企業団体(組合等)"),
    ("en/", "Who may apply: Small and medium-sized enterprises, SME associations (cooperatives etc.)")])
def test_listing_items_show_who_may_apply(site, prefix, kawasaki):
    items = {li.find("a").attrs["href"].rstrip("/").rsplit("/", 1)[-1]: li
             for li in page(site, f"{prefix}calls").find_all("li", class_="sg-call-item")}
    assert items[KAWASAKI].find("span", class_="sg-call-target").text() == kawasaki
    assert items[TWO_ROUNDS].find("span", class_="sg-call-target") is None  # nothing to show


@pytest.mark.parametrize("prefix, net, kawasaki", [
    ("", "NPO法人・非営利団体、自治会・地域団体", "市内に事業所を有して1年以上事業を営んでいる中小企業等"),
    ("en/", "NPOs and other non-profit organisations, Neighbourhood associations and community groups",
     "Small and medium-sized enterprises that have had a place of business in Kawasaki and operated for at least one year")])
def test_the_call_page_shows_the_labels_only_where_it_has_no_words_of_its_own(site, prefix, net, kawasaki):
    def target_row(call_id):
        table = page(site, f"{prefix}calls/{call_id}").find("table", class_="sg-call-summary")
        return [tr.find("td").text() for tr in table.find_all("tr") if tr.find("th").text() in ("対象者", "Who may apply")]
    assert target_row(NET) == [net]
    assert target_row(KAWASAKI) == [kawasaki]  # summary.target, as written


def test_target_pages_are_titled_and_left_out_of_search(site):
    assert page(site, "calls/target/sme").find("h1").text().rstrip("¶") == "補助金の公募: 中小企業"
    assert page(site, "en/calls/target/none").find("title").text().startswith("Subsidy calls: Not classified by applicant")
    for url in ("calls/target/sme", "en/calls/target/none"):
        assert page(site, url).find(data_pagefind_body=True) is None, url
    doc = page(site, "en/calls/target/sme")
    assert doc.find("a", aria_current="page").text() == "Small and medium-sized enterprises (2)"
    assert doc.find("p", class_="sg-filter-status").text() == "Calls shown: 2 of 4"


def _japanese_outside_lang_ja(node: Node, inside: bool = False):
    inside = inside or node.attrs.get("lang", "").startswith("ja")
    if node.tag in ("script", "style", "template"):
        return
    for part in node.text_parts:
        if isinstance(part, str):
            if not inside and JAPANESE.search(part):
                yield part.strip()
        else:
            yield from _japanese_outside_lang_ja(part, inside)


@pytest.mark.parametrize("url", ["en/calls", "en/calls/target/sme", "en/calls/target/none", f"en/calls/{NET}"])
def test_english_pages_carry_no_japanese_labels(site, url):
    body = page(site, url).find("body")
    assert list(_japanese_outside_lang_ja(body)) == []
    assert list(_japanese_outside_lang_ja(page(site, url[3:]).find("body")))  # the check sees Japanese


# --- In the browser ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def base(site):
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _visible(pg):
    return pg.eval_on_selector_all(".sg-call-item:not([hidden]) a.sg-call-title",
                                   "els => els.map(e => e.getAttribute('href'))")


def test_target_filters_in_place_with_javascript(browser, base):
    context = browser.new_context()
    pg = context.new_page()
    pg.goto(base + "en/calls/")
    assert len(_visible(pg)) == 4
    pg.click("a[data-filter-dim=target][data-filter-value=sme]")
    assert pg.url.endswith("/en/calls/")  # stayed on the page
    assert _visible(pg) == [f"{STARTUP}/", f"{KAWASAKI}/"]
    assert pg.text_content(".sg-filter-status") == "Calls shown: 2 of 4"
    assert pg.get_attribute("a[data-filter-dim=target][data-filter-value=sme]", "aria-current") == "true"
    pg.click("a[data-filter-dim=status][data-filter-value=open]")  # combined with another group
    assert _visible(pg) == [f"{STARTUP}/"]
    pg.click("a[data-filter-dim=target][data-filter-value=none]")  # another choice in the same group
    assert _visible(pg) == [f"{TWO_ROUNDS}/"]
    pg.click("a[data-filter-dim=target][data-filter-value=none]")  # clicked again: the choice goes
    assert sorted(_visible(pg)) == sorted([f"{STARTUP}/", f"{TWO_ROUNDS}/"])
    pg.click("a[data-filter-reset]")
    assert len(_visible(pg)) == 4
    context.close()


def test_target_filter_works_without_javascript(browser, base):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base + "en/calls/")
    pg.click("a[data-filter-dim=target][data-filter-value=sme]")
    assert pg.url.endswith("/en/calls/target/sme/")
    assert _visible(pg) == [f"../../{STARTUP}/", f"../../{KAWASAKI}/"]
    assert pg.text_content(".sg-filter-status") == "Calls shown: 2 of 4"
    pg.click("a[data-filter-dim=target][data-filter-value=none]")
    assert pg.url.endswith("/en/calls/target/none/") and _visible(pg) == [f"../../{TWO_ROUNDS}/"]
    context.close()
