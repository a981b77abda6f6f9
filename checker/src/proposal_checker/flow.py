"""The step builder: which steps and questions apply to the answers so far, and what is kept.

Answers are kept as the v1 answers JSON (a plain dict, see answers/). The questions come from
data/questions.json (questions.py), the steps' words from data/wording.json (wording.py); here
is only the structure: which steps, in which order, each question bound to its place in the
answers (a path such as ``("proposers", 0, "birth_date")``). Reading a step's form is form.py's
job, adding and removing people lists.py's, drawing render/'s.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from .answers import FORMAT, MAX_OFFICERS, MAX_PROPOSERS, VERSION
from .paths import Path, field_id, get, path_name, put
from .questions import GROUPS, TOPICS, Question, Topic, call_text  # noqa: F401  (call_text: fills a step's lead)
from .rules.common import OFFICER, PROPOSER, numbered
from .vocabulary import BODY_TYPES
from .wording import STEPS

KIND_QUESTIONS = GROUPS["kind"]
PROPOSER_QUESTIONS = GROUPS["proposer"]
PERSON_QUESTIONS = GROUPS["person"]
BODY_QUESTIONS = GROUPS["body"]
OFFICER_QUESTIONS = GROUPS["officer"]
FILE_QUESTIONS = GROUPS["file"]
PROCESSING_QUESTIONS = GROUPS["processing"]
CONTENT_QUESTIONS = GROUPS["content"]
SUBMISSION_QUESTIONS = GROUPS["submission"]
CERTIFICATE_QUESTIONS = GROUPS["certificate"]


# ---------------------------------------------------------------------------------------------
# Steps


@dataclass(frozen=True)
class Field:
    """A question bound to a place in the answers and to form field names."""
    question: Question
    path: Path
    applies: bool = True           # false: a follow-up whose condition is not met (rendered hidden)
    subject: str = ""              # 「提案者1（山田）」, for the review list

    @property
    def name(self) -> str:
        return path_name(self.path)

    @property
    def id(self) -> str:
        return field_id(self.name)

    @property
    def input_id(self) -> str:
        """The element an error link points at (the first input of the question)."""
        return self.question.input.first_input(self.question, self.id)

    @property
    def conditional(self) -> bool:
        return self.question.conditional


@dataclass(frozen=True)
class Section:
    """A group of questions about one subject (a proposer, an officer) on a step."""
    id: str
    heading: str
    fields: tuple[Field, ...]
    remove: tuple[str, str] | None = None   # (action value, button label)


@dataclass(frozen=True)
class Step:
    id: str
    topic: str
    title: str
    heading: str
    lead: str = ""
    sections: tuple[Section, ...] = ()
    add: tuple[str, str] | None = None      # (action value, button label)

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)


def proposers_of(answers: dict) -> list[dict]:
    items = answers.get("proposers")
    return items if isinstance(items, list) and items else [{}]


def is_body(proposer: dict) -> bool:
    return proposer.get("type") in BODY_TYPES


def topics(answers: dict) -> list[Topic]:
    """The topics of the steps these answers are asked."""
    shown = {s.topic for s in steps(answers)}
    return [t for t in TOPICS if t.id in shown]


def proposer_label(index: int, proposer: dict) -> str:
    return numbered(PROPOSER, index, proposer.get("name"))


def officer_label(index: int, officer: dict) -> str:
    return numbered(OFFICER, index, officer.get("name"))


def _fields(answers: dict, questions: tuple[Question, ...], base: Path, scope: dict, subject: str = "") -> tuple[Field, ...]:
    """The questions a rule reads for the kind of proposal chosen so far (until it is chosen, those
    of a new proposal), bound to their place in the answers."""
    kind = get(answers, ("proposal", "kind"))
    kind = kind if isinstance(kind, str) else None
    return tuple(Field(q, base + q.key, q.asked(scope), subject) for q in questions if q.for_kind(kind))


def steps(answers: dict) -> list[Step]:
    """Every step that applies to these answers, in order: a step none of whose questions is asked is left out."""
    out = [_kind_step(answers), _proposers_step(answers)]
    for i, proposer in enumerate(proposers_of(answers)):
        out.append(_proposer_step(answers, i, proposer))
    out += [_file_step(answers), _processing_step(answers), _content_step(answers), _submission_step(answers)]
    return [s for s in out if s.fields]


def step_by_id(answers: dict, step_id: str) -> Step | None:
    for step in steps(answers):
        if step.id == step_id:
            return step
    return None


def step_number(answers: dict, step: Step) -> tuple[int, int]:
    ids = [t.id for t in topics(answers)]
    return ids.index(step.topic) + 1, len(ids)


def _words(kind: str, **values: object) -> dict:
    """The title, heading and lead of a kind of step (data/wording.json), with ``values`` put in."""
    words = STEPS[kind]
    return {"title": words["title"].format(**values), "heading": words["heading"].format(**values),
            "lead": words.get("lead", "")}


def _kind_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    return Step("kind", "kind", **_words("kind"),
                sections=(Section("s-kind", "", _fields(answers, KIND_QUESTIONS, ("proposal",), proposal)),))


def _proposers_step(answers: dict) -> Step:
    words = STEPS["proposers"]
    people = proposers_of(answers)
    sections = []
    for i, p in enumerate(people):
        remove = (f"remove-proposer:{i}", words["remove"].format(number=i + 1)) if len(people) > 1 else None
        named = words["section"].format(number=i + 1)
        sections.append(Section(f"s-p{i}", named, _fields(answers, PROPOSER_QUESTIONS, ("proposers", i), p, named),
                                remove))
    add = ("add-proposer", words["add"]) if len(people) < MAX_PROPOSERS else None
    return Step("proposers", "proposers", **_words("proposers"), sections=tuple(sections), add=add)


def _proposer_step(answers: dict, i: int, proposer: dict) -> Step:
    label = proposer_label(i, proposer)
    base: Path = ("proposers", i)
    step_id = f"proposer-{i + 1}"
    if not is_body(proposer):
        fields = _fields(answers, PERSON_QUESTIONS, base, proposer, label)
        return Step(step_id, "disqualification", **_words("person", person=label),
                    sections=(Section(f"s-p{i}", "", fields),))
    words = STEPS["body"]
    sections = [Section(f"s-p{i}", "", _fields(answers, BODY_QUESTIONS, base, proposer, label))]
    officers = proposer.get("officers")
    if not isinstance(officers, list):
        officers = [{}]
    for j, officer in enumerate(officers):
        o_base = base + ("officers", j)
        o_label = words["officer"].format(person=label, officer=officer_label(j, officer))
        fields = _fields(answers, OFFICER_QUESTIONS, o_base, officer, o_label)
        sections.append(Section(f"s-p{i}-o{j}", officer_label(j, officer), fields,
                                (f"remove-officer:{i}:{j}", words["remove"].format(number=j + 1))))
    add = (f"add-officer:{i}", words["add"]) if len(officers) < MAX_OFFICERS else None
    return Step(step_id, "disqualification", **_words("body", person=label), sections=tuple(sections), add=add)


def _file_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    fields = _fields(answers, FILE_QUESTIONS, ("proposal",), proposal)
    # A proposal to use a product already made names that product, and no 本人の数 (法第118条第2項).
    new = any(f.question.key == ("population",) for f in fields)
    return Step("file", "file", **_words("file" if new else "product"), sections=(Section("s-file", "", fields),))


def _processing_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    return Step("processing", "processing", **_words("processing"),
                sections=(Section("s-processing", "", _fields(answers, PROCESSING_QUESTIONS, ("proposal",), proposal)),))


def _content_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    fields = _fields(answers, CONTENT_QUESTIONS, ("proposal",), proposal)
    return Step("content", "content", **_words("content"), sections=(Section("s-content", "", fields),))


def _submission_step(answers: dict) -> Step:
    submission = answers.get("submission") or {}
    base: Path = ("submission",)
    fields = _fields(answers, SUBMISSION_QUESTIONS, base, submission)
    sections = [Section("s-submission", "", fields)]
    for i, proposer in enumerate(proposers_of(answers)):
        if is_body(proposer):
            label = proposer_label(i, proposer)
            sections.append(Section(f"s-cert-p{i}", STEPS["submission"]["certificate"].format(person=label),
                                    _fields(answers, CERTIFICATE_QUESTIONS, ("proposers", i), proposer, label)))
    return Step("submission", "submission", **_words("submission"), sections=tuple(sections))


def new_answers(call_id: str | None = None) -> dict:
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if call_id:
        data["call"] = call_id
    return data


# ---------------------------------------------------------------------------------------------
# What is kept, what is shown


def effective(answers: dict) -> dict:
    """Only the answers to questions that apply now (what is saved and evaluated).

    Answers to questions that no longer apply stay in the working copy, so changing an
    answer back brings them back; they are left out here.
    """
    out: dict[str, Any] = {k: answers[k] for k in ("format", "version", "call") if k in answers}
    for step in steps(answers):
        for f in step.fields:
            if not f.applies:
                continue
            value = get(answers, f.path)
            if value is not None and f.question.input.keeps(f.question, value):
                put(out, f.path, copy.deepcopy(value))
    # The number of proposers and officers is itself an answer, even before anything is said about them.
    if isinstance(answers.get("proposers"), list):
        people = out.setdefault("proposers", [])
        while len(people) < len(answers["proposers"]):
            people.append({})
        for i, proposer in enumerate(answers["proposers"]):
            if is_body(proposer) and isinstance(proposer.get("officers"), list):
                officers = people[i].setdefault("officers", [])
                while len(officers) < len(proposer["officers"]):
                    officers.append({})
    return out


def first_incomplete(answers: dict) -> Step | None:
    """The first step with a required question not answered yet."""
    for step in steps(answers):
        for f in step.fields:
            if f.applies and f.question.input.needs_answer(f.question) and get(answers, f.path) is None:
                return step
    return None
