"""法第113条第4号・第5号: 「…日から起算して二年を経過しない者」, on the proposal day, over the call's days
when that day is not known, or for a start given as a month alone (「2024年5月」); and what one item of
法第113条 says of one person (``Said``), which every item of rules/disqualification.py returns.

The counting is 民法第143条 (dates.first_day_after_counting): the bar ends at the start of the day
after the second anniversary's eve. For a proposal under 法第118条 the period is the register's
(法第117条第3号), not this call's: what only this call's end would decide is "review" there.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..dates import YearMonth, first_day_after_counting, format_month
from ..findings import Status
from ..law import DISQUALIFICATION_YEARS
from . import Context
from .common import article_118_period, awaiting_day, day, day_missing
from .disqualification_notes import TWO_YEARS

YEARS = DISQUALIFICATION_YEARS.value  # 法第113条第4号・第5号


@dataclass(frozen=True)
class Said:
    """What one item says of one person: its status, message and notes, and the answers it waits for."""
    status: Status
    message: str
    notes: tuple[str, ...] = ()
    awaits: tuple[str, ...] = ()


def existing(ctx: Context) -> bool:
    """A proposal under 法第118条: its period is in the register (法第117条第3号), not this call's."""
    return ctx.is_new is False


def two_years(ctx: Context, start: date | YearMonth, what: str) -> Said:
    """「{what}から起算して二年を経過しない」, on the proposal day or, if none, over the whole call.
    ``start`` may be a month alone, its day not known (_two_years_month)."""
    if isinstance(start, YearMonth):
        return _two_years_month(ctx, start, what)
    return _two_years_day(ctx, start, what)


def _two_years_day(ctx: Context, start: date, what: str) -> Said:
    free = first_day_after_counting(start, YEARS)
    d = ctx.proposal_day
    if d is None:
        if free <= ctx.call.opens:
            return Said(Status.PASS, f"{what}（{day(start)}）から起算して{TWO_YEARS}を、募集期間の初日より前に経過しています。"
                         f"欠格事由に当たりません（{no_day(ctx)}）。")
        waits = awaiting_day(ctx.answers.submission)
        if free > ctx.call.closes:
            if existing(ctx):
                return Said(Status.REVIEW, f"{why_no_day(ctx)}{what}（{day(start)}）から起算して{TWO_YEARS}を経過しないうちに、"
                             f"この募集の期間が終わります。提案できるのは{day(free)}からです。" + article_118_period(ctx.call),
                             awaits=waits)
            return Said(Status.FAIL, f"{what}（{day(start)}）から起算して{TWO_YEARS}を経過しないうちに、募集期間が終わります。"
                         f"この募集には提案できません。{later_call(ctx, free)}")
        return Said(Status.REVIEW, f"{why_no_day(ctx)}{what}（{day(start)}）から起算して{TWO_YEARS}を経過するのは"
                     f"{day(free)}の始まりです。提案の日によって結論が変わります。提案の日がその日以後なら、この点は満たします。",
                     awaits=waits)
    if start > d:
        return Said(Status.REVIEW, f"{what}（{day(start)}）が提案の日より後になっています。入力を確かめてください。")
    if d >= free:
        return Said(Status.PASS, f"{what}（{day(start)}）から起算して{TWO_YEARS}を経過しています（{day(free)}から提案できます）。"
                     "欠格事由に当たりません。")
    return Said(Status.FAIL, f"提案の日（{day(d)}）には、{what}（{day(start)}）から起算して{TWO_YEARS}を経過していません。"
                 f"提案できるのは{day(free)}からです。" + _when_then(ctx, free))


def _when_then(ctx: Context, free: date) -> str:
    """After 「提案できるのは{free}からです」 for a proposal day too early: whether this call still allows
    it (a later proposal day in its period), or is closed to them and from when a later call could be used."""
    if existing(ctx):
        return ""   # 法第118条: the period is the register's (法第117条第3号), not this call's
    if free <= ctx.call.closes:
        return f"募集期間の中の{day(free)}以後に提出すれば、この点は満たします。"
    return (f"この募集の締切（{day(ctx.call.closes)}）までには{TWO_YEARS}を経過しないため、この募集には提案できません。"
            + later_call(ctx, free))


def later_call(ctx: Context, free: date, at_latest: bool = False) -> str:
    """What a person this call is closed to can do: a later call, from the day the bar ends
    (``at_latest``: the last it can be, when the day it began is not known)."""
    since = f"遅くとも{day(free)}" if at_latest else day(free)
    return f"この点は、{since}から満たします。その日以後も提案を受け付けている募集であれば、提案できます。"


# What each outcome says for a run of days of a month (_two_years_month).
_OUTCOME = {Status.PASS: "この点は満たします", Status.FAIL: "この点を満たしません", Status.REVIEW: "提案の日によって変わります"}


def _two_years_month(ctx: Context, month: YearMonth, what: str) -> Said:
    """A start given as a month alone (「2024年5月」): decided only if every day of the month gives the same
    outcome; otherwise "review", saying which days give which outcome, so the day is what decides it."""
    shown = f"{what}は{format_month(month)}と回答しました（日は答えていません）。"
    said = [(d, _two_years_day(ctx, d, what)) for d in month.days()]
    statuses = {s.status for _, s in said}
    earliest, latest = (first_day_after_counting(d, YEARS) for d in (month.first, month.last))
    d = ctx.proposal_day
    when = f"提案の日（{day(d)}）" if d is not None else "募集期間の初日"
    if len(statuses) > 1:
        runs: list[tuple[date, date, Status]] = []
        for one, s in said:
            if runs and runs[-1][2] is s.status:
                runs[-1] = (runs[-1][0], one, s.status)
            else:
                runs.append((one, one, s.status))
        parts = "。".join(f"{a.day}日から{b.day}日までなら、{_OUTCOME[status]}" if a != b else f"{a.day}日なら、{_OUTCOME[status]}"
                         for a, b, status in runs)
        return Said(Status.REVIEW, f"{shown}この点を満たすかは、その月の何日かで変わります。{parts}。"
                     "日まで入力してください。")
    status = statuses.pop()
    if status is Status.PASS:
        return Said(Status.PASS, f"{shown}その月のどの日だったとしても、{when}より前に、起算して{TWO_YEARS}を経過しています"
                     f"（遅くとも{day(latest)}から提案できます）。欠格事由に当たりません。")
    if status is Status.FAIL:
        if d is not None:
            message = (f"{shown}その月のどの日だったとしても、{when}には、起算して{TWO_YEARS}を経過していません。"
                       f"提案できるのは、早くて{day(earliest)}、遅くとも{day(latest)}からです。")
            if existing(ctx) or latest <= ctx.call.closes:
                return Said(Status.FAIL, message + _when_then(ctx, latest))
            if earliest > ctx.call.closes:
                return Said(Status.FAIL, message + f"この募集の締切（{day(ctx.call.closes)}）までには{TWO_YEARS}を経過しないため、"
                             "この募集には提案できません。" + later_call(ctx, latest, at_latest=True))
            return Said(Status.FAIL, message + f"この募集の締切（{day(ctx.call.closes)}）までに{TWO_YEARS}を経過するかは、"
                         "その月の何日かで変わります。日まで入力してください。")
        return Said(Status.FAIL, f"{shown}その月のどの日だったとしても、起算して{TWO_YEARS}を経過しないうちに、募集期間が終わります。"
                     f"この募集には提案できません。{later_call(ctx, latest, at_latest=True)}")
    # "review" on every day: the proposal day decides (or a day typed after it); the day of the month does not.
    waits = awaiting_day(ctx.answers.submission) if d is None else ()
    if d is not None:
        return Said(Status.REVIEW, f"{shown}その月のどの日でも、{what}が提案の日（{day(d)}）より後になります。入力を確かめてください。")
    return Said(Status.REVIEW, f"{shown}{why_no_day(ctx)}起算して{TWO_YEARS}を経過するのは、その月の日によって"
                 f"{day(earliest)}から{day(latest)}までの間です。提案の日によって結論が変わります。"
                 f"提案の日が{day(latest)}以後なら、この点は満たします。"
                 + (article_118_period(ctx.call) if existing(ctx) else ""), awaits=waits)


def no_day(ctx: Context) -> str:
    """Why a finding speaks of the whole call period: no proposal day was given."""
    if ctx.answers.submission.date_unknown:
        return "提案の日は「わからない」と回答しています"
    return "提案の日はまだ入力されていません"


def why_no_day(ctx: Context) -> str:
    return day_missing(ctx.answers.submission)
