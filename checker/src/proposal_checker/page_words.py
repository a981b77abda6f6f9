"""The words of the checker page's own script (docs/assets/checker/checker.js), read from
``data/page.json`` and checked on load.

checker.js holds no Japanese: what it says while Python loads, waits or fails comes from this
file, through the build (build/hooks/opening.py puts the words into the checker page's data
block, and fills the loading lines the page shows before its script runs). Each entry has the
text and, for staff, when the page shows it (``when``). A value the page fills in is written
``{name}``; ``WORDS`` below lists, for each word checker.js uses, the names its text must carry.

Read by the build only: the worker's Python never imports this module.
"""
from __future__ import annotations

import re
from typing import Any

from .datafiles import read_json

# Each word checker.js uses, with the values it fills in.
WORDS: dict[str, tuple[str, ...]] = {
    "plan": ("size",),
    "smaller": ("size",),
    "smaller_chosen": ("size",),
    "fallback": ("size",),
    "progress": ("percent",),
    "files_in": (),
    "waiting": (),
    "busy": ("seconds",),
    "seconds": ("seconds",),
    "ready": (),
    "trouble": (),
    "stalled": ("seconds",),
    "start_limit": ("seconds",),
    "load_failed": (),
    "no_webassembly": (),
}

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class PageWordsError(ValueError):
    """The page's words file is not as this module expects; the message names the field."""


def _need(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise PageWordsError(f"{where}: {message}")


def parse_words(data: Any) -> dict[str, str]:
    """``data`` (the file's JSON) checked: every word checker.js uses, no other, each a text
    carrying exactly the values the page fills in. Returns word → text."""
    _need(isinstance(data, dict), "page words file", "must be an object")
    for key in data:
        _need(key == "words", key, "unknown field (known: words)")
    _need("words" in data, "words", "is missing")
    words = data["words"]
    _need(isinstance(words, dict), "words", "must be an object")
    for name in words:
        _need(name in WORDS, f"words.{name}", f"unknown word: checker.js uses {', '.join(WORDS)}")
    out = {}
    for name, wanted in WORDS.items():
        where = f"words.{name}"
        _need(name in words, where, "is missing")
        entry = words[name]
        _need(isinstance(entry, dict), where, "must be an object with text and when")
        for key in entry:
            _need(key in ("text", "when"), f"{where}.{key}", "unknown field (known: text, when)")
        for key in ("text", "when"):
            _need(isinstance(entry.get(key), str) and entry[key].strip() != "", f"{where}.{key}",
                  "must be a non-empty string")
        text = entry["text"]
        _need(text.count("{") == text.count("}") == len(_PLACEHOLDER.findall(text)), f"{where}.text",
              "has a brace that is not part of a {name}")
        found = _PLACEHOLDER.findall(text)
        for value in found:
            _need(value in wanted, f"{where}.text", f"unknown placeholder {{{value}}} (known here: "
                  + (", ".join("{" + w + "}" for w in wanted) or "none") + ")")
        for value in wanted:
            _need(value in found, f"{where}.text", f"must say {{{value}}}")
        out[name] = text
    return out


def load() -> dict[str, str]:
    """The packaged file's words (a plain file read, as for questions.json)."""
    return parse_words(read_json("page.json"))


def fill(text: str, **values: Any) -> str:
    """A word's text with its values put in, as checker.js does."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), text)


__all__ = ["WORDS", "PageWordsError", "fill", "load", "parse_words"]
