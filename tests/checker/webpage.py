"""Driving the checker as the page does: JSON in and out of ``proposal_checker.web.handle``.

Shared by the tests of the flow and the page protocol; importing ``fresh`` into a test module makes every
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


def complete(name: str = "山田太郎", kind: str = "new") -> None:
    """Answer every step for one individual, ending on the review page."""
    ask("start")
    ask("next")
    submit("kind", proposal__kind=kind)
    submit("proposers", p0__type="individual", p0__name=name)
    submit("proposer-1", p0__birth_date__year="1990", p0__birth_date__month="4", p0__birth_date__day="1",
           p0__capacity="no", p0__bankruptcy="none", p0__sentence__status="none", p0__cancellation__status="none")
    if kind == "new":
        submit("file", proposal__file_name="在留管理ファイル", proposal__population="5000",
               proposal__file_population__unknown="unknown")
        submit("processing", proposal__processing=["identifiers", "individual_codes", "linking_codes",
                                                   "idiosyncratic", "other"])
    else:
        submit("file", proposal__file_name="在留管理ファイルから作成された匿名加工情報")
    submit("content", proposal__contribution="yes", proposal__period_of_use="yes",
           proposal__measures=["purpose_method", "access_control", "leak_prevention", "staff", "disposal",
                               "incidents"])
    # An ordinary weekday of the call the page serves, within its office hours.
    submit("submission", submission__method="hand", **date_fields("submission__date", day("opens+21d", web._call())),
           submission__time__hour=str(web._call().hand_opens_at.hour + 1), submission__time__minute="0",
           submission__agent="no")
    assert page() == "review"
