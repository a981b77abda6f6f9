"""The result page: the three plain answers (outcome.py), what does not pass (fails, then 確認が必要,
then what only the agency can settle), what only the agency judges, the passed items folded, and the
person's printable checklist. Every citation opens its text in place (parts.reference_dialog)."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ..call_state import CallState
from ..dates import format_date, jst
from ..findings import STATUS_ORDER, Finding, Part, Status
from ..markup import esc, keep_together
from ..outcome import LINES, Answer, agency_only, item_line
from ..result import Result
from ..rules.documents import CONDITIONS
from ..wording import PAGES
from .draft import draft_link
from .parts import (HEADING_ID, basis_links, button, call_state_note, cited, notice, reference_dialog,
                    tools)

def _finding(f: Finding, href: Any) -> str:
    status = f.status.value
    subject = f'<span class="checker-finding-subject">{esc(f.subject)}</span>' if f.subject else ""
    notes = "".join(f'<li>{cited(n)}</li>' for n in f.notes)
    notes = f'<ul class="checker-finding-notes">{notes}</ul>' if notes else ""
    basis_html = (f'<p class="checker-finding-basis">根拠：{basis_links(f.basis, href, in_place=True)}</p>'
                  if f.basis else "")
    part = f' data-part="{esc(f.part.value)}"' if f.part else ""
    return (f'<li class="checker-finding checker-finding--{esc(status)}" data-finding="{esc(f.id)}"{part}'
            f'{" data-agency-only" if f.agency_only else ""}>'
            f'<p class="checker-finding-title"><span class="checker-badge checker-badge--{esc(status)}">'
            f"{esc(f.status.label)}</span> {subject}{keep_together(f.title)}</p>"
            f'<p class="checker-finding-message">{cited(f.message)}</p>{notes}{basis_html}</li>')


def made_at_text(result: Result) -> str:
    made = jst(result.made_at)
    return f"{format_date(made.date())}{made.hour}時{made.minute:02d}分（日本時間）"


PASSED_ID = "checker-passed"


AGENCY_ID = "checker-agency"


def _findings_group(status: Status, group: list[Finding], href: Any) -> str:
    """Fails, 確認が必要 and 記載あり open, as a heading and cards; the passed ones folded into one
    disclosure (a native <details>: a button to keyboards and screen readers, with its state)."""
    heading = f"{status.heading}（{len(group)}件）"
    items = f'<ul class="checker-findings">{"".join(_finding(f, href) for f in group)}</ul>'
    if status is not Status.PASS:
        return f'<h4 class="checker-group-heading">{esc(heading)}</h4>{items}'
    return (f'<h4 class="checker-group-heading" id="{PASSED_ID}-heading">{esc(heading)}</h4>'
            f'<details class="checker-passed" id="{PASSED_ID}">'
            f'<summary class="checker-passed-summary">問題のない要件{len(group)}件の一覧</summary>'
            f"{items}</details>")


def _agency_group(group: list[Finding], href: Any) -> str:
    """What only the agency can settle: a group of its own, after what the applicant can answer."""
    return (f'<h4 class="checker-group-heading" id="{AGENCY_ID}-heading">{esc(LINES["agency"])}（{len(group)}件）</h4>'
            f'<p class="checker-group-lead">{esc(LINES["agency_lead"])}</p>'
            f'<ul class="checker-findings">{"".join(_finding(f, href) for f in group)}</ul>')


# ---------------------------------------------------------------------------------------------
# The three answers the result leads with (outcome.py)


def _answer(a: Answer) -> str:
    words = a.words
    qid = f"checker-answer-{a.part.value}"
    items_html = ""
    for status in (Status.FAIL, Status.REVIEW):
        named = [f for f in a.open if f.status is status]
        if named:
            items = "".join(f"<li>{keep_together(item_line(f))}</li>" for f in named)
            items_html += (f'<p class="checker-answer-group"><span class="checker-badge checker-badge--{status.value}">'
                           f'{esc(status.label)}</span><span class="nowrap">{len(named)}件</span></p>'
                           f'<ul class="checker-answer-items">{items}</ul>')
    lines = "".join(f'<p class="checker-answer-line">{keep_together(line)}</p>' for line in a.lines())
    return (f'<section class="checker-answer checker-answer--{esc(a.state)}" data-part="{esc(a.part.value)}" '
            f'aria-labelledby="{qid}">'
            f'<h4 class="checker-answer-question" id="{qid}">{esc(words.question)}'
            f'<span class="checker-answer-basis">（{cited(words.basis)}）</span></h4>'
            f'<p class="checker-answer-says"><span class="checker-answer-badge">{esc(a.badge)}</span>'
            f"{keep_together(a.says)}</p>{items_html}{lines}</section>")


def answers_html(result: Result) -> str:
    """The three plain answers, then a note naming what only the agency can settle (listed below)."""
    out = "".join(_answer(a) for a in result.answers)
    asked = agency_only(result.findings)
    note = ""
    if asked:
        named = "".join(f"<li>{keep_together(item_line(f))}</li>" for f in asked)
        note = (f'<div class="checker-agency-note" role="note"><p class="checker-agency-note-title">'
                f'{esc(LINES["agency"])}（{len(asked)}件）</p><p>{esc(LINES["agency_lead"])}</p>'
                f'<ul class="checker-answer-items">{named}</ul></div>')
    return f'<div class="checker-answers">{out}</div>{note}'


def result_page(result: Result, call: Any, href: Any, progress: str = "", message: str = "", summary: str = "",
                past: str = "", state: CallState | None = None) -> str:
    """The three answers (answers_html), what does not pass (fails, then 確認が必要, then what only the
    agency can settle), what only the agency judges, the passed items folded, and the printable
    personal checklist. Two prints, each from the three answers: the checklist alone, or the whole
    result (checker.js). Under the answers: the call's state today (call_state_note) and the note on
    answered days already past (``past``: past_days_note). Citations open in place (reference_dialog)."""
    out = [progress, summary, notice(message),
           '<div class="checker-result">'
           f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">{esc(PAGES["result"]["heading"])}</h3>'
           f"{answers_html(result)}{call_state_note(call, state)}{past}"]
    asked = list(agency_only(result.findings))
    for status in STATUS_ORDER:
        group = [f for f in result.findings if f.status is status and f not in asked]
        if group:
            out.append(_findings_group(status, group, href))
        if status is Status.REVIEW and asked:
            out.append(_agency_group(asked, href))
    out.append(checklist(result, call, href, state))
    out.append("</div>")
    out.append(draft_link())
    out.append('<form class="checker-form checker-no-print" novalidate>'
               '<p class="checker-hint">「チェックリストを印刷」は、三つの答えと、提出する書類と提出の方法を印刷します。'
               "「結果の全体を印刷」は、問題のない要件も含めて、すべての項目を印刷します。</p>"
               '<div class="checker-actions checker-actions--nav">'
               f'{button("チェックリストを印刷", "print", "primary")}{button("結果の全体を印刷", "print-all")}'
               f'{button("回答の確認に戻る", "back")}</div></form>')
    out.append(tools())
    out.append(reference_dialog())
    return "".join(out)


def document_item(name: str, when: str, why: str, basis: Iterable[str], href: Callable[[str], str | None],
                  root: str = "../", warnings: Iterable[str] = (), in_place: bool = False) -> str:
    """One paper on a checklist (the result's, the static one): its name, when it is needed ("": the
    answers say it is), why, what to watch with it (``warnings``: printed with the checklist too), and
    its basis. ``in_place``: on the checker, where citations open in place."""
    text = cited if in_place else keep_together
    when_html = f'<p class="checker-doc-condition">必要なとき：{text(when)}</p>' if when else ""
    why_html = f'<p class="checker-doc-why">{text(why)}</p>' if why else ""
    warn_html = "".join(f'<p class="checker-doc-warning">{text(w)}</p>' for w in warnings)
    basis_html = (f'<p class="checker-doc-basis">根拠：{basis_links(basis, href, root, in_place=in_place)}</p>'
                  if basis else "")
    return ('<li class="checker-doc"><span class="checker-box" aria-hidden="true"></span>'
            f'<div><p class="checker-doc-name">{keep_together(name)}</p>{when_html}{warn_html}{why_html}{basis_html}</div></li>')


# The call's state on the day the checklist was made, as its print says it (call_state.CallState).
STATE_WORDS = {CallState.BEFORE: "募集はまだ始まっていません", CallState.OPEN: "募集中です",
               CallState.CLOSED: "この募集は終了しました"}


def _meta(result: Result, call: Any, state: CallState | None) -> str:
    rows = [("募集", esc(result.call_title or call.title)), ("作成日時", esc(made_at_text(result)))]
    if state is not None:
        rows.append(("募集の状況", keep_together(f"{STATE_WORDS[state]}（作成日時の時点）")))
    rows.append(("判定ルールの版", esc(result.rules_version or call.rules_version)))
    return '<dl class="checker-meta">' + "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in rows) + "</dl>"


def _choices(result: Result) -> str:
    """The person's own choices (持参 or 郵送, the day and time, an agent): on the desk, they are the plan."""
    if not result.choices:
        return ""
    rows = "".join(f"<div><dt>{esc(name)}</dt><dd>{keep_together(value)}</dd></div>" for name, value in result.choices)
    return ('<h5 class="checker-subheading">あなたが答えた提出の方法と日時</h5>'
            f'<dl class="checker-meta checker-choices">{rows}</dl>')


def _not_a_go_ahead(result: Result) -> str:
    """On a checklist whose applicant may not propose: said at its top, so no one reads it as a go-ahead."""
    eligible = next(a for a in result.answers if a.part is Part.ELIGIBILITY)
    if eligible.status is not Status.FAIL:
        return ""
    return f'<p class="checker-checklist-warning" role="note">{esc(LINES["not_a_go_ahead"])}</p>'


def checklist(result: Result, call: Any, href: Any, state: CallState | None = None) -> str:
    """The person's own list: documents and why, how/where/by when, what happens next.
    Printed alone, it keeps what goes on the desk (checker.css), after the three answers: the papers
    and copies with what to watch, the person's own choices, the forms page, how, where and by when,
    the envelope's words, the call's state when it was made; the reasons and what happens next are in
    the full print. ``state``: the call's state when it was made (None: not said)."""
    docs, on_request = [], []
    for d in result.documents:
        copies_text = f"（{d.copies}部）" if d.copies else ""
        when = d.condition or (CONDITIONS["requested"] if d.on_request else "")
        (on_request if d.on_request else docs).append(
            document_item(d.name + copies_text, when, d.why, d.basis, href, warnings=d.warnings, in_place=True))
    # What the proposal states but only the agency judges goes on the desk too (both prints).
    stated = list(dict.fromkeys(f.title for f in result.findings if f.status is Status.STATED))
    stated_html = (f'<p class="checker-stated-note"><span class="checker-badge checker-badge--stated">'
                   f"{esc(Status.STATED.label)}</span> {keep_together('、'.join(stated))}："
                   "提案書に書いたと回答しました。内容は審査で判断されます。</p>") if stated else ""
    sub = result.submission
    how = "".join(f"<li>{cited(s)}</li>" for s in sub.how)
    where_html = "<br>".join(keep_together(line) for line in sub.where)
    steps = "".join(f"<li>{cited(s)}</li>" for s in result.next_steps)
    forms = call.links.get("forms") if hasattr(call, "links") else None
    forms_html = (f'<p class="checker-forms">提案書と添付書類の様式：<a href="{esc(forms)}" target="_blank" rel="noopener">'
                  f"{esc(forms)}</a></p>") if forms else ""
    return (
        '<section class="checker-checklist-print" aria-labelledby="checker-own-heading">'
        '<h4 class="checker-group-heading" id="checker-own-heading">あなたの提出チェックリスト</h4>'
        f"{_not_a_go_ahead(result)}{_meta(result, call, state)}{_choices(result)}"
        '<h5 class="checker-subheading">提出する書類</h5>'
        f'<ul class="checker-docs">{"".join(docs)}</ul>{stated_html}{forms_html}'
        + (('<h5 class="checker-subheading">必要と認められた場合に出す書類</h5>'
            f'<ul class="checker-docs checker-docs--on-request">{"".join(on_request)}</ul>') if on_request else "")
        +
        '<h5 class="checker-subheading">提出の方法</h5>'
        f'<ul class="checker-list checker-how">{how}</ul>'
        '<div class="checker-where-by">'
        '<div><h5 class="checker-subheading">提出先</h5>'
        f'<p class="checker-address">{where_html}</p></div>'
        '<div><h5 class="checker-subheading">期限</h5>'
        f"<p>{cited(sub.by)}</p></div></div>"
        '<div class="checker-next-steps"><h5 class="checker-subheading">このあとの流れ</h5>'
        f'<ol class="checker-list">{steps}</ol></div>'
        f'<p class="checker-disclaimer">{esc(result.disclaimer)}</p>'
        "</section>"
    )
