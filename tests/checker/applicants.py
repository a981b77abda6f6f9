"""Applicants of every kind, from the first question to the draft: their whole answers (the
screening's and the draft's), and what each types into the page's form fields.

The seven of issue 21's "done when": an individual, a company with officers, a joint proposal,
a proposal through an agent, and the three proposals under 法第118条 (a new user, a change, an
extension). Shared by tests/checker (web.handle, on CPython and in Pyodide) and tests/browser (the
page in Chromium). ``call``: the test call, or the site's own in the browser tests.
"""
from __future__ import annotations

import copy
from datetime import timedelta

from drafts import PROCESSING, common_draft, contract

KINDS_OF_APPLICANT = ("individual", "company", "joint", "agent", "new-user", "change", "extension")
PROPOSAL_KIND = {"individual": "new", "company": "new", "joint": "new", "agent": "new",
                 "new-user": "existing-new-user", "change": "existing-change", "extension": "existing-extend"}

CLEAR = {"capacity": "no", "bankruptcy": "none", "sentence": {"status": "none"}, "cancellation": {"status": "none"}}
# Typed text a careless page would break, on one line (a text box holds one): markup, an entity,
# quotes, 𠮷 and an emoji.
ONE_LINE = '<b>&amp; "引用" 𠮷😀'


def office_day(call, after: int = 14):
    """An ordinary office day inside the call's period."""
    day = call.opens + timedelta(days=after)
    while not call.is_office_day(day):
        day += timedelta(days=1)
    return day


def _individual(name: str = "山田 𠮷子") -> dict:
    return {"type": "individual", "name": name, "birth_date": "1980-04-01", **copy.deepcopy(CLEAR),
            "address": f"東京都千代田区霞が関1-1-1 {ONE_LINE}"}


def _company(proposal_day) -> dict:
    return {"type": "corporation", "name": "株式会社データ&分析", "bankruptcy": "none",
            "sentence": {"status": "none"}, "cancellation": {"status": "none"},
            "officers": [{"name": "佐藤 一郎", "birth_date": "1970-05-05", **copy.deepcopy(CLEAR)},
                         {"name": "鈴木 二郎", "birth_date": "1975-06-06", **copy.deepcopy(CLEAR)}],
            "certificate_date": (proposal_day - timedelta(days=20)).isoformat(),
            "address": "大阪府大阪市北区1-2-3", "representative": {"title": "代表取締役", "name": "佐藤 一郎"}}


def applicant(kind: str, call) -> dict:
    """The whole answers of an applicant of ``kind`` (KINDS_OF_APPLICANT), as a saved file holds them."""
    proposal_kind = PROPOSAL_KIND[kind]
    day = office_day(call)
    proposers = {"company": lambda: [_company(day)], "joint": lambda: [_individual(), _company(day)]}.get(
        kind, lambda: [_individual()])()
    agent = kind in ("agent", "change")
    if kind in ("company", "agent", "extension"):
        submission = {"method": "post", "date": day.isoformat(), "posted_on": (day - timedelta(days=3)).isoformat()}
    else:
        submission = {"method": "hand", "date": day.isoformat(), "time": "10:00"}
    submission["agent"] = "yes" if agent else "no"
    draft = common_draft()
    proposal = {"kind": proposal_kind}
    if proposal_kind == "new":
        proposal.update(file_name=f"在留管理ファイル {ONE_LINE}", population=5000, file_population="unknown")
        draft["population_basis"] = "対象期間の登録件数から推計"
        draft["processing"] = copy.deepcopy(PROCESSING[:5])
        draft["extraction"] = {"period": "2024年4月から2025年3月まで", "attributes": "東京都に住所がある人",
                               "sampling": "10分の1を無作為抽出"}
    else:
        proposal["file_name"] = "作成済みの匿名加工情報 <第1号>"
        draft["product"] = {"identification": "個人情報ファイル簿に記載の「在留統計匿名加工情報」（2025年作成）"}
    if proposal_kind in ("existing-change", "existing-extend"):
        draft["contract"] = contract(proposal_kind)
    if agent:
        draft["agent"] = {"name": "代理 太郎", "address": "神奈川県横浜市中区1-1", "scope": "提案書類の提出と、提案に関する説明"}
    return {"format": "proposal-checker/answers", "version": 2, "call": call.id, "proposal": proposal,
            "proposers": proposers, "submission": submission, "draft": draft}


def form_values(answers: dict) -> dict[str, list[str]]:
    """What a person types and chooses, by form field name, to give ``answers``: every field of
    every step these answers are asked (``"p0.o1.birth_date.year": ["1970"]``)."""
    from proposal_checker import flow, form
    out: dict[str, list[str]] = {}
    for step in flow.steps(answers):
        for f in step.fields:
            out.update(form.form_values(f, answers))
    return out


def counts(answers: dict) -> dict[str, int]:
    """How many proposers, officers of each proposer and rows of the processing table ``answers`` hold:
    what the walk adds with the page's buttons."""
    out = {"proposers": len(answers["proposers"]), "rows": len(answers["draft"].get("processing", []))}
    for i, p in enumerate(answers["proposers"]):
        if p.get("officers"):
            out[f"officers-{i}"] = len(p["officers"])
    return out


__all__ = ["KINDS_OF_APPLICANT", "ONE_LINE", "PROPOSAL_KIND", "applicant", "counts", "form_values", "office_day"]
