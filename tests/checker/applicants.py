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

from drafts import TRICKY

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
    draft = {
        "contact": {"name": "鈴木 花子", "department": "研究開発部", "telephone": "03-1234-5678",
                    "email": "hanako@example.jp"},
        "business": {"purpose": TRICKY, "method": "統計的な分析（集計・回帰分析）", "outputs": "報告書「人の移動の統計」",
                     "handlers": "研究開発部の分析担当者3名", "entrusted": "yes",
                     "entrustment": "集計の一部を株式会社委託先に委託する"},
        "period": {"start": "2026-07-01", "end": "2028-03-31", "reason": "2年間の推移を分析するため"},
        "measures": {"organisational": "責任者を置き、取扱規程を定める", "human": "担当者に研修を行う",
                     "physical": "施錠した部屋で扱う", "technical": "ネットワークから切り離した端末で扱う",
                     "no_reidentification": "他の情報と照合しない（法第45条）", "deletion": "期間の終わりに消去する",
                     "incidents": "直ちに報告し、被害の拡大を防ぐ"},
        "delivery": "暗号化した電子媒体（DVD-R）で受け取る",
        "contribution": {"reason": "新たな統計サービスの創出に資する", "effects": "行政と民間の双方で使える指標ができる"},
    }
    proposal = {"kind": proposal_kind}
    if proposal_kind == "new":
        proposal.update(file_name=f"在留管理ファイル {ONE_LINE}", population=5000, file_population="unknown")
        draft["population_basis"] = "対象期間の登録件数から推計"
        draft["processing"] = [
            {"item": "住所", "treatment": "generalise", "note": "都道府県まで"},
            {"item": "生年月日", "treatment": "generalise", "note": "年代（10歳刻み）"},
            {"item": "氏名", "treatment": "delete"},
            {"item": "自由記述欄", "treatment": "not-requested", "note": "特異な記述を含むおそれ"},
            {"item": "在留期間", "treatment": "top-bottom", "note": "10年以上は「10年以上」に"},
        ]
        draft["extraction"] = {"period": "2024年4月から2025年3月まで", "attributes": "東京都に住所がある人",
                               "sampling": "10分の1を無作為抽出"}
    else:
        proposal["file_name"] = "作成済みの匿名加工情報 <第1号>"
        draft["product"] = {"identification": "個人情報ファイル簿に記載の「在留統計匿名加工情報」（2025年作成）"}
    if proposal_kind in ("existing-change", "existing-extend"):
        draft["contract"] = {"date": "2025-04-01", "purpose": "人口移動の研究", "period": "2025年4月から2026年3月まで",
                             "changes": "利用期間を2年延長する" if kind == "extension" else "分析の対象を広げる"}
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
