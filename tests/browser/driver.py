"""Driving the checker quickly with the mouse and fill(), for the security, privacy and resilience
tests (test_checker_flow.py drives it with the keyboard, as a person would; its helpers are reused).

Every step waits for Python's answer by marking what is on screen and waiting for it to be replaced.
"""
from __future__ import annotations

import json
from pathlib import Path

from callfacts import IN_HOURS, OFFICE_DAY
from conftest import wait_ready
from test_checker_flow import PREFERRED, SUBMIT_DAY, heading, radio_groups, text_inputs, value_for

BODY = "[data-checker-body]"
FREE_TEXT = ("name", "file_name")  # the free-text answers: every other text input takes numbers

# A complete set of answers for one individual, as a saved file holds them (FORMAT.md).
ANSWERS = {
    "format": "proposal-checker/answers", "version": 1,
    "proposal": {"kind": "existing-extend", "file_name": "（作成済みの行政機関等匿名加工情報）",
                 "contribution": "yes", "period_of_use": "yes",
                 "measures": {k: "yes" for k in ("purpose_method", "access_control", "leak_prevention", "staff",
                                                 "disposal", "incidents")}},
    "proposers": [{"type": "individual", "name": "読込 花子", "birth_date": "1990-01-15", "capacity": "no",
                   "bankruptcy": "none", "sentence": {"status": "none"}, "cancellation": {"status": "none"}}],
    "submission": {"method": "hand", "date": OFFICE_DAY.isoformat(), "time": IN_HOURS, "agent": "no"},
}


def open_checker(page, url: str) -> None:
    page.goto(url + "checker/")
    wait_ready(page)
    page.wait_for_selector("#step-heading")


def is_free_text(name: str) -> bool:
    return name.rsplit(".", 1)[-1] in FREE_TEXT


def respond(page, action) -> None:
    """Do `action` (a callable), then wait until Python's answer has replaced the checker's body."""
    page.evaluate(f"() => {{ for (const e of document.querySelectorAll('{BODY} > *')) e.dataset.stale = '1'; }}")
    action()
    page.wait_for_function(f"() => !document.querySelector('{BODY} [data-stale]') && document.querySelector('{BODY} > *')")


def press(page, value: str) -> None:
    """Press the checker's button with this value (the first one on the page)."""
    respond(page, lambda: page.locator(f'{BODY} button.checker-button[value="{value}"]').first.click())


def choose_radios(page, choices: dict[str, str] | None = None) -> None:
    for name, values in radio_groups(page).items():
        choice = (choices or {}).get(name) or next((v for v in PREFERRED if v in values), values[0])
        radio = page.locator(f'{BODY} input[type=radio][name="{name}"][value="{choice}"]')
        if not radio.is_checked():
            page.click(f'label[for="{radio.get_attribute("id")}"]')  # the label: the radio is styled over
            assert radio.is_checked()


def fill_step(page, free_text: str = "山田 太郎", choices: dict[str, str] | None = None,
              numbers: bool = True) -> list[str]:
    """Answer the step on screen; returns the names of the inputs filled with `free_text`."""
    choose_radios(page, choices)
    filled = []
    for field in text_inputs(page):
        name = field["name"]
        if is_free_text(name):
            page.fill(f'[id="{field["id"]}"]', free_text)
            filled.append(name)
        elif numbers:
            dated = SUBMIT_DAY if name.startswith("submission.") or "certificate" in name else {}
            page.fill(f'[id="{field["id"]}"]', value_for(name, dated))
    return filled


def start(page) -> None:
    press(page, "next")  # はじめる


def to_review(page, free_text: str = "山田 太郎", limit: int = 20) -> list[str]:
    """From the first question, answer every step until the review page; returns the headings seen."""
    seen = []
    for _ in range(limit):
        seen.append(heading(page))
        if seen[-1] == "回答の確認":
            return seen
        fill_step(page, free_text)
        press(page, "next")
        assert heading(page) != seen[-1], page.inner_text(BODY)[:500]
    raise AssertionError(f"never reached the review page: {seen}")


def to_result(page, free_text: str = "山田 太郎") -> None:
    start(page)
    to_review(page, free_text)
    press(page, "result")
    assert heading(page) == "結果"


def load_file(page, path: Path) -> None:
    respond(page, lambda: page.set_input_files("#checker-load", str(path)))


def write_answers(path: Path, answers: dict | None = None) -> Path:
    path.write_text(json.dumps(answers or ANSWERS, ensure_ascii=False), encoding="utf-8")
    return path
