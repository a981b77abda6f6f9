"""The interview's own words, read from ``data/wording.json`` and checked on load: each step's title,
heading and lead, the headings and leads of the pages that are not steps, and what the page
announces. The questions' words are in data/questions.json, the answers' in data/vocabulary.json;
flow.py keeps only the structure (which steps, in which order, asking which questions).

``steps`` gives the words of each kind of step (``person`` and ``body``: the disqualification step
of an individual and of a body; ``product``: the file step of a proposal under 法第118条; ``draft-…``:
the drafting steps, 提案書の下書き, whose page is ``pages.draft``). Words
may hold placeholders: ``{number}``, ``{person}``, ``{officer}`` (filled by flow.py), the step
caption's ``{number}``, ``{total}`` and ``{title}``, a count's ``{count}``, the start page's
``{period}``; a lead or the start page's disclaimer may name the call's values as the questions'
hints do (``{agency}``, ``{minimum_population}``, ``{certificate_months}``, filled by
questions.call_text). A mistake stops the load with a message that names the field.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .datafiles import read_json, template_problem

CALL = ("agency", "minimum_population", "certificate_months")

# Each part of the file: its fields, each with the placeholders it may hold ("?": the field may be left out).
_STEP = {"title": (), "heading": (), "lead?": CALL}
_SPEC: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "steps": {
        "kind": _STEP,
        "proposers": {**_STEP, "section": ("number",), "add": (), "remove": ("number",)},
        "person": {"title": ("person",), "heading": ("person",), "lead?": CALL},
        "body": {"title": ("person",), "heading": ("person",), "lead?": CALL, "officer": ("person", "officer"),
                 "add": (), "remove": ("number",)},
        "file": _STEP,
        "product": _STEP,
        "processing": _STEP,
        "content": _STEP,
        "submission": {**_STEP, "certificate": ("person",)},
        # The drafting steps (提案書の下書き), one per topic of data/questions.json's draft_topics.
        "draft-proposers": _STEP,
        "draft-contact": _STEP,
        "draft-file": _STEP,
        "draft-product": {**_STEP, "contract": ()},
        "draft-processing": {**_STEP, "section": ("number",), "add": (), "remove": ("number",)},
        "draft-business": _STEP,
        "draft-period": _STEP,
        "draft-measures": _STEP,
        "draft-other": {**_STEP, "delivery": (), "contribution": ()},
        "draft-agent": _STEP,
    },
    "pages": {
        "step": {"caption": ("number", "total", "title"), "draft_caption": ("number", "total", "title")},
        "start": {"heading": (), "items": (), "period": ("period",), "disclaimer": CALL},
        "review": {"heading": (), "lead": ()},
        "result": {"heading": ()},
        "clear": {"heading": (), "lead": ()},
        "draft": {"heading": (), "lead": CALL, "download": (), "print": (), "withheld": (), "problems": (), "gaps": (),
                  "copied": ("item",), "copy_failed": (), "saved": (), "link_heading": (), "link_lead": (), "link": (),
                  "start_lead": ()},
    },
    "messages": {"": {
        "errors": ("count",), "saved": (), "loaded": (), "check_loaded": (), "not_loaded": (), "kept": (),
        "unreadable": (), "more_problems": ("count",), "cleared": (), "proposer_added": ("number",),
        "proposer_removed": ("number",), "officer_added": ("number",), "officer_removed": ("number",),
        "row_added": ("number",), "row_removed": ("number",), "drafted": ("items",),
    }},
}


class WordingError(ValueError):
    """The wording file is not as this module expects; the message names the field."""


def _need(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise WordingError(f"wording.json: {where}: {message}")


def _words(value: Any, where: str, allowed: tuple[str, ...]) -> str:
    _need(isinstance(value, str) and value.strip() != "", where, "must be a non-empty string")
    problem = template_problem(value, allowed)
    _need(problem is None, where, problem or "")
    return value


def _entry(data: Any, where: str, spec: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    _need(isinstance(data, dict), where, "must be an object")
    fields = {name.rstrip("?"): (name.endswith("?"), allowed) for name, allowed in spec.items()}
    for key in data:
        _need(key in fields, f"{where}.{key}", f"unknown field (known: {', '.join(fields)})")
    out: dict[str, Any] = {}
    for name, (optional, allowed) in fields.items():
        if name not in data:
            _need(optional, f"{where}.{name}", "is missing")
            continue
        value = data[name]
        if isinstance(value, list):
            _need(bool(value), f"{where}.{name}", "must be a non-empty list")
            out[name] = tuple(_words(v, f"{where}.{name}[{i}]", allowed) for i, v in enumerate(value))
        else:
            out[name] = _words(value, f"{where}.{name}", allowed)
    return out


@dataclass(frozen=True)
class Wording:
    steps: dict[str, dict[str, str]]
    pages: dict[str, dict[str, Any]]
    messages: dict[str, str]


def parse_wording(data: Any) -> Wording:
    """The words in ``data`` (the decoded data/wording.json)."""
    _need(isinstance(data, dict), "the file", "must be an object")
    for key in data:
        _need(key in _SPEC, key, f"unknown part (known: {', '.join(_SPEC)})")
    parts = {}
    for part, entries in _SPEC.items():
        _need(part in data, part, "is missing")
        if "" in entries:   # a part that is one entry
            parts[part] = _entry(data[part], part, entries[""])
            continue
        raw = data.get(part)
        _need(isinstance(raw, dict), part, "must be an object")
        for name in raw:
            _need(name in entries, f"{part}.{name}", f"unknown entry (known: {', '.join(entries)})")
        for name in entries:
            _need(name in raw, f"{part}.{name}", "is missing")
        parts[part] = {name: _entry(raw[name], f"{part}.{name}", spec) for name, spec in entries.items()}
    return Wording(**parts)


WORDING = parse_wording(read_json("wording.json"))
STEPS, PAGES, MESSAGES = WORDING.steps, WORDING.pages, WORDING.messages
