"""The documents made from the answers: ``build_documents(answers, call, failing=…)``.

``answers`` is the answers JSON as a plain dict (version 1, extended with the drafting fields of
``answers.fields.FIELDS``); ``call`` the call's data. Every document the data file lists and the answers
call for is made, in the file's order (the statute's), each dated with the proposal day and
addressed to the call's issuer, marked 下書き.

The drafting package does not run the rules: the caller says which findings of 法第113条 fail
(``failing``, as sentences or ids). The 誓約書 is made only when none does; otherwise it is
listed in ``Draft.withheld`` with the findings that stop it.

Input that has not passed the answers parser is read all the same, never trusted: a value of
the wrong type is left out, a text over its limit is cut, a list over its limit is capped, each
with a sentence in ``Draft.problems`` naming the answer's path. Nothing here raises on content;
only an answers value that is not a dict raises ``DraftError``.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from ..answers import MAX_COUNT
from ..dates import format_date, parse_iso_date
from .catalogue import Condition, DocumentSpec, Entry, Section, packaged_documents
from ..answers.fields import BY_PATH, EMAIL_PATTERN, PHONE_PATTERN, AnswerField
from .model import Document, Draft, Heading, Item, Note, PageBreak, Paragraph, Table, clean, has_control_characters

MISSING = "（未記入）"
UNDATED = "　　　　年　　月　　日"


class DraftError(ValueError):
    """The answers cannot be drafted from at all (not an object)."""


def call_values(call: Any) -> dict[str, str]:
    """The call's values the documents' texts may name (catalogue.PLACEHOLDERS)."""
    return {"issuer": call.issuer, "agency": call.agency_name, "office": call.office,
            "postal_code": call.postal_code, "address": call.address, "telephone": call.telephone,
            "envelope_marking": call.envelope_marking, "copies": str(call.copies),
            "forms": call.links.get("forms", "")}


def build_documents(answers: Any, call: Any, *, failing: Iterable[str],
                    specs: tuple[DocumentSpec, ...] | None = None) -> Draft:
    """The draft documents for ``answers`` under ``call``.

    ``failing``: the findings of 法第113条 that fail (empty: none fails, so the 誓約書 is made).
    ``specs``: the documents' data, the packaged file's by default.
    """
    if not isinstance(answers, dict):
        raise DraftError("回答は {…} のオブジェクトで渡してください")
    reader = _Reader(answers, call_values(call))
    reader.check_shape()
    failing = (failing,) if isinstance(failing, str) else tuple(str(f) for f in failing)
    documents: list[Document] = []
    withheld: list[tuple[str, str]] = []
    for spec in packaged_documents() if specs is None else specs:
        missing = reader.unanswered(spec.when, {})
        if missing:
            withheld.append((spec.id, f"{'、'.join(f'「{m}」' for m in missing)}が未回答のため、作っていません。"))
            continue
        if not reader.holds(spec.when, {}):
            continue
        if spec.pledge and failing:
            withheld.append((spec.id, f"法第113条の欠格事由に当たるという結果があるため、{spec.title}は作っていません"
                                      f"（{'、'.join(failing)}）。"))
            continue
        if spec.per:
            # No proposer yet: one paper all the same, its gaps shown.
            for n, element in enumerate(reader.elements(spec.per) or [{}], 1):
                documents.append(reader.document(spec, {spec.per: (n - 1, element)}, f"{spec.id}-{n}"))
        else:
            documents.append(reader.document(spec, {}, spec.id))
    return Draft(tuple(documents), tuple(withheld), tuple(reader.problems))


class _Reader:
    """Reads values from the answers, words them, and notes each problem once."""

    def __init__(self, answers: dict, values: dict[str, str]):
        self.answers = answers
        self.values = values
        self.problems: list[tuple[str, str]] = []
        self._seen: set[str] = set()
        self._lists: dict[str, list[Any]] = {}

    def problem(self, path: str, message: str) -> None:
        if path not in self._seen:
            self._seen.add(path)
            self.problems.append((path, message))

    def check_shape(self) -> None:
        """Name each object or list of the answers that has another shape (its answers are then
        read as unanswered), whether or not a document needs it."""
        objects = {".".join(f.path.split(".")[:i]) for f in BY_PATH.values() if "[]" not in f.path
                   for i in range(1, f.path.count(".") + 1)}
        for path in sorted(objects):
            value = _walk(self.answers, path.split("."))
            if value is not None and not isinstance(value, dict):
                self.problem(path, "オブジェクト（{ … }）ではないため、中の回答を読めません")
        for field in BY_PATH.values():
            if field.kind == "list" and "[]" not in field.path[:-2]:
                self.elements(field.path)

    def fill(self, text: str) -> str:
        return text.format_map(self.values)

    # -- reading ---------------------------------------------------------------------------------

    def elements(self, path: str) -> list[Any]:
        """The elements of the list at ``path`` ("proposers[]"), capped at the field's limit."""
        if path not in self._lists:
            field = BY_PATH[path]
            raw = _walk(self.answers, path[:-2].split("."))
            where = path[:-2]
            if raw is None:
                items: list[Any] = []
            elif not isinstance(raw, list):
                self.problem(where, "並び（[ … ]）ではないため、下書きに入れていません")
                items = []
            else:
                items = raw[:field.limit]
                if len(raw) > field.limit:
                    self.problem(where, f"{len(raw):,}件あります。下書きには最初の{field.limit:,}件だけを入れました")
                for i, item in enumerate(items):
                    if not isinstance(item, dict):
                        self.problem(f"{where}[{i}]", "オブジェクト（{ … }）ではないため、空として扱いました")
                items = [item if isinstance(item, dict) else {} for item in items]
            self._lists[path] = items
        return self._lists[path]

    def raw(self, path: str, scope: str, bound: dict[str, tuple[int, dict]]) -> tuple[Any, str, AnswerField]:
        """The raw value at ``path`` (relative to ``scope``'s element when inside each/table),
        the concrete path for messages (``proposers[1].address``), and its field."""
        full = f"{scope}.{path}" if scope else path
        field = BY_PATH[full]
        if "[]" in full[:-2]:
            lst = full[:full.index("[]") + 2]
            index, element = bound[lst]
            rest = full[len(lst) + 1:]
            return _walk(element, rest.split(".")), f"{lst[:-2]}[{index}].{rest}", field
        return _walk(self.answers, full.split(".")), full, field

    def value(self, path: str, scope: str, bound: dict) -> Any:
        """The checked value (str, int or date), or None when unanswered or unusable."""
        raw, where, field = self.raw(path, scope, bound)
        if raw is None or raw == "":
            return None
        kind = field.kind
        if kind in ("text", "narrative", "phone", "email"):
            if not isinstance(raw, str):
                self.problem(where, "文字列ではないため、下書きに入れていません")
                return None
            # Only the head of a huge string is looked at, so its size costs nothing more.
            head = (raw if len(raw) <= 2 * field.limit else raw[:2 * field.limit]).strip()
            text = clean(head)
            if len(head) > field.limit or len(raw) > 2 * field.limit:
                text = clean(head[:field.limit]) + f"…（以下{len(raw) - field.limit:,}文字を省略）"
                self.problem(where, f"長すぎます（{len(raw):,}文字）。最初の{field.limit:,}文字だけを入れました")
            elif has_control_characters(raw):
                self.problem(where, "文書に書けない制御文字（見えない文字）があったため、取り除きました")
            if kind == "phone" and not PHONE_PATTERN.fullmatch(text):
                self.problem(where, "電話番号は、数字とハイフンで書いてください（例：03-1234-5678）")
            if kind == "email" and not EMAIL_PATTERN.fullmatch(text):
                self.problem(where, "電子メールアドレスの形ではありません（例：name@example.jp）")
            return text or None
        if kind == "choice":
            if not isinstance(raw, str) or raw not in field.options:
                self.problem(where, f"使えない値のため、下書きに入れていません（使えるのは {' / '.join(field.options)}）")
                return None
            return raw
        if kind == "date":
            try:
                return parse_iso_date(raw)
            except (ValueError, TypeError):
                if raw != "unknown":
                    self.problem(where, "日付は \"YYYY-MM-DD\" で書いてください。下書きには入れていません")
                return None
        if kind == "count":
            if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= MAX_COUNT:
                self.problem(where, f"0から{MAX_COUNT:,}までの整数ではないため、下書きに入れていません")
                return None
            return raw
        return None  # a list is read with elements()

    def words(self, path: str, scope: str, bound: dict) -> str | None:
        """The value as the documents write it, or None."""
        value = self.value(path, scope, bound)
        if value is None:
            return None
        field = BY_PATH[f"{scope}.{path}" if scope else path]
        if field.kind == "choice":
            return field.options[value]
        if field.kind == "date":
            return format_date(value, weekday=False)
        if field.kind == "count":
            return f"{value:,}{field.unit}"
        return value

    def holds(self, condition: Condition, bound: dict, scope: str = "") -> bool:
        for path, allowed in condition.tests:
            if self.value(path, scope, bound) not in allowed:
                return False
        return True

    def unanswered(self, condition: Condition, bound: dict) -> list[str]:
        """The labels of the paths a condition needs that are unanswered (and may not be)."""
        return [BY_PATH[path].label for path, allowed in condition.tests
                if None not in allowed and self.value(path, "", bound) is None]

    # -- making ----------------------------------------------------------------------------------

    def document(self, spec: DocumentSpec, bound: dict, doc_id: str) -> Document:
        blocks: list[Any] = []
        for entry in spec.preamble:
            blocks.extend(self.entry(entry, "", bound))
        for section in spec.sections:
            if section.when.tests and not self.holds(section.when, bound):
                continue
            blocks.extend(self.section(section, bound))
        day = self.value("submission.date", "", bound)
        return Document(
            id=doc_id, title=spec.title, blocks=tuple(blocks), basis=spec.basis,
            date_line=(format_date(day, weekday=False) if isinstance(day, date) else UNDATED) if spec.dated else "",
            addressee=self.fill(spec.addressee) if spec.addressee else "")

    def section(self, section: Section, bound: dict) -> list[Any]:
        blocks: list[Any] = [PageBreak()] if section.page_break_before else []
        blocks.append(Heading(section.heading, section.item, section.basis, section.id))
        if section.convention:
            blocks.append(Note(self.fill(section.convention)))
        for entry in section.content:
            blocks.extend(self.entry(entry, "", bound))
        return blocks

    def entry(self, entry: Entry, scope: str, bound: dict) -> list[Any]:
        if entry.when.tests and not self.holds(entry.when, bound, scope):
            return []
        if entry.kind == "label":
            words = self.words(entry.answer, scope, bound)
            if words is None:
                return [] if entry.optional else [Item(entry.label, MISSING, missing=True)]
            return [Item(entry.label, words)]
        if entry.kind == "text":
            return [Paragraph(self.fill(entry.text), entry.style)]
        if entry.kind == "note":
            return [Note(self.fill(entry.text))]
        if entry.kind == "table":
            return [self.table(entry, bound)]
        # each: the entries once per element (only the bound one in a document made per element)
        blocks: list[Any] = []
        if entry.answer in bound:
            elements = [bound[entry.answer]]
        else:
            # No element yet: the labels all the same, each 「（未記入）」, so the gap shows.
            elements = list(enumerate(self.elements(entry.answer))) or [(0, {})]
        for index, element in elements:
            inner = dict(bound, **{entry.answer: (index, element)})
            if entry.text:
                blocks.append(Paragraph(entry.text.replace("{n}", str(index + 1))))
            for e in entry.content:
                blocks.extend(self.entry(e, entry.answer, inner))
        return blocks

    def table(self, entry: Entry, bound: dict) -> Table:
        rows = []
        for index, element in enumerate(self.elements(entry.answer)):
            inner = dict(bound, **{entry.answer: (index, element)})
            cells = [self.words(path, entry.answer, inner) or "" for _, path in entry.columns]
            rows.append(((str(index + 1),) if entry.numbered else ()) + tuple(cells))
        raw = _walk(self.answers, entry.answer[:-2].split("."))
        omitted = max(0, len(raw) - len(rows)) if isinstance(raw, list) else 0
        columns = (("番号",) if entry.numbered else ()) + tuple(label for label, _ in entry.columns)
        if not rows:
            rows.append(tuple([""] * len(columns)))
        return Table(columns, tuple(rows), omitted=omitted)


def _walk(data: Any, parts: list[str]) -> Any:
    for part in parts:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


__all__ = ["DraftError", "MISSING", "build_documents", "call_values"]
