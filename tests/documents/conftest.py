"""The drafted .docx in a real word processor: LibreOffice converts it to PDF headless, pdftotext
reads the PDF back (in reading order, cell by cell), and python-docx reads the file's paragraphs and table cells. CPython only
(`make office` installs LibreOffice and poppler-utils; python-docx is a test requirement).

The answers and the calls are the checker tests' own (tests/checker/drafts.py and calls.py).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "checker"))

from calls import CALL_IDS, load  # noqa: E402

# A conversion takes 2–5 s here; a minute means LibreOffice is stuck, and the test says so.
CONVERT_TIMEOUT = 120


def _tool(*names: str) -> str:
    for name in names:
        if found := shutil.which(name):
            return found
    pytest.exit(f"{names[0]} is not installed; `make office` installs LibreOffice and poppler-utils", returncode=2)


@pytest.fixture(params=CALL_IDS)
def call(request):
    return load(request.param)


@pytest.fixture(scope="session")
def to_pdf_text(tmp_path_factory):
    """``to_pdf_text(docx_bytes)`` → (the PDF's text, its number of pages, the PDF's path)."""
    soffice = _tool("soffice", "libreoffice")
    pdftotext = _tool("pdftotext")
    pdfinfo = _tool("pdfinfo")

    def convert(data: bytes, name: str = "draft") -> tuple[str, str, Path]:
        work = tmp_path_factory.mktemp("office")
        source = work / f"{name}.docx"
        source.write_bytes(data)
        # A fresh profile per run: two conversions sharing one collide.
        profile = work / "profile"
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(work), str(source)],
            capture_output=True, text=True, timeout=CONVERT_TIMEOUT)
        pdf = work / f"{name}.pdf"
        assert done.returncode == 0 and pdf.exists(), f"LibreOffice did not convert the file:\n{done.stdout}{done.stderr}"
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
        return text, info, pdf

    return convert
