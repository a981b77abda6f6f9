"""The call for proposals: the facts of one notice, read from its data file.

The same function validates the staff-edited TOML at build time and reads the JSON copy
the build packs into the wheel, so the site's pages and the checker cannot disagree.
Every problem is reported as ``CallDataError`` naming the field (``period.closes``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from .datafiles import read_json
from .dates import JST, format_date, format_time, parse_hhmm, parse_iso_date
from .law import MINIMUM_CALL_DAYS

DOCUMENT_CONDITIONS = ("new", "existing", "individual", "body", "agent", "requested")


class CallDataError(ValueError):
    """A problem in the call data; ``field`` is the dotted name of the field."""

    def __init__(self, field_name: str, problem: str):
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


@dataclass(frozen=True)
class Document:
    """A paper the notice asks for (公示5(1)), in its group there; ``when`` names the proposals it is
    for (DOCUMENT_CONDITIONS)."""
    id: str
    name: str
    when: tuple[str, ...]
    group: str
    basis: tuple[str, ...]


@dataclass(frozen=True)
class Disqualification:
    id: str
    text: str
    basis: str


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    basis: str
    existing: bool


@dataclass(frozen=True)
class TargetFile:
    name: str
    agency: str
    office: str
    purpose: str
    items: str
    range: str
    population: int | None
    source: str


@dataclass(frozen=True)
class Call:
    id: str
    fiscal_year: int
    title: str
    form: str
    notice_date: date
    issuer: str
    legal_basis: str
    rules_version: str
    agency_name: str
    office: str
    postal_code: str
    address: str
    telephone: str
    opens: date
    closes: date
    closes_at: time
    copies: int
    hand_opens_at: time
    hand_closes_at: time
    new_year_closed: tuple[tuple[int, int], tuple[int, int]]
    envelope_marking: str
    minimum_population: int
    certificate_months: int
    links: dict[str, str]
    disqualifications: tuple[Disqualification, ...]
    criteria: tuple[Criterion, ...]
    documents: tuple[Document, ...]
    target_files: tuple[TargetFile, ...]
    next_steps: tuple[str, ...] = ()
    holidays: dict[date, str] = field(default_factory=dict)

    @property
    def deadline(self) -> datetime:
        """The closing instant, Japan time."""
        return datetime.combine(self.closes, self.closes_at, JST)

    @property
    def deadline_words(self) -> str:
        """「2026年（令和8年）3月13日（金）午後5時」: the deadline as every page and finding writes it."""
        return f"{format_date(self.closes)}{format_time(self.closes_at)}"

    @property
    def period_words(self) -> str:
        """「2026年（令和8年）2月9日（月）から2026年（令和8年）3月13日（金）午後5時まで」 (公示4)."""
        return f"{format_date(self.opens)}から{self.deadline_words}まで"

    def is_holiday(self, day: date) -> bool:
        return day in self.holidays

    def is_new_year_break(self, day: date) -> bool:
        (from_m, from_d), (until_m, until_d) = self.new_year_closed
        return (day.month, day.day) >= (from_m, from_d) or (day.month, day.day) <= (until_m, until_d)

    def is_office_day(self, day: date) -> bool:
        """平日: not a Saturday or Sunday, not a national holiday, not the New Year break."""
        return day.weekday() < 5 and not self.is_holiday(day) and not self.is_new_year_break(day)

    def holidays_in_period(self) -> list[tuple[date, str]]:
        return sorted((d, n) for d, n in self.holidays.items() if self.opens <= d <= self.closes)

    def to_json(self) -> dict[str, Any]:
        """The machine-readable copy (the same shape ``parse_call`` reads)."""
        return {
            "schema_version": 1,
            "call": {
                "id": self.id, "fiscal_year": self.fiscal_year, "title": self.title, "form": self.form,
                "notice_date": self.notice_date.isoformat(), "issuer": self.issuer,
                "legal_basis": self.legal_basis, "rules_version": self.rules_version,
            },
            "agency": {
                "name": self.agency_name, "office": self.office, "postal_code": self.postal_code,
                "address": self.address, "telephone": self.telephone,
            },
            "period": {
                "opens": self.opens.isoformat(), "closes": self.closes.isoformat(),
                "closes_at": self.closes_at.strftime("%H:%M"),
            },
            "submission": {
                "copies": self.copies,
                "hand_delivery": {
                    "opens_at": self.hand_opens_at.strftime("%H:%M"),
                    "closes_at": self.hand_closes_at.strftime("%H:%M"),
                    "new_year_closed_from": "%02d-%02d" % self.new_year_closed[0],
                    "new_year_closed_until": "%02d-%02d" % self.new_year_closed[1],
                },
                "post": {"envelope_marking": self.envelope_marking, "must_arrive_by_close": True},
            },
            "criteria_values": {
                "minimum_population": self.minimum_population,
                "corporate_certificate_months": self.certificate_months,
            },
            "links": dict(self.links),
            "disqualifications": [d.__dict__ for d in self.disqualifications],
            "criteria": [c.__dict__ for c in self.criteria],
            "documents": [
                {"id": d.id, "name": d.name, "group": d.group, "when": list(d.when), "basis": list(d.basis)}
                for d in self.documents
            ],
            "target_files": [
                {k: v for k, v in t.__dict__.items() if v is not None} for t in self.target_files
            ],
            "after_submission": {"next_steps": list(self.next_steps)},
            "holidays": {d.isoformat(): n for d, n in sorted(self.holidays.items())},
        }


class _Reader:
    """Walks the raw mapping and raises errors that name the dotted field."""

    def __init__(self, data: Any, path: str = ""):
        self.data = data
        self.path = path

    def _name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def table(self, key: str) -> "_Reader":
        value = self._get(key)
        if not isinstance(value, dict):
            raise CallDataError(self._name(key), "表（[...] の節）ではありません")
        return _Reader(value, self._name(key))

    def _get(self, key: str) -> Any:
        if not isinstance(self.data, dict) or key not in self.data:
            raise CallDataError(self._name(key), "ありません（必須の項目です）")
        return self.data[key]

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise CallDataError(self._name(key), "空でない文字列で書いてください")
        return value

    def integer(self, key: str, minimum: int = 0) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise CallDataError(self._name(key), f"{minimum}以上の整数で書いてください")
        return value

    def boolean(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise CallDataError(self._name(key), "true か false で書いてください")
        return value

    def day(self, key: str) -> date:
        value = self._get(key)
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        try:
            return parse_iso_date(value)
        except (ValueError, TypeError):
            raise CallDataError(self._name(key), f"存在する日付を \"YYYY-MM-DD\" で書いてください（{value!r}）") from None

    def clock(self, key: str) -> time:
        value = self._get(key)
        if isinstance(value, time):
            return value
        try:
            return parse_hhmm(value)
        except (ValueError, TypeError):
            raise CallDataError(self._name(key), f"時刻を \"HH:MM\" で書いてください（{value!r}）") from None

    def month_day(self, key: str) -> tuple[int, int]:
        value = self._get(key)
        try:
            month, day_ = (int(part) for part in value.split("-"))
            date(2024, month, day_)  # a leap year, so 02-29 is accepted
        except (ValueError, AttributeError, TypeError):
            raise CallDataError(self._name(key), f"月日を \"MM-DD\" で書いてください（{value!r}）") from None
        return month, day_

    def items(self, key: str, required: bool = True) -> list["_Reader"]:
        if not required and (not isinstance(self.data, dict) or key not in self.data):
            return []
        value = self._get(key)
        if not isinstance(value, list):
            raise CallDataError(self._name(key), "[[...]] の並びで書いてください")
        return [_Reader(item, f"{self._name(key)}[{i}]") for i, item in enumerate(value)]

    def text_list(self, key: str, allowed: tuple[str, ...] | None = None, non_empty: bool = False) -> tuple[str, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CallDataError(self._name(key), "文字列の並び（[\"…\", \"…\"]）で書いてください")
        if non_empty and (not value or not all(v.strip() for v in value)):
            raise CallDataError(self._name(key), "空でない文字列を一つ以上書いてください")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    raise CallDataError(self._name(key), f"{v!r} は使えません（使えるのは {', '.join(allowed)}）")
        return tuple(value)


def parse_call(data: dict[str, Any], holidays: dict[date, str] | None = None) -> Call:
    """Validate the raw data (from TOML or JSON) and build a ``Call``.

    ``holidays`` maps each national holiday to its name; the build computes it with the
    ``holidays`` package, and the packaged JSON carries it under ``holidays``.
    """
    root = _Reader(data)
    if root._get("schema_version") != 1:
        raise CallDataError("schema_version", "1 にしてください（このサイトが読める形式の版）")
    if holidays is None:
        holidays = {}
        raw = data.get("holidays", {})
        if not isinstance(raw, dict):
            raise CallDataError("holidays", "日付と名前の表ではありません")
        for key, name in raw.items():
            # The keys are the dates; the values are the holidays' names.
            try:
                day = parse_iso_date(key)
            except (ValueError, TypeError):
                raise CallDataError(f"holidays.{key}", "キーを存在する日付 \"YYYY-MM-DD\" で書いてください") from None
            holidays[day] = str(name)

    call = root.table("call")
    agency = root.table("agency")
    period = root.table("period")
    submission = root.table("submission")
    hand = submission.table("hand_delivery")
    post = submission.table("post")
    values = root.table("criteria_values")
    links = root.table("links")

    opens, closes = period.day("opens"), period.day("closes")
    if closes < opens:
        raise CallDataError("period.closes", f"募集の開始日（{opens.isoformat()}）より前です")
    days = (closes - opens).days + 1
    if days < MINIMUM_CALL_DAYS.value:
        raise CallDataError(
            "period.closes",
            f"募集期間が{days}日間しかありません（{MINIMUM_CALL_DAYS.basis}により{MINIMUM_CALL_DAYS.value}日以上必要です）",
        )
    if closes.weekday() >= 5:
        raise CallDataError("period.closes", f"締切日 {format_date(closes)} が土曜日か日曜日です")
    if closes in holidays:
        raise CallDataError("period.closes", f"締切日 {format_date(closes)} が祝日（{holidays[closes]}）です")
    notice_date = call.day("notice_date")
    if notice_date > opens:
        raise CallDataError("call.notice_date", "募集の開始日より後です")
    if not post.boolean("must_arrive_by_close"):
        raise CallDataError("submission.post.must_arrive_by_close", "このサイトは「締切日当日必着」の募集だけを扱います")

    documents = []
    seen: set[str] = set()
    for item in root.items("documents"):
        doc = Document(
            id=item.text("id"), name=item.text("name"), group=item.text("group"),
            when=item.text_list("when", DOCUMENT_CONDITIONS), basis=item.text_list("basis"),
        )
        if doc.id in seen:
            raise CallDataError(item._name("id"), f"{doc.id!r} が重複しています")
        if not doc.basis:
            raise CallDataError(item._name("basis"), "根拠（公示の項や法の条）を一つ以上書いてください")
        seen.add(doc.id)
        documents.append(doc)

    target_files = []
    for item in root.items("target_files", required=False):
        if not isinstance(item.data, dict) or not str(item.data.get("source", "")).strip():
            raise CallDataError(item._name("source"), "出典がありません（確かめた資料と確認日を書いてください）")
        population = item.data.get("population")
        if population is not None:
            population = item.integer("population", minimum=1)
        target_files.append(TargetFile(
            name=item.text("name"), agency=item.text("agency"), office=item.text("office"),
            purpose=item.text("purpose"), items=item.text("items"), range=item.text("range"),
            population=population, source=item.text("source"),
        ))

    return Call(
        id=call.text("id"), fiscal_year=call.integer("fiscal_year", minimum=2017), title=call.text("title"),
        form=call.text("form"), notice_date=notice_date, issuer=call.text("issuer"),
        legal_basis=call.text("legal_basis"), rules_version=call.text("rules_version"),
        agency_name=agency.text("name"), office=agency.text("office"), postal_code=agency.text("postal_code"),
        address=agency.text("address"), telephone=agency.text("telephone"),
        opens=opens, closes=closes, closes_at=period.clock("closes_at"),
        copies=submission.integer("copies", minimum=1),
        hand_opens_at=hand.clock("opens_at"), hand_closes_at=hand.clock("closes_at"),
        new_year_closed=(hand.month_day("new_year_closed_from"), hand.month_day("new_year_closed_until")),
        envelope_marking=post.text("envelope_marking"),
        minimum_population=values.integer("minimum_population", minimum=1),
        certificate_months=values.integer("corporate_certificate_months", minimum=1),
        links={key: links.text(key) for key in ("target_files", "file_register_search", "forms", "law")},
        disqualifications=tuple(
            Disqualification(id=i.text("id"), text=i.text("text"), basis=i.text("basis"))
            for i in root.items("disqualifications")
        ),
        criteria=tuple(
            Criterion(id=i.text("id"), text=i.text("text"), basis=i.text("basis"), existing=i.boolean("existing"))
            for i in root.items("criteria")
        ),
        documents=tuple(documents),
        target_files=tuple(target_files),
        next_steps=root.table("after_submission").text_list("next_steps", non_empty=True),
        holidays=holidays,
    )


_PACKAGED: Call | None = None


def packaged_call() -> Call:
    """The call packed into this package by the build (``data/call.json``), read once."""
    global _PACKAGED
    if _PACKAGED is None:
        _PACKAGED = parse_call(read_json("call.json"))
    return _PACKAGED


def load_call_json(text: str) -> Call:
    return parse_call(json.loads(text))


__all__ = ["Call", "CallDataError", "Document", "TargetFile", "parse_call", "packaged_call"]
