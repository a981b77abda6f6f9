"""The answers format, version 2: what a person answered, as the rules read it.

The format's mark and version, its limits, and one frozen dataclass per part of the answers
(``Answers`` holds them all; ``to_json`` writes them back, always as version 2). Reading a JSON
file or value into them, with every problem named, is reader.py's job (and drafts.py's for what
version 2 adds: the drafts' answers, listed in fields.py); the values a person picks, and their
words, are vocabulary.py's. Missing fields are valid (a flow in progress): they mean "not answered
yet". A version 1 file is read as it is: version 2 only adds fields.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from ..dates import YearMonth
from ..vocabulary import BODY_TYPES, UNKNOWN

FORMAT = "proposal-checker/answers"
# The version this checker writes, and every version it reads (version 2 adds the drafts' answers).
VERSION = 2
VERSIONS = (1, 2)

MAX_TEXT = 200
MAX_BYTES = 1_048_576          # 1 MB of UTF-8
MAX_DEPTH = 20                 # nesting of objects and arrays (the format itself needs 6)
MAX_PROPOSERS = 20
MAX_OFFICERS = 50
MAX_COUNT = 10**9
# Dates outside this range are typing mistakes, not answers.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
# The same range in words, for every message that names it.
DATE_RANGE = f"{EARLIEST_DATE.year}年から{LATEST_DATE.year}年まで"


@dataclass(frozen=True)
class Sentence:
    status: str | None = None          # none / yes / unknown
    state: str | None = None           # serving / ended / suspended / suspension-completed / partly-suspended / unknown
    ended_on: date | YearMonth | None = None   # a month alone when the day is not known ("YYYY-MM")


@dataclass(frozen=True)
class Cancellation:
    status: str | None = None          # none / yes / unknown
    date: date | YearMonth | None = None       # a month alone when the day is not known ("YYYY-MM")


@dataclass(frozen=True)
class Person:
    """An individual proposer's personal answers, or one officer of a body."""
    name: str = ""
    birth_date: date | str | None = None       # a date, "unknown", or None (not answered)
    capacity: str | None = None
    bankruptcy: str | None = None
    sentence: Sentence | None = None
    cancellation: Cancellation | None = None


@dataclass(frozen=True)
class Representative:
    """A body's representative, as the proposal names them (法第112条第2項第1号; version 2)."""
    title: str = ""
    name: str = ""


@dataclass(frozen=True)
class Proposer(Person):
    type: str | None = None
    certificate_date: date | str | None = None
    officers: tuple[Person, ...] | None = None  # None = not answered; () = answered "none listed"
    address: str = ""                           # 住所又は居所 (version 2)
    representative: Representative | None = None  # bodies only (version 2)

    @property
    def is_body(self) -> bool:
        return self.type in BODY_TYPES


@dataclass(frozen=True)
class Proposal:
    kind: str | None = None
    file_name: str = ""
    population: int | None = None
    file_population: int | str | None = None
    processing: dict[str, str] = field(default_factory=dict)
    contribution: str | None = None
    period_of_use: str | None = None
    measures: dict[str, str] = field(default_factory=dict)

    @property
    def is_new(self) -> bool | None:
        """True for 法第112条, False for 法第118条, None when not answered."""
        if self.kind is None:
            return None
        return self.kind == "new"


@dataclass(frozen=True)
class Submission:
    method: str | None = None
    date: date | None = None            # the proposal day, when known
    date_unknown: bool = False          # 「わからない」 (stored as "unknown"); ``date`` is then None
    time: time | None = None
    posted_on: date | None = None
    agent: str | None = None


@dataclass(frozen=True)
class DraftAnswers:
    """The ``draft`` object of version 2: what the proposal documents need and the screening does
    not ask (fields.py lists every path with its kind and limit). ``data`` is the object as read:
    texts stripped, empty texts left out, dates as "YYYY-MM-DD", the processing table's rows in order."""
    data: dict[str, Any] = field(default_factory=dict)

    def value(self, path: str) -> Any:
        """The answer at ``path`` inside ``draft`` ("period.start"); None when not answered."""
        node: Any = self.data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def text(self, path: str) -> str:
        value = self.value(path)
        return value if isinstance(value, str) else ""

    def day(self, path: str) -> date | None:
        value = self.value(path)
        return date.fromisoformat(value) if isinstance(value, str) else None

    @property
    def rows(self) -> tuple[dict[str, str], ...]:
        """The processing table's rows (法第112条第2項第4号), each {item, treatment, note} as answered."""
        rows = self.data.get("processing")
        return tuple(r for r in rows if isinstance(r, dict)) if isinstance(rows, list) else ()

    def holds(self, *paths: str) -> bool:
        """Whether anything is answered at or under any of ``paths`` (a table: any row with an answer)."""
        def given(node: Any) -> bool:
            if isinstance(node, dict):
                return any(given(v) for v in node.values())
            if isinstance(node, list):
                return any(given(v) for v in node)
            return node not in (None, "")
        return any(given(self.value(p)) for p in paths)


@dataclass(frozen=True)
class Answers:
    call: str | None = None
    proposal: Proposal = field(default_factory=Proposal)
    proposers: tuple[Proposer, ...] = ()
    submission: Submission = field(default_factory=Submission)
    draft: DraftAnswers = field(default_factory=DraftAnswers)

    def to_json(self) -> dict[str, Any]:
        """The same answers in the format's current version (what ``parse_answers`` reads back)."""
        data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
        if self.call is not None:
            data["call"] = self.call
        proposal = _drop_empty({
            "kind": self.proposal.kind, "file_name": self.proposal.file_name or None,
            "population": self.proposal.population, "file_population": self.proposal.file_population,
            "processing": dict(self.proposal.processing) or None, "contribution": self.proposal.contribution,
            "period_of_use": self.proposal.period_of_use, "measures": dict(self.proposal.measures) or None,
        })
        if proposal:
            data["proposal"] = proposal
        if self.proposers:
            data["proposers"] = [_proposer_json(p) for p in self.proposers]
        s = self.submission
        submission = _drop_empty({
            "method": s.method, "date": UNKNOWN if s.date_unknown else _iso(s.date), "time": s.time.strftime("%H:%M") if s.time else None,
            "posted_on": _iso(s.posted_on), "agent": s.agent,
        })
        if submission:
            data["submission"] = submission
        if self.draft.data:
            data["draft"] = copy.deepcopy(self.draft.data)
        return data


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, YearMonth)) else value


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != ""}


def _person_json(p: Person) -> dict[str, Any]:
    data = _drop_empty({"name": p.name, "birth_date": _iso(p.birth_date), "capacity": p.capacity,
                        "bankruptcy": p.bankruptcy})
    if p.sentence is not None:
        data["sentence"] = _drop_empty({"status": p.sentence.status, "state": p.sentence.state,
                                        "ended_on": _iso(p.sentence.ended_on)})
    if p.cancellation is not None:
        data["cancellation"] = _drop_empty({"status": p.cancellation.status, "date": _iso(p.cancellation.date)})
    return data


def _proposer_json(p: Proposer) -> dict[str, Any]:
    data = _drop_empty({"type": p.type})
    data.update(_person_json(p))
    if p.certificate_date is not None:
        data["certificate_date"] = _iso(p.certificate_date)
    if p.officers is not None:
        data["officers"] = [_person_json(o) for o in p.officers]
    if p.address:
        data["address"] = p.address
    if p.representative is not None:
        data["representative"] = _drop_empty({"title": p.representative.title, "name": p.representative.name})
    return data
