"""The call the built site serves (docs/call.toml), and days inside it for the answers the tests type.

The browser tests drive the real site, so they follow whatever the data file says: next year's
call is a data edit, not a change of these tests."""
from __future__ import annotations

import sys
from datetime import datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

import calldata  # noqa: E402
from proposal_checker.dates import JST, format_date, format_time  # noqa: E402,F401  (re-exported for the tests)

CALL = calldata.load(ROOT / "docs" / "call.toml")


def _office_day_from(day):
    while not CALL.is_office_day(day):
        day += timedelta(days=1)
    return day


# An ordinary office day well inside the period (not a weekend, holiday or the New Year break).
OFFICE_DAY = _office_day_from(CALL.opens + timedelta(days=14))
assert OFFICE_DAY < CALL.closes, "the call period is too short for the browser tests' answers"
# An hour after the office opens for hand delivery: "10:00" for 9:00.
IN_HOURS = (datetime.combine(OFFICE_DAY, CALL.hand_opens_at) + timedelta(hours=1)).strftime("%H:%M")
CLOSING = CALL.closes_at.strftime("%H:%M")
AFTER_CLOSING = (datetime.combine(CALL.closes, CALL.closes_at) + timedelta(minutes=1)).strftime("%H:%M")


def iso(day, **delta) -> str:
    return (day + timedelta(**delta)).isoformat()


def years_before(day, years: int) -> str:
    return day.replace(year=day.year - years, day=min(day.day, 28)).isoformat()


# The page's clock at the three states of the call, and the state's name (build/hooks/callstate.py).
DEADLINE = datetime.combine(CALL.closes, CALL.closes_at, JST)
CLOCKS = {
    "before the period": (datetime.combine(CALL.opens - timedelta(days=1), time(12, 0), JST), "before"),
    "during the period": (datetime.combine(OFFICE_DAY, time(10, 0), JST), "open"),
    "after the period": (DEADLINE + timedelta(minutes=1), "closed"),
}
