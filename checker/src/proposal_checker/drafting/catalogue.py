"""What each document holds, read from ``data/documents.json`` and checked on load.

The file says, for each document, its title, when it is made, and its sections in the statute's
order: each section's heading, the item and basis it answers, and what fills it. Staff follow a
changed form by editing the file; a mistake stops the load with a message that names the field
(``documents[0].sections[3].content[1].answer: names no answer …``), as ``questions.py`` does for
the questions.

The file's format (version 1)::

    {"format": "proposal-checker/documents", "version": 1, "documents": [DOCUMENT, …]}

    DOCUMENT  id, title, basis [citations], sections [SECTION, …]; optional: call_document (the id
              of the paper in the call's data), statement ("112" or "118": the statement of
              法第112条第2項, or of 法第118条第2項's reading, whose numbered items the sections
              must hold, each once and in order), when (CONDITION), per ("proposers[]": one
              document per proposer), pledge (true: made only when no disqualification finding
              fails), dated (true: the proposal day), addressee (text), preamble [ENTRY, …]
    SECTION   id, heading, basis [citations], content [ENTRY, …]; item ("第1号", "別紙", or "");
              convention (text: why a section that no law asks for is there; needed when basis is
              empty); when (CONDITION); page_break_before (true)
    ENTRY     {"label", "answer"[, "optional", "when"]}   a label and the answer that fills it
              {"text"[, "style", "when"]}                  a paragraph (style: quote, red, large…)
              {"note"[, "when"]}                           a remark to the applicant
              {"table", "columns": [{"label", "answer"}…][, "numbered"]}  one row per list element
              {"each", "title", "content": [ENTRY…]}       the entries once per list element
                                                           ("{n}" in the title: its number)
    CONDITION {"answer path": [allowed values, null for "not answered"], …}

Answer paths are those of ``answers.fields.FIELDS``; inside ``each`` and ``table`` they are relative to
the list element (``name`` inside ``proposers[]``). Texts may carry the call's values as
``{issuer}``, ``{agency}``, ``{office}``, ``{postal_code}``, ``{address}``, ``{telephone}``,
``{envelope_marking}``, ``{copies}`` and ``{forms}`` (the address of the agency's forms page).
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

from ..datafiles import read_json
from ..answers.fields import BY_PATH, AnswerField
from .model import STYLES

FORMAT = "proposal-checker/documents"
VERSION = 1

PLACEHOLDERS = ("issuer", "agency", "office", "postal_code", "address", "telephone", "envelope_marking",
                "copies", "forms")

# The numbered items a statement holds, in order. 法第112条第2項 has eight; 法第118条第2項 applies
# 「第一号及び第四号から第八号まで」 (its reading: 「第百十二条第二項中「次に」とあるのは「第一号及び第四号から
# 第八号までに」と…読み替える」).
STATEMENT_ITEMS = {
    "112": ("第1号", "第2号", "第3号", "第4号", "第5号", "第6号", "第7号", "第8号"),
    "118": ("第1号", "第4号", "第5号", "第6号", "第7号", "第8号"),
}
_NUMBERED = re.compile(r"第\d+号")
_ID = re.compile(r"[a-z][a-z0-9-]{0,39}")


class DocumentsError(ValueError):
    """The documents file is not as this module expects; the message names the field."""


@dataclass(frozen=True)
class Condition:
    """Answer paths and the values each may have (None: not answered)."""
    tests: tuple[tuple[str, tuple[Any, ...]], ...] = ()


@dataclass(frozen=True)
class Entry:
    """One thing a section holds; ``kind`` is label, text, note, table or each."""
    kind: str
    label: str = ""
    answer: str = ""              # the path, relative inside each/table
    text: str = ""
    style: str = ""
    optional: bool = False
    when: Condition = Condition()
    columns: tuple[tuple[str, str], ...] = ()   # (label, answer) of a table
    numbered: bool = False
    content: tuple["Entry", ...] = ()


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    item: str
    basis: tuple[str, ...]
    content: tuple[Entry, ...]
    convention: str = ""
    when: Condition = Condition()
    page_break_before: bool = False


@dataclass(frozen=True)
class DocumentSpec:
    id: str
    title: str
    basis: tuple[str, ...]
    sections: tuple[Section, ...]
    call_document: str = ""
    statement: str = ""
    when: Condition = Condition()
    per: str = ""
    pledge: bool = False
    dated: bool = False
    addressee: str = ""
    preamble: tuple[Entry, ...] = ()


# ---------------------------------------------------------------------------------------------
# Reading and checking the file


def _need(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise DocumentsError(f"{where}: {message}")


def _fields(data: Any, where: str, allowed: dict[str, type | tuple[type, ...]], required: tuple[str, ...]) -> dict:
    _need(isinstance(data, dict), where, "must be an object")
    for key, value in data.items():
        _need(key in allowed, f"{where}.{key}", f"unknown field (known: {', '.join(allowed)})")
        kind = allowed[key]
        ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, str))
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        _need(ok, f"{where}.{key}", f"must be a {names}")
    for key in required:
        _need(key in data, f"{where}.{key}", "is missing")
    return data


def _text(value: Any, where: str, empty: bool = False, known: tuple[str, ...] = PLACEHOLDERS) -> str:
    _need(isinstance(value, str) and (empty or value.strip() != ""), where, "must be a non-empty string")
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as e:
        raise DocumentsError(f"{where}: unreadable placeholder ({e}); write {{ and }} only around a placeholder") from None
    for name in names:
        _need(name in known, where, f"unknown placeholder {{{name}}} (known: {', '.join(known)})")
    return value


def _citations(value: Any, where: str) -> tuple[str, ...]:
    _need(isinstance(value, list), where, "must be a list")
    for i, b in enumerate(value):
        _need(isinstance(b, str) and b.strip() != "" and "{" not in b, f"{where}[{i}]", "must be a non-empty citation")
    return tuple(value)


def _field(path: str, where: str, scope: str = "", bound: str = "") -> AnswerField:
    """The answer field ``path`` names; ``scope`` is the list it is relative to ("proposers[]"),
    ``bound`` the list whose one element the document is about (``per``)."""
    _need(isinstance(path, str) and path != "", where, "must be an answer path")
    full = f"{scope}.{path}" if scope else path
    if full not in BY_PATH:
        known = sorted(p[len(scope) + 1:] for p in BY_PATH if scope and p.startswith(scope + "."))
        hint = f" (known inside {scope}: {', '.join(known)})" if scope else " (see answers/fields.py)"
        raise DocumentsError(f"{where}: names no answer {full!r}{hint}")
    field = BY_PATH[full]
    inside = full[:full.index("[]") + 2] if "[]" in full[:-2] else ""
    _need(not inside or inside in (scope, bound), where,
          f"{full} is inside the list {inside}: use it inside each or table")
    return field


def _condition(data: Any, where: str, scope: str = "", bound: str = "") -> Condition:
    _need(isinstance(data, dict) and data, where, "must be a non-empty object of answer paths")
    tests = []
    for path, allowed in data.items():
        field = _field(path, f"{where}.{path}", scope, bound)
        _need(isinstance(allowed, list) and allowed, f"{where}.{path}", "must be a non-empty list of values")
        for i, value in enumerate(allowed):
            if value is None:
                continue
            _need(isinstance(value, str), f"{where}.{path}[{i}]", "must be a string or null")
            if field.options:
                _need(value in field.options, f"{where}.{path}[{i}]",
                      f"{value!r} is not a value of {field.path} (known: {', '.join(field.options)})")
        tests.append((path, tuple(allowed)))
    return Condition(tuple(tests))


_ENTRY = {"label": str, "answer": str, "optional": bool, "when": dict, "text": str, "style": str, "note": str,
          "table": str, "columns": list, "numbered": bool, "each": str, "title": str, "content": list}


def _entry(data: Any, where: str, scope: str, bound: str, nested: bool = True) -> Entry:
    data = _fields(data, where, _ENTRY, ())
    kinds = [k for k in ("label", "text", "note", "table", "each") if k in data]
    _need(len(kinds) == 1, where, "must hold exactly one of label, text, note, table, each")
    kind = kinds[0]
    allowed = {"label": {"label", "answer", "optional", "when"}, "text": {"text", "style", "when"},
               "note": {"note", "when"}, "table": {"table", "columns", "numbered"},
               "each": {"each", "title", "content"}}[kind]
    for key in data:
        _need(key in allowed, f"{where}.{key}", f"does not go with {kind} (with {kind}: {', '.join(sorted(allowed))})")
    when = _condition(data["when"], f"{where}.when", scope, bound) if "when" in data else Condition()
    if kind == "label":
        _need("answer" in data, f"{where}.answer", "is missing")
        field = _field(data["answer"], f"{where}.answer", scope, bound)
        _need(field.kind != "list", f"{where}.answer", f"{field.path} is a list: use table or each")
        return Entry("label", label=_text(data["label"], f"{where}.label"), answer=data["answer"],
                     optional=data.get("optional", False), when=when)
    if kind == "text":
        style = data.get("style", "")
        _need(style in STYLES, f"{where}.style", f"must be one of {', '.join(repr(s) for s in STYLES)}")
        return Entry("text", text=_text(data["text"], f"{where}.text"), style=style, when=when)
    if kind == "note":
        return Entry("note", text=_text(data["note"], f"{where}.note"), when=when)
    # table and each: a list, with paths relative to its elements
    _need(nested, where, f"{kind} cannot be nested inside each")
    lst = _field(data[kind], f"{where}.{kind}", scope, bound)
    _need(lst.kind == "list", f"{where}.{kind}", f"{lst.path} is not a list (lists end in [])")
    _need(not scope, f"{where}.{kind}", "a list inside a list is not supported")
    if kind == "table":
        _need("columns" in data and data["columns"], f"{where}.columns", "must be a non-empty list")
        columns = []
        for i, column in enumerate(data["columns"]):
            cw = f"{where}.columns[{i}]"
            column = _fields(column, cw, {"label": str, "answer": str}, ("label", "answer"))
            field = _field(column["answer"], cw + ".answer", lst.path)
            _need(field.kind != "list", cw + ".answer", f"{field.path} is a list")
            columns.append((_text(column["label"], cw + ".label"), column["answer"]))
        return Entry("table", answer=lst.path, columns=tuple(columns), numbered=data.get("numbered", False))
    _need("content" in data and data["content"], f"{where}.content", "must be a non-empty list")
    # The title of each element may carry its number, {n}, and nothing else.
    title = _text(data["title"], f"{where}.title", empty=True, known=("n",)) if "title" in data else ""
    content = tuple(_entry(e, f"{where}.content[{i}]", lst.path, bound, nested=False)
                    for i, e in enumerate(data["content"]))
    return Entry("each", answer=lst.path, text=title, content=content)


_SECTION = {"id": str, "heading": str, "item": str, "basis": list, "content": list, "convention": str, "when": dict,
            "page_break_before": bool}


def _section(data: Any, where: str, bound: str) -> Section:
    data = _fields(data, where, _SECTION, ("id", "heading", "basis", "content"))
    _need(bool(_ID.fullmatch(data["id"])), f"{where}.id", "must be lower-case letters, digits and hyphens")
    item = data.get("item", "")
    _need(item == "" or item == "別紙" or bool(_NUMBERED.fullmatch(item)), f"{where}.item",
          f"must be 第N号, 別紙 or empty ({item!r})")
    basis = _citations(data["basis"], f"{where}.basis")
    convention = _text(data["convention"], f"{where}.convention") if "convention" in data else ""
    _need(bool(basis) or bool(convention), f"{where}.basis",
          "is empty: name the law the section answers, or say why it is there in convention")
    _need(not (item and convention), f"{where}.convention", "a section answering an item of the law is no convention")
    _need(isinstance(data["content"], list) and data["content"], f"{where}.content", "must be a non-empty list")
    content = tuple(_entry(e, f"{where}.content[{i}]", "", bound) for i, e in enumerate(data["content"]))
    when = _condition(data["when"], f"{where}.when", "", bound) if "when" in data else Condition()
    return Section(id=data["id"], heading=_text(data["heading"], f"{where}.heading"), item=item, basis=basis,
                   content=content, convention=convention, when=when,
                   page_break_before=data.get("page_break_before", False))


_DOCUMENT = {"id": str, "title": str, "basis": list, "sections": list, "call_document": str, "statement": str,
             "when": dict, "per": str, "pledge": bool, "dated": bool, "addressee": str, "preamble": list}


def _document(data: Any, where: str) -> DocumentSpec:
    data = _fields(data, where, _DOCUMENT, ("id", "title", "basis", "sections"))
    _need(bool(_ID.fullmatch(data["id"])), f"{where}.id", "must be lower-case letters, digits and hyphens")
    per = data.get("per", "")
    if per:
        _need(_field(per, f"{where}.per").kind == "list", f"{where}.per", f"{per} is not a list")
    sections = data["sections"]
    _need(isinstance(sections, list) and sections, f"{where}.sections", "must be a non-empty list")
    parsed = tuple(_section(s, f"{where}.sections[{i}]", per) for i, s in enumerate(sections))
    ids = [s.id for s in parsed]
    for i, sid in enumerate(ids):
        _need(sid not in ids[:i], f"{where}.sections[{i}].id", f"{sid!r} is used twice in this document")
    statement = data.get("statement", "")
    if statement:
        _need(statement in STATEMENT_ITEMS, f"{where}.statement", f"must be one of {', '.join(STATEMENT_ITEMS)}")
        numbered = [(i, s.item) for i, s in enumerate(parsed) if _NUMBERED.fullmatch(s.item)]
        expected = STATEMENT_ITEMS[statement]
        for (i, item), want in zip(numbered, expected):
            _need(item == want, f"{where}.sections[{i}].item",
                  f"is {item}, but the statement's items go in the statute's order ({'、'.join(expected)}): {want} comes here")
        _need(len(numbered) == len(expected), f"{where}.sections",
              f"hold the items {'、'.join(i for _, i in numbered)}; the statement needs {'、'.join(expected)}")
    else:
        for i, s in enumerate(parsed):
            _need(not _NUMBERED.fullmatch(s.item), f"{where}.sections[{i}].item",
                  "a numbered item needs the document's statement (\"112\" or \"118\")")
    preamble = tuple(_entry(e, f"{where}.preamble[{i}]", "", per) for i, e in enumerate(data.get("preamble", [])))
    for i, e in enumerate(preamble):
        _need(e.kind in ("text", "note"), f"{where}.preamble[{i}]", "holds text and notes only")
    dated = data.get("dated", False)
    return DocumentSpec(
        id=data["id"], title=_text(data["title"], f"{where}.title"), basis=_citations(data["basis"], f"{where}.basis"),
        sections=parsed, call_document=data.get("call_document", ""), statement=statement,
        when=_condition(data["when"], f"{where}.when") if "when" in data else Condition(),
        per=per, pledge=data.get("pledge", False), dated=dated,
        addressee=_text(data["addressee"], f"{where}.addressee") if "addressee" in data else "",
        preamble=preamble)


def parse_documents(data: Any) -> tuple[DocumentSpec, ...]:
    """The documents in ``data`` (the file's JSON value), checked; raises ``DocumentsError``."""
    data = _fields(data, "documents file", {"format": str, "version": int, "documents": list},
                   ("format", "version", "documents"))
    _need(data["format"] == FORMAT, "format", f"must be {FORMAT!r}")
    _need(data["version"] == VERSION, "version", f"must be {VERSION} (the version this checker reads)")
    _need(bool(data["documents"]), "documents", "must be a non-empty list")
    documents = tuple(_document(d, f"documents[{i}]") for i, d in enumerate(data["documents"]))
    ids = [d.id for d in documents]
    for i, did in enumerate(ids):
        _need(did not in ids[:i], f"documents[{i}].id", f"{did!r} is used twice")
    return documents


_LOADED: tuple[DocumentSpec, ...] | None = None


def packaged_documents() -> tuple[DocumentSpec, ...]:
    """The packaged ``data/documents.json``, read and checked once (on first use, not at import:
    the checker's start in the browser does not pay for it)."""
    global _LOADED
    if _LOADED is None:
        _LOADED = parse_documents(read_json("documents.json"))
    return _LOADED


__all__ = ["Condition", "DocumentSpec", "DocumentsError", "Entry", "Section", "STATEMENT_ITEMS",
           "packaged_documents", "parse_documents"]
