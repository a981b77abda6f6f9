"""Next year's call, derived from whatever call a data file describes: the edit staff make each year.

The annual drill (test_annual_drill.py) makes this edit on a copy of the project. It is derived
from the call as it stands, never written as fixed values, so that the drill still rehearses an
update after staff have made the real one:

- ``call.id``: the era year in it moves on (r7-isa → r8-isa), or the next fiscal year is added;
- ``call.fiscal_year`` and the fiscal year in ``call.title``: the following one;
- ``call.notice_date``, ``period.opens``, ``period.closes``: a year later, each moved onto the
  nearest office day (the opening day forward, the notice day and the closing day back, so the
  deadline stays before the New Year break where it was), the period kept at the statutory
  minimum of days or more;
- ``agency.office`` and ``agency.telephone``: other values, so that the notice check has them to report.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import calldata
from proposal_checker.dates import add_years, era_year, format_fiscal_year
from proposal_checker.law import MINIMUM_CALL_DAYS

OFFICES = ("総務課 情報公開・個人情報保護係", "総務課 提案受付係")


def reiwa(fiscal_year: int) -> int | None:
    """The Reiwa year a fiscal year starts in (2025 → 7), or None before Reiwa."""
    era = era_year(date(fiscal_year, 4, 1))
    found = re.fullmatch(r"令和(\d+|元)年", era)
    return None if found is None else 1 if found.group(1) == "元" else int(found.group(1))


def next_id(call) -> str:
    now, then = reiwa(call.fiscal_year), reiwa(call.fiscal_year + 1)
    if now is not None and re.match(rf"r{now}(?!\d)", call.id):
        return f"r{then}" + call.id[len(f"r{now}"):]
    return f"{call.id}-{call.fiscal_year + 1}"


def next_year(call) -> dict[str, object]:
    """The values of the following year's call, by dotted field of the data file."""
    holidays = calldata.japanese_holidays(call.notice_date.year, call.closes.year + 2)

    def office_day(day: date, step: int) -> date:
        while day.weekday() >= 5 or day in holidays or call.is_new_year_break(day):
            day += timedelta(days=step)
        return day

    opens = office_day(add_years(call.opens, 1), +1)
    closes = office_day(add_years(call.closes, 1), -1)
    while (closes - opens).days + 1 < MINIMUM_CALL_DAYS.value:
        closes = office_day(closes + timedelta(days=1), +1)
    notice = min(office_day(add_years(call.notice_date, 1), -1), opens)
    fiscal_year = call.fiscal_year + 1
    old, new = format_fiscal_year(call.fiscal_year), format_fiscal_year(fiscal_year)
    if old not in call.title:
        raise ValueError(f"call.title does not name the fiscal year {old}: {call.title}")
    telephone = call.telephone[:-1] + str((int(call.telephone[-1]) + 1) % 10)
    return {
        "call.id": next_id(call),
        "call.fiscal_year": fiscal_year,
        "call.title": call.title.replace(old, new),
        "call.notice_date": notice,
        "period.opens": opens,
        "period.closes": closes,
        "agency.office": next(o for o in OFFICES if o != call.office),
        "agency.telephone": telephone,
    }


def set_value(text: str, table: str, key: str, value) -> str:
    """Replace ``key = …`` inside ``[table]`` of the TOML text (the way staff edit it)."""
    shown = f'"{value.isoformat()}"' if isinstance(value, date) else f'"{value}"' if isinstance(value, str) else str(value)
    start = text.index(f"\n[{table}]\n")
    end = text.find("\n[", start + 1)
    section = text[start:end]
    section, count = re.subn(rf"^{key} = .*$", f"{key} = {shown}", section, count=1, flags=re.M)
    assert count == 1, f"{table}.{key} not found"
    return text[:start] + section + text[end:]


def edit_to_next_year(text: str, call) -> str:
    """The data file's text with next year's values, everything else (comments too) as it was."""
    for dotted, value in next_year(call).items():
        table, key = dotted.split(".")
        text = set_value(text, table, key, value)
    return text
