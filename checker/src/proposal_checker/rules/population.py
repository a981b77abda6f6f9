"""本人の数 (法第114条第1項第2号, 公示6②): new proposals only.

At least call.minimum_population (the call's data), and no more than the 本人の数 of the file.
The file's 本人の数 is often not published (it is not a field of the 個人情報ファイル簿), so an
unknown file population is "review" (confirm with the agency), never a pass or a fail, and only the
agency can settle it (``agency_only``: the result lists it apart from what the applicant can answer).
"""
from __future__ import annotations

from ..vocabulary import UNKNOWN
from ..findings import Finding, Status
from . import Context, rule
from .common import not_known, said

BASIS = ("法第114条第1項第2号", "法第112条第2項第3号", "公示6②")


@rule(
    id="population",
    scope="new",
    title="本人の数",
    basis=BASIS,
    explain="提案に係る匿名加工情報の本人の数（何人分の情報か）が、募集で定める下限（公示6②）以上で、かつ個人情報ファイルの本人の数以下かを確かめます。新たな作成の提案だけが対象です。",
)
def check_population(ctx: Context) -> list[Finding]:
    p = ctx.answers.proposal
    minimum = ctx.call.minimum_population
    note = ("「本人の数」は、匿名加工情報に含まれる個人の人数です。",)
    if p.population is None:
        return [said(Status.REVIEW, not_known("提案する本人の数", None)
                     + f"{minimum:,}人以上で、かつ個人情報ファイルの本人の数以下であることが必要です。", notes=note,
                     awaits=("proposal.population",))]
    if p.population < minimum:
        return [said(Status.FAIL, f"本人の数が{p.population:,}人で、{minimum:,}人に足りません。"
                                  f"本人の数は{minimum:,}人以上にする必要があります。", notes=note)]
    if p.file_population is None:
        return [said(Status.REVIEW, f"本人の数（{p.population:,}人）は{minimum:,}人以上です。" + not_known("個人情報ファイルの本人の数", None)
                        + "提案する本人の数は、ファイルの本人の数以下である必要があります。", notes=note,
                        awaits=("proposal.file_population",))]
    if p.file_population == UNKNOWN:
        # The file's 本人の数 is not a field of the register and is often not published: the agency
        # alone can tell, so this is the note of what to ask, not an open question of the criteria.
        return [said(Status.REVIEW, f"本人の数（{p.population:,}人）は{minimum:,}人以上です。個人情報ファイルの本人の数がわからないため、"
                        f"ファイルの本人の数以下かを判定できません。{ctx.call.agency_name}に確かめてください。", notes=note,
                     agency_only=True)]
    if p.population > p.file_population:
        return [said(Status.FAIL, f"本人の数（{p.population:,}人）が、個人情報ファイルの本人の数（{p.file_population:,}人）を超えています。"
                        "ファイルの本人の数以下にする必要があります。", notes=note)]
    return [said(Status.PASS, f"本人の数（{p.population:,}人）は、{minimum:,}人以上で、"
                              f"個人情報ファイルの本人の数（{p.file_population:,}人）以下です。", notes=note)]
