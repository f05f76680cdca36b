"""'Today' is decided once per build (issue 15, item 7).

Each language's pages are made in a process of their own (sitegen.build). If each read the
clock, a build running across midnight in Japan would publish one language with yesterday's
call status and recent news and the other with today's."""
from __future__ import annotations

from tests.html import page
from tests.sitebuild import REPO, build_project, make_project

# Every process of the build reads the clock at 23:59:59 on the seed call's last day, except
# the English page generation, which runs just after midnight: as if the clock had moved
# between the two language runs.
_CLOCK_CROSSES_MIDNIGHT = '''
import datetime as _dt
import sys
import types

import sitegen.today


class _Clock(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        argv = sys.argv
        english_run = "generate" in argv and argv[argv.index("generate") + 2:][:1] == ["en"]
        if english_run:
            return cls(2024, 6, 12, 0, 0, 1, tzinfo=tz)
        return cls(2024, 6, 11, 23, 59, 59, tzinfo=tz)


sitegen.today.dt = types.SimpleNamespace(datetime=_Clock, date=_dt.date)
'''


def _call_status(site, url: str) -> str:
    badge = page(site, url).find("span", class_="sg-call-status")
    return badge.attrs["data-status"]


def test_both_languages_get_the_same_today_without_site_today(tmp_path):
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project")
    clock = tmp_path / "clock"
    clock.mkdir()
    (clock / "sitecustomize.py").write_text(_CLOCK_CROSSES_MIDNIGHT, encoding="utf-8")
    result = build_project(root, today=None, extra_env={"PYTHONPATH": f"{clock}:{REPO}"})
    assert result.returncode == 0, result.stderr
    site = root / "site"
    call = "calls/kawasaki-decarbonization-2024"
    # 2024-06-11 is the seed call's last day: open (closing soon) in both languages, as the
    # build started; never "closed" in one language because its run began after midnight.
    ja, en = _call_status(site, call), _call_status(site / "en", call)
    assert ja == en, (ja, en)
    assert ja == "open"
