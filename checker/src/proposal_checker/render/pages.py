"""The pages that are not steps: the start, the review of every answer, and the question before
clearing them all."""
from __future__ import annotations

from typing import Any

from ..call_state import CallState
from ..markup import esc, keep_together
from .parts import HEADING_ID, button, call_state_note, notice, period_text, tools


def start_page(call: Any, summary: str = "", message: str = "", state: CallState | None = None) -> str:
    """``state``: the call's state today (call_state_note), None when made at build time.
    The period is given without tense: the screen made at build time cannot know whether it is past."""
    return (
        f"{summary}{notice(message)}"
        f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">はじめに</h3>'
        # 「はじめる」 right under its heading: on a phone (390 × 844) it is in view when loading ends.
        f'<form class="checker-form" novalidate><div class="checker-actions">{button("はじめる", "next", "primary")}</div></form>'
        f"{call_state_note(call, state)}"
        '<ul class="checker-list">'
        "<li>質問に順に答えると、提案できるか（法第113条の欠格事由）と、審査基準や提出の方法で気をつけることがわかります。</li>"
        "<li>答えがわからない質問には「わからない」を選べます。その項目は「確認が必要」になります。</li>"
        "<li>最後に、提出する書類と提出の方法をまとめたチェックリストを印刷できます。</li>"
        "<li>入力した内容は、このブラウザの外に送られません。</li>"
        "</ul>"
        f'<p class="checker-lead">募集期間：{keep_together(period_text(call))}</p>'
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
               f'{button("結果を見る", "result", "primary")}{button("戻る", "back")}</div></form>')
    out.append(tools())
    return "".join(out)


def clear_page() -> str:
    return (
        f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">すべての回答を消去しますか</h3>'
        '<p class="checker-lead">消去すると、このページにある回答はすべてなくなり、元に戻せません。'
        "残しておきたいときは、先に回答をファイルに保存してください。</p>"
        '<form class="checker-form" novalidate><div class="checker-actions checker-actions--nav">'
        f'{button("消去する", "clear-confirm", "warning")}{button("やめる", "clear-cancel")}'
        "</div></form>"
    )
