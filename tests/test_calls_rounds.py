"""Calls as cities publish them (issue 16): rounds, tracks, the general amount rule, status
between rounds, "closing soon", one calendar period and deadline per round, and the
two-round fixture (tests/fixtures/calls/two-rounds.yaml) validated and built as it stands."""
from __future__ import annotations

import datetime as dt
import shutil
from fractions import Fraction
from pathlib import Path

import icalendar
import pytest

from sitegen.calendar_file import call_calendar
from sitegen.call_status import JST, status_of, status_of_at
from sitegen.errors import DataErrors
from sitegen.subsidy import SubsidyRule, expenses_for_maximum, expenses_for_minimum, subsidy_amount
from sitegen.validate import load_dataset
from tests.calls_fixtures import KAWASAKI, TWO_ROUNDS, TWO_ROUNDS_FIXTURE, calls_yaml_with_two_rounds
from tests.html import page
from tests.sitebuild import SEED_DATA, build_project, make_project


def _project_data(tmp_path: Path, calls_text: str) -> Path:
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "data" / "calls.yaml").write_text(calls_text, encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory):
    root = _project_data(tmp_path_factory.mktemp("data"), calls_yaml_with_two_rounds())
    calls = {c.id: c for c in load_dataset(root).calls.calls}
    assert set(calls) == {KAWASAKI, TWO_ROUNDS}
    return calls[TWO_ROUNDS]


# --- Model -----------------------------------------------------------------------------------

def test_the_fixture_is_the_record_of_the_issue_as_it_stands(two_rounds):
    assert [(r.id, r.title.ja, r.acceptance_start_datetime, r.acceptance_end_datetime) for r in two_rounds.rounds] == [
        ("round-1", "第1回募集", dt.date(2025, 5, 1), dt.date(2025, 5, 30)),
        ("round-2", "第2回募集", dt.date(2025, 8, 1), dt.date(2025, 8, 29))]
    assert [(t.id, t.subsidy_rate, t.subsidy_max_limit) for t in two_rounds.tracks] == [
        ("start", Fraction(2, 3), 500000), ("step-up", Fraction(2, 3), 1000000)]
    # Left out, as the record leaves them out: the call-level rule, purpose, sections, period.
    assert two_rounds.subsidy_rate is None and two_rounds.subsidy_max_limit is None
    assert two_rounds.acceptance_start_datetime is None and two_rounds.sections == []
    assert two_rounds.use_purpose is None and two_rounds.project_period is None
    assert two_rounds.deadline_rule is None


def _errors(tmp_path: Path, old: str, new: str) -> tuple[str, str]:
    text = calls_yaml_with_two_rounds()
    assert text.count(old) == 1, old
    changed = text.replace(old, new)
    with pytest.raises(DataErrors) as exc:
        load_dataset(_project_data(tmp_path, changed))
    return exc.value.report(), changed


def _line(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("old, new, at, ja, en", [
    # Round 2 now starts on round 1's deadline day: the periods overlap.
    ("acceptance_start_datetime: 2025-08-01", "acceptance_start_datetime: 2025-05-30",
     "acceptance_start_datetime: 2025-05-30",
     "回「round-2」の受付開始日(2025-05-30)が、前の回「round-1」の受付締切日(2025-05-30)以前です",
     "round 'round-2' starts (2025-05-30) on or before the deadline of the round before it ('round-1', 2025-05-30)"),
    # Rounds listed out of date order.
    ("acceptance_start_datetime: 2025-08-01\n        acceptance_end_datetime: 2025-08-29",
     "acceptance_start_datetime: 2025-04-01\n        acceptance_end_datetime: 2025-04-20",
     "acceptance_start_datetime: 2025-04-01",
     "前の回「round-1」の受付締切日(2025-05-30)以前です。回は日付順に",
     "list the rounds in date order, without overlap"),
    ("- id: round-2", "- id: round-1", "- id: round-1\n        title: {ja: 第2回募集",
     "回のid「round-1」がこの公募の中で重複しています", "the round id 'round-1' is used twice in this call"),
    ("- id: step-up", "- id: start", "- id: start\n        title: {ja: ステップアップ枠",
     "枠のid「start」がこの公募の中で重複しています", "the track id 'start' is used twice in this call"),
    ("acceptance_end_datetime: 2025-08-29", "acceptance_end_datetime: 2025-07-29",
     "acceptance_end_datetime: 2025-07-29",
     "受付締切日(2025-07-29)が受付開始日(2025-08-01)より前です",
     "the application deadline (2025-07-29) is before the start (2025-08-01)"),
    ("      phone: 045-000-0000\n", "      phone: 045-000-0000\n    acceptance_start_datetime: 2025-05-01\n",
     "acceptance_start_datetime: 2025-05-01\n    summary",
     "受付期間は、公募全体(acceptance_start_datetime・acceptance_end_datetime)か回ごと(rounds)のどちらか一方",
     "give the application period either for the whole call"),
    ('        subsidy_rate: "2/3"\n        subsidy_max_limit: 500000',
     '        subsidy_rate: "2/3"\n        subsidy_fixed_amount: 300000\n        subsidy_max_limit: 500000',
     "subsidy_fixed_amount: 300000",
     "補助率(subsidy_rate)と定額(subsidy_fixed_amount)はどちらか一方だけ", "give either subsidy_rate or"),
    ("        subsidy_max_limit: 500000", "        subsidy_max_limit: 500000\n        subsidy_min_limit: 600000",
     "subsidy_min_limit: 600000",
     "下限額(600,000円)が上限額(500,000円)より大きいです", "the minimum (600,000 yen) is above the maximum"),
    ("        subsidy_max_limit: 500000", "        subsidy_max_limit: 500000\n        subsidy_rounding_unit: 500",
     "subsidy_rounding_unit: 500",
     "切り捨ての単位(500)は1・10・100・1000…のいずれか", "the rounding unit (500) must be 1, 10, 100, 1000"),
])
def test_round_and_track_mistakes_are_reported_in_both_languages_at_their_line(tmp_path, old, new, at, ja, en):
    report, text = _errors(tmp_path, old, new)
    assert ja in report and en in report, report
    assert f"data/calls.yaml:{_line(text, at)}:" in report, report
    assert "Traceback" not in report


def test_a_call_without_any_period_is_refused(tmp_path):
    start = "    rounds:\n"
    end = "    tracks:\n"
    text = calls_yaml_with_two_rounds()
    old = text[text.index(start, text.index(TWO_ROUNDS)):text.index(end, text.index(TWO_ROUNDS))]
    report, _ = _errors(tmp_path, old, "")
    assert "受付期間がありません" in report and "no application period" in report, report
    assert "calls[1]" in report


def test_the_seed_call_keeps_every_fact():
    call = load_dataset(SEED_DATA.parent).calls.calls[0]
    assert (call.subsidy_rate, call.subsidy_min_limit, call.subsidy_max_limit) == (Fraction(3, 4), 2000000, 5000000)
    assert (call.acceptance_start_datetime, call.acceptance_end_datetime, call.deadline_rule) == (
        dt.date(2024, 4, 23), dt.date(2024, 6, 11), "arrival")
    assert call.rounds == [] and call.tracks == [] and call.subsidy_rounding_unit == 1
    assert not call.subsidy_deducts_other_income and call.subsidy_fixed_amount is None


# --- Amount rule (worked out by hand) ---------------------------------------------------------

@pytest.mark.parametrize("rule, expenses, income, amount, eligible, capped", [
    # 2/3 of 1,000,000 = 666,666.67 -> 666,666; cap 500,000.
    (SubsidyRule(Fraction(2, 3), 0, 500000), 1000000, 0, 500000, True, True),
    (SubsidyRule(Fraction(2, 3), 0, 500000), 700000, 0, 466666, True, False),
    # Rounded down to 1,000 yen: 466,666 -> 466,000.
    (SubsidyRule(Fraction(2, 3), 0, 500000, unit=1000), 700000, 0, 466000, True, False),
    # 1,000,000 x 2/3 = 666,666 -> 666,000 (not capped at 1,000,000).
    (SubsidyRule(Fraction(2, 3), 0, 1000000, unit=1000), 1000000, 0, 666000, True, False),
    # Cost minus other income: (900,000 - 300,000) x 1/2 = 300,000.
    (SubsidyRule(Fraction(1, 2), 0, 1000000, deducts_other_income=True), 900000, 300000, 300000, True, False),
    # Other income is ignored when the rule does not deduct it: 900,000 x 1/2 = 450,000.
    (SubsidyRule(Fraction(1, 2), 0, 1000000), 900000, 300000, 450000, True, False),
    # Income above the cost: nothing to subsidise, below the 100,000 minimum.
    (SubsidyRule(Fraction(1, 2), 100000, 1000000, deducts_other_income=True), 200000, 250000, 0, False, False),
    # (1,234,567 - 34,567) x 3/4 = 900,000 exactly; to the 1,000 yen: 900,000.
    (SubsidyRule(Fraction(3, 4), 0, None, deducts_other_income=True, unit=1000), 1234567, 34567, 900000, True, False),
    # Fixed amount (定額) 300,000, never more than the cost.
    (SubsidyRule(None, 0, None, fixed=300000), 1000000, 0, 300000, True, False),
    (SubsidyRule(None, 0, None, fixed=300000), 120000, 0, 120000, True, False),
    # A fixed amount of the cost minus other income: 200,000 - 150,000 = 50,000, below the 100,000 minimum.
    (SubsidyRule(None, 100000, None, fixed=300000, deducts_other_income=True), 200000, 150000, 50000, False, False),
])
def test_the_general_amount_rule(rule, expenses, income, amount, eligible, capped):
    result = subsidy_amount(expenses, rule, income)
    assert (result.amount, result.eligible, result.capped) == (amount, eligible, capped)


def test_expenses_that_reach_the_limits_with_a_rounding_unit():
    rule = SubsidyRule(Fraction(2, 3), 200000, 500000, unit=1000)
    # 200,000 / (2/3) = 300,000 exactly; 500,000 / (2/3) = 750,000.
    assert (expenses_for_minimum(rule), expenses_for_maximum(rule)) == (300000, 750000)
    assert subsidy_amount(299999, rule).amount == 199000 and not subsidy_amount(299999, rule).eligible
    odd = SubsidyRule(Fraction(2, 3), 150500, 500000, unit=1000)
    # 150,500 rounds up to 151,000, reached from 226,500 (x 2/3 = 151,000).
    assert expenses_for_minimum(odd) == 226500
    assert subsidy_amount(226499, odd).amount == 150000 and subsidy_amount(226500, odd).amount == 151000


def test_a_rule_needs_exactly_one_of_rate_and_fixed_amount():
    with pytest.raises(ValueError):
        SubsidyRule(None, 0, None)
    with pytest.raises(ValueError):
        SubsidyRule(Fraction(1, 2), 0, None, fixed=1000)


# --- Status -----------------------------------------------------------------------------------

@pytest.mark.parametrize("day, code, window, ja, en", [
    ("2025-04-30", "upcoming", "round-1", "募集予定(第1回募集は2025年5月1日(令和7年5月1日)から受付)",
     "Upcoming (Round 1 opens on 1 May 2025)"),
    ("2025-05-01", "open", "round-1", "受付中", "Open"),
    ("2025-05-30", "open", "round-1", "受付中(本日締切)", "Open (closes today)"),
    ("2025-05-31", "upcoming", "round-2", "募集予定(第2回募集は2025年8月1日(令和7年8月1日)から受付)",
     "Upcoming (Round 2 opens on 1 August 2025)"),
    ("2025-08-01", "open", "round-2", "受付中", "Open"),
    ("2025-08-29", "open", "round-2", "受付中(本日締切)", "Open (closes today)"),
    ("2025-08-30", "closed", None, "受付終了", "Closed"),
])
def test_status_on_every_boundary_day(two_rounds, day, code, window, ja, en):
    status = status_of(two_rounds.windows, dt.date.fromisoformat(day))
    assert status.code == code
    assert (status.window.id if status.window else None) == window
    assert (status.label("ja"), status.label("en")) == (ja, en)
    if code == "upcoming":
        assert status.window.start == {"round-1": dt.date(2025, 5, 1), "round-2": dt.date(2025, 8, 1)}[window]


def test_each_deadline_day_ends_at_midnight_japan_time(two_rounds):
    last = dt.datetime(2025, 5, 30, 23, 59, 59, tzinfo=JST)
    assert status_of_at(two_rounds.windows, last).code == "open"
    after = status_of_at(two_rounds.windows, last + dt.timedelta(seconds=1))
    assert (after.code, after.window.id) == ("upcoming", "round-2")
    # 15:00 UTC on 29 August is 00:00 on 30 August in Japan.
    assert status_of_at(two_rounds.windows, dt.datetime(2025, 8, 29, 14, 59, tzinfo=dt.timezone.utc)).code == "open"
    assert status_of_at(two_rounds.windows, dt.datetime(2025, 8, 29, 15, 0, tzinfo=dt.timezone.utc)).code == "closed"


@pytest.mark.parametrize("day, days, soon", [
    ("2025-05-23", 7, False),  # 7 days left: not yet
    ("2025-05-24", 7, True),  # 6 days left: the last 7 days, deadline day included
    ("2025-05-30", 7, True),
    ("2025-05-31", 7, False),  # between rounds
    ("2025-05-27", 3, False),  # 3 days left, site says 3
    ("2025-05-28", 3, True),
    ("2025-08-23", 7, True),  # round 2's last 7 days
    ("2025-08-30", 7, False),
])
def test_closing_soon_in_the_last_days_of_a_round(two_rounds, day, days, soon):
    assert status_of(two_rounds.windows, dt.date.fromisoformat(day)).closing_soon(days) is soon


def test_closing_soon_days_defaults_to_7_and_is_read_from_the_site_file(tmp_path):
    assert load_dataset(SEED_DATA.parent).site.site.closing_soon_days == 7
    root = _project_data(tmp_path, calls_yaml_with_two_rounds())
    site = root / "data" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("  news_window_months: 3\n",
                                                             "  news_window_months: 3\n  closing_soon_days: 3\n"),
                    encoding="utf-8")
    assert load_dataset(root).site.site.closing_soon_days == 3


# --- Calendar -------------------------------------------------------------------------------

def test_calendar_has_each_rounds_period_and_deadline_with_stable_uids(two_rounds):
    data = call_calendar(two_rounds, "ja", dt.date(2025, 4, 15), "https://example.org/calls/x/")
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    base = "example-two-rounds-2025"
    assert set(events) == {f"{base}-round-1-application-period@calls.sitegen", f"{base}-round-1-deadline@calls.sitegen",
                           f"{base}-round-2-application-period@calls.sitegen", f"{base}-round-2-deadline@calls.sitegen"}
    for rid, first, last in (("round-1", dt.date(2025, 5, 1), dt.date(2025, 5, 30)),
                             ("round-2", dt.date(2025, 8, 1), dt.date(2025, 8, 29))):
        period = events[f"{base}-{rid}-application-period@calls.sitegen"]
        assert period.decoded("DTSTART") == first
        assert period.decoded("DTEND") == last + dt.timedelta(days=1)  # exclusive
        deadline = events[f"{base}-{rid}-deadline@calls.sitegen"]
        assert deadline.decoded("DTSTART") == last and deadline.decoded("DTEND") == last + dt.timedelta(days=1)
        assert [a.decoded("TRIGGER") for a in deadline.walk("VALARM")] == [dt.timedelta(days=-7)]
    assert "第2回募集" in str(events[f"{base}-round-2-deadline@calls.sitegen"]["SUMMARY"])
    assert "【" not in str(events[f"{base}-round-1-deadline@calls.sitegen"]["SUMMARY"])  # no deadline rule given
    en = icalendar.Calendar.from_ical(call_calendar(two_rounds, "en", dt.date(2025, 6, 1)))
    assert sorted(str(e["UID"]) for e in en.walk("VEVENT")) == sorted(events)  # same UIDs, any day, any language
    assert "Round 1" in str(next(e for e in en.walk("VEVENT") if "round-1-deadline" in str(e["UID"]))["SUMMARY"])


def test_the_seed_calendar_keeps_its_uids():
    call = load_dataset(SEED_DATA.parent).calls.calls[0]
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(
        call_calendar(call, "ja", dt.date(2024, 5, 1))).walk("VEVENT")]
    assert uids[:2] == [f"{KAWASAKI}-application-period@calls.sitegen", f"{KAWASAKI}-deadline@calls.sitegen"]


# --- Built site ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed plus the fixture, built between the rounds (2025-05-31) and late in round 1 (2025-05-27)."""
    sites = {}
    for day in ("2025-05-31", "2025-05-27"):
        root = make_project(tmp_path_factory.mktemp(day), {"calls": calls_yaml_with_two_rounds()})
        result = build_project(root, today=day)
        assert result.returncode == 0, result.stderr
        sites[day] = root / "site"
    return sites


def _badges(doc):
    return [(n.attrs["data-status"], n.text()) for n in doc.find_all("span", class_="sg-call-status")]


@pytest.mark.parametrize("prefix, rounds, tracks", [
    ("", ["第1回募集", "第2回募集"], ["スタート枠", "ステップアップ枠"]),
    ("en/", ["Round 1", "Round 2"], ["Start track", "Step-up track"]),
])
def test_the_call_page_shows_both_rounds_and_both_tracks(built, prefix, rounds, tracks):
    doc = page(built["2025-05-31"], f"{prefix}calls/{TWO_ROUNDS}")
    assert [r.find("th").text() for r in doc.find("table", class_="sg-rounds").find_all("tr")[1:]] == rounds
    assert [r.attrs.get("data-round") for r in doc.find("table", class_="sg-rounds").find_all("tr")[1:]] == [
        "round-1", "round-2"]
    track_rows = doc.find("table", class_="sg-tracks").find_all("tr")[1:]
    assert [r.find("th").text() for r in track_rows] == tracks
    cells = [[td.text() for td in r.find_all("td")] for r in track_rows]
    if prefix == "":
        assert doc.find("table", class_="sg-rounds").text().count("2025年") >= 4
        assert cells[0][:2] == ["補助対象経費の3分の2以内", "1件あたり50万円以内"]
        assert cells[1][:2] == ["補助対象経費の3分の2以内", "1件あたり100万円以内"]
        assert "市内の中小企業" in doc.find("table", class_="sg-call-summary").text()
    else:
        assert cells[0][:2] == ["up to 2/3 of the eligible expenses", "up to ¥500,000 per project"]
        assert cells[1][1] == "up to ¥1 million per project"
    # No call-level rule: the calculator asks for the track, each option carrying its rule.
    form = doc.find("form", class_="sg-calculator")
    options = form.find("select").find_all("option")
    assert [(o.attrs["value"], o.attrs["data-maximum"]) for o in options] == [("start", "500000"),
                                                                               ("step-up", "1000000")]


@pytest.mark.parametrize("prefix, label", [
    ("", "募集予定(第2回募集は2025年8月1日(令和7年8月1日)から受付)"),
    ("en/", "Upcoming (Round 2 opens on 1 August 2025)"),
])
def test_between_rounds_every_page_says_upcoming_and_which_round_opens_when(built, prefix, label):
    site = built["2025-05-31"]
    on_call_page = _badges(page(site, f"{prefix}calls/{TWO_ROUNDS}"))
    assert on_call_page and set(on_call_page) == {("upcoming", label)}
    listing = page(site, f"{prefix}calls")
    item = next(i for i in listing.find_all("li", class_="sg-call-item") if TWO_ROUNDS in i.find("a").attrs["href"])
    assert _badges(item) == [("upcoming", label)]
    home = page(site, prefix)
    item = next(i for i in home.find_all("li", class_="sg-call-item") if TWO_ROUNDS in i.find("a").attrs["href"])
    assert _badges(item) == [("upcoming", label)]


@pytest.mark.parametrize("prefix, label, soon", [("", "受付中(締切まであと3日)", "締切間近"),
                                                 ("en/", "Open (closes in 3 days)", "Closing soon")])
def test_the_last_days_of_a_round_say_closing_soon(built, prefix, label, soon):
    doc = page(built["2025-05-27"], f"{prefix}calls/{TWO_ROUNDS}")
    assert set(_badges(doc)) == {("open", label)}
    labels = doc.find_all("strong", class_="sg-call-soon")
    assert labels and all(n.text() == soon and "hidden" not in n.attrs for n in labels)
    # The seed's call is closed on that day: its label is there for the script, hidden.
    seed = page(built["2025-05-27"], f"{prefix}calls/{KAWASAKI}").find_all("strong", class_="sg-call-soon")
    assert seed and all("hidden" in n.attrs for n in seed)


def test_the_fixture_file_is_not_live_data():
    assert TWO_ROUNDS not in (SEED_DATA.parent.parent.parent / "data" / "calls.yaml").read_text(encoding="utf-8")
    assert TWO_ROUNDS_FIXTURE.is_file()
