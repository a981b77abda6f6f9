"""The result's three plain answers: may the applicant propose (法第113条), what of the examination's
criteria was checked (法第114条第1項), and the papers and how to hand them in.

Each finding carries its part (``Finding.part``, from its rule) and whether only the agency can settle
it (``Finding.agency_only``); nothing here reads an id or a message. A part's state is the worst of its
findings, leaving out "stated" ones (the agency judges them) and the agency-only ones, which the result
lists as a note of their own: no answer the applicant can give settles them. No agency-only finding
belongs to the first answer (a test holds the rules to it), so 「提案できるか」 never reads 「はい」
while anything about it is open.

The words are data (data/outcome.json), checked when loaded: a mistake names the field.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .answers import Submission
from .datafiles import read_json, template_problem
from .dates import format_date, format_time
from .findings import Finding, Part, Status, worst
from .vocabulary import UNKNOWN, UNKNOWN_LABEL, label

# The states a part's answer can be in; "unchecked": nothing failed or is open, and nothing was
# found met either (all the agency judges: a proposal under 法第118条 has no criterion the checker decides).
STATES = ("pass", "fail", "review", "unchecked")
_LINES = {"checked": ("titles",), "stated": ("titles",), "agency": (), "agency_lead": (), "not_a_go_ahead": ()}
_CHOICES = ("method", "date", "hand_date", "post_date", "time", "posted_on", "agent", "not_answered")


class OutcomeWordsError(ValueError):
    """data/outcome.json is not as this module expects; the message names the field."""


def _need(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise OutcomeWordsError(f"outcome.json: {where}: {message}")


def _text(value: Any, where: str, allowed: tuple[str, ...] = ()) -> str:
    _need(isinstance(value, str) and value.strip() != "", where, "must be a non-empty string")
    problem = template_problem(value, allowed)
    _need(problem is None, where, problem or "")
    return value


@dataclass(frozen=True)
class PartWords:
    question: str                          # 「提案できるか」
    basis: str                             # 「法第113条」
    states: dict[str, tuple[str, str]]     # state -> (badge, sentence)


def parse_words(data: Any) -> tuple[dict[Part, PartWords], dict[str, str], dict[str, str]]:
    """The words in ``data`` (the decoded data/outcome.json): each part's, the lines', the choices' names."""
    _need(isinstance(data, dict), "the file", "must be an object")
    for key in data:
        _need(key in ("about", "parts", "lines", "choices"), key, "unknown field (known: about, parts, lines, choices)")
    parts_data = data.get("parts")
    _need(isinstance(parts_data, dict), "parts", "must be an object")
    for key in parts_data:
        _need(key in {p.value for p in Part}, f"parts.{key}", f"unknown part (known: {', '.join(p.value for p in Part)})")
    parts = {}
    for part in Part:
        where = f"parts.{part.value}"
        raw = parts_data.get(part.value)
        _need(isinstance(raw, dict), where, "is missing or not an object")
        for key in raw:
            _need(key in ("question", "basis", *STATES), f"{where}.{key}",
                  f"unknown field (known: question, basis, {', '.join(STATES)})")
        states = {}
        for state in STATES:
            entry = raw.get(state)
            if entry is None:
                _need(state == "unchecked", f"{where}.{state}", "is missing")
                continue
            _need(isinstance(entry, dict) and set(entry) == {"badge", "says"}, f"{where}.{state}",
                  "must be an object with badge and says")
            states[state] = (_text(entry["badge"], f"{where}.{state}.badge"), _text(entry["says"], f"{where}.{state}.says"))
        parts[part] = PartWords(_text(raw.get("question"), f"{where}.question"), _text(raw.get("basis"), f"{where}.basis"),
                                states)
    lines_data = data.get("lines")
    _need(isinstance(lines_data, dict), "lines", "must be an object")
    for key in lines_data:
        _need(key in _LINES, f"lines.{key}", f"unknown line (known: {', '.join(_LINES)})")
    lines = {key: _text(lines_data.get(key), f"lines.{key}", allowed) for key, allowed in _LINES.items()}
    choices_data = data.get("choices")
    _need(isinstance(choices_data, dict), "choices", "must be an object")
    for key in choices_data:
        _need(key in _CHOICES, f"choices.{key}", f"unknown choice (known: {', '.join(_CHOICES)})")
    choices = {key: _text(choices_data.get(key), f"choices.{key}") for key in _CHOICES}
    return parts, lines, choices


PARTS, LINES, CHOICE_NAMES = parse_words(read_json("outcome.json"))


def item_line(f: Finding) -> str:
    """A finding named in one line, by whom it is about and what was checked: 「提案者1（山田太郎）：未成年者に
    当たらないこと」 (the answers, the live panel, the printed checklist, the command line)."""
    return f"{f.subject}：{f.title}" if f.subject else f.title


def titles(findings: Iterable[Finding]) -> str:
    """Titles, each once, in order: 「加工の方法、利用期間」."""
    return "、".join(dict.fromkeys(f.title for f in findings))


@dataclass(frozen=True)
class Answer:
    """One of the three answers, from the findings of its part."""
    part: Part
    state: str                       # one of STATES
    open: tuple[Finding, ...]        # what fails, then what is to confirm (agency-only ones left out)
    checked: tuple[Finding, ...]     # what the answers show met
    stated: tuple[Finding, ...]      # what the proposal states; the agency judges it
    agency: tuple[Finding, ...]      # what only the agency can settle

    @property
    def words(self) -> PartWords:
        return PARTS[self.part]

    @property
    def status(self) -> Status:
        """The state as a finding's status ("unchecked" is a pass: nothing fails, nothing is open)."""
        return Status(self.state) if self.state != "unchecked" else Status.PASS

    @property
    def badge(self) -> str:
        return self.words.states[self.state][0]

    @property
    def says(self) -> str:
        return self.words.states[self.state][1]

    def lines(self) -> list[str]:
        """What was checked and what was only stated, in words (under the open items)."""
        out = []
        if self.checked and self.part is Part.CRITERIA:
            out.append(LINES["checked"].format(titles=titles(self.checked)))
        if self.stated:
            out.append(LINES["stated"].format(titles=titles(self.stated)))
        return out

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"part": self.part.value, "status": self.status.value, "question": self.words.question,
                                "badge": self.badge, "answer": self.says}
        for key, found in (("open", self.open), ("stated", self.stated), ("agency_only", self.agency)):
            if found:
                data[key] = [f.id for f in found]
        return data


def answer(part: Part, findings: Iterable[Finding]) -> Answer:
    own = [f for f in findings if f.part is part]
    agency = tuple(f for f in own if f.agency_only and f.status is Status.REVIEW)
    deciding = [f for f in own if f not in agency and f.status is not Status.STATED]
    status = worst(f.status for f in deciding)
    checked = tuple(f for f in own if f.status is Status.PASS)
    if status is Status.PASS:
        state = "pass" if checked or "unchecked" not in PARTS[part].states else "unchecked"
    else:
        state = status.value
    open_ = tuple(f for s in (Status.FAIL, Status.REVIEW) for f in deciding if f.status is s)
    return Answer(part=part, state=state, open=open_, checked=checked,
                  stated=tuple(f for f in own if f.status is Status.STATED), agency=agency)


def answers(findings: Iterable[Finding]) -> tuple[Answer, ...]:
    """The three answers, in the order a reader asks them."""
    found = tuple(findings)
    return tuple(answer(part, found) for part in Part)


def choices(submission: Submission) -> tuple[tuple[str, str], ...]:
    """The person's own choices on how and when to hand the papers in, named and in words, for the
    printed checklist: the method, the day (and time, or the day of posting), an agent or not."""
    names, missing = CHOICE_NAMES, CHOICE_NAMES["not_answered"]
    method = submission.method
    out = [(names["method"], label("method", method) if method else missing)]
    day = names["hand_date"] if method == "hand" else names["post_date"] if method == "post" else names["date"]
    out.append((day, UNKNOWN_LABEL if submission.date_unknown
                else format_date(submission.date) if submission.date else missing))
    if method == "hand":
        out.append((names["time"], format_time(submission.time) if submission.time else missing))
    if method == "post":
        out.append((names["posted_on"], format_date(submission.posted_on) if submission.posted_on else missing))
    agent = submission.agent
    out.append((names["agent"], (UNKNOWN_LABEL if agent == UNKNOWN else label("agent", agent)) if agent else missing))
    return tuple(out)


def agency_only(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Every finding only the agency can settle, for the note of its own."""
    return tuple(f for f in findings if f.agency_only and f.status is Status.REVIEW)


__all__ = ["Answer", "CHOICE_NAMES", "LINES", "PARTS", "STATES", "OutcomeWordsError", "agency_only", "answer", "answers",
           "choices", "item_line",
           "parse_words", "titles"]
