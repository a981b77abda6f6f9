"""Places in the answers: a path such as ``("proposers", 0, "birth_date")`` in the nested dict
of the answers JSON, and the form field name and element id made from it."""
from __future__ import annotations

from typing import Any

Path = tuple[Any, ...]


def path_name(path: Path) -> str:
    """("proposers", 0, "officers", 1, "birth_date") -> "p0.o1.birth_date"."""
    parts: list[str] = []
    i = 0
    while i < len(path):
        part = path[i]
        if part in ("proposers", "officers") and i + 1 < len(path) and isinstance(path[i + 1], int):
            parts.append(("p" if part == "proposers" else "o") + str(path[i + 1]))
            i += 2
            continue
        parts.append(str(part))
        i += 1
    return ".".join(parts)


def field_id(name: str) -> str:
    return "f-" + name.replace(".", "-").replace("_", "-")


def get(data: Any, path: Path) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
        if data is None:
            return None
    return data


def put(data: dict, path: Path, value: Any) -> None:
    for i, part in enumerate(path[:-1]):
        nxt = path[i + 1]
        empty: Any = [] if isinstance(nxt, int) else {}
        if isinstance(part, int):
            while len(data) <= part:
                data.append({})
            if not isinstance(data[part], (dict, list)):
                data[part] = empty
            data = data[part]
        else:
            if not isinstance(data.get(part), (dict, list)):
                data[part] = empty
            data = data[part]
    last = path[-1]
    if isinstance(last, int):
        while len(data) <= last:
            data.append({})
    data[last] = value


def delete(data: Any, path: Path) -> None:
    parent = get(data, path[:-1]) if len(path) > 1 else data
    if isinstance(parent, dict):
        parent.pop(path[-1], None)
        # An empty sub-object (sentence: {}) means nothing was answered.
        if not parent and len(path) > 1 and isinstance(path[-2], str):
            delete(data, path[:-1])
