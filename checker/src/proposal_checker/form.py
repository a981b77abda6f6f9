"""A step's form: reading what was typed into the answers, with errors, and showing answers back."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .flow import Field, Step, is_body, proposers_of, step_by_id
from .inputs import Fields, Outcome  # noqa: F401  (Fields: web's)
from .paths import delete, get, put



def raw_of(field: Field, fields: Fields) -> Fields:
    """The part of the submitted form that belongs to this field (kept to re-show it)."""
    prefix = field.name
    return {k: v for k, v in fields.items() if k == prefix or k.startswith(prefix + ".")}


def read(field: Field, fields: Fields, today: date | None = None) -> Outcome:
    return field.question.input.read(field.question, field.name, fields, today)


@dataclass
class Applied:
    errors: list[tuple[Field, str]] = field(default_factory=list)
    invalid: dict[str, Fields] = field(default_factory=dict)   # field name -> raw form values
    valid: set[str] = field(default_factory=set)                # field names read without error


def apply(answers: dict, step: Step, fields: Fields, today: date | None = None, strict: bool = True) -> Applied:
    """Write what the form says into ``answers``; collect errors (``strict``: missing required too).

    A valid answer replaces the old one, an empty field removes it, an invalid one leaves the
    old answer alone (its raw text is returned, so it can be shown again as typed). Follow-up
    questions are judged after their parent answer has been written.
    """
    result = Applied()
    for f in sorted(step.fields, key=lambda f: f.conditional):
        if f.conditional:
            scope = get(answers, f.path[: len(f.path) - len(f.question.key)]) or {}
            if not f.question.asked(scope):
                continue
        outcome = read(f, fields, today)
        if outcome.state == "ok":
            put(answers, f.path, outcome.value)
            result.valid.add(f.name)
        elif outcome.state == "empty":
            delete(answers, f.path)
            result.valid.add(f.name)
            if strict and f.question.required:
                result.errors.append((f, "＊" + (f.question.missing or f"{f.question.label}を入力してください")))
        else:
            result.invalid[f.name] = raw_of(f, fields)
            result.errors.append((f, outcome.error))
    # Keep the page's order for the error summary.
    order = {f.name: n for n, f in enumerate(step.fields)}
    result.errors.sort(key=lambda e: order[e[0].name])
    _ensure_lists(answers, step)
    return result


def _ensure_lists(answers: dict, step: Step) -> None:
    """A proposer or officer with no answers yet still counts (the list length is an answer)."""
    if step.id == "proposers" and not isinstance(answers.get("proposers"), list):
        answers["proposers"] = [{}]
    if step.id.startswith("proposer-"):
        i = int(step.id.split("-")[1]) - 1
        proposer = proposers_of(answers)[i] if i < len(proposers_of(answers)) else {}
        if is_body(proposer) and not isinstance(proposer.get("officers"), list):
            put(answers, ("proposers", i, "officers"), [{}])


def visible(answers: dict, step: Step) -> dict[str, bool]:
    """For each follow-up question on the step, whether it applies now (live show/hide)."""
    current = step_by_id(answers, step.id) or step
    return {"c-" + f.id: f.applies for f in current.fields if f.conditional}


def display_value(field: Field, answers: dict) -> str:
    """The answer in words, for the review list ("" = not answered)."""
    value = get(answers, field.path)
    return "" if value is None else field.question.input.display(field.question, value)


def form_values(field: Field, answers: dict) -> Fields:
    """The form field values that show the stored answer (the inverse of ``read``)."""
    value = get(answers, field.path)
    return {} if value is None else field.question.input.form_values(field.question, field.name, value)
