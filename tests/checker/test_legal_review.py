"""The points of the line-by-line legal review (notice and statute), one test each.

Dates come from the call (the `call` fixture runs each test on both test calls), never from literal
dates, so these tests hold for any call with the same rules.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from proposal_checker import flow, questions, render
from proposal_checker.answers import (
    Answers, AnswersError, Cancellation, Person, Proposal, Proposer, Sentence, Submission, parse_answers,
)
from proposal_checker.citations import citation_href
from proposal_checker.dates import JST, format_time
from proposal_checker.evaluate import evaluate, submission_guide
from proposal_checker.findings import Status
from proposal_checker.rules import content, disqualification, documents, processing, submission
from proposal_checker.static import static_checklist_html

from rulecontext import context as ctx

DAY = timedelta(days=1)


def closing_time(call):
    return format_time(call.closes_at)


def clear(call):
    return dict(birth_date=call.opens.replace(year=call.opens.year - 40), capacity="no", bankruptcy="none",
                sentence=Sentence(status="none"), cancellation=Cancellation(status="none"))
HEAD = {"format": "proposal-checker/answers", "version": 1}


def posted(call, on, arrives=None):
    [f] = submission.check_posted_on(ctx(call, sub=Submission(method="post", date=arrives or call.closes, posted_on=on)))
    return f


def arriving(call, on):
    [f] = submission.check_date(ctx(call, sub=Submission(method="post", date=on)))
    return f


# -- 1. posting on the closing day is a warning, after it a fail --------------------------------

def test_posting_on_the_closing_day_is_a_warning_that_names_the_closing_time(call):
    f = posted(call, call.closes)
    assert f.status is Status.REVIEW
    assert closing_time(call) in f.message and "信書便" in f.message


def test_posting_after_the_closing_day_still_fails(call):
    f = posted(call, call.closes + DAY, arrives=call.closes + DAY)
    assert f.status is Status.FAIL
    assert closing_time(call) in f.message


def test_posting_and_arrival_messages_agree_on_the_closing_time(call):
    """check_posted_on and check_date both say the papers must arrive by the closing time."""
    late = arriving(call, call.closes + DAY)
    assert late.status is Status.FAIL and f"{closing_time(call)}までに届く" in late.message
    assert f"{closing_time(call)}までに届かなければ" in posted(call, call.closes).message


# -- 2. post must arrive by the closing time ------------------------------------------------------

def test_arrival_on_the_closing_day_is_in_time_only_by_the_closing_time_and_asks_to_confirm(call):
    f = arriving(call, call.closes)
    assert f.status is Status.PASS
    assert f"{closing_time(call)}までに届くことが必要" in f.message and "確かめてください" in f.message


def test_arrival_before_the_closing_day_passes(call):
    assert arriving(call, call.closes - DAY).status is Status.PASS


def test_the_submission_guide_says_post_must_arrive_by_the_closing_time(call):
    post = next(line for line in submission_guide(call).how if line.startswith("郵送"))
    assert f"締切日の{closing_time(call)}までに届くこと" in post


# -- 3. 信書: post or a licensed 信書便 only ----------------------------------------------------

def test_the_post_reminder_says_papers_are_shinsho_and_no_ordinary_parcel_service(call):
    [f] = submission.check_method(ctx(call, sub=Submission(method="post")))
    assert "信書に当たる" in f.message and "郵便法第4条" in f.message and "宅配便" in f.message
    post = next(line for line in submission_guide(call).how if line.startswith("郵送"))
    assert "郵便法第4条" in post and "宅配便" in post


# -- 5. 規則第62条: replacement counts; item 3 is about linking held data to its product ---------

@pytest.mark.parametrize("item", ["identifiers", "individual_codes", "linking_codes", "idiosyncratic"])
def test_each_standard_of_items_1_to_4_includes_replacement(item):
    assert "置き換える" in processing.STANDARDS[item]
    option = next(o for o in questions.QUESTIONS["processing"].options if o.value == item)
    assert "置き換える" in option.label


def test_item_3_is_about_codes_linking_the_held_information_to_what_the_measures_produce():
    text = processing.STANDARDS["linking_codes"]
    assert "措置を講じて得られる情報" in text and "現に取り扱う" in text
    assert "ほかの情報" not in text


def test_the_address_to_prefecture_example_is_a_replacement():
    option = next(o for o in questions.QUESTIONS["processing"].options if o.value == "identifiers")
    assert "住所を都道府県までにする" in option.label and "置き換える" in option.label


# -- 6. the 「その他…必要と認める書類」 paper: on request, kept out of the papers to send ---------

def _result(call, **parts):
    answers = Answers(proposal=Proposal(kind="new"), proposers=(Proposer(type="individual", **clear(call)),),
                      submission=Submission(method="hand", agent="no"), **parts)
    return evaluate(answers, call, now=datetime.combine(call.opens, datetime.min.time(), JST))


def test_the_other_paper_is_on_request_without_an_open_condition(call):
    result = _result(call)
    other = next(d for d in result.documents if d.id == "other")
    assert other.on_request and not other.condition
    assert other.to_json()["on_request"] is True
    assert all(not d.on_request for d in result.documents if d.id != "other")
    assert "書いていません" in other.why  # what it is, the notice does not say (second review, point 16)


def test_the_result_lists_the_other_paper_apart_from_the_papers_to_send(call):
    html = render.checklist(_result(call), call, citation_href)
    send = html.index("提出する書類")
    asked = html.index("必要と認められた場合に出す書類")
    other = html.index("必要と認める書類")
    pledge = html.index("誓約書")
    assert send < pledge < asked < other
    assert f"必要なとき：{documents.CONDITIONS['requested']}" in html[asked:]


def test_the_static_checklist_lists_the_other_paper_apart(call):
    html = static_checklist_html(call)
    send, asked = html.index(">提出する書類</h2>"), html.index(">必要と認められた場合に出す書類</h2>")
    assert send < asked
    assert "必要と認める書類" not in html[send:asked]
    assert "必要と認める書類" in html[asked:]


def test_the_requested_wording_is_the_same_in_the_checker_and_the_site_build(call):
    assert documents.CONDITIONS["requested"].startswith("必要と認められた場合")
    assert "requested" in [t for d in call.documents for t in d.when]


# -- 7. identity papers: front side of the 個人番号カード; the health-insurance card ended ------

def test_individual_identity_paper_says_front_side_only_and_to_confirm_the_insurance_card(call):
    result = _result(call)
    # What to watch with the paper: beside it on the screen and on the printed checklist.
    why = "".join(next(d for d in result.documents if d.id == "identity-individual").warnings)
    assert "表面だけ" in why and "番号法第19条・第20条" in why
    assert "2024年12月2日" in why and "2025年12月1日" in why and "確かめてください" in why


# -- 9. a body has no 復権 ----------------------------------------------------------------------

def test_a_body_is_not_offered_restoration():
    question = next(q for q in questions.GROUPS["body"] if q.key == ("bankruptcy",))
    assert "restored" not in {o.value for o in question.options}
    assert "復権を得た" not in "".join(o.label for o in question.options)
    assert "効力が続いて" in question.label
    person = next(q for q in questions.GROUPS["person"] if q.key == ("bankruptcy",))
    assert "restored" in {o.value for o in person.options}


def test_a_body_answering_restored_gets_an_error_naming_the_field():
    with pytest.raises(AnswersError) as caught:
        parse_answers({**HEAD, "proposers": [{"type": "corporation", "bankruptcy": "restored"}]})
    [(path, message)] = caught.value.errors
    assert path == "proposers[0].bankruptcy" and "復権" in message


def test_an_officer_may_still_answer_restored():
    answers = parse_answers({**HEAD, "proposers": [
        {"type": "corporation", "bankruptcy": "none", "officers": [{"bankruptcy": "restored"}]}]})
    assert answers.proposers[0].officers[0].bankruptcy == "restored"


@pytest.mark.parametrize("answer, expected", [
    ("none", Status.PASS), ("not-restored", Status.FAIL), ("unknown", Status.REVIEW), (None, Status.REVIEW),
])
def test_a_body_is_screened_on_whether_a_bankruptcy_decision_is_in_effect(answer, expected, call):
    body = Proposer(type="corporation", bankruptcy=answer)
    found = disqualification.screen_proposer(ctx(call, proposers=[body]), 0, body)
    f = next(f for f in found if f.id == "proposer-1.113-3")
    assert f.status is expected
    assert "復権を得ていると" not in f.message
    if expected is not Status.PASS:
        assert any("会社法第471条第5号" in n for n in f.notes)


def test_a_persons_restored_answer_left_over_is_not_used_once_the_proposer_is_a_body():
    working = {**HEAD, "proposers": [{"type": "corporation", "bankruptcy": "restored"}]}
    effective = flow.effective(working)
    assert "bankruptcy" not in effective["proposers"][0]
    assert working["proposers"][0]["bankruptcy"] == "restored", "the working copy keeps what was typed"
    parse_answers(effective)


# -- 10. suspended sentences ------------------------------------------------------------------

def _sentence(call, state):
    person = Proposer(type="individual", **{**clear(call), "sentence": Sentence(status="yes", state=state)})
    found = disqualification.screen_proposer(ctx(call, proposers=[person]), 0, person)
    return next(f for f in found if f.id == "proposer-1.113-4")


def test_a_suspended_sentence_still_fails_but_asks_to_confirm(call):
    f = _sentence(call, "suspended")
    assert f.status is Status.FAIL and "確かめてください" in f.message


def test_the_lapse_of_a_suspended_sentence_is_not_stated_as_unconditional(call):
    f = _sentence(call, "suspension-completed")
    note = next(n for n in f.notes if "刑法第27条" in n)
    assert "原則として" in note and "第27条第2項" in note
    assert "効力を失います（刑法第27条）" not in note


# -- 13. identity papers in a joint proposal -----------------------------------------------------

def test_joint_proposal_identity_papers_per_proposer_is_not_stated_as_fact(call):
    items = documents.checklist(ctx(call, Proposal(kind="new"), [Proposer(type="individual"), Proposer(type="corporation")]))
    for d in items:
        if d.id.startswith("identity-"):
            said = d.why + "".join(d.warnings)
            assert "提案者ごとに必要です" not in said
            assert "公示に書かれていません" in "".join(d.warnings) and "確かめてください" in "".join(d.warnings)


# -- 14. the management measures are examples with their source ---------------------------------

def test_the_measures_are_presented_as_examples_with_their_source(call):
    [f] = content.check_measures(ctx(call, Proposal(measures={})))
    assert any("例" in n and "法第112条第2項第5号・第7号" in n for n in f.notes)
    assert "例" in questions.QUESTIONS["measures"].hint


# -- plain Japanese ---------------------------------------------------------------------------

def test_the_contribution_question_is_plain_and_keeps_the_legal_wording_in_the_help():
    assert "若しくは" not in questions.QUESTIONS["contribution"].label and "又は" not in questions.QUESTIONS["contribution"].label
    assert "新たな産業の創出又は活力ある経済社会若しくは豊かな国民生活の実現に資する" in questions.QUESTIONS["contribution"].hint


def _outside_quotes(text):
    return re.sub(r"「[^「」]*」", "", text)


def _all_questions():
    yield from questions.QUESTIONS.values()


def test_plain_text_writes_matawa_and_keeps_mata_wa_only_inside_quotations(call):
    texts = []
    for q in _all_questions():
        texts += [q.label, q.hint or "", q.when_text or ""] + [o.label for o in q.options]
    people = (Proposer(type="individual", **clear(call)),
              Proposer(type="corporation", bankruptcy="unknown", sentence=Sentence(status="unknown"),
                       officers=(Person(sentence=Sentence(status="yes", state="ended")),)))
    for method in ("hand", "post", None):
        result = evaluate(Answers(proposal=Proposal(kind="new"), proposers=people,
                                  submission=Submission(method=method, date=call.closes)),
                          call, now=datetime.combine(call.opens, datetime.min.time(), JST))
        texts += [f.message for f in result.findings] + [d.why for d in result.documents]
        texts += [w for d in result.documents for w in d.warnings]
        texts += list(result.submission.how) + list(result.next_steps)
    offending = [t for t in texts if "又は" in _outside_quotes(t)]
    assert not offending
