"""The date the build treats as today: SITE_TODAY=YYYY-MM-DD, else today in Japan."""
from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from .errors import DataError, DataErrors

JST = ZoneInfo("Asia/Tokyo")


def site_today(environ: dict | None = None) -> dt.date:
    value = (environ if environ is not None else os.environ).get("SITE_TODAY", "").strip()
    if not value:
        return dt.datetime.now(JST).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DataErrors([DataError("SITE_TODAY", 1, 1, "", "SITE_TODAYはYYYY-MM-DD形式で指定してください",
                                    "set SITE_TODAY as YYYY-MM-DD", repr(value))])
