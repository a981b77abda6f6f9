"""The documents as plain text: per item, for the copy button beside it, and whole.

An item's text is what goes into the box under that item on the agency's own form, so it
leaves the heading out: 「label：value」 lines, paragraphs, notes marked ※, and a table as
tab-separated lines (its heading row first), which a word processor or a spreadsheet pastes
as cells. The whole-document text (the command line's) puts the headings back.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import Block, Document, Heading, Item, Note, Paragraph, Table


@dataclass(frozen=True)
class SectionText:
    """One item's heading and the text its copy button copies."""
    id: str
    heading: str
    text: str


def _cell(text: str) -> str:
    # A tab or a line break inside a cell would start a new cell or row when pasted.
    return " ".join(text.replace("\t", " ").split("\n"))


def section_text(blocks: Iterable[Block]) -> str:
    """The text of the blocks under one heading (the heading left out)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Item):
            value = block.value
            lines.append(f"{block.label}：{value}" if "\n" not in value else f"{block.label}：\n{value}")
        elif isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Note):
            lines.append(f"※ {block.text}")
        elif isinstance(block, Table):
            if block.caption:
                lines.append(block.caption)
            lines.append("\t".join(_cell(c) for c in block.columns))
            lines.extend("\t".join(_cell(c) for c in row) for row in block.rows)
            if block.omitted_note:
                lines.append(f"※ {block.omitted_note}")
    return "\n".join(lines)


def section_texts(document: Document) -> list[SectionText]:
    """Each item of the document with its text, in order (the part before the first heading,
    the preamble, is not an item)."""
    out = []
    for n, (heading, blocks) in enumerate(document.sections()):
        if heading is not None:
            out.append(SectionText(heading.id or str(n), heading.line, section_text(blocks)))
    return out


def document_text(document: Document) -> str:
    """The whole document as text, headings included."""
    lines = [f"【{document.mark}】"]
    if document.date_line:
        lines.append(document.date_line)
    if document.addressee:
        lines.append(document.addressee)
    lines += ["", document.title]
    if document.basis:
        lines.append(f"（{'、'.join(document.basis)}）")
    for heading, blocks in document.sections():
        lines.append("")
        if isinstance(heading, Heading):
            lines += [heading.line, ""]
        text = section_text(blocks)
        if text:
            lines.append(text)
    return "\n".join(lines) + "\n"


def draft_text(documents: Iterable[Document]) -> str:
    """Every document's text, each after a line of its own."""
    return "\n".join(f"{'─' * 30}\n{document_text(d)}" for d in documents)


__all__ = ["SectionText", "document_text", "draft_text", "section_text", "section_texts"]
