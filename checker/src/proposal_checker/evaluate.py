"""Answers → findings (every registered rule) → Result.

Deterministic: the same answers, call and ``now`` always give the same result. ``now`` only
stamps ``made_at``; no rule reads a clock, and all dates and times are Japan time.
"""
from __future__ import annotations

from datetime import datetime

from .answers import Answers
from .call import Call
from .dates import JST, format_date, format_time, jst
from .findings import Finding, overall
from .result import Result, SubmissionGuide
from .rules import Context, all_rules
from .rules.documents import checklist

DISCLAIMER = (
    "最終的な判断は出入国在留管理庁が行います。この結果は、回答をもとにした事前の確認で、審査の結果ではありません。"
    "回答に誤りや漏れがあると、結果も変わります。"
)
FEE = "所定の手数料（個人情報の保護に関する法律施行令第31条）"


def evaluate(answers: Answers, call: Call, now: datetime | None = None) -> Result:
    """Run every rule on the answers and gather the result."""
    ctx = Context(answers=answers, call=call)
    findings: list[Finding] = []
    for rule in all_rules():
        findings.extend(rule.check(ctx))
    made_at = jst(now) if now is not None else datetime.now(JST)
    return Result(
        call=call.id, call_title=call.title, rules_version=call.rules_version, made_at=made_at,
        overall=overall(findings), findings=tuple(findings), documents=tuple(checklist(ctx)),
        submission=submission_guide(call), next_steps=next_steps(call), disclaimer=DISCLAIMER,
    )


def submission_guide(call: Call) -> SubmissionGuide:
    """How, where and by when to hand in the papers (公示4, 公示5(2)); the same for everyone."""
    holidays = "、".join(f"{d.month}月{d.day}日（{name}）" for d, name in call.holidays_in_period())
    hand = (f"持参：平日の{format_time(call.hand_opens_at)}から{format_time(call.hand_closes_at)}まで（年末年始を除く）。"
            "土曜日、日曜日と国民の祝日は受け付けません。")
    if holidays:
        hand += f"募集期間中の祝日は{holidays}です。"
    return SubmissionGuide(
        how=(
            f"提案書類を{call.copies}部、持参または郵送・信書便で提出します。",
            hand,
            f"郵送・信書便：封筒の表面に「{call.envelope_marking}」と朱書きしてください。締切日当日必着です"
            f"（締切日の{format_time(call.closes_at)}までに届くこと）。"
            f"提案書類は信書に当たるため、郵便か信書便で送ります（郵便法第4条）。宅配便やメール便では送れません。",
        ),
        where=(f"〒{call.postal_code}", call.address, f"{call.agency_name} {call.office}", f"電話：{call.telephone}"),
        by=f"{format_date(call.closes)}{format_time(call.closes_at)}まで（日本時間）",
    )


def next_steps(call: Call) -> tuple[str, ...]:
    return (
        "提出の後、出入国在留管理庁が、提案が審査基準（公示6の①から⑦まで）に適合するかを審査します。"
        "⑦（行政機関の事務に著しい支障を及ぼさないこと）は、出入国在留管理庁が判断します（公示6）。",
        "書類の不備や記載が不十分なときは、説明や書類の訂正を求められることがあります（公示9(3)）。",
        "審査の結果は、提案者ごとに個別に通知されます（公示7）。審査基準に適合しないときは、理由が示されます（公示8）。",
        "審査基準に適合すると認められたときは、審査結果通知書に同封される申込書と契約書2通を出して、"
        f"行政機関等匿名加工情報の利用に関する契約を結ぶことができます。その際、{FEE}を納めます（公示8）。"
        "契約の後は、契約の条件を変えられません。",
    )


__all__ = ["evaluate", "DISCLAIMER"]
