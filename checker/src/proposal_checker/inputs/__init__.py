"""One class per input type: how an answer is read from the form, checked, shown back in the
form, worded in the review list, drawn as HTML and listed in the static checklist.

The questions file names a question's type (``"input": "date"``); ``INPUTS`` maps that name to
its class once, so no other module asks which type a question is. What every type shares is in
base.py; the types typed as digits in boxes (a number, a time, a date) in boxes.py; the others here.
"""
from __future__ import annotations

from ..answers import MAX_TEXT
from ..answers.fields import EMAIL, EMAIL_PATTERN, NARRATIVE, PHONE, PHONE_PATTERN
from ..markup import attrs, esc
from ..vocabulary import UNKNOWN_LABEL
from .base import Fields, Input, Outcome, Pieces, accessible_name, fieldset, first, labelled  # noqa: F401  (Fields, Pieces: the package's)
from .boxes import Date, Number, Time


class Choice(Input):
    """One of several options (radio buttons)."""
    has_options = True

    def read(self, q, name, fields, today):
        value = first(fields, name)
        if not value:
            return Outcome("empty")
        if value not in {o.value for o in q.options}:
            return Outcome("error", error="＊" + (q.missing or f"{accessible_name(q)}を選んでください"))
        return Outcome("ok", value)

    def display(self, q, value):
        return next((o.label for o in q.options if o.value == value), str(value))

    def first_input(self, q, fid):
        return f"{fid}-{q.options[0].value}"

    def html(self, q, p):
        chosen = first(p.values, p.name)
        items = []
        for o in q.options:
            oid = f"{p.fid}-{o.value}"
            ohint = f'<p class="checker-option-hint" id="{oid}-hint">{esc(o.hint)}</p>' if o.hint else ""
            items.append(
                f'<div class="checker-option"><input{attrs(type="radio", id=oid, name=p.name, value=o.value, class_="checker-radio", checked=chosen == o.value, aria_invalid=p.invalid, aria_describedby=(oid + "-hint") if o.hint else None)}>'
                f'<label class="checker-option-label" for="{oid}">{esc(o.label)}</label>{ohint}</div>')
        return fieldset(p, f'<div class="checker-options">{"".join(items)}</div>')

    def keeps(self, q, value):
        # e.g. a person's 「復権を得た」 kept after the proposer became a body: ask again.
        return value in {o.value for o in q.options}


class Checks(Input):
    """Any number of options (check boxes); an option left unticked means "not yet"."""
    has_options = True

    def read(self, q, name, fields, today):
        chosen = set(fields.get(name) or [])
        return Outcome("ok", {o.value: ("yes" if o.value in chosen else "not-yet") for o in q.options})

    def form_values(self, q, name, value):
        return {name: [k for k, v in value.items() if v == "yes"]} if isinstance(value, dict) else {}

    def display(self, q, value):
        done = [o.label for o in q.options if isinstance(value, dict) and value.get(o.value) == "yes"]
        return "、".join(done) if done else "どれもまだ"

    def first_input(self, q, fid):
        return f"{fid}-{q.options[0].value}"

    def html(self, q, p):
        chosen = set(p.values.get(p.name) or [])
        items = []
        for o in q.options:
            oid = f"{p.fid}-{o.value}"
            items.append(
                f'<div class="checker-option"><input{attrs(type="checkbox", id=oid, name=p.name, value=o.value, class_="checker-checkbox", checked=o.value in chosen)}>'
                f'<label class="checker-option-label" for="{oid}">{esc(o.label)}</label></div>')
        return fieldset(p, f'<div class="checker-options">{"".join(items)}</div>', tag="")

    def needs_answer(self, q):
        return True   # nothing ticked is an answer too, but only once the step was seen


class Text(Input):
    def read(self, q, name, fields, today):
        value = first(fields, name).strip()
        if not value:
            return Outcome("empty")
        if len(value) > MAX_TEXT:
            return Outcome("error", error=f"＊{accessible_name(q)}は{MAX_TEXT}文字以内で入力してください（今は{len(value)}文字です）")
        return Outcome("ok", value)

    def html(self, q, p):
        return labelled(p, f'<input{attrs(type="text", id=p.fid, name=p.name, value=first(p.values, p.name), class_="checker-input checker-input--text", autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>')

    def static_choices(self, q):
        return ("入力する", UNKNOWN_LABEL) if q.unknown else ()


class Narrative(Text):
    """Running text over several lines (the drafts' narrative answers, up to NARRATIVE characters)."""
    limit = NARRATIVE

    def read(self, q, name, fields, today):
        # Line breaks as the answers keep them (a browser sends "\r\n"); the spaces around the text go.
        value = first(fields, name).replace("\r\n", "\n").replace("\r", "\n").strip()
        if not value:
            return Outcome("empty")
        if len(value) > self.limit:
            return Outcome("error", error=f"＊{accessible_name(q)}は{self.limit:,}文字以内で入力してください（今は{len(value):,}文字です）")
        return Outcome("ok", value)

    def html(self, q, p):
        return labelled(p, f'<textarea{attrs(id=p.fid, name=p.name, rows="5", class_="checker-input checker-input--textarea", autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>'
                            f"{esc(first(p.values, p.name))}</textarea>")


class _Shaped(Text):
    """One line with a shape (a telephone number, an e-mail address): its limit and pattern are the
    answers format's (answers/fields.py)."""
    limit = MAX_TEXT
    pattern = None
    example = ""
    type = "text"
    inputmode = None

    def read(self, q, name, fields, today):
        value = first(fields, name).strip()
        if not value:
            return Outcome("empty")
        if len(value) > self.limit or not self.pattern.fullmatch(value):
            return Outcome("error", error=f"＊{accessible_name(q)}は、{self.example}のように入力してください")
        return Outcome("ok", value)

    def html(self, q, p):
        return labelled(p, f'<input{attrs(type=self.type, id=p.fid, name=p.name, value=first(p.values, p.name), class_="checker-input checker-input--text", inputmode=self.inputmode, autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>')


class Telephone(_Shaped):
    limit, pattern, example, type, inputmode = PHONE, PHONE_PATTERN, "数字とハイフンで 03-1234-5678", "tel", "tel"


class Email(_Shaped):
    limit, pattern, example, type, inputmode = EMAIL, EMAIL_PATTERN, "name@example.jp", "email", "email"


class Select(Choice):
    """One of several options, from a list box: where radio buttons would repeat on every row of a table."""

    def first_input(self, q, fid):
        return fid

    def html(self, q, p):
        chosen = first(p.values, p.name)
        options = "".join(f'<option{attrs(value=o.value, selected=chosen == o.value)}>{esc(o.label)}</option>'
                          for o in q.options)
        return labelled(p, f'<select{attrs(id=p.fid, name=p.name, class_="checker-input checker-input--select", aria_describedby=p.described, aria_invalid=p.invalid)}>'
                            f'<option value="">（選んでください）</option>{options}</select>')


# The names the questions file uses for each type.
INPUTS: dict[str, Input] = {"radio": Choice(), "checks": Checks(), "text": Text(), "number": Number(),
                            "time": Time(), "date": Date(), "textarea": Narrative(), "select": Select(),
                            "tel": Telephone(), "email": Email()}
