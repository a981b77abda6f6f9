"""Answers → findings (every registered rule) → Result.

Deterministic: the same answers, call and ``now`` always give the same result. ``now`` only
stamps ``made_at``; no rule reads a clock, and all dates and times are Japan time.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from .answers import Answers
from .call import Call
from .dates import JST, format_time, jst
from .findings import Finding, overall
from .outcome import choices
from .result import Result, SubmissionGuide
from .rules import Context, all_rules
from .rules.documents import checklist


def disclaimer(call: Call) -> str:
    return (f"最終的な判断は{call.agency_name}が行います。この結果は、回答をもとにした事前の確認で、審査の結果ではありません。"
            "回答に誤りや漏れがあると、結果も変わります。")


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
        submission=_for_kind(submission_guide(call), answers), next_steps=next_steps(call), disclaimer=disclaimer(call),
        choices=choices(answers.submission),
    )


# 法第117条第3号: a proposal under 法第118条 is made in the period written in the register entry of the
# product, which need not be this call's.
BY_118 = "法第118条の提案は、個人情報ファイル簿に書かれた提案をすることができる期間の中にします（法第117条第3号）。"


def _for_kind(guide: SubmissionGuide, answers: Answers) -> SubmissionGuide:
    """The guide for these answers: for a proposal under 法第118条, the deadline says whose period it is."""
    if answers.proposal.is_new is False:
        return replace(guide, by=f"{guide.by}。{BY_118}")
    return guide


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
            f"提案書類は信書に当たるため、郵便（書留、速達、レターパックなど）か信書便で送ります（郵便法第4条）。"
            "ゆうパック、ゆうメール、宅配便、メール便では送れません。",
        ),
        where=(f"〒{call.postal_code}", call.address, f"{call.agency_name} {call.office}", f"電話：{call.telephone}"),
        by=f"{call.deadline_words}まで（日本時間）",
    )


def next_steps(call: Call) -> tuple[str, ...]:
    """What happens after the papers are handed in (公示6–9): the call's data (after_submission)."""
    return call.next_steps


__all__ = ["evaluate", "disclaimer", "next_steps", "submission_guide"]
