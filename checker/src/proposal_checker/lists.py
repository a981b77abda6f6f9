"""Adding and removing proposers, officers and the processing table's rows, and renumbering the form
after a removal."""
from __future__ import annotations

import re
from typing import Any

from .answers import MAX_OFFICERS, MAX_PROPOSERS
from .answers.fields import MAX_TABLE_ROWS
from .flow import ROWS, proposers_of
from .paths import get, put

# The form's name of a row before its number ("draft.processing.3.item"), for shift_names.
ROW_PREFIX = ".".join(ROWS) + "."


def add_proposer(answers: dict) -> int:
    people = answers.setdefault("proposers", [{}])
    if len(people) < MAX_PROPOSERS:
        people.append({})
    return len(people) - 1


def remove_proposer(answers: dict, index: int) -> bool:
    people = answers.get("proposers")
    if isinstance(people, list) and len(people) > 1 and 0 <= index < len(people):
        del people[index]
        return True
    return False


def add_officer(answers: dict, index: int) -> int:
    people = proposers_of(answers)
    if not 0 <= index < len(people):
        return -1
    officers = people[index].get("officers")
    if not isinstance(officers, list):
        officers = people[index]["officers"] = []
    if len(officers) < MAX_OFFICERS:
        officers.append({})
    return len(officers) - 1


def remove_officer(answers: dict, index: int, officer: int) -> bool:
    officers = get(answers, ("proposers", index, "officers"))
    if isinstance(officers, list) and 0 <= officer < len(officers):
        del officers[officer]
        return True
    return False


def add_row(answers: dict) -> int:
    """A new empty row at the end of the processing table (one empty row stands for none)."""
    rows = get(answers, ROWS)
    if not isinstance(rows, list) or not rows:
        rows = [{}]
        put(answers, ROWS, rows)
    if len(rows) < MAX_TABLE_ROWS:
        rows.append({})
    return len(rows) - 1


def remove_row(answers: dict, index: int) -> bool:
    rows = get(answers, ROWS)
    if isinstance(rows, list) and len(rows) > 1 and 0 <= index < len(rows):
        del rows[index]
        return True
    return False


def shift_names(names: dict[str, Any], prefix: str, removed: int) -> dict[str, Any]:
    """Renumber form field names after item ``removed`` of a list left it.

    ``prefix`` is the name part before the index: "p" for proposers, "p0.o" for officers,
    ``ROW_PREFIX`` for the processing table's rows.
    """
    pattern = re.compile(r"^(" + re.escape(prefix) + r")(\d+)(\..*|$)")
    out: dict[str, Any] = {}
    for key, value in names.items():
        m = pattern.match(key)
        if not m:
            out[key] = value
            continue
        n = int(m.group(2))
        if n == removed:
            continue
        if isinstance(value, dict):  # the raw form values of one field carry the same names
            value = shift_names(value, prefix, removed)
        out[f"{m.group(1)}{n - 1 if n > removed else n}{m.group(3)}"] = value
    return out
