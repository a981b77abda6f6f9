"""法第113条（欠格事由）: who may not propose, screened for every proposer and every officer.

法第113条 次の各号のいずれかに該当する者は、前条第一項の提案をすることができない。
  一 未成年者
  二 心身の故障により…事業を適正に行うことができない者として個人情報保護委員会規則で定めるもの
  三 破産手続開始の決定を受けて復権を得ない者
  四 拘禁刑以上の刑に処せられ、又はこの法律の規定により刑に処せられ、その執行を終わり、又は執行を受けることが
     なくなった日から起算して二年を経過しない者
  五 第百二十条の規定により行政機関等匿名加工情報の利用に関する契約を解除され、その解除の日から起算して二年を
     経過しない者
  六 法人その他の団体であって、その役員のうちに前各号のいずれかに該当する者があるもの

Item 3 for a body: 復権 (破産法第255条・第256条) is for natural persons only. A 株式会社 is dissolved by
the decision (会社法第471条第5号), a 持分会社 by 会社法第641条第6号 (usual reading), other bodies by their
own Acts, and a body can continue after a 同意廃止 (破産法第218条・第219条); so a body is asked whether a
decision is in effect, and that such a body falls under item 3 is the site's reading (said so).

When the tests apply: on the proposal (法第113条) and again at review (法第114条第1項第1号); a later
one can cancel the contract (法第120条第2号). A pledge posted before the 18th birthday that arrives on
or after it is a question for the agency ("review").

Modelled: items 1–5 for individuals and officers, 3–5 for a body itself, 6 as the summary of its
officers. Dates count from the proposal day (submission.date). When that day is not given, or is
answered 「わからない」, a finding is decided only if the answer is the same on every day of the call
period; otherwise it is "review", saying which day decides it. For a proposal under 法第118条 the
period is the one in the register (法第117条第3号), not the call's: what only this call's end would
decide is "review" there. Any "unknown" answer is "review", never "fail": the checker does not guess.
Not modelled: whether a person is an 役員 (the applicant lists them).
"""
from __future__ import annotations

from datetime import date

from ..answers import Person, Proposer
from ..dates import add_years, age_on, first_day_after_counting
from ..findings import Finding, Status
from ..law import ADULT_AGE, DISQUALIFICATION_YEARS as YEARS  # 民法第4条; 法第113条第4号・第5号
from ..vocabulary import UNKNOWN
from . import Context, rule
from .common import article_118_period, day, day_missing, finding, not_known, officer_label, proposer_label, worst

TITLES = {
    "113-1": "未成年者に当たらないこと",
    "113-2": "心身の故障（精神の機能の障害）により事業を適正に行えない者に当たらないこと",
    "113-3": "破産して復権を得ない者に当たらないこと",
    "113-4": "刑に処せられて2年を経過しない者に当たらないこと",
    "113-5": "契約を解除されて2年を経過しない者に当たらないこと",
    "113-6": "役員に欠格事由に当たる者がいないこと",
}
BASIS = {
    "113-1": ("法第113条第1号", "公示3①", "民法第4条"),
    "113-2": ("法第113条第2号", "公示3②"),
    "113-3": ("法第113条第3号", "公示3③"),
    "113-4": ("法第113条第4号", "公示3④"),
    "113-5": ("法第113条第5号", "法第120条", "公示3⑤"),
    "113-6": ("法第113条第6号", "公示3⑥"),
}
SUMMARY_BASIS = ("法第114条第1項第1号", "公示6①", "公示3")
# Which items are screened for whom: a person (an individual proposer, an officer) on items 1–5, a
# body itself on items 3–5 (its officers' items 1–5 make item 6). The questions are checked against this.
ITEMS = {"person": ("113-1", "113-2", "113-3", "113-4", "113-5"), "body": ("113-3", "113-4", "113-5")}

NOTE_AGE = "年齢は、誕生日が始まった時に1歳増えます（年齢計算ニ関スル法律、民法第143条）。2月29日生まれの人は、うるう年でない年は3月1日に1歳増えます。"
NOTE_COUNTING = "「起算して2年」は、その日を1日目として数えます。例えば2024年3月1日に終わった場合、2026年2月28日までが2年の間で、2026年3月1日から提案できます。"
# 令和4年法律第68号第441条: acts before 2025-06-01 are punished under the old law, so 懲役 and 禁錮 are still
# imposed after that day. The provision that counts them as 拘禁刑 for other Acts' disqualifications was not
# found: a reading (「と解されます」), not a fact.
NOTE_KOKINKEI = (
    "公示は「禁固以上の刑」と書いていますが、法第113条第4号の文言は「拘禁刑以上の刑」です（2025年（令和7年）6月1日から。"
    "それより前の文言は「禁錮以上の刑」）。懲役と禁錮も、言い渡された日を問わず、「拘禁刑以上の刑」に当たると解されます。"
    "このチェックは、そのように判定しています。2025年6月1日より前の行為は改正前の例によって罰せられるため（令和4年法律第68号第441条）、"
    "その日より後にも懲役や禁錮が言い渡されることがあります。この扱いを定める経過措置は確かめていないため、{agency}に確かめてください。"
)
NOTE_BODY_BANKRUPTCY = (
    "「復権」（破産法第255条・第256条）は個人のための制度で、法人その他の団体にはありません。"
    "株式会社は、破産手続開始の決定によって解散します（会社法第471条第5号）。合名会社・合資会社・合同会社（持分会社）も"
    "同じく解散すると解されます（会社法第641条第6号）。一般社団法人、一般財団法人などは、それぞれの法律の定めによります。"
    "破産手続が同意によって廃止されたとき（破産法第218条・第219条）などは、団体が続くこともあります。"
    "そのため、団体については、決定の効力が続いているかを聞いています。"
)
# 法第113条第3号 says nothing of bodies: that one under a decision in effect is disqualified is a reading.
READING_BODY_BANKRUPTCY = (
    "決定の効力が続いている団体が「破産手続開始の決定を受けて復権を得ない者」に当たるというのは、このサイトの読み方です"
    "（法第113条第3号は、団体について特に定めていません）。{agency}に確かめてください。"
)
NOTE_PLEDGE = (
    "欠格事由は、提案の時に当たらないことが必要で、審査でも確かめられます（法第114条第1項第1号）。"
    "契約の後に当たることになったときは、契約を解除されることがあります（法第120条第2号）。"
)
NOTE_SUSPENSION = (
    "執行猶予の期間を取り消されることなく終えると、刑の言渡しは、原則として効力を失います（刑法第27条第1項）。"
    "ただし、2025年（令和7年）6月1日からは、猶予の期間中に犯した罪について期間中に公訴が提起されているときなどは、"
    "その事件が終わるまで効力が続く場合があります（刑法第27条第2項以下）。"
    "効力を失った場合、一般的な読み方では欠格事由に当たらず、2年を待つ必要もありません。ただし、この法律についてこの読み方が確かめられているわけではありません。"
    "{agency}に確かめてください。"
)


@rule(
    id="113",
    title="提案者の欠格事由（法第113条）",
    basis=("法第113条", "法第114条第1項第1号", "公示3", "公示6①"),
    explain=(
        "提案者が法第113条の欠格事由（公示3の①から⑥まで）に当たらないかを確かめます。"
        "個人は①から⑤まで、法人その他の団体は団体自身の③から⑤までと、役員一人ひとりの①から⑤まで（⑥）を確かめます。"
        "共同提案では提案者全員を確かめ、一者でも当たれば提案全体が認められません。"
    ),
)
def check_disqualifications(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    proposers = ctx.answers.proposers
    per_proposer: list[tuple[str, Status]] = []
    for i, proposer in enumerate(proposers):
        own = screen_proposer(ctx, i, proposer)
        findings.extend(own)
        per_proposer.append((proposer_label(i, proposer), worst(f.status for f in own)))
    findings.append(_summary(per_proposer))
    return findings


def screen_proposer(ctx: Context, index: int, proposer: Proposer) -> list[Finding]:
    prefix = f"proposer-{index + 1}"
    subject = proposer_label(index, proposer)
    findings: list[Finding] = []
    if proposer.type is None:
        findings.append(finding(
            f"{prefix}.type", Status.REVIEW, "提案者の種類",
            not_known("提案者が個人か、法人その他の団体か", None) + "種類によって確かめる欠格事由が変わります。",
            ("法第113条", "公示3"), subject,
        ))
        # Items 3-5 apply to everyone, so they are screened even before the type is known.
        findings.extend(screen_person(ctx, prefix, subject, proposer, personal=False))
        return findings
    if not proposer.is_body:
        return screen_person(ctx, prefix, subject, proposer, personal=True)
    findings.extend(screen_person(ctx, prefix, subject, proposer, personal=False, body=True))
    officer_findings: list[tuple[str, list[Finding]]] = []
    for j, officer in enumerate(proposer.officers or ()):
        label = officer_label(index, proposer, j, officer)
        own = screen_person(ctx, f"{prefix}.officer-{j + 1}", label, officer, personal=True)
        findings.extend(own)
        officer_findings.append((label, own))
    findings.append(_item6(prefix, subject, proposer, officer_findings))
    return findings


def screen_person(ctx: Context, prefix: str, subject: str, person: Person, personal: bool,
                  body: bool = False) -> list[Finding]:
    """Items 1-5 for a person (``personal``), items 3-5 for a body itself (``ITEMS``)."""
    checks = {"113-1": _minor, "113-2": _capacity, "113-3": _bankruptcy, "113-4": _sentence, "113-5": _cancellation}
    findings = []
    for item in ITEMS["person" if personal else "body"]:
        status, message, notes = checks[item](ctx, person, body)
        findings.append(finding(f"{prefix}.{item}", status, TITLES[item], message, BASIS[item], subject, notes))
    return findings


# -- each item: (ctx, person, is_body) -> (status, message, notes) ---------------------------------

def _existing(ctx: Context) -> bool:
    """A proposal under 法第118条: its period is in the register (法第117条第3号), not this call's."""
    return ctx.is_new is False


def _minor(ctx: Context, person: Person, body: bool):
    birth = person.birth_date
    notes = (NOTE_AGE,)
    if birth is None:
        return Status.REVIEW, not_known("生年月日", None) + "提案の日に18歳以上であるかを確かめます。", notes
    if birth == UNKNOWN:
        return (Status.REVIEW, "生年月日がわからないため、判定できません。未成年者（18歳未満の者）は提案できません。"
                "提案の日に18歳以上であることを確かめてください。", notes)
    adult_from = add_years(birth, ADULT_AGE)
    d = ctx.proposal_day
    if d is None:
        if age_on(birth, ctx.call.opens) >= ADULT_AGE:
            return (Status.PASS, f"募集期間の初日（{day(ctx.call.opens)}）にすでに18歳以上です。"
                    f"未成年者に当たりません（{_no_day(ctx)}）。", notes)
        if age_on(birth, ctx.call.closes) < ADULT_AGE:
            if _existing(ctx):
                return (Status.REVIEW, f"{_why_no_day(ctx)}募集期間の最終日（{day(ctx.call.closes)}）でも18歳未満です。"
                        f"18歳になるのは{day(adult_from)}で、提案の日に18歳以上であることが必要です。"
                        + article_118_period(ctx.call), notes)
            return (Status.FAIL, f"募集期間の最終日（{day(ctx.call.closes)}）でも18歳未満です。"
                    f"未成年者（18歳未満の者）はこの募集に提案できません。18歳になるのは{day(adult_from)}です。", notes)
        return (Status.REVIEW, f"{_why_no_day(ctx)}{day(adult_from)}に18歳になるため、提案の日によって結論が変わります。"
                "提案の日がその日以後なら、この点は満たします。", notes)
    if birth > d:
        return Status.REVIEW, "生年月日が提案の日より後になっています。入力を確かめてください。", notes
    age = age_on(birth, d)
    posted = ctx.answers.submission.posted_on if ctx.answers.submission.method == "post" else None
    if age >= ADULT_AGE and posted is not None and posted < adult_from:
        # The pledge goes into the envelope: signed, at the latest, on the day it is posted.
        return (Status.REVIEW, f"提案の日（届く日、{day(d)}）には{age}歳ですが、発送する日（{day(posted)}）には、まだ18歳になっていません"
                f"（18歳になるのは{day(adult_from)}です）。誓約書は、18歳になる前に署名することになります。"
                f"その扱いは{ctx.call.agency_name}に確かめてください。18歳になってから誓約書に署名し、発送することもできます。",
                notes + (NOTE_PLEDGE,))
    if age >= ADULT_AGE:
        return Status.PASS, f"提案の日（{day(d)}）に{age}歳です。未成年者（18歳未満の者）に当たりません。", notes
    message = (f"提案の日（{day(d)}）に{age}歳です。未成年者（18歳未満の者）は提案できません。"
               f"18歳になるのは{day(adult_from)}です。")
    if adult_from <= ctx.call.closes:
        message += "募集期間中に18歳になるため、その日以後に提出すれば、この点は満たします。"
    return Status.FAIL, message, notes


def _capacity(ctx: Context, person: Person, body: bool):
    quote = "「精神の機能の障害により行政機関等匿名加工情報等をその用に供して行う事業を適正に行うに当たって必要な認知、判断及び意思疎通を適切に行うことのできない者」"
    if person.capacity == "no":
        return Status.PASS, f"公示3②の{quote}に当たらないと回答しました。", ()
    if person.capacity == "yes":
        return Status.FAIL, f"公示3②の{quote}に当たると回答しました。この場合は提案できません。", ()
    return Status.REVIEW, not_known(f"公示3②の{quote}に当たるか", person.capacity, "capacity") + "当たる場合は提案できません。", ()


def _bankruptcy(ctx: Context, person: Person, body: bool):
    if body:
        return _body_bankruptcy(ctx, person)
    note = ("「復権」は、破産手続開始の決定によって受けた資格の制限がなくなることです。",)
    if person.bankruptcy == "none":
        return Status.PASS, "破産手続開始の決定を受けていないと回答しました。欠格事由に当たりません。", ()
    if person.bankruptcy == "restored":
        return Status.PASS, "破産手続開始の決定を受けましたが、復権を得ていると回答しました。欠格事由に当たりません。", note
    if person.bankruptcy == "not-restored":
        return (Status.FAIL, "破産手続開始の決定を受けて、まだ復権を得ていないと回答しました。"
                "「破産手続開始の決定を受けて復権を得ない者」は提案できません。", note)
    return (Status.REVIEW, not_known("破産手続開始の決定を受けて復権を得ない者に当たるか", person.bankruptcy, "bankruptcy")
            + "当たる場合は提案できません。", note)


def _body_bankruptcy(ctx: Context, person: Person):
    """A body has no 復権 (破産法第255条・第256条 are for natural persons); it is asked whether a
    破産手続開始の決定 is in effect, and "not-restored" stands for that (answers format 1)."""
    note = (NOTE_BODY_BANKRUPTCY,)
    if person.bankruptcy == "none":
        return Status.PASS, "破産手続開始の決定を受けて、その効力が続いていることはないと回答しました。欠格事由に当たりません。", ()
    if person.bankruptcy == "not-restored":
        return (Status.FAIL, "破産手続開始の決定を受けて、その効力が続いていると回答しました。"
                "このサイトの読み方では、「破産手続開始の決定を受けて復権を得ない者」に当たるため、提案できません。"
                + READING_BODY_BANKRUPTCY.format(agency=ctx.call.agency_name), note)
    return (Status.REVIEW, not_known("破産手続開始の決定を受けて、その効力が続いているか", person.bankruptcy, "body_bankruptcy")
            + "続いている場合は提案できません。", note)


def _sentence(ctx: Context, person: Person, body: bool):
    s = person.sentence
    notes: tuple[str, ...] = (NOTE_KOKINKEI.format(agency=ctx.call.agency_name),)
    what = ("この法律の規定による刑（罰金を含みます）" if body
            else "拘禁刑以上の刑、またはこの法律の規定による刑（罰金を含みます）")
    if s is None or s.status is None:
        return Status.REVIEW, not_known(f"{what}に処せられたことがあるか", None), notes
    if s.status == "none":
        return Status.PASS, f"{what}に処せられたことはないと回答しました。欠格事由に当たりません。", notes
    if s.status == UNKNOWN:
        return (Status.REVIEW, not_known(f"{what}に処せられたことがあるか", UNKNOWN, "sentence_status")
                + "処せられ、その執行を終わった日などから起算して2年を経過しない場合は、提案できません。", notes)
    if s.state == "serving":
        return (Status.FAIL, "刑の執行中と回答しました。刑の執行を終わった日から起算して2年を経過するまでは、提案できません。",
                notes + (NOTE_COUNTING,))
    if s.state == "suspended":
        return (Status.FAIL, "刑の執行猶予中と回答しました。執行猶予の期間中は、刑に処せられた者に当たるため、提案できません。"
                "この扱いは一般的な読み方によるもので、この法律について確かめられてはいません。提出先に確かめてください。",
                notes + ("この扱いは、同じ文言を持つ多くの法律の一般的な読み方によります。",))
    if s.state == "partly-suspended":
        # 刑法第27条の2: part of the term is served, the rest suspended; none of the other answers fits.
        return (Status.REVIEW, "刑の一部の執行猶予（刑法第27条の2）を受けたと回答しました。猶予されなかった部分の執行や、"
                "猶予の期間がどうなっているかによって、欠格事由に当たるか、いつから2年を数えるかが変わります。"
                f"このチェックでは判定しません。{ctx.call.agency_name}に確かめてください。", notes + (NOTE_COUNTING,))
    if s.state == "suspension-completed":
        return (Status.PASS, "執行猶予の期間を取り消されることなく終えたと回答しました。刑の言渡しが効力を失っていれば、一般的な読み方では、欠格事由に当たりません。"
                f"念のため、{ctx.call.agency_name}に確かめてください。", notes + (NOTE_SUSPENSION.format(agency=ctx.call.agency_name),))
    if s.state == "ended":
        if s.ended_on is None:
            return (Status.REVIEW, not_known("刑の執行を終わった日（または執行を受けることがなくなった日）", None)
                    + "その日から起算して2年を経過しているかを確かめます。", notes + (NOTE_COUNTING,))
        status, message = _two_years(ctx, s.ended_on, "刑の執行を終わった日")
        return status, message, notes + (NOTE_COUNTING,)
    return (Status.REVIEW, not_known("刑の執行が終わっているか（執行中、執行猶予中など）", s.state, "sentence_state")
            + "執行中、執行猶予中、執行を終わってから2年を経過しない場合は、提案できません。", notes)


def _cancellation(ctx: Context, person: Person, body: bool):
    c = person.cancellation
    notes = (NOTE_COUNTING,)
    what = "法第120条の規定により行政機関等匿名加工情報の利用に関する契約を解除されたこと"
    if c is None or c.status is None:
        return Status.REVIEW, not_known(f"{what}があるか", None), notes
    if c.status == "none":
        return Status.PASS, f"{what}はないと回答しました。欠格事由に当たりません。", ()
    if c.status == UNKNOWN:
        return (Status.REVIEW, not_known(f"{what}があるか", UNKNOWN, "cancellation_status")
                + "解除の日から起算して2年を経過しない場合は、提案できません。", notes)
    if c.date is None:
        return Status.REVIEW, not_known("契約を解除された日", None) + "その日から起算して2年を経過しているかを確かめます。", notes
    status, message = _two_years(ctx, c.date, "契約を解除された日")
    return status, message, notes


def _two_years(ctx: Context, start: date, what: str) -> tuple[Status, str]:
    """「{what}から起算して二年を経過しない」, on the proposal day or, if none, over the whole call."""
    free = first_day_after_counting(start, YEARS)
    d = ctx.proposal_day
    if d is None:
        if free <= ctx.call.opens:
            return Status.PASS, (f"{what}（{day(start)}）から起算して2年を、募集期間の初日より前に経過しています。"
                                 f"欠格事由に当たりません（{_no_day(ctx)}）。")
        if free > ctx.call.closes:
            if _existing(ctx):
                return Status.REVIEW, (f"{_why_no_day(ctx)}{what}（{day(start)}）から起算して2年を経過しないうちに、"
                                       f"この募集の期間が終わります。提案できるのは{day(free)}からです。"
                                       + article_118_period(ctx.call))
            return Status.FAIL, (f"{what}（{day(start)}）から起算して2年を経過しないうちに、募集期間が終わります。"
                                 f"提案できるのは{day(free)}からです。この募集には提案できません。")
        return Status.REVIEW, (f"{_why_no_day(ctx)}{what}（{day(start)}）から起算して2年を経過するのは"
                               f"{day(free)}の始まりです。提案の日によって結論が変わります。提案の日がその日以後なら、この点は満たします。")
    if start > d:
        return Status.REVIEW, f"{what}（{day(start)}）が提案の日より後になっています。入力を確かめてください。"
    if d >= free:
        return Status.PASS, (f"{what}（{day(start)}）から起算して2年を経過しています（{day(free)}から提案できます）。"
                             "欠格事由に当たりません。")
    return Status.FAIL, (f"提案の日（{day(d)}）には、{what}（{day(start)}）から起算して2年を経過していません。"
                         f"提案できるのは{day(free)}からです。")


def _no_day(ctx: Context) -> str:
    """Why a finding speaks of the whole call period: no proposal day was given."""
    if ctx.answers.submission.date_unknown:
        return "提案の日は「わからない」と回答しています"
    return "提案の日はまだ入力されていません"


def _why_no_day(ctx: Context) -> str:
    return day_missing(ctx.answers.submission)


# -- 法人その他の団体: the officers (item 6) and the summary over all proposers ---------------------

def _item6(prefix: str, subject: str, proposer: Proposer, officers: list[tuple[str, list[Finding]]]) -> Finding:
    title, basis = TITLES["113-6"], BASIS["113-6"]
    note = ("役員一人ひとりについて、公示3の①から⑤までに当たらないかを確かめます。",)
    if not officers:
        lead = "役員が入力されていません。" if proposer.officers is not None else not_known("役員", None)
        return finding(f"{prefix}.113-6", Status.REVIEW, title,
                       lead + "法人その他の団体は、役員のうちに①から⑤までに当たる者がいると提案できません。役員全員を入力してください。",
                       basis, subject, note)
    failed = [label for label, own in officers if worst(f.status for f in own) is Status.FAIL]
    unsure = [label for label, own in officers if worst(f.status for f in own) is Status.REVIEW]
    if failed:
        return finding(f"{prefix}.113-6", Status.FAIL, title,
                       f"{'、'.join(failed)}が欠格事由に当たります。役員のうちに欠格事由に当たる者がいる法人その他の団体は、提案できません。",
                       basis, subject, note)
    if unsure:
        return finding(f"{prefix}.113-6", Status.REVIEW, title,
                       f"{'、'.join(unsure)}について、確認が必要な点があります。役員のうちに欠格事由に当たる者がいると、提案できません。",
                       basis, subject, note)
    return finding(f"{prefix}.113-6", Status.PASS, title,
                   f"入力された役員{len(officers)}人は、いずれも①から⑤までに当たりません。役員の入力漏れがないか確かめてください。",
                   basis, subject, note)


def _summary(per_proposer: list[tuple[str, Status]]) -> Finding:
    title = "提案者全員が欠格事由に当たらないこと"
    if not per_proposer:
        return finding("proposers", Status.REVIEW, title, not_known("提案者", None) + "提案者ごとに欠格事由を確かめます。",
                       SUMMARY_BASIS)
    joint = len(per_proposer) > 1
    lead = f"共同提案（{len(per_proposer)}者）です。" if joint else "単独提案です。"
    failed = [label for label, status in per_proposer if status is Status.FAIL]
    unsure = [label for label, status in per_proposer if status is Status.REVIEW]
    notes = ("共同提案では、提案者全員が欠格事由に当たらないことが必要です。一者でも当たると、提案全体が認められません。",) if joint else ()
    if failed:
        whole = "提案全体が認められません。" if joint else "提案できません。"
        return finding("proposers", Status.FAIL, title, f"{lead}{'、'.join(failed)}が欠格事由に当たるため、{whole}",
                       SUMMARY_BASIS, notes=notes)
    if unsure:
        return finding("proposers", Status.REVIEW, title, f"{lead}{'、'.join(unsure)}について、確認が必要な点があります。",
                       SUMMARY_BASIS, notes=notes)
    return finding("proposers", Status.PASS, title, f"{lead}回答によれば、提案者は欠格事由に当たりません。", SUMMARY_BASIS,
                   notes=notes)
