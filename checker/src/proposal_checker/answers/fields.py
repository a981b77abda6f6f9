"""The answers the drafts may use: every path, its kind, its label and its limit, in one list.

A path names a place in the answers JSON: ``proposers[].address`` is the ``address`` of each
proposer, ``draft.processing[].item`` the ``item`` of each row of the processing table. The
answers format reads the ones marked ``new`` in its version 2 (answers/drafts.py), besides those
of version 1; the documents' data (``drafting``, ``data/documents.json``) may name only these
paths; the drafting steps' questions (data/questions.json) ask for them.

It lives with the answers format, below everything, because the format's reader needs it when
the checker starts, while the drafting package is not imported (nor, in the browser, even
downloaded) until a draft is asked for.

Limits: one line of text (a name, an address) up to ``SHORT`` characters, narrative text (the
business, the measures) up to ``NARRATIVE``; the processing table up to ``MAX_TABLE_ROWS`` rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..vocabulary import WORDS
from .model import MAX_PROPOSERS, MAX_TEXT

SHORT = MAX_TEXT          # 200, as every text answer of version 1
NARRATIVE = 2_000
PHONE = 30
EMAIL = 254               # RFC 5321's limit on a path
# A 個人情報ファイル's 記録項目 run to tens, rarely a hundred: 500 rows leave room for any real file
# while keeping a document small and quick to make (a 500-row .docx is about 60 KB).
MAX_TABLE_ROWS = 500

KIND_WORDS = {
    "new": "新たに作成してもらう提案（法第112条）",
    "existing-new-user": "作成済みのものを新たに利用する提案（法第118条第1項前段）",
    "existing-change": "契約した事業を変更する提案（法第118条第1項後段）",
    "existing-extend": "利用期間を延長する提案（法第118条第1項後段、公示5(1)（注1））",
}
PROPOSER_WORDS = {"individual": "個人", "corporation": "法人", "organisation": "法人でない団体"}
METHOD_WORDS = {"hand": "持参", "post": "郵送・信書便", "unknown": "未定"}
AGENT_WORDS = {"no": "提案者が自ら提出する", "yes": "代理人が提出する", "unknown": "未定"}

# The treatments of one 記録項目 and the entrustment: values of the vocabulary, in the interview's
# words (data/vocabulary.json), which the documents write too.
TREATMENTS = WORDS.choices["treatment"]
ENTRUSTED = WORDS.choices["entrusted"]

KINDS_OF_FIELD = ("text", "narrative", "date", "count", "choice", "phone", "email", "list")


@dataclass(frozen=True)
class AnswerField:
    """One answer a draft may use. ``limit``: characters (text), rows (a list)."""
    path: str
    kind: str
    label: str
    limit: int = 0
    options: dict[str, str] = field(default_factory=dict)
    new: bool = True               # False: already in the answers format version 1
    basis: str = ""
    unit: str = ""                 # after a count: 「人」

    @property
    def parts(self) -> tuple[str, ...]:
        """``proposers[].address`` → ("proposers", "[]", "address")."""
        return tuple(p for p in re.split(r"\.|(\[\])", self.path) if p)


def _text(path: str, label: str, basis: str = "", limit: int = SHORT, new: bool = True) -> AnswerField:
    return AnswerField(path, "text", label, limit, new=new, basis=basis)


def _narrative(path: str, label: str, basis: str = "") -> AnswerField:
    return AnswerField(path, "narrative", label, NARRATIVE, basis=basis)


def _choice(path: str, label: str, options: dict[str, str], basis: str = "", new: bool = True) -> AnswerField:
    return AnswerField(path, "choice", label, options=options, new=new, basis=basis)


def _date(path: str, label: str, basis: str = "", new: bool = True) -> AnswerField:
    return AnswerField(path, "date", label, new=new, basis=basis)


def _under(basis: str, *fields: AnswerField) -> tuple[AnswerField, ...]:
    """Fields for one item of the statute or the notice: each takes ``basis`` unless it names its own."""
    return tuple(f if f.basis else replace(f, basis=basis) for f in fields)


FIELDS: tuple[AnswerField, ...] = (
    # Version 1 answers the drafts reuse.
    _choice("proposal.kind", "提案の種類", KIND_WORDS, "法第112条、法第118条", new=False),
    _text("proposal.file_name", "個人情報ファイルの名称（作成済みのものを使う提案では、使う行政機関等匿名加工情報の名称）",
          "法第112条第2項第2号", new=False),
    AnswerField("proposal.population", "count", "本人の数", new=False, basis="法第112条第2項第3号", unit="人"),
    AnswerField("proposers[]", "list", "提案者", MAX_PROPOSERS, new=False, basis="公示3"),
    _choice("proposers[].type", "提案者の種類", PROPOSER_WORDS, new=False),
    _text("proposers[].name", "氏名又は名称", "法第112条第2項第1号", new=False),
    _date("submission.date", "提案の日", "公示4", new=False),
    _choice("submission.method", "提出の方法", METHOD_WORDS, "公示5(2)", new=False),
    _choice("submission.agent", "代理人による提出", AGENT_WORDS, "公示3（注）", new=False),
    # 法第112条第2項第1号: each proposer.
    *_under("法第112条第2項第1号",
            _text("proposers[].address", "住所又は居所"),
            _text("proposers[].representative.title", "代表者の役職"),
            _text("proposers[].representative.name", "代表者の氏名")),
    # A contact person: the forms' convention, not a statutory item.
    _text("draft.contact.name", "担当者の氏名"),
    _text("draft.contact.department", "担当者の所属"),
    AnswerField("draft.contact.telephone", "phone", "電話番号", PHONE),
    AnswerField("draft.contact.email", "email", "電子メールアドレス", EMAIL),
    _narrative("draft.population_basis", "本人の数の求め方", "法第112条第2項第3号"),
    # 第4号: the processing method, one row per 記録項目 (別紙), and the extraction conditions.
    *_under("法第112条第2項第4号",
            AnswerField("draft.processing[]", "list", "加工の方法の表", MAX_TABLE_ROWS),
            _text("draft.processing[].item", "記録項目"),
            _choice("draft.processing[].treatment", "加工の方法", TREATMENTS, "規則第62条"),
            _text("draft.processing[].note", "内容（細かさ・備考）"),
            _narrative("draft.extraction.period", "抽出の条件：期間"),
            _narrative("draft.extraction.attributes", "抽出の条件：属性"),
            _narrative("draft.extraction.sampling", "抽出の条件：無作為抽出")),
    # 法第118条: 第4号 as 法第118条第2項 reads it, and the contract a change or an extension concerns.
    _narrative("draft.product.identification", "行政機関等匿名加工情報を特定するに足りる事項", "法第118条第2項"),
    *_under("法第118条第1項後段",
            _date("draft.contract.date", "契約を結んだ日"),
            _narrative("draft.contract.purpose", "契約している利用の目的"),
            _text("draft.contract.period", "契約している利用の期間"),
            _narrative("draft.contract.changes", "変更する内容")),
    *_under("法第112条第2項第5号",
            _narrative("draft.business.purpose", "利用の目的"),
            _narrative("draft.business.method", "利用の方法"),
            _narrative("draft.business.outputs", "作成するもの（成果物）"),
            _narrative("draft.business.handlers", "取り扱う者"),
            _choice("draft.business.entrusted", "取扱いの委託", ENTRUSTED),
            _narrative("draft.business.entrustment", "委託先と委託する内容")),
    *_under("法第112条第2項第6号",
            _date("draft.period.start", "利用期間の始期"),
            _date("draft.period.end", "利用期間の終期"),
            _narrative("draft.period.reason", "その期間が必要な理由")),
    # 第7号, by kind of measure
    *_under("法第112条第2項第7号",
            _narrative("draft.measures.organisational", "組織的な措置"),
            _narrative("draft.measures.human", "人的な措置"),
            _narrative("draft.measures.physical", "物理的な措置"),
            _narrative("draft.measures.technical", "技術的な措置"),
            _narrative("draft.measures.no_reidentification", "本人を識別しないための措置", "法第45条"),
            _narrative("draft.measures.deletion", "利用期間が終わった後の消去"),
            _narrative("draft.measures.incidents", "漏えいなどが起きたときの対応")),
    # 第8号: what the 規則 adds is not verified here; the preferred way of delivery is asked.
    _narrative("draft.delivery", "希望する提供の方法", "法第112条第2項第8号"),
    *_under("法第112条第3項第2号",
            _narrative("draft.contribution.reason", "新たな産業の創出などに資する理由"),
            _narrative("draft.contribution.effects", "見込まれる効果")),
    # An agent (公示3（注）): the 委任状.
    *_under("公示3（注）",
            _text("draft.agent.name", "代理人の氏名又は名称"),
            _text("draft.agent.address", "代理人の住所又は居所"),
            _narrative("draft.agent.scope", "委任する事項")),
)

BY_PATH: dict[str, AnswerField] = {f.path: f for f in FIELDS}

# Checks for the two fields with a shape: digits, hyphens, brackets, "+" and spaces; one "@".
PHONE_PATTERN = re.compile(r"[0-9０-９+＋()（）\-－‐ 　]{1,30}")
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

def new_fields() -> tuple[AnswerField, ...]:
    """The fields the answers format gains in version 2."""
    return tuple(f for f in FIELDS if f.new)


__all__ = ["AnswerField", "BY_PATH", "EMAIL_PATTERN", "FIELDS", "MAX_TABLE_ROWS", "NARRATIVE", "PHONE_PATTERN", "SHORT",
           "TREATMENTS", "new_fields"]
