"""The rules, scenario by scenario: each scenario in scenarios.json is named as a sentence."""
from datetime import datetime

import pytest

from proposal_checker.answers import parse_answers
from proposal_checker.dates import JST
from proposal_checker.evaluate import evaluate

from calls import CALL_IDS, load, resolve
from scenarios import SCENARIOS, answers_of

NOW = datetime(2026, 2, 10, 12, 0, tzinfo=JST)


def test_scenario_names_are_unique_sentences():
    names = [s["name"] for s in SCENARIOS]
    assert len(names) == len(set(names))
    assert len(SCENARIOS) >= 60


CASES = [(s, call_id) for s in SCENARIOS for call_id in CALL_IDS if call_id in s.get("calls", CALL_IDS)]


@pytest.mark.parametrize("scenario, call_id", CASES, ids=[f"{call_id}: {s['name']}" for s, call_id in CASES])
def test_scenario(scenario, call_id):
    call = load(call_id)
    scenario = resolve(scenario, call)
    result = evaluate(parse_answers(resolve(answers_of(scenario), call)), call, now=NOW)
    by_id = {f.id: f for f in result.findings}
    assert len(by_id) == len(result.findings), "finding ids are unique"
    for id, status in scenario.get("findings", {}).items():
        assert id in by_id, f"no finding {id}; have {sorted(by_id)}"
        assert by_id[id].status.value == status, f"{id}: {by_id[id].message}"
    for id in scenario.get("absent", []):
        assert id not in by_id
    for id, text in scenario.get("messages", {}).items():
        assert text in by_id[id].message
    documents = [d.id for d in result.documents]
    if "documents" in scenario:
        assert documents == scenario["documents"]
    conditional = {d.id for d in result.documents if d.condition}
    for id in scenario.get("conditional", []):
        assert id in conditional
    if "documents" in scenario:
        assert not conditional, "a complete answer leaves no document conditional"
    assert result.overall.value == scenario["overall"], [
        (f.id, f.status.value, f.message) for f in result.findings if f.status.value != "pass"]
