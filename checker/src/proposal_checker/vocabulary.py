"""The answers a person picks: every enumerated value of the answers format, and its words.

The values are the format's (versions 1 and 2: a saved file holds them, checker/FORMAT.md and the schema
list them) and are written here once: the answers reader accepts these and no others, the questions
offer them, the rules compare with them. A test ties the schema's enums to them.

The words a person sees for each value live in ``data/vocabulary.json``, so staff can correct them
without touching Python::

    {"unknown": "わからない",
     "choices": {"capacity": {"no": "当たらない", "yes": "当たる"}, …}}

``unknown`` is the word for "unknown" wherever an answer offers it (a radio option, the box beside a
date or a count). ``choices`` gives, for each answer picked from a list (a name of ``CHOICES``), the
words of each of its values, in the order the page lists them; an entry may leave out "unknown" (it
then reads ``unknown``) or give other words for it (the submission method's 「まだ決めていない」).
The file is checked on load; a mistake stops the load with a message that names the field.

A leaf: this module imports nothing of the package but the data file's reader, so whatever reads
answers reads the same values.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .datafiles import read_json

UNKNOWN = "unknown"

KINDS = ("new", "existing-new-user", "existing-change", "existing-extend")
PROPOSER_TYPES = ("individual", "corporation", "organisation")
BODY_TYPES = ("corporation", "organisation")
YES_NO_UNKNOWN = ("no", "yes", UNKNOWN)
BANKRUPTCY = ("none", "restored", "not-restored", UNKNOWN)
# A body has no 復権 (破産法第255条・第256条): for it "not-restored" means a 破産手続開始の決定 in effect.
BODY_BANKRUPTCY = ("none", "not-restored", UNKNOWN)
SENTENCE_STATUS = ("none", "yes", UNKNOWN)
# "partly-suspended": 刑の一部の執行猶予 (刑法第27条の2), which none of the others fits (always review).
SENTENCE_STATE = ("serving", "ended", "suspended", "suspension-completed", "partly-suspended", UNKNOWN)
CANCELLATION_STATUS = ("none", "yes", UNKNOWN)
DONE = ("yes", "not-yet")
METHODS = ("hand", "post", UNKNOWN)
# The items of a checklist answer (each answered with a value of DONE).
PROCESSING_ITEMS = ("identifiers", "individual_codes", "linking_codes", "idiosyncratic", "other")
MEASURE_ITEMS = ("purpose_method", "access_control", "leak_prevention", "staff", "disposal", "incidents")
# Version 2 (the drafts): how one 記録項目 of the processing table is treated (法第112条第2項第4号,
# 規則第62条; PPC Q&A Q6-1-5 asks for the method item by item, with its granularity); "not-requested"
# leaves the item out of the product. And whether any handling of the data is entrusted (第5号).
TREATMENTS = ("delete", "replace", "generalise", "top-bottom", "keep", "not-requested")
ENTRUSTED = ("no", "yes")

# Each answer picked from a list, by the name its words have in data/vocabulary.json: its values in
# the order the page lists them. Two answers may share values and differ in words (capacity, agent).
CHOICES: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "proposer_type": PROPOSER_TYPES,
    "capacity": YES_NO_UNKNOWN,
    "bankruptcy": BANKRUPTCY,
    "body_bankruptcy": BODY_BANKRUPTCY,
    "sentence_status": SENTENCE_STATUS,
    "sentence_state": SENTENCE_STATE,
    "cancellation_status": CANCELLATION_STATUS,
    "processing": PROCESSING_ITEMS,
    "contribution": DONE,
    "period_of_use": DONE,
    "measures": MEASURE_ITEMS,
    "method": METHODS,
    "agent": YES_NO_UNKNOWN,
    "treatment": TREATMENTS,
    "entrusted": ENTRUSTED,
}


class VocabularyError(ValueError):
    """The words file is not as this module expects; the message names the field."""


@dataclass(frozen=True)
class Words:
    unknown: str                              # 「わからない」
    choices: dict[str, dict[str, str]]        # answer name -> value -> words, in the page's order

    def label(self, choice: str, value: str) -> str:
        """The words the page shows for ``value`` of the answer ``choice``."""
        return self.choices[choice][value]


def _need(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise VocabularyError(f"vocabulary.json: {where}: {message}")


def _words(value: Any, where: str) -> str:
    _need(isinstance(value, str) and value.strip() != "", where, "must be a non-empty string")
    return value


def parse_words(data: Any) -> Words:
    """The words in ``data`` (the decoded data/vocabulary.json), checked against ``CHOICES``."""
    _need(isinstance(data, dict), "the file", "must be an object")
    for key in data:
        _need(key in ("unknown", "choices"), key, "unknown field (known: unknown, choices)")
    unknown = _words(data.get("unknown"), "unknown")
    raw = data.get("choices")
    _need(isinstance(raw, dict), "choices", "must be an object")
    for name in raw:
        _need(name in CHOICES, f"choices.{name}", f"names no answer (known: {', '.join(CHOICES)})")
    choices = {}
    for name, values in CHOICES.items():
        entry = raw.get(name)
        _need(isinstance(entry, dict), f"choices.{name}", "is missing (an object of each value's words)")
        for value in entry:
            _need(value in values, f"choices.{name}.{value}",
                  f"names no value of this answer (its values: {', '.join(values)})")
        for value in values:
            _need(value in entry or value == UNKNOWN, f"choices.{name}.{value}", "is missing (the value's words)")
        choices[name] = {v: _words(entry[v], f"choices.{name}.{v}") if v in entry else unknown for v in values}
    return Words(unknown, choices)


WORDS = parse_words(read_json("vocabulary.json"))
UNKNOWN_LABEL = WORDS.unknown


def label(choice: str, value: str) -> str:
    """The words the page shows for ``value`` of the answer ``choice`` (a name of ``CHOICES``)."""
    return WORDS.label(choice, value)
