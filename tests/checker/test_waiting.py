""""Waiting for an answer" is data: a finding names the answers it awaits and the findings it sums up,
and the live panel counts from those fields, never from the words of a message."""
import hashlib
import json
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from proposal_checker import render
from proposal_checker.answers import parse_answers
from proposal_checker.dates import JST
from proposal_checker.evaluate import evaluate
from proposal_checker.findings import Status

from calls import CALL_IDS, load, resolve

NOW = datetime(2026, 2, 10, 12, 0, tzinfo=JST)
HEAD = {"format": "proposal-checker/answers", "version": 1}
SCENARIOS = json.loads((Path(__file__).parent / "scenarios.json").read_text(encoding="utf-8"))

# Answers as a flow in progress leaves them: each step a little further.
PARTIAL = [
    {},
    {"proposal": {"kind": "new"}},
    {"proposal": {"kind": "existing-extend"}, "proposers": [{}]},
    {"proposal": {"kind": "new"}, "proposers": [{"type": "individual", "birth_date": "1990-04-01"}]},
    {"proposal": {"kind": "new"}, "proposers": [{"type": "individual", "capacity": "unknown", "bankruptcy": "none"}]},
    {"proposal": {"kind": "new"}, "proposers": [{"type": "corporation", "officers": [{}, {"capacity": "unknown"}]}]},
    {"proposal": {"kind": "new"}, "proposers": [{"type": "organisation", "officers": [{"capacity": "no"}]}]},
    {"proposal": {"kind": "new"}, "proposers": [{"type": "organisation"}, {"type": "individual"}]},
    {"proposal": {"kind": "new", "population": 10}, "proposers": [{"type": "individual",
                                                                     "sentence": {"status": "yes", "state": "ended"}}]},
    {"proposers": [{"type": "corporation", "certificate_date": "{opens-25d}"}],
     "submission": {"method": "post", "date": "unknown"}},
    {"proposal": {"kind": "new", "contribution": "not-yet"}, "submission": {"method": "hand", "agent": "unknown"}},
]


def result_of(data: dict, call):
    return evaluate(parse_answers(resolve({**HEAD, **data}, call)), call, NOW)


def reworded(result):
    """The same result with every message and note in other words (a different message stays different)."""
    def other(text: str) -> str:
        return "言い換え" + hashlib.sha256(text.encode()).hexdigest()[:12]
    return replace(result, findings=tuple(replace(f, message=other(f.message), notes=tuple(map(other, f.notes)))
                                          for f in result.findings))


def open_count(panel: str) -> int:
    found = re.search(r"まだ答えていない質問に関わる項目（<span class=\"nowrap\">(\d+)件", panel)
    return int(found.group(1)) if found else 0


@pytest.mark.parametrize("data", PARTIAL, ids=range(len(PARTIAL)))
def test_rewording_the_messages_changes_no_count_on_the_panel(data, call):
    fresh, result = result_of({}, call), result_of(data, call)
    panel = render.result_panel(result, fresh)
    assert render.result_panel(reworded(result), reworded(fresh)) == panel


def test_the_panel_counts_what_awaits_an_answer_as_open(call):
    fresh = result_of({}, call)
    result = result_of(PARTIAL[3], call)   # an individual with a birth date and nothing else
    waiting = [f for f in result.findings if f.awaits]
    assert waiting and all(f.status is Status.REVIEW for f in waiting)
    before = open_count(render.result_panel(result, fresh))
    assert before >= len(waiting)
    # A finding that awaited an answer and no longer does is judged: one fewer is open, one more to confirm.
    target = next(f for f in waiting if f.id == "population")
    settled = replace(result, findings=tuple(replace(f, awaits=()) if f is target else f for f in result.findings))
    assert open_count(render.result_panel(settled, fresh)) == before - 1


def test_a_finding_awaits_exactly_the_answer_it_is_missing(call):
    by_id = {f.id: f for f in result_of(PARTIAL[3], call).findings}
    assert by_id["proposer-1.113-1"].status is Status.PASS and by_id["proposer-1.113-1"].awaits == ()
    assert by_id["proposer-1.113-2"].awaits == ("proposers[0].capacity",)
    assert by_id["proposer-1.113-4"].awaits == ("proposers[0].sentence.status",)
    assert by_id["proposal.kind"].awaits == () and by_id["proposal.kind"].status is Status.PASS
    assert by_id["submission.agent"].awaits == ("submission.agent",)
    # 「わからない」 is an answer: a finding on it waits for nothing.
    by_id = {f.id: f for f in result_of(PARTIAL[4], call).findings}
    assert by_id["proposer-1.113-2"].status is Status.REVIEW and by_id["proposer-1.113-2"].awaits == ()
    assert by_id["proposer-1.113-1"].awaits == ("proposers[0].birth_date",)
    # An officer's answers are named by the officer's place.
    by_id = {f.id: f for f in result_of(PARTIAL[5], call).findings}
    assert by_id["proposer-1.officer-1.113-2"].awaits == ("proposers[0].officers[0].capacity",)
    assert by_id["proposer-1.officer-2.113-2"].awaits == ()
    # A proposal day answered 「わからない」 is awaited by no one.
    by_id = {f.id: f for f in result_of(PARTIAL[9], call).findings}
    assert not any("submission.date" in f.awaits for f in by_id.values())
    assert by_id["proposer-1.113-6"].awaits == ("proposers[0].officers",)
    assert by_id["submission.posted_on"].awaits == ("submission.posted_on",)


def test_the_summaries_name_what_they_sum_up(call):
    findings = result_of(PARTIAL[6], call).findings
    by_id = {f.id: f for f in findings}
    officers = [f.id for f in findings if f.id.startswith("proposer-1.officer-")]
    assert officers and by_id["proposer-1.113-6"].sums == tuple(officers)
    own = [f.id for f in findings if f.id.startswith("proposer-") and f.id != "proposer-1.certificate"]
    assert by_id["proposers"].sums == tuple(own)
    # The certificate is another rule's: the summary of the disqualifications does not take it in.
    assert "proposer-1.certificate" in by_id and "proposer-1.certificate" not in by_id["proposers"].sums


def test_a_summary_waits_while_all_it_sums_up_waits(call):
    # An organisation named, nothing answered about it: its certificate needs confirming (no answer can
    # settle it), but the disqualifications it sums up all wait, so the summary waits too.
    fresh, result = result_of({}, call), result_of(PARTIAL[7], call)
    by_id = {f.id: f for f in result.findings}
    assert by_id["proposer-1.certificate"].status is Status.REVIEW and not by_id["proposer-1.certificate"].awaits
    panel = render.result_panel(result, fresh)
    assert int(re.search(r'checker-count--review">.*?</span> (\d+)件', panel).group(1)) == 1   # the certificate


CASES = [(s, c) for s in SCENARIOS["scenarios"] for c in CALL_IDS if c in s.get("calls", CALL_IDS)]
PATH = re.compile(r"(proposal|submission)\.\w+|proposers(\[\d+\](\.officers\[\d+\])?(\.\w+)+)?")


def test_awaited_answers_are_named_by_their_paths_and_only_review_findings_wait():
    seen = 0
    for scenario, call_id in CASES + [({"base": "empty", "answers": data}, "r7-isa") for data in PARTIAL]:
        call = load(call_id)
        data = {**SCENARIOS["bases"][scenario["base"]]}
        for key, value in scenario["answers"].items():
            if value is None:
                data.pop(key, None)
            elif isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = {k: v for k, v in {**data[key], **value}.items() if v is not None}
            else:
                data[key] = value
        try:
            result = evaluate(parse_answers(resolve(data, call)), call, NOW)
        except ValueError:
            continue
        ids = {f.id for f in result.findings}
        for f in result.findings:
            assert not f.awaits or f.status is Status.REVIEW, f.id
            for path in f.awaits:
                assert PATH.fullmatch(path), (f.id, path)
                seen += 1
            assert set(f.sums) <= ids, f.id
            as_json = f.to_json()
            assert as_json.get("awaits", []) == list(f.awaits) and as_json.get("sums", []) == list(f.sums)
    assert seen > 50
