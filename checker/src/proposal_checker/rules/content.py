"""What the proposal must show about the business (法第114条第1項第4号から第6号まで).

Three checklist rules; each says what the examination looks for. "yes" is "stated" (the proposal
states it; the agency judges its content), "not-yet" or no answer is "review": the checker cannot
judge the content, only whether it has been written. None of them is ever a pass.

Where the proposal's draft holds the content (the paper on the contribution, the period of use,
the measures), the finding follows the draft and the 「書いた／まだ」 question is not asked
(data/questions.json, ``drafted``): what the draft holds is "stated", what it lacks "review",
named; the period's start and end must also be in order. Still never a pass.
"""
from __future__ import annotations

from ..dates import format_date
from ..findings import Finding, Status
from ..vocabulary import MEASURE_ITEMS
from . import Context, rule
from .common import not_known, said

CONTRIBUTION_BASIS = ("法第112条第3項第2号", "法第114条第1項第4号", "公示5(1)②", "公示6④")
PERIOD_BASIS = ("法第112条第2項第6号", "法第114条第1項第5号", "公示6⑤")
MEASURES_BASIS = ("法第112条第2項第5号", "法第112条第2項第7号", "法第114条第1項第6号", "公示6⑥")

# Examples of what to write, gathered by the site's editors: neither the statute (法第112条第2項第5号・
# 第7号 say only 「利用の目的及び方法」 and 「漏えいの防止その他…適切な管理のために講ずる措置」) nor the
# notice lists them. The finding says so.
MEASURES_SOURCE = (
    "ここで確かめる項目は、このサイトの編集者がまとめた例です。法律も公示も、管理の措置の項目を定めていません"
    "（法第112条第2項第5号・第7号は「利用の目的及び方法」と「漏えいの防止その他当該行政機関等匿名加工情報の適切な管理のために講ずる措置」を書くとだけ定めています）。"
)
MEASURES = {
    "purpose_method": "利用の目的と方法",
    "access_control": "利用する人と場所の限定（アクセスの管理）",
    "leak_prevention": "漏えいを防ぐ措置",
    "staff": "取り扱う人への教育と監督",
    "disposal": "利用を終えた後の消去・廃棄",
    "incidents": "漏えいなどが起きたときの対応",
}


def _done(ctx: Context, key: str, done: str, todo: str, looks_for: str) -> list[Finding]:
    """The finding on the answer ``proposal.{key}`` ("yes" / "not-yet")."""
    answer = getattr(ctx.answers.proposal, key)
    notes = (looks_for,)
    if answer == "yes":
        return [said(Status.STATED, done + judged(ctx), notes=notes)]
    if answer == "not-yet":
        return [said(Status.REVIEW, f"{todo}を、まだ用意していないと回答しました。用意してから提出してください。", notes=notes)]
    return [said(Status.REVIEW, not_known(todo, None), notes=notes, awaits=(f"proposal.{key}",))]


def judged(ctx: Context) -> str:
    """What a "stated" finding adds: the checker asked only whether it is written."""
    return f"事前チェックは、書いたかだけを確かめます。内容が基準に適合するかは、審査で{ctx.call.agency_name}が判断します。"


@rule(
    id="contribution",
    title="新たな産業の創出等に資することを明らかにする書面",
    basis=CONTRIBUTION_BASIS,
    explain="事業が「新たな産業の創出又は活力ある経済社会若しくは豊かな国民生活の実現に資する」ことを明らかにする書面を用意したかを聞きます。"
            "提案書の下書きでこの書面の内容を書いたときは、これを聞かずに、役立つ理由が書いてあるかを確かめます。"
            "事業がそれに資するかは、審査で判断されます。",
    stated=True,
)
def check_contribution(ctx: Context) -> list[Finding]:
    if ctx.answers.draft.holds("contribution"):
        return _contribution_drafted(ctx)
    return _done(
        ctx, "contribution",
        "事業が新たな産業の創出などに資することを明らかにする書面を用意したと回答しました。",
        "事業が新たな産業の創出などに資することを明らかにする書面（添付書類）",
        "審査では、事業が「新たな産業の創出又は活力ある経済社会若しくは豊かな国民生活の実現に資するものであること」を見ます（公示6④）。",
    )


@rule(
    id="period-of-use",
    title="利用期間",
    basis=PERIOD_BASIS,
    explain="提案書に利用期間を書き、その長さが事業の目的と内容、利用の目的と方法からみて必要な理由を説明したかを聞きます。"
            "提案書の下書きで利用期間を書いたときは、これを聞かずに、始期と終期がその順にあり、必要な理由が書いてあるかを確かめます。"
            "期間が必要なものかは、審査で判断されます。",
    stated=True,
)
def check_period(ctx: Context) -> list[Finding]:
    if ctx.answers.draft.holds("period"):
        return _period_drafted(ctx)
    return _done(
        ctx, "period_of_use",
        "利用期間を書き、その長さが事業の目的から必要な理由を説明したと回答しました。",
        "利用期間と、その長さが必要な理由の説明",
        "審査では、「利用期間が事業の目的内容並びに行政機関等匿名加工情報の利用目的及び方法からみて必要な期間であること」を見ます（公示6⑤）。",
    )


@rule(
    id="measures",
    title="利用の目的・方法と、漏えい防止等の管理の措置",
    basis=MEASURES_BASIS,
    explain="提案書に利用の目的・方法と、漏えいの防止その他の適切な管理のために講ずる措置を書いたかを、このサイトがまとめた例の項目ごとに聞きます。"
            "提案書の下書きで措置を書いたときは、これを聞かずに、利用の目的と方法、措置の種類ごとの記載があるかを確かめます。"
            "措置が本人の権利利益を守るのに適切かは、審査で判断されます。",
    stated=True,
)
def check_measures(ctx: Context) -> list[Finding]:
    if ctx.answers.draft.holds("measures"):
        return _measures_drafted(ctx)
    answers = ctx.answers.proposal.measures
    missing = [MEASURES[item] for item in MEASURE_ITEMS if answers.get(item) != "yes"]
    notes = ("審査では、「利用目的・方法、漏えい防止等の適切な管理のために講ずる措置が当該行政機関等匿名加工情報の本人の権利利益を保護するために適切なものであること」を見ます（公示6⑥）。",
             MEASURES_SOURCE)
    if not missing:
        return [said(Status.STATED, "利用の目的・方法と、管理の措置の例のすべての項目を書いたと回答しました。" + judged(ctx),
                     notes=notes)]
    return [said(Status.REVIEW,
                 "提案書に書く内容の例のうち、まだ用意していない項目があります。" + "、".join(f"「{m}」" for m in missing)
                 + "を書くか、書かない理由を確かめてください。", notes=notes)]


# -- where the draft holds the content ---------------------------------------------------------------

# The kinds of measure the draft asks for (法第112条第2項第7号; the site's own split, as MEASURES is),
# and the business's purpose and method (第5号), which the examination judges with them (法第114条第1項第6号).
DRAFTED_MEASURES = {
    "business.purpose": "利用の目的", "business.method": "利用の方法",
    "measures.organisational": "組織的な措置", "measures.human": "人的な措置", "measures.physical": "物理的な措置",
    "measures.technical": "技術的な措置", "measures.no_reidentification": "本人を識別しないための措置",
    "measures.deletion": "利用期間が終わった後の消去", "measures.incidents": "漏えいなどが起きたときの対応",
}


def _missing(ctx: Context, named: dict[str, str]) -> list[str]:
    return [f"「{words}」" for path, words in named.items() if not ctx.answers.draft.text(path)]


def _contribution_drafted(ctx: Context) -> list[Finding]:
    notes = ("審査では、事業が「新たな産業の創出又は活力ある経済社会若しくは豊かな国民生活の実現に資するものであること」を見ます（公示6④）。",)
    if not ctx.answers.draft.text("contribution.reason"):
        return [said(Status.REVIEW, "提案書の下書きの添付書面に、事業が新たな産業の創出などに役立つ理由が、まだ書いてありません。"
                                    "「提案書の下書き」で書いてください。", notes=notes)]
    return [said(Status.STATED, "提案書の下書きの添付書面に、事業が新たな産業の創出などに役立つ理由を書きました。" + judged(ctx),
                 notes=notes)]


def _period_drafted(ctx: Context) -> list[Finding]:
    draft = ctx.answers.draft
    notes = ("審査では、「利用期間が事業の目的内容並びに行政機関等匿名加工情報の利用目的及び方法からみて必要な期間であること」を見ます（公示6⑤）。",)
    start, end = draft.day("period.start"), draft.day("period.end")
    missing = _missing(ctx, {"period.start": "始期", "period.end": "終期", "period.reason": "その期間が必要な理由"})
    if missing:
        return [said(Status.REVIEW, f"提案書の下書きの利用期間に、{'、'.join(missing)}が、まだ書いてありません。"
                                    "「提案書の下書き」で書いてください。", notes=notes)]
    if end < start:
        return [said(Status.REVIEW, f"提案書の下書きの利用期間の終期（{format_date(end)}）が、始期（{format_date(start)}）より前です。"
                                    "始期と終期を確かめてください。", notes=notes)]
    return [said(Status.STATED, f"提案書の下書きに、利用期間（{format_date(start)}から{format_date(end)}まで）と、"
                                "その期間が必要な理由を書きました。" + judged(ctx), notes=notes)]


def _measures_drafted(ctx: Context) -> list[Finding]:
    notes = ("審査では、「利用目的・方法、漏えい防止等の適切な管理のために講ずる措置が当該行政機関等匿名加工情報の本人の権利利益を保護するために適切なものであること」を見ます（公示6⑥）。",
             MEASURES_SOURCE)
    missing = _missing(ctx, DRAFTED_MEASURES)
    if missing:
        return [said(Status.REVIEW, f"提案書の下書きに、{'、'.join(missing)}が、まだ書いてありません。"
                                    "書くか、書かない理由を確かめてください。", notes=notes)]
    return [said(Status.STATED, "提案書の下書きに、利用の目的と方法、措置の種類ごとの記載があります。" + judged(ctx), notes=notes)]
