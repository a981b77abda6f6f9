"""The drafted .docx in a real word processor: LibreOffice converts it to PDF headless, pdftotext
reads the PDF back (in reading order, cell by cell), and python-docx reads the file's paragraphs and table cells. CPython only
(`make office` installs LibreOffice and poppler-utils; python-docx is a test requirement).

The answers and the calls are the checker tests' own (tests/checker/drafts.py and calls.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "checker"))
sys.path.insert(0, str(ROOT / "tests" / "documents"))

from calls import CALL_IDS, load  # noqa: E402
from office import missing, to_pdf_text as _convert  # noqa: E402


@pytest.fixture(params=CALL_IDS)
def call(request):
    return load(request.param)


@pytest.fixture(scope="session")
def to_pdf_text(tmp_path_factory):
    """``to_pdf_text(docx_bytes)`` → (the PDF's text, pdfinfo's report, the PDF's path)."""
    if missing():
        pytest.exit(missing(), returncode=2)
    return lambda data, name="draft": _convert(data, tmp_path_factory.mktemp("office"), name)
