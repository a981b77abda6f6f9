"""The step builder: which steps and questions apply to the answers so far, and what is kept.

Answers are kept as the answers JSON (a plain dict, see answers/). The questions come from
data/questions.json (questions.py), the steps' words from data/wording.json (wording.py); here
is only the structure: which steps, in which order, each question bound to its place in the
answers (a path such as ``("proposers", 0, "birth_date")``). Reading a step's form is form.py's
job, adding and removing people and rows lists.py's, drawing render/'s.

Two parts: the screening (``part == "check"``), then the draft (``"draft"``, 提案書の下書き), whose
steps ask what the documents need and the screening does not, in the order of the proposal's
items, each its own topic. Every step belongs to the flow (so what the draft's steps hold is
saved and checked); which part a visitor goes through is their session's (visit.py).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from .answers import FORMAT, MAX_OFFICERS, MAX_PROPOSERS, VERSION
from .answers.fields import MAX_TABLE_ROWS
from .paths import Path, field_id, get, path_name, put
from .questions import DRAFT_TOPICS, GROUPS, TOPICS, Question, Topic, call_text  # noqa: F401  (call_text: fills a step's lead)
from .rules.common import OFFICER, PROPOSER, numbered
from .vocabulary import BODY_TYPES
from .wording import MESSAGES, STEPS

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

# The parts of the flow: the screening, then the draft (提案書の下書き).
CHECK, DRAFT = "check", "draft"
# Where the draft keeps the processing table's rows (法第112条第2項第4号), one per 記録項目.
ROWS: Path = ("draft", "processing")


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
    part: str = CHECK
    notes: tuple[str, ...] = ()             # said under the lead: what the draft answers instead

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)


def proposers_of(answers: dict) -> list[dict]:
    items = answers.get("proposers")
    return items if isinstance(items, list) and items else [{}]


def is_body(proposer: dict) -> bool:
    return proposer.get("type") in BODY_TYPES


def rows_of(answers: dict) -> list[dict]:
    """The processing table's rows; one empty row when there are none yet."""
    rows = get(answers, ROWS)
    return rows if isinstance(rows, list) and rows else [{}]


def topics(answers: dict, part: str = CHECK) -> list[Topic]:
    """The topics of the steps of ``part`` these answers are asked."""
    shown = {s.topic for s in steps(answers) if s.part == part}
    return [t for t in (TOPICS if part == CHECK else DRAFT_TOPICS) if t.id in shown]


def proposer_label(index: int, proposer: dict) -> str:
    return numbered(PROPOSER, index, proposer.get("name"))


def officer_label(index: int, officer: dict) -> str:
    return numbered(OFFICER, index, officer.get("name"))


def _fields(answers: dict, questions: tuple[Question, ...], base: Path, scope: dict, subject: str = "") -> tuple[Field, ...]:
    """The questions a rule reads for the kind of proposal chosen so far (until it is chosen, those
    of a new proposal), bound to their place in the answers; not those the draft answers instead."""
    kind = get(answers, ("proposal", "kind"))
    kind = kind if isinstance(kind, str) else None
    return tuple(Field(q, base + q.key, q.asked(scope), subject) for q in questions
                 if q.for_kind(kind) and not drafted(answers, q))


def _holds(node: Any) -> bool:
    if isinstance(node, dict):
        return any(_holds(v) for v in node.values())
    if isinstance(node, list):
        return any(_holds(v) for v in node)
    return node not in (None, "")


def drafted(answers: dict, question: Question) -> bool:
    """Whether the draft holds what ``question`` asks about (questions.json ``drafted``): then it is not asked."""
    return any(_holds(get(answers, path)) for path in question.drafted)


def _drafted_note(answers: dict, questions: tuple[Question, ...]) -> tuple[str, ...]:
    """What a step says about its questions the draft answers instead."""
    names = [q.summary or q.label for q in questions if drafted(answers, q)]
    return (MESSAGES["drafted"].format(items="、".join(names)),) if names else ()


def steps(answers: dict) -> list[Step]:
    """Every step that applies to these answers, in order, the screening's then the draft's: a step
    none of whose questions is asked is left out."""
    out = [_kind_step(answers), _proposers_step(answers)]
    for i, proposer in enumerate(proposers_of(answers)):
        out.append(_proposer_step(answers, i, proposer))
    out += [_file_step(answers), _processing_step(answers), _content_step(answers), _submission_step(answers)]
    out += _draft_steps(answers)
    return [s for s in out if s.fields]


def step_by_id(answers: dict, step_id: str) -> Step | None:
    for step in steps(answers):
        if step.id == step_id:
            return step
    return None


def step_number(answers: dict, step: Step) -> tuple[int, int]:
    """The step's number among the topics of its part, and how many there are."""
    ids = [t.id for t in topics(answers, step.part)]
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
    return Step("content", "content", **_words("content"), sections=(Section("s-content", "", fields),),
                notes=_drafted_note(answers, CONTENT_QUESTIONS))


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


# ---------------------------------------------------------------------------------------------
# The draft's steps (提案書の下書き): what the documents need and the screening does not ask


def _draft_step(answers: dict, step_id: str, *sections: Section, add: tuple[str, str] | None = None) -> Step:
    return Step(step_id, step_id, **_words(step_id), sections=sections, add=add, part=DRAFT)


def _plain(answers: dict, step_id: str, group: str) -> Step:
    """A drafting step of one group of questions about the answers as a whole."""
    return _draft_step(answers, step_id, Section(f"s-{step_id}", "", _fields(answers, GROUPS[group], (), answers)))


def _draft_steps(answers: dict) -> list[Step]:
    kind = get(answers, ("proposal", "kind"))
    new = kind in (None, "new") or not isinstance(kind, str)
    out = [_draft_proposers(answers), _plain(answers, "draft-contact", "draft_contact")]
    out += [_plain(answers, "draft-file", "draft_file"), _draft_rows(answers)] if new else [_draft_product(answers, kind)]
    out += [_plain(answers, "draft-business", "draft_business"), _plain(answers, "draft-period", "draft_period"),
            _plain(answers, "draft-measures", "draft_measures"), _draft_other(answers)]
    if get(answers, ("submission", "agent")) == "yes":
        out.append(_plain(answers, "draft-agent", "draft_agent"))
    return out


def _draft_proposers(answers: dict) -> Step:
    """Each proposer's 住所又は居所 and, for a body, its representative (法第112条第2項第1号)."""
    sections = []
    for i, proposer in enumerate(proposers_of(answers)):
        label = proposer_label(i, proposer)
        questions = GROUPS["draft_proposer"] + (GROUPS["draft_body"] if is_body(proposer) else ())
        sections.append(Section(f"s-d{i}", label, _fields(answers, questions, ("proposers", i), proposer, label)))
    return _draft_step(answers, "draft-proposers", *sections)


def _draft_rows(answers: dict) -> Step:
    """The processing table: a section per row (記録項目), rows added and removed as proposers are."""
    words = STEPS["draft-processing"]
    rows = rows_of(answers)
    sections = []
    for i, row in enumerate(rows):
        heading = words["section"].format(number=i + 1)
        subject = heading + (f"（{row['item']}）" if isinstance(row, dict) and isinstance(row.get("item"), str) else "")
        remove = (f"remove-row:{i}", words["remove"].format(number=i + 1)) if len(rows) > 1 else None
        sections.append(Section(f"s-r{i}", heading, _fields(answers, GROUPS["draft_row"], ROWS + (i,),
                                                             row if isinstance(row, dict) else {}, subject), remove))
    add = ("add-row", words["add"]) if len(rows) < MAX_TABLE_ROWS else None
    return _draft_step(answers, "draft-processing", *sections, add=add)


def _draft_product(answers: dict, kind: str) -> Step:
    """法第118条: what identifies the product already made, and for a change or an extension the contract."""
    sections = [Section("s-draft-product", "", _fields(answers, GROUPS["draft_product"], (), answers))]
    if kind in ("existing-change", "existing-extend"):
        sections.append(Section("s-draft-contract", STEPS["draft-product"]["contract"],
                                _fields(answers, GROUPS["draft_contract"], (), answers)))
    return _draft_step(answers, "draft-product", *sections)


def _draft_other(answers: dict) -> Step:
    """The preferred way of delivery (第8号) and the paper on the contribution (法第112条第3項第2号)."""
    words = STEPS["draft-other"]
    delivery, contribution = GROUPS["draft_other"][:1], GROUPS["draft_other"][1:]
    return _draft_step(answers, "draft-other",
                       Section("s-draft-delivery", words["delivery"], _fields(answers, delivery, (), answers)),
                       Section("s-draft-contribution", words["contribution"], _fields(answers, contribution, (), answers)))


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


def draft_begun(answers: dict) -> bool:
    """Whether the answers hold anything of the draft (version 2's fields): the draft is begun."""
    return _holds(answers.get("draft")) or any(
        isinstance(p, dict) and (_holds(p.get("address")) or _holds(p.get("representative")))
        for p in answers.get("proposers") or [])


def first_incomplete(answers: dict) -> Step | None:
    """The first step with a required question not answered yet."""
    for step in steps(answers):
        for f in step.fields:
            if f.applies and f.question.input.needs_answer(f.question) and get(answers, f.path) is None:
                return step
    return None
