"""The call's state at fixed clocks: 「募集はまだ始まっていません」 before the period, nothing while it is
open, 「この募集は終了しました」 from the minute after the closing time; and a proposal day already past.

The page's clock is fixed with Playwright's page.clock. That clock does not reach the checker's
module worker (a worker keeps the real time), which is why the page sends its own "now" with
every request: so Python says the same as the page whatever the machine's date. The instants come
from the call's data (callfacts), never from this year's dates.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from answer_files import ANSWERS
from callfacts import CALL, OFFICE_DAY, format_date
from driver import BODY, hold, load_file, press, release, wait_ready, write_answers
from proposal_checker.dates import JST

DEADLINE = datetime.combine(CALL.closes, CALL.closes_at, JST)
INSTANTS = {
    "before the period": (datetime.combine(CALL.opens - timedelta(days=1), time(12, 0), JST), "before"),
    "during the period": (datetime.combine(OFFICE_DAY, time(10, 0), JST), None),
    "the minute before the closing time": (DEADLINE - timedelta(minutes=1), None),
    "the minute after the closing time": (DEADLINE + timedelta(minutes=1), "closed"),
}
TITLES = {"before": "募集はまだ始まっていません", "closed": "この募集は終了しました"}


def fix_clock(page, moment: datetime) -> None:
    """The page's clock at `moment`, standing still (its timers move only when told)."""
    page.clock.install(time=moment)
    page.clock.pause_at(moment + timedelta(seconds=1))


def shown_notes(page) -> list[str]:
    """The call-state notes on screen, by their state."""
    return page.eval_on_selector_all("[data-call-state]", "notes => notes.filter((n) => !n.hidden).map((n) => n.dataset.callState)")


def assert_note(page, expected: str | None) -> None:
    """The start screen shows the note for `expected` (or none), with the dates, and can still start."""
    assert page.inner_text("#step-heading") == "はじめに"
    assert shown_notes(page) == ([expected] if expected else [])
    if expected:
        note = page.inner_text(f'[data-call-state="{expected}"]')
        assert note.startswith(TITLES[expected])
        # The dates come from the data, and the checker still lets people go on.
        assert format_date(CALL.opens) in note and format_date(CALL.closes) in note
        assert "使えます" in note
        assert page.is_visible(f'{BODY} button.checker-button[value="next"]')


@pytest.mark.parametrize("when", INSTANTS)
def test_the_calls_state_on_the_first_screen_and_after_python_is_ready(page, base_url, when):
    moment, expected = INSTANTS[when]
    fix_clock(page, moment)
    held = hold(page, "**/pyodide/pyodide.asm.wasm")  # Python cannot start until the test says
    page.goto(base_url + "checker/")
    page.wait_for_selector("#step-heading")  # the first screen, rendered at build time
    assert page.get_attribute("#checker", "data-state") == "loading"
    assert_note(page, expected)

    release(page, held)
    wait_ready(page, timeout_ms=120000)
    assert_note(page, expected)
    from_python(page)
    assert_note(page, expected)


def from_python(page) -> None:
    """The start screen again, now drawn by Python (with the state for the "now" the page sent)."""
    press(page, "next")  # はじめる
    assert page.inner_text("#step-heading") == "どの提案をしますか"
    assert not shown_notes(page)  # the questions carry no note
    press(page, "back")
    assert not page.query_selector("[data-call-opens]")  # not the screen made at build time


def test_python_follows_the_pages_clock_past_the_closing_time(page, base_url):
    # Open at first; the page's clock then passes the closing time, and the next screen says so.
    moment, _ = INSTANTS["the minute before the closing time"]
    fix_clock(page, moment)
    page.goto(base_url + "checker/")
    wait_ready(page, timeout_ms=120000)
    assert_note(page, None)
    page.clock.pause_at(DEADLINE + timedelta(minutes=1, seconds=30))
    from_python(page)
    assert_note(page, "closed")


def test_a_browser_elsewhere_still_counts_in_japan_time(browser, base_url):
    # Half past midnight on the first day in Japan is the day before in New York: open, not "before".
    context = browser.new_context(locale="ja-JP", timezone_id="America/New_York")
    page = context.new_page()
    try:
        moment = datetime.combine(CALL.opens, time(0, 30), JST)
        fix_clock(page, moment)
        page.goto(base_url + "checker/")
        page.wait_for_selector("#step-heading")
        assert_note(page, None)
        wait_ready(page, timeout_ms=120000)
        from_python(page)
        assert_note(page, None)
    finally:
        context.close()


@pytest.mark.parametrize("when, past", [("during the period", False), ("the minute after the closing time", True)])
def test_a_proposal_day_already_past_is_named_in_the_result(page, base_url, tmp_path, when, past):
    moment, _ = INSTANTS[when]
    assert ANSWERS["submission"]["date"] == OFFICE_DAY.isoformat()
    fix_clock(page, moment)
    page.goto(base_url + "checker/")
    wait_ready(page, timeout_ms=120000)
    load_file(page, write_answers(tmp_path / "answers.json"))
    press(page, "result")
    assert page.inner_text("#step-heading") == "結果"
    said = f"提案の日（{format_date(OFFICE_DAY)}）は、もう過ぎています。"
    assert shown_notes(page) == (["closed"] if past else [])  # the state, under the outcome
    if past:
        assert said in page.inner_text(".checker-past")
        assert f"今日は{format_date(moment.date())}です" in page.inner_text(".checker-past")
        page.click(".checker-past a[data-goto]")
        page.wait_for_function("() => document.querySelector('#step-heading')?.innerText !== '結果'")
        # Its link leads to the question, focus on it.
        assert page.evaluate("document.activeElement?.name ?? ''").startswith("submission.date")
    else:
        assert said not in page.inner_text(BODY)
        assert not page.query_selector(".checker-past")
