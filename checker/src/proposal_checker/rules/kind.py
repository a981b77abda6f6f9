"""The kind of proposal: 法第112条 (a new product) or 法第118条 (a product already made).

法第118条第1項 covers a new user of a product already made, and a contractor changing its business;
the notice (公示5(1)（注1）) adds a contractor extending its period of use. 法第118条第2項 applies
法第114条第1項 only in its items 1 and 4–7: such proposals have no 本人の数 test and no
processing-method test.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..answers import Answers
from ..findings import Finding, Status
from . import Context, rule
from .common import not_known, said

# 法第118条第1項: 前段 a new user; 後段 one who has a contract (法第115条) changing 「事業」 (its purpose,
# method or period); the notice names the extension of the period of use apart (公示5(1)（注1））.
KIND_LABELS = {
    "new": "新たに行政機関等匿名加工情報を作成する提案（法第112条）",
    "existing-new-user": "作成済みの行政機関等匿名加工情報を、新たに利用する提案（法第118条第1項前段）",
    "existing-change": "作成済みの行政機関等匿名加工情報の利用の契約を結んだ者が、その事業（利用の目的、方法など）を変更する提案（法第118条第1項後段）",
    "existing-extend": "作成済みの行政機関等匿名加工情報の利用の契約を結んだ者が、利用期間を延長する提案（法第118条第1項後段、公示5(1)（注1））",
}
FORM_NEW = "行政機関等匿名加工情報をその用に供して行う事業に関する提案書"
FORM_EXISTING = "作成された行政機関等匿名加工情報をその用に供して行う事業に関する提案書"


KIND_BASIS = ("法第112条第1項", "法第118条第1項", "公示5(1)（注1）")


@rule(
    id="kind",
    finding="proposal.kind",
    title="提案の種類",
    basis=KIND_BASIS,
    explain="新たな作成の提案（法第112条）か、作成済みの利用の提案（法第118条）かを確かめます。使う提案書と、審査される基準が変わります。",
)
def check_kind(ctx: Context) -> list[Finding]:
    kind = ctx.answers.proposal.kind
    if kind is None:
        return [said(Status.REVIEW, not_known("提案の種類", None)
                     + "新たな作成の提案か、作成済みの匿名加工情報の利用の提案かで、提案書と審査の基準が変わります。",
                     awaits=("proposal.kind",))]
    # Once chosen, the basis is the article of that kind of proposal.
    if kind == "new":
        return [replace(said(Status.PASS, f"{KIND_LABELS[kind]}です。提案書は「{FORM_NEW}」を使います。"),
                        basis=("法第112条第1項", "公示5(1)①"))]
    notes = ["作成済みの匿名加工情報の利用の提案では、法第118条第2項の読み替えにより、本人の数（公示6②）と加工の方法（公示6③）は審査されません。"
             "審査されるのは、公示6の①と④から⑦までです。"]
    notes.append("この提案をすることができる期間は、その匿名加工情報の作成に用いた個人情報ファイルの個人情報ファイル簿に"
                 "書かれています（法第117条第3号）。この募集の期間と同じとは限りません。")
    if kind in ("existing-change", "existing-extend"):
        notes.append("この提案は、その匿名加工情報の利用に関する契約（法第115条）を結んだ事業者がするものです。")
    return [replace(said(Status.PASS, f"{KIND_LABELS[kind]}です。提案書は「{FORM_EXISTING}」を使います。"
                                      "提案の方法、審査と契約の手続は、新たな作成の提案に準じます。", notes=tuple(notes)),
                    basis=("法第118条第1項", "法第118条第2項", "公示5(1)（注1）"))]


@rule(
    id="file",
    finding="proposal.file",
    scope="new",
    title="提案に係る個人情報ファイル",
    basis=("法第112条第2項第2号", "公示2"),
    explain="提案書に書く個人情報ファイルの名称が決まっているかを確かめます。その名称が公示2の一覧に載っているかは確かめません"
            "（「記載あり」）。新たな作成の提案だけが対象です。",
    stated=True,
)
def check_file(ctx: Context) -> list[Finding]:
    return _named(ctx, "提案の対象とする個人情報ファイルの名称",
                  "提案の対象とする個人情報ファイルを「{name}」と書くと回答しました。この名称が、公示2の"
                  "「提案の対象となる個人情報ファイル」の一覧に載っているかは、事前チェックでは確かめていません。"
                  "一覧で、名称が一字一句同じかを確かめてください。")


@rule(
    id="product",
    finding="proposal.file",
    scope="existing",
    title="利用する行政機関等匿名加工情報",
    basis=("法第118条第2項", "公示5(1)（注1）"),
    explain="作成済みの行政機関等匿名加工情報の利用の提案（法第118条）で、利用するものが決まっているかを確かめます。"
            "提案書には、利用する行政機関等匿名加工情報を特定するに足りる事項を書きます（法第118条第2項による法第112条第2項第4号の読み替え）。"
            "それが個人情報ファイル簿に載っているかは確かめません（「記載あり」）。",
    stated=True,
)
def check_product(ctx: Context) -> list[Finding]:
    return _named(ctx, "利用する行政機関等匿名加工情報",
                  "利用する行政機関等匿名加工情報を「{name}」と書くと回答しました。その概要が、作成に用いた個人情報ファイルの"
                  "個人情報ファイル簿に記載されているか（法第117条）は、事前チェックでは確かめていません。"
                  "個人情報ファイル簿で確かめてください。")


def _named(ctx: Context, topic: str, named: str) -> list[Finding]:
    """What the proposal is about (``proposal.file_name``, one answer for both kinds): to be
    answered until named, then "stated" with ``named`` (with ``{name}``): the checker holds no list
    of the files or products, so a name is what the proposal says, never verified and never a pass."""
    name = ctx.answers.proposal.file_name
    if not name:
        return [said(Status.REVIEW, not_known(topic, None) + "提案書に書く必要があります。", awaits=("proposal.file_name",))]
    return [said(Status.STATED, named.replace("{name}", name))]


@rule(
    id="saved-for",
    finding="answers.call",
    title="回答を保存した募集",
    basis=("公示4",),
    explain="回答ファイルが別の募集のために保存されたものなら、そう伝えます。回答は消さずに、今の募集に照らして確かめます。",
)
def check_saved_for(ctx: Context) -> list[Finding]:
    message = other_call(ctx.answers, ctx.call)
    return [said(Status.REVIEW, message)] if message else []


def other_call(answers: Answers, call: Any) -> str:
    """What to tell a person whose answers were saved for another call; "" when they were not (the
    finding above, and the page and the command line when such a file is read)."""
    if answers.call is None or answers.call == call.id:
        return ""
    return (f"この回答は、別の募集（記号「{answers.call}」）のために保存されたものです。"
            f"今の募集（記号「{call.id}」、{call.title}）に照らして確かめます。"
            "日付など、募集によって変わる回答を見直してください。")
