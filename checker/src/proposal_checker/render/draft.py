"""The draft's pages: the drafted documents (提案書の下書き) with their buttons, and the link to them
from the result page and the start page.

The documents' own markup is the drafting package's (drafting/preview.py, handed in as HTML); here
is what goes around it: what was not drafted and why, what could not be put in, the Word file and
print buttons, and the words checker.js announces after a copy (``data-copied``: its {item} is the
item's heading, which the button names).
"""
from __future__ import annotations

from ..markup import esc, keep_together
from ..questions import call_text
from ..wording import PAGES
from .parts import HEADING_ID, button, notice, tools

WORDS = PAGES["draft"]


def _list(heading: str, items: list[str], kind: str) -> str:
    if not items:
        return ""
    lines = "".join(f"<li>{keep_together(item)}</li>" for item in items)
    return (f'<div class="checker-notice checker-draft-{kind}" role="note">'
            f'<h4 class="checker-draft-notice-heading">{esc(heading)}</h4><ul class="checker-list">{lines}</ul></div>')


def draft_page(progress: str, documents: str, withheld: list[str], problems: list[str], call: object,
               summary: str = "", message: str = "") -> str:
    """The drafted documents (``documents``: drafting.render_html's HTML), under what was not drafted
    (``withheld``) and what could not be put in (``problems``), with the Word file and print buttons."""
    return (
        f"{progress}{summary}{notice(message)}"
        f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">{esc(WORDS["heading"])}</h3>'
        f'<p class="checker-lead">{esc(call_text(WORDS["lead"], call))}</p>'
        f'{_list(WORDS["withheld"], withheld, "withheld")}{_list(WORDS["problems"], problems, "problems")}'
        '<form class="checker-form checker-no-print" novalidate><div class="checker-actions">'
        f'{button(WORDS["download"], "download-draft", "primary")}'
        # Not a submit button: printing is the page's own business (checker.js).
        f'<button type="button" class="checker-button checker-button--secondary" data-print-draft>{esc(WORDS["print"])}</button>'
        f'</div><p class="checker-hint">{esc(WORDS["gaps"])}</p></form>'
        f'<div class="checker-draft-preview" data-copied="{esc(WORDS["copied"])}" data-copy-failed="{esc(WORDS["copy_failed"])}">'
        f"{documents}</div>"
        '<form class="checker-form checker-no-print" novalidate><div class="checker-actions checker-actions--nav">'
        f'{button("回答の確認へ", "review")}{button("結果を見る", "result")}{button("戻る", "back")}'
        "</div></form>"
        f"{tools()}"
    )


def draft_link() -> str:
    """The way from the result page to the draft: a heading, what it makes, and its button."""
    return ('<section class="checker-draft-link checker-no-print" aria-labelledby="checker-draft-link-heading">'
            f'<h4 class="checker-group-heading" id="checker-draft-link-heading">{esc(WORDS["link_heading"])}</h4>'
            f'<p>{keep_together(WORDS["link_lead"])}</p>'
            f'<form class="checker-form" novalidate><div class="checker-actions">{button(WORDS["link"], "draft")}</div></form>'
            "</section>")


def draft_start() -> str:
    """The way from the start page to the draft (it begins with the screening's questions)."""
    return (f'<form class="checker-form" novalidate><p class="checker-hint">{esc(WORDS["start_lead"])}</p>'
            f'<div class="checker-actions">{button(WORDS["link"], "draft")}</div></form>')
