"""What the proposal's draft holds: every item of 法第112条第2項 (or its 法第118条第2項 reading).

Only once a draft is begun (the answers hold any of version 2's drafting fields). Completeness,
never content: a draft with every item is "stated" (記載あり: whether what it says meets the
criteria of 法第114条第1項 is the agency's to judge), one with an item missing is "review",
naming the item. Never a pass, never a fail.

Which answers fill which item is the statute's list, as the documents' data (drafting,
data/documents.json) fills its sections: a test compares the two.
"""
from __future__ import annotations

from ..answers import Answers
from ..findings import Finding, Status
from . import Context, rule

# 法第112条第2項, item by item: (the item, what it is in words, the answers it needs). A proposer's
# answers are checked for each proposer; "representative.name" for a body only.
ITEMS_112 = (
    ("第1号", "提案者の氏名または名称と住所または居所、団体の代表者の氏名", ("proposers[].name", "proposers[].address",
                                                      "proposers[].representative.name")),
    ("第2号", "個人情報ファイルの名称", ("proposal.file_name",)),
    ("第3号", "本人の数", ("proposal.population",)),
    ("第4号", "加工の方法（加工の方法の表）", ("draft.processing[]",)),
    ("第5号", "利用の目的及び方法", ("draft.business.purpose", "draft.business.method")),
    ("第6号", "利用期間", ("draft.period.start", "draft.period.end")),
    ("第7号", "適切な管理のために講ずる措置", ("draft.measures",)),
    ("第8号", "個人情報保護委員会規則で定める事項（希望する提供の方法）", ("draft.delivery",)),
)
# 法第118条第2項 reads 「第一号及び第四号から第八号まで」, and 第4号 as 「提案に係る行政機関等匿名加工情報を
# 特定するに足りる事項」.
ITEMS_118 = (
    ITEMS_112[0],
    ("第4号", "行政機関等匿名加工情報を特定するに足りる事項", ("proposal.file_name", "draft.product.identification")),
    *ITEMS_112[4:],
)
BASIS_112 = ("法第112条第2項",)
BASIS_118 = ("法第118条第2項",)


def begun(answers: Answers) -> bool:
    """Whether a draft is begun: any answer of version 2's drafting fields."""
    return bool(answers.draft.data) or any(p.address or p.representative is not None for p in answers.proposers)


def missing_in(answers: Answers, paths: tuple[str, ...]) -> list[str]:
    """The answers of ``paths`` not given, in words (a proposer's by their number; "" when the
    answer is the whole item)."""
    out = []
    for path in paths:
        if path.startswith("proposers[]."):
            key = path.removeprefix("proposers[].")
            people = answers.proposers or ()
            if not people:
                out.append("提案者")
                continue
            for i, p in enumerate(people, 1):
                if key == "representative.name":
                    if p.is_body and not (p.representative and p.representative.name):
                        out.append(f"提案者{i}の代表者の氏名")
                elif not getattr(p, key):
                    out.append(f"提案者{i}の{'氏名または名称' if key == 'name' else '住所または居所'}")
        elif path == "proposal.file_name":
            if not answers.proposal.file_name:
                out.append("")
        elif path == "proposal.population":
            if answers.proposal.population is None:
                out.append("")
        elif path == "draft.processing[]":
            if not any(r.get("item") for r in answers.draft.rows):
                out.append("")
        elif not answers.draft.holds(path.removeprefix("draft.")):
            out.append(_PARTS.get(path, ""))
    return out


# The part of an item an answer is, where the item has several ("" : the item itself).
_PARTS = {"draft.business.purpose": "利用の目的", "draft.business.method": "利用の方法",
          "draft.period.start": "始期", "draft.period.end": "終期"}


@rule(
    id="draft-items",
    title="提案書の記載事項（下書き）",
    basis=BASIS_112,
    explain="提案書の下書きを作り始めたときに、法律が定める記載事項（法第112条第2項の第1号から第8号まで。作成済みのものを使う提案では、"
            "法第118条第2項が読み替える第1号と第4号から第8号まで）が、下書きにそろっているかを確かめます。"
            "そろっていれば「記載あり（内容は審査で判断）」、足りなければ足りない号を示します。書いた内容が審査基準に適合するかは、審査で判断されます。",
    stated=True,
)
def check_items(ctx: Context) -> list[Finding]:
    answers = ctx.answers
    if not begun(answers):
        return []
    new = answers.proposal.is_new is not False
    items, basis = (ITEMS_112, BASIS_112) if new else (ITEMS_118, BASIS_118)
    article = "法第112条第2項" if new else "法第118条第2項（法第112条第2項の読み替え）"
    gaps = [(item, words, missing) for item, words, paths in items if (missing := missing_in(answers, paths))]
    if not gaps:
        return [Finding(id="draft-items", status=Status.STATED, title="提案書の記載事項（下書き）",
                        message=f"下書きに、{article}の記載事項（{items[0][0]}から{items[-1][0]}まで）がすべてあります。"
                                f"書いた内容が審査基準に適合するかは、審査で{ctx.call.agency_name}が判断します。",
                        basis=basis)]
    listed = "、".join(f"{item}（{words}" + (f"：{'・'.join(dict.fromkeys(m for m in missing if m))}" if any(missing) else "")
                      + "）" for item, words, missing in gaps)
    return [Finding(id="draft-items", status=Status.REVIEW, title="提案書の記載事項（下書き）",
                    message=f"下書きに、まだ書いていない{article}の記載事項があります。{listed}。"
                            "「提案書の下書き」で書き足してください。空欄の項目は、下書きに「（未記入）」と出ます。",
                    basis=basis,
                    notes=(f"第8号の事項は、個人情報保護委員会規則が定めます。規則が何を定めているかは、このサイトでは確かめていません。"
                           f"下書きでは希望する提供の方法を書く欄にしています。{ctx.call.agency_name}の様式に従ってください。",)
                    if any(item == "第8号" for item, _, _ in gaps) else ())]


__all__ = ["ITEMS_112", "ITEMS_118", "begun", "check_items", "missing_in"]
