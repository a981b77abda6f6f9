"""The visitor's draft (提案書の下書き): the documents from their answers, the page that shows them, and
the Word file. The one place above the drafting package that imports it, and only when a draft is
asked for: the checker's start does not pay for it.

In the browser the drafting package is a wheel of its own, fetched only then: until it is there,
``ensure`` raises ``DraftingMissing``, web.handle answers ``{"needs": "drafting"}``, and the worker
fetches and unpacks the wheel and sends the same request again (the page's worker, worker.mjs).
On CPython (the command line, the tests) it is always there.

The 誓約書 is made only when no finding of 法第113条 fails; the findings that fail are named, as
the drafting package asks (``failing``): it runs no rule itself.
"""
from __future__ import annotations

import importlib.util
import re
from typing import Any

from .answers.fields import BY_PATH
from .findings import Status
from .result import Result

PACKAGE = f"{__package__}.drafting"
# A finding of one item of 法第113条 for one proposer or officer (not the summary of them all).
_ITEM_113 = re.compile(r"(^|\.)113-\d+$")


class DraftingMissing(Exception):
    """The drafting package is not here yet (the browser fetches its wheel when a draft is asked for)."""


def available() -> bool:
    return importlib.util.find_spec(PACKAGE) is not None


def ensure() -> None:
    if not available():
        raise DraftingMissing(PACKAGE)


def failing(result: Result) -> list[str]:
    """The findings of 法第113条 that fail, in words: what stops the 誓約書."""
    return [f"{f.subject}：{f.title}" if f.subject else f.title for f in result.findings
            if f.status is Status.FAIL and _ITEM_113.search(f.id)]


def build(answers: dict, call: Any, result: Result):
    """The drafting package's ``Draft`` for the effective answers (flow.effective) and their result."""
    ensure()
    from .drafting import build_documents
    return build_documents(answers, call, failing=failing(result))


def word_file(draft) -> tuple[bytes, str]:
    """The draft's documents as one .docx, and its media type."""
    from .drafting import MEDIA_TYPE, render_docx
    return render_docx(draft.documents), MEDIA_TYPE


def preview(draft, heading_level: int = 4) -> str:
    """The documents as the page's print preview, with a copy button per item (drafting/preview.py)."""
    from .drafting import render_html
    return render_html(draft.documents, heading_level=heading_level)


def problem_words(path: str, message: str) -> str:
    """A problem of the draft (answer path, message) named as the page names the answer:
    「提案者2の住所又は居所：…」, 「加工の方法の表の3行目の内容（細かさ・備考）：…」."""
    generic = re.sub(r"\[\d+\]", "[]", path)
    field = BY_PATH.get(generic) or BY_PATH.get(generic + "[]")
    label = field.label if field is not None else path
    if m := re.fullmatch(r"proposers\[(\d+)\](?:\.(.+))?", path):
        label = f"提案者{int(m.group(1)) + 1}" + (f"の{field.label}" if m.group(2) and field else "")
    elif m := re.fullmatch(r"draft\.processing\[(\d+)\](?:\.(.+))?", path):
        label = f"加工の方法の表の{int(m.group(1)) + 1}行目" + (f"の{field.label}" if m.group(2) and field else "")
    return f"{label}：{message}"


__all__ = ["DraftingMissing", "available", "build", "ensure", "failing", "preview", "problem_words", "word_file"]
