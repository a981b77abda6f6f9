"""The documents as a Word file (Office Open XML, ``.docx``), written with ``zipfile`` and XML.

**One file, one section per document.** The documents drafted together go into one ``.docx``:
each starts on a new page (a section break) and numbers its own pages from 1, so the printout
is the papers in the order they go into the envelope, each complete on its own. One file
rather than one per document because a browser asked for several downloads at once either
blocks them or asks the person, a zip would have to be unpacked before anything can be opened,
and the papers are written, read through and printed together. ``render_docx`` takes any list
of documents, so one document alone is also one call.

What the file holds: A4 portrait (``w:pgSz w:w="11906" w:h="16838"``, margins about 2.5 cm), a
明朝 font for Japanese text (``w:rFonts w:eastAsia``), heading styles (a document's title is
Heading 1, its sections Heading 2, so Word's navigation lists them), bordered tables whose
heading row repeats on each page, 下書き in every page's header and the page number in the
footer. Text is escaped; the model has already removed what XML 1.0 forbids.

The same documents give the same bytes: the parts are written in a fixed order with a fixed
date (1980-01-01, the zip format's earliest) and fixed attributes, and nothing reads a clock.
The only date in the file is the proposal day the documents carry.
"""
from __future__ import annotations

import io
import zipfile
from typing import Iterable

from .model import Document, Heading, Item, Note, PageBreak, Paragraph, Table, item_lists

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Word's own measures: twentieths of a point (twips) and half-points.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838          # A4, 210 × 297 mm
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 1418, 1701, 1418
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE       # 9,070 twips, 160 mm
LABEL_WIDTH = 2600
NUMBER_WIDTH = 700
FONT_EAST_ASIA = "ＭＳ 明朝"                      # Word on Windows; LibreOffice substitutes a 明朝 it has
FONT_LATIN = "Century"
_MISSING = '<w:color w:val="767676"/>'    # a value not typed yet, in grey

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_DATE = (1980, 1, 1, 0, 0, 0)


def escape(text: str) -> str:
    """Text for an XML text node. (``xml.sax.saxutils.escape`` does the same, but importing it
    pulls in ``urllib.request``: about 0.9 s in the browser.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_docx(documents: Iterable[Document]) -> bytes:
    """The documents, in order, as the bytes of one ``.docx`` file."""
    documents = list(documents)
    mark = documents[0].mark if documents else ""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _RELS,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": _body(documents),
        "word/styles.xml": _STYLES,
        "word/settings.xml": _SETTINGS,
        "word/header1.xml": _header(mark),
        "word/footer1.xml": _FOOTER,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0          # the same bytes on every platform
            info.external_attr = 0
            archive.writestr(info, text.encode("utf-8"))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# The body


def _body(documents: list[Document]) -> str:
    out = [_XML, f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>']
    if not documents:
        out.append(f"<w:p/>{_SECTION}")
    for n, document in enumerate(documents):
        out.append(_document(document))
        last = n == len(documents) - 1
        # A section per document: its own page numbers, and a new page for the next.
        out.append(_SECTION if last else f"<w:p><w:pPr>{_SECTION}</w:pPr></w:p>")
    out.append("</w:body></w:document>")
    return "".join(out)


def _document(document: Document) -> str:
    out = []
    if document.date_line:
        out.append(_paragraph(document.date_line, "DateLine"))
    if document.addressee:
        out.append(_paragraph(document.addressee, "Addressee"))
    out.append(_paragraph(document.title, "Heading1"))
    if document.basis:
        out.append(_paragraph(f"（{'、'.join(document.basis)}）", "Basis"))
    page_break = False
    for block in item_lists(document.blocks):
        if isinstance(block, tuple):
            out.append(_items(block))
        elif isinstance(block, PageBreak):
            page_break = True
            continue
        elif isinstance(block, Heading):
            basis = f"（{'、'.join(block.basis)}）" if block.basis else ""
            runs = _run(f"{block.item}　{block.text}" if block.item else block.text) + _run(basis, "<w:b w:val=\"0\"/>")
            out.append(_p(runs, "Heading2", page_break))
        elif isinstance(block, Paragraph):
            style = {"": "Normal", "quote": "Quote", "red": "Red", "large": "Large", "center": "Center",
                     "right": "DateLine"}[block.style]
            out.append(_paragraph(block.text, style, page_break))
        elif isinstance(block, Note):
            out.append(_paragraph("※ " + block.text, "Note", page_break))
        elif isinstance(block, Table):
            if page_break:
                out.append(_p("", "Normal", True))
            out.append(_table(block))
        page_break = False
    return "".join(out)


def _run(text: str, props: str = "") -> str:
    """One run; line breaks become ``w:br`` and tabs ``w:tab``."""
    if not text:
        return ""
    pieces = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, part in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if part:
                pieces.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def _p(runs: str, style: str, page_break: bool = False) -> str:
    brk = "<w:pageBreakBefore/>" if page_break else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{brk}</w:pPr>{runs}</w:p>'


def _paragraph(text: str, style: str, page_break: bool = False) -> str:
    return _p(_run(text), style, page_break)


def _cell(text: str, width: int, header: bool = False, style: str = "Cell", props: str = "") -> str:
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/>' if header else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
            f"{_p(_run(text, props), style)}</w:tc>")


def _grid(widths: list[int]) -> str:
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    # The borders are on each table as well as in its style: not every word processor reads table styles.
    return (f'<w:tblPr><w:tblStyle w:val="DraftTable"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'{_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>')


def _items(items: tuple[Item, ...]) -> str:
    """Labels and values as a two-column bordered table, as forms lay them out."""
    widths = [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH]
    rows = "".join(
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{_cell(i.label, widths[0], header=True)}"
        f"{_cell(i.value, widths[1], props=_MISSING if i.missing else '')}</w:tr>"
        for i in items)
    return f"<w:tbl>{_grid(widths)}{rows}</w:tbl>{_p('', 'Spacer')}"


def _table(table: Table) -> str:
    columns = list(table.columns)
    numbered = columns[0] == "番号"
    rest = len(columns) - (1 if numbered else 0)
    width = (TEXT_WIDTH - (NUMBER_WIDTH if numbered else 0)) // max(rest, 1)
    widths = ([NUMBER_WIDTH] if numbered else []) + [width] * rest
    out = [_paragraph(table.caption, "Normal")] if table.caption else []
    head = "".join(_cell(c, w, header=True) for c, w in zip(columns, widths))
    out.append(f'<w:tbl>{_grid(widths)}<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{head}</w:tr>')
    for row in table.rows:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(_cell(c, w) for c, w in zip(row, widths)) + "</w:tr>")
    out.append("</w:tbl>")
    if table.omitted_note:
        out.append(_paragraph("※ " + table.omitted_note, "Note"))
    out.append(_p("", "Spacer"))
    return "".join(out)


def _header(mark: str) -> str:
    return (f'{_XML}<w:hdr xmlns:w="{_W}" xmlns:r="{_R}">'
            f"{_paragraph(mark, 'DraftMark')}</w:hdr>")


# ---------------------------------------------------------------------------------------------
# The fixed parts

_SECTION = (
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
    '<w:footerReference w:type="default" r:id="rIdFooter"/>'
    f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
    f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_SIDE}" w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_SIDE}" '
    'w:header="851" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/></w:sectPr>'
)

_FOOTER = (
    f'{_XML}<w:ftr xmlns:w="{_W}" xmlns:r="{_R}"><w:p><w:pPr><w:pStyle w:val="Center"/></w:pPr>'
    '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>'
)

_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/header1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/footer1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '</Types>'
)

_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="word/document.xml"/></Relationships>'
)

_DOCUMENT_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rIdStyles" Type="{_R}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_R}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdHeader" Type="{_R}/header" Target="header1.xml"/>'
    f'<Relationship Id="rIdFooter" Type="{_R}/footer" Target="footer1.xml"/>'
    '</Relationships>'
)

_SETTINGS = (
    f'{_XML}<w:settings xmlns:w="{_W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="840"/>'
    '<w:characterSpacingControl w:val="compressPunctuation"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat></w:settings>'
)


def _style(style_id: str, name: str, ppr: str = "", rpr: str = "", kind: str = "paragraph") -> str:
    based = '<w:basedOn w:val="Normal"/>' if style_id != "Normal" and kind == "paragraph" else ""
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{based}<w:qFormat/>'
            f'{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}</w:style>')


_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
_BORDERS = (f'<w:tblBorders><w:top {_BORDER}/><w:left {_BORDER}/><w:bottom {_BORDER}/><w:right {_BORDER}/>'
            f'<w:insideH {_BORDER}/><w:insideV {_BORDER}/></w:tblBorders>')
_STYLES = (
    f'{_XML}<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    f'<w:rFonts w:ascii="{FONT_LATIN}" w:hAnsi="{FONT_LATIN}" w:eastAsia="{FONT_EAST_ASIA}" w:cs="{FONT_LATIN}"/>'
    '<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/>'
    '<w:lang w:val="ja-JP" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    '</w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + _style("Heading1", "heading 1", '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>'
             '<w:outlineLvl w:val="0"/>', '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>')
    + _style("Heading2", "heading 2", '<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/>',
             '<w:b/><w:sz w:val="22"/><w:szCs w:val="22"/>')
    + _style("DraftMark", "Draft Mark", '<w:jc w:val="right"/>', '<w:b/><w:color w:val="595959"/>')
    + _style("DateLine", "Date Line", '<w:jc w:val="right"/>')
    + _style("Addressee", "Addressee", '<w:spacing w:after="240"/>')
    + _style("Basis", "Basis", '<w:jc w:val="center"/><w:spacing w:after="240"/>', '<w:sz w:val="18"/>')
    + _style("Note", "Note", '<w:ind w:left="210" w:hanging="210"/>', '<w:color w:val="404040"/><w:sz w:val="18"/>')
    + _style("Quote", "Quote", '<w:ind w:left="420" w:hanging="210"/>')
    + _style("Red", "Red", '<w:spacing w:before="120" w:after="120"/>',
             '<w:b/><w:color w:val="FF0000"/><w:sz w:val="32"/><w:szCs w:val="32"/>')
    + _style("Large", "Large", "", '<w:sz w:val="28"/><w:szCs w:val="28"/>')
    + _style("Center", "Center", '<w:jc w:val="center"/>')
    + _style("Cell", "Cell", '<w:spacing w:after="0"/>')
    + _style("Spacer", "Spacer", '<w:spacing w:after="0" w:line="120" w:lineRule="exact"/>')
    + '<w:style w:type="table" w:styleId="DraftTable"><w:name w:val="Draft Table"/><w:tblPr>'
      + _BORDERS +
      '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
      '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    + '</w:styles>'
)


__all__ = ["MEDIA_TYPE", "render_docx"]
