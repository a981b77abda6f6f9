"""Parsing the answers: every bad value is an AnswersError naming its field, never another exception."""
import json
from datetime import date, time

import pytest

from proposal_checker.answers import (
    MAX_BYTES, AnswersError, Answers, json_depth, parse_answers, parse_answers_text,
)

HEAD = {"format": "proposal-checker/answers", "version": 2}


def with_(**parts):
    return {**HEAD, **parts}


def errors_of(data):
    with pytest.raises(AnswersError) as caught:
        parse_answers(data)
    return caught.value.errors


def paths_of(data):
    return [path for path, _ in errors_of(data)]


def test_the_smallest_answers_are_valid_and_mean_nothing_answered():
    answers = parse_answers(HEAD)
    assert answers == Answers()


def test_complete_answers_are_read_into_typed_values():
    answers = parse_answers(with_(
        call="r7-isa",
        proposal={"kind": "new", "population": 1000, "file_population": "unknown", "processing": {"other": "yes"}},
        proposers=[{"type": "corporation", "certificate_date": "2026-01-15",
                    "officers": [{"name": "甲", "birth_date": "1970-05-05",
                                  "sentence": {"status": "yes", "state": "ended", "ended_on": "2024-03-01"}}]}],
        submission={"method": "hand", "date": "2026-03-13", "time": "17:00", "agent": "no"},
    ))
    assert answers.proposal.file_population == "unknown"
    assert answers.proposal.processing == {"other": "yes"}
    assert answers.proposers[0].certificate_date == date(2026, 1, 15)
    assert answers.proposers[0].officers[0].sentence.ended_on == date(2024, 3, 1)
    assert answers.submission.time == time(17, 0)


def test_answers_survive_a_round_trip_through_json():
    data = with_(
        call="r7-isa",
        proposal={"kind": "new", "file_name": "ファイル", "population": 1000, "file_population": 2000,
                  "processing": {"other": "yes"}, "contribution": "not-yet", "measures": {"staff": "yes"}},
        proposers=[{"type": "individual", "name": "山田", "birth_date": "unknown", "capacity": "no",
                    "bankruptcy": "none", "sentence": {"status": "none"},
                    "cancellation": {"status": "yes", "date": "2024-01-01"}},
                   {"type": "organisation", "certificate_date": "unknown", "officers": []}],
        submission={"method": "post", "date": "2026-03-12", "posted_on": "2026-03-09", "agent": "unknown"},
    )
    answers = parse_answers(data)
    assert answers.to_json() == data
    assert parse_answers(json.loads(json.dumps(answers.to_json()))) == answers


@pytest.mark.parametrize("data, path", [
    ([], ""),
    ("text", ""),
    (None, ""),
    (42, ""),
    ({"version": 1}, "format"),
    ({"format": "other", "version": 1}, "format"),
    ({"format": "proposal-checker/answers"}, "version"),
    (with_(version=3), "version"),
    (with_(version=0), "version"),
    (with_(version=True), "version"),
    (with_(version="1"), "version"),
    (with_(call=""), "call"),
    (with_(call=7), "call"),
    (with_(extra=1), "extra"),
    (with_(proposal=[]), "proposal"),
    (with_(proposal={"kind": "newish"}), "proposal.kind"),
    (with_(proposal={"kind": ["new"]}), "proposal.kind"),
    (with_(proposal={"population": True}), "proposal.population"),
    (with_(proposal={"population": 1000.0}), "proposal.population"),
    (with_(proposal={"population": -1}), "proposal.population"),
    (with_(proposal={"population": 10**9 + 1}), "proposal.population"),
    (with_(proposal={"population": "1000"}), "proposal.population"),
    (with_(proposal={"file_population": "many"}), "proposal.file_population"),
    (with_(proposal={"file_population": {"n": 1}}), "proposal.file_population"),
    (with_(proposal={"file_name": "あ" * 201}), "proposal.file_name"),
    (with_(proposal={"file_name": 5}), "proposal.file_name"),
    (with_(proposal={"processing": {"identifiers": True}}), "proposal.processing.identifiers"),
    (with_(proposal={"processing": {"colour": "yes"}}), "proposal.processing.colour"),
    (with_(proposal={"processing": "yes"}), "proposal.processing"),
    (with_(proposal={"measures": {"staff": "no"}}), "proposal.measures.staff"),
    (with_(proposal={"contribution": "done"}), "proposal.contribution"),
    (with_(proposal={"period_of_use": 1}), "proposal.period_of_use"),
    (with_(proposal={"kind": "existing-change", "population": 1000}), "proposal.population"),
    (with_(proposers={}), "proposers"),
    (with_(proposers=[]), "proposers"),
    (with_(proposers=[{}] * 21), "proposers"),
    (with_(proposers=[1]), "proposers[0]"),
    (with_(proposers=[{"type": "robot"}]), "proposers[0].type"),
    (with_(proposers=[{"birth_date": "2026-02-30"}]), "proposers[0].birth_date"),
    (with_(proposers=[{"birth_date": "2026/02/01"}]), "proposers[0].birth_date"),
    (with_(proposers=[{"birth_date": 20260201}]), "proposers[0].birth_date"),
    (with_(proposers=[{"birth_date": "1899-12-31"}]), "proposers[0].birth_date"),
    (with_(proposers=[{"birth_date": "+12026-01-01"}]), "proposers[0].birth_date"),
    (with_(proposers=[{"capacity": False}]), "proposers[0].capacity"),
    (with_(proposers=[{"bankruptcy": "yes"}]), "proposers[0].bankruptcy"),
    (with_(proposers=[{"sentence": "none"}]), "proposers[0].sentence"),
    (with_(proposers=[{"sentence": {"status": "no"}}]), "proposers[0].sentence.status"),
    (with_(proposers=[{"sentence": {"status": "yes", "state": "over"}}]), "proposers[0].sentence.state"),
    (with_(proposers=[{"sentence": {"status": "yes", "state": "ended", "ended_on": "2024-02-30"}}]),
     "proposers[0].sentence.ended_on"),
    (with_(proposers=[{"sentence": {"status": "none", "state": "ended"}}]), "proposers[0].sentence.state"),
    (with_(proposers=[{"sentence": {"status": "yes", "state": "serving", "ended_on": "2024-01-01"}}]),
     "proposers[0].sentence.ended_on"),
    (with_(proposers=[{"sentence": {"status": "yes", "when": 1}}]), "proposers[0].sentence.when"),
    (with_(proposers=[{"cancellation": {"status": "none", "date": "2024-01-01"}}]), "proposers[0].cancellation.date"),
    (with_(proposers=[{"cancellation": {"status": "yes", "date": "yesterday"}}]), "proposers[0].cancellation.date"),
    (with_(proposers=[{"type": "individual", "officers": []}]), "proposers[0].officers"),
    (with_(proposers=[{"type": "individual", "certificate_date": "2026-01-01"}]), "proposers[0].certificate_date"),
    (with_(proposers=[{"type": "corporation", "birth_date": "2000-01-01"}]), "proposers[0].birth_date"),
    (with_(proposers=[{"type": "corporation", "capacity": "no"}]), "proposers[0].capacity"),
    (with_(proposers=[{"type": "corporation", "certificate_date": "soon"}]), "proposers[0].certificate_date"),
    (with_(proposers=[{"type": "corporation", "officers": {"name": "甲"}}]), "proposers[0].officers"),
    (with_(proposers=[{"type": "corporation", "officers": [{}] * 51}]), "proposers[0].officers"),
    (with_(proposers=[{"type": "corporation", "officers": [{"type": "individual"}]}]), "proposers[0].officers[0].type"),
    (with_(proposers=[{"type": "corporation", "officers": [{"birth_date": "2026-02-29"}]}]),
     "proposers[0].officers[0].birth_date"),
    (with_(proposers=[{"type": "corporation", "officers": [[[]]]}]), "proposers[0].officers[0]"),
    (with_(proposers=[{"name": "x" * 201}]), "proposers[0].name"),
    (with_(submission=None), "submission"),
    (with_(submission={"method": "fax"}), "submission.method"),
    (with_(submission={"date": "2026-13-01"}), "submission.date"),
    (with_(submission={"time": "25:00"}), "submission.time"),
    (with_(submission={"time": "9:00"}), "submission.time"),
    (with_(submission={"time": 900}), "submission.time"),
    (with_(submission={"time": "12:60"}), "submission.time"),
    (with_(submission={"method": "post", "time": "10:00"}), "submission.time"),
    (with_(submission={"method": "hand", "posted_on": "2026-03-01"}), "submission.posted_on"),
    (with_(submission={"agent": "maybe"}), "submission.agent"),
    (with_(submission={"posted_on": []}), "submission.posted_on"),
])
def test_each_bad_value_is_reported_at_its_field(data, path):
    errors = errors_of(data)
    assert path in [p for p, _ in errors], errors
    assert all(isinstance(message, str) and message for _, message in errors)


def test_an_impossible_date_is_named_as_such():
    errors = errors_of(with_(proposers=[{"birth_date": "2026-02-30"}]))
    assert errors == [("proposers[0].birth_date", "存在しない日付です（2026-02-30）")]


def test_all_problems_are_reported_at_once():
    paths = paths_of(with_(proposal={"kind": "x", "population": -5}, submission={"method": "y", "date": "z"}))
    assert paths == ["proposal.kind", "proposal.population", "submission.method", "submission.date"]


def test_null_means_not_answered():
    answers = parse_answers(with_(proposal={"kind": None}, submission={"date": None}))
    assert answers.proposal.kind is None and answers.submission.date is None


def test_answers_saved_for_another_call_are_read_with_that_calls_id_kept():
    # Never refused and never dropped: the rules check them against the current call and say so.
    answers = parse_answers(with_(call="r6-isa", submission={"date": "2025-03-02"}))
    assert answers.call == "r6-isa" and answers.submission.date.isoformat() == "2025-03-02"


def test_the_error_message_names_each_field():
    with pytest.raises(AnswersError) as caught:
        parse_answers(with_(submission={"time": "25:00"}))
    assert "submission.time" in str(caught.value)


# -- from text ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "", "{", "not json", "{'format': 1}", '{"a": 1} trailing', "NaN", '{"version": Infinity}',
    '{"format": "proposal-checker/answers", "version": 1, "version": 1}',
    "[" * 100_000, "{\"a\":" * 50_000, "1e999999", "9" * 5000, '"\\ud800"',
])
def test_any_text_is_either_answers_or_an_answers_error(text):
    with pytest.raises(AnswersError) as caught:
        parse_answers_text(text)
    assert caught.value.errors and all(path == "" or isinstance(path, str) for path, _ in caught.value.errors)


def test_too_large_text_is_refused_before_parsing():
    text = json.dumps(with_(pad=" " * MAX_BYTES))
    with pytest.raises(AnswersError) as caught:
        parse_answers_text(text)
    assert "1MB" in caught.value.errors[0][1]


def test_deep_nesting_is_refused_without_recursion():
    text = '{"format": "proposal-checker/answers", "version": 1, "x": ' + "[" * 21 + "]" * 21 + "}"
    with pytest.raises(AnswersError) as caught:
        parse_answers_text(text)
    assert "入れ子" in caught.value.errors[0][1]


def test_twenty_levels_are_allowed_and_then_reported_as_unknown_fields():
    text = '{"format": "proposal-checker/answers", "version": 1, "x": ' + "[" * 19 + "]" * 19 + "}"
    with pytest.raises(AnswersError) as caught:
        parse_answers_text(text)
    assert caught.value.errors[0][0] == "x"


def test_depth_ignores_brackets_inside_strings():
    assert json_depth('{"a": "[[[[{{{{\\"]]"}') == 1
    assert json_depth("[[], [[]]]") == 3


def test_a_duplicate_key_is_an_error():
    with pytest.raises(AnswersError) as caught:
        parse_answers_text('{"format": "proposal-checker/answers", "version": 1, "version": 2}')
    assert "version" in caught.value.errors[0][1]


def test_valid_text_parses():
    answers = parse_answers_text(json.dumps(with_(submission={"method": "hand"})))
    assert answers.submission.method == "hand"


def test_non_text_is_an_answers_error():
    with pytest.raises(AnswersError):
        parse_answers_text(b"{}")  # type: ignore[arg-type]


def test_garbage_values_never_raise_anything_else():
    # A small deterministic fuzz over JSON-like values in every position of the format.
    values = [None, True, False, 0, -1, 1.5, 10**30, "", "unknown", "yes", "2026-02-30", [], [1], {}, {"x": 1},
              [{"type": "individual"}], {"status": "yes"}]
    fields = ["format", "version", "call", "proposal", "proposers", "submission"]
    inner = {
        "proposal": ["kind", "file_name", "population", "file_population", "processing", "contribution", "measures"],
        "submission": ["method", "date", "time", "posted_on", "agent"],
    }
    outcomes = []
    for value in values:
        for field in fields:
            outcomes.append(_parse_or_error({**HEAD, field: value}))
        for outer, keys in inner.items():
            for key in keys:
                outcomes.append(_parse_or_error({**HEAD, outer: {key: value}}))
        for key in ["type", "name", "birth_date", "capacity", "bankruptcy", "sentence", "cancellation",
                    "certificate_date", "officers"]:
            outcomes.append(_parse_or_error({**HEAD, "proposers": [{key: value}]}))
            outcomes.append(_parse_or_error({**HEAD, "proposers": [{"type": "corporation", "officers": [{key: value}]}]}))
            outcomes.append(_parse_or_error(
                {**HEAD, "proposers": [{"sentence": {"status": "yes", "state": value, "ended_on": value}}]}))
    # Both kinds occur: the fuzz reaches the parser's acceptance and its rejections.
    assert any(isinstance(o, Answers) for o in outcomes) and any(isinstance(o, AnswersError) for o in outcomes)
    # A wrong type in a proposer is named by its path.
    error = _parse_or_error({**HEAD, "proposers": [{"birth_date": 10**30}]})
    assert isinstance(error, AnswersError) and any("birth_date" in path for path, _ in error.errors)


def _parse_or_error(data):
    """Either answers, or an AnswersError that names at least one problem, each with a message."""
    try:
        return parse_answers(data)
    except AnswersError as error:
        assert error.errors and all(message for _path, message in error.errors), data
        return error


def test_a_proposal_day_answered_unknown_is_read_apart_from_the_date_and_saved_back():
    data = with_(submission={"method": "unknown", "date": "unknown"})
    answers = parse_answers(data)
    assert answers.submission.date is None and answers.submission.date_unknown
    assert answers.to_json() == data
    # A file saved before 「わからない」 was offered still reads as it did.
    earlier = parse_answers(with_(submission={"method": "hand", "date": "2026-03-13"}))
    assert earlier.submission.date == date(2026, 3, 13) and not earlier.submission.date_unknown


# -- what an applicant is told about a file that cannot be read (the page shows ``summary``) -------

@pytest.mark.parametrize("text", [
    "これは JSON ではありません",
    "%PDF-1.7\n%âãÏÓ",
    "[]",
    '{"name": "山田", "items": [1, 2, 3]}',
    '{"format": "other-tool/settings", "version": 1}',
    "[" * 5000 + "]" * 5000,
], ids=["text", "pdf", "a-list", "other-json", "other-format", "deep"])
def test_a_file_that_is_not_an_answers_file_is_told_so_in_plain_words(text):
    with pytest.raises(AnswersError) as caught:
        parse_answers_text(text)
    error = caught.value
    assert error.summary.startswith("このファイルは、このページで保存した回答ファイルではありません。")
    assert "「回答をファイルに保存」で保存したファイル" in error.summary
    assert not error.show_errors, "a foreign file's own fields mean nothing to the applicant"
    assert "proposal-checker/answers" not in error.summary and "JSON" not in error.summary
    assert error.errors, "the command line still gets the technical reason"


def test_a_damaged_answers_file_is_told_so_and_names_each_field():
    with pytest.raises(AnswersError) as caught:
        parse_answers_text(json.dumps(with_(proposers=[{"type": "individual", "birth_date": "2026-02-30"}])))
    error = caught.value
    assert "壊れているか、書き換えられています" in error.summary and error.show_errors
    assert error.errors == [("proposers[0].birth_date", "存在しない日付です（2026-02-30）")]


def test_an_answers_file_broken_by_hand_says_where_it_broke():
    with pytest.raises(AnswersError) as caught:
        parse_answers_text('{"format": "proposal-checker/answers", "version": 1,,}')
    error = caught.value
    assert "壊れているか" in error.summary and error.show_errors
    assert "1行目" in error.errors[0][1]


def test_a_file_of_another_version_is_told_so():
    with pytest.raises(AnswersError) as caught:
        parse_answers_text('{"format": "proposal-checker/answers", "version": 3}')
    error = caught.value
    assert "別の版のチェッカーで保存された" in error.summary and "版 3" in error.summary
    assert "読めるのは版 1 と版 2 です" in error.summary
    assert not error.show_errors


def test_a_file_too_large_says_the_limit_and_what_to_choose():
    with pytest.raises(AnswersError) as caught:
        parse_answers_text(json.dumps(with_(pad=" " * MAX_BYTES)))
    assert "ファイルが大きすぎます" in caught.value.summary and "1MB" in caught.value.summary
    assert "「回答をファイルに保存」で保存したファイル" in caught.value.summary
