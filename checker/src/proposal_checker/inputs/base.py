"""What every input type shares: the pieces of a question's HTML, the outcome of reading a form, the base class."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..markup import attrs, esc

if TYPE_CHECKING:  # pragma: no cover
    from ..questions import Question


Fields = dict[str, list[str]]


@dataclass
class Outcome:
    """What the form said for one field."""
    state: str                      # "empty" | "ok" | "error"
    value: Any = None
    error: str = ""


@dataclass(frozen=True)
class Pieces:
    """What every question's HTML shares, prepared by render.question."""
    fid: str
    name: str
    values: Fields
    label: str
    required: str                   # the 必須/任意 tag
    wrapper: str                    # the outer div's attributes
    hint: str
    error: str
    described: str | None
    invalid: str | None


def first(fields: Fields, name: str) -> str:
    values = fields.get(name) or [""]
    value = values[0] if isinstance(values, list) else values
    return value if isinstance(value, str) else ""


def digits(text: str) -> str:
    """Full-width digits and spaces typed with a Japanese IME become plain ones."""
    return unicodedata.normalize("NFKC", text).strip().replace(",", "")


def accessible_name(q: Question) -> str:
    return q.summary or q.label


def fieldset(p: Pieces, controls: str, tag: str | None = None) -> str:
    tag = p.required if tag is None else tag
    return (f"<div{p.wrapper}><fieldset{attrs(class_='checker-fieldset', aria_describedby=p.described)}>"
            f'<legend class="checker-legend">{esc(p.label)} {tag}</legend>'
            f"{p.hint}{p.error}{controls}</fieldset></div>")


def labelled(p: Pieces, control: str) -> str:
    return (f'<div{p.wrapper}><label class="checker-label" for="{p.fid}">{esc(p.label)} {p.required}</label>'
            f'{p.hint}{p.error}<div class="checker-control">{control}</div></div>')


class Input:
    """The behaviour every input type shares; each subclass overrides what differs."""
    has_options = False

    def read(self, q: Question, name: str, fields: Fields, today: date | None) -> Outcome:
        raise NotImplementedError

    def form_values(self, q: Question, name: str, value: Any) -> Fields:
        """The form field values that show the stored answer (the inverse of ``read``)."""
        return {name: [str(value)]}

    def display(self, q: Question, value: Any) -> str:
        """The answer in words, for the review list."""
        return str(value)

    def first_input(self, q: Question, fid: str) -> str:
        """The element an error link points at."""
        return fid

    def html(self, q: Question, p: Pieces) -> str:
        raise NotImplementedError

    def static_choices(self, q: Question) -> tuple[str, ...]:
        """What the static checklist lists under the question."""
        return tuple(o.label for o in q.options)

    def needs_answer(self, q: Question) -> bool:
        return q.required

    def keeps(self, q: Question, value: Any) -> bool:
        """Whether a stored answer still fits the question (what is saved and evaluated)."""
        return True
