"""The neutral document model the three renderers share, and the limits that keep it safe.

A ``Document`` is a title, the 下書き mark, a date line, an addressee, then blocks: headings
that name their item and legal basis, paragraphs, label/value items, bordered tables, notes and
page breaks. The model holds text only; how it looks is each renderer's business (``word``,
``preview``, ``plain``).

Every string is cleaned when a block is made, so no renderer ever sees text it cannot write:

- characters XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) and
  lone surrogates (which JSON can carry and UTF-8 cannot encode) are removed, and so are DEL and the
  C1 controls (U+007F–U+009F), which XML allows but no one types;
- line breaks (``\\r\\n``, ``\\r``, U+2028, U+2029) become ``\\n``; tabs are kept;
- a string longer than ``MAX_BLOCK_TEXT`` is cut, with a visible note saying how much was left out.

A table keeps at most ``MAX_TABLE_ROWS`` rows; the rest are counted in ``Table.omitted`` and
the renderers say so under the table. The answers format limits each field well below these
caps (``answers/fields.py``); the caps are the last guard, for input that never passed through it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..answers.fields import MAX_TABLE_ROWS

# The last guards (see the module's docstring). A narrative answer is at most 2,000 characters
# (answers.fields.NARRATIVE); a block may join a few of them, so the cap leaves room before it cuts.
# A table keeps at most MAX_TABLE_ROWS rows, the processing table's limit in the answers format.
MAX_BLOCK_TEXT = 10_000
MAX_TABLE_COLUMNS = 8

DRAFT_MARK = "下書き"

# XML 1.0 §2.2 allows #x9, #xA, #xD, #x20–#xD7FF, #xE000–#xFFFD and #x10000–#x10FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")


def has_control_characters(text: str) -> bool:
    """Whether ``clean`` would remove characters from ``text`` (not counting line breaks)."""
    return _FORBIDDEN.search(text) is not None


def clean(text: object, limit: int = MAX_BLOCK_TEXT) -> str:
    """``text`` as a string every renderer can write, cut to ``limit`` characters with a note."""
    value = text if isinstance(text, str) else str(text)
    # Cut before cleaning, so a huge string costs no more than its first ``limit`` characters.
    extra = len(value) - limit
    value = _FORBIDDEN.sub("", _BREAKS.sub("\n", value[:limit] if extra > 0 else value))
    return value + f"…（以下{extra:,}文字を省略）" if extra > 0 else value


@dataclass(frozen=True)
class Heading:
    """A section's heading: its words, the item it answers (「第1号」, 「別紙」, or "" for a
    convention of the form) and the legal basis (「法第112条第2項第1号」); ``id`` is unique
    in its document and names the section for the copy buttons."""
    text: str
    item: str = ""
    basis: tuple[str, ...] = ()
    id: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean(self.text))
        object.__setattr__(self, "item", clean(self.item, 50))
        object.__setattr__(self, "basis", tuple(clean(b, 200) for b in self.basis))
        object.__setattr__(self, "id", re.sub(r"[^a-z0-9-]", "-", self.id.lower())[:60])

    @property
    def line(self) -> str:
        """The heading as one line: 「第1号　提案をする者の…（法第112条第2項第1号）」."""
        basis = f"（{'、'.join(self.basis)}）" if self.basis else ""
        return f"{self.item}　{self.text}{basis}" if self.item else f"{self.text}{basis}"


STYLES = ("", "quote", "red", "large", "center", "right")


@dataclass(frozen=True)
class Paragraph:
    """Running text; ``style`` is one of ``STYLES`` (a quotation, the envelope's red words…)."""
    text: str
    style: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean(self.text))
        if self.style not in STYLES:
            raise ValueError(f"paragraph style {self.style!r} is not one of {STYLES}")


@dataclass(frozen=True)
class Item:
    """A label and the value typed for it; ``missing`` when nothing was typed (the value then
    says so, 「（未記入）」, so the applicant sees what is left to write)."""
    label: str
    value: str
    missing: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", clean(self.label, 200))
        object.__setattr__(self, "value", clean(self.value))


@dataclass(frozen=True)
class Table:
    """A bordered table: the column headings, then rows of cells (as many as columns).

    At most ``MAX_TABLE_ROWS`` rows are kept; ``omitted`` counts the rows left out."""
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    omitted: int = 0

    def __post_init__(self) -> None:
        columns = tuple(clean(c, 200) for c in self.columns[:MAX_TABLE_COLUMNS])
        if not columns:
            raise ValueError("a table needs at least one column")
        width = len(columns)
        rows = []
        for row in self.rows[:MAX_TABLE_ROWS]:
            cells = [clean(c, 2_000) for c in tuple(row)[:width]]
            rows.append(tuple(cells + [""] * (width - len(cells))))
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "omitted", max(0, self.omitted) + max(0, len(self.rows) - MAX_TABLE_ROWS))
        object.__setattr__(self, "rows", tuple(rows))
        object.__setattr__(self, "caption", clean(self.caption, 500))

    @property
    def omitted_note(self) -> str:
        """What the renderers write under a capped table ("" when nothing was left out)."""
        if not self.omitted:
            return ""
        return (f"この表は{MAX_TABLE_ROWS:,}行までです。残りの{self.omitted:,}行は下書きに入れていません。"
                "行をまとめるか、別の紙に続きを書いてください。")


@dataclass(frozen=True)
class Note:
    """A remark to the applicant (where the agency's form governs, what to check)."""
    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean(self.text))


@dataclass(frozen=True)
class PageBreak:
    """The next block starts a new page (the 別紙 of the processing method)."""


Block = Heading | Paragraph | Item | Table | Note | PageBreak


def item_lists(blocks: Iterable[Block]) -> Iterator[Block | tuple[Item, ...]]:
    """The blocks in order, each run of items together (the renderers draw a run as one list)."""
    items: list[Item] = []
    for block in blocks:
        if isinstance(block, Item):
            items.append(block)
            continue
        if items:
            yield tuple(items)
            items = []
        yield block
    if items:
        yield tuple(items)


@dataclass(frozen=True)
class Document:
    """One paper: ``id`` is unique among the documents drafted together (``pledge-2``)."""
    id: str
    title: str
    blocks: tuple[Block, ...]
    date_line: str = ""
    addressee: str = ""
    basis: tuple[str, ...] = ()
    mark: str = DRAFT_MARK

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", re.sub(r"[^a-z0-9-]", "-", self.id.lower())[:60])
        for name in ("title", "date_line", "addressee", "mark"):
            object.__setattr__(self, name, clean(getattr(self, name), 500))
        object.__setattr__(self, "basis", tuple(clean(b, 200) for b in self.basis))
        object.__setattr__(self, "blocks", tuple(self.blocks))

    def sections(self) -> list[tuple[Heading | None, list[Block]]]:
        """The blocks grouped under their headings (the blocks before the first heading under None)."""
        groups: list[tuple[Heading | None, list[Block]]] = [(None, [])]
        for block in self.blocks:
            if isinstance(block, Heading):
                groups.append((block, []))
            else:
                groups[-1][1].append(block)
        return [g for g in groups if g[0] is not None or g[1]]


@dataclass(frozen=True)
class Draft:
    """What ``build_documents`` returns: the documents in order, the papers not drafted and why
    (``withheld``: document id and a sentence), and what was wrong in the answers (``problems``:
    answer path and a sentence, e.g. a table cut to its cap)."""
    documents: tuple[Document, ...]
    withheld: tuple[tuple[str, str], ...] = ()
    problems: tuple[tuple[str, str], ...] = field(default=())


__all__ = ["Block", "Document", "Draft", "Heading", "Item", "Note", "PageBreak", "Paragraph", "Table", "item_lists",
           "DRAFT_MARK", "MAX_BLOCK_TEXT", "MAX_TABLE_ROWS", "clean", "has_control_characters"]
