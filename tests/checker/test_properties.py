"""Property tests over the answers format: any JSON value gives a result or a validation error
that names a field, never another exception. Run on CPython and, unchanged, inside Pyodide."""
from __future__ import annotations

import json
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proposal_checker import web
from proposal_checker.answers import AnswersError, parse_answers, parse_answers_text
from proposal_checker.dates import JST
from proposal_checker.evaluate import evaluate

from calls import CALL_IDS, load

NOW = datetime(2026, 2, 20, 10, 0, tzinfo=JST)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)

# Values shaped like the format, so the search reaches deep into its validation.
scalars = st.sampled_from([
    None, True, 0, -1, 999, 10**12, "", "unknown", "yes", "no", "not-yet", "none", "restored", "not-restored",
    "new", "existing-new-user", "hand", "post", "individual", "corporation", "organisation", "serving", "ended",
    "suspended", "2026-02-30", "2026-03-13", "2008-02-29", "17:00", "24:61", "<script>alert(1)</script>",
]) | json_values
person = st.fixed_dictionaries({}, optional={
    "type": scalars, "name": scalars, "birth_date": scalars, "capacity": scalars, "bankruptcy": scalars,
    "sentence": st.fixed_dictionaries({}, optional={"status": scalars, "state": scalars, "ended_on": scalars}) | scalars,
    "cancellation": st.fixed_dictionaries({}, optional={"status": scalars, "date": scalars}) | scalars,
    "certificate_date": scalars,
    "officers": st.lists(st.fixed_dictionaries({}, optional={"birth_date": scalars, "bankruptcy": scalars}), max_size=3) | scalars,
})
answers_like = st.fixed_dictionaries(
    {"format": st.sampled_from(["proposal-checker/answers", "other"]), "version": st.sampled_from([1, 2, "1"])},
    optional={
        "call": st.sampled_from(["r7-isa", "r8-isa", 7]),
        "proposal": st.fixed_dictionaries({}, optional={
            "kind": scalars, "file_name": scalars, "population": scalars, "file_population": scalars,
            "processing": st.dictionaries(st.sampled_from(["identifiers", "linking_codes", "x"]), scalars) | scalars,
            "contribution": scalars, "period_of_use": scalars,
            "measures": st.dictionaries(st.sampled_from(["staff", "disposal", "y"]), scalars) | scalars,
        }) | scalars,
        "proposers": st.lists(person, max_size=3) | scalars,
        "submission": st.fixed_dictionaries({}, optional={
            "method": scalars, "date": scalars, "time": scalars, "posted_on": scalars, "agent": scalars,
        }) | scalars,
        "extra": scalars,
    },
)


def check_outcome(value) -> None:
    try:
        answers = parse_answers(value)
    except AnswersError as error:
        assert error.errors, "an AnswersError must list at least one problem"
        for path, message in error.errors:
            assert isinstance(path, str) and isinstance(message, str) and message.strip()
        # Any problem below the top level names its field.
        if isinstance(value, dict) and value.get("format") == "proposal-checker/answers" and value.get("version") == 1:
            assert all(path or "回答" in message or "JSON" in message for path, message in error.errors)
        return
    for call_id in CALL_IDS:
        result = evaluate(answers, load(call_id), NOW)
        check_result(result)


def check_result(result) -> None:
    data = result.to_json()
    json.dumps(data)  # serialisable
    assert all(f["basis"] for f in data["findings"]), "every finding names its legal basis"


@SETTINGS
@given(json_values)
def test_any_json_value_gives_a_result_or_a_named_error(value):
    check_outcome(value)


@SETTINGS
@given(answers_like)
def test_answers_shaped_values_give_a_result_or_a_named_error(value):
    check_outcome(value)


@SETTINGS
@given(st.text(max_size=200) | json_values.map(json.dumps))
def test_any_text_gives_a_result_or_an_error(text):
    try:
        parse_answers_text(text)
    except AnswersError as error:
        assert error.errors


@SETTINGS
@given(st.fixed_dictionaries({"action": st.sampled_from(["start", "next", "back", "goto", "update", "load", "save", "review", "result", "clear", "bogus"]) | scalars},
                             optional={"fields": st.dictionaries(st.text(max_size=15), st.lists(st.text(max_size=15), max_size=2) | scalars, max_size=5) | scalars,
                                       "text": st.text(max_size=50) | answers_like.map(json.dumps), "step": scalars}))
def test_the_page_entry_never_raises(request):
    try:
        response = json.loads(web.handle(json.dumps(request)))
    finally:
        web.reset()  # the worker keeps one session's answers; leave none behind for other tests
    assert isinstance(response, dict) and ("html" in response or "result_html" in response or "announce" in response)
    for key in ("html", "result_html", "announce", "title"):
        assert isinstance(response.get(key, ""), str)
