"""An end of a sentence or a cancellation given as year and month alone (「2024年5月」): accepted, and
decided whenever every day of the month gives the same outcome; otherwise the finding says which days
give which outcome. A proposal day too early for a call that has closed by then says the call is
closed to them and from when a later call could be used (issue 20, point 7).

On both test calls; the months are placed against each call's own dates."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from proposal_checker.answers import AnswersError, Cancellation, Person, Proposal, Proposer, Sentence, Submission, parse_answers
from proposal_checker.dates import YearMonth, first_day_after_counting, format_date, format_month
from proposal_checker.findings import Status
from proposal_checker.rules import disqualification
from proposal_checker.questions import QUESTIONS

from rulecontext import context

HEAD = {"format": "proposal-checker/answers", "version": 2}


def month_of(day: date, months_back: int = 0) -> YearMonth:
    index = day.year * 12 + day.month - 1 - months_back
    return YearMonth(index // 12, index % 12 + 1)


def finding(call, item: str, person: Proposer, sub: Submission | None = None, kind: str = "new"):
    ctx = context(call, Proposal(kind=kind), [person], sub)
    return next(f for f in disqualification.screen_proposer(ctx, 0, person) if f.id == f"proposer-1.{item}")


def sentenced(ended) -> Proposer:
    return Proposer(type="individual", sentence=Sentence(status="yes", state="ended", ended_on=ended))


def cancelled(when) -> Proposer:
    return Proposer(type="individual", cancellation=Cancellation(status="yes", date=when))


# -- the format ------------------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["sentence", "cancellation"])
def test_a_month_alone_is_read_and_written_back_as_yyyy_mm(where):
    person = ({"sentence": {"status": "yes", "state": "ended", "ended_on": "2024-05"}} if where == "sentence"
              else {"cancellation": {"status": "yes", "date": "2024-05"}})
    data = {**HEAD, "proposers": [{"type": "individual", **person}]}
    answers = parse_answers(data)
    value = answers.proposers[0].sentence.ended_on if where == "sentence" else answers.proposers[0].cancellation.date
    assert value == YearMonth(2024, 5)
    assert answers.to_json() == data
    assert parse_answers(json.loads(json.dumps(answers.to_json()))) == answers


@pytest.mark.parametrize("value, words", [("2024-13", "YYYY-MM"), ("1899-12", "範囲外"), ("2024-5", "YYYY-MM")])
def test_a_month_that_cannot_be_is_refused_naming_the_field(value, words):
    data = {**HEAD, "proposers": [{"type": "individual", "sentence": {"status": "yes", "state": "ended", "ended_on": value}}]}
    with pytest.raises(AnswersError) as raised:
        parse_answers(data)
    [(path, message)] = raised.value.errors
    assert path == "proposers[0].sentence.ended_on" and words in message


@pytest.mark.parametrize("field", ["birth_date", "certificate_date"])
def test_other_dates_still_need_their_day(field):
    person = {"type": "corporation", "certificate_date": "2026-01"} if field == "certificate_date" else \
        {"type": "individual", "birth_date": "1990-04"}
    with pytest.raises(AnswersError) as raised:
        parse_answers({**HEAD, "proposers": [person]})
    assert raised.value.errors[0][0] == f"proposers[0].{field}"


def test_only_the_two_dates_the_notice_counts_two_years_from_take_a_month_alone():
    assert {name for name, q in QUESTIONS.items() if q.month_only} == {"sentence_ended_on", "cancellation_date"}


# -- the rule: decided when the day does not matter ----------------------------------------------

@pytest.mark.parametrize("make, item", [(sentenced, "113-4"), (cancelled, "113-5")])
def test_a_month_long_enough_ago_passes_whatever_its_day(call, make, item):
    month = month_of(call.opens, 30)            # 2 years and 6 months before the call opens
    f = finding(call, item, make(month))
    assert f.status is Status.PASS, f.message
    assert format_month(month) in f.message and "どの日" in f.message


@pytest.mark.parametrize("make, item", [(sentenced, "113-4"), (cancelled, "113-5")])
def test_a_month_too_recent_fails_whatever_its_day_and_says_from_when_a_later_call_could_be_used(call, make, item):
    month = month_of(call.closes, 12)           # a year before the call closes: two years end after it
    f = finding(call, item, make(month))
    assert f.status is Status.FAIL, f.message
    latest = first_day_after_counting(month.last, 2)
    assert "この募集には提案できません" in f.message and format_date(latest) in f.message


@pytest.mark.parametrize("make, item", [(sentenced, "113-4"), (cancelled, "113-5")])
def test_a_month_whose_days_differ_is_review_and_says_which_days_give_what(call, make, item):
    # The call closes inside this month two years on: its early days pass on the closing day, its late
    # days do not.
    month = month_of(call.closes, 24)
    sub = Submission(method="post", date=call.closes)
    f = finding(call, item, make(month), sub)
    assert f.status is Status.REVIEW, f.message
    assert "日まで入力してください" in f.message and "この点は満たします" in f.message and "この点を満たしません" in f.message
    assert f"1日から{call.closes.day}日までなら" in f.message
    # The same month with the day given decides.
    for d, expected in ((month.first, Status.PASS), (month.last, Status.FAIL)):
        assert finding(call, item, make(d), sub).status is expected


def test_a_month_and_its_days_agree_wherever_every_day_agrees(call):
    """For every month around the call, a month alone gives the status every one of its days gives,
    and review exactly when its days disagree."""
    sub = Submission(method="post", date=call.closes - timedelta(days=3))
    for back in range(18, 32):
        month = month_of(call.opens, back)
        days = {finding(call, "113-4", sentenced(d), sub).status for d in month.days()}
        said = finding(call, "113-4", sentenced(month), sub).status
        assert said is (days.pop() if len(days) == 1 else Status.REVIEW), month


# -- the call closed to them ---------------------------------------------------------------------------

def test_a_proposal_day_too_early_in_a_call_that_closes_before_the_bar_ends_says_the_call_is_closed(call):
    ended = call.closes - timedelta(days=300)   # two years end well after the call closes
    f = finding(call, "113-4", sentenced(ended), Submission(method="post", date=call.closes - timedelta(days=5)))
    free = first_day_after_counting(ended, 2)
    assert f.status is Status.FAIL
    assert f"提案できるのは{format_date(free)}から" in f.message
    assert "この募集には提案できません" in f.message and f"締切（{format_date(call.closes)}）" in f.message
    assert f"この点は、{format_date(free)}から満たします" in f.message


def test_a_proposal_day_too_early_when_the_bar_ends_within_the_call_says_when_to_hand_in(call):
    proposal_day = call.opens + timedelta(days=2)
    ended = first_day_after_counting(proposal_day, -2) + timedelta(days=5)  # free five days after that proposal day
    f = finding(call, "113-5", cancelled(ended), Submission(method="post", date=proposal_day))
    free = first_day_after_counting(ended, 2)
    assert f.status is Status.FAIL and free <= call.closes
    assert f"募集期間の中の{format_date(free)}以後に提出すれば、この点は満たします" in f.message
    assert "この募集には提案できません" not in f.message


def test_a_minor_who_turns_18_after_the_call_is_told_the_call_is_closed(call):
    birth = date(call.closes.year - 18, call.closes.month, call.closes.day) + timedelta(days=40)
    person = Proposer(type="individual", birth_date=birth)
    f = finding(call, "113-1", person, Submission(method="post", date=call.closes - timedelta(days=3)))
    assert f.status is Status.FAIL and "この募集には提案できません" in f.message


def test_for_a_proposal_under_article_118_the_register_decides_the_period_not_this_call(call):
    ended = call.closes - timedelta(days=300)
    f = finding(call, "113-4", sentenced(ended), Submission(method="post", date=call.closes - timedelta(days=5)),
                kind="existing-extend")
    assert f.status is Status.FAIL and "この募集には提案できません" not in f.message


# -- the page ---------------------------------------------------------------------------------------

def test_the_question_says_the_day_may_be_left_out():
    for name in ("sentence_ended_on", "cancellation_date"):
        assert "年と月だけ" in QUESTIONS[name].hint


def test_the_answer_of_a_month_alone_reads_as_a_month_in_the_review_list():
    q = QUESTIONS["cancellation_date"]
    assert q.input.display(q, "2024-05") == "2024年（令和6年）5月（日は答えていません）"
    assert q.input.form_values(q, "x", "2024-05") == {"x.year": ["2024"], "x.month": ["5"], "x.day": [""]}


@pytest.mark.parametrize("fields, expected", [
    ({"year": "2024", "month": "5", "day": ""}, ("ok", "2024-05")),
    ({"year": "2024", "month": "", "day": ""}, ("error", "＊月・日を入力してください（日がわからないときは、年と月だけを入力できます）")),
    ({"year": "2024", "month": "13", "day": ""}, ("error", "＊月は1から12までで入力してください")),
    ({"year": "2030", "month": "1", "day": ""}, ("error", "＊今日より後の月は入力できません")),
])
def test_the_date_boxes_take_a_month_alone_where_the_question_does(fields, expected):
    q = QUESTIONS["sentence_ended_on"]
    read = q.input.read(q, "d", {f"d.{k}": [v] for k, v in fields.items()}, date(2026, 2, 20))
    assert (read.state, read.value if read.state == "ok" else read.error) == expected


def test_a_birth_date_still_needs_its_day():
    q = QUESTIONS["birth_date"] if "birth_date" in QUESTIONS else next(
        q for q in QUESTIONS.values() if q.key == ("birth_date",))
    read = q.input.read(q, "d", {"d.year": ["1990"], "d.month": ["4"], "d.day": [""]}, date(2026, 2, 20))
    assert read.state == "error" and read.error == "＊日を入力してください"
