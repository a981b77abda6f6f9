"""Escaping and attribute writing, shared by the page (render) and the input types (inputs)."""
from __future__ import annotations

from html import escape
from typing import Any


def esc(value: Any) -> str:
    return escape(str(value), quote=True)


def attrs(**attrs: Any) -> str:
    """Attributes in order; ``True`` writes the bare name, ``None``/``False`` leaves it out."""
    out = []
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(out)
