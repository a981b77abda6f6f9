"""The second legal review (December 2026): one or more tests per point, on both test calls.

Each point is named by its number in the review. Dates come from the call (the ``call`` fixture runs
each test on both test calls), never from literal dates.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from html import unescape
from pathlib import Path

import pytest

from proposal_checker import cli, flow, questions, render
from proposal_checker.answers import (
    SENTENCE_STATE, Answers, Cancellation, Person, Proposal, Proposer, Sentence, Submission, parse_answers,
)
from proposal_checker.citations import citation_href
from proposal_checker.dates import JST, add_years
from proposal_checker.evaluate import evaluate, submission_guide
from proposal_checker.findings import STATUS_ORDER, Status
from proposal_checker.rules import Context, all_rules, content, disqualification, documents, kind, processing, submission
from proposal_checker.static import rules_html, static_checklist_html

from calls import CALL_IDS, day, load, resolve

DAY = timedelta(days=1)
HEAD = {"format": "proposal-checker/answers", "version": 1}
MEASURES = {k: "yes" for k in content.MEASURES}
PROCESSING = {k: "yes" for k in processing.STANDARDS}
EXISTING = ("existing-new-user", "existing-change", "existing-extend")
SCENARIOS = json.loads((Path(__file__).parent / "scenarios.json").read_text(encoding="utf-8"))


def clear(call, **over):
    return {**dict(birth_date=call.opens.replace(year=call.opens.year - 40), capacity="no", bankruptcy="none",
                   sentence=Sentence(status="none"), cancellation=Cancellation(status="none")), **over}


def ctx(call, proposal=None, proposers=(), sub=None):
    return Context(Answers(proposal=proposal or Proposal(), proposers=tuple(proposers),
                           submission=sub or Submission()), call)


def complete(kind_="new"):
    """Every content answer written: the proposal states all the checker asks."""
    new = kind_ == "new"
    return Proposal(kind=kind_, file_name="ファイル", population=5000 if new else None,
                    file_population=100000 if new else None, processing=PROCESSING if new else {},
                    contribution="yes", period_of_use="yes", measures=MEASURES)


def office_day(call, start):
    d = start
    while not call.is_office_day(d):
        d += DAY
    return d


def result_of(call, proposal=None, proposers=None, sub=None):
    proposers = proposers or (Proposer(type="individual", **clear(call)),)
    sub = sub or Submission(method="hand", date=office_day(call, call.opens + 7 * DAY),
                            time=call.hand_opens_at.replace(hour=call.hand_opens_at.hour + 1), agent="no")
    return evaluate(Answers(proposal=proposal or complete(), proposers=tuple(proposers), submission=sub),
                    call, now=datetime.combine(call.opens, time(10), JST))


def by_id(result):
    return {f.id: f for f in result.findings}


def text(html: str) -> str:
    return re.sub(r"\s+", "", unescape(re.sub(r"<[^>]+>", "", html)))


# -- 1. 法第118条 proposals and this call's period ---------------------------------------------

def _date_finding(call, kind_, method, when, **more):
    [f] = submission.check_date(ctx(call, Proposal(kind=kind_), sub=Submission(method=method, date=when, **more)))
    return f


@pytest.mark.parametrize("kind_", EXISTING)
@pytest.mark.parametrize("method", ["post", "hand", None])
def test_an_article_118_proposal_outside_this_calls_period_is_review_citing_article_117_3(call, kind_, method):
    for when in (office_day(call, call.closes + 3 * DAY), call.opens - 7 * DAY):
        if method == "hand":
            when = office_day(call, when)
        f = _date_finding(call, kind_, method, when)
        assert f.status is Status.REVIEW, f.message
        assert "法第117条第3号" in f.basis and "法第117条第3号" in f.message
        assert "個人情報ファイル簿" in f.message
        assert call.office in f.message and call.telephone in f.message


def test_a_new_proposal_outside_the_period_still_fails(call):
    assert _date_finding(call, "new", "post", call.closes + DAY).status is Status.FAIL
    assert _date_finding(call, "new", "hand", call.opens - DAY).status is Status.FAIL


@pytest.mark.parametrize("kind_", EXISTING)
def test_office_days_still_apply_to_an_article_118_proposal_handed_in(call, kind_):
    saturday = call.closes + DAY * ((5 - call.closes.weekday()) % 7 or 7)
    assert saturday.weekday() == 5 and saturday > call.closes
    f = _date_finding(call, kind_, "hand", saturday)
    assert f.status is Status.FAIL and "土曜日" in f.message and "法第117条第3号" in f.message
    holiday = next(d for d in sorted(call.holidays) if call.opens <= d <= call.closes and d.weekday() < 5)
    inside = _date_finding(call, kind_, "hand", holiday)
    assert inside.status is Status.FAIL and call.holidays[holiday] in inside.message


@pytest.mark.parametrize("kind_", EXISTING)
def test_an_article_118_proposal_inside_the_period_passes_and_says_whose_period_it_is(call, kind_):
    f = _date_finding(call, kind_, "post", call.closes - DAY)
    assert f.status is Status.PASS
    assert any("法第117条第3号" in n and "個人情報ファイル簿" in n for n in f.notes)
    assert not any("法第117条第3号" in n for n in _date_finding(call, "new", "post", call.closes - DAY).notes)


@pytest.mark.parametrize("kind_", EXISTING)
def test_posting_after_this_calls_closing_day_is_review_for_an_article_118_proposal(call, kind_):
    late = call.closes + 2 * DAY
    [f] = submission.check_posted_on(ctx(call, Proposal(kind=kind_),
                                         sub=Submission(method="post", date=late + DAY, posted_on=late)))
    assert f.id == "submission.posted_on" and f.status is Status.REVIEW
    assert "法第117条第3号" in f.basis and f.title == "郵送・信書便の発送日"
    [new] = submission.check_posted_on(ctx(call, Proposal(kind="new"),
                                           sub=Submission(method="post", date=late + DAY, posted_on=late)))
    assert new.status is Status.FAIL


def test_a_time_after_this_calls_closing_time_is_review_for_118_but_the_office_hours_still_apply(call):
    # Both test calls close at the end of the office's hours: a call that closes earlier in the day.
    early = replace(call, closes_at=time(call.hand_closes_at.hour - 2, 0))
    late = time(call.hand_closes_at.hour - 1, 0)
    sub = Submission(method="hand", date=early.closes, time=late)
    [f] = submission.check_time(ctx(early, Proposal(kind="existing-extend"), sub=sub))
    assert f.id == "submission.time" and f.status is Status.REVIEW and "法第117条第3号" in f.basis
    [new] = submission.check_time(ctx(early, Proposal(kind="new"), sub=sub))
    assert new.status is Status.FAIL
    after_hours = replace(sub, time=time(call.hand_closes_at.hour, 30))
    [f] = submission.check_time(ctx(call, Proposal(kind="existing-extend"), sub=after_hours))
    assert f.status is Status.FAIL and "受付時間の後" in f.message


@pytest.mark.parametrize("kind_", EXISTING)
def test_what_only_this_calls_end_decides_is_review_for_118(call, kind_):
    # A proposer who turns 18 only after this call closes, no proposal day given.
    young = Proposer(type="individual", **clear(call, birth_date=add_years(call.closes + 10 * DAY, -18)))
    recent = Proposer(type="individual", **clear(call, sentence=Sentence("yes", "ended", call.closes - 400 * DAY)))
    for person, item in ((young, "113-1"), (recent, "113-4")):
        found = {f.id: f for f in disqualification.screen_proposer(ctx(call, Proposal(kind=kind_), [person]), 0, person)}
        assert found[f"proposer-1.{item}"].status is Status.REVIEW
        assert "法第117条第3号" in found[f"proposer-1.{item}"].message
        new = {f.id: f for f in disqualification.screen_proposer(ctx(call, Proposal(kind="new"), [person]), 0, person)}
        assert new[f"proposer-1.{item}"].status is Status.FAIL


def test_an_article_118_result_outside_the_period_is_review_not_fail_and_its_checklist_says_whose_period(call):
    when = office_day(call, call.closes + 5 * DAY)
    r = result_of(call, complete("existing-new-user"),
                  sub=Submission(method="post", date=when, posted_on=when - 2 * DAY, agent="no"))
    assert r.overall is Status.REVIEW
    assert by_id(r)["submission.date"].status is Status.REVIEW
    assert "法第117条第3号" in r.submission.by
    assert "法第117条第3号" not in result_of(call).submission.by
    assert "法第117条第3号" in " ".join(by_id(r)["proposal.kind"].notes)


# -- 2, 17. 懲役・禁錮 whatever the date of sentence; the transitional rule is a reading ------------

def test_the_sentence_hint_does_not_tie_choeki_to_the_date_of_sentence():
    hint = questions.QUESTIONS["sentence_person"].hint
    assert "懲役・禁錮も含みます（言い渡された日を問いません）" in hint
    assert "それより前の懲役・禁錮" not in hint


def test_the_kokinkei_note_is_a_reading_with_its_source_and_asks_to_confirm(call):
    note = disqualification.NOTE_KOKINKEI.format(agency=call.agency_name)
    assert "言い渡された日を問わず" in note and "と解されます" in note
    assert "令和4年法律第68号第441条" in note and f"{call.agency_name}に確かめてください" in note
    assert "より前に言い渡された" not in note


# -- 3, 18. bodies and bankruptcy ------------------------------------------------------------------

def test_the_body_note_names_the_provision_per_kind_of_body():
    note = disqualification.NOTE_BODY_BANKRUPTCY
    assert "株式会社は、破産手続開始の決定によって解散します（会社法第471条第5号）" in note
    assert "会社法第641条第6号" in note and "と解されます" in note
    assert "破産法第218条・第219条" in note and "一般社団法人" in note
    hint = questions.QUESTIONS["body_bankruptcy"].hint
    assert "会社などの団体は" not in hint and "株式会社は" in hint


def test_a_body_under_a_bankruptcy_decision_fails_on_a_reading_said_to_be_one(call):
    body = Proposer(type="corporation", bankruptcy="not-restored")
    f = next(f for f in disqualification.screen_proposer(ctx(call, proposers=[body]), 0, body)
             if f.id == "proposer-1.113-3")
    assert f.status is Status.FAIL
    assert "このサイトの読み方" in f.message and f"{call.agency_name}に確かめてください" in f.message


# -- 4. what only the agency judges: its own status, never "met" ------------------------------------

STATED_RULES = {"processing", "contribution", "period-of-use", "measures"}
# The file (or product) a proposal names: stated, as the applicant typed it; the checker holds no list
# to verify it against, so it is never a pass (issue 20, point 10). Rules "file" and "product", one finding.
NAMED = {"file", "product"}
STATED_FINDINGS = STATED_RULES | {"proposal.file"}
# And, once a draft is begun, its items (法第112条第2項): whether what it holds meets the criteria is
# the agency's to judge too (tests/checker/test_draft_findings.py).
DRAFT_STATED_RULES = {"draft-items"}


def test_exactly_the_rules_the_agency_judges_and_the_named_file_are_stated_rules():
    assert {r.id for r in all_rules() if r.stated} == STATED_RULES | NAMED | DRAFT_STATED_RULES
    assert STATUS_ORDER == (Status.FAIL, Status.REVIEW, Status.STATED, Status.PASS)
    assert Status.STATED.value == "stated" and Status.STATED.label == "記載あり（内容は審査で判断）"


@pytest.mark.parametrize("scenario", SCENARIOS["scenarios"], ids=lambda s: s["name"])
def test_no_scenario_reports_what_the_agency_judges_as_met_and_no_other_rule_says_stated(scenario):
    for call_id in CALL_IDS:
        if call_id not in scenario.get("calls", CALL_IDS):
            continue
        call = load(call_id)
        base = SCENARIOS["bases"][scenario["base"]]
        merged = json.loads(json.dumps(base))
        _merge(merged, scenario["answers"])
        r = evaluate(parse_answers(resolve(merged, call)), call, now=datetime(2026, 2, 10, tzinfo=JST))
        for f in r.findings:
            assert (f.status is Status.STATED) <= (f.id in STATED_FINDINGS), f.id
            assert not (f.id in STATED_FINDINGS and f.status is Status.PASS), f.id


def _merge(base, patch):
    for key, value in patch.items():
        if value is None:
            base.pop(key, None)
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def test_everything_written_is_stated_and_the_overall_result_is_not_a_fail_or_review(call):
    r = result_of(call)
    found = by_id(r)
    assert {i for i, f in found.items() if f.status is Status.STATED} == STATED_FINDINGS
    assert r.overall is Status.PASS
    for id in STATED_RULES:
        assert "審査で" in found[id].message and call.agency_name in found[id].message


@pytest.mark.parametrize("rule_id", sorted(STATED_RULES))
def test_the_rule_texts_say_the_checker_asks_whether_the_proposal_states_it(rule_id):
    r = next(r for r in all_rules() if r.id == rule_id)
    assert "聞きます" in r.explain and "審査で判断されます" in r.explain
    assert not r.explain.endswith("確かめます。")
    assert "沿っているかを、項目ごとに確かめます" not in r.explain
    assert "必要な期間になっているかを確かめます" not in r.explain


def test_the_result_json_tells_stated_from_pass(call):
    data = result_of(call).to_json()
    statuses = {f["id"]: f["status"] for f in data["findings"]}
    assert {i for i, s in statuses.items() if s == "stated"} == STATED_FINDINGS
    assert data["overall"] == "pass"


def test_the_result_schema_and_format_document_the_stated_status():
    root = Path(__file__).resolve().parents[2] / "checker"
    if not (root / "schemas").exists():
        pytest.skip("schemas not on disk")
    schema = json.loads((root / "schemas" / "result.schema.json").read_text(encoding="utf-8"))
    assert "stated" in schema["properties"]["findings"]["items"]["properties"]["status"]["enum"]
    assert "stated" not in schema["properties"]["overall"]["enum"]
    assert "`stated`" in (root / "FORMAT.md").read_text(encoding="utf-8")


def test_the_result_page_gives_stated_its_own_open_heading_and_a_plain_outcome(call):
    r = result_of(call)
    html = render.result_page(r, call, citation_href)
    words = text(html)
    assert "確かめた要件をすべて満たしています" not in words and "このまま提案書類をそろえて提出できます" not in words
    assert "審査で判断されます" in words[:words.index("あなたの提出チェックリスト")]
    heading = f"{Status.STATED.heading}（{len(STATED_FINDINGS)}件）"
    assert heading in words
    folded = re.search(r'<details class="checker-passed".*?</details>', html, re.S).group(0)
    assert "checker-finding--stated" not in folded
    assert "問題のない要件" not in text(html[html.index(heading.split("（")[0]):html.index("checker-finding--stated")])
    assert html.count("checker-finding--stated") == len(STATED_FINDINGS)
    assert f'checker-badge--stated">{Status.STATED.label}' in html


def test_the_printed_checklist_names_what_the_agency_judges(call):
    html = render.checklist(result_of(call), call, citation_href)
    note = re.search(r'<p class="checker-stated-note">(.*?)</p>', html, re.S)
    assert note and Status.STATED.label in note.group(1) and "審査で判断されます" in text(note.group(1))


def test_the_live_panel_counts_stated_apart(call):
    html = render.result_panel(result_of(call))
    assert re.search(rf"{re.escape(Status.STATED.label)}</span> {len(STATED_FINDINGS)}件", html)
    assert re.search(r"問題ありません</span> \d+件", html)


def test_the_static_checklist_and_the_rules_list_show_the_stated_status(call):
    static = static_checklist_html(call)
    for s in STATUS_ORDER:
        assert s.label in static
    listed = rules_html()
    for rule_id in STATED_RULES:
        item = re.search(rf'<li class="checker-static-item" id="rule-{rule_id}">(.*?)</li>', listed, re.S).group(1)
        assert Status.STATED.label in item
    other = re.search(r'<li class="checker-static-item" id="rule-population">(.*?)</li>', listed, re.S).group(1)
    assert Status.STATED.label not in other


def test_the_command_line_marks_stated_apart_and_never_says_all_met(call):
    out = cli.format_text(result_of(call))
    assert "◇ 記載あり（内容は審査で判断）" in out
    marked = [line for line in out.splitlines() if line.startswith("◇ ")]
    assert len(marked) == len(STATED_FINDINGS)
    assert "確かめた要件をすべて満たしています" not in out


# -- 5, 6, 7. the sentence question -------------------------------------------------------------

def _option(name, value):
    return next(o for o in questions.QUESTIONS[name].options if o.value == value)


def test_the_ended_option_says_which_option_fits_a_suspension_that_ended():
    hint = _option("sentence_state", "ended").hint
    assert "執行猶予の期間を取り消されずに終えた" in hint and "執行猶予の期間を、取り消されずに終えた" in hint


def test_parole_release_and_fines_are_explained_in_the_hints():
    serving = _option("sentence_state", "serving").hint
    assert "仮釈放" in serving and "残りの刑期" in serving and "罰金" in serving
    ended_on = questions.QUESTIONS["sentence_ended_on"].hint
    assert "刑法第24条第2項" in ended_on and "釈放の日の前日" in ended_on
    assert "全額を納めた日" in ended_on and "労役場" in ended_on and "判決の日ではありません" in ended_on
    person = questions.QUESTIONS["sentence_person"].hint
    assert "罰則" in person and "罰金" in person
    assert "法人に科される罰金" in questions.QUESTIONS["sentence_body"].hint


def test_what_a_sentence_is_is_said_in_the_hints():
    for name in ("sentence_person", "sentence_body"):
        hint = questions.QUESTIONS[name].hint
        assert "確定" in hint and "略式命令" in hint and "不起訴" in hint and "起訴猶予" in hint


def test_a_partly_suspended_sentence_can_be_answered_and_is_review(call):
    assert "partly-suspended" in SENTENCE_STATE
    assert "刑法第27条の2" in _option("sentence_state", "partly-suspended").label
    answers = parse_answers({**HEAD, "proposers": [{"type": "individual", "sentence": {"status": "yes", "state": "partly-suspended"}}]})
    person = answers.proposers[0]
    assert person.sentence.state == "partly-suspended"
    f = next(f for f in disqualification.screen_proposer(ctx(call, proposers=[person]), 0, person)
             if f.id == "proposer-1.113-4")
    assert f.status is Status.REVIEW and "刑法第27条の2" in f.message and call.agency_name in f.message


def test_the_answers_schema_and_format_accept_partly_suspended():
    root = Path(__file__).resolve().parents[2] / "checker"
    if not (root / "schemas").exists():
        pytest.skip("schemas not on disk")
    schema = json.loads((root / "schemas" / "answers.schema.json").read_text(encoding="utf-8"))
    assert list(schema["$defs"]["sentence"]["properties"]["state"]["enum"]) == list(SENTENCE_STATE)
    assert "`partly-suspended`" in (root / "FORMAT.md").read_text(encoding="utf-8")


# -- 8. bankruptcy and 免責 --------------------------------------------------------------------

def test_the_bankruptcy_hint_says_discharge_restores_and_rehabilitation_is_not_bankruptcy():
    hint = questions.QUESTIONS["bankruptcy"].hint
    assert "免責許可の決定が確定" in hint and "破産法第255条第1項第1号" in hint
    assert "個人再生" in hint and "任意整理" in hint and "受けたが、復権を得た" in hint


# -- 10. 郵便 and 信書便 in plain words ----------------------------------------------------------------

def test_the_ways_of_sending_name_yu_pack_and_what_can_carry_shinsho(call):
    [f] = submission.check_method(ctx(call, sub=Submission(method="post")))
    post = next(line for line in submission_guide(call).how if line.startswith("郵送"))
    option = _option("method", "post").hint
    for words in (f.message, post, option):
        assert "ゆうパック" in words and "ゆうメール" in words and "レターパック" in words and "書留" in words


# -- 11. cancellations by any public body -----------------------------------------------------

def test_the_cancellation_hint_covers_every_public_body():
    hint = questions.QUESTIONS["cancellation"].hint
    assert "行政機関の長等" in hint and "地方公共団体" in hint and "独立行政法人等" in hint


# -- 12. the kinds of 法第118条 proposal, from the statute --------------------------------------------

def test_the_kind_options_are_worded_from_article_118():
    change = _option("kind", "existing-change")
    assert "事業を変更" in change.label and "法第118条第1項後段" in change.label
    assert "利用の目的" in change.hint and "方法" in change.hint
    assert "契約を結んだ者" in _option("kind", "existing-extend").label
    assert "利用目的（事業）" not in kind.KIND_LABELS["existing-change"]
    assert "事業" in kind.KIND_LABELS["existing-change"] and "法第118条第1項後段" in kind.KIND_LABELS["existing-change"]


# -- 14. a 法人でない団体's identity papers ----------------------------------------------------------

def test_an_organisation_gets_a_review_on_its_identity_papers_a_corporation_still_its_date(call):
    good = call.opens - 25 * DAY
    sub = Submission(method="hand", date=call.opens + 7 * DAY)
    for kind_, expected in (("organisation", Status.REVIEW), ("corporation", Status.PASS)):
        body = Proposer(type=kind_, certificate_date=good)
        [f] = documents.check_certificate(ctx(call, proposers=[body], sub=sub))
        assert f.status is expected, (kind_, f.message)
    body = Proposer(type="organisation", certificate_date=good)
    [f] = documents.check_certificate(ctx(call, proposers=[body], sub=sub))
    assert "登記事項証明書も印鑑登録証明書もありません" in f.message and call.agency_name in f.message


def test_the_body_identity_paper_speaks_of_organisations_only_when_one_proposes(call):
    def why(kind_):
        items = documents.checklist(ctx(call, Proposal(kind="new"), [Proposer(type=kind_)]))
        return "".join(next(d for d in items if d.id == "identity-body").warnings)
    assert "法人でない団体" in why("organisation") and "法人でない団体" not in why("corporation")


# -- 15. plain Japanese: too early; who carries and who proposes -------------------------------

@pytest.mark.parametrize("method", ["post", "hand", None])
def test_a_day_before_the_period_is_said_plainly(call, method):
    f = _date_finding(call, "new", method, office_day(call, call.opens - 10 * DAY))
    assert f.status is Status.FAIL
    assert "その日に届きます" not in f.message and "前なので" not in f.message
    assert "募集期間が始まる前です" in f.message


def test_the_agent_hint_says_who_is_an_agent_and_who_only_carries_the_papers():
    hint = questions.QUESTIONS["agent"].hint
    assert "使者" in hint and "代わって提案" in hint and "持って行くだけ" in hint and "と解されます" in hint


# -- 16. 「その他…必要と認める書類」 --------------------------------------------------------------------

def test_the_other_paper_is_not_said_to_be_needed_only_on_request(call):
    why = documents.why_text("other", call)
    assert "求められなければ出す必要はありません" not in why
    assert "書いていません" in why and call.links["forms"] in why and call.agency_name in why
    assert documents.CONDITIONS["requested"] != "求められた場合"


# -- 19. PPC Q&A cited directly --------------------------------------------------------------------

def test_the_processing_finding_cites_the_ppc_qa(call):
    [f] = processing.check_processing(ctx(call, Proposal(kind="new", processing=PROCESSING)))
    assert any("Q6-1-5" in n for n in f.notes)


# -- 20. who is an 役員 ------------------------------------------------------------------------

def test_the_officers_step_says_which_posts_are_officers(call):
    answers = {**HEAD, "proposal": {"kind": "new"}, "proposers": [{"type": "corporation", "officers": [{}]}]}
    step = next(s for s in flow.steps(answers) if "役員" in s.lead)
    lead = flow.call_text(step.lead, call)
    for post in ("取締役", "執行役", "会計参与", "監査役", "理事", "監事", "業務執行社員", "管理人"):
        assert post in lead
    assert "相談役" in lead and "顧問" in lead and call.agency_name in lead


# -- 23. two copies and originals ------------------------------------------------------------------

def test_the_body_identity_paper_asks_whether_both_copies_must_be_originals(call):
    items = documents.checklist(ctx(call, Proposal(kind="new"), [Proposer(type="corporation")]))
    why = "".join(next(d for d in items if d.id == "identity-body").warnings)
    assert "原本" in why and f"{call.copies}部" in why and "公示に書かれていません" in why


# -- 24. proposers from abroad -----------------------------------------------------------------------

def test_foreign_majority_and_convictions_are_to_be_confirmed():
    assert "外国籍" in questions.QUESTIONS["birth_date"].hint and "確かめて" in questions.QUESTIONS["birth_date"].hint
    assert "外国で受けた刑" in questions.QUESTIONS["sentence_person"].hint


# -- 25. a pledge posted before the 18th birthday --------------------------------------------------

def _minor_finding(call, birth, arrives, posted, method="post"):
    person = Proposer(type="individual", **clear(call, birth_date=birth))
    sub = Submission(method=method, date=arrives, posted_on=posted if method == "post" else None)
    found = disqualification.screen_proposer(ctx(call, proposers=[person], sub=sub), 0, person)
    return next(f for f in found if f.id == "proposer-1.113-1")


def test_posting_before_the_18th_birthday_and_arriving_on_it_is_review(call):
    birthday = office_day(call, call.opens + 10 * DAY)  # the 18th birthday, inside the period
    birth = add_years(birthday, -18)
    f = _minor_finding(call, birth, arrives=birthday, posted=birthday - 2 * DAY)
    assert f.status is Status.REVIEW
    assert "法第114条第1項第1号" in " ".join(f.notes) and "法第120条第2号" in " ".join(f.notes)
    assert call.agency_name in f.message
    assert _minor_finding(call, birth, arrives=birthday + DAY, posted=birthday).status is Status.PASS
    assert _minor_finding(call, birth, arrives=birthday, posted=None, method="hand").status is Status.PASS


def test_an_officer_posting_case_is_review_too(call):
    birthday = office_day(call, call.opens + 10 * DAY)
    officer = Person(**clear(call, birth_date=add_years(birthday, -18)))
    body = Proposer(type="corporation", bankruptcy="none", sentence=Sentence("none"),
                    cancellation=Cancellation("none"), officers=(officer,))
    sub = Submission(method="post", date=birthday, posted_on=birthday - DAY)
    found = {f.id: f for f in disqualification.screen_proposer(ctx(call, proposers=[body], sub=sub), 0, body)}
    assert found["proposer-1.officer-1.113-1"].status is Status.REVIEW
    assert found["proposer-1.113-6"].status is Status.REVIEW
