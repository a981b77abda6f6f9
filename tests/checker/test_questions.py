"""The questions file: read and checked on load, with messages that name the field."""
import copy

import pytest

from proposal_checker import questions
from proposal_checker.questions import QuestionsError, parse_catalogue


def _raw():
    import json
    import os
    path = os.path.join(os.path.dirname(questions.__file__), "data", "questions.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _error(mutate):
    data = copy.deepcopy(_raw())
    mutate(data)
    with pytest.raises(QuestionsError) as e:
        parse_catalogue(data)
    return str(e.value)


def test_the_packaged_file_reads_into_every_topic_of_the_flow():
    assert [t for t, _ in questions.CATALOGUE.by_topic] == [t.id for t in questions.TOPICS]


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["questions"]["kind"].pop("label"), "questions.kind.label: is missing"),
    (lambda d: d["questions"]["kind"].update(input="slider"), "questions.kind.input"),
    (lambda d: d["questions"]["kind"].update(lable="x"), "questions.kind.lable: unknown field"),
    (lambda d: d["questions"]["kind"]["options"][0].update(value=""), "questions.kind.options[0].value"),
    (lambda d: d["questions"]["birth_date"].update(options=[{"value": "a", "label": "b"}]),
     "questions.birth_date.options"),
    (lambda d: d["questions"]["sentence_state"].pop("when_text"), "questions.sentence_state.when_text"),
    (lambda d: d["questions"]["file_name"].update(hint="{agncy}"), "questions.file_name.hint: unknown placeholder"),
    (lambda d: d["questions"]["kind"].update(required="yes"), "questions.kind.required: must be a bool"),
    (lambda d: d["groups"]["person"].append("nobody"), "groups.person: names no question 'nobody'"),
    (lambda d: d["catalogue"][0].update(topic="nowhere"), "catalogue[0].topic"),
])
def test_a_wrong_field_is_named(mutate, where):
    assert where in _error(mutate)


def test_a_follow_up_is_asked_only_when_its_condition_holds():
    ended_on = questions.QUESTIONS["sentence_ended_on"]
    assert ended_on.conditional
    assert ended_on.asked({"sentence": {"status": "yes", "state": "ended"}})
    assert not ended_on.asked({"sentence": {"status": "yes", "state": "serving"}})
    assert not ended_on.asked({"sentence": {"status": "none"}})
    assert not ended_on.asked({})
    assert questions.QUESTIONS["kind"].asked({})


def test_call_values_are_filled_into_hints(call):
    hint = questions.call_text(questions.QUESTIONS["file_name"].hint, call)
    assert call.agency_name in hint and "{" not in hint
