"""提案書の下書き: the proposal documents written from the answers.

One model, three renderers (standard library only, so the same code runs on CPython and in the
browser on Pyodide):

- ``build_documents(answers, call, failing=[…])`` → ``Draft``: the documents the answers call
  for, in the statute's order, from the documents' data (``data/documents.json``, read by
  ``catalogue``); the answers it may read are listed once, in ``answers.fields.FIELDS``;
- ``render_docx(documents)`` → the bytes of one ``.docx`` (``word``);
- ``render_html(documents)`` → escaped HTML for the print preview and the copy buttons (``preview``);
- ``section_texts(document)`` / ``draft_text(documents)`` → plain text per item, or whole (``plain``).

Nothing here runs the rules or reads a clock; the package is imported only when a draft is
asked for, so the checker's start does not pay for it.
"""
from .catalogue import DocumentsError, packaged_documents, parse_documents
from .compose import DraftError, build_documents
from ..answers.fields import FIELDS, AnswerField, new_fields
from .model import Document, Draft
from .plain import draft_text, section_texts
from .preview import render_html
from .word import MEDIA_TYPE, render_docx

__all__ = ["AnswerField", "Document", "DocumentsError", "Draft", "DraftError", "FIELDS", "MEDIA_TYPE",
           "build_documents", "draft_text", "new_fields", "packaged_documents", "parse_documents",
           "render_docx", "render_html", "section_texts"]
