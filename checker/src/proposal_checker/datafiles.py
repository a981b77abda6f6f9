"""The package's data files (``data/*.json``), read as plain files.

Not importlib.resources: at the page's start-up in the browser it would import pathlib, zipfile
and tempfile (about 0.1 s in Pyodide), and the wheel is always unpacked to a real folder.
"""
from __future__ import annotations

import json
import os
from typing import Any

FOLDER = os.path.join(os.path.dirname(__file__), "data")


def read_json(name: str) -> Any:
    """The decoded data/``name``."""
    with open(os.path.join(FOLDER, name), encoding="utf-8") as source:
        return json.load(source)
