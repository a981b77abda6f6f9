"""The live panel beside a step's questions: what the answers so far decide, naming what fails, and
how many findings only wait for a question not answered yet. On a narrow screen it stays in sight at
the bottom of the window while the questions scroll (checker.css), so an answer that changes it is
seen without moving what is being typed into."""
from __future__ import annotations

from ..findings import DECIDING, STATUS_ORDER, Finding, Status
from ..markup import esc, keep_together
from ..outcome import item_line
from ..result import Result


def _not_yet(f: Finding, by_id: dict[str, Finding], fresh: dict[str, Finding]) -> bool:
    """Whether ``f`` only waits for answers: it awaits an answer (``Finding.awaits``), it is as with no
    answers at all, or it sums up findings (``Finding.sums``) that all wait. Never read from its words."""
    if f.status is not Status.REVIEW:
        return False
    if f.awaits or fresh.get(f.id) == f:
        return True
    parts = [by_id[i] for i in f.sums if i in by_id and by_id[i].status is not Status.PASS]
    return bool(parts) and all(_not_yet(g, by_id, fresh) for g in parts)


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
    by_id = {f.id: f for f in result.findings}
    open_ = [f for f in result.findings if _not_yet(f, by_id, fresh_findings)] if fresh else []
    judged = [f for f in result.findings if f not in open_]
    overall = result.overall if not open_ else next(
        (s for s in DECIDING if any(f.status is s for f in judged)), None)
    if overall is None:
        title, state = "今の答えでは、問題は見つかっていません。", "pending"
    else:
        title, state = overall.outcome, overall.value
    counts = {s: sum(f.status is s for f in judged) for s in STATUS_ORDER}
    rows = "".join(
        f'<li class="checker-count checker-count--{s.value}{" is-zero" if not n else ""}">'
        f'<span class="checker-badge checker-badge--{s.value}">{esc(s.label)}</span> {n}件</li>'
        for s, n in counts.items())
    hint = (f'まだ答えていない質問に関わる項目（<span class="nowrap">{len(open_)}件</span>）は、数えていません。'
            f"結果のページでは「{Status.REVIEW.short}」に入ります。" if open_ else "")
    return (f'<p class="checker-panel-outcome checker-panel-outcome--{state}">{esc(title)}</p>'
            f"{failing(judged)}"
            f'<ul class="checker-counts">{rows}</ul>'
            + (f'<p class="checker-hint">{hint}</p>' if hint else ""))


def failing(findings: list[Finding]) -> str:
    """What fails, one line each, by whom it is about and what was checked: a count alone does not
    say that three fails came from one officer."""
    lines = "".join(f"<li>{keep_together(item_line(f))}</li>" for f in findings if f.status is Status.FAIL)
    if not lines:
        return ""
    return (f'<p class="checker-panel-items-title">{esc(Status.FAIL.heading)}</p>'
            f'<ul class="checker-panel-items">{lines}</ul>')


def live_panel(result_html: str) -> str:
    # tabindex: on a narrow screen the panel may scroll inside (checker.css); the keyboard reaches it.
    return ('<aside class="checker-live" aria-labelledby="checker-live-heading" tabindex="0">'
            '<h3 class="checker-live-heading" id="checker-live-heading">今の答えでの判定</h3>'
            f'<div data-result>{result_html}</div></aside>')
