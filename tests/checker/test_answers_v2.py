"""The answers format's version 2: the drafts' answers read with messages naming the field, version 1
files read with nothing lost, and a saved file that reads back the same."""
import json

import pytest

from drafts import KINDS, TRICKY, answers as draft_answers, with_changes
from proposal_checker.answers import VERSION, AnswersError, parse_answers, parse_answers_text
from proposal_checker.answers.fields import FIELDS, MAX_TABLE_ROWS, NARRATIVE
from scenarios import SCENARIOS, answers_of
from calls import resolve

V2 = {"format": "proposal-checker/answers", "version": 2}


def errors_of(data):
    with pytest.raises(AnswersError) as caught:
        parse_answers(data)
    return caught.value.errors


def test_this_checker_writes_version_2():
    assert VERSION == 2
    assert parse_answers({**V2, "version": 1}).to_json()["version"] == 2


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_every_version_1_file_reads_with_nothing_lost(scenario, call):
    data = resolve(answers_of(scenario), call)
    assert data["version"] == 1
    read = parse_answers(data)
    again = read.to_json()
    # Every answer, written back as version 2; read again, the same answers.
    assert again == {**data, "version": 2}
    assert parse_answers(again) == read


@pytest.mark.parametrize("kind", KINDS)
def test_a_draft_of_every_kind_survives_a_round_trip_through_a_file(kind, call):
    data = draft_answers(kind, call)
    read = parse_answers(data)
    text = json.dumps(read.to_json(), ensure_ascii=False, indent=2)
    assert parse_answers_text(text) == read
    assert read.to_json() == data      # the test's answers are already as a saved file holds them
    assert TRICKY == read.draft.text("business.purpose")


def test_the_drafts_answers_are_read_into_typed_values(call):
    read = parse_answers(draft_answers("new", call))
    assert read.proposers[0].address == "東京都千代田区霞が関1-1-1\n霞が関ビル2階"
    assert read.proposers[1].representative.title == "代表取締役"
    assert read.draft.day("period.start").isoformat() == "2026-07-01"
    assert read.draft.rows[2] == {"item": "氏名", "treatment": "delete"}
    assert read.draft.holds("measures") and not read.draft.holds("product")


@pytest.mark.parametrize("change, path, words", [
    ({"draft": {"processing": [{"treatment": "shred"}]}}, "draft.processing[0].treatment", "\"shred\" は使えません"),
    ({"draft": {"business": {"purpose": "長" * (NARRATIVE + 1)}}}, "draft.business.purpose", "長すぎます（2,001文字）。2,000文字以内"),
    ({"draft": {"contact": {"name": "名" * 201}}}, "draft.contact.name", "200文字以内"),
    ({"draft": {"contact": {"email": "no-at-sign"}}}, "draft.contact.email", "電子メールアドレスの形ではありません"),
    ({"draft": {"contact": {"telephone": "電話して"}}}, "draft.contact.telephone", "数字とハイフン"),
    ({"draft": {"period": {"start": "2026-02-30"}}}, "draft.period.start", "存在しない日付です"),
    ({"draft": {"period": {"end": 20260701}}}, "draft.period.end", "YYYY-MM-DD"),
    ({"draft": {"measures": {"colour": "red"}}}, "draft.measures.colour", "この項目は回答の形式にありません"),
    ({"draft": {"processing": {}}}, "draft.processing", "並びで書いてください"),
    ({"draft": {"processing": ["row"]}}, "draft.processing[0]", "オブジェクトで書いてください"),
    ({"draft": {"delivery": ["DVD"]}}, "draft.delivery", "文字列で書いてください"),
    ({"draft": []}, "draft", "オブジェクトで書いてください"),
    ({"proposers": [{"address": 5}]}, "proposers[0].address", "文字列で書いてください"),
    ({"proposers": [{"type": "individual", "representative": {"name": "甲"}}]}, "proposers[0].representative",
     "個人の提案者には、この項目はありません"),
    ({"proposers": [{"type": "corporation", "representative": {"role": "社長"}}]}, "proposers[0].representative.role",
     "この項目は回答の形式にありません"),
    ({"proposal": {"kind": "existing-extend"}, "draft": {"processing": [{"item": "住所"}]}}, "draft.processing",
     "法第118条"),
    ({"proposal": {"kind": "new"}, "draft": {"product": {"identification": "x"}}}, "draft.product", "法第112条"),
    ({"proposal": {"kind": "existing-new-user"}, "draft": {"contract": {"changes": "x"}}}, "draft.contract",
     "変更する提案か、利用期間を延長する提案"),
    ({"draft": {"business": {"entrusted": "no", "entrustment": "委託先"}}}, "draft.business.entrustment",
     "委託する"),
    ({"submission": {"agent": "no"}, "draft": {"agent": {"name": "代理 太郎"}}}, "draft.agent", "代理人が提案するとき"),
])
def test_each_bad_draft_answer_is_named_at_its_field(change, path, words):
    errors = errors_of({**V2, **change})
    assert [p for p, _ in errors] == [path], errors
    assert words in errors[0][1]


def test_a_table_over_its_limit_is_refused_with_how_many_rows_and_the_limit():
    rows = [{"item": f"項目{i}", "treatment": "delete"} for i in range(10_000)]
    (path, message), = errors_of({**V2, "draft": {"processing": rows}})
    assert path == "draft.processing"
    assert message == f"加工の方法の表は{MAX_TABLE_ROWS:,}行までです（10,000行あります）"
    assert parse_answers({**V2, "draft": {"processing": rows[:MAX_TABLE_ROWS]}}).draft.rows[-1]["item"] == "項目499"


def test_a_version_1_file_holding_version_2s_fields_names_them():
    data = {"format": "proposal-checker/answers", "version": 1, "proposers": [{"address": "東京都"}],
            "draft": {"delivery": "DVD"}}
    errors = errors_of(data)
    assert [p for p, _ in errors] == ["draft", "proposers[0].address"]
    assert all("版 2 の回答ファイルにだけあります" in m for _, m in errors)


def test_texts_are_kept_as_typed_and_empty_ones_mean_not_answered():
    read = parse_answers({**V2, "draft": {"business": {"purpose": "  目的\n二行目  ", "method": "   "},
                                          "processing": [{}, {"item": "氏名"}]}})
    assert read.draft.data == {"business": {"purpose": "目的\n二行目"}, "processing": [{}, {"item": "氏名"}]}
    # A row with nothing answered keeps its place, so the rows after it keep their numbers.
    assert read.draft.rows[1] == {"item": "氏名"}


def test_control_characters_are_the_drafts_business_not_the_formats(call):
    # The format takes any text within its limit; the draft removes what a document cannot hold, and
    # says so (tests/checker/test_drafting.py).
    data = with_changes(draft_answers("new", call), draft__business__method="A\x00B\x0bC")
    assert parse_answers(data).draft.text("business.method") == "A\x00B\x0bC"


def test_every_new_field_is_read_somewhere():
    # A field in the list that the reader does not read would be refused in every file as unknown.
    from proposal_checker.answers.drafts import DRAFT, _REPRESENTATIVE

    def paths(tree, prefix):
        for key, node in tree.items():
            if isinstance(node, dict):
                yield from paths(node, f"{prefix}{key}.")
            elif isinstance(node, tuple):
                yield f"{prefix}{key}[]"
                yield from paths(node[1], f"{prefix}{key}[].")
            else:
                yield f"{prefix}{key}"

    read = {*paths(DRAFT, "draft."), *paths(_REPRESENTATIVE, "proposers[].representative."), "proposers[].address"}
    assert read == {f.path for f in FIELDS if f.new}
