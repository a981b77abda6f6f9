"""Pieces every page of the checker shares: buttons, the step indicator, the error summary, the
save/load/clear tools, the links to the quoted law, the notes on the call's state and on days
already past, and the page title."""
from __future__ import annotations

from datetime import date
import re
from typing import Any, Callable, Iterable

from ..call_state import CallState
from ..citations import citation_href
from ..dates import format_date
from ..markup import UNITS, esc, keep_together
from ..questions import Topic

HEADING_ID = "step-heading"
ERROR_SUMMARY_ID = "error-summary"


def button(label: str, value: str, kind: str = "secondary", extra: str = "") -> str:
    return (f'<button type="submit" value="{esc(value)}" class="checker-button checker-button--{kind}{extra}">'
            f"{esc(label)}</button>")


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
    save = button("回答をファイルに保存", "save") if can_save else ""
    clear = button("すべての回答を消去", "clear", "warning") if can_save else ""
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


def basis_links(basis: Iterable[str], href: Callable[[str], str | None], root: str = "../",
                in_place: bool = False) -> str:
    """Each citation linked to the site's page that quotes it (``href``: citations.citation_href);
    ``root`` leads from the page to the site's root (the checker page is checker/). ``in_place``: on
    the checker, where a link must not leave the answers behind (reference_link)."""
    items = []
    for b in basis:
        target = href(b)
        if target and in_place:
            items.append(reference_link(b, target, root))
        else:
            items.append(f'<a href="{root}{esc(target)}">{esc(b)}</a>' if target else f'<span class="nowrap">{esc(b)}</span>')
    return "、".join(items)


# ---------------------------------------------------------------------------------------------
# Legal references opened in place: the checker holds the answers, so a citation never leaves it.
# references.js opens the text (the site's own, build/hooks/references.py) in the page's dialog;
# without it, the link opens the page in a new tab. Nothing typed goes anywhere.

REFERENCE_DIALOG_ID = "checker-reference"


def reference_link(text: str, target: str, root: str = "../") -> str:
    """A citation that opens the text it names in place (``target``: citations.citation_href's)."""
    return (f'<a href="{root}{esc(target)}" class="checker-ref nowrap" data-ref="{esc(target)}" target="_blank" '
            f'rel="noopener" aria-haspopup="dialog">{esc(text)}</a>')


# A name written just before 「法第…」 or 「規則第…」 makes it another law's: 刑法第24条, 番号法第19条.
_OTHER_LAW = re.compile(r"[\u3005\u4e00-\u9fff\u30a0-\u30ff]$")


def cited(text: Any) -> str:
    """Plain text escaped, units kept whole (markup.keep_together), and each citation of this law or
    the notice (法第117条第3号, 公示6②) a reference opened in place; another law's stays text."""
    escaped = esc(text)

    def unit(match: re.Match) -> str:
        found = match.group(0)
        target = None if _OTHER_LAW.search(escaped[:match.start()]) else citation_href(found)
        return reference_link(found, target) if target else f'<span class="nowrap">{found}</span>'
    return UNITS.sub(unit, escaped)


def reference_dialog() -> str:
    """The dialog a reference opens in (references.js fills it): the text's title, the text, and the
    page that holds it, opened in a new tab. Closed with its button or Escape; focus goes back."""
    d = REFERENCE_DIALOG_ID
    return (f'<dialog class="checker-reference" id="{d}" data-reference aria-labelledby="{d}-title">'
            '<div class="checker-reference-bar">'
            f'<h2 class="checker-reference-title" id="{d}-title" data-reference-title></h2>'
            '<button type="button" class="checker-button checker-button--secondary" data-reference-close>閉じる</button>'
            "</div>"
            '<p class="checker-reference-cited">示した根拠：<span data-reference-cited></span></p>'
            f'<div class="checker-reference-text" data-reference-text tabindex="0" role="region" aria-labelledby="{d}-title"></div>'
            '<p class="checker-reference-wait" data-reference-wait hidden>本文を読み込んでいます。</p>'
            '<p class="checker-reference-failed" data-reference-failed hidden>本文を読み込めませんでした。'
            "下のリンクから、全文のページを開いてください。</p>"
            '<p class="checker-reference-page"><a href="../" data-reference-page target="_blank" rel="noopener">'
            '<span data-reference-page-name></span>の全文を新しいタブで開く</a></p>'
            "</dialog>")


# ---------------------------------------------------------------------------------------------
# The call's state and the days already past


def period_text(call: Any) -> str:
    """The call's period (Call.period_words), in Japan time: the start page, the notes, the static checklist."""
    return f"{call.period_words}（日本時間）"


def call_state_note(call: Any, state: CallState | None) -> str:
    """The note for a call not yet open or closed, with the call's dates; nothing while it is open,
    or when the state is not known (no "now" from the page). The checker stays usable in every
    state, and says so."""
    notes = {
        CallState.BEFORE: ("募集はまだ始まっていません",
                           f"募集期間は{period_text(call)}です。提案書類は、この期間の中に提出してください。"
                           "事前チェックは今から使えます。答えを試して、提案の準備にお役立てください。"),
        CallState.CLOSED: ("この募集は終了しました",
                           f"募集期間は{period_text(call)}でした。"
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


def title(text: str, error: bool = False) -> str:
    return ("エラー：" if error else "") + f"{text} - 事前チェック"

