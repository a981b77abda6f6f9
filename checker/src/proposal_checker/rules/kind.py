"""The kind of proposal: 法第112条 (a new product) or 法第118条 (a product already made).

法第118条第1項 covers a new user of a product already made, and a contractor changing its business;
the notice (公示5(1)（注1）) adds a contractor extending its period of use. 法第118条第2項 applies
法第114条第1項 only in its items 1 and 4–7: such proposals have no 本人の数 test and no
processing-method test.
"""
from __future__ import annotations

from ..answers import other_call
from ..findings import Finding, Status
from . import Context, rule
from .common import finding, not_known

KIND_LABELS = {
    "new": "新たに行政機関等匿名加工情報を作成する提案（法第112条）",
    "existing-new-user": "作成済みの行政機関等匿名加工情報を、新たに利用する提案（法第118条第1項）",
    "existing-change": "作成済みの行政機関等匿名加工情報の提供を受けた者が、利用目的（事業）を変更する提案（法第118条第1項）",
    "existing-extend": "作成済みの行政機関等匿名加工情報の提供を受けた者が、利用期間を延長する提案（公示5(1)（注1））",
}
FORM_NEW = "行政機関等匿名加工情報をその用に供して行う事業に関する提案書"
FORM_EXISTING = "作成された行政機関等匿名加工情報をその用に供して行う事業に関する提案書"


@rule(
    id="kind",
    title="提案の種類",
    basis=("法第112条第1項", "法第118条第1項", "公示5(1)（注1）"),
    explain="新たな作成の提案（法第112条）か、作成済みの利用の提案（法第118条）かを確かめます。使う提案書と、審査される基準が変わります。",
)
def check_kind(ctx: Context) -> list[Finding]:
    kind = ctx.answers.proposal.kind
    title = "提案の種類"
    if kind is None:
        return [finding("proposal.kind", Status.REVIEW, title,
                        not_known("提案の種類", None) + "新たな作成の提案か、作成済みの匿名加工情報の利用の提案かで、提案書と審査の基準が変わります。",
                        ("法第112条第1項", "法第118条第1項", "公示5(1)（注1）"))]
    if kind == "new":
        return [finding("proposal.kind", Status.PASS, title,
                        f"{KIND_LABELS[kind]}です。提案書は「{FORM_NEW}」を使います。",
                        ("法第112条第1項", "公示5(1)①"))]
    notes = ["作成済みの匿名加工情報の利用の提案では、法第118条第2項の読み替えにより、本人の数（公示6②）と加工の方法（公示6③）は審査されません。"
             "審査されるのは、公示6の①と④から⑦までです。"]
    if kind in ("existing-change", "existing-extend"):
        notes.append("この提案は、その匿名加工情報の利用に関する契約（法第115条）を結んだ事業者がするものです。")
    return [finding("proposal.kind", Status.PASS, title,
                    f"{KIND_LABELS[kind]}です。提案書は「{FORM_EXISTING}」を使います。提案の方法、審査と契約の手続は、新たな作成の提案に準じます。",
                    ("法第118条第1項", "法第118条第2項", "公示5(1)（注1）"), notes=tuple(notes))]


@rule(
    id="file",
    title="提案に係る個人情報ファイル",
    basis=("法第112条第2項第2号", "公示2"),
    explain="提案書に書く個人情報ファイル（作成済みの利用の提案では、利用する匿名加工情報）の名称が決まっているかを確かめます。",
)
def check_file(ctx: Context) -> list[Finding]:
    name = ctx.answers.proposal.file_name
    existing = ctx.is_existing
    title = "利用する行政機関等匿名加工情報" if existing else "提案に係る個人情報ファイル"
    basis = ("法第118条第2項", "公示5(1)（注1）") if existing else ("法第112条第2項第2号", "公示2")
    if not name:
        what = "利用する行政機関等匿名加工情報" if existing else "提案の対象とする個人情報ファイルの名称"
        return [finding("proposal.file", Status.REVIEW, title, not_known(what, None) + "提案書に書く必要があります。", basis)]
    check = "個人情報ファイル簿" if existing else "公示2の「提案の対象となる個人情報ファイル」の一覧"
    return [finding("proposal.file", Status.PASS, title,
                    f"「{name}」を対象にします。{check}に載っていることを確かめてください。", basis)]


@rule(
    id="saved-for",
    title="回答を保存した募集",
    basis=("公示4",),
    explain="回答ファイルが別の募集のために保存されたものなら、そう伝えます。回答は消さずに、今の募集に照らして確かめます。",
)
def check_saved_for(ctx: Context) -> list[Finding]:
    message = other_call(ctx.answers, ctx.call)
    if not message:
        return []
    return [finding("answers.call", Status.REVIEW, "回答を保存した募集", message, ("公示4",))]
