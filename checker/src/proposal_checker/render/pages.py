"""The pages that are not steps: the start, the review of every answer, and the question before
clearing them all."""
from __future__ import annotations

from typing import Any

from ..call_state import CallState
from ..markup import esc, keep_together
from ..questions import call_text
from ..wording import PAGES
from .draft import draft_start
from .parts import HEADING_ID, button, call_state_note, notice, period_text, tools


def heading(page: str) -> str:
    """The heading of a page that is not a step (data/wording.json): its title and what is announced."""
    return PAGES[page]["heading"]


def _heading(page: str) -> str:
    return f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">{esc(heading(page))}</h3>'


def _lead(page: str) -> str:
    return f'<p class="checker-lead">{esc(PAGES[page]["lead"])}</p>'


def start_page(call: Any, summary: str = "", message: str = "") -> str:
    """The period is given without tense: the screen made at build time cannot know whether it is
    past. The call's state is the page's own, above the checker (build/hooks/callstate.py)."""
    words = PAGES["start"]
    items = "".join(f"<li>{esc(item)}</li>" for item in words["items"])
    return (
        f"{summary}{notice(message)}{_heading('start')}"
        # 「はじめる」 right under its heading: on a phone (390 × 844) it is in view when loading ends.
        f'<form class="checker-form" novalidate><div class="checker-actions">{button("はじめる", "next", "primary")}</div></form>'
        f'<ul class="checker-list">{items}</ul>'
        f'<p class="checker-lead">{keep_together(words["period"].format(period=period_text(call)))}</p>'
        f'<p class="checker-hint">{esc(call_text(words["disclaimer"], call))}</p>'
        f"{draft_start()}"
        f"{tools(can_save=False)}"
    )


def review_page(progress: str, groups: list[tuple[str, list[tuple[str, str, str, str]]]],
                summary: str = "", message: str = "", draft: str = "") -> str:
    """The list of every answer, with a change link per answer.

    ``groups``: (step title, [(question, subject, answer text, goto target)]); ``draft``: the label
    of the button to the draft, once the visitor drafts.
    """
    out = [progress, summary, notice(message), _heading("review"), _lead("review")]
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
               f'{button("結果を見る", "result", "primary")}{button(draft, "draft") if draft else ""}'
               f'{button("戻る", "back")}</div></form>')
    out.append(tools())
    return "".join(out)


def clear_page() -> str:
    return (
        f"{_heading('clear')}{_lead('clear')}"
        '<form class="checker-form" novalidate><div class="checker-actions checker-actions--nav">'
        f'{button("消去する", "clear-confirm", "warning")}{button("やめる", "clear-cancel")}'
        "</div></form>"
    )
