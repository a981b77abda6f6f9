"""A step's page: its questions (each drawn by its input type, inputs.py), grouped in sections,
with the live panel beside them. A citation in a hint or a lead opens its text in place."""
from __future__ import annotations

from typing import Any

from ..flow import Field, Section, Step
from ..inputs import Fields, Pieces
from ..markup import attrs as _attrs
from ..markup import esc, keep_together
from ..questions import call_text
from .panel import live_panel
from ..wording import PAGES
from .parts import HEADING_ID, button, cited, notice, reference_dialog, tools


def step_caption(step: Step, number: int, total: int) -> str:
    """「ステップ 2 / 7：提案者」: above a step's heading, and what is announced when it is shown (a
    step of the draft counts among the draft's: 「提案書の下書き　ステップ 2 / 9：連絡先」)."""
    caption = PAGES["step"]["draft_caption" if step.part == "draft" else "caption"]
    return caption.format(number=number, total=total, title=step.title)


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
        hint=f'<p class="checker-hint" id="{hint_id}">{cited(call_text(q.hint, call))}</p>' if q.hint else "",
        error=f'<p class="checker-error-text" id="{error_id}">{esc(error)}</p>' if error else "",
        described=" ".join(i for i in (hint_id, error_id) if i) or None,
        invalid="true" if error else None))


def _section(section: Section, values: dict[str, Fields], errors: dict[str, str], call: Any = None) -> str:
    body = "".join(question(f, values.get(f.name, {}), errors.get(f.name, ""), call) for f in section.fields)
    if not section.heading:
        return body
    remove = ""
    if section.remove:
        remove = f'<div class="checker-actions checker-actions--inline">{button(section.remove[1], section.remove[0], "link")}</div>'
    return (f'<section class="checker-section" id="{esc(section.id)}" aria-labelledby="{esc(section.id)}-heading">'
            f'<h4 class="checker-section-heading" id="{esc(section.id)}-heading" tabindex="-1">{esc(section.heading)}</h4>'
            f"{body}{remove}</section>")


def step_page(step: Step, number: int, total: int, progress: str, values: dict[str, Fields],
              errors: dict[str, str], summary: str, result_html: str, message: str = "", call: Any = None) -> str:
    """A question page: progress, error summary, heading, the live form, the compact result."""
    sections = "".join(_section(s, values, errors, call) for s in step.sections)
    add = ""
    if step.add:
        add = f'<div class="checker-actions checker-actions--add">{button(step.add[1], step.add[0])}</div>'
    lead = f'<p class="checker-lead">{cited(call_text(step.lead, call))}</p>' if step.lead else ""
    lead += "".join(f'<p class="checker-lead checker-drafted-note">{cited(n)}</p>' for n in step.notes)
    return (
        f"{progress}{summary}{notice(message)}"
        '<div class="checker-layout"><div class="checker-main">'
        f'<p class="checker-caption">{esc(step_caption(step, number, total))}</p>'
        f'<h3 class="checker-heading" id="{HEADING_ID}" tabindex="-1">{esc(step.heading)}</h3>{lead}'
        '<form class="checker-form" data-live novalidate>'
        # The first submit button is the one Enter presses: keep it "next", not "remove".
        '<button type="submit" value="next" class="checker-default-button" tabindex="-1" aria-hidden="true">次へ</button>'
        f'<input type="hidden" name="_step" value="{esc(step.id)}">'
        f"{sections}{add}"
        '<div class="checker-actions checker-actions--nav">'
        f'{button("次へ進む", "next", "primary")}{button("戻る", "back")}'
        "</div></form></div>"
        f"{live_panel(result_html)}</div>"
        f"{tools()}{reference_dialog()}"
    )
