"""Every kind of proposal can answer every question its result asks about.

A finding says which answers it still awaits (``Finding.awaits``; its message says 「まだ回答していません」).
For each kind (法第112条, and
the three of 法第118条 and 公示5(1)（注1）) this walks the checker as the page does, answering what each
step asks, and checks that nothing is left unanswered; and, with nothing answered, that the result
asks only about questions the flow puts to that kind.
"""
import copy

import pytest

from proposal_checker import flow, web
from proposal_checker.answers import KINDS, parse_answers
from proposal_checker.paths import get
from proposal_checker.rules import Context, all_rules

from calls import resolve
from scenarios import DATA
from webpage import ask, error_texts, fresh, page  # noqa: F401  (fresh: autouse fixture)


def applicant(kind: str) -> dict:
    """Complete answers of a joint proposal by an individual and a company with one officer."""
    call = web._call()
    data = resolve(copy.deepcopy(DATA["bases"]["individual"]), call)
    data["proposers"] += resolve(DATA["bases"]["corporation"], call)["proposers"]
    data["proposal"]["kind"] = kind
    return data


def step_fields(step: flow.Step, want: dict) -> dict:
    """The form of ``step`` filled in from ``want``, as the browser would send it (a follow-up's
    fields are in the form even while hidden)."""
    fields = {"_step": [step.id]}
    for f in step.fields:
        value = get(want, f.path)
        if value is not None:
            fields.update(f.question.input.form_values(f.question, f.name, value))
    return fields


def walk(want: dict) -> list[str]:
    """Answer every step the flow shows until the review page; the steps seen, in order."""
    ask("start")
    ask("next")
    seen = []
    while page() != "review":
        assert len(seen) < 20, seen
        step = flow.step_by_id(web.session().answers, page())
        if step.add and step.id == "proposers" and len(flow.proposers_of(web.session().answers)) < len(want["proposers"]):
            ask(step.add[0], fields=step_fields(step, want))
            continue
        response = ask("next", fields=step_fields(step, want))
        assert page() != step.id, error_texts(response)
        seen.append(step.id)
    return seen


@pytest.mark.parametrize("kind", KINDS)
def test_answering_every_step_leaves_nothing_unanswered(kind):
    seen = walk(applicant(kind))
    assert ("processing" in seen) is (kind == "new")
    assert "file" in seen
    findings = web._evaluate().findings
    assert findings
    assert [f"{f.id}: {f.awaits}" for f in findings if f.awaits] == []


@pytest.mark.parametrize("kind", (None,) + KINDS)
def test_the_result_asks_only_about_questions_the_flow_asks(kind):
    """With nothing answered but who proposes, each rule whose findings await an answer is fed by a
    question this kind of proposal is asked."""
    data = {"format": "proposal-checker/answers", "version": 1,
            "proposers": [{"type": "individual"}, {"type": "corporation", "officers": [{}]}]}
    if kind:
        data["proposal"] = {"kind": kind}
    asked = {r.id for s in flow.steps(data) for f in s.fields if f.applies for r in f.question.feeds}
    ctx = Context(parse_answers(data), web._call())
    unanswered = {r.id for r in all_rules() for f in r.check(ctx) if f.awaits}
    assert unanswered
    assert unanswered <= asked
    # The file's question, in the words for this kind.
    assert ("product" in unanswered) is (kind not in (None, "new"))
