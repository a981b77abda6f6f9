"""The result page: the outcome, what does not pass (fails, then 確認が必要), what only the agency
judges, the passed items folded, and the person's printable checklist."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ..call_state import CallState
from ..dates import format_date, jst
from ..findings import STATUS_ORDER, Finding, Status, stated_summary
from ..markup import esc, keep_together
from ..result import Result
from ..rules.documents import CONDITIONS
from ..vocabulary import UNKNOWN_LABEL
from ..wording import PAGES
from .draft import draft_link
from .parts import HEADING_ID, basis_links, button, call_state_note, notice, tools

# The page's conclusion (Status.outcome, shared with the command line) and where on the page to look next.
# A pass is never "ready to submit": what only the agency judges is listed too (outcome_lead).
OUTCOMES = {
    Status.PASS.value: (Status.PASS.outcome, "下のチェックリストで、書類と提出の方法を確かめてください。"),
    Status.FAIL.value: (Status.FAIL.outcome, "このままでは提案が認められないか、受け付けられないおそれがあります。"
                                             f"下の「{Status.FAIL.heading}」を確かめてください。"),
    Status.REVIEW.value: (Status.REVIEW.outcome, f"答えが「{UNKNOWN_LABEL}」の項目か、まだ答えていない項目があります。"
                                                 f"下の「{Status.REVIEW.heading}」を確かめてください。"),
}

def _finding(f: Finding, href: Any) -> str:
    status = f.status.value
    subject = f'<span class="checker-finding-subject">{esc(f.subject)}</span>' if f.subject else ""
    notes = "".join(f'<li>{keep_together(n)}</li>' for n in f.notes)
    notes = f'<ul class="checker-finding-notes">{notes}</ul>' if notes else ""
    basis_html = (f'<p class="checker-finding-basis">根拠：{basis_links(f.basis, href)}</p>' if f.basis else "")
    return (f'<li class="checker-finding checker-finding--{esc(status)}" data-finding="{esc(f.id)}">'
            f'<p class="checker-finding-title"><span class="checker-badge checker-badge--{esc(status)}">'
            f"{esc(f.status.label)}</span> {subject}{keep_together(f.title)}</p>"
            f'<p class="checker-finding-message">{keep_together(f.message)}</p>{notes}{basis_html}</li>')


def outcome_lead(result: Result, lead: str) -> str:
    """The words under the conclusion. With nothing failed and nothing to confirm: what was checked
    (the requirements found met) and what the checker only asked, whose content the agency judges."""
    if result.overall is not Status.PASS:
        return lead
    met = sum(f.status is Status.PASS for f in result.findings)
    return f"事前チェックで確かめた要件{met}件に、問題はありません。" + stated_summary(result.findings) + lead


def made_at_text(result: Result) -> str:
    made = jst(result.made_at)
    return f"{format_date(made.date())}{made.hour}時{made.minute:02d}分（日本時間）"


PASSED_ID = "checker-passed"


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


def result_page(result: Result, call: Any, href: Any, progress: str = "", message: str = "", summary: str = "",
                past: str = "", state: CallState | None = None) -> str:
    """The outcome, what does not pass (fails, then 確認が必要), the passed items folded, and the
    printable personal checklist. Two prints: the checklist alone, or the whole result (checker.js).
    Under the outcome: the call's state today (call_state_note) and the note on answered days
    already past (``past``: past_days_note)."""
    overall = result.overall.value
    title, lead = OUTCOMES[overall]
    lead = outcome_lead(result, lead)
    out = [progress, summary, notice(message),
           '<div class="checker-result">'
           f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">{esc(PAGES["result"]["heading"])}</h3>'
           f'<div class="checker-outcome checker-outcome--{esc(overall)}">'
           f'<p class="checker-outcome-title">{esc(title)}</p><p>{keep_together(lead)}</p></div>'
           f"{call_state_note(call, state)}{past}"]
    for status in STATUS_ORDER:
        group = [f for f in result.findings if f.status is status]
        if group:
            out.append(_findings_group(status, group, href))
    out.append(checklist(result, call, href))
    out.append("</div>")
    out.append(draft_link())
    out.append('<form class="checker-form checker-no-print" novalidate>'
               '<p class="checker-hint">「チェックリストを印刷」は、提出する書類と提出の方法だけを印刷します。'
               "「結果の全体を印刷」は、問題のない要件も含めて、すべての項目を印刷します。</p>"
               '<div class="checker-actions checker-actions--nav">'
               f'{button("チェックリストを印刷", "print", "primary")}{button("結果の全体を印刷", "print-all")}'
               f'{button("回答の確認に戻る", "back")}</div></form>')
    out.append(tools())
    return "".join(out)


def document_item(name: str, when: str, why: str, basis: Iterable[str], href: Callable[[str], str | None],
                  root: str = "../") -> str:
    """One paper on a checklist (the result's, the static one): its name, when it is needed ("": the
    answers say it is), why, and its basis."""
    when_html = f'<p class="checker-doc-condition">必要なとき：{keep_together(when)}</p>' if when else ""
    why_html = f'<p class="checker-doc-why">{keep_together(why)}</p>' if why else ""
    basis_html = f'<p class="checker-doc-basis">根拠：{basis_links(basis, href, root)}</p>' if basis else ""
    return ('<li class="checker-doc"><span class="checker-box" aria-hidden="true"></span>'
            f'<div><p class="checker-doc-name">{keep_together(name)}</p>{when_html}{why_html}{basis_html}</div></li>')


def checklist(result: Result, call: Any, href: Any) -> str:
    """The person's own list: documents and why, how/where/by when, what happens next.
    Printed alone, it keeps what goes on the desk (checker.css): the papers and copies, how,
    where and by when, the envelope's words; the reasons and what happens next are in the full print."""
    docs, on_request = [], []
    for d in result.documents:
        copies_text = f"（{d.copies}部）" if d.copies else ""
        when = d.condition or (CONDITIONS["requested"] if d.on_request else "")
        (on_request if d.on_request else docs).append(document_item(d.name + copies_text, when, d.why, d.basis, href))
    # What the proposal states but only the agency judges goes on the desk too (both prints).
    stated = list(dict.fromkeys(f.title for f in result.findings if f.status is Status.STATED))
    stated_html = (f'<p class="checker-stated-note"><span class="checker-badge checker-badge--stated">'
                   f"{esc(Status.STATED.label)}</span> {keep_together('、'.join(stated))}："
                   "提案書に書いたと回答しました。内容は審査で判断されます。</p>") if stated else ""
    sub = result.submission
    how = "".join(f"<li>{keep_together(s)}</li>" for s in sub.how)
    where_html = "<br>".join(keep_together(line) for line in sub.where)
    steps = "".join(f"<li>{keep_together(s)}</li>" for s in result.next_steps)
    return (
        '<section class="checker-checklist-print" aria-labelledby="checker-own-heading">'
        '<h4 class="checker-group-heading" id="checker-own-heading">あなたの提出チェックリスト</h4>'
        '<dl class="checker-meta">'
        f'<div><dt>募集</dt><dd>{esc(result.call_title or call.title)}</dd></div>'
        f'<div><dt>作成日時</dt><dd>{esc(made_at_text(result))}</dd></div>'
        f'<div><dt>判定ルールの版</dt><dd>{esc(result.rules_version or call.rules_version)}</dd></div>'
        "</dl>"
        '<h5 class="checker-subheading">提出する書類</h5>'
        f'<ul class="checker-docs">{"".join(docs)}</ul>{stated_html}'
        + (('<h5 class="checker-subheading">必要と認められた場合に出す書類</h5>'
            f'<ul class="checker-docs checker-docs--on-request">{"".join(on_request)}</ul>') if on_request else "")
        +
        '<h5 class="checker-subheading">提出の方法</h5>'
        f'<ul class="checker-list checker-how">{how}</ul>'
        '<div class="checker-where-by">'
        '<div><h5 class="checker-subheading">提出先</h5>'
        f'<p class="checker-address">{where_html}</p></div>'
        '<div><h5 class="checker-subheading">期限</h5>'
        f"<p>{keep_together(sub.by)}</p></div></div>"
        '<div class="checker-next-steps"><h5 class="checker-subheading">このあとの流れ</h5>'
        f'<ol class="checker-list">{steps}</ol></div>'
        f'<p class="checker-disclaimer">{esc(result.disclaimer)}</p>'
        "</section>"
    )
