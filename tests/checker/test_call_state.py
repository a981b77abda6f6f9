"""The call's state (not yet open, open, closed) and the days already past, from the page's "now".

The rules have no clock; the page sends its own "now" in Japan time with every request, and that
one value decides the state, the past days, date validation and the saved file's name. The
machine's clock (fixed by webpage.fresh at eleven days into the period) is only the fallback.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from proposal_checker import render, web
from proposal_checker.call_state import CallState, state
from proposal_checker.dates import JST, format_date, format_time
from calls import day, time_of
from webpage import answers, ask, complete, date_fields, fresh, page, submit, words  # noqa: F401  (fresh: autouse fixture)


def at(expr: str, call, clock: str | time = "10:00") -> datetime:
    """A moment in Japan time: ``at("closes", call, time_of("closes_at+1min", call))``."""
    t = clock if isinstance(clock, time) else time.fromisoformat(clock)
    return datetime.combine(day(expr, call), t, JST)


def sent(moment: datetime) -> str:
    """As checker.js sends it: Japan time, to the minute."""
    return moment.astimezone(JST).strftime("%Y-%m-%dT%H:%M")


# ---------------------------------------------------------------------------------------------
# The state


@pytest.mark.parametrize("expr, clock, expected", [
    ("opens-30d", "10:00", CallState.BEFORE),
    ("opens-1d", "23:59", CallState.BEFORE),
    ("opens", "00:00", CallState.OPEN),
    ("opens+11d", "10:00", CallState.OPEN),
    ("closes", "closes_at-1min", CallState.OPEN),
    ("closes", "closes_at", CallState.OPEN),          # 「午後5時まで」: that minute is still inside
    ("closes", "closes_at+1min", CallState.CLOSED),
    ("closes+1d", "09:00", CallState.CLOSED),
])
def test_the_state_follows_the_calls_dates_in_japan_time(expr, clock, expected, call):
    t = time_of(clock, call) if clock.startswith("closes_at") else time.fromisoformat(clock)
    assert state(call, at(expr, call, t)) is expected


def test_the_state_reads_any_clock_zone_as_japan_time(call):
    # The minute after the closing time, written in UTC: closed, though it is morning there.
    after = at("closes", call, time_of("closes_at+1min", call)).astimezone(timezone.utc)
    assert state(call, after) is CallState.CLOSED
    assert state(call, after - timedelta(minutes=2)) is CallState.OPEN


NOTES = {"before": "募集はまだ始まっていません", "closed": "この募集は終了しました"}


def notes_in(html: str) -> dict[str, bool]:
    """The call-state notes in a screen: state → shown (not hidden)."""
    out = {}
    for part in html.split('data-call-state="')[1:]:
        out[part.split('"')[0]] = "hidden" not in part.split(">")[0]
    return out


@pytest.mark.parametrize("expr, clock, expected", [
    ("opens-1d", "12:00", "before"),
    ("opens+11d", "10:00", None),
    ("closes", "closes_at-1min", None),
    ("closes", "closes_at+1min", "closed"),
])
def test_the_result_shows_the_state_for_the_pages_now_and_the_start_leaves_it_to_the_page(expr, clock, expected, call):
    t = time_of(clock, call) if clock.startswith("closes_at") else time.fromisoformat(clock)
    now = sent(at(expr, call, t))
    # The state is said once, at the top of the checker page (build/hooks/callstate.py), not on its screens.
    assert notes_in(ask("start", now=now)["html"]) == {}
    assert notes_in(ask("next", fields={}, now=now)["html"]) == {}            # the questions carry none
    complete()
    result = ask("result", now=now)["html"]
    assert notes_in(result) == ({expected: True} if expected else {})
    if expected:
        assert NOTES[expected] in result


def test_the_build_made_start_carries_no_state_the_build_cannot_know(call):
    for now in ({}, {"now": "2026-13-45T10:00"}, {"now": "tomorrow"}):   # nothing, or not a moment
        assert notes_in(ask("start", **now)["html"]) == {}
    assert all(notes_in(s["response"]["html"]) == {} for s in web.opening(call))


@pytest.mark.parametrize("expr, clock", [("opens-1d", "10:00"), ("closes", "17:30"), ("closes+1d", "10:00")])
def test_the_start_gives_the_period_in_words_true_before_during_and_after_it(expr, clock, call):
    html = words(ask("start", now=sent(at(expr, call, clock)))["html"])
    period = f"{format_date(call.opens)}から{format_date(call.closes)}{format_time(call.closes_at)}まで（日本時間）"
    assert f"募集期間：{period}" in html and "までです" not in html


@pytest.mark.parametrize("state_, past", [(CallState.BEFORE, "です。"), (CallState.CLOSED, "でした。")])
def test_the_results_notes_name_the_calls_dates_and_keep_the_checker_usable(call, state_, past):
    html = words(render.call_state_note(call, state_))
    period = f"{format_date(call.opens)}から{format_date(call.closes)}{format_time(call.closes_at)}まで（日本時間）"
    assert NOTES[state_.value] in html and f"募集期間は{period}{past}" in html
    assert "事前チェックは" in html and "使えます" in html   # it still lets people go on
    assert render.call_state_note(call, CallState.OPEN) == render.call_state_note(call, None) == ""


# ---------------------------------------------------------------------------------------------
# The page's "now" is the one today


def test_the_saved_files_name_carries_the_pages_day(call):
    page_day = day("opens-3d", call)
    saved = ask("save", now=f"{page_day.isoformat()}T23:30")
    assert page_day.strftime("%Y%m%d") in saved["download"]["name"]


def test_dates_are_checked_against_the_pages_today(call):
    # A birth date after the page's today is refused, though the machine's clock (eleven days
    # into the period) would take it.
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    submit("proposers", p0__type="individual", p0__name="山田太郎")
    birth = day("opens-10d", call)
    fields = {"_step": ["proposer-1"], **{k.replace("__", "."): [v] for k, v in date_fields("p0__birth_date", birth).items()}}
    refused = ask("next", fields=fields, now=sent(at("opens-30d", call)))
    assert page() == "proposer-1" and "今日より後の日付は入力できません" in refused["html"]
    ask("next", fields=fields, now=sent(at("opens+11d", call)))
    assert answers()["proposers"][0]["birth_date"] == birth.isoformat()


def test_the_result_is_stamped_with_the_pages_time(call):
    complete()
    result = ask("result", now=sent(at("closes", call, "08:05")))
    assert f"{format_date(day('closes', call))}8時05分（日本時間）" in result["html"]


# ---------------------------------------------------------------------------------------------
# Days already past


def test_a_proposal_day_already_past_is_named_in_the_result(call):
    complete()  # the proposal day: opens+21d
    proposal_day = day("opens+21d", call)
    today = day("closes+5d", call)
    html = words(ask("result", now=f"{today.isoformat()}T10:00")["html"])
    assert f"提案の日（{format_date(proposal_day)}）は、もう過ぎています。" in html
    assert f"今日は{format_date(today)}です（日本時間）" in html
    # Its link leads to the question.
    target = html.split("checker-past")[1].split('data-goto="')[1].split('"')[0]
    assert ask("goto", step=target)["focus"] == target.partition("#")[2]
    assert page() == "submission"


@pytest.mark.parametrize("today", ["opens+11d", "opens+21d"])
def test_a_proposal_day_today_or_later_is_not_past(today, call):
    complete()
    html = ask("result", now=f"{day(today, call).isoformat()}T10:00")["html"]
    assert "もう過ぎています" not in html


def test_the_day_of_posting_already_past_is_named_too(call):
    complete()
    arrives, posted = day("opens+21d", call), day("opens+18d", call)
    ask("goto", step="submission")
    submit("submission", submission__method="post", **date_fields("submission__date", arrives),
           **date_fields("submission__posted_on", posted), submission__agent="no")
    html = words(ask("result", now=f"{day('opens+19d', call).isoformat()}T10:00")["html"])
    assert f"発送する日（{format_date(posted)}）は、もう過ぎています。" in html
    assert "提案の日（" not in html.split("checker-past")[1].split("</div>")[0]   # that one is still ahead
