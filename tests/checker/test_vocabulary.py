"""One answer vocabulary below everything: the values a person picks and their words, written once
(vocabulary.py, data/vocabulary.json), read by the answers reader, the questions, the rules and the
schema alike; and the rules read no part of the page."""
import ast
import json
from pathlib import Path

import pytest

import proposal_checker
from proposal_checker import vocabulary
from proposal_checker.answers import AnswersError, parse_answers
from proposal_checker.questions import QUESTIONS, QuestionsError, parse_catalogue
from proposal_checker.rules import content, processing
from proposal_checker.vocabulary import CHOICES, UNKNOWN, VocabularyError, parse_words
from proposal_checker.datafiles import read_json
from datafile_errors import refused

PACKAGE = Path(proposal_checker.__file__).parent
SCHEMAS = Path(__file__).resolve().parents[2] / "checker" / "schemas"

# What draws or drives the page, and the questions' words: the rules judge answers, never the page.
PAGE = ("questions", "inputs", "flow", "form", "lists", "paths", "render", "presenter", "visit", "web", "cli",
        "static")


def imported(text: str, package: tuple[str, ...]) -> set[str]:
    """The package's modules (and names) a source imports, dotted below proposal_checker;
    ``package``: where the source stands, e.g. ("rules",)."""
    out = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[:len(package) - node.level + 1])
                module = ".".join(base + (node.module.split(".") if node.module else []))
            elif (node.module or "").startswith("proposal_checker"):
                module = node.module.partition(".")[2]
            else:
                continue
            out.add(module)
            out.update(f"{module}.{a.name}".strip(".") for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name.partition(".")[2] for a in node.names if a.name.startswith("proposal_checker."))
    return {m for m in out if m}


def page_parts(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in PAGE}


def test_nothing_under_rules_imports_the_questions_or_the_page():
    sources = sorted((PACKAGE / "rules").glob("*.py"))
    assert len(sources) >= 8
    for source in sources:
        bad = page_parts(imported(source.read_text(encoding="utf-8"), ("rules",)))
        assert not bad, f"rules/{source.name} imports {sorted(bad)}"


def _source(module: str) -> tuple[Path, tuple[str, ...]] | None:
    """The file of a module of the package, and the package it stands in."""
    parts = module.split(".")
    for path, package in ((PACKAGE.joinpath(*parts).with_suffix(".py"), tuple(parts[:-1])),
                          (PACKAGE.joinpath(*parts, "__init__.py"), tuple(parts))):
        if path.is_file():
            return path, package
    return None


def test_nor_does_anything_the_rules_import():
    # Followed module by module: a cycle through a lazy import cannot hide here either.
    seen, todo = set(), [f"rules.{p.stem}" if p.stem != "__init__" else "rules"
                         for p in (PACKAGE / "rules").glob("*.py")]
    while todo:
        module = todo.pop()
        found = _source(module)
        if module in seen or found is None:
            continue
        seen.add(module)
        path, package = found
        todo.extend(imported(path.read_text(encoding="utf-8"), package))
    assert {"answers", "vocabulary", "findings", "call"} <= seen
    assert not page_parts(seen), sorted(page_parts(seen))


def test_the_import_check_sees_every_way_of_writing_an_import():
    text = ("from ..questions import QUESTIONS\nfrom . import common\nimport proposal_checker.web\n"
            "from .. import render\nfrom proposal_checker.flow import steps\n")
    assert page_parts(imported(text, ("rules",))) == {"questions", "questions.QUESTIONS", "web", "render",
                                                       "flow", "flow.steps"}
    assert "rules.common" in imported(text, ("rules",))


def test_the_vocabulary_is_a_leaf():
    # Nothing of the package but the reader of its data files, which imports nothing of it.
    assert imported((PACKAGE / "vocabulary.py").read_text(encoding="utf-8"), ()) == {"datafiles", "datafiles.read_json"}
    assert imported((PACKAGE / "datafiles.py").read_text(encoding="utf-8"), ()) == set()


# -- the questions take their options from it ----------------------------------------------------------

def test_every_question_picked_from_a_list_offers_an_answers_values_in_its_words():
    picked = {name: q for name, q in QUESTIONS.items() if q.options}
    assert len(picked) >= 14
    words = vocabulary.WORDS.choices
    for name, q in picked.items():
        offered = {o.value: o.label for o in q.options}
        assert any(offered == words[choice] for choice in CHOICES), name
    # 「わからない」 is written once: every option of "unknown" but the method's reads the same.
    unknowns = {q.options[-1].label for q in picked.values() if q.options[-1].value == UNKNOWN}
    assert unknowns == {vocabulary.UNKNOWN_LABEL, "まだ決めていない"}


def _questions_raw():
    return read_json("questions.json")


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["questions"]["bankruptcy"]["option_hints"].update(maybe="x"),
     "questions.bankruptcy.option_hints.maybe: names no value of bankruptcy"),
    (lambda d: d["questions"]["birth_date"].update(option_hints={"x": "y"}),
     "questions.birth_date.option_hints: goes with options"),
    (lambda d: d["questions"]["sentence_state"]["when"].update({"sentence.status": "perhaps"}),
     "questions.sentence_state.when.sentence.status: 'perhaps' is not an answer of that question"),
])
def test_a_question_naming_a_value_its_answer_does_not_have_is_refused(mutate, where):
    assert where in refused(_questions_raw(), parse_catalogue, QuestionsError, mutate)


# -- the words file is checked on load ------------------------------------------------------------------

def _words_raw():
    return read_json("vocabulary.json")


def test_the_packaged_words_cover_every_value():
    words = parse_words(_words_raw())
    assert {name: tuple(values) for name, values in words.choices.items()} == CHOICES
    assert words.label("method", UNKNOWN) == "まだ決めていない"
    assert words.label("capacity", UNKNOWN) == words.unknown == "わからない"


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d.pop("unknown"), "vocabulary.json: unknown: must be a non-empty string"),
    (lambda d: d.update(unknown=" "), "vocabulary.json: unknown: must be a non-empty string"),
    (lambda d: d.update(colour="red"), "vocabulary.json: colour: unknown field"),
    (lambda d: d["choices"].pop("agent"), "vocabulary.json: choices.agent: is missing"),
    (lambda d: d["choices"].update(mood={"happy": "嬉しい"}), "vocabulary.json: choices.mood: names no answer"),
    (lambda d: d["choices"]["capacity"].pop("yes"), "vocabulary.json: choices.capacity.yes: is missing"),
    (lambda d: d["choices"]["capacity"].update(maybe="たぶん"),
     "vocabulary.json: choices.capacity.maybe: names no value of this answer (its values: no, yes, unknown)"),
    (lambda d: d["choices"]["kind"].update(new=""), "vocabulary.json: choices.kind.new: must be a non-empty string"),
    (lambda d: d["choices"].update(method=["hand"]), "vocabulary.json: choices.method: is missing (an object"),
])
def test_a_mistake_in_the_words_file_is_named(mutate, where):
    assert where in refused(_words_raw(), parse_words, VocabularyError, mutate)


# -- the reader, the rules' own wordings and the schema hold the same values ------------------------------

@pytest.mark.parametrize("path, value", [
    (("proposal", "kind"), "old"), (("proposal", "contribution"), "done"), (("submission", "method"), "fax"),
    (("submission", "agent"), "maybe"),
])
def test_the_reader_accepts_the_vocabularys_values_and_no_other(path, value):
    data = {"format": "proposal-checker/answers", "version": 1, path[0]: {path[1]: value}}
    with pytest.raises(AnswersError) as e:
        parse_answers(data)
    assert [p for p, _ in e.value.errors] == [".".join(path)]


def test_the_rules_wordings_keyed_by_an_answers_values_cover_exactly_those_values():
    assert tuple(content.MEASURES) == vocabulary.MEASURE_ITEMS
    assert tuple(processing.STANDARDS) == vocabulary.PROCESSING_ITEMS


# Every enum of the answers schema, and the vocabulary's values it must list (in the same order).
SCHEMA_ENUMS = {
    "properties.proposal.properties.kind": vocabulary.KINDS,
    "properties.proposal.properties.contribution": vocabulary.DONE,
    "properties.proposal.properties.period_of_use": vocabulary.DONE,
    "properties.submission.properties.method": vocabulary.METHODS,
    "properties.submission.properties.agent": vocabulary.YES_NO_UNKNOWN,
    "$defs.sentence.properties.status": vocabulary.SENTENCE_STATUS,
    "$defs.sentence.properties.state": vocabulary.SENTENCE_STATE,
    "$defs.cancellation.properties.status": vocabulary.CANCELLATION_STATUS,
    "$defs.person.properties.capacity": vocabulary.YES_NO_UNKNOWN,
    "$defs.person.properties.bankruptcy": vocabulary.BANKRUPTCY,
    "$defs.proposer.properties.type": vocabulary.PROPOSER_TYPES,
    "$defs.proposer.properties.capacity": vocabulary.YES_NO_UNKNOWN,
    "$defs.proposer.properties.bankruptcy": vocabulary.BANKRUPTCY,
    "$defs.proposer.if.properties.type": vocabulary.BODY_TYPES,
    **{f"properties.proposal.properties.processing.properties.{item}": vocabulary.DONE
       for item in vocabulary.PROCESSING_ITEMS},
    **{f"properties.proposal.properties.measures.properties.{item}": vocabulary.DONE
       for item in vocabulary.MEASURE_ITEMS},
    # Version 2: the processing table's treatments and the entrustment.
    "properties.draft.properties.processing.items.properties.treatment": vocabulary.TREATMENTS,
    "properties.draft.properties.business.properties.entrusted": vocabulary.ENTRUSTED,
}


def _schema():
    path = SCHEMAS / "answers.schema.json"
    if not path.exists():
        pytest.skip("schemas not on disk")
    return json.loads(path.read_text(encoding="utf-8"))


def _walk(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from _walk(value, f"{path}.{key}".lstrip("."))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")


def test_the_answers_schemas_enums_are_the_vocabularys_values():
    schema = _schema()
    enums = {path: tuple(value) for path, key, value in _walk(schema) if key == "enum"}
    assert enums == SCHEMA_ENUMS
    constants = {value for _, key, value in _walk(schema) if key == "const"}
    # Besides the format's mark and versions, the constants are "unknown" (a date or a count) and the
    # body's excluded "restored" (a value of BANKRUPTCY that BODY_BANKRUPTCY leaves out).
    assert constants == {"proposal-checker/answers", 1, 2, UNKNOWN, "restored"}
    assert set(vocabulary.BANKRUPTCY) - set(vocabulary.BODY_BANKRUPTCY) == {"restored"}


def test_the_answers_schemas_checklists_have_the_vocabularys_items():
    proposal = _schema()["properties"]["proposal"]["properties"]
    assert tuple(proposal["processing"]["properties"]) == vocabulary.PROCESSING_ITEMS
    assert tuple(proposal["measures"]["properties"]) == vocabulary.MEASURE_ITEMS
