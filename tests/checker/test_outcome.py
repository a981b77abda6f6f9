"""The result's three plain answers (issue 20, points 2 and 10): which answer a finding belongs to and
whether only the agency can settle it are data on the rule and the finding, never read from an id or
a message; what only the agency can settle is a note of its own; a typed file name is stated, not
verified; every face (the page, the prints' checklist, the command line, the JSON) carries them."""
from __future__ import annotations

import copy
import re
from datetime import datetime

import pytest

from proposal_checker import cli, outcome, render
from proposal_checker.answers import Answers, Proposal, Proposer, Submission, parse_answers
from proposal_checker.citations import citation_href
from proposal_checker.dates import JST
from proposal_checker.evaluate import evaluate
from proposal_checker.findings import Part, Status
from proposal_checker.rules import GROUP_PARTS, GROUPS, Context, all_rules

from calls import CALL_IDS, load, resolve
from scenarios import SCENARIOS, answers_of

NOW = datetime(2026, 2, 10, tzinfo=JST)


def results():
    """Every scenario on both test calls."""
    for scenario in SCENARIOS:
        for call_id in scenario.get("calls", CALL_IDS):
            call = load(call_id)
            yield scenario["name"], evaluate(parse_answers(resolve(answers_of(scenario), call)), call, NOW)


ALL = list(results())


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


# -- the data ----------------------------------------------------------------------------------------

def test_every_group_of_rules_names_its_answer():
    assert set(GROUPS) <= set(GROUP_PARTS)
    assert {r.id for r in all_rules() if r.part is Part.ELIGIBILITY} == {"113"}
    assert {r.id for r in all_rules() if r.part is Part.CRITERIA} == {"population", "processing", "contribution",
                                                                        "period-of-use", "measures"}


def test_a_finding_carries_the_part_of_the_rule_that_made_it():
    for call_id in CALL_IDS:
        call = load(call_id)
        for scenario in SCENARIOS:
            answers = parse_answers(resolve(answers_of(scenario), call))
            for rule in all_rules():
                for f in rule.check(Context(answers, call)):
                    assert f.part is rule.part, (rule.id, f.id)


@pytest.mark.parametrize("name, result", ALL, ids=[n for n, _ in ALL])
def test_no_finding_only_the_agency_can_settle_decides_whether_one_may_propose(name, result):
    for f in result.findings:
        assert f.part is not None
        assert not (f.agency_only and f.part is Part.ELIGIBILITY), f.id
        assert not f.agency_only or f.status is Status.REVIEW, f.id
    eligible = result.answers[0]
    assert eligible.part is Part.ELIGIBILITY and eligible.agency == ()
    # 「はい」 only with every disqualification finding passed.
    own = [f for f in result.findings if f.part is Part.ELIGIBILITY]
    assert (eligible.state == "pass") == all(f.status is Status.PASS for f in own)


@pytest.mark.parametrize("name, result", ALL, ids=[n for n, _ in ALL])
def test_each_answer_is_the_worst_of_its_own_findings_left_out_stated_and_agency_only(name, result):
    for a in result.answers:
        own = [f for f in result.findings if f.part is a.part and f.status is not Status.STATED and not f.agency_only]
        worst = next((s for s in (Status.FAIL, Status.REVIEW) if any(f.status is s for f in own)), Status.PASS)
        assert a.status is worst
        assert list(a.open) == [f for s in (Status.FAIL, Status.REVIEW) for f in own if f.status is s]


def test_the_words_file_names_the_field_on_a_mistake():
    from proposal_checker.datafiles import read_json
    data = read_json("outcome.json")
    broken = copy.deepcopy(data)
    del broken["parts"]["criteria"]["fail"]
    with pytest.raises(outcome.OutcomeWordsError, match="parts.criteria.fail"):
        outcome.parse_words(broken)
    broken = copy.deepcopy(data)
    broken["lines"]["checked"] = "確かめたこと：{names}"
    with pytest.raises(outcome.OutcomeWordsError, match=r"lines.checked: unknown placeholder \{names\}"):
        outcome.parse_words(broken)


# -- a figure only the agency holds ------------------------------------------------------------------

def unknown_file_population(call):
    answers = {"format": "proposal-checker/answers", "version": 1, "call": call.id,
               "proposal": {"kind": "new", "file_name": "在留管理ファイル", "population": call.minimum_population * 5,
                            "file_population": "unknown",
                            "processing": {k: "yes" for k in ("identifiers", "individual_codes", "linking_codes",
                                                              "idiosyncratic", "other")},
                            "contribution": "yes", "period_of_use": "yes",
                            "measures": {k: "yes" for k in ("purpose_method", "access_control", "leak_prevention",
                                                            "staff", "disposal", "incidents")}},
               "proposers": [{"type": "individual", "name": "山田", "birth_date": "1980-04-01", "capacity": "no",
                              "bankruptcy": "none", "sentence": {"status": "none"}, "cancellation": {"status": "none"}}],
               "submission": {"method": "hand", "date": resolve("{opens+21d}", call), "time": "10:00",
                              "agent": "no"}}
    return evaluate(parse_answers(answers), call, NOW)


def test_a_file_population_nobody_publishes_is_a_note_of_its_own_not_the_criteria_answer(call):
    result = unknown_file_population(call)
    population = next(f for f in result.findings if f.id == "population")
    assert population.status is Status.REVIEW and population.agency_only
    eligible, criteria, papers = result.answers
    assert eligible.badge == "はい"
    assert criteria.status is Status.PASS and population not in criteria.open and criteria.agency == (population,)
    # Still not a pass: the overall result says something is to be confirmed, and it is named.
    assert result.overall is Status.REVIEW
    html = render.result_page(result, call, citation_href)
    note = re.search(r'<div class="checker-agency-note" role="note">(.*?)</div>', html, re.S).group(1)
    assert "提出先にしか確かめられないこと（1件）" in text(note) and "本人の数" in text(note)
    answers_html = html[html.index('class="checker-answers"'):html.index('class="checker-agency-note"')]
    assert "確認が必要" not in text(answers_html)
    # Its card stands in a group of its own, not under 確認が必要なこと.
    assert "確認が必要なこと（" not in text(html)
    assert 'data-finding="population"' in html[html.index('id="checker-agency-heading"'):]


def test_the_command_line_and_the_json_say_it_too(call):
    result = unknown_file_population(call)
    out = cli.format_text(result)
    assert out.index("【提案できるか（法第113条）】○ はい") < out.index("【提出先にしか確かめられないこと】") < out.index("【項目ごとの結果】")
    assert "本人の数（確認が必要です、提出先にしか確かめられないこと）" in out
    data = result.to_json()
    assert [a["part"] for a in data["answers"]] == ["eligibility", "criteria", "papers"]
    assert data["answers"][1]["status"] == "pass" and data["answers"][1]["agency_only"] == ["population"]
    assert next(f for f in data["findings"] if f["id"] == "population")["agency_only"] is True


# -- a typed file name: stated, not verified ---------------------------------------------------------------

@pytest.mark.parametrize("kind", ["new", "existing-new-user"])
def test_a_typed_file_name_is_stated_never_passed_and_says_it_was_not_checked(call, kind):
    result = evaluate(Answers(proposal=Proposal(kind=kind, file_name="どんな名前でも")), call, NOW)
    f = next(f for f in result.findings if f.id == "proposal.file")
    assert f.status is Status.STATED and "問題ありません" not in f.message
    assert "確かめていません" in f.message and "「どんな名前でも」" in f.message
    papers = result.answers[2]
    assert f in papers.stated and f not in papers.checked
    # Counted as stated, not among the passed, on the page and in the live panel.
    html = render.result_page(result, call, citation_href)
    folded = re.search(r'<details class="checker-passed".*?</details>', html, re.S)
    assert folded is None or 'data-finding="proposal.file"' not in folded.group(0)
    assert re.search(r'data-finding="proposal.file"[^>]*>\s*<p class="checker-finding-title"><span class="checker-badge '
                     r'checker-badge--stated">', html)


# -- the result page: the three answers first ------------------------------------------------------------

def test_the_result_page_leads_with_the_three_answers_and_a_disqualified_checklist_says_so(call):
    people = [Proposer(type="individual", name="若者", birth_date=call.closes.replace(year=call.closes.year - 10))]
    result = evaluate(Answers(proposal=Proposal(kind="new"), proposers=tuple(people),
                              submission=Submission(method="hand", date=call.closes)), call, NOW)
    html = render.result_page(result, call, citation_href)
    heading = html.index('id="step-heading"')
    questions = [html.index(f'id="checker-answer-{p.value}"') for p in Part]
    assert heading < questions[0] < questions[1] < questions[2] < html.index("checker-group-heading")
    eligible = re.search(r'<section class="checker-answer checker-answer--fail" data-part="eligibility".*?</section>',
                         html, re.S).group(0)
    assert "いいえ" in text(eligible) and "提案者1（若者）：未成年者に当たらないこと" in text(eligible)
    checklist = html[html.index('class="checker-checklist-print"'):]
    assert outcome.LINES["not_a_go_ahead"] in text(checklist).replace("&quot;", '"')


def test_the_checklist_carries_the_persons_own_choices_the_forms_page_and_the_call_state(call):
    from proposal_checker.call_state import CallState
    result = evaluate(Answers(proposal=Proposal(kind="new"),
                              submission=Submission(method="post", date=call.closes, posted_on=call.opens, agent="yes")),
                      call, NOW)
    assert dict(result.choices) == {"提出の方法": "郵送・信書便で送る", "届く日": render.result.format_date(call.closes),
                                    "発送する日": render.result.format_date(call.opens), "代理人による提案": "する"}
    html = render.checklist(result, call, citation_href, CallState.OPEN)
    words = text(html)
    for name, value in result.choices:
        assert name in words and value in words
    assert call.links["forms"] in html and "募集中です" in words


def test_a_papers_warnings_stand_beside_it_apart_from_why(call):
    result = evaluate(Answers(proposal=Proposal(kind="new"), proposers=(Proposer(type="individual"),)), call, NOW)
    paper = next(d for d in result.documents if d.id == "identity-individual")
    assert paper.warnings and "表面だけ" in paper.warnings[0] and "表面だけ" not in paper.why
    html = render.checklist(result, call, citation_href)
    assert re.search(r'<p class="checker-doc-warning">[^<]*個人番号カードは、表面だけ', html)
