"""The questions file: read and checked on load, with messages that name the field."""

import pytest

from proposal_checker import questions
from proposal_checker.questions import QuestionsError, parse_catalogue
from proposal_checker.datafiles import read_json
from datafile_errors import refused


def _raw():
    return read_json("questions.json")


def _error(mutate):
    return refused(_raw(), parse_catalogue, QuestionsError, mutate)


def test_the_packaged_file_reads_into_every_topic_of_the_flow():
    assert [t for t, _ in questions.CATALOGUE.by_topic] == [t.id for t in questions.TOPICS]


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["questions"]["kind"].pop("label"), "questions.kind.label: is missing"),
    (lambda d: d["questions"]["kind"].update(input="slider"), "questions.kind.input"),
    (lambda d: d["questions"]["kind"].update(lable="x"), "questions.kind.lable: unknown field"),
    (lambda d: d["questions"]["kind"].update(options="kinds"), "questions.kind.options: names no answer"),
    (lambda d: d["questions"]["birth_date"].update(options=[{"value": "a", "label": "b"}]),
     "questions.birth_date.options"),
    (lambda d: d["questions"]["sentence_state"].pop("when_text"), "questions.sentence_state.when_text"),
    (lambda d: d["questions"]["file_name"].update(hint="{agncy}"), "questions.file_name.hint: unknown placeholder"),
    (lambda d: d["questions"]["kind"].update(required="yes"), "questions.kind.required: must be a bool"),
    (lambda d: d["groups"]["person"].append("nobody"), "groups.person: names no question 'nobody'"),
    (lambda d: d["catalogue"][0].update(topic="nowhere"), "catalogue[0].topic"),
    (lambda d: d["questions"]["population"].update(feeds=["population", "headcount"]),
     "questions.population.feeds[1]: names no rule 'headcount'"),
    (lambda d: d["questions"]["kind"].pop("feeds"), "questions.kind.feeds: is missing"),
    (lambda d: d["questions"]["kind"].update(feeds="kind"), "questions.kind.feeds: must be a list"),
    (lambda d: d["questions"]["capacity"].update(item="113-9"), "questions.capacity.item: names no item"),
    (lambda d: d["questions"]["kind"].update(item="113-1"), "questions.kind.item: goes with feeds"),
    # The groups follow the rules' split of 法第113条: a body itself is not screened on items 1 and 2,
    # a person is screened on items 1 to 5.
    (lambda d: d["groups"]["body"].append("capacity"), "groups.body: asks about 113-2, which the rules do not"),
    (lambda d: d["groups"]["officer"].remove("capacity"), "groups.officer: asks nothing about 113-2"),
    (lambda d: d["groups"]["person"].remove("birth_date"), "groups.person: asks nothing about 113-1"),
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


def test_a_question_is_asked_for_the_kinds_the_rules_it_feeds_apply_to():
    q = questions.QUESTIONS
    # 法第118条第2項: no 本人の数 and no processing method for a product already made.
    for name in ("population", "file_population", "processing", "file_name"):
        assert q[name].scope == "new"
        assert q[name].for_kind("new") and q[name].for_kind(None)
        assert not q[name].for_kind("existing-extend")
    assert q["product_name"].scope == "existing"
    assert q["product_name"].for_kind("existing-new-user") and not q["product_name"].for_kind("new")
    assert not q["product_name"].for_kind(None)     # until the kind is chosen, the new proposal's wording
    # A question feeding rules of every kind, or only naming a person, is asked of every kind.
    for name in ("submit_date", "name", "contribution"):
        assert q[name].scope == "" and all(q[name].for_kind(k) for k in ("new", "existing-change", None))


def test_the_static_checklist_says_for_which_kinds_a_question_is_asked(call):
    from proposal_checker.static import static_checklist_html
    html = static_checklist_html(call)
    product = html.index(questions.QUESTIONS["product_name"].label)
    assert html.index("聞くとき：作成済みの匿名加工情報の利用の提案（法第118条）の場合", product) < html.index("</li>", product)
    population = html.index(questions.QUESTIONS["population"].label)
    assert html.index("聞くとき：新たな作成の提案（法第112条）の場合", population) < html.index("</li>", population)


def test_call_values_are_filled_into_hints(call):
    hint = questions.call_text(questions.QUESTIONS["file_name"].hint, call)
    assert call.agency_name in hint and "{" not in hint
