"""HTML fragments for the checker: pure functions from flow state and results to markup.

Everything that comes from a person (names, file names, typed text) or from data passes
through ``esc``. The markup has no inline scripts, event handlers or style attributes, so
a strict Content-Security-Policy can be applied; behaviour comes from checker.js (glue) and
looks from checker.css.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterable

from .call_state import CallState
from .dates import format_date, format_time, jst
from .findings import DECIDING, STATUS_ORDER, Finding, Status, stated_summary
from .result import Result
from .rules.common import NO_DAY, NOT_ANSWERED
from .rules.documents import CONDITIONS
from .flow import Field, Section, Step, Topic, call_text
from .inputs import Fields, Pieces
from .markup import attrs as _attrs
from .markup import esc, keep_together

# The page's conclusion (Status.outcome, shared with the command line) and where on the page to look next.
# A pass is never "ready to submit": what only the agency judges is listed too (outcome_lead).
OUTCOMES = {
    Status.PASS.value: (Status.PASS.outcome, "下のチェックリストで、書類と提出の方法を確かめてください。"),
    Status.FAIL.value: (Status.FAIL.outcome,
                        "このままでは提案が認められないか、受け付けられないおそれがあります。下の「満たしていない要件」を確かめてください。"),
    Status.REVIEW.value: (Status.REVIEW.outcome,
                          "答えが「わからない」の項目か、まだ答えていない項目があります。下の「確認が必要なこと」を確かめてください。"),
}

HEADING_ID = "step-heading"
ERROR_SUMMARY_ID = "error-summary"


def _button(label: str, value: str, kind: str = "secondary", extra: str = "") -> str:
    return (f'<button type="submit" value="{esc(value)}" class="checker-button checker-button--{kind}{extra}">'
            f"{esc(label)}</button>")


# ---------------------------------------------------------------------------------------------
# Pieces shared by every page


def step_indicator(items: list[Topic], current: str | None, links: dict[str, str]) -> str:
    """An ordered list of the topics; the current one carries aria-current="step"."""
    out = ['<nav class="checker-progress" aria-label="進み具合"><ol class="checker-steps">']
    for n, topic in enumerate(items, 1):
        label = f'<span class="checker-steps-number">{n}</span> {esc(topic.title)}'
        if topic.id == current:
            out.append(f'<li class="checker-steps-item is-current" aria-current="step">{label}</li>')
        elif topic.id in links:
            out.append(f'<li class="checker-steps-item is-done"><a href="#{HEADING_ID}" data-goto="{esc(links[topic.id])}">'
                       f"{label}</a></li>")
        else:
            out.append(f'<li class="checker-steps-item">{label}</li>')
    out.append("</ol></nav>")
    return "".join(out)


def error_summary(items: list[tuple[str, str]], title: str = "入力内容に問題があります") -> str:
    """The box at the top of the page; each item links to the field (href="#id")."""
    if not items:
        return ""
    links = "".join(
        f'<li><a href="#{esc(target)}">{esc(text)}</a></li>' if target else f"<li>{esc(text)}</li>"
        for target, text in items)
    # role="group": a plain div may not carry a name (aria-labelledby); the group takes focus and
    # is read with its title. Not role="alert": the status region already says that input failed.
    return (f'<div class="checker-error-summary" id="{ERROR_SUMMARY_ID}" tabindex="-1" role="group" '
            f'aria-labelledby="{ERROR_SUMMARY_ID}-title">'
            f'<h3 class="checker-error-summary-title" id="{ERROR_SUMMARY_ID}-title">{esc(title)}</h3>'
            f'<ul class="checker-error-summary-list">{links}</ul></div>')


def notice(text: str) -> str:
    return f'<div class="checker-notice" role="note"><p>{esc(text)}</p></div>' if text else ""


def tools(can_save: bool = True) -> str:
    """Save, load and clear: the answers live only in this page, so the person keeps the file."""
    save = _button("回答をファイルに保存", "save") if can_save else ""
    clear = _button("すべての回答を消去", "clear", "warning") if can_save else ""
    return (
        '<form class="checker-tools" aria-labelledby="checker-tools-heading" novalidate>'
        '<h3 class="checker-tools-heading" id="checker-tools-heading">回答の保存と読み込み</h3>'
        '<p class="checker-hint">回答はこのページの中だけにあり、ブラウザにも保存されません。ページを閉じると消えます。'
        "続きをあとでするときは、回答をファイルに保存してください。</p>"
        f'<div class="checker-actions">{save}</div>'
        '<div class="checker-file">'
        '<label class="checker-label" for="checker-load">保存した回答ファイルを読み込む</label>'
        '<p class="checker-hint" id="checker-load-hint">読み込むと、今の回答は読み込んだ回答に置き換わります。</p>'
        '<input type="file" id="checker-load" class="checker-file-input" accept=".json,application/json" '
        'aria-describedby="checker-load-hint"></div>'
        f'<div class="checker-actions">{clear}</div>'
        "</form>"
    )


# A finding that only says a question is still to be answered (rules.common.not_known, the
# date rules' 「未入力」), or that is as it is when nothing at all is answered.
_NOT_YET = (NOT_ANSWERED, NO_DAY)


def _summed(f: Finding) -> str | None:
    """The id prefix of the findings ``f`` sums up (ids are stable, FORMAT.md): all the proposers
    together (「proposers」), or a body's officers together (「proposer-1.113-6」, 法第113条第6号)."""
    if f.id == "proposers":
        return "proposer-"
    person, _, rule = f.id.rpartition(".")
    return f"{person}.officer-" if rule == "113-6" and re.fullmatch(r"proposer-\d+", person) else None


def _not_yet(f: Finding, findings: tuple[Finding, ...], fresh: dict[str, Finding]) -> bool:
    """Whether ``f`` only waits for answers: it says so, it is as with no answers at all, or it sums
    up findings that all wait."""
    if f.status is not Status.REVIEW:
        return False
    if fresh.get(f.id) == f or any(w in f.message for w in _NOT_YET):
        return True
    prefix = _summed(f)
    parts = [g for g in findings if prefix and g.id.startswith(prefix) and g.status is not Status.PASS]
    return bool(parts) and all(_not_yet(g, findings, fresh) for g in parts)


def result_panel(result: Result, fresh: Result | None = None) -> str:
    """The compact result beside each step: the outcome and counts for what has been answered.

    Beside the questions, a question not reached yet is not a problem: before anything is answered
    the panel says nothing is judged yet, and afterwards counts only what the answers decide,
    saying how many questions are still open. ``fresh``: the result of no answers at all (the same
    call); without it every finding counts, as on the result page."""
    fresh_findings = {f.id: f for f in fresh.findings} if fresh else {}
    if fresh is not None and result.findings == fresh.findings:
        return ('<p class="checker-panel-outcome checker-panel-outcome--pending">まだ判定していません</p>'
                '<p class="checker-hint">質問に答えると、ここに今の答えでの判定が出ます。</p>')
    open_ = [f for f in result.findings if _not_yet(f, result.findings, fresh_findings)] if fresh else []
    judged = [f for f in result.findings if f not in open_]
    overall = result.overall if not open_ else next(
        (s for s in DECIDING if any(f.status is s for f in judged)), None)
    if overall is None:
        title, state = "今の答えでは、問題は見つかっていません。", "pending"
    else:
        title, state = OUTCOMES[overall.value][0], overall.value
    rows = "".join(
        f'<li class="checker-count checker-count--{s.value}"><span class="checker-badge checker-badge--{s.value}">'
        f"{esc(s.label)}</span> {sum(f.status is s for f in judged)}件</li>"
        for s in STATUS_ORDER)
    hint = (f'まだ答えていない質問に関わる項目（<span class="nowrap">{len(open_)}件</span>）は、数えていません。'
            "結果のページでは「確認が必要」に入ります。" if open_ else "")
    return (f'<p class="checker-panel-outcome checker-panel-outcome--{state}">{esc(title)}</p>'
            f'<ul class="checker-counts">{rows}</ul>'
            + (f'<p class="checker-hint">{hint}</p>' if hint else ""))


def _live_panel(result_html: str) -> str:
    return ('<aside class="checker-live" aria-labelledby="checker-live-heading">'
            '<h3 class="checker-live-heading" id="checker-live-heading">今の答えでの判定</h3>'
            f'<div data-result>{result_html}</div></aside>')


# ---------------------------------------------------------------------------------------------
# The call's state and the days already past


def _period_text(call: Any) -> str:
    return f"{format_date(call.opens)}から{format_date(call.closes)}{format_time(call.closes_at)}まで（日本時間）"


def call_state_note(call: Any, state: CallState | None) -> str:
    """The note for a call not yet open or closed, with the call's dates; nothing while it is open,
    or when the state is not known (no "now" from the page). The checker stays usable in every
    state, and says so."""
    notes = {
        CallState.BEFORE: ("募集はまだ始まっていません",
                           f"募集期間は{_period_text(call)}です。提案書類は、この期間の中に提出してください。"
                           "事前チェックは今から使えます。答えを試して、提案の準備にお役立てください。"),
        CallState.CLOSED: ("この募集は終了しました",
                           f"募集期間は{_period_text(call)}でした。"
                           "事前チェックは、答えを試すために引き続き使えます（次の募集の準備など）。"
                           "判定は、この募集の要件によるものです。"),
    }
    if state not in notes:
        return ""
    title, text = notes[state]
    return (f'<div class="checker-callstate"><div class="checker-callstate-note checker-callstate-note--{state.value}" '
            f'data-call-state="{state.value}" role="note">'
            f'<p class="checker-callstate-title">{esc(title)}</p><p>{keep_together(text)}</p></div></div>')


def past_days_note(past: list[tuple[str, date]], today: date, change: str = "") -> str:
    """Days in the answers that are before today, named as such (the rules have no clock).
    ``change``: where to answer the first of them again (a goto target)."""
    if not past:
        return ""
    said = "".join(f"{what}（{format_date(d)}）は、もう過ぎています。" for what, d in past)
    said += f"今日は{format_date(today)}です（日本時間）。これから提出するときは、提出する日を答え直してください。"
    link = (f' <a href="#{HEADING_ID}" data-goto="{esc(change)}">{esc(past[0][0])}を変更する</a>' if change else "")
    return f'<div class="checker-notice checker-past" role="note"><p>{keep_together(said)}{link}</p></div>'


# ---------------------------------------------------------------------------------------------
# Questions


def _tag(required: bool) -> str:
    return ('<span class="checker-tag checker-tag--required">※必須</span>' if required
            else '<span class="checker-tag checker-tag--optional">※任意</span>')


def question(field: Field, values: Fields, error: str = "", call: Any = None) -> str:
    """One question: label or legend, 必須/任意 tag, support text (with ``call``'s values), error text, inputs."""
    q = field.question
    fid = field.id
    hint_id = f"{fid}-hint" if q.hint else None
    error_id = f"{fid}-error" if error else None
    classes = "checker-question" + (" has-error" if error else "")
    return q.input.html(q, Pieces(
        fid=fid, name=field.name, values=values, label=q.label, required=_tag(q.required),
        wrapper=_attrs(class_=classes, id="c-" + fid, hidden=not field.applies),
        hint=f'<p class="checker-hint" id="{hint_id}">{keep_together(call_text(q.hint, call))}</p>' if q.hint else "",
        error=f'<p class="checker-error-text" id="{error_id}">{esc(error)}</p>' if error else "",
        described=" ".join(i for i in (hint_id, error_id) if i) or None,
        invalid="true" if error else None))


def _section(section: Section, values: dict[str, Fields], errors: dict[str, str], call: Any = None) -> str:
    body = "".join(question(f, values.get(f.name, {}), errors.get(f.name, ""), call) for f in section.fields)
    if not section.heading:
        return body
    remove = ""
    if section.remove:
        remove = f'<div class="checker-actions checker-actions--inline">{_button(section.remove[1], section.remove[0], "link")}</div>'
    return (f'<section class="checker-section" id="{esc(section.id)}" aria-labelledby="{esc(section.id)}-heading">'
            f'<h4 class="checker-section-heading" id="{esc(section.id)}-heading" tabindex="-1">{esc(section.heading)}</h4>'
            f"{body}{remove}</section>")


def step_page(step: Step, number: int, total: int, progress: str, values: dict[str, Fields],
              errors: dict[str, str], summary: str, result_html: str, message: str = "", call: Any = None) -> str:
    """A question page: progress, error summary, heading, the live form, the compact result."""
    sections = "".join(_section(s, values, errors, call) for s in step.sections)
    add = ""
    if step.add:
        add = f'<div class="checker-actions checker-actions--add">{_button(step.add[1], step.add[0])}</div>'
    lead = f'<p class="checker-lead">{keep_together(call_text(step.lead, call))}</p>' if step.lead else ""
    return (
        f"{progress}{summary}{notice(message)}"
        '<div class="checker-layout"><div class="checker-main">'
        f'<p class="checker-caption">ステップ {number} / {total}：{esc(step.title)}</p>'
        f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">{esc(step.heading)}</h3>{lead}'
        '<form class="checker-form" data-live novalidate>'
        # The first submit button is the one Enter presses: keep it "next", not "remove".
        '<button type="submit" value="next" class="checker-default-button" tabindex="-1" aria-hidden="true">次へ</button>'
        f'<input type="hidden" name="_step" value="{esc(step.id)}">'
        f"{sections}{add}"
        '<div class="checker-actions checker-actions--nav">'
        f'{_button("次へ進む", "next", "primary")}{_button("戻る", "back")}'
        "</div></form></div>"
        f"{_live_panel(result_html)}</div>"
        f"{tools()}"
    )


# ---------------------------------------------------------------------------------------------
# Other pages


def start_page(call: Any, summary: str = "", message: str = "") -> str:
    """The period is given without tense: the screen made at build time cannot know whether it is
    past. The call's state is the page's own, above the checker (build/hooks/callstate.py)."""
    return (
        f"{summary}{notice(message)}"
        f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">はじめに</h3>'
        # 「はじめる」 right under its heading: on a phone (390 × 844) it is in view when loading ends.
        f'<form class="checker-form" novalidate><div class="checker-actions">{_button("はじめる", "next", "primary")}</div></form>'
        '<ul class="checker-list">'
        "<li>質問に順に答えると、提案できるか（法第113条の欠格事由）と、審査基準や提出の方法で気をつけることがわかります。</li>"
        "<li>答えがわからない質問には「わからない」を選べます。その項目は「確認が必要」になります。</li>"
        "<li>最後に、提出する書類と提出の方法をまとめたチェックリストを印刷できます。</li>"
        "<li>入力した内容は、このブラウザの外に送られません。</li>"
        "</ul>"
        f'<p class="checker-lead">募集期間：{keep_together(_period_text(call))}</p>'
        '<p class="checker-hint">この事前チェックは、審査の結果を示すものではありません。最終的な判断は'
        f"{esc(call.agency_name)}が行います。</p>"
        f"{tools(can_save=False)}"
    )


def review_page(progress: str, groups: list[tuple[str, list[tuple[str, str, str, str]]]],
                summary: str = "", message: str = "") -> str:
    """The list of every answer, with a change link per answer.

    ``groups``: (step title, [(question, subject, answer text, goto target)]).
    """
    out = [progress, summary, notice(message),
           f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">回答の確認</h3>'
           '<p class="checker-lead">答えを確かめてください。直すときは「変更」を押します。</p>']
    for title, rows in groups:
        out.append(f'<h4 class="checker-summary-heading">{esc(title)}</h4><dl class="checker-summary">')
        for label, subject, answer, target in rows:
            who = f'<span class="checker-summary-subject">{esc(subject)}</span>' if subject else ""
            shown = keep_together(answer) if answer else '<span class="checker-unanswered">未回答</span>'
            hidden = f"{label}（{subject}）" if subject else label
            out.append(
                f'<div class="checker-summary-row"><dt class="checker-summary-key">{who}{esc(label)}</dt>'
                f'<dd class="checker-summary-value">{shown}</dd>'
                f'<dd class="checker-summary-action"><a href="#{HEADING_ID}" data-goto="{esc(target)}">変更'
                f'<span class="checker-visually-hidden">：{esc(hidden)}</span></a></dd></div>')
        out.append("</dl>")
    out.append('<form class="checker-form" novalidate><div class="checker-actions checker-actions--nav">'
               f'{_button("結果を見る", "result", "primary")}{_button("戻る", "back")}</div></form>')
    out.append(tools())
    return "".join(out)


def clear_page() -> str:
    return (
        f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">すべての回答を消去しますか</h3>'
        '<p class="checker-lead">消去すると、このページにある回答はすべてなくなり、元に戻せません。'
        "残しておきたいときは、先に回答をファイルに保存してください。</p>"
        '<form class="checker-form" novalidate><div class="checker-actions checker-actions--nav">'
        f'{_button("消去する", "clear-confirm", "warning")}{_button("やめる", "clear-cancel")}'
        "</div></form>"
    )


def _basis_links(basis: Iterable[str], href: Any) -> str:
    items = []
    for b in basis:
        target = href(b)
        items.append(f'<a href="../{esc(target)}">{esc(b)}</a>' if target else f'<span class="nowrap">{esc(b)}</span>')
    return "、".join(items)


def _finding(f: Finding, href: Any) -> str:
    status = f.status.value
    subject = f'<span class="checker-finding-subject">{esc(f.subject)}</span>' if f.subject else ""
    notes = "".join(f'<li>{keep_together(n)}</li>' for n in f.notes)
    notes = f'<ul class="checker-finding-notes">{notes}</ul>' if notes else ""
    basis_html = (f'<p class="checker-finding-basis">根拠：{_basis_links(f.basis, href)}</p>' if f.basis else "")
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
           f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">結果</h3>'
           f'<div class="checker-outcome checker-outcome--{esc(overall)}">'
           f'<p class="checker-outcome-title">{esc(title)}</p><p>{keep_together(lead)}</p></div>'
           f"{call_state_note(call, state)}{past}"]
    for status in STATUS_ORDER:
        group = [f for f in result.findings if f.status is status]
        if group:
            out.append(_findings_group(status, group, href))
    out.append(checklist(result, call, href))
    out.append("</div>")
    out.append('<form class="checker-form checker-no-print" novalidate>'
               '<p class="checker-hint">「チェックリストを印刷」は、提出する書類と提出の方法だけを印刷します。'
               "「結果の全体を印刷」は、問題のない要件も含めて、すべての項目を印刷します。</p>"
               '<div class="checker-actions checker-actions--nav">'
               f'{_button("チェックリストを印刷", "print", "primary")}{_button("結果の全体を印刷", "print-all")}'
               f'{_button("回答の確認に戻る", "back")}</div></form>')
    out.append(tools())
    return "".join(out)


def checklist(result: Result, call: Any, href: Any) -> str:
    """The person's own list: documents and why, how/where/by when, what happens next.
    Printed alone, it keeps what goes on the desk (checker.css): the papers and copies, how,
    where and by when, the envelope's words; the reasons and what happens next are in the full print."""
    docs, on_request = [], []
    for d in result.documents:
        copies_text = f"（{d.copies}部）" if d.copies else ""
        why = f'<p class="checker-doc-why">{keep_together(d.why)}</p>' if d.why else ""
        if d.condition:
            why = f'<p class="checker-doc-condition">必要なとき：{keep_together(d.condition)}</p>' + why
        elif d.on_request:
            why = f'<p class="checker-doc-condition">必要なとき：{keep_together(CONDITIONS["requested"])}</p>' + why
        basis_html = f'<p class="checker-doc-basis">根拠：{_basis_links(d.basis, href)}</p>' if d.basis else ""
        (on_request if d.on_request else docs).append(
            f'<li class="checker-doc"><span class="checker-box" aria-hidden="true"></span>'
            f'<div><p class="checker-doc-name">{keep_together(d.name + copies_text)}</p>{why}{basis_html}</div></li>')
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


def title(text: str, error: bool = False) -> str:
    return ("エラー：" if error else "") + f"{text} - 事前チェック"
