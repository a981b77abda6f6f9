"""Where today stands against the call's period (公示4), and the days in the answers already past.

The rules have no clock (rules.Context); the page does. In the browser, "now" is the page's own
clock in Japan time, sent with every request (checker.js); elsewhere it is the machine's clock.
Times are taken to the minute, as the notice gives them: the period ends at ``closes_at`` on the
closing day, and that minute itself is still inside it (as a hand delivery at the closing time is,
rules/submission.py).
"""
from __future__ import annotations

import enum
from datetime import date, datetime

from .call import Call
from .dates import jst


class CallState(enum.Enum):
    BEFORE = "before"   # the period has not started
    OPEN = "open"       # inside the period
    CLOSED = "closed"   # after the closing time of the closing day


def state(call: Call, now: datetime) -> CallState:
    here = jst(now).replace(second=0, microsecond=0, tzinfo=None)
    if here.date() < call.opens:
        return CallState.BEFORE
    if here > call.deadline.replace(tzinfo=None):
        return CallState.CLOSED
    return CallState.OPEN


def past_days(days: dict[str, date | None], today: date) -> list[tuple[str, date]]:
    """Of ``days`` (what the day is → the day answered), those before ``today``, in order."""
    return [(what, d) for what, d in days.items() if d is not None and d < today]


__all__ = ["CallState", "state", "past_days"]
