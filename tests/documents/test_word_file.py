"""The drafted .docx opens in LibreOffice and in python-docx with every heading and every value."""
from __future__ import annotations

import io
import re

import docx
from docx.shared import Mm

from drafts import KINDS, TRICKY, answers, typed_values
from proposal_checker.drafting import build_documents, render_docx
from proposal_checker.drafting.model import MAX_TABLE_ROWS, Heading


def compact(text: str) -> str:
    """Text without any white space: pdftotext spaces digits apart from kanji and wraps lines."""
    return re.sub(r"\s+", "", text)


def every_kind(call):
    """The documents of an applicant of each kind, one after the other, and what each typed."""
    documents, typed = [], []
    for kind in KINDS:
        data = answers(kind, call)
        documents += build_documents(data, call, failing=[]).documents
        typed += typed_values(data)
    return documents, typed


def test_libreoffice_opens_the_drafts_of_every_kind_on_a4_with_every_heading_and_value(call, to_pdf_text):
    documents, typed = every_kind(call)
    text, info, _ = to_pdf_text(render_docx(documents))
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    pdf = compact(text)
    for document in documents:
        assert compact(document.title) in pdf, document.title
        for block in document.blocks:
            if isinstance(block, Heading):
                # The item and its words apart: pdftotext may read the full-width space after
                # 「第3号」 as a gap between columns and put a table cell in between.
                assert compact(block.item) in pdf, block.line
                assert compact(block.line.split("　", 1)[-1] if block.item else block.line) in pdf, block.line
    for value in typed:
        assert compact(value) in pdf, value
    # What needs escaping reads back as typed: markup, entities, quotes, 𠮷 and the emoji.
    for line in TRICKY.split("\n"):
        assert compact(line) in pdf, line
    assert compact(call.issuer + "殿") in pdf and compact(call.envelope_marking) in pdf
    assert "下書き" in text


def test_python_docx_reads_back_the_paragraphs_headings_and_table_cells(call):
    documents, typed = every_kind(call)
    read = docx.Document(io.BytesIO(render_docx(documents)))
    paragraphs = [p.text for p in read.paragraphs]
    cells = [c.text for t in read.tables for row in t.rows for c in row.cells]
    everything = "\n".join(paragraphs + cells)
    for value in typed:
        assert value in everything, value
    headings_1 = [p.text for p in read.paragraphs if p.style.name == "Heading 1"]
    assert headings_1 == [d.title for d in documents]
    headings_2 = [p.text for p in read.paragraphs if p.style.name == "Heading 2"]
    assert headings_2 == [b.line for d in documents for b in d.blocks if isinstance(b, Heading)]
    # The processing table, cell by cell, with its heading row.
    table = next(t for t in read.tables if t.rows[0].cells[0].text == "番号")
    assert [c.text for c in table.rows[0].cells] == ["番号", "記録項目", "加工の方法", "内容（細かさ・備考）"]
    assert [c.text for c in table.rows[1].cells] == ["1", "住所", "一般化（細かさを粗くする）", "都道府県まで"]
    # A line break typed in an address stays a line break.
    assert "東京都千代田区霞が関1-1-1\n霞が関ビル2階" in cells
    assert TRICKY in cells
    # One section per document, each A4 and numbering its pages from 1.
    assert len(read.sections) == len(documents)
    for section in read.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)


def test_hostile_input_still_gives_a_file_libreoffice_opens_with_a_capped_table(call, to_pdf_text):
    data = answers("new", call)
    data["draft"]["processing"] = [{"item": f"項目{i}", "treatment": "delete"} for i in range(10_000)]
    data["draft"]["business"]["purpose"] = "長" * 1_000_000
    data["draft"]["business"]["method"] = "制御\x00\x01\x1b\x7f\ud800文字"
    result = build_documents(data, call, failing=[])
    text, info, _ = to_pdf_text(render_docx(result.documents[:1]), "hostile")
    pdf = compact(text)
    assert f"項目{MAX_TABLE_ROWS - 1}" in pdf and f"項目{MAX_TABLE_ROWS}" not in pdf
    assert compact(f"残りの{10_000 - MAX_TABLE_ROWS:,}行は下書きに入れていません") in pdf
    assert "制御文字" in pdf and "（以下998,000文字を省略）" in pdf
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages < 40, pages
    read = docx.Document(io.BytesIO(render_docx(result.documents[:1])))
    table = next(t for t in read.tables if t.rows[0].cells[0].text == "番号")
    assert len(table.rows) == MAX_TABLE_ROWS + 1
