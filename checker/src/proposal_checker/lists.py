"""Adding and removing proposers and officers, and renumbering the form after a removal."""
from __future__ import annotations

import re
from typing import Any

from .answers import MAX_OFFICERS, MAX_PROPOSERS
from .flow import proposers_of
from .paths import get


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


def shift_names(names: dict[str, Any], prefix: str, removed: int) -> dict[str, Any]:
    """Renumber form field names after item ``removed`` of a list left it.

    ``prefix`` is the name part before the index: "p" for proposers, "p0.o" for officers.
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
