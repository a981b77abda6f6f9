"""The step builder: which steps and questions apply to the answers so far, and what is kept.

Answers are kept as the v1 answers JSON (a plain dict, see answers.py). The questions come
from data/questions.json (questions.py); each is bound here to its place in the answers (a
path such as ``("proposers", 0, "birth_date")``). Reading a step's form is form.py's job,
adding and removing people lists.py's, drawing render.py's.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from .answers import FORMAT, MAX_OFFICERS, MAX_PROPOSERS, VERSION
from .paths import Path, field_id, get, path_name, put
from .questions import GROUPS, TOPICS, Question, Topic, call_text  # noqa: F401  (call_text: render's)
from .rules.common import numbered
from .vocabulary import BODY_TYPES

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
    return numbered("提案者", index, proposer.get("name"))


def officer_label(index: int, officer: dict) -> str:
    return numbered("役員", index, officer.get("name"))


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


def _kind_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    return Step("kind", "kind", "提案の種類", "どの提案をしますか",
                sections=(Section("s-kind", "", _fields(answers, KIND_QUESTIONS, ("proposal",), proposal)),))


def _proposers_step(answers: dict) -> Step:
    people = proposers_of(answers)
    sections = []
    for i, p in enumerate(people):
        remove = (f"remove-proposer:{i}", f"提案者{i + 1}を削除") if len(people) > 1 else None
        sections.append(Section(
            f"s-p{i}", f"提案者{i + 1}",
            _fields(answers, PROPOSER_QUESTIONS, ("proposers", i), p, f"提案者{i + 1}"), remove))
    add = ("add-proposer", "提案者を追加する（共同提案）") if len(people) < MAX_PROPOSERS else None
    return Step("proposers", "proposers", "提案者", "誰が提案しますか",
                lead="一人（一者）で提案するか、複数で共同して提案するかを問いません。共同提案では、提案者ごとに答えてください。",
                sections=tuple(sections), add=add)


def _proposer_step(answers: dict, i: int, proposer: dict) -> Step:
    label = proposer_label(i, proposer)
    base: Path = ("proposers", i)
    step_id = f"proposer-{i + 1}"
    title = f"欠格事由の確認：{label}"
    if not is_body(proposer):
        fields = _fields(answers, PERSON_QUESTIONS, base, proposer, label)
        return Step(step_id, "disqualification", title, f"{label}について",
                    lead="法第113条の欠格事由（提案できない者）に当たるかを確かめます。答えはこのブラウザの外に送られません。",
                    sections=(Section(f"s-p{i}", "", fields),))
    sections = [Section(f"s-p{i}", "", _fields(answers, BODY_QUESTIONS, base, proposer, label))]
    officers = proposer.get("officers")
    if not isinstance(officers, list):
        officers = [{}]
    for j, officer in enumerate(officers):
        o_base = base + ("officers", j)
        o_label = f"{label}の{officer_label(j, officer)}"
        fields = _fields(answers, OFFICER_QUESTIONS, o_base, officer, o_label)
        sections.append(Section(f"s-p{i}-o{j}", officer_label(j, officer), fields,
                                (f"remove-officer:{i}:{j}", f"役員{j + 1}を削除")))
    add = (f"add-officer:{i}", "役員を追加する") if len(officers) < MAX_OFFICERS else None
    return Step(step_id, "disqualification", title, f"{label}について",
                lead="法人その他の団体は、団体自身が法第113条第3号から第5号に当たらないことに加え、"
                     "役員のうちに第1号から第5号に当たる者がいないこと（第6号）が必要です。役員ごとに答えてください。"
                     # 法 does not define 役員: the posts usually meant, and whom to ask about.
                     "法律は「役員」を定義していませんが、通常、取締役、執行役、会計参与、監査役、理事、監事、業務執行社員と、"
                     "法人でない団体の代表者や管理人を指します。相談役や顧問が当たるかは、{agency}に確かめてください。",
                sections=tuple(sections), add=add)


def _file_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    fields = _fields(answers, FILE_QUESTIONS, ("proposal",), proposal)
    section = (Section("s-file", "", fields),)
    if any(f.question.key == ("population",) for f in fields):
        return Step("file", "file", "対象ファイルと本人の数", "対象の個人情報ファイルと本人の数",
                    lead="提案する本人の数は、{minimum_population}人以上で、対象の個人情報ファイルの本人の数以下である必要があります（公示6②）。",
                    sections=section)
    # A proposal to use a product already made names that product, and no 本人の数 (法第118条第2項).
    return Step("file", "file", "利用する匿名加工情報", "利用する行政機関等匿名加工情報",
                lead="作成済みの行政機関等匿名加工情報を利用する提案では、提案書に、利用する行政機関等匿名加工情報を特定するに足りる事項を書きます。"
                     "本人の数と加工の方法は書きません（法第118条第2項）。",
                sections=section)


def _processing_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    return Step("processing", "processing", "加工の方法", "加工の方法",
                lead="特定の個人を識別できないように、また元の個人情報を復元できないようにする加工の方法を、提案書で特定します。",
                sections=(Section("s-processing", "", _fields(answers, PROCESSING_QUESTIONS, ("proposal",), proposal)),))


def _content_step(answers: dict) -> Step:
    proposal = answers.get("proposal") or {}
    fields = _fields(answers, CONTENT_QUESTIONS, ("proposal",), proposal)
    return Step("content", "content", "提案の内容", "提案の内容",
                sections=(Section("s-content", "", fields),))


def _submission_step(answers: dict) -> Step:
    submission = answers.get("submission") or {}
    base: Path = ("submission",)
    fields = _fields(answers, SUBMISSION_QUESTIONS, base, submission)
    sections = [Section("s-submission", "", fields)]
    for i, proposer in enumerate(proposers_of(answers)):
        if is_body(proposer):
            label = proposer_label(i, proposer)
            sections.append(Section(f"s-cert-p{i}", f"{label}の本人確認書類",
                                    _fields(answers, CERTIFICATE_QUESTIONS, ("proposers", i), proposer, label)))
    return Step("submission", "submission", "提出", "提出の方法と日時", sections=tuple(sections))


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
