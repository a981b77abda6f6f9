"""The package's data files (``data/*.json``), read as plain files.

Not importlib.resources: at the page's start-up in the browser it would import pathlib, zipfile
and tempfile (about 0.1 s in Pyodide), and the wheel is always unpacked to a real folder.
"""
from __future__ import annotations

import json
import os
import string
from typing import Any

FOLDER = os.path.join(os.path.dirname(__file__), "data")


def read_json(name: str) -> Any:
    """The decoded data/``name``."""
    with open(os.path.join(FOLDER, name), encoding="utf-8") as source:
        return json.load(source)


def template_problem(text: str, allowed: tuple[str, ...]) -> str | None:
    """What is wrong with a data file's text whose ``{name}`` placeholders must be among ``allowed``
    (None when nothing is): the message the file's reader puts after the field's name."""
    try:
        named = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        return str(error)
    for name in sorted(named - set(allowed)):
        return f"unknown placeholder {{{name}}} (known here: {', '.join(allowed) or 'none'})"
    return None
