"""The questions the checker asks, read from ``data/questions.json`` and checked on load.

The words, hints, legal references and the condition on which a follow-up is asked live in
that file, so staff can correct a question without touching Python. A question picked from a list
names its answer in ``options`` (``"options": "capacity"``): the values and their words are the
answer's, in data/vocabulary.json (vocabulary.py); ``option_hints`` may add a hint under an option,
by its value. A condition is a map of answer paths inside the question's scope to the value they
must have, for example ``{"sentence.status": "yes"}``. Hints that carry the call's values name them as ``{agency}``,
``{minimum_population}`` and ``{certificate_months}`` (filled by ``call_text``); the law's values
(law.py) as ``{adult_age}`` (「18歳」), ``{years}`` (「2年」) and ``{kokinkei_since}``, filled when the
file is read (they are the same for every call).

Each question names the rules its answer feeds (``feeds``, rule ids of the registry); the kinds
of proposal it is asked of follow from them: a question feeding only rules of a new proposal
(法第118条第2項 leaves out the 本人の数 and the processing method) is not asked of a proposal to
use a product already made. A question that feeds no rule (a person's name) goes with its step.

The drafting steps (提案書の下書き) ask the answers of version 2 (answers/fields.py), each question
keyed by its field's path; their topics are ``draft_topics``, one step each. A question of the
screening that asks only whether the proposal states something names, in ``drafted``, the parts
of the draft that hold it (``["draft.period"]``): once the draft holds any of them it is not asked,
and its rule follows the draft.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .answers.fields import BY_PATH as DRAFT_FIELDS
from .datafiles import read_json
from .inputs import INPUTS, Input
from .law import WORDS as LAW_WORDS
from .rules import Rule, rules_by_id
from .rules.disqualification import ITEMS as SCREENED
from .vocabulary import CHOICES, WORDS

# The items of 法第113条 the rules screen, and whom each group of questions is asked about: the
# groups must ask about exactly the items the rule screens for that person or body.
_ITEMS_113 = tuple(dict.fromkeys(i for items in SCREENED.values() for i in items))
_GROUPS_113 = {"person": "person", "officer": "person", "body": "body"}

_PLACEHOLDERS = ("agency", "minimum_population", "certificate_months")


class QuestionsError(ValueError):
    """The questions file is not as this module expects; the message names the field."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Question:
    """One question, independent of whom it is asked about.

    ``key`` is the path inside its scope (a person, the proposal, the submission); ``when``
    holds the answers in that scope on which a follow-up question is asked.
    """
    key: tuple[str, ...]
    input: Input                   # the input type: reads, checks, shows and draws the answer
    label: str
    hint: str = ""
    required: bool = True
    options: tuple[Option, ...] = ()
    unknown: bool = False          # offers 「わからない」 (radio option, or a checkbox beside the input)
    when: tuple[tuple[tuple[str, ...], str], ...] = ()
    when_text: str = ""            # the same condition, in words (the static checklist)
    missing: str = ""              # error text when a required answer is missing (without 「＊」)
    basis: tuple[str, ...] = ()
    past_only: bool = False        # dates that cannot lie in the future (birth dates)
    month_only: bool = False       # a date that may be given as year and month alone (the day not known)
    summary: str = ""              # short name for the review list and the error summary
    feeds: tuple[Rule, ...] = ()   # the rules that read the answer; none: asked only to name a person
    item: str = ""                 # the item of 法第113条 a disqualification question asks about ("113-1")
    drafted: tuple[tuple[str, ...], ...] = ()   # not asked once the draft holds any of these (paths)

    @property
    def conditional(self) -> bool:
        return bool(self.when)

    def for_kind(self, kind: str | None) -> bool:
        """Whether a proposal of this kind (None: not chosen yet) is asked the question: it is,
        when a rule it feeds applies to that kind."""
        return not self.feeds or any(r.applies(kind) for r in self.feeds)

    @property
    def scope(self) -> str:
        """The kinds of proposal asked the question, as a key of ``rules.SCOPES`` ("" for every kind)."""
        scopes = {r.scope for r in self.feeds}
        return scopes.pop() if len(scopes) == 1 else ""

    def asked(self, scope: dict) -> bool:
        """Whether the question applies, given the answers in its scope."""
        for path, value in self.when:
            data: Any = scope
            for part in path:
                data = data.get(part) if isinstance(data, dict) else None
            if data != value:
                return False
        return True


@dataclass(frozen=True)
class Topic:
    id: str
    title: str


@dataclass(frozen=True)
class Group:
    """Questions asked together, with when the group is asked in words ("" = always)."""
    asked: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Catalogue:
    topics: tuple[Topic, ...]
    questions: dict[str, Question]
    groups: dict[str, tuple[Question, ...]]
    by_topic: tuple[tuple[str, tuple[Group, ...]], ...] = field(default=())
    draft_topics: tuple[Topic, ...] = ()


def call_text(text: str, call: Any) -> str:
    """A question's or step's text with the call's values put in, so another call never shows this one's."""
    if call is None or "{" not in text:
        return text
    return text.format(agency=call.agency_name, minimum_population=f"{call.minimum_population:,}",
                       certificate_months=call.certificate_months)


# ---------------------------------------------------------------------------------------------
# Reading and checking the file

_FIELDS = {"key": str, "input": str, "label": str, "summary": str, "hint": str, "required": bool,
           "unknown": bool, "past_only": bool, "month_only": bool, "when": dict, "when_text": str, "options": str,
           "option_hints": dict, "missing": str, "basis": list, "note": str, "feeds": list, "item": str,
           "drafted": list}


def _need(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise QuestionsError(f"{where}: {message}")


def _text(value: Any, where: str) -> str:
    """A non-empty text, its placeholders checked and the law's filled in (the call's stay for call_text)."""
    _need(isinstance(value, str) and value.strip() != "", where, "must be a non-empty string")
    if "{" in value:
        try:
            value = value.format(**{p: "{" + p + "}" for p in _PLACEHOLDERS}, **LAW_WORDS)
        except (KeyError, IndexError, ValueError) as e:
            known = ", ".join((*_PLACEHOLDERS, *LAW_WORDS))
            raise QuestionsError(f"{where}: unknown placeholder {e} (known: {known})") from None
    return value


def _options(data: dict, where: str) -> tuple[Option, ...]:
    """The options of the answer ``data["options"]`` names (data/vocabulary.json gives their values and
    words); ``option_hints`` may add a hint under an option, by its value."""
    if "options" not in data:
        _need("option_hints" not in data, f"{where}.option_hints", "goes with options, and only with them")
        return ()
    choice = data["options"]
    _need(choice in CHOICES, f"{where}.options", f"names no answer of data/vocabulary.json (known: {', '.join(CHOICES)})")
    hints = {}
    for value, hint in data.get("option_hints", {}).items():
        _need(value in CHOICES[choice], f"{where}.option_hints.{value}",
              f"names no value of {choice} (its values: {', '.join(CHOICES[choice])})")
        hints[value] = _text(hint, f"{where}.option_hints.{value}")
    return tuple(Option(value, WORDS.label(choice, value), hints.get(value, "")) for value in CHOICES[choice])


def _question(name: str, data: Any, rules: dict[str, Rule]) -> Question:
    where = f"questions.{name}"
    _need(isinstance(data, dict), where, "must be an object")
    for key, value in data.items():
        _need(key in _FIELDS, f"{where}.{key}", "unknown field")
        _need(isinstance(value, _FIELDS[key]), f"{where}.{key}", f"must be a {_FIELDS[key].__name__}")
    for key in ("key", "input", "label", "feeds"):
        _need(key in data, f"{where}.{key}", "is missing")
    kind = data["input"]
    _need(kind in INPUTS, f"{where}.input", f"must be one of {', '.join(INPUTS)}")
    options = _options(data, where)
    _need(bool(options) == INPUTS[kind].has_options, f"{where}.options",
          "is needed for " + ", ".join(k for k, t in INPUTS.items() if t.has_options) + ", and only for them")
    when = data.get("when", {})
    for path, value in when.items():
        _need(isinstance(value, str), f"{where}.when.{path}", "must be a string")
    _need(bool(when) == bool(data.get("when_text")), f"{where}.when_text", "goes with when, and only with it")
    _need(not data.get("month_only") or kind == "date", f"{where}.month_only", "only a date may be given as a month alone")
    basis = data.get("basis", [])
    for i, b in enumerate(basis):
        _text(b, f"{where}.basis[{i}]")
    for i, r in enumerate(data["feeds"]):
        _need(r in rules, f"{where}.feeds[{i}]", f"names no rule {r!r} (known: {', '.join(rules)})")
    if "item" in data:
        _need(data["item"] in _ITEMS_113, f"{where}.item",
              f"names no item of 法第113条 screened by the rules (known: {', '.join(_ITEMS_113)})")
        _need("113" in data["feeds"], f"{where}.item", "goes with feeds naming the rule '113'")
    drafted = data.get("drafted", [])
    for i, path in enumerate(drafted):
        _need(isinstance(path, str) and any(f.startswith(path + ".") or f.startswith(path + "[]") for f in DRAFT_FIELDS)
              and path.startswith("draft."), f"{where}.drafted[{i}]", "names no part of the draft (answers/fields.py)")
    return Question(
        key=tuple(_text(data["key"], where + ".key").split(".")), input=INPUTS[kind],
        label=_text(data["label"], where + ".label"),
        hint=_text(data["hint"], where + ".hint") if "hint" in data else "",
        required=data.get("required", True), options=options, unknown=data.get("unknown", False),
        when=tuple((tuple(p.split(".")), v) for p, v in when.items()), when_text=data.get("when_text", ""),
        missing=data.get("missing", ""), basis=tuple(basis), past_only=data.get("past_only", False),
        month_only=data.get("month_only", False), summary=data.get("summary", ""), feeds=tuple(rules[r] for r in data["feeds"]), item=data.get("item", ""),
        drafted=tuple(tuple(p.split(".")) for p in drafted))


def parse_catalogue(data: Any, rules: dict[str, Rule] | None = None) -> Catalogue:
    """The catalogue in ``data``; ``rules``: the rules a question may feed (by id), the registry's by default."""
    rules = rules_by_id() if rules is None else rules
    _need(isinstance(data, dict), "questions file", "must be an object")
    for key in ("topics", "draft_topics", "questions", "groups", "catalogue"):
        _need(key in data, key, "is missing")
    topics, draft_topics = (
        tuple(Topic(_text(t.get("id"), f"{part}[{i}].id"), _text(t.get("title"), f"{part}[{i}].title"))
              if isinstance(t, dict) else _need(False, f"{part}[{i}]", "must be an object")
              for i, t in enumerate(data[part])) for part in ("topics", "draft_topics"))
    _need(isinstance(data["questions"], dict), "questions", "must be an object")
    questions = {name: _question(name, q, rules) for name, q in data["questions"].items()}
    # A follow-up's condition names a value of the question it follows.
    for name, q in questions.items():
        for path, value in q.when:
            offered = {o.value for p in questions.values() if p.key == path and p.options for o in p.options}
            _need(not offered or value in offered, f"questions.{name}.when.{'.'.join(path)}",
                  f"{value!r} is not an answer of that question (its values: {', '.join(sorted(offered))})")
    groups: dict[str, tuple[Question, ...]] = {}
    _need(isinstance(data["groups"], dict), "groups", "must be an object")
    for name, members in data["groups"].items():
        _need(isinstance(members, list) and members, f"groups.{name}", "must be a non-empty list")
        for m in members:
            _need(m in questions, f"groups.{name}", f"names no question {m!r}")
        groups[name] = tuple(questions[m] for m in members)
    for name, who in _GROUPS_113.items():
        _need(name in groups, f"groups.{name}", "is missing (the questions of 法第113条)")
        asked = {q.item for q in groups[name] if q.item}
        for item in SCREENED[who]:
            _need(item in asked, f"groups.{name}", f"asks nothing about {item}, which the rules screen for a {who}")
        for item in sorted(asked - set(SCREENED[who])):
            _need(False, f"groups.{name}", f"asks about {item}, which the rules do not screen for a {who}")
    topic_ids = {t.id for t in topics}
    by_topic = []
    for i, entry in enumerate(data["catalogue"]):
        where = f"catalogue[{i}]"
        _need(isinstance(entry, dict) and entry.get("topic") in topic_ids, where + ".topic", "names no topic")
        gs = []
        for j, g in enumerate(entry.get("groups") or []):
            _need(isinstance(g, dict) and g.get("questions") in groups, f"{where}.groups[{j}].questions",
                  "names no group")
            gs.append(Group(g.get("asked", ""), groups[g["questions"]]))
        _need(bool(gs), where + ".groups", "must be a non-empty list")
        by_topic.append((entry["topic"], tuple(gs)))
    _drafting_keys(questions)
    return Catalogue(topics, questions, groups, tuple(by_topic), draft_topics)


def _drafting_keys(questions: dict[str, Question]) -> None:
    """A drafting question (its name begins with ``draft_``) asks an answer of version 2, with an input
    that fits the answer's kind: its key, in its scope, is a path of answers/fields.py."""
    inputs = {"text": ("text",), "narrative": ("textarea",), "date": ("date",), "choice": ("radio", "select"),
              "phone": ("tel",), "email": ("email",)}
    scopes = ("", "proposers[].", "draft.processing[].")
    for name, q in questions.items():
        if not name.startswith("draft_"):
            continue
        key = ".".join(q.key)
        field = next((DRAFT_FIELDS[s + key] for s in scopes if s + key in DRAFT_FIELDS), None)
        _need(field is not None and field.new, f"questions.{name}.key",
              f"names no answer of version 2 (answers/fields.py): {key}")
        kind = next(k for k, v in INPUTS.items() if v is q.input)
        _need(kind in inputs[field.kind], f"questions.{name}.input",
              f"{kind} does not fit a {field.kind} answer (use {' or '.join(inputs[field.kind])})")
        if q.options:
            _need({o.value for o in q.options} == set(field.options), f"questions.{name}.options",
                  f"offers other values than the answer's ({', '.join(field.options)})")


CATALOGUE = parse_catalogue(read_json("questions.json"))
TOPICS = CATALOGUE.topics
DRAFT_TOPICS = CATALOGUE.draft_topics
QUESTIONS = CATALOGUE.questions
GROUPS = CATALOGUE.groups
