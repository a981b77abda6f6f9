"""The documents as HTML, for the page's print preview (A4) and its copy buttons.

Every text is escaped. The markup has no inline scripts, styles or event handlers (the site's
Content Security Policy forbids them): classes only, for the stylesheet, and ``data-copy-for``
on each copy button, naming the element whose text the page's script copies.

The contract with the page:

- ``<div class="draft">`` holds one ``<article class="draft-document">`` per document; print each
  on its own pages (``break-before: page`` on every article after the first).
- ``.draft-mark`` (下書き), ``.draft-date``, ``.draft-addressee``, ``.draft-title``,
  ``.draft-basis`` head each document; ``<section class="draft-section">`` holds an item, its
  heading ``.draft-heading`` with ``.draft-item`` and ``.draft-citation``; ``.draft-page-break``
  marks a section that starts a new page (the 別紙).
- ``<dl class="draft-items">`` holds labels and values (``.is-missing`` when not typed yet);
  ``<table class="draft-table">`` a bordered table; ``.draft-note`` a remark; paragraphs carry
  ``.draft-quote``, ``.draft-red``, ``.draft-large``, ``.draft-center`` or ``.draft-right``.
- ``<button type="button" class="draft-copy" data-copy-for="ID">`` sits under each item's
  heading; ``<pre class="draft-copy-text" id="ID" hidden>`` holds the plain text it copies
  (``plain.section_text``); the button's hidden words name the item (``checker-visually-hidden``,
  the checker's own class). Hide ``.draft-copy`` when printing.
"""
from __future__ import annotations

from html import escape
from typing import Iterable

from .model import Block, Document, Heading, Item, Note, PageBreak, Paragraph, Table, item_lists
from .plain import section_text


def esc(text: str) -> str:
    """Escaped, with line breaks kept as ``<br>``."""
    return escape(text, quote=True).replace("\n", "<br>")


def render_html(documents: Iterable[Document], heading_level: int = 2) -> str:
    """The documents as one HTML fragment; titles are ``h{heading_level}``, items one level below."""
    level = min(max(heading_level, 1), 5)
    out = ['<div class="draft">']
    for document in documents:
        out.append(_document(document, level))
    out.append("</div>")
    return "".join(out)


def _document(document: Document, level: int) -> str:
    title_id = f"draft-{document.id}"
    out = [f'<article class="draft-document" id="{title_id}" aria-labelledby="{title_id}-title">']
    out.append(f'<p class="draft-mark">{esc(document.mark)}</p>')
    if document.date_line:
        out.append(f'<p class="draft-date">{esc(document.date_line)}</p>')
    if document.addressee:
        out.append(f'<p class="draft-addressee">{esc(document.addressee)}</p>')
    out.append(f'<h{level} class="draft-title" id="{title_id}-title">{esc(document.title)}</h{level}>')
    if document.basis:
        out.append(f'<p class="draft-basis">（{esc("、".join(document.basis))}）</p>')
    page_break = False
    for n, (heading, blocks) in enumerate(document.sections()):
        # A PageBreak ends the group before the heading it puts on a new page.
        content = [b for b in blocks if not isinstance(b, PageBreak)]
        if heading is None:
            out.append(_blocks(content))
        else:
            out.append(_section(document, n, heading, content, level + 1, page_break))
        page_break = bool(blocks) and isinstance(blocks[-1], PageBreak)
    out.append("</article>")
    return "".join(out)


def _section(document: Document, n: int, heading: Heading, blocks: list[Block], level: int, page_break: bool) -> str:
    sid = f"draft-{document.id}-{heading.id or n}"
    item = f'<span class="draft-item">{esc(heading.item)}</span>　' if heading.item else ""
    citation = f'<span class="draft-citation">（{esc("、".join(heading.basis))}）</span>' if heading.basis else ""
    classes = "draft-section draft-page-break" if page_break else "draft-section"
    text = section_text(blocks)
    copy = ""
    if text:
        copy = (f'<button type="button" class="draft-copy" data-copy-for="{sid}-text" data-item="{escape(heading.line, quote=True)}">'
                "この項目の文章をコピー"
                f'<span class="checker-visually-hidden">：{esc(heading.line)}</span></button>'
                f'<pre class="draft-copy-text" id="{sid}-text" hidden>{escape(text, quote=True)}</pre>')
    return (f'<section class="{classes}" id="{sid}" aria-labelledby="{sid}-heading">'
            f'<h{level} class="draft-heading" id="{sid}-heading">{item}{esc(heading.text)}{citation}</h{level}>'
            f"{copy}{_blocks(blocks)}</section>")


def _blocks(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in item_lists(blocks):
        if isinstance(block, tuple):
            out.append(_items(block))
        elif isinstance(block, Paragraph):
            cls = f"draft-paragraph draft-{block.style}" if block.style else "draft-paragraph"
            out.append(f'<p class="{cls}">{esc(block.text)}</p>')
        elif isinstance(block, Note):
            out.append(f'<p class="draft-note">{esc(block.text)}</p>')
        elif isinstance(block, Table):
            out.append(_table(block))
    return "".join(out)


def _items(items: tuple[Item, ...]) -> str:
    rows = "".join(
        f'<div class="draft-item-row{" is-missing" if i.missing else ""}"><dt>{esc(i.label)}</dt>'
        f"<dd>{esc(i.value)}</dd></div>" for i in items)
    return f'<dl class="draft-items">{rows}</dl>'


def _table(table: Table) -> str:
    caption = f"<caption>{esc(table.caption)}</caption>" if table.caption else ""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in table.rows)
    note = f'<p class="draft-note">{esc(table.omitted_note)}</p>' if table.omitted_note else ""
    return f'<table class="draft-table">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}'


__all__ = ["render_html"]
