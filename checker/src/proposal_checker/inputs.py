"""One class per input type: how an answer is read from the form, checked, shown back in the
form, worded in the review list, drawn as HTML and listed in the static checklist.

The questions file names a question's type (``"input": "date"``); ``INPUTS`` maps that name to
its class once, so no other module asks which type a question is.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .answers import DATE_RANGE, EARLIEST_DATE, LATEST_DATE, MAX_COUNT, MAX_TEXT
from .answers.fields import EMAIL, EMAIL_PATTERN, NARRATIVE, PHONE, PHONE_PATTERN
from .dates import YearMonth, format_date, format_month, format_time, parse_hhmm, parse_iso_date, parse_year_month
from .markup import attrs, esc
from .vocabulary import UNKNOWN, UNKNOWN_LABEL

if TYPE_CHECKING:  # pragma: no cover
    from .questions import Question

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


def _digits(text: str) -> str:
    """Full-width digits and spaces typed with a Japanese IME become plain ones."""
    return unicodedata.normalize("NFKC", text).strip().replace(",", "")


def _name(q: Question) -> str:
    return q.summary or q.label


def _fieldset(p: Pieces, controls: str, tag: str | None = None) -> str:
    tag = p.required if tag is None else tag
    return (f"<div{p.wrapper}><fieldset{attrs(class_='checker-fieldset', aria_describedby=p.described)}>"
            f'<legend class="checker-legend">{esc(p.label)} {tag}</legend>'
            f"{p.hint}{p.error}{controls}</fieldset></div>")


def _labelled(p: Pieces, control: str) -> str:
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


class Choice(Input):
    """One of several options (radio buttons)."""
    has_options = True

    def read(self, q, name, fields, today):
        value = first(fields, name)
        if not value:
            return Outcome("empty")
        if value not in {o.value for o in q.options}:
            return Outcome("error", error="＊" + (q.missing or f"{_name(q)}を選んでください"))
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
        return _fieldset(p, f'<div class="checker-options">{"".join(items)}</div>')

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
        return _fieldset(p, f'<div class="checker-options">{"".join(items)}</div>', tag="")

    def needs_answer(self, q):
        return True   # nothing ticked is an answer too, but only once the step was seen


class Text(Input):
    def read(self, q, name, fields, today):
        value = first(fields, name).strip()
        if not value:
            return Outcome("empty")
        if len(value) > MAX_TEXT:
            return Outcome("error", error=f"＊{_name(q)}は{MAX_TEXT}文字以内で入力してください（今は{len(value)}文字です）")
        return Outcome("ok", value)

    def html(self, q, p):
        return _labelled(p, f'<input{attrs(type="text", id=p.fid, name=p.name, value=first(p.values, p.name), class_="checker-input checker-input--text", autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>')

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
            return Outcome("error", error=f"＊{_name(q)}は{self.limit:,}文字以内で入力してください（今は{len(value):,}文字です）")
        return Outcome("ok", value)

    def html(self, q, p):
        return _labelled(p, f'<textarea{attrs(id=p.fid, name=p.name, rows="5", class_="checker-input checker-input--textarea", autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>'
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
            return Outcome("error", error=f"＊{_name(q)}は、{self.example}のように入力してください")
        return Outcome("ok", value)

    def html(self, q, p):
        return _labelled(p, f'<input{attrs(type=self.type, id=p.fid, name=p.name, value=first(p.values, p.name), class_="checker-input checker-input--text", inputmode=self.inputmode, autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>')


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
        return _labelled(p, f'<select{attrs(id=p.fid, name=p.name, class_="checker-input checker-input--select", aria_describedby=p.described, aria_invalid=p.invalid)}>'
                            f'<option value="">（選んでください）</option>{options}</select>')


class _Parts(Input):
    """Inputs typed as digits in one or more boxes, optionally with a 「わからない」 box beside them."""
    parts: tuple[tuple[str, str, str], ...] = ()     # (name suffix, unit, width class)
    what = "入力する"                                 # the static checklist's words for typing an answer
    takes_unknown = True                             # 「わからない」 is stored as "unknown"

    def _unknown(self, q, name, fields) -> bool:
        return q.unknown and first(fields, name + ".unknown") == UNKNOWN

    def form_values(self, q, name, value):
        if value == UNKNOWN and self.takes_unknown:
            return {name + ".unknown": [UNKNOWN]}
        return self._values(name, value)

    def _values(self, name: str, value: Any) -> Fields:
        return self._split(name, value) or {name: [str(value)]}

    def _split(self, name: str, value: Any) -> Fields | None:
        """The stored value in this type's boxes, or None if it does not fit them."""
        return None

    def display(self, q, value):
        if value == UNKNOWN and self.takes_unknown:
            return UNKNOWN_LABEL
        try:
            return self._words(value)
        except ValueError:      # a value of the wrong shape is shown as stored
            return str(value)

    def _words(self, value: Any) -> str:
        return str(value)

    def first_input(self, q, fid):
        return f"{fid}-{self.parts[0][0]}" if self.parts[0][0] else fid

    def html(self, q, p):
        inputs = []
        for part, unit, width in self.parts:
            name = f"{p.name}.{part}" if part else p.name
            pid = f"{p.fid}-{part}" if part else p.fid
            inputs.append(
                f'<span class="checker-part"><input{attrs(type="text", id=pid, name=name, value=first(p.values, name), class_="checker-input " + width, inputmode="numeric", autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>'
                f'<label class="checker-unit" for="{pid}">{unit}</label></span>')
        controls = f'<div class="checker-parts">{"".join(inputs)}</div>'
        if q.unknown:
            uid = f"{p.fid}-unknown"
            checked = first(p.values, p.name + ".unknown") == UNKNOWN
            controls += (
                f'<div class="checker-option checker-option--unknown"><input{attrs(type="checkbox", id=uid, name=p.name + ".unknown", value=UNKNOWN, class_="checker-checkbox", checked=checked)}>'
                f'<label class="checker-option-label" for="{uid}">{UNKNOWN_LABEL}</label></div>')
        return _fieldset(p, controls)

    def static_choices(self, q):
        return (self.what, UNKNOWN_LABEL) if q.unknown else ()


class Number(_Parts):
    """A count of people."""
    parts = (("", "人", "checker-input--number"),)
    what = "人数を入力する"

    def read(self, q, name, fields, today):
        unknown = self._unknown(q, name, fields)
        text = _digits(first(fields, name))
        if not text:
            return Outcome("ok", UNKNOWN) if unknown else Outcome("empty")
        if unknown:
            return Outcome("error", error="＊人数を入力するか「わからない」を選ぶか、どちらか一方にしてください")
        if not text.isdigit():
            return Outcome("error", error=f"＊{_name(q)}は半角数字で入力してください（例：5000）")
        number = int(text)
        if number > MAX_COUNT:
            return Outcome("error", error=f"＊{_name(q)}は{MAX_COUNT:,}以下で入力してください")
        return Outcome("ok", number)

    def _words(self, value):
        return f"{value:,}人" if isinstance(value, int) else str(value)

    def html(self, q, p):
        if q.unknown:
            return super().html(q, p)
        return _labelled(p, f'<input{attrs(type="text", id=p.fid, name=p.name, value=first(p.values, p.name), class_="checker-input checker-input--number", inputmode="numeric", autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>'
                            '<span class="checker-suffix">人</span>')


class Time(_Parts):
    """A time of day, 24-hour."""
    parts = (("hour", "時", "checker-input--2"), ("minute", "分", "checker-input--2"))
    takes_unknown = False

    def read(self, q, name, fields, today):
        hour, minute = (_digits(first(fields, f"{name}.{p}")) for p in ("hour", "minute"))
        if not hour and not minute:
            return Outcome("empty")
        if not hour:
            return Outcome("error", error="＊時を入力してください")
        if not minute:
            minute = "0"
        if not (hour.isdigit() and minute.isdigit()):
            return Outcome("error", error="＊時刻は半角数字で入力してください")
        h, m = int(hour), int(minute)
        if not (0 <= h <= 23 and 0 <= m <= 59):
            return Outcome("error", error="＊時刻は0時から23時、0分から59分の範囲で入力してください")
        return Outcome("ok", f"{h:02d}:{m:02d}")

    def _split(self, name, value):
        if isinstance(value, str) and len(value) == 5:
            return {f"{name}.hour": [str(int(value[:2]))], f"{name}.minute": [value[3:]]}
        return None

    def _words(self, value):
        return format_time(parse_hhmm(value))


class Date(_Parts):
    """A calendar date in three boxes (year, month, day)."""
    parts = (("year", "年", "checker-input--year"), ("month", "月", "checker-input--2"),
             ("day", "日", "checker-input--2"))
    what = "日付を入力する"

    def read(self, q, name, fields, today):
        unknown = self._unknown(q, name, fields)
        parts = {p: _digits(first(fields, f"{name}.{p}")) for p in ("year", "month", "day")}
        if not any(parts.values()):
            return Outcome("ok", UNKNOWN) if unknown else Outcome("empty")
        if unknown:
            return Outcome("error", error="＊日付を入力するか「わからない」を選ぶか、どちらか一方にしてください")
        names = {"year": "年", "month": "月", "day": "日"}
        # A month alone, where the question takes one (the day not known): "YYYY-MM".
        alone = q.month_only and parts["year"] and parts["month"] and not parts["day"]
        missing = [names[p] for p, v in parts.items() if not v and not (alone and p == "day")]
        if missing:
            return Outcome("error", error=f"＊{'・'.join(missing)}を入力してください"
                           + ("（日がわからないときは、年と月だけを入力できます）" if q.month_only and "日" in missing else ""))
        if not all(v.isdigit() for v in parts.values() if v):
            return Outcome("error", error="＊日付は半角数字で入力してください")
        if len(parts["year"]) != 4:
            return Outcome("error", error="＊年は西暦の4桁で入力してください（例：1990）")
        year, month = int(parts["year"]), int(parts["month"])
        if not 1 <= month <= 12:
            return Outcome("error", error="＊月は1から12までで入力してください")
        if alone:
            ym = YearMonth(year, month)
            if not EARLIEST_DATE <= ym.first <= LATEST_DATE:
                return Outcome("error", error=f"＊{DATE_RANGE}の日付を入力してください")
            if q.past_only and today is not None and ym.first > today:
                return Outcome("error", error="＊今日より後の月は入力できません")
            return Outcome("ok", ym.isoformat())
        day = int(parts["day"])
        try:
            value = date(year, month, day)
        except ValueError:
            return Outcome("error", error="＊存在しない日付です")
        if not EARLIEST_DATE <= value <= LATEST_DATE:
            return Outcome("error", error=f"＊{DATE_RANGE}の日付を入力してください")
        if q.past_only and today is not None and value > today:
            return Outcome("error", error="＊今日より後の日付は入力できません")
        return Outcome("ok", value.isoformat())

    def _split(self, name, value):
        if isinstance(value, str) and len(value) == 10:
            y, m, d = value.split("-")
            return {f"{name}.year": [y], f"{name}.month": [str(int(m))], f"{name}.day": [str(int(d))]}
        if isinstance(value, str) and len(value) == 7:   # a month alone
            y, m = value.split("-")
            return {f"{name}.year": [y], f"{name}.month": [str(int(m))], f"{name}.day": [""]}
        return None

    def _words(self, value):
        if isinstance(value, str) and len(value) == 7:
            return format_month(parse_year_month(value)) + "（日は答えていません）"
        return format_date(parse_iso_date(value))


# The names the questions file uses for each type.
INPUTS: dict[str, Input] = {"radio": Choice(), "checks": Checks(), "text": Text(), "number": Number(),
                            "time": Time(), "date": Date(), "textarea": Narrative(), "select": Select(),
                            "tel": Telephone(), "email": Email()}
