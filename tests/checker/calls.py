"""The test calls, and a small notation for values that depend on the call.

The rules are tested against two frozen calls, never against the live docs/call.toml:
``r7-isa`` (this year's call of the Immigration Services Agency, as it was) and ``r11-kst``
(an invented call of another agency that differs in every value). ``make fixtures`` turns each
tests/fixtures/calls/<id>.toml into build/out/fixtures/<id>.json with the national holidays
added, so the same files serve CPython and Pyodide (which has no holidays package).

Notation, inside a string of test data (scenarios.json, answers written in tests):

- ``"{opens}"``, ``"{closes}"``, ``"{notice}"``: the call's dates; ``"{holiday1}"``, ``"{holiday2}"``: the
  first and second national holidays that fall on a weekday inside the period.
- Offsets follow a date: ``+7d``, ``-18y``, ``+1m`` (calendar months), ``-1c`` (the call's
  certificate months), chained left to right: ``"{opens+21d-18y}"``.
- ``"{hand_opens}"``, ``"{hand_closes}"``, ``"{closes_at}"`` with ``+1min``/``-1min``: "HH:MM".
- ``"{minimum}"``, ``"{minimum-1}"``: the minimum population, as a number.
- Inside longer text: ``{agency}``, ``{marking}`` (the envelope's words), ``{copies}``, ``{holiday1_name}``, ``{jdate:EXPR}`` (a date as
  the checker writes it: 2026年（令和8年）3月1日（日）).

A string that is all one ``{date}``, ``{time}`` or ``{minimum}`` becomes that value; other
strings have their ``{…}`` parts replaced; everything else is left alone.
"""
from __future__ import annotations

import re
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from proposal_checker.call import Call, load_call_json
from proposal_checker.dates import add_months, format_date

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build"))
from layout import FIXTURES  # noqa: E402  (where `make fixtures` writes them)

CALL_IDS = ("r7-isa", "r11-kst")

_cache: dict[str, Call] = {}


def load(call_id: str) -> Call:
    if call_id not in _cache:
        path = FIXTURES / f"{call_id}.json"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: run `make fixtures` first")
        _cache[call_id] = load_call_json(path.read_text(encoding="utf-8"))
    return _cache[call_id]


def weekday_holidays(call: Call) -> list[tuple[date, str]]:
    return [(d, n) for d, n in call.holidays_in_period() if d.weekday() < 5]


def _add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


_STEP = re.compile(r"([+-])(\d+)(min|d|y|m|c)")


def day_of(expr: str, call: Call) -> date:
    """``opens+21d-18y`` → a date."""
    base = re.match(r"[a-z0-9_]+", expr)
    if base is None:
        raise ValueError(expr)
    name = base.group(0)
    holidays = weekday_holidays(call)
    bases = {"opens": call.opens, "closes": call.closes, "notice": call.notice_date}
    if name.startswith("holiday"):
        day = holidays[int(name[len("holiday"):]) - 1][0]
    else:
        day = bases[name]
    rest = expr[base.end():]
    for sign, amount, unit in _STEP.findall(rest):
        n = int(amount) * (1 if sign == "+" else -1)
        if unit == "d":
            day += timedelta(days=n)
        elif unit == "y":
            day = _add_years(day, n)
        elif unit == "m":
            day = add_months(day, n)
        elif unit == "c":
            day = add_months(day, n * call.certificate_months)
        else:
            raise ValueError(expr)
    if "".join("".join(step) for step in _STEP.findall(rest)) != rest:
        raise ValueError(f"unreadable offsets in {expr!r}")
    return day


def time_of(expr: str, call: Call) -> time:
    base = re.match(r"[a-z_]+", expr).group(0)
    value = {"hand_opens": call.hand_opens_at, "hand_closes": call.hand_closes_at, "closes_at": call.closes_at}[base]
    moment = datetime.combine(date(2000, 1, 1), value)
    for sign, amount, unit in _STEP.findall(expr[len(base):]):
        assert unit == "min", expr
        moment += timedelta(minutes=int(amount) * (1 if sign == "+" else -1))
    return moment.time()


def _token(expr: str, call: Call) -> str | int:
    if expr.startswith("jdate:"):
        return format_date(day_of(expr[len("jdate:"):], call))
    if expr == "agency":
        return call.agency_name
    if expr == "marking":
        return call.envelope_marking
    if expr == "copies":
        return call.copies
    if re.fullmatch(r"holiday\d+_name", expr):
        return weekday_holidays(call)[int(expr[len("holiday"):-len("_name")]) - 1][1]
    if expr.startswith("minimum"):
        return call.minimum_population + sum(int(a) * (1 if s == "+" else -1)
                                             for s, a in re.findall(r"([+-])(\d+)", expr[len("minimum"):]))
    if expr.startswith(("hand_opens", "hand_closes", "closes_at")):
        return time_of(expr, call).strftime("%H:%M")
    return day_of(expr, call).isoformat()


_BRACES = re.compile(r"\{([^{}]+)\}")


def resolve(value, call: Call):
    """Resolve the notation in ``value`` (nested dicts and lists too) for ``call``."""
    if isinstance(value, dict):
        return {k: resolve(v, call) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, call) for v in value]
    if isinstance(value, str) and "{" in value:
        whole = _BRACES.fullmatch(value)
        if whole:
            return _token(whole.group(1), call)
        return _BRACES.sub(lambda m: str(_token(m.group(1), call)), value)
    return value


def day(expr: str, call: Call) -> date:
    """For Python tests: ``day("opens+21d", call)``."""
    return day_of(expr, call)
