"""Completeness instead of ticks: where the draft holds the content, the findings follow it, say
「記載あり（内容は審査で判断）」 or what is missing, and never that a criterion of 法第114条第1項 is met."""
import copy
from datetime import datetime

import pytest

from applicants import KINDS_OF_APPLICANT, PROPOSAL_KIND, applicant
from proposal_checker.answers import parse_answers
from proposal_checker.dates import JST
from proposal_checker.evaluate import evaluate
from proposal_checker.findings import Status
from proposal_checker.rules import draft as draft_rule

FOLLOW_THE_DRAFT = ("processing", "contribution", "period-of-use", "measures", "draft-items")


def findings(data, call):
    result = evaluate(parse_answers(data), call, now=datetime(2026, 2, 10, tzinfo=JST))
    return {f.id: f for f in result.findings}


@pytest.mark.parametrize("kind", KINDS_OF_APPLICANT)
def test_a_complete_draft_is_stated_for_every_kind_and_never_met(kind, call):
    found = findings(applicant(kind, call), call)
    for rule_id in FOLLOW_THE_DRAFT:
        if rule_id == "processing" and PROPOSAL_KIND[kind] != "new":
            assert rule_id not in found
            continue
        f = found[rule_id]
        assert f.status is Status.STATED, (rule_id, f.message)
        assert "審査で" in f.message and call.agency_name in f.message and "満たしています" not in f.message
    article = "法第112条第2項" if PROPOSAL_KIND[kind] == "new" else "法第118条第2項"
    assert found["draft-items"].basis == (article,)


def test_without_a_draft_there_is_no_draft_finding_and_the_ticks_decide(call):
    data = applicant("individual", call)
    del data["draft"]
    for p in data["proposers"]:
        p.pop("address", None)
    found = findings(data, call)
    assert "draft-items" not in found
    assert found["contribution"].awaits == ("proposal.contribution",)


@pytest.mark.parametrize("remove, words", [
    (lambda d: d["proposers"][0].pop("address"), "第1号（提案者の氏名または名称と住所または居所、団体の代表者の氏名：提案者1の住所または居所）"),
    (lambda d: d["proposers"][1].pop("representative"), "提案者2の代表者の氏名"),
    (lambda d: d["proposal"].pop("population"), "第3号（本人の数）"),
    (lambda d: d["draft"].pop("processing"), "第4号（加工の方法（加工の方法の表））"),
    (lambda d: d["draft"]["business"].pop("method"), "第5号（利用の目的及び方法：利用の方法）"),
    (lambda d: d["draft"]["period"].pop("end"), "第6号（利用期間：終期）"),
    (lambda d: d["draft"].pop("measures"), "第7号（適切な管理のために講ずる措置）"),
    (lambda d: d["draft"].pop("delivery"), "第8号（個人情報保護委員会規則で定める事項（希望する提供の方法））"),
])
def test_a_missing_item_is_named_by_its_number(remove, words, call):
    data = applicant("joint", call)
    remove(data)
    f = findings(data, call)["draft-items"]
    assert f.status is Status.REVIEW and words in f.message
    assert ("規則が何を定めているかは、このサイトでは確かめていません" in " ".join(f.notes)) is ("第8号" in words)


def test_an_article_118_draft_needs_what_identifies_the_product_and_not_the_processing_table(call):
    data = applicant("new-user", call)
    assert findings(data, call)["draft-items"].status is Status.STATED
    data["draft"].pop("product")
    f = findings(data, call)["draft-items"]
    assert f.status is Status.REVIEW and "第4号（行政機関等匿名加工情報を特定するに足りる事項）" in f.message
    assert "第2号" not in f.message and "第3号" not in f.message


def test_every_row_of_the_processing_table_needs_its_item_and_treatment(call):
    data = applicant("individual", call)
    data["draft"]["processing"][1].pop("treatment")
    data["draft"]["processing"][3].pop("item")
    data["draft"]["processing"].insert(2, {})          # a row with nothing in it is not a row
    f = findings(data, call)["processing"]
    assert f.status is Status.REVIEW
    assert "2行目（生年月日）の加工の方法" in f.message and "5行目の記録項目" in f.message and "3行目" not in f.message
    assert any("規則第62条の基準" in n for n in f.notes)


def test_the_period_needs_a_start_an_end_in_order_and_a_reason(call):
    data = applicant("individual", call)
    found = findings(data, call)["period-of-use"]
    assert found.status is Status.STATED and "から" in found.message
    backwards = copy.deepcopy(data)
    backwards["draft"]["period"].update(start="2028-04-01", end="2026-07-01")
    f = findings(backwards, call)["period-of-use"]
    assert f.status is Status.REVIEW and "終期" in f.message and "始期" in f.message and "より前です" in f.message
    same_day = copy.deepcopy(data)
    same_day["draft"]["period"].update(start="2026-07-01", end="2026-07-01")
    assert findings(same_day, call)["period-of-use"].status is Status.STATED
    no_reason = copy.deepcopy(data)
    no_reason["draft"]["period"].pop("reason")
    f = findings(no_reason, call)["period-of-use"]
    assert f.status is Status.REVIEW and "「その期間が必要な理由」" in f.message


def test_each_kind_of_measure_is_addressed(call):
    data = applicant("individual", call)
    data["draft"]["measures"].pop("physical")
    data["draft"]["business"].pop("purpose")
    f = findings(data, call)["measures"]
    assert f.status is Status.REVIEW and "「利用の目的」" in f.message and "「物理的な措置」" in f.message
    assert "「人的な措置」" not in f.message


def test_the_paper_on_the_contribution_needs_its_reason(call):
    data = applicant("individual", call)
    data["draft"]["contribution"].pop("reason")
    f = findings(data, call)["contribution"]
    assert f.status is Status.REVIEW and "役立つ理由" in f.message


def test_the_items_the_rule_checks_are_the_items_the_documents_data_fills(call):
    # The rule's list of answers per item (rules/draft.py) and the documents' data (data/documents.json)
    # say the same: each answer the rule needs for an item fills that item's section.
    from proposal_checker.drafting import packaged_documents
    specs = {s.id: s for s in packaged_documents()}

    def paths_in(entries, scope=""):
        for e in entries:
            if e.kind in ("label", "table") and e.answer:
                yield f"{scope}.{e.answer}" if scope else e.answer
            yield from paths_in(e.content, e.answer if e.kind == "each" else scope)

    for spec_id, items in (("proposal-new", draft_rule.ITEMS_112), ("proposal-existing", draft_rule.ITEMS_118)):
        sections = {s.item: {p for p in paths_in(s.content)} for s in specs[spec_id].sections if s.item.startswith("第")}
        assert list(sections) == [item for item, _, _ in items]
        # 第4号 says 「別紙「加工の方法」のとおり」: the processing table is its 別紙.
        sections["第4号"] |= {p for s in specs[spec_id].sections if s.item == "別紙" for p in paths_in(s.content)}
        for item, _, needed in items:
            for path in needed:
                assert any(p == path or p.startswith(path + ".") for p in sections[item]), (spec_id, item, path)
