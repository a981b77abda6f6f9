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

from dataclasses import replace

from ..answers import Person, Proposer
from ..dates import add_years, age_on
from ..findings import Finding, Status
from ..law import ADULT_AGE, KOKINKEI, age
from ..vocabulary import UNKNOWN
from . import Context, rule
from .common import (article_118_period, awaiting, awaiting_day, day, finding, not_known, officer_label, proposer_label,
                     worst)
from .disqualification_notes import (NOTE_AGE, NOTE_BODY_BANKRUPTCY, NOTE_COUNTING, NOTE_KOKINKEI,  # noqa: F401
                                     NOTE_PLEDGE, NOTE_SUSPENSION, READING_BODY_BANKRUPTCY, TWO_YEARS)
from .two_years import Said, existing, later_call, no_day, two_years, why_no_day

ADULT = ADULT_AGE.value              # 民法第4条
AGE = age(ADULT_AGE)                  # 「18歳」

TITLES = {
    "113-1": "未成年者に当たらないこと",
    "113-2": "心身の故障（精神の機能の障害）により事業を適正に行えない者に当たらないこと",
    "113-3": "破産して復権を得ない者に当たらないこと",
    "113-4": f"刑に処せられて{TWO_YEARS}を経過しない者に当たらないこと",
    "113-5": f"契約を解除されて{TWO_YEARS}を経過しない者に当たらないこと",
    "113-6": "役員に欠格事由に当たる者がいないこと",
}
BASIS = {
    "113-1": ("法第113条第1号", "公示3①", ADULT_AGE.basis),
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
    per_proposer: list[tuple[str, list[Finding]]] = []
    for i, proposer in enumerate(proposers):
        own = screen_proposer(ctx, i, proposer)
        findings.extend(own)
        per_proposer.append((proposer_label(i, proposer), own))
    findings.append(_summary(per_proposer))
    return findings


def screen_proposer(ctx: Context, index: int, proposer: Proposer) -> list[Finding]:
    prefix, where = f"proposer-{index + 1}", f"proposers[{index}]"
    subject = proposer_label(index, proposer)
    findings: list[Finding] = []
    if proposer.type is None:
        findings.append(finding(
            f"{prefix}.type", Status.REVIEW, "提案者の種類",
            not_known("提案者が個人か、法人その他の団体か", None) + "種類によって確かめる欠格事由が変わります。",
            ("法第113条", "公示3"), subject, awaits=(f"{where}.type",),
        ))
        # Items 3-5 apply to everyone, so they are screened even before the type is known.
        findings.extend(screen_person(ctx, prefix, where, subject, proposer, personal=False))
        return findings
    if not proposer.is_body:
        return screen_person(ctx, prefix, where, subject, proposer, personal=True)
    findings.extend(screen_person(ctx, prefix, where, subject, proposer, personal=False, body=True))
    officer_findings: list[tuple[str, list[Finding]]] = []
    for j, officer in enumerate(proposer.officers or ()):
        label = officer_label(index, proposer, j, officer)
        own = screen_person(ctx, f"{prefix}.officer-{j + 1}", f"{where}.officers[{j}]", label, officer, personal=True)
        findings.extend(own)
        officer_findings.append((label, own))
    findings.append(_item6(prefix, where, subject, proposer, officer_findings))
    return findings


def screen_person(ctx: Context, prefix: str, where: str, subject: str, person: Person, personal: bool,
                  body: bool = False) -> list[Finding]:
    """Items 1-5 for a person (``personal``), items 3-5 for a body itself (``ITEMS``); ``where``: the
    person's place in the answers (``proposers[0].officers[1]``)."""
    checks = {"113-1": _minor, "113-2": _capacity, "113-3": _bankruptcy, "113-4": _sentence, "113-5": _cancellation}
    findings = []
    for item in ITEMS["person" if personal else "body"]:
        said = checks[item](ctx, person, body, where)
        findings.append(finding(f"{prefix}.{item}", said.status, TITLES[item], said.message, BASIS[item], subject,
                                said.notes, awaits=said.awaits))
    return findings


# -- each item: (ctx, person, is_body, where) -> Said ---------------------------------------------

def _minor(ctx: Context, person: Person, body: bool, where: str) -> Said:
    birth = person.birth_date
    notes = (NOTE_AGE,)
    if birth is None:
        return Said(Status.REVIEW, not_known("生年月日", None) + f"提案の日に{AGE}以上であるかを確かめます。", notes,
                     (f"{where}.birth_date",))
    if birth == UNKNOWN:
        return Said(Status.REVIEW, f"生年月日がわからないため、判定できません。未成年者（{AGE}未満の者）は提案できません。"
                     f"提案の日に{AGE}以上であることを確かめてください。", notes)
    adult_from = add_years(birth, ADULT)
    d = ctx.proposal_day
    if d is None:
        if age_on(birth, ctx.call.opens) >= ADULT:
            return Said(Status.PASS, f"募集期間の初日（{day(ctx.call.opens)}）にすでに{AGE}以上です。"
                         f"未成年者に当たりません（{no_day(ctx)}）。", notes)
        if age_on(birth, ctx.call.closes) < ADULT:
            if existing(ctx):
                return Said(Status.REVIEW, f"{why_no_day(ctx)}募集期間の最終日（{day(ctx.call.closes)}）でも{AGE}未満です。"
                             f"{AGE}になるのは{day(adult_from)}で、提案の日に{AGE}以上であることが必要です。"
                             + article_118_period(ctx.call), notes, awaiting_day(ctx.answers.submission))
            return Said(Status.FAIL, f"募集期間の最終日（{day(ctx.call.closes)}）でも{AGE}未満です。"
                         f"未成年者（{AGE}未満の者）はこの募集に提案できません。{AGE}になるのは{day(adult_from)}です。", notes)
        return Said(Status.REVIEW, f"{why_no_day(ctx)}{day(adult_from)}に{AGE}になるため、提案の日によって結論が変わります。"
                     "提案の日がその日以後なら、この点は満たします。", notes, awaiting_day(ctx.answers.submission))
    if birth > d:
        return Said(Status.REVIEW, "生年月日が提案の日より後になっています。入力を確かめてください。", notes)
    age_then = age_on(birth, d)
    posted = ctx.answers.submission.posted_on if ctx.answers.submission.method == "post" else None
    if age_then >= ADULT and posted is not None and posted < adult_from:
        # The pledge goes into the envelope: signed, at the latest, on the day it is posted.
        return Said(Status.REVIEW, f"提案の日（届く日、{day(d)}）には{age_then}歳ですが、発送する日（{day(posted)}）には、"
                     f"まだ{AGE}になっていません（{AGE}になるのは{day(adult_from)}です）。誓約書は、{AGE}になる前に署名することになります。"
                     f"その扱いは{ctx.call.agency_name}に確かめてください。{AGE}になってから誓約書に署名し、発送することもできます。",
                     notes + (NOTE_PLEDGE,))
    if age_then >= ADULT:
        return Said(Status.PASS, f"提案の日（{day(d)}）に{age_then}歳です。未成年者（{AGE}未満の者）に当たりません。", notes)
    message = (f"提案の日（{day(d)}）に{age_then}歳です。未成年者（{AGE}未満の者）は提案できません。"
               f"{AGE}になるのは{day(adult_from)}です。")
    if adult_from <= ctx.call.closes:
        message += f"募集期間中に{AGE}になるため、その日以後に提出すれば、この点は満たします。"
    elif not existing(ctx):
        message += f"この募集の締切（{day(ctx.call.closes)}）までに{AGE}にならないため、この募集には提案できません。" \
                   + later_call(ctx, adult_from)
    return Said(Status.FAIL, message, notes)


def _capacity(ctx: Context, person: Person, body: bool, where: str) -> Said:
    quote = "「精神の機能の障害により行政機関等匿名加工情報等をその用に供して行う事業を適正に行うに当たって必要な認知、判断及び意思疎通を適切に行うことのできない者」"
    if person.capacity == "no":
        return Said(Status.PASS, f"公示3②の{quote}に当たらないと回答しました。")
    if person.capacity == "yes":
        return Said(Status.FAIL, f"公示3②の{quote}に当たると回答しました。この場合は提案できません。")
    return Said(Status.REVIEW, not_known(f"公示3②の{quote}に当たるか", person.capacity, "capacity") + "当たる場合は提案できません。",
                 awaits=awaiting(person.capacity, f"{where}.capacity"))


def _bankruptcy(ctx: Context, person: Person, body: bool, where: str) -> Said:
    if body:
        return _body_bankruptcy(ctx, person, where)
    note = ("「復権」は、破産手続開始の決定によって受けた資格の制限がなくなることです。",)
    if person.bankruptcy == "none":
        return Said(Status.PASS, "破産手続開始の決定を受けていないと回答しました。欠格事由に当たりません。")
    if person.bankruptcy == "restored":
        return Said(Status.PASS, "破産手続開始の決定を受けましたが、復権を得ていると回答しました。欠格事由に当たりません。", note)
    if person.bankruptcy == "not-restored":
        return Said(Status.FAIL, "破産手続開始の決定を受けて、まだ復権を得ていないと回答しました。"
                     "「破産手続開始の決定を受けて復権を得ない者」は提案できません。", note)
    return Said(Status.REVIEW, not_known("破産手続開始の決定を受けて復権を得ない者に当たるか", person.bankruptcy, "bankruptcy")
                 + "当たる場合は提案できません。", note, awaiting(person.bankruptcy, f"{where}.bankruptcy"))


def _body_bankruptcy(ctx: Context, person: Person, where: str) -> Said:
    """A body has no 復権 (破産法第255条・第256条 are for natural persons); it is asked whether a
    破産手続開始の決定 is in effect, and "not-restored" stands for that (answers format 1)."""
    note = (NOTE_BODY_BANKRUPTCY,)
    if person.bankruptcy == "none":
        return Said(Status.PASS, "破産手続開始の決定を受けて、その効力が続いていることはないと回答しました。欠格事由に当たりません。")
    if person.bankruptcy == "not-restored":
        return Said(Status.FAIL, "破産手続開始の決定を受けて、その効力が続いていると回答しました。"
                     "このサイトの読み方では、「破産手続開始の決定を受けて復権を得ない者」に当たるため、提案できません。"
                     + READING_BODY_BANKRUPTCY.format(agency=ctx.call.agency_name), note)
    return Said(Status.REVIEW, not_known("破産手続開始の決定を受けて、その効力が続いているか", person.bankruptcy, "body_bankruptcy")
                 + "続いている場合は提案できません。", note, awaiting(person.bankruptcy, f"{where}.bankruptcy"))


def _sentence(ctx: Context, person: Person, body: bool, where: str) -> Said:
    s = person.sentence
    notes: tuple[str, ...] = (NOTE_KOKINKEI.format(agency=ctx.call.agency_name),)
    what = ("この法律の規定による刑（罰金を含みます）" if body
            else f"{KOKINKEI.value}以上の刑、またはこの法律の規定による刑（罰金を含みます）")
    if s is None or s.status is None:
        return Said(Status.REVIEW, not_known(f"{what}に処せられたことがあるか", None), notes, (f"{where}.sentence.status",))
    if s.status == "none":
        return Said(Status.PASS, f"{what}に処せられたことはないと回答しました。欠格事由に当たりません。", notes)
    if s.status == UNKNOWN:
        return Said(Status.REVIEW, not_known(f"{what}に処せられたことがあるか", UNKNOWN, "sentence_status")
                     + f"処せられ、その執行を終わった日などから起算して{TWO_YEARS}を経過しない場合は、提案できません。", notes)
    if s.state == "serving":
        return Said(Status.FAIL, f"刑の執行中と回答しました。刑の執行を終わった日から起算して{TWO_YEARS}を経過するまでは、提案できません。",
                     notes + (NOTE_COUNTING,))
    if s.state == "suspended":
        return Said(Status.FAIL, "刑の執行猶予中と回答しました。執行猶予の期間中は、刑に処せられた者に当たるため、提案できません。"
                     "この扱いは一般的な読み方によるもので、この法律について確かめられてはいません。提出先に確かめてください。",
                     notes + ("この扱いは、同じ文言を持つ多くの法律の一般的な読み方によります。",))
    if s.state == "partly-suspended":
        # 刑法第27条の2: part of the term is served, the rest suspended; none of the other answers fits.
        return Said(Status.REVIEW, "刑の一部の執行猶予（刑法第27条の2）を受けたと回答しました。猶予されなかった部分の執行や、"
                     f"猶予の期間がどうなっているかによって、欠格事由に当たるか、いつから{TWO_YEARS}を数えるかが変わります。"
                     f"このチェックでは判定しません。{ctx.call.agency_name}に確かめてください。", notes + (NOTE_COUNTING,))
    if s.state == "suspension-completed":
        return Said(Status.PASS, "執行猶予の期間を取り消されることなく終えたと回答しました。刑の言渡しが効力を失っていれば、一般的な読み方では、欠格事由に当たりません。"
                     f"念のため、{ctx.call.agency_name}に確かめてください。", notes + (NOTE_SUSPENSION.format(agency=ctx.call.agency_name),))
    if s.state == "ended":
        if s.ended_on is None:
            return Said(Status.REVIEW, not_known("刑の執行を終わった日（または執行を受けることがなくなった日）", None)
                         + f"その日から起算して{TWO_YEARS}を経過しているかを確かめます。", notes + (NOTE_COUNTING,),
                         (f"{where}.sentence.ended_on",))
        return replace(two_years(ctx, s.ended_on, "刑の執行を終わった日"), notes=notes + (NOTE_COUNTING,))
    return Said(Status.REVIEW, not_known("刑の執行が終わっているか（執行中、執行猶予中など）", s.state, "sentence_state")
                 + f"執行中、執行猶予中、執行を終わってから{TWO_YEARS}を経過しない場合は、提案できません。", notes,
                 awaiting(s.state, f"{where}.sentence.state"))


def _cancellation(ctx: Context, person: Person, body: bool, where: str) -> Said:
    c = person.cancellation
    notes = (NOTE_COUNTING,)
    what = "法第120条の規定により行政機関等匿名加工情報の利用に関する契約を解除されたこと"
    if c is None or c.status is None:
        return Said(Status.REVIEW, not_known(f"{what}があるか", None), notes, (f"{where}.cancellation.status",))
    if c.status == "none":
        return Said(Status.PASS, f"{what}はないと回答しました。欠格事由に当たりません。")
    if c.status == UNKNOWN:
        return Said(Status.REVIEW, not_known(f"{what}があるか", UNKNOWN, "cancellation_status")
                     + f"解除の日から起算して{TWO_YEARS}を経過しない場合は、提案できません。", notes)
    if c.date is None:
        return Said(Status.REVIEW, not_known("契約を解除された日", None) + f"その日から起算して{TWO_YEARS}を経過しているかを確かめます。",
                     notes, (f"{where}.cancellation.date",))
    return replace(two_years(ctx, c.date, "契約を解除された日"), notes=notes)


# -- 法人その他の団体: the officers (item 6) and the summary over all proposers ---------------------

def _item6(prefix: str, where: str, subject: str, proposer: Proposer,
           officers: list[tuple[str, list[Finding]]]) -> Finding:
    title, basis = TITLES["113-6"], BASIS["113-6"]
    note = ("役員一人ひとりについて、公示3の①から⑤までに当たらないかを確かめます。",)
    parts = tuple(f.id for _, own in officers for f in own)   # what it sums up
    if not officers:
        lead = "役員が入力されていません。" if proposer.officers is not None else not_known("役員", None)
        return finding(f"{prefix}.113-6", Status.REVIEW, title,
                       lead + "法人その他の団体は、役員のうちに①から⑤までに当たる者がいると提案できません。役員全員を入力してください。",
                       basis, subject, note, awaits=() if proposer.officers is not None else (f"{where}.officers",))
    failed = [label for label, own in officers if worst(f.status for f in own) is Status.FAIL]
    unsure = [label for label, own in officers if worst(f.status for f in own) is Status.REVIEW]
    if failed:
        return finding(f"{prefix}.113-6", Status.FAIL, title,
                       f"{'、'.join(failed)}が欠格事由に当たります。役員のうちに欠格事由に当たる者がいる法人その他の団体は、提案できません。",
                       basis, subject, note, sums=parts)
    if unsure:
        return finding(f"{prefix}.113-6", Status.REVIEW, title,
                       f"{'、'.join(unsure)}について、確認が必要な点があります。役員のうちに欠格事由に当たる者がいると、提案できません。",
                       basis, subject, note, sums=parts)
    return finding(f"{prefix}.113-6", Status.PASS, title,
                   f"入力された役員{len(officers)}人は、いずれも①から⑤までに当たりません。役員の入力漏れがないか確かめてください。",
                   basis, subject, note, sums=parts)


def _summary(per_proposer: list[tuple[str, list[Finding]]]) -> Finding:
    title = "提案者全員が欠格事由に当たらないこと"
    if not per_proposer:
        return finding("proposers", Status.REVIEW, title, not_known("提案者", None) + "提案者ごとに欠格事由を確かめます。",
                       SUMMARY_BASIS, awaits=("proposers",))
    parts = tuple(f.id for _, own in per_proposer for f in own)   # what it sums up
    statuses = [(label, worst(f.status for f in own)) for label, own in per_proposer]
    joint = len(per_proposer) > 1
    lead = f"共同提案（{len(per_proposer)}者）です。" if joint else "単独提案です。"
    failed = [label for label, status in statuses if status is Status.FAIL]
    unsure = [label for label, status in statuses if status is Status.REVIEW]
    notes = ("共同提案では、提案者全員が欠格事由に当たらないことが必要です。一者でも当たると、提案全体が認められません。",) if joint else ()
    if failed:
        whole = "提案全体が認められません。" if joint else "提案できません。"
        return finding("proposers", Status.FAIL, title, f"{lead}{'、'.join(failed)}が欠格事由に当たるため、{whole}",
                       SUMMARY_BASIS, notes=notes, sums=parts)
    if unsure:
        return finding("proposers", Status.REVIEW, title, f"{lead}{'、'.join(unsure)}について、確認が必要な点があります。",
                       SUMMARY_BASIS, notes=notes, sums=parts)
    return finding("proposers", Status.PASS, title, f"{lead}回答によれば、提案者は欠格事由に当たりません。", SUMMARY_BASIS,
                   notes=notes, sums=parts)
