"""How and when the papers are handed in (公示4, 公示5(2)). All times are Japan time.

公示4: the period, from call.opens to call.closes at call.closes_at.
公示5(2)（注1）: 持参 on 平日, within the hours call.hand_opens_at–hand_closes_at (年末年始を除く). 平日 excludes Saturdays,
Sundays and national holidays (call.holidays, computed at build time).
公示5(2)（注2）: 郵送・信書便: the envelope marked in red, and 「締切日当日必着」: the papers must arrive
by the closing day. Posting on the closing day itself is too late; a day or two before is a risk.

A proposal under 法第118条 (the kinds existing-*) can be made in the period written in the register
entry of the product (法第117条第3号); the notice applies only its 「提案の方法、審査及び契約」 to it
(公示5(1)（注1））. So for those kinds a day outside this call's period (or a time after its closing
time) is "review" citing 法第117条第3号, never a fail; office days and hours still apply.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from ..dates import format_time
from ..findings import Finding, Status
from ..law import DISQUALIFICATION_YEARS, years
from ..vocabulary import UNKNOWN
from . import Context, rule
from .common import NO_DAY, article_118_period, awaiting, day, finding, not_known, said

PERIOD_BASIS = ("公示4",)
HAND_BASIS = ("公示4", "公示5(2)", "公示5(2)（注1）")
POST_BASIS = ("公示4", "公示5(2)", "公示5(2)（注2）")
# Posting this many days before the closing day or fewer leaves little time for delivery.
RISKY_POSTING_DAYS = 2
ARTICLE_117_3 = "法第117条第3号"
# Beside every finding on the day of a proposal under 法第118条 that does not already say it.
NOTE_118 = ("法第118条の提案は、個人情報ファイル簿に書かれた「提案をすることができる期間」の中にします（法第117条第3号）。"
            "この募集の期間と同じとは限りません。")


def _existing(ctx: Context) -> bool:
    """A proposal under 法第118条, whose period is the register's (法第117条第3号)."""
    return ctx.is_new is False


def _outside(ctx: Context, what: str, basis: tuple[str, ...], id: str = "", title: str = "") -> Finding:
    """For a proposal under 法第118条: outside this call's period is a question, not a fail. (An empty
    id or title is the rule's, filled in by ``@rule``.)"""
    return finding(id, Status.REVIEW, title,
                   f"{what}この募集の期間の外です。" + article_118_period(ctx.call) + _period(ctx),
                   basis + (ARTICLE_117_3,))


def _period(ctx: Context) -> str:
    return f"募集期間は{ctx.call.period_words}です。"


@rule(
    id="method",
    title="提出の方法",
    basis=("公示5(2)", "公示5(2)（注1）", "公示5(2)（注2）"),
    explain="提出の方法（持参、または郵送・信書便）と、それぞれの決まりを確かめます。",
)
def check_method(ctx: Context) -> list[Finding]:
    c, method = ctx.call, ctx.answers.submission.method
    title = "提出の方法"
    copies = f"提案書類は{c.copies}部提出します。"
    if method == "hand":
        return [finding("submission.method", Status.PASS, title,
                        f"持参します。受付は平日の{format_time(c.hand_opens_at)}から{format_time(c.hand_closes_at)}までです（年末年始を除く）。{copies}",
                        HAND_BASIS)]
    if method == "post":
        return [finding("submission.method", Status.PASS, title,
                        f"郵送・信書便で提出します。封筒の表面に「{c.envelope_marking}」と朱書き（赤い字で書くこと）してください。"
                        f"締切日当日必着で、締切日の{format_time(c.closes_at)}までに届くことが必要です。"
                        "提案書類は信書に当たるため、郵便か信書便（国の許可を受けた信書便事業者）で送ります（郵便法第4条）。"
                        "日本郵便のものでも、ゆうパックとゆうメールは郵便ではないため、信書を送れません。"
                        "書留、速達、レターパックなどの郵便なら送れます。"
                        f"宅配便やメール便では送れません。{copies}", POST_BASIS,
                        notes=(f"朱書きする文言：「{c.envelope_marking}」",))]
    return [finding("submission.method", Status.REVIEW, title,
                    not_known("提出の方法", method, "method") + f"持参か、郵送・信書便のどちらかで提出します。{copies}", ("公示5(2)",),
                    awaits=awaiting(method, "submission.method"))]


@rule(
    id="date",
    title="提案の日",
    basis=("公示4", "公示5(2)（注1）", "公示5(2)（注2）"),
    explain="提案の日（持参する日、または郵送・信書便が届く日）が募集期間の中にあるか、持参なら平日かを確かめます。",
)
def check_date(ctx: Context) -> list[Finding]:
    found = _date(ctx)
    if _existing(ctx):
        found = [f if ARTICLE_117_3 in f.basis else replace(f, notes=f.notes + (NOTE_118,)) for f in found]
    return found


def _date(ctx: Context) -> list[Finding]:
    c, s = ctx.call, ctx.answers.submission
    d, method = s.date, s.method
    post = method == "post"
    title = "提案書類が届く日" if post else "提案の日"
    basis = POST_BASIS if post else HAND_BASIS if method == "hand" else PERIOD_BASIS
    what = "提案書類が届く日" if post else "持参する日" if method == "hand" else "提案の日（提出する日）"
    if s.date_unknown:
        if post:
            check = (f"{what}が決まったら、募集期間の中かを確かめてください。郵送・信書便は締切日当日必着で、"
                     f"{day(c.closes)}の{format_time(c.closes_at)}までに届くことが必要です。")
        elif method == "hand":
            check = f"{what}が決まったら、募集期間の中の平日かを確かめてください（持参は平日に限ります）。"
        else:
            check = f"{what}が決まったら、募集期間の中かを確かめてください。持参する場合は、平日に限ります。"
        return [finding("submission.date", Status.REVIEW, title,
                        not_known("提案の日", UNKNOWN) + "提案の日が募集期間の中かを判定できません。" + check
                        + f"提案の日は、欠格事由（年齢や{years(DISQUALIFICATION_YEARS)}の期間）の判定にも使います。" + _period(ctx), basis)]
    if d is None:
        return [finding("submission.date", Status.REVIEW, title,
                        NO_DAY + f"{what}を入力してください。欠格事由などの判定にも使います。" + _period(ctx), basis,
                        awaits=("submission.date",))]
    outside = d < c.opens or d > c.closes
    if outside and _existing(ctx):
        if method == "hand" and not c.is_office_day(d):
            # The office's days still apply (公示5(1)（注1）: 「提案の方法」 as for a new proposal).
            return [finding("submission.date", Status.FAIL, title,
                            f"{day(d)}は{_closed_why(c, d)}です。持参は平日に限ります。ほかの平日に持参するか、郵送・信書便で送ってください。"
                            f"また、{day(d)}はこの募集の期間の外です。" + article_118_period(c), basis + (ARTICLE_117_3,))]
        return [_outside(ctx, f"{what}（{day(d)}）は、", basis, "submission.date", title)]
    if d < c.opens:
        # Before the period: too early (the words say so plainly, not 「その日に届きます」).
        act = "届くように送ってください" if post else "持参してください" if method == "hand" else "提出してください"
        return [finding("submission.date", Status.FAIL, title,
                        f"早すぎます。{day(d)}は、募集期間が始まる前です。提案書類は、募集期間の中に{act}。" + _period(ctx), basis)]
    if d > c.closes:
        if post:
            message = (f"締切に間に合いません。郵送・信書便は締切日当日必着です。"
                       f"{day(c.closes)}の{format_time(c.closes_at)}までに届く必要があります。")
        else:
            message = f"締切に間に合いません。{day(d)}は募集期間の後です。"
        return [finding("submission.date", Status.FAIL, title, message + _period(ctx), basis)]
    if method == "hand" and not c.is_office_day(d):
        return [finding("submission.date", Status.FAIL, title,
                        f"{day(d)}は{_closed_why(c, d)}です。持参は平日に限ります。ほかの平日に持参するか、郵送・信書便で送ってください。", basis)]
    if post and d == c.closes:
        # 公示4 ends the period at the closing time of the closing day; 公示5(2)（注2） says only 「当日必着」.
        return [finding("submission.date", Status.PASS, title,
                        f"{day(d)}（締切日）に届く予定です。募集期間は{format_time(c.closes_at)}に終わるため、"
                        f"この日の{format_time(c.closes_at)}までに届くことが必要です。"
                        "届く時刻を、運ぶ事業者に確かめてください。受け付ける時刻は、提出先にも確かめてください。", basis)]
    if post:
        return [finding("submission.date", Status.PASS, title,
                        f"{day(d)}に届く予定です。締切日（{day(c.closes)}）の{format_time(c.closes_at)}より前に届くので、間に合います。",
                        basis)]
    if method == "hand":
        return [finding("submission.date", Status.PASS, title, f"{day(d)}は募集期間中の平日です。", basis)]
    return [finding("submission.date", Status.PASS, title,
                    f"{day(d)}は募集期間中です。持参する場合は、平日に限ります。", basis)]


def _closed_why(c, d) -> str:
    """Why the office does not take papers by hand on ``d`` (公示5(2)（注1））."""
    if c.is_holiday(d):
        return f"国民の祝日（{c.holidays[d]}）"
    if d.weekday() >= 5:
        return "土曜日" if d.weekday() == 5 else "日曜日"
    return "年末年始の休み"


@rule(
    id="time",
    title="持参する時刻",
    basis=HAND_BASIS,
    finding="submission.time",
    explain="持参する時刻が受付時間（公示5(2)（注1））の中にあるかを確かめます。受付の終わりの時刻ちょうどは間に合います。",
)
def check_time(ctx: Context) -> list[Finding]:
    c, s = ctx.call, ctx.answers.submission
    if s.method != "hand":
        return []
    hours = f"受付は{format_time(c.hand_opens_at)}から{format_time(c.hand_closes_at)}まで（日本時間）です。"
    t = s.time
    if t is None:
        return [said(Status.REVIEW, not_known("持参する時刻", None) + hours, awaits=("submission.time",))]
    shown = format_time(t)
    if t < c.hand_opens_at:
        return [said(Status.FAIL, f"{shown}は受付時間の前です。{hours}")]
    if s.date == c.closes and t > c.closes_at and not _existing(ctx):
        return [said(Status.FAIL, f"締切に間に合いません。締切は{c.deadline_words}です（{shown}は過ぎています）。")]
    if t > c.hand_closes_at:
        return [said(Status.FAIL, f"{shown}は受付時間の後です。{hours}")]
    if s.date == c.closes and t > c.closes_at:
        # 法第118条: the period is the register's; the office's hours (checked above) still apply.
        return [_outside(ctx, f"{day(c.closes)}の{shown}は、この募集の締切（{format_time(c.closes_at)}）の後で、", HAND_BASIS)]
    return [said(Status.PASS, f"{shown}は受付時間の中です。{hours}")]


@rule(
    id="posted-on",
    title="郵送・信書便の発送日",
    basis=POST_BASIS,
    finding="submission.posted_on",
    explain="郵送・信書便は締切日当日必着のため、発送日が締切日に間に合う日かを確かめます。",
)
def check_posted_on(ctx: Context) -> list[Finding]:
    c, s = ctx.call, ctx.answers.submission
    if s.method != "post":
        return []
    p = s.posted_on
    if p is None:
        return [said(Status.REVIEW, not_known("発送する日", None)
                        + f"締切日当日必着のため、{day(c.closes)}の{format_time(c.closes_at)}までに届くよう、余裕をもって発送してください。",
                     awaits=("submission.posted_on",))]
    if p > c.closes and _existing(ctx):
        return [_outside(ctx, f"発送日（{day(p)}）は、", POST_BASIS)]
    if p > c.closes:
        return [said(Status.FAIL, f"締切に間に合いません。締切日（{day(c.closes)}）の後に発送すると、締切までに届きません。"
                        f"締切日当日必着で、募集期間は締切日の{format_time(c.closes_at)}に終わります。")]
    if s.date is not None and p > s.date:
        return [said(Status.REVIEW, f"発送日（{day(p)}）が、届く日（{day(s.date)}）より後になっています。入力を確かめてください。")]
    if s.date_unknown and p < c.closes - timedelta(days=RISKY_POSTING_DAYS):
        # Posting early is a pass only beside a day of arrival within the period.
        return [said(Status.REVIEW, f"{day(p)}に発送します。届く日（提案の日）を「わからない」と回答したため、締切に間に合うかを判定できません。"
                        f"締切日当日必着で、{day(c.closes)}の{format_time(c.closes_at)}までに届くことが必要です。"
                        "届く日を運ぶ事業者に確かめてください。")]
    if p == c.closes:
        return [said(Status.REVIEW, f"締切日（{day(c.closes)}）当日の発送です。締切日当日必着のため、この日の{format_time(c.closes_at)}までに"
                        "届かなければ間に合いません。当日のうちに届ける信書便（バイク便など）でなければ、まず間に合いません。"
                        "届く時刻を運ぶ事業者に確かめるか、持参してください。")]
    if p >= c.closes - timedelta(days=RISKY_POSTING_DAYS):
        return [said(Status.REVIEW, f"締切日（{day(c.closes)}）の直前の発送です。配達に日数がかかると、間に合わないおそれがあります。"
                        "もっと早く発送するか、持参してください。")]
    return [said(Status.PASS, f"{day(p)}に発送します。締切日（{day(c.closes)}）より前に余裕をもって発送します。")]
