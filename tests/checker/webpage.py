"""Driving the checker as the page does: JSON in and out of ``proposal_checker.web.handle``.

Shared by test_flow.py and test_web.py; importing ``fresh`` into a test module makes every
test there start from an empty page serving a test call (each test runs on both, see calls.py),
with the clock fixed in Japan time eleven days after the call opens.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, time

import pytest

from proposal_checker import flow, visit, web
from proposal_checker.dates import JST


from calls import day


@pytest.fixture(autouse=True)
def fresh(monkeypatch, call):
    now = datetime.combine(day("opens+11d", call), time(10, 0), JST)
    monkeypatch.setattr(visit, "clock", lambda: now)
    web.reset(call)
    yield
    web.reset()


def date_fields(prefix: str, when) -> dict:
    """The three form fields of a date question: ``date_fields("submission__date", d)``."""
    return {f"{prefix}__year": str(when.year), f"{prefix}__month": str(when.month), f"{prefix}__day": str(when.day)}


def ask(action: str, **extra) -> dict:
    return json.loads(web.handle(json.dumps({"action": action, **extra})))


def submit(step: str, action: str = "next", **values) -> dict:
    """Send the form of ``step``; keyword names use __ for dots (p0__birth_date__year)."""
    fields = {"_step": [step]}
    for key, value in values.items():
        fields[key.replace("__", ".")] = value if isinstance(value, list) else [value]
    return ask(action, fields=fields)


def page() -> str:
    return web.session().page


def answers() -> dict:
    return flow.effective(web.session().answers)


def error_texts(response: dict) -> list[str]:
    """The error messages on the page, in order."""
    return re.findall(r'class="checker-error-text" id="[^"]+">([^<]+)<', response["html"])


def words(html: str) -> str:
    """The page as read: without the no-wrap spans that keep dates and counts whole (markup.keep_together)."""
    return re.sub(r'<span class="nowrap">([^<]*)</span>', r"\1", html)
