"""Driving the checker as the page does: JSON in and out of ``proposal_checker.web.handle``.

Shared by test_flow.py and test_web.py; importing ``fresh`` into a test module makes every
test there start from an empty page, with the clock fixed in Japan time.
"""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from proposal_checker import flow, web
from proposal_checker.dates import JST


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.setattr(web, "clock", lambda: datetime(2026, 2, 20, 10, 0, tzinfo=JST))
    web.reset()
    yield
    web.reset()


def ask(action: str, **extra) -> dict:
    return json.loads(web.handle(json.dumps({"action": action, **extra})))


def submit(step: str, action: str = "next", **values) -> dict:
    """Send the form of ``step``; keyword names use __ for dots (p0__birth_date__year)."""
    fields = {"_step": [step]}
    for key, value in values.items():
        fields[key.replace("__", ".")] = value if isinstance(value, list) else [value]
    return ask(action, fields=fields)


def page() -> str:
    return web._state["page"]


def answers() -> dict:
    return flow.effective(web._state["answers"])
