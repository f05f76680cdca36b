"""calls.js on a call with rounds, in headless Chromium with the clock set: the same status
as sitegen/call_status.py on every boundary day (tests/test_calls_rounds.py), on the call
page, the listing and the home page, and the "closing soon" label in a round's last days."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.browser import JST, open_page, served_url
from tests.calls_fixtures import KAWASAKI, TWO_ROUNDS, calls_yaml_with_two_rounds
from tests.sitebuild import build_project, make_project

pytestmark = pytest.mark.browser
NEXT = {"round-1": ("募集予定(第1回募集は2025年5月1日(令和7年5月1日)から受付)", "Upcoming (Round 1 opens on 1 May 2025)"),
        "round-2": ("募集予定(第2回募集は2025年8月1日(令和7年8月1日)から受付)", "Upcoming (Round 2 opens on 1 August 2025)")}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """Built before the first round (2025-04-15): the status on other days comes from calls.js."""
    root = make_project(tmp_path_factory.mktemp("rounds"), {"calls": calls_yaml_with_two_rounds()})
    result = build_project(root, today="2025-04-15")
    assert result.returncode == 0, result.stderr
    with served_url(root / "site") as url:
        yield url


def _badges(pg):
    """(status, label, closing-soon label shown) of the two-round call's badges on the page."""
    return pg.eval_on_selector_all(
        ".sg-call-status[data-rounds]",
        "els => els.map(e => [e.dataset.status, e.textContent, !e.nextElementSibling.hidden])")


@pytest.mark.parametrize("moment, code, ja, en, soon", [
    (dt.datetime(2025, 4, 30, 23, 59, 30, tzinfo=JST), "upcoming", *NEXT["round-1"], False),
    (dt.datetime(2025, 5, 1, 0, 0, 30, tzinfo=JST), "open", "受付中", "Open", False),
    (dt.datetime(2025, 5, 30, 23, 59, 30, tzinfo=JST), "open", "受付中(本日締切)", "Open (closes today)", True),
    (dt.datetime(2025, 5, 31, 0, 0, 30, tzinfo=JST), "upcoming", *NEXT["round-2"], False),
    (dt.datetime(2025, 8, 1, 12, 0, tzinfo=JST), "open", "受付中", "Open", False),
    (dt.datetime(2025, 8, 29, 12, 0, tzinfo=JST), "open", "受付中(本日締切)", "Open (closes today)", True),
    (dt.datetime(2025, 8, 30, 0, 0, 30, tzinfo=JST), "closed", "受付終了", "Closed", False),
    # A reader in Europe on the evening of 29 August: it is already 30 August in Japan.
    (dt.datetime(2025, 8, 29, 20, 0, tzinfo=dt.timezone.utc), "closed", "受付終了", "Closed", False),
    # Closing soon: 7 days by default (data/site.yaml), deadline day included.
    (dt.datetime(2025, 5, 23, 12, 0, tzinfo=JST), "open", "受付中(締切まであと7日)", "Open (closes in 7 days)", False),
    (dt.datetime(2025, 5, 24, 12, 0, tzinfo=JST), "open", "受付中(締切まであと6日)", "Open (closes in 6 days)", True),
])
def test_rounds_status_is_rechecked_with_the_readers_clock(browser, site_url, moment, code, ja, en, soon):
    for prefix, label in (("", ja), ("en/", en)):
        for url in (f"calls/{TWO_ROUNDS}/", "calls/", ""):
            pg = open_page(browser, site_url + prefix + url, at=moment)
            badges = _badges(pg)
            pg.close()
            assert badges and set(map(tuple, badges)) == {(code, label, soon)}, (prefix + url, badges)


def test_the_single_period_call_beside_it_keeps_its_rule(browser, site_url):
    pg = open_page(browser, site_url + f"calls/{KAWASAKI}/", at=dt.datetime(2024, 6, 11, 12, 0, tzinfo=JST))
    badges = pg.eval_on_selector_all(".sg-call-status", "els => els.map(e => [e.dataset.status, e.textContent,"
                                                        " !e.nextElementSibling.hidden])")
    statuses = pg.evaluate("""() => [window.sgCalls.callStatus('2024-04-23', '2024-06-11', '2024-06-11').code,
        window.sgCalls.roundsStatus([['2025-05-01', '2025-05-30', 'x'], ['2025-08-01', '2025-08-29', 'y']],
                                    '2025-05-31').label]""")
    pg.close()
    assert badges and set(map(tuple, badges)) == {("open", "受付中(本日締切)", True)}
    assert statuses == ["open", "y"]
