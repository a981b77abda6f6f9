"""The call's state at fixed clocks, at the top of the home page and of the checker page (above
はじめる): 「募集はまだ始まっていません」 before the period, 「提案を募集しています」 during it, 「この募集は
終了しました」 from the minute after the closing time; where no script runs, the period alone, true
in all three; and the result names a proposal day already past.

The page's clock is fixed with Playwright's page.clock. That clock does not reach the checker's
module worker (a worker keeps the real time), which is why the page sends its own "now" with
every request: so Python says the same as the page whatever the machine's date. The instants come
from the call's data (callfacts), never from this year's dates.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from answer_files import ANSWERS
from callfacts import CALL, CLOCKS, DEADLINE, OFFICE_DAY, format_date
from driver import BODY, fix_clock, hold, load_file, press, release, wait_ready, write_answers
from proposal_checker.dates import JST

INSTANTS = {
    "before the period": CLOCKS["before the period"],
    "during the period": CLOCKS["during the period"],
    "the minute before the closing time": (DEADLINE - timedelta(minutes=1), "open"),
    "the minute after the closing time": (DEADLINE + timedelta(minutes=1), "closed"),
}
TITLES = {"before": "募集はまだ始まっていません", "open": "提案を募集しています", "closed": "この募集は終了しました"}
STATE_WORDS = ["募集しています", "始まっていません", "終了しました"]


def shown_states(page) -> list[str]:
    """The call-state notes on screen at the top of the page."""
    return page.eval_on_selector_all(".call-state [data-call-state]",
                                     "notes => notes.filter((n) => !n.hidden).map((n) => n.dataset.callState)")


def assert_state(page, expected: str) -> None:
    """The top of the page shows the note for `expected`, with the call's dates, above the content."""
    assert shown_states(page) == [expected]
    note = page.inner_text(f'.call-state [data-call-state="{expected}"]')
    assert note.startswith(TITLES[expected])
    assert format_date(CALL.closes) in note
    if expected != "open":
        assert format_date(CALL.opens) in note
    # At the top: right under the page's title, so above the checker and its はじめる too.
    assert page.evaluate("document.querySelector('.md-content h1').nextElementSibling.classList.contains('call-state')")
    if page.query_selector("#checker"):
        assert page.locator(".call-state").bounding_box()["y"] < page.locator("#checker").bounding_box()["y"]


@pytest.mark.parametrize("when", INSTANTS)
def test_the_checker_page_says_the_calls_state_above_the_checker_before_and_after_python_is_ready(page, base_url, when):
    moment, expected = INSTANTS[when]
    fix_clock(page, moment)
    held = hold(page, "**/pyodide/pyodide.asm.wasm")  # Python cannot start until the test says
    page.goto(base_url + "checker/")
    page.wait_for_selector("#step-heading")  # the first screen, rendered at build time
    assert page.get_attribute("#checker", "data-state") == "loading"
    assert_state(page, expected)
    if expected != "open":
        assert "使えます" in page.inner_text(".call-state")  # and the checker still lets people go on
    assert page.is_visible(f'{BODY} button.checker-button[value="next"]')

    release(page, held)
    wait_ready(page, timeout_ms=120000)
    assert_state(page, expected)
    press(page, "next")  # はじめる
    assert page.inner_text("#step-heading") == "どの提案をしますか"
    press(page, "back")  # the start screen, now drawn by Python: the state stays where it was
    assert_state(page, expected)
    assert not page.query_selector(f"{BODY} [data-call-state]")  # said once, at the top


@pytest.mark.parametrize("when", CLOCKS)
def test_the_home_page_says_the_calls_state_at_the_top_and_nothing_moves(page, base_url, when):
    moment, expected = CLOCKS[when]
    page.set_viewport_size({"width": 390, "height": 844})
    fix_clock(page, moment)
    page.add_init_script("""window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; })
        .observe({ type: "layout-shift", buffered: true });
      new PerformanceObserver(() => { window.__painted = true; }).observe({ type: "paint", buffered: true });""")
    script = hold(page, "**/assets/scripts/call-state.js")  # painted first, decided after: the worst case
    page.goto(base_url, wait_until="commit")
    page.wait_for_function("() => window.__painted === true")
    release(page, script)
    page.wait_for_selector(f'.call-state [data-call-state="{expected}"]:not([hidden])')
    assert_state(page, expected)
    assert page.evaluate("window.__shift") < 0.02
    # The page's own words claim no state: the lead says what the site offers, whatever the day.
    lead = page.inner_text(".md-content h1 ~ p")
    assert not [w for w in STATE_WORDS if w in lead], lead


@pytest.mark.parametrize("path", ["", "checker/"])
def test_where_no_script_runs_the_top_gives_the_period_true_before_during_and_after_it(browser, base_url, path):
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(base_url + path)
        assert shown_states(page) == ["any"]
        shown = page.inner_text(".call-state")
        assert f"{format_date(CALL.opens)}から{format_date(CALL.closes)}" in shown
        assert not [w for w in STATE_WORDS + ["でした"] if w in shown], shown
        assert not [w for w in STATE_WORDS if w in page.inner_text(".md-content")]
    finally:
        context.close()


def test_a_page_left_open_says_the_call_closed_within_a_minute(page, base_url):
    moment, _ = INSTANTS["the minute before the closing time"]
    fix_clock(page, moment)
    page.goto(base_url + "checker/")
    wait_ready(page, timeout_ms=120000)
    assert_state(page, "open")
    page.clock.pause_at(DEADLINE + timedelta(minutes=1, seconds=1))
    page.clock.run_for(60_000)
    assert_state(page, "closed")


def test_a_browser_elsewhere_still_counts_in_japan_time(browser, base_url):
    # Half past midnight on the first day in Japan is the day before in New York: open, not "before".
    context = browser.new_context(locale="ja-JP", timezone_id="America/New_York")
    page = context.new_page()
    try:
        moment = datetime.combine(CALL.opens, time(0, 30), JST)
        fix_clock(page, moment)
        page.goto(base_url + "checker/")
        page.wait_for_selector("#step-heading")
        assert_state(page, "open")
        wait_ready(page, timeout_ms=120000)
        assert_state(page, "open")
    finally:
        context.close()


def result_notes(page) -> list[str]:
    """The call-state notes in the checker's result."""
    return page.eval_on_selector_all(f"{BODY} [data-call-state]",
                                     "notes => notes.filter((n) => !n.hidden).map((n) => n.dataset.callState)")


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
    assert result_notes(page) == (["closed"] if past else [])  # the state, under the outcome
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
