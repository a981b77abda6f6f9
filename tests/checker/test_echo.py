"""A finding that reports an answer repeats the words the person chose, as the page showed them."""
import pytest

from proposal_checker.answers import parse_answers
from proposal_checker.evaluate import evaluate
from proposal_checker.questions import QUESTIONS

from calls import resolve

OFFICER = {"birth_date": "1980-04-01", "capacity": "no", "bankruptcy": "none",
           "sentence": {"status": "none"}, "cancellation": {"status": "none"}}
PERSON = {"type": "individual", **OFFICER}
BODY = {"type": "corporation", "bankruptcy": "none", "sentence": {"status": "none"},
        "cancellation": {"status": "none"}, "certificate_date": "{opens-25d}", "officers": [OFFICER]}
SUBMISSION = {"method": "hand", "date": "{opens+21d}", "time": "{hand_opens+60min}", "agent": "no"}

# Every question with an option whose value is "unknown": the answers that choose it, and the
# finding that reports it.
CHOSEN = {
    "capacity": ([{**PERSON, "capacity": "unknown"}], {}, "proposer-1.113-2"),
    "bankruptcy": ([{**PERSON, "bankruptcy": "unknown"}], {}, "proposer-1.113-3"),
    "sentence_person": ([{**PERSON, "sentence": {"status": "unknown"}}], {}, "proposer-1.113-4"),
    "sentence_state": ([{**PERSON, "sentence": {"status": "yes", "state": "unknown"}}], {}, "proposer-1.113-4"),
    "cancellation": ([{**PERSON, "cancellation": {"status": "unknown"}}], {}, "proposer-1.113-5"),
    "body_bankruptcy": ([{**BODY, "bankruptcy": "unknown"}], {}, "proposer-1.113-3"),
    "sentence_body": ([{**BODY, "sentence": {"status": "unknown"}}], {}, "proposer-1.113-4"),
    "method": ([PERSON], {"method": "unknown", "time": None}, "submission.method"),
    "agent": ([PERSON], {"agent": "unknown"}, "submission.agent"),
}


def test_the_table_covers_every_question_with_an_unknown_option():
    asked = {name for name, q in QUESTIONS.items() if any(o.value == "unknown" for o in q.options)}
    assert asked == set(CHOSEN)


@pytest.mark.parametrize("name", sorted(CHOSEN))
def test_an_unknown_option_comes_back_in_its_own_words(name, call):
    proposers, submission, finding_id = CHOSEN[name]
    label = next(o.label for o in QUESTIONS[name].options if o.value == "unknown")
    data = {"format": "proposal-checker/answers", "version": 1, "proposers": proposers,
            "submission": {k: v for k, v in {**SUBMISSION, **submission}.items() if v is not None}}
    result = evaluate(parse_answers(resolve(data, call)), call)
    finding = next(f for f in result.findings if f.id == finding_id)
    assert finding.status.value == "review"
    assert f"「{label}」と回答しました" in finding.message


def test_an_undecided_method_is_not_reported_as_unknown(call):
    data = {"format": "proposal-checker/answers", "version": 1, "proposers": [PERSON],
            "submission": {"method": "unknown", "date": "{opens+21d}", "agent": "no"}}
    result = evaluate(parse_answers(resolve(data, call)), call)
    message = next(f for f in result.findings if f.id == "submission.method").message
    assert "「まだ決めていない」と回答しました" in message and "「わからない」" not in message


def test_a_proposal_day_answered_unknown_comes_back_as_the_box_the_person_ticked(call):
    data = {"format": "proposal-checker/answers", "version": 1, "proposers": [PERSON],
            "submission": {"method": "unknown", "date": "unknown", "agent": "no"}}
    result = evaluate(parse_answers(resolve(data, call)), call)
    label = "わからない"  # the box beside every date that offers one (inputs.UNKNOWN_LABEL)
    message = next(f for f in result.findings if f.id == "submission.date").message
    assert f"提案の日について、「{label}」と回答しました。" in message


def test_a_certificate_with_no_known_proposal_day_says_why_it_cannot_be_judged(call):
    data = {"format": "proposal-checker/answers", "version": 1, "proposers": [BODY],
            "submission": {"method": "unknown", "date": "unknown", "agent": "no"}}
    result = evaluate(parse_answers(resolve(data, call)), call)
    finding = next(f for f in result.findings if f.id == "proposer-1.certificate")
    assert finding.status.value == "review"
    assert finding.message.startswith("提案の日について、「わからない」と回答しました。")
    assert "未入力" not in finding.message
    # With no day given at all, it says so instead.
    del data["submission"]["date"]
    result = evaluate(parse_answers(resolve(data, call)), call)
    finding = next(f for f in result.findings if f.id == "proposer-1.certificate")
    assert finding.message.startswith("提案の日が未入力です。")


def test_the_rules_read_the_questions_words_but_never_the_page():
    # The option labels come from the questions' data (questions.py); the page's modules stay out.
    import ast
    from pathlib import Path

    import proposal_checker.rules as rules

    page = {"render", "flow", "web", "form", "lists", "static"}
    for source in Path(rules.__file__).parent.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = {(node.module or "").rsplit(".", 1)[-1]} | {a.name for a in node.names}
                assert not names & page, f"{source.name} imports {names & page}"
            elif isinstance(node, ast.Import):
                assert not {a.name.rsplit(".", 1)[-1] for a in node.names} & page, source.name
