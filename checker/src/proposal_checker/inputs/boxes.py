"""The input types typed as digits in one or more boxes: a number, a time, a date (or a month alone)."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..answers import DATE_RANGE, EARLIEST_DATE, LATEST_DATE, MAX_COUNT
from ..dates import YearMonth, format_date, format_month, format_time, parse_hhmm, parse_iso_date, parse_year_month
from ..markup import attrs
from ..vocabulary import UNKNOWN, UNKNOWN_LABEL
from .base import Fields, Input, Outcome, accessible_name, digits, fieldset, first, labelled


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
        return fieldset(p, controls)

    def static_choices(self, q):
        return (self.what, UNKNOWN_LABEL) if q.unknown else ()


class Number(_Parts):
    """A count of people."""
    parts = (("", "人", "checker-input--number"),)
    what = "人数を入力する"

    def read(self, q, name, fields, today):
        unknown = self._unknown(q, name, fields)
        text = digits(first(fields, name))
        if not text:
            return Outcome("ok", UNKNOWN) if unknown else Outcome("empty")
        if unknown:
            return Outcome("error", error="＊人数を入力するか「わからない」を選ぶか、どちらか一方にしてください")
        if not text.isdigit():
            return Outcome("error", error=f"＊{accessible_name(q)}は半角数字で入力してください（例：5000）")
        number = int(text)
        if number > MAX_COUNT:
            return Outcome("error", error=f"＊{accessible_name(q)}は{MAX_COUNT:,}以下で入力してください")
        return Outcome("ok", number)

    def _words(self, value):
        return f"{value:,}人" if isinstance(value, int) else str(value)

    def html(self, q, p):
        if q.unknown:
            return super().html(q, p)
        return labelled(p, f'<input{attrs(type="text", id=p.fid, name=p.name, value=first(p.values, p.name), class_="checker-input checker-input--number", inputmode="numeric", autocomplete="off", aria_describedby=p.described, aria_invalid=p.invalid)}>'
                            '<span class="checker-suffix">人</span>')


class Time(_Parts):
    """A time of day, 24-hour."""
    parts = (("hour", "時", "checker-input--2"), ("minute", "分", "checker-input--2"))
    takes_unknown = False

    def read(self, q, name, fields, today):
        hour, minute = (digits(first(fields, f"{name}.{p}")) for p in ("hour", "minute"))
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
        parts = {p: digits(first(fields, f"{name}.{p}")) for p in ("year", "month", "day")}
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
