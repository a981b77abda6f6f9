"""Answers for the drafting tests: one applicant of each kind, every drafting field typed, and
text that needs escaping in every format (``<``, ``&``, quotes, line breaks, 𠮷, emoji).

Shared by tests/checker (CPython and Pyodide) and tests/documents (LibreOffice, python-docx).
The values are the call's where they depend on it (the proposal day inside the period).
"""
from __future__ import annotations

import copy

from calls import day

# Text a careless renderer would break: markup, entities, quotes, a line break, a character
# outside the Basic Multilingual Plane (𠮷, U+20BB7) and an emoji.
TRICKY = '研究 <b>&amp; "引用" \'単\' 𠮷野家 😀\n二行目 & </w:t>'

KINDS = ("new", "existing-new-user", "existing-change", "existing-extend")


def common_draft() -> dict:
    """The draft's answers every applicant of these tests gives, whatever its kind (tests/checker/applicants.py
    too): the contact, the business, the period, the measures, the delivery and the contribution."""
    return {
        "contact": {"name": "鈴木 花子", "department": "研究開発部", "telephone": "03-1234-5678",
                    "email": "hanako@example.jp"},
        "business": {"purpose": TRICKY, "method": "統計的な分析（集計・回帰分析）", "outputs": "報告書「人の移動の統計」",
                     "handlers": "研究開発部の分析担当者3名", "entrusted": "yes",
                     "entrustment": "集計の一部を株式会社委託先に委託する"},
        "period": {"start": "2026-07-01", "end": "2028-03-31", "reason": "2年間の推移を分析するため"},
        "measures": {"organisational": "責任者を置き、取扱規程を定める", "human": "担当者に研修を行う",
                     "physical": "施錠した部屋で扱う", "technical": "ネットワークから切り離した端末で扱う",
                     "no_reidentification": "他の情報と照合しない（法第45条）", "deletion": "期間の終わりに消去し、証明書を出す",
                     "incidents": "直ちに報告し、被害の拡大を防ぐ"},
        "delivery": "暗号化した電子媒体（DVD-R）で受け取る",
        "contribution": {"reason": "新たな統計サービスの創出に資する", "effects": "行政と民間の双方で使える指標ができる"},
    }


# The processing table's rows, one of each treatment and more (a new proposal's draft).
PROCESSING = [
    {"item": "住所", "treatment": "generalise", "note": "都道府県まで"},
    {"item": "生年月日", "treatment": "generalise", "note": "年代（10歳刻み）"},
    {"item": "氏名", "treatment": "delete"},
    {"item": "自由記述欄", "treatment": "not-requested", "note": "特異な記述を含むおそれ"},
    {"item": "在留期間", "treatment": "top-bottom", "note": "10年以上は「10年以上」に"},
    {"item": "国籍", "treatment": "keep"},
    {"item": "管理番号", "treatment": "replace", "note": "規則性のない番号に"},
]


def contract(kind: str) -> dict:
    """The existing contract a change or an extension (法第118条第1項後段) names."""
    return {"date": "2025-04-01", "purpose": "人口移動の研究", "period": "2025年4月から2026年3月まで",
            "changes": "利用期間を2年延長する" if kind == "existing-extend" else "分析の対象を広げる"}


def answers(kind: str, call, agent: bool = True, method: str = "post") -> dict:
    """Answers of an applicant of ``kind``: an individual and a company with officers (a joint
    proposal), through an agent unless ``agent`` is false, posting unless ``method`` says otherwise."""
    data: dict = {
        "format": "proposal-checker/answers", "version": 2, "call": call.id,
        "proposal": {"kind": kind, "file_name": "在留管理ファイル <A&B>"},
        "proposers": [
            {"type": "individual", "name": "山田 𠮷子", "address": "東京都千代田区霞が関1-1-1\n霞が関ビル2階",
             "birth_date": "1980-04-01"},
            {"type": "corporation", "name": "株式会社データ&分析", "address": "大阪府大阪市北区1-2-3",
             "representative": {"title": "代表取締役", "name": "佐藤 一郎"},
             "officers": [{"name": "佐藤 一郎", "birth_date": "1970-05-05"}]},
        ],
        "submission": {"method": method, "date": day("closes-3d", call).isoformat(), "agent": "yes" if agent else "no"},
        "draft": {
            **common_draft(),
            "agent": {"name": "代理 太郎", "address": "神奈川県横浜市中区1-1", "scope": "提案書類の提出と、提案に関する説明"},
        },
    }
    if kind == "new":
        data["proposal"]["population"] = 5000
        data["draft"]["population_basis"] = "対象期間の登録件数から推計"
        data["draft"]["processing"] = copy.deepcopy(PROCESSING)
        data["draft"]["extraction"] = {"period": "2024年4月から2025年3月まで", "attributes": "18歳以上",
                                       "sampling": "10分の1を無作為抽出"}
    else:
        data["proposal"]["file_name"] = "作成済みの匿名加工情報 <第1号>"
        data["draft"]["product"] = {"identification": "個人情報ファイル簿に記載の「在留統計匿名加工情報」（2025年作成）"}
    if kind in ("existing-change", "existing-extend"):
        data["draft"]["contract"] = contract(kind)
    if not agent:
        del data["draft"]["agent"]
    return data


def typed_values(data: dict) -> list[str]:
    """Every text typed into ``data`` (each line of it), as a draft must show it."""
    out: list[str] = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                if k not in ("format", "version", "call", "kind", "type", "method", "agent", "birth_date",
                             "officers", "treatment", "entrusted", "date", "start", "end", "population"):
                    walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            out.extend(line for line in value.split("\n") if line)

    walk({k: v for k, v in data.items() if k != "submission"})
    return out


def with_changes(data: dict, **paths) -> dict:
    """A copy of ``data`` with ``draft__period__end="…"``-style changes (``__`` between keys)."""
    data = copy.deepcopy(data)
    for path, value in paths.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target.setdefault(key, {})
        target[keys[-1]] = value
    return data
