"""A .docx in a real word processor: LibreOffice converts it to PDF headless, pdftotext reads the
PDF's text back (in reading order, cell by cell), pdfinfo its pages and size. Shared by
tests/documents and the browser tests (the file the page downloads). `make office` installs them.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# A conversion takes 2–5 s here; two minutes means LibreOffice is stuck, and the test says so.
CONVERT_TIMEOUT = 120


def tool(*names: str) -> str | None:
    """The first of ``names`` found on PATH."""
    return next((found for name in names if (found := shutil.which(name))), None)


def missing() -> str:
    """What is not installed ("" when everything is)."""
    needed = {"soffice": tool("soffice", "libreoffice"), "pdftotext": tool("pdftotext"), "pdfinfo": tool("pdfinfo")}
    gone = [name for name, found in needed.items() if not found]
    return (f"{', '.join(gone)} not installed; `make office` installs LibreOffice and poppler-utils") if gone else ""


def to_pdf_text(data: bytes, work: Path, name: str = "draft") -> tuple[str, str, Path]:
    """(the PDF's text, pdfinfo's report, the PDF's path) of the .docx ``data``, converted in ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    source = work / f"{name}.docx"
    source.write_bytes(data)
    # A fresh profile per run: two conversions sharing one collide.
    profile = work / f"profile-{name}"
    done = subprocess.run(
        [tool("soffice", "libreoffice"), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work), str(source)],
        capture_output=True, text=True, timeout=CONVERT_TIMEOUT)
    pdf = work / f"{name}.pdf"
    assert done.returncode == 0 and pdf.exists(), f"LibreOffice did not convert the file:\n{done.stdout}{done.stderr}"
    return pdf_text(pdf) + (pdf,)


def pdf_text(pdf: Path) -> tuple[str, str]:
    """(the text, pdfinfo's report) of a PDF."""
    text = subprocess.run([tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return text, info
