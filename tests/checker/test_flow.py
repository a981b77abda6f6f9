"""The question flow, question by question: which answer leads where, which input is rejected.

Driven through ``proposal_checker.web.handle`` (the same JSON the page sends), so these
tests also run inside Pyodide. Each test name says what a person sees.
"""
from __future__ import annotations

import re

import pytest

from proposal_checker import flow, paths, questions, web
from webpage import answers, ask, error_texts, fresh, page, submit, words  # noqa: F401  (fresh: autouse fixture)


def birth(year: str, month: str, day: str) -> dict:
    return {"p0__birth_date__year": year, "p0__birth_date__month": month, "p0__birth_date__day": day}


CLEAN_PERSON = {"p0__capacity": "no", "p0__bankruptcy": "none", "p0__sentence__status": "none",
                "p0__cancellation__status": "none"}


def to_individual_step(kind: str = "new") -> None:
    ask("start")
    ask("next")
    submit("kind", proposal__kind=kind)
    submit("proposers", p0__type="individual", p0__name="山田太郎")
    assert page() == "proposer-1"


# --- 1 提案の種類 ---------------------------------------------------------------------------


def test_start_leads_to_the_kind_question():
    response = ask("start")
    assert page() == "start"
    response = ask("next")
    assert page() == "kind"
    assert response["focus"] == "step-heading"
    assert response["announce"] == "ステップ 1 / 7：提案の種類"
    assert 'aria-current="step"' in response["html"]


def test_no_kind_chosen_is_rejected_with_an_error_summary_that_takes_focus():
    ask("start")
    ask("next")
    response = submit("kind")
    assert page() == "kind"
    assert response["title"].startswith("エラー：")
    assert response["focus"] == "error-summary"
    assert 'href="#f-proposal-kind-new"' in response["html"]
    assert error_texts(response) == ["＊提案の種類を選んでください"]
    assert 'aria-invalid="true"' in response["html"]


def test_a_new_proposal_has_seven_steps_and_an_existing_one_six():
    ask("start")
    ask("next")
    response = submit("kind", proposal__kind="new")
    assert page() == "proposers"
    assert response["announce"] == "ステップ 2 / 7：提案者"
    submit("proposers", "back")
    response = submit("kind", proposal__kind="existing-extend")
    assert response["announce"] == "ステップ 2 / 6：提案者"
    ids = [s.id for s in flow.steps(web.session().answers)]
    assert "processing" not in ids and "file" in ids


def test_an_unknown_kind_value_is_rejected():
    ask("start")
    ask("next")
    response = submit("kind", proposal__kind="something-else")
    assert error_texts(response) == ["＊提案の種類を選んでください"]


# --- 2 提案者 ---------------------------------------------------------------------------------


def test_proposer_type_is_required_and_the_name_is_optional():
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    response = submit("proposers")
    assert error_texts(response) == ["＊個人、法人、その他の団体のどれかを選んでください"]
    assert "※任意" in response["html"] and "※必須" in response["html"]
    submit("proposers", p0__type="individual")
    assert page() == "proposer-1"


def test_adding_a_proposer_makes_a_joint_proposal_with_a_step_per_proposer():
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    response = submit("proposers", "add-proposer", p0__type="individual", p0__name="山田")
    assert page() == "proposers"
    assert response["focus"] == "s-p1-heading"
    assert "提案者2" in response["html"]
    submit("proposers", p0__type="individual", p0__name="山田", p1__type="corporation", p1__name="株式会社A")
    ids = [s.id for s in flow.steps(web.session().answers)]
    assert ids[:4] == ["kind", "proposers", "proposer-1", "proposer-2"]


def test_removing_a_proposer_keeps_the_others_answers():
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    submit("proposers", "add-proposer", p0__type="individual", p0__name="山田")
    submit("proposers", "remove-proposer:0", p0__type="individual", p0__name="山田",
           p1__type="corporation", p1__name="株式会社A")
    assert answers()["proposers"] == [{"type": "corporation", "name": "株式会社A"}]


# --- 3 欠格事由（個人） ------------------------------------------------------------------------


def test_an_individual_is_asked_birth_date_and_capacity():
    to_individual_step()
    html = ask("start")["html"]
    assert 'id="f-p0-birth-date-year"' in html
    assert 'inputmode="numeric"' in html
    assert "精神の機能の障害" in html
    # 「わからない」 beside each question about the person (a box for the date, an option for the others).
    for unknown in ("f-p0-birth-date-unknown", "f-p0-capacity-unknown", "f-p0-bankruptcy-unknown",
                    "f-p0-sentence-status-unknown", "f-p0-cancellation-status-unknown"):
        assert f'id="{unknown}"' in html and f'for="{unknown}">わからない<' in html


def test_a_date_that_does_not_exist_is_rejected_and_what_was_typed_stays():
    to_individual_step()
    response = submit("proposer-1", **birth("2006", "2", "30"), **CLEAN_PERSON)
    assert page() == "proposer-1"
    assert "＊存在しない日付です" in error_texts(response)
    assert 'href="#f-p0-birth-date-year"' in response["html"]
    assert re.search(r'id="f-p0-birth-date-day" name="p0.birth_date.day" value="30"', response["html"])
    assert 'aria-describedby="f-p0-birth-date-hint f-p0-birth-date-error"' in response["html"]
    # The valid answers on the same page are kept.
    assert answers()["proposers"][0]["capacity"] == "no"


@pytest.mark.parametrize("parts, message", [
    (("2006", "", "1"), "＊月を入力してください"),
    (("", "", "1"), "＊年・月を入力してください"),
    (("06", "4", "1"), "＊年は西暦の4桁で入力してください（例：1990）"),
    (("2006", "13", "1"), "＊月は1から12までで入力してください"),
    (("2006", "四", "1"), "＊日付は半角数字で入力してください"),
    (("2030", "4", "1"), "＊今日より後の日付は入力できません"),
    (("1850", "4", "1"), "＊1900年から2100年までの日付を入力してください"),
])
def test_birth_date_errors(parts, message):
    to_individual_step()
    response = submit("proposer-1", **birth(*parts), **CLEAN_PERSON)
    assert error_texts(response) == [message]


def test_full_width_digits_are_accepted_in_dates():
    to_individual_step()
    submit("proposer-1", **birth("２００６", "０４", "１"), **CLEAN_PERSON)
    assert answers()["proposers"][0]["birth_date"] == "2006-04-01"


def test_a_missing_birth_date_asks_for_the_date_or_dont_know():
    to_individual_step()
    response = submit("proposer-1", **CLEAN_PERSON)
    assert error_texts(response) == ["＊生年月日を入力するか、「わからない」を選んでください"]


def test_dont_know_for_the_birth_date_is_recorded_as_unknown():
    to_individual_step()
    submit("proposer-1", p0__birth_date__unknown="unknown", **CLEAN_PERSON)
    assert answers()["proposers"][0]["birth_date"] == "unknown"
    assert page() == "file"


def test_a_date_and_dont_know_together_are_rejected():
    to_individual_step()
    response = submit("proposer-1", p0__birth_date__unknown="unknown", **birth("2000", "1", "1"), **CLEAN_PERSON)
    assert error_texts(response) == ["＊日付を入力するか「わからない」を選ぶか、どちらか一方にしてください"]


def test_every_personal_question_needs_an_answer():
    to_individual_step()
    response = submit("proposer-1", **birth("2000", "1", "1"))
    assert len(error_texts(response)) == 4
    assert response["html"].count('<li><a href="#f-p0-') == 4


def test_sentence_follow_ups_appear_only_when_they_apply():
    to_individual_step()
    fields = {"_step": ["proposer-1"], "p0.sentence.status": ["yes"]}
    live = ask("update", fields=fields)
    assert live["show"]["c-f-p0-sentence-state"] is True
    assert live["show"]["c-f-p0-sentence-ended-on"] is False
    live = ask("update", fields={**fields, "p0.sentence.state": ["ended"]})
    assert live["show"]["c-f-p0-sentence-ended-on"] is True
    live = ask("update", fields={"_step": ["proposer-1"], "p0.sentence.status": ["none"]})
    assert live["show"]["c-f-p0-sentence-state"] is False


def test_sentence_state_is_required_when_a_sentence_was_given():
    to_individual_step()
    response = submit("proposer-1", **birth("2000", "1", "1"), p0__capacity="no", p0__bankruptcy="none",
                      p0__sentence__status="yes", p0__cancellation__status="none")
    assert error_texts(response) == ["＊刑の執行が今どうなっているかを選んでください"]


def test_the_end_of_a_sentence_may_be_left_blank():
    to_individual_step()
    submit("proposer-1", **birth("2000", "1", "1"), p0__capacity="no", p0__bankruptcy="none",
           p0__sentence__status="yes", p0__sentence__state="ended", p0__cancellation__status="none")
    assert page() == "file"
    assert answers()["proposers"][0]["sentence"] == {"status": "yes", "state": "ended"}


def test_answers_to_follow_ups_that_no_longer_apply_are_not_used():
    to_individual_step()
    submit("proposer-1", **birth("2000", "1", "1"), p0__capacity="no", p0__bankruptcy="none",
           p0__sentence__status="yes", p0__sentence__state="ended",
           p0__sentence__ended_on__year="2025", p0__sentence__ended_on__month="1", p0__sentence__ended_on__day="5",
           p0__cancellation__status="none")
    ask("goto", step="proposer-1")
    submit("proposer-1", **birth("2000", "1", "1"), **CLEAN_PERSON)
    assert answers()["proposers"][0]["sentence"] == {"status": "none"}
    # Changing the answer back brings the follow-ups back: the hidden fields still hold them.
    html = ask("goto", step="proposer-1")["html"]
    assert re.search(r'<div class="checker-question" id="c-f-p0-sentence-state" hidden>', html)
    assert re.search(r'value="ended" class="checker-radio" checked', html)
    ask("update", fields={"_step": ["proposer-1"], "p0.sentence.status": ["yes"], "p0.sentence.state": ["ended"],
                          "p0.sentence.ended_on.year": ["2025"], "p0.sentence.ended_on.month": ["1"],
                          "p0.sentence.ended_on.day": ["5"]})
    assert answers()["proposers"][0]["sentence"]["ended_on"] == "2025-01-05"


# --- 3 欠格事由（法人・団体） ------------------------------------------------------------------


def to_body_step() -> None:
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    submit("proposers", p0__type="corporation", p0__name="株式会社A")
    assert page() == "proposer-1"


BODY_CLEAN = {"p0__bankruptcy": "none", "p0__sentence__status": "none", "p0__cancellation__status": "none"}


def officer(j: int, name: str, year: str = "1970") -> dict:
    p = f"p0__o{j}__"
    return {p + "name": name, p + "birth_date__year": year, p + "birth_date__month": "5", p + "birth_date__day": "5",
            p + "capacity": "no", p + "bankruptcy": "none", p + "sentence__status": "none",
            p + "cancellation__status": "none"}


def test_a_body_is_not_asked_its_birth_date_but_its_officers_are():
    to_body_step()
    html = ask("start")["html"]
    assert 'id="f-p0-birth-date-year"' not in html
    assert 'id="f-p0-o0-birth-date-year"' in html
    assert "この法律（個人情報の保護に関する法律）の規定により" in html
    assert "役員を追加する" in html


def test_officers_can_be_added_and_removed_keeping_the_others_answers():
    to_body_step()
    response = submit("proposer-1", "add-officer:0", **BODY_CLEAN, **officer(0, "甲"))
    assert response["focus"] == "s-p0-o1-heading"
    submit("proposer-1", "add-officer:0", **BODY_CLEAN, **officer(0, "甲"), **officer(1, "乙"))
    submit("proposer-1", "remove-officer:0:0", **BODY_CLEAN, **officer(0, "甲"), **officer(1, "乙"),
           p0__o2__name="丙")
    names = [o.get("name") for o in answers()["proposers"][0]["officers"]]
    assert names == ["乙", "丙"]


def test_an_invalid_officer_date_stays_as_typed_after_another_officer_is_removed():
    to_body_step()
    submit("proposer-1", "add-officer:0", **BODY_CLEAN, **officer(0, "甲"))
    bad = officer(1, "乙")
    bad["p0__o1__birth_date__day"] = "99"
    submit("proposer-1", "remove-officer:0:0", **BODY_CLEAN, **officer(0, "甲"), **bad)
    html = ask("start")["html"]
    assert re.search(r'id="f-p0-o0-birth-date-day" name="p0.o0.birth_date.day" value="99"', html)


def test_a_body_with_clean_answers_moves_on():
    to_body_step()
    submit("proposer-1", **BODY_CLEAN, **officer(0, "甲"))
    assert page() == "file"
    assert answers()["proposers"][0]["officers"][0]["birth_date"] == "1970-05-05"


def test_changing_a_body_to_an_individual_keeps_the_officers_for_later_but_does_not_use_them():
    to_body_step()
    submit("proposer-1", **BODY_CLEAN, **officer(0, "甲"))
    ask("goto", step="proposers")
    submit("proposers", p0__type="individual", p0__name="山田")
    assert "officers" not in answers()["proposers"][0]
    ask("goto", step="proposers")
    submit("proposers", p0__type="corporation", p0__name="株式会社A")
    assert answers()["proposers"][0]["officers"][0]["name"] == "甲"


# --- 4 対象ファイルと本人の数 / 5 加工の方法 / 6 提案の内容 ------------------------------------


def to_file_step() -> None:
    to_individual_step()
    submit("proposer-1", **birth("2000", "1", "1"), **CLEAN_PERSON)
    assert page() == "file"


@pytest.mark.parametrize("typed, message", [
    ("abc", "＊提案する本人の数は半角数字で入力してください（例：5000）"),
    ("-5", "＊提案する本人の数は半角数字で入力してください（例：5000）"),
    ("2000000000", "＊提案する本人の数は1,000,000,000以下で入力してください"),
    ("", "＊提案する本人の数を入力してください"),
])
def test_population_errors(typed, message):
    to_file_step()
    response = submit("file", proposal__file_name="ファイル", proposal__population=typed,
                      proposal__file_population__unknown="unknown")
    assert error_texts(response) == [message]


def test_population_accepts_full_width_digits_and_commas_and_file_population_dont_know():
    to_file_step()
    submit("file", proposal__file_name="ファイル", proposal__population="５，０００",
           proposal__file_population__unknown="unknown")
    assert answers()["proposal"]["population"] == 5000
    assert answers()["proposal"]["file_population"] == "unknown"
    assert page() == "processing"


def test_a_name_longer_than_200_characters_is_rejected():
    to_file_step()
    response = submit("file", proposal__file_name="あ" * 201, proposal__population="5000",
                      proposal__file_population="9000")
    assert error_texts(response) == ["＊対象の個人情報ファイルは200文字以内で入力してください（今は201文字です）"]


def test_processing_boxes_not_ticked_count_as_not_yet():
    to_file_step()
    submit("file", proposal__file_name="ファイル", proposal__population="5000", proposal__file_population="9000")
    submit("processing", proposal__processing=["identifiers", "individual_codes"])
    assert answers()["proposal"]["processing"] == {
        "identifiers": "yes", "individual_codes": "yes", "linking_codes": "not-yet",
        "idiosyncratic": "not-yet", "other": "not-yet"}
    assert page() == "content"


def test_content_needs_the_two_questions_and_leads_to_submission():
    to_file_step()
    submit("file", proposal__file_name="ファイル", proposal__population="5000", proposal__file_population="9000")
    submit("processing", proposal__processing=["identifiers"])
    response = submit("content")
    assert len(error_texts(response)) == 2
    submit("content", proposal__contribution="yes", proposal__period_of_use="not-yet",
           proposal__measures=["purpose_method"])
    assert page() == "submission"


def test_an_existing_proposal_is_asked_which_product_it_uses_and_no_population_or_processing():
    to_individual_step(kind="existing-new-user")
    response = submit("proposer-1", **birth("2000", "1", "1"), **CLEAN_PERSON)
    assert page() == "file"
    assert response["announce"] == "ステップ 4 / 6：利用する匿名加工情報"
    html = response["html"]
    assert "利用する作成済みの行政機関等匿名加工情報" in html and "法第117条" in html
    assert 'name="proposal.population"' not in html and 'name="proposal.file_population"' not in html
    assert error_texts(submit("file")) == ["＊利用する行政機関等匿名加工情報を入力してください"]
    submit("file", proposal__file_name="在留外国人統計の匿名加工情報")
    assert page() == "content"
    assert answers()["proposal"]["file_name"] == "在留外国人統計の匿名加工情報"


def test_answers_about_population_are_kept_but_not_used_once_the_kind_is_existing():
    to_file_step()
    submit("file", proposal__file_name="ファイル", proposal__population="5000", proposal__file_population="9000")
    ask("goto", step="kind")
    submit("kind", proposal__kind="existing-change")
    assert "population" not in answers()["proposal"] and answers()["proposal"]["file_name"] == "ファイル"
    ask("goto", step="kind")
    submit("kind", proposal__kind="new")
    assert answers()["proposal"]["population"] == 5000


# --- 7 提出 -----------------------------------------------------------------------------------


def to_submission_step(kind: str = "existing-change") -> None:
    to_individual_step(kind=kind)
    submit("proposer-1", **birth("2000", "1", "1"), **CLEAN_PERSON)
    submit("file", proposal__file_name="作成済みの匿名加工情報")
    submit("content", proposal__contribution="yes", proposal__period_of_use="yes", proposal__measures=["staff"])
    assert page() == "submission"


def test_hand_delivery_asks_for_the_time_and_post_for_the_posting_day():
    to_submission_step()
    live = ask("update", fields={"_step": ["submission"], "submission.method": ["hand"]})
    assert live["show"] == {"c-f-submission-time": True, "c-f-submission-posted-on": False}
    live = ask("update", fields={"_step": ["submission"], "submission.method": ["post"]})
    assert live["show"] == {"c-f-submission-time": False, "c-f-submission-posted-on": True}


def test_the_thirtieth_of_february_2026_does_not_exist():
    to_submission_step()
    response = submit("submission", submission__method="hand", submission__date__year="2026",
                      submission__date__month="2", submission__date__day="30", submission__agent="no",
                      submission__time__hour="10", submission__time__minute="00")
    assert error_texts(response) == ["＊存在しない日付です"]
    assert 'href="#f-submission-date-year"' in response["html"]
    assert "提案の日：存在しない日付です" in response["html"]


def test_hand_delivery_without_a_time_is_rejected():
    to_submission_step()
    response = submit("submission", submission__method="hand", submission__date__year="2026",
                      submission__date__month="3", submission__date__day="2", submission__agent="no")
    assert error_texts(response) == ["＊持って行く時刻を入力してください"]


@pytest.mark.parametrize("hour, minute, message", [
    ("25", "00", "＊時刻は0時から23時、0分から59分の範囲で入力してください"),
    ("10", "60", "＊時刻は0時から23時、0分から59分の範囲で入力してください"),
    ("", "30", "＊時を入力してください"),
    ("十", "0", "＊時刻は半角数字で入力してください"),
])
def test_time_errors(hour, minute, message):
    to_submission_step()
    response = submit("submission", submission__method="hand", submission__date__year="2026",
                      submission__date__month="3", submission__date__day="2", submission__agent="no",
                      submission__time__hour=hour, submission__time__minute=minute)
    assert error_texts(response) == [message]


def test_a_complete_submission_leads_to_the_review():
    to_submission_step()
    submit("submission", submission__method="hand", submission__date__year="2026", submission__date__month="3",
           submission__date__day="2", submission__time__hour="16", submission__time__minute="30",
           submission__agent="no", submission__posted_on__year="2026")
    assert page() == "review"
    assert answers()["submission"] == {"method": "hand", "date": "2026-03-02", "time": "16:30", "agent": "no"}


def test_a_body_is_asked_for_the_certificate_date_at_submission():
    ask("start")
    ask("next")
    submit("kind", proposal__kind="existing-extend")
    submit("proposers", p0__type="organisation")
    submit("proposer-1", **BODY_CLEAN, **officer(0, "甲"))
    submit("file", proposal__file_name="作成済みの匿名加工情報")
    submit("content", proposal__contribution="yes", proposal__period_of_use="yes")
    html = ask("start")["html"]
    assert 'id="f-p0-certificate-date-year"' in html
    response = submit("submission", submission__method="post", submission__date__year="2026",
                      submission__date__month="3", submission__date__day="13", submission__agent="no",
                      submission__posted_on__year="2026", submission__posted_on__month="3",
                      submission__posted_on__day="10")
    assert error_texts(response) == ["＊証明書の作成日を入力するか、「わからない」を選んでください"]


# --- the definitions themselves ---------------------------------------------------------------


def test_every_question_asking_about_a_person_offers_dont_know():
    for q in questions.GROUPS["person"] + questions.GROUPS["body"]:
        if q.options:
            assert "unknown" in [o.value for o in q.options], q.label
        elif q.key in (("birth_date",),):
            assert q.unknown


def test_field_names_map_to_answer_paths():
    assert paths.path_name(("proposers", 0, "officers", 3, "sentence", "ended_on")) == "p0.o3.sentence.ended_on"
    assert paths.field_id("p0.o3.sentence.ended_on") == "f-p0-o3-sentence-ended-on"


def test_the_questions_name_the_values_of_the_call_the_page_serves(call):
    from html import escape
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    html = words(ask("goto", step="file")["html"])
    assert f"提案する本人の数は、{call.minimum_population:,}人以上で" in html
    assert f"{escape(call.agency_name)}の「提案の対象となる個人情報ファイル」" in html
