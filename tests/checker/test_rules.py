"""Each rule module on its own: ids, bases, and the decisions at their boundaries."""
import functools
from dataclasses import replace
from datetime import date, datetime, time

import pytest

from proposal_checker.answers import (
    Answers, Cancellation, Person, Proposal, Proposer, Sentence, Submission,
)
from proposal_checker.citations import citation_href
from proposal_checker.dates import JST
from proposal_checker.dates import format_date, format_time
from proposal_checker.evaluate import disclaimer, evaluate
from proposal_checker.findings import Status
from proposal_checker.rules import GROUPS, all_rules
from proposal_checker.rules import content, disqualification, documents, kind, population, processing, submission

from calls import day as on, load
from rulecontext import context

# Tests whose outcome does not depend on the call use this year's frozen call; the others take
# the ``call`` fixture and run on both test calls (calls.py).
CALL = load("r7-isa")
CLEAR = dict(birth_date=date(1980, 4, 1), capacity="no", bankruptcy="none",
             sentence=Sentence(status="none"), cancellation=Cancellation(status="none"))


ctx = functools.partial(context, CALL)  # on this year's call; context(call, …) on another


def status_of(findings, id):
    return next(f.status for f in findings if f.id == id)


# -- the registry ------------------------------------------------------------------------------

def test_every_group_registers_rules_with_ids_bases_and_explanations():
    rules = all_rules()
    assert {r.group for r in rules} == set(GROUPS)
    assert len({r.id for r in rules}) == len(rules)
    for r in rules:
        assert r.basis and r.title and r.explain


@pytest.mark.parametrize("rule_id", ["population", "processing", "measures"])
def test_a_rule_that_speaks_for_itself_gives_findings_in_its_registered_id_title_and_basis(rule_id, call):
    [r] = [r for r in all_rules() if r.id == rule_id]
    findings = r.check(context(call, proposal=Proposal(kind="new", population=call.minimum_population - 1)))
    assert findings
    for f in findings:
        assert (f.id, f.title, f.basis) == (r.id, r.title, r.basis)
        assert f.message


@pytest.mark.parametrize("kind_value", [None, "new", "existing-change"])
def test_findings_carry_their_rules_id_title_and_basis(kind_value, call):
    """What the result says about a requirement and what the list of rules says are the same words."""
    c = context(call, Proposal(kind=kind_value), proposers=(Proposer(type="corporation", officers=(Person(**CLEAR),)),),
                sub=Submission(agent="yes"))
    checked = set()
    for r in all_rules():
        if r.group in ("disqualification", "submission"):
            continue
        for f in r.check(c):
            checked.add(r.id)
            assert f.title == r.title, r.id
            assert f.id == r.finding or (f.id == f"proposer-1.{r.id}" and f.subject == "提案者1"), r.id
            assert f.basis == r.basis or (r.id == "kind" and kind_value), r.id
    assert {"kind", "contribution", "period-of-use", "measures", "certificate", "agent"} <= checked
    assert ({"file", "population", "processing"} <= checked) is (kind_value != "existing-change")
    assert ("product" in checked) is (kind_value == "existing-change")


def test_a_rule_names_a_known_scope_and_an_id_of_its_own():
    from proposal_checker.rules import rule
    with pytest.raises(ValueError, match="scope must be one of new, existing, not 'existing-only'"):
        rule("x", "x", ("公示4",), "x", scope="existing-only")
    with pytest.raises(ValueError, match="rule 'population' is registered twice"):
        rule("population", "本人の数", ("公示6②",), "x")(lambda ctx: [])


def test_every_basis_of_every_finding_is_a_citation_the_site_can_link_or_a_named_other_law(call):
    answers = Answers(
        call="r6-old",
        proposal=Proposal(kind="new"),
        proposers=(Proposer(type="individual", **CLEAR),
                   Proposer(type="corporation", officers=(Person(**CLEAR),))),
        submission=Submission(method="post", date=on("opens+21d", call), posted_on=on("opens+18d", call)),
    )
    result = evaluate(answers, call, now=datetime(2026, 2, 10, tzinfo=JST))
    for f in result.findings:
        for basis in f.basis:
            assert citation_href(basis) or basis.startswith("民法"), basis


# -- kind --------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, form", [("new", "事業に関する提案書"), ("existing-new-user", "作成された"),
                                         ("existing-change", "作成された"), ("existing-extend", "作成された")])
def test_the_kind_names_the_form_to_use(value, form):
    [f] = kind.check_kind(ctx(Proposal(kind=value)))
    assert f.status is Status.PASS and form in f.message


def test_existing_kinds_cite_article_118():
    [f] = kind.check_kind(ctx(Proposal(kind="existing-new-user")))
    assert "法第118条第2項" in f.basis


# -- disqualification ------------------------------------------------------------------------

def test_an_individual_is_screened_for_items_1_to_5_only():
    findings = disqualification.check_disqualifications(ctx(proposers=[Proposer(type="individual", **CLEAR)]))
    assert [f.id for f in findings] == [f"proposer-1.113-{i}" for i in range(1, 6)] + ["proposers"]


def test_a_body_is_screened_for_items_3_to_5_and_each_officer_for_1_to_5():
    body = Proposer(type="corporation", bankruptcy="none", sentence=Sentence(status="none"),
                    cancellation=Cancellation(status="none"), officers=(Person(**CLEAR), Person(**CLEAR)))
    ids = [f.id for f in disqualification.check_disqualifications(ctx(proposers=[body]))]
    assert ids[:3] == ["proposer-1.113-3", "proposer-1.113-4", "proposer-1.113-5"]
    assert "proposer-1.officer-2.113-1" in ids and ids[-2:] == ["proposer-1.113-6", "proposers"]


@pytest.mark.parametrize("birth, day, expected", [
    (date(2008, 3, 2), date(2026, 3, 1), Status.FAIL),
    (date(2008, 3, 2), date(2026, 3, 2), Status.PASS),
    (date(2008, 2, 29), date(2026, 2, 28), Status.FAIL),
    (date(2008, 2, 29), date(2026, 3, 1), Status.PASS),
    (date(2026, 3, 5), date(2026, 3, 2), Status.REVIEW),  # born after the proposal day: a typing mistake
])
def test_adulthood_at_18_on_the_proposal_day(birth, day, expected):
    person = Proposer(type="individual", **{**CLEAR, "birth_date": birth})
    findings = disqualification.check_disqualifications(ctx(proposers=[person], sub=Submission(date=day)))
    assert status_of(findings, "proposer-1.113-1") is expected


@pytest.mark.parametrize("ended, day, expected", [
    (date(2024, 3, 1), date(2026, 2, 28), Status.FAIL),
    (date(2024, 3, 1), date(2026, 3, 1), Status.PASS),
    (date(2024, 2, 29), date(2026, 2, 28), Status.FAIL),
    (date(2024, 2, 29), date(2026, 3, 1), Status.PASS),
    (date(2026, 3, 5), date(2026, 3, 2), Status.REVIEW),  # ended after the proposal day
])
def test_two_years_from_the_end_of_a_sentence_count_the_start_day(ended, day, expected):
    person = Proposer(type="individual", **{**CLEAR, "sentence": Sentence("yes", "ended", ended)})
    findings = disqualification.check_disqualifications(ctx(proposers=[person], sub=Submission(date=day)))
    assert status_of(findings, "proposer-1.113-4") is expected


@pytest.mark.parametrize("cancelled, day, expected", [
    (date(2024, 3, 1), date(2026, 2, 28), Status.FAIL),
    (date(2024, 3, 1), date(2026, 3, 1), Status.PASS),
])
def test_two_years_from_a_cancellation_count_the_start_day(cancelled, day, expected):
    person = Proposer(type="individual", **{**CLEAR, "cancellation": Cancellation("yes", cancelled)})
    findings = disqualification.check_disqualifications(ctx(proposers=[person], sub=Submission(date=day)))
    assert status_of(findings, "proposer-1.113-5") is expected


def test_unknown_answers_are_never_a_fail():
    person = Proposer(type="individual", birth_date="unknown", capacity="unknown", bankruptcy="unknown",
                      sentence=Sentence(status="unknown"), cancellation=Cancellation(status="unknown"))
    officer = Person(birth_date="unknown", capacity="unknown", bankruptcy="unknown",
                     sentence=Sentence(status="yes", state="unknown"), cancellation=Cancellation(status="yes"))
    body = Proposer(type="organisation", bankruptcy="unknown", sentence=Sentence(status="unknown"),
                    cancellation=Cancellation(status="unknown"), officers=(officer,))
    findings = disqualification.check_disqualifications(
        ctx(proposers=[person, body], sub=Submission(date=date(2026, 3, 2))))
    assert {f.status for f in findings} == {Status.REVIEW}


def test_the_sentence_finding_explains_kokinkei_and_the_notices_wording():
    person = Proposer(type="individual", **{**CLEAR, "sentence": Sentence("yes", "serving")})
    f = next(f for f in disqualification.check_disqualifications(ctx(proposers=[person])) if f.id.endswith("113-4"))
    notes = " ".join(f.notes)
    assert "拘禁刑" in notes and "禁固" in notes and "2025年（令和7年）6月1日" in notes


def test_subjects_name_the_proposer_and_officer():
    body = Proposer(type="corporation", name="株式会社例", officers=(Person(name="甲"),))
    findings = disqualification.check_disqualifications(ctx(proposers=[body]))
    officer = next(f for f in findings if f.id == "proposer-1.officer-1.113-1")
    assert officer.subject == "提案者1（株式会社例）の役員1（甲）"


# -- population and processing -----------------------------------------------------------------

# Counts relative to the call's minimum (m): m - 1 fails, m passes.
@pytest.mark.parametrize("count, file_count, expected", [
    (-1, 5000, Status.FAIL), (0, 5000, Status.PASS), (5000, 5000, Status.PASS), (5001, 5000, Status.FAIL),
    (0, "unknown", Status.REVIEW), (0, None, Status.REVIEW), (None, 5000, Status.REVIEW),
    ("zero", "unknown", Status.FAIL),
])
def test_population_between_the_minimum_and_the_file(count, file_count, expected, call):
    m = call.minimum_population
    count = 0 if count == "zero" else None if count is None else m + count
    file_count = m + file_count if isinstance(file_count, int) else file_count
    [f] = population.check_population(context(call, Proposal(kind="new", population=count, file_population=file_count)))
    assert f.status is expected


def test_the_population_messages_name_the_calls_minimum_and_agency(call):
    [f] = population.check_population(context(call, Proposal(kind="new", population=call.minimum_population - 1)))
    assert f"{call.minimum_population:,}人に足りません" in f.message
    [f] = population.check_population(context(call, Proposal(kind="new", population=call.minimum_population,
                                                             file_population="unknown")))
    assert f"{call.agency_name}に確かめてください" in f.message


def test_existing_proposals_have_no_population_or_processing_findings():
    c = ctx(Proposal(kind="existing-new-user"))
    assert population.check_population(c) == [] and processing.check_processing(c) == []


def test_processing_is_stated_only_when_all_five_standards_are_confirmed():
    all_yes = {k: "yes" for k in processing.STANDARDS}
    [f] = processing.check_processing(ctx(Proposal(kind="new", processing=all_yes)))
    assert f.status is Status.STATED  # written; only the agency judges the method (法第114条第1項第3号)
    for missing in processing.STANDARDS:
        [f] = processing.check_processing(ctx(Proposal(kind="new", processing={**all_yes, missing: "not-yet"})))
        assert f.status is Status.REVIEW and processing.STANDARDS[missing] in f.message


# -- content -----------------------------------------------------------------------------------

@pytest.mark.parametrize("check, field, id", [
    (content.check_contribution, "contribution", "contribution"),
    (content.check_period, "period_of_use", "period-of-use"),
])
@pytest.mark.parametrize("value, expected", [("yes", Status.STATED), ("not-yet", Status.REVIEW), (None, Status.REVIEW)])
def test_content_checklists(check, field, id, value, expected):
    [f] = check(ctx(Proposal(**{field: value})))
    assert f.id == id and f.status is expected and f.notes  # each says what the examination looks for


def test_measures_name_what_is_missing():
    answers = {k: "yes" for k in content.MEASURES}
    [f] = content.check_measures(ctx(Proposal(measures=answers)))
    assert f.status is Status.STATED
    [f] = content.check_measures(ctx(Proposal(measures={**answers, "disposal": "not-yet"})))
    assert f.status is Status.REVIEW and content.MEASURES["disposal"] in f.message


# -- documents -------------------------------------------------------------------------------

def test_each_document_says_why_with_its_basis_and_copies(call):
    items = documents.checklist(context(call, Proposal(kind="new"), [Proposer(type="individual")], Submission(agent="yes")))
    assert [d.id for d in items] == ["proposal-new", "pledge", "contribution", "identity-individual", "other",
                                     "power-of-attorney"]
    for d in items:
        assert d.why and d.basis and d.copies == call.copies and not d.condition
    other = next(d for d in items if d.id == "other")
    assert f"「その他、{call.issuer}が必要と認める書類」" in other.why and other.on_request


def test_the_body_identity_document_names_the_calls_months(call):
    [item] = [d for d in documents.checklist(context(call, proposers=[Proposer(type="corporation")]))
              if d.id == "identity-body"]
    assert f"提案の日前{call.certificate_months}か月以内" in item.why


@pytest.mark.parametrize("made, expected", [
    ("closes-1c", Status.PASS),   # the call's months before the closing day, inclusive
    ("closes-1c-1d", Status.FAIL),
    ("closes", Status.PASS),
    ("closes+1d", Status.FAIL),
    ("unknown", Status.REVIEW),
    (None, Status.REVIEW),
])
def test_the_certificate_is_at_most_the_calls_months_old_on_the_proposal_day(made, expected, call):
    made = on(made, call) if made not in ("unknown", None) else made
    body = Proposer(type="corporation", certificate_date=made)
    [f] = documents.check_certificate(context(call, proposers=[body], sub=Submission(date=call.closes)))
    assert f.id == "proposer-1.certificate" and f.status is expected
    assert f"{call.certificate_months}か月以内" in f.message or f.status is not Status.PASS


def test_no_certificate_finding_for_individuals():
    assert documents.check_certificate(ctx(proposers=[Proposer(type="individual")])) == []


@pytest.mark.parametrize("agent, expected", [("yes", Status.PASS), ("no", Status.PASS), ("unknown", Status.REVIEW),
                                             (None, Status.REVIEW)])
def test_agent(agent, expected):
    [f] = documents.check_agent(ctx(sub=Submission(agent=agent)))
    assert f.status is expected


# -- submission --------------------------------------------------------------------------------

# Both test calls open on a Monday: opens+5d is a Saturday, opens+6d a Sunday.
@pytest.mark.parametrize("day, expected", [
    ("opens-3d", Status.FAIL), ("opens", Status.PASS), ("holiday1", Status.FAIL),
    ("opens+5d", Status.FAIL), ("opens+6d", Status.FAIL), ("holiday2", Status.FAIL),
    ("closes", Status.PASS), ("closes+3d", Status.FAIL),
])
def test_hand_delivery_days(day, expected, call):
    [f] = submission.check_date(context(call, sub=Submission(method="hand", date=on(day, call))))
    assert f.status is expected


def test_the_new_year_break_is_closed_to_hand_delivery():
    # 行政機関の休日に関する法律第1条: 29 December to 3 January, whatever the weekday.
    call = load("r11-kst")
    assert call.is_office_day(call.closes) and call.closes == date(call.closes.year, 12, 28)
    for day in (date(2029, 12, 31), date(2030, 1, 2), date(2030, 1, 3)):
        assert not call.is_office_day(day)
    assert call.is_office_day(date(2030, 1, 4))


@pytest.mark.parametrize("day", [date(2029, 12, 31), date(2030, 1, 2), date(2030, 1, 3)])
def test_hand_delivery_in_the_new_year_break_is_refused_with_the_reason(day):
    # Neither test call's period reaches the break, so this one runs past it (the rule reads only the call).
    call = replace(load("r11-kst"), closes=date(2030, 1, 31))
    assert not call.is_holiday(day) and day.weekday() < 5
    [f] = submission.check_date(context(call, sub=Submission(method="hand", date=day)))
    assert f.status is Status.FAIL
    assert "年末年始の休み" in f.message and format_date(day) in f.message


@pytest.mark.parametrize("clock, day, expected", [
    ("hand_opens-1min", "opens+21d", Status.FAIL), ("hand_opens", "opens+21d", Status.PASS),
    ("closes_at", "closes", Status.PASS), ("closes_at+1min", "closes", Status.FAIL),
    ("hand_closes+1min", "opens+21d", Status.FAIL), (None, "opens+21d", Status.REVIEW),
])
def test_hand_delivery_hours(clock, day, expected, call):
    from calls import time_of
    clock = time_of(clock, call) if clock else None
    [f] = submission.check_time(context(call, sub=Submission(method="hand", date=on(day, call), time=clock)))
    assert f.status is expected
    assert f"受付は{format_time(call.hand_opens_at)}から{format_time(call.hand_closes_at)}まで" in f.message or expected is Status.FAIL


@pytest.mark.parametrize("posted, expected", [
    ("closes-3d", Status.PASS), ("closes-2d", Status.REVIEW), ("closes-1d", Status.REVIEW),
    ("closes", Status.REVIEW), ("closes+1d", Status.FAIL), (None, Status.REVIEW),
])
def test_posting_day(posted, expected, call):
    posted = on(posted, call) if posted else None
    [f] = submission.check_posted_on(context(call, sub=Submission(method="post", date=call.closes, posted_on=posted)))
    assert f.status is expected


def test_the_post_reminder_quotes_the_envelope_marking_exactly_and_the_copies(call):
    [f] = submission.check_method(context(call, sub=Submission(method="post")))
    assert f"「{call.envelope_marking}」" in f.message and f"{call.copies}部" in f.message


def test_time_and_posting_findings_only_for_their_method():
    assert submission.check_time(ctx(sub=Submission(method="post"))) == []
    assert submission.check_posted_on(ctx(sub=Submission(method="hand"))) == []


# -- the result ------------------------------------------------------------------------------

def test_the_result_json_carries_everything_the_spec_lists(call):
    now = datetime(2026, 2, 10, 3, 0, tzinfo=JST)
    data = evaluate(Answers(), call, now=now).to_json()
    assert data["format"] == "proposal-checker/result" and data["version"] == 2
    assert [a["part"] for a in data["answers"]] == ["eligibility", "criteria", "papers"]
    assert all(f["part"] in ("eligibility", "criteria", "papers") for f in data["findings"])
    assert data["call"] == call.id and data["rules_version"] == call.rules_version
    assert data["made_at"] == "2026-02-10T03:00:00+09:00"
    assert data["overall"] == "review"
    assert data["submission"]["by"] == f"{format_date(call.closes)}{format_time(call.closes_at)}まで（日本時間）"
    assert data["submission"]["where"] == [f"〒{call.postal_code}", call.address, f"{call.agency_name} {call.office}",
                                           f"電話：{call.telephone}"]
    assert any(f"{call.copies}部" in line for line in data["submission"]["how"])
    assert data["disclaimer"] == disclaimer(call) and disclaimer(call).startswith(f"最終的な判断は{call.agency_name}が行います。")
    assert data["next_steps"] == list(call.next_steps)
    steps = " ".join(data["next_steps"])
    assert "所定の手数料（個人情報の保護に関する法律施行令第31条）" in steps
    assert "円" not in steps
    assert "公示6" in steps and "公示7" in steps and "公示8" in steps


def test_made_at_is_japan_time_whatever_zone_now_is_given_in():
    from datetime import timezone
    now = datetime(2026, 2, 9, 15, 30, tzinfo=timezone.utc)
    assert evaluate(Answers(), CALL, now=now).to_json()["made_at"] == "2026-02-10T00:30:00+09:00"


def test_the_findings_depend_on_the_answers_and_the_call_never_on_the_clock(call):
    # The rules see no clock (Context holds only the answers and the call): only made_at moves.
    answers = Answers(proposers=(Proposer(type="individual", **CLEAR),), submission=Submission(date=on("opens+21d", call)))
    early = evaluate(answers, call, now=datetime.combine(on("opens-3d", call), time(9, 0), JST)).to_json()
    late = evaluate(answers, call, now=datetime.combine(on("closes+3d", call), time(18, 0), JST)).to_json()
    assert early["made_at"] != late["made_at"]
    assert {**early, "made_at": None} == {**late, "made_at": None}


def test_answers_saved_for_another_call_are_checked_against_this_one_and_say_so(call):
    answers = Answers(call="r6-old", proposers=(Proposer(type="individual", **CLEAR),),
                      submission=Submission(method="hand", date=on("opens+21d", call), time=call.hand_opens_at))
    result = evaluate(answers, call, now=datetime(2026, 2, 10, tzinfo=JST))
    [f] = [f for f in result.findings if f.id == "answers.call"]
    assert f.status is Status.REVIEW and "「r6-old」" in f.message and f"「{call.id}」" in f.message
    assert {g.id: g.status for g in result.findings}["submission.date"] is Status.PASS  # checked, not dropped
    same = evaluate(Answers(call=call.id), call, now=datetime(2026, 2, 10, tzinfo=JST))
    assert "answers.call" not in {g.id for g in same.findings}
