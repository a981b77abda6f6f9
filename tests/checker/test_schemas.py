"""The JSON Schemas in checker/schemas describe what the code reads and writes.

Checked with a small validator for the subset of JSON Schema the two files use (the tests
use the standard library only). Skipped where the schemas are not on disk (a wheel-only run).
"""
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from proposal_checker.answers import parse_answers
from proposal_checker.dates import JST
from proposal_checker.evaluate import evaluate

from calls import CALL_IDS, load as load_call, resolve
from drafts import KINDS, answers as draft_answers
from proposal_checker.answers.fields import FIELDS
from scenarios import SCENARIOS, answers_of

SCHEMAS = Path(__file__).resolve().parents[2] / "checker" / "schemas"


def load(name):
    path = SCHEMAS / name
    if not path.exists():
        pytest.skip("schemas not on disk")
    return json.loads(path.read_text(encoding="utf-8"))


def validate(value, schema, root, path="$"):
    """Raise AssertionError naming the path where ``value`` breaks ``schema``."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return validate(value, target, root, path)
    if "oneOf" in schema:
        matches = 0
        for option in schema["oneOf"]:
            try:
                validate(value, option, root, path)
                matches += 1
            except AssertionError:
                pass
        assert matches == 1, f"{path}: matches {matches} of oneOf"
    if "const" in schema:
        assert value == schema["const"] and type(value) is type(schema["const"]), f"{path}: not {schema['const']!r}"
    if "enum" in schema:
        assert value in schema["enum"], f"{path}: {value!r} not in enum"
    kind = schema.get("type")
    if kind == "object":
        assert isinstance(value, dict), f"{path}: not an object"
        for key in schema.get("required", []):
            assert key in value, f"{path}: missing {key}"
        props = schema.get("properties", {})
        for key, item in value.items():
            if key in props:
                validate(item, props[key], root, f"{path}.{key}")
            else:
                assert schema.get("additionalProperties", True) is not False, f"{path}: unexpected {key}"
    elif kind == "array":
        assert isinstance(value, list), f"{path}: not an array"
        assert len(value) >= schema.get("minItems", 0) and len(value) <= schema.get("maxItems", 10**9), path
        for i, item in enumerate(value):
            validate(item, schema.get("items", {}), root, f"{path}[{i}]")
    elif kind == "string":
        assert isinstance(value, str), f"{path}: not a string"
        assert len(value) <= schema.get("maxLength", 10**9), path
        if "pattern" in schema:
            assert re.search(schema["pattern"], value), f"{path}: {value!r} does not match"
    elif kind == "integer":
        assert isinstance(value, int) and not isinstance(value, bool), f"{path}: not an integer"
        assert schema.get("minimum", -10**18) <= value <= schema.get("maximum", 10**18), path


CASES = [(s, call_id) for s in SCENARIOS for call_id in CALL_IDS if call_id in s.get("calls", CALL_IDS)]


@pytest.mark.parametrize("scenario, call_id", CASES, ids=[f"{call_id}: {s['name']}" for s, call_id in CASES])
def test_every_scenario_is_valid_answers_and_gives_a_valid_result(scenario, call_id):
    answers_schema, result_schema = load("answers.schema.json"), load("result.schema.json")
    call = load_call(call_id)
    answers = resolve(answers_of(scenario), call)
    validate(answers, answers_schema, answers_schema)
    result = evaluate(parse_answers(answers), call, now=datetime(2026, 2, 10, tzinfo=JST))
    validate(result.to_json(), result_schema, result_schema)


@pytest.mark.parametrize("bad", [
    {"format": "proposal-checker/answers", "version": 3},
    {"format": "proposal-checker/answers", "version": 2, "draft": {"processing": [{"treatment": "shred"}]}},
    {"format": "proposal-checker/answers", "version": 2, "draft": {"business": {"purpose": "長" * 2001}}},
    {"format": "proposal-checker/answers", "version": 2, "draft": {"contact": {"email": "no-at-sign"}}},
    {"format": "proposal-checker/answers", "version": 2, "draft": {"period": {"start": "2026-7-1"}}},
    {"format": "proposal-checker/answers", "version": 2, "draft": {"measures": {"colour": "red"}}},
    {"format": "proposal-checker/answers", "version": 2, "proposers": [{"address": "東" * 201}]},
    {"format": "proposal-checker/answers", "version": 1, "extra": 1},
    {"format": "proposal-checker/answers", "version": 1, "proposers": []},
    {"format": "proposal-checker/answers", "version": 1, "proposal": {"population": True}},
    {"format": "proposal-checker/answers", "version": 1, "submission": {"time": "24:00"}},
])
def test_the_answers_schema_rejects_what_the_parser_rejects(bad):
    schema = load("answers.schema.json")
    with pytest.raises(AssertionError):
        validate(bad, schema, schema)


@pytest.mark.parametrize("kind", KINDS)
def test_a_saved_draft_of_every_kind_is_valid_answers(kind, call):
    schema = load("answers.schema.json")
    data = parse_answers(draft_answers(kind, call)).to_json()
    assert data["version"] == 2 and data["draft"]
    validate(data, schema, schema)


def _leaves(node, path=""):
    """(answer path, schema) of every leaf under a schema's properties, "[]" for an array's items."""
    for key, value in node.get("properties", {}).items():
        here = f"{path}.{key}" if path else key
        if value.get("type") == "object":
            yield from _leaves(value, here)
        elif value.get("type") == "array":
            yield here + "[]", value
            yield from _leaves(value["items"], here + "[]")
        else:
            yield here, value


def test_the_schemas_draft_fields_are_the_fields_list_with_its_limits():
    schema = load("answers.schema.json")
    described = dict(_leaves(schema["properties"]["draft"], "draft"))
    proposer = schema["$defs"]["proposer"]["properties"]
    described["proposers[].address"] = proposer["address"]
    described.update((f"proposers[].representative.{k}", v) for k, v in proposer["representative"]["properties"].items())
    new = {f.path: f for f in FIELDS if f.new}
    assert set(described) == set(new)
    for path, f in new.items():
        node = described[path]
        if f.kind == "list":
            assert node["maxItems"] == f.limit, path
        elif f.kind == "choice":
            assert node["enum"] == list(f.options), path
        elif f.kind == "date":
            assert node["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", path
        else:
            assert node["type"] == "string" and node["maxLength"] == f.limit, path
