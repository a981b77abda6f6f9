"""The scenarios of scenarios.json (bases of answers, and scenarios that patch a base), read once,
and the merge that makes a scenario's answers. test_scenarios.py runs them; others reuse the bases."""
from __future__ import annotations

import copy
import json
from pathlib import Path

DATA = json.loads((Path(__file__).parent / "scenarios.json").read_text(encoding="utf-8"))
SCENARIOS = DATA["scenarios"]


def merge(base, patch):
    """Objects merge key by key; lists and scalars replace; null removes the key."""
    result = copy.deepcopy(base)
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def answers_of(scenario):
    """A scenario's answers: its base with its own answers merged in."""
    return merge(DATA["bases"][scenario["base"]], scenario["answers"])
