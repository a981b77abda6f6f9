"""The papers to hand in (公示5(1)) and the two checks on them the answers allow.

The checklist comes from the call data (call.documents, each with its ``when`` tags); this module
only decides which apply and says why. Checks: the age of a body's 登記事項証明書 or
印鑑登録証明書 (made within call.certificate_months before the proposal day, 公示5(1)（注2）), and the power of
attorney when an agent submits (公示3（注）, 公示5(1)（注3）).
"""
from __future__ import annotations

from dataclasses import replace

from ..answers import Submission
from ..dates import add_months
from ..findings import Finding, Status
from ..result import DocumentItem
from ..vocabulary import BODY_TYPES, UNKNOWN
from . import Context, rule
from .common import awaiting, awaiting_day, day, day_missing, not_known, proposer_label, said

# 公示5(1)（注2） lists the papers; two of them need a word the notice does not give (see legal notes).
IDENTITY_NOTES = (
    "個人番号カードは、表面だけを写します。裏面の個人番号は、集めることが法律で制限されています（番号法第19条・第20条）。"
    "健康保険の被保険者証は、2024年12月2日から新しく発行されておらず、それまでの証も遅くとも2025年12月1日に有効期限が過ぎています。"
    "被保険者証の写しで足りるかは、提出先に確かめてください。"
)
WHY = {
    "proposal-new": "新たに匿名加工情報を作成する提案の本体です。提案者の氏名と住所、個人情報ファイルの名称、本人の数、加工の方法、事業の内容、利用期間、管理の措置などを書きます。",
    "proposal-existing": "作成済みの匿名加工情報を利用する提案の本体です。提案者の氏名と住所、利用する匿名加工情報、事業の内容、利用期間、管理の措置などを書きます。",
    "pledge": "提案者が欠格事由（公示3の①から⑥まで）のどれにも当たらないことを誓約する書面です。",
    "contribution": "事業が「新たな産業の創出又は活力ある経済社会若しくは豊かな国民生活の実現に資する」ことを示す書面です。審査の基準（公示6④）に関わります。",
    "identity-individual": "個人の提案者の本人確認のための書類です。運転免許証、健康保険の被保険者証、個人番号カード等の写しを付けます。",
    "identity-body": "法人その他の団体の提案者の本人確認のための書類です。登記事項証明書や印鑑登録証明書等で、提案の日前{months}か月以内に作成されたものに限ります。",
    # 公示5(1)② lists it among the attachments without a condition: that it is sent only when asked is
    # a reading, so the words say what the notice does not say and where to ask (not 「出す必要はありません」).
    "other": "公示は、添付書類の一つに「その他、{issuer}が必要と認める書類」を挙げていますが、それが何か、いつ出すかは書いていません。"
             "このサイトでは、ほかの書類と分けて載せています。様式のページ（{forms}）を確かめ、{agency}に確かめてください。",
    "power-of-attorney": "代理人が提案する場合に、代理人の権限を証する書面です。",
}
CONDITIONS = {
    "new": "新たな作成の提案（法第112条）の場合",
    "existing": "作成済みの匿名加工情報の利用の提案（法第118条）の場合",
    "individual": "提案者に個人がいる場合",
    "body": "提案者に法人その他の団体がいる場合",
    "agent": "代理人が提出する場合",
    "requested": "必要と認められた場合（公示は内容を書いていません）",
}
CERTIFICATE_BASIS = ("公示5(1)（注2）",)
# 公示5(2) asks for {copies} sets; whether each certificate must be an original in every set is not said.
COPIES_ORIGINALS = "提案書類は{copies}部出しますが、証明書を{copies}部とも原本にするか、写しでよいかは、公示に書かれていません。提出先に確かめてください。"
# A 法人でない団体 can be neither registered nor have its seal registered: which papers serve is the agency's to say.
ORGANISATION_PAPERS = "法人でない団体には、登記事項証明書も印鑑登録証明書もありません。どの書類で足りるかは、提出先に確かめてください。"


# What to watch when the paper is made or copied: shown beside it on the screen and on both prints
# (DocumentItem.warnings), where the reasons (``WHY``) are left to the whole result's print.
WARNINGS = {"identity-individual": (IDENTITY_NOTES,)}


def when_text(when: tuple[str, ...]) -> str:
    """When a document is needed, in words (the checklist, the static checklist and the guide page)."""
    return "、".join(CONDITIONS[tag] for tag in when) or "すべての提案"


def why_text(doc_id: str, call, warnings: bool = True) -> str:
    """Why a document is needed, with the call's values put in, and (``warnings``) what to watch with
    it (``WARNINGS``); "" when there is nothing to add."""
    why = WHY.get(doc_id, "").format(months=call.certificate_months, issuer=call.issuer, agency=call.agency_name,
                                     forms=call.links["forms"])
    return why + ("".join(WARNINGS.get(doc_id, ())) if warnings else "")
AGENT_BASIS = ("公示3（注）", "公示5(1)（注3）")


def checklist(ctx: Context) -> list[DocumentItem]:
    """The documents that apply to these answers; those that may apply carry a condition."""
    items = []
    joint = len(ctx.answers.proposers) > 1
    for doc in ctx.call.documents:
        needed, conditions = True, []
        for tag in doc.when:
            if tag == "requested":
                # 公示5(1)②「その他…必要と認める書類」: the agency may ask for it after the proposal; it is
                # listed apart (on_request), not as an open condition of these answers.
                continue
            answer = _applies(ctx, tag)
            if answer is False:
                needed = False
            elif answer is None:
                conditions.append(CONDITIONS[tag])
        if not needed:
            continue
        why = why_text(doc.id, ctx.call, warnings=False) or f"{doc.group}として、公示5(1)で提出が求められています。"
        warnings = list(WARNINGS.get(doc.id, ()))
        if joint and doc.id.startswith("identity-"):
            warnings.append("共同提案で提案者ごとに必要かどうかは、公示に書かれていません。提出先に確かめてください。")
        if doc.id == "identity-body":
            warnings.append(COPIES_ORIGINALS.format(copies=ctx.call.copies))
            if any(p.type == "organisation" for p in ctx.answers.proposers):
                warnings.append(ORGANISATION_PAPERS)
        items.append(DocumentItem(id=doc.id, name=doc.name, why=why, basis=doc.basis, copies=ctx.call.copies,
                                  condition="、".join(conditions), on_request="requested" in doc.when,
                                  warnings=tuple(warnings)))
    return items


def _applies(ctx: Context, tag: str) -> bool | None:
    """Whether a ``when`` tag holds for these answers; None when the answers do not tell yet."""
    if tag == "new":
        return ctx.is_new
    if tag == "existing":
        return None if ctx.is_new is None else not ctx.is_new
    if tag in ("individual", "body"):
        types = [p.type for p in ctx.answers.proposers]
        wanted = (lambda t: t == "individual") if tag == "individual" else (lambda t: t in BODY_TYPES)
        if any(t is not None and wanted(t) for t in types):
            return True
        if types and all(t is not None for t in types):
            return False
        return None
    if tag == "agent":
        agent = ctx.answers.submission.agent
        return True if agent == "yes" else False if agent == "no" else None
    return None


@rule(
    id="certificate",
    title="法人その他の団体の本人確認書類の作成日",
    basis=CERTIFICATE_BASIS,
    explain="法人その他の団体の登記事項証明書や印鑑登録証明書等が、提案の日前の公示5(1)（注2）の期間内に作成されたものかを確かめます。"
            "法人でない団体には登記事項証明書も印鑑登録証明書もないため、どの書類で足りるかを提出先に確かめるよう伝えます（確認が必要）。",
)
def check_certificate(ctx: Context) -> list[Finding]:
    """One finding per body among the proposers, under its own id and name (title and basis: the rule's)."""
    months = ctx.call.certificate_months
    rule_text = f"公示5(1)（注2）により、登記事項証明書や印鑑登録証明書等は「提案の日前{months}か月以内に作成されたものに限る」とされています。"
    findings = []
    for i, proposer in enumerate(ctx.answers.proposers):
        if proposer.type == "organisation":
            # Which paper serves a body with no register and no registered seal is the agency's to say.
            status, message = _organisation(ctx, proposer.certificate_date, months, rule_text)
            awaits: tuple[str, ...] = ()
            agency_only = True
        elif proposer.is_body:
            status, message, awaits = _certificate(proposer.certificate_date, ctx.answers.submission, months, rule_text,
                                                   f"proposers[{i}].certificate_date")
            agency_only = False
        else:
            continue
        findings.append(replace(said(status, message, awaits=awaits, agency_only=agency_only),
                                id=f"proposer-{i + 1}.certificate", subject=proposer_label(i, proposer)))
    return findings


def _organisation(ctx: Context, made, months: int, rule_text: str) -> tuple[Status, str]:
    """A 法人でない団体: no 登記事項証明書, no 印鑑登録証明書; which papers serve is for the agency to say."""
    message = (f"法人でない団体には、登記事項証明書も印鑑登録証明書もありません。公示5(1)（注2）の「等」として、"
               f"どの書類で本人確認ができるかは、{ctx.call.agency_name}が判断します。提出先に確かめてください。")
    if made is not None and made != UNKNOWN:
        status, said_of_date, _ = _certificate(made, ctx.answers.submission, months, rule_text, "")
        if status is not Status.REVIEW:
            message += f"入力した書類の作成日について：{said_of_date}"
    return Status.REVIEW, message + ("" if made is not None and made != UNKNOWN else rule_text)


def _certificate(made, submission: Submission, months: int, rule_text: str,
                 path: str) -> tuple[Status, str, tuple[str, ...]]:
    """The status, the message and what it waits for; ``path``: where the certificate's date is answered."""
    d = submission.date
    if made is None or made == UNKNOWN:
        return (Status.REVIEW, not_known("登記事項証明書や印鑑登録証明書等の作成日", made) + rule_text,
                awaiting(made, path))
    if d is None:
        return Status.REVIEW, (day_missing(submission)
                               + f"作成日（{day(made)}）が提案の日前{months}か月以内かを判定できません。" + rule_text), \
            awaiting_day(submission)
    earliest = add_months(d, -months)
    if made > d:
        return Status.FAIL, f"作成日（{day(made)}）が提案の日（{day(d)}）より後になっています。提案の日までに作成されたものを付けてください。", ()
    if made < earliest:
        return Status.FAIL, (f"作成日（{day(made)}）が古すぎます。提案の日（{day(d)}）に使えるのは、{day(earliest)}以後に作成されたものです。"
                             "新しく取り直してください。"), ()
    return Status.PASS, f"作成日（{day(made)}）は、提案の日（{day(d)}）前{months}か月以内（{day(earliest)}以後）です。", ()


@rule(
    id="agent",
    finding="submission.agent",
    title="代理人による提案と委任状",
    basis=AGENT_BASIS,
    explain="代理人が提案する場合は、代理人の権限を証する書面（委任状）を添えることを確かめます。",
)
def check_agent(ctx: Context) -> list[Finding]:
    agent = ctx.answers.submission.agent
    if agent == "yes":
        return [said(Status.PASS, "代理人が提案します。代理人の権限を証する書面（委任状）を添えてください。")]
    if agent == "no":
        return [said(Status.PASS, "提案者自身が提案します。委任状は要りません。")]
    return [said(Status.REVIEW, not_known("代理人が提案するか", agent, "agent")
                 + "代理人による場合は、委任状（代理人の権限を証する書面）を添える必要があります。",
                 awaits=awaiting(agent, "submission.agent"))]
