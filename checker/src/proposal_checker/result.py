"""The outcome of one check: findings, the document checklist, how to submit, what happens next."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import outcome
from .findings import Finding, Status

FORMAT = "proposal-checker/result"
# 2: the three answers (``answers``), each finding's ``part`` and ``agency_only``, the person's own
# ``choices``, and a document's ``warnings`` apart from its ``why``.
VERSION = 2


@dataclass(frozen=True)
class DocumentItem:
    """One paper to hand in. ``condition`` is empty when it is needed, or says when it is needed.
    ``on_request``: sent only if the agency asks for it (not one of the papers to send now); it
    carries no ``condition``, since no answer can tell. ``warnings``: what to watch when the paper is
    made or copied (the 個人番号カード's front side only), printed with it on the checklist too."""
    id: str
    name: str
    why: str
    basis: tuple[str, ...]
    copies: int
    condition: str = ""
    on_request: bool = False
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = {"id": self.id, "name": self.name, "why": self.why, "basis": list(self.basis), "copies": self.copies}
        if self.condition:
            data["condition"] = self.condition
        if self.on_request:
            data["on_request"] = True
        if self.warnings:
            data["warnings"] = list(self.warnings)
        return data


@dataclass(frozen=True)
class SubmissionGuide:
    how: tuple[str, ...]
    where: tuple[str, ...]
    by: str

    def to_json(self) -> dict[str, Any]:
        return {"how": list(self.how), "where": list(self.where), "by": self.by}


@dataclass(frozen=True)
class Result:
    call: str
    call_title: str
    rules_version: str
    made_at: datetime
    overall: Status
    findings: tuple[Finding, ...]
    documents: tuple[DocumentItem, ...]
    submission: SubmissionGuide
    next_steps: tuple[str, ...]
    disclaimer: str
    # The person's own choices on handing the papers in (outcome.choices): (name, value in words).
    choices: tuple[tuple[str, str], ...] = ()

    @property
    def answers(self) -> tuple[outcome.Answer, ...]:
        """The three plain answers the result leads with (outcome.py)."""
        return outcome.answers(self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "call": self.call, "call_title": self.call_title,
            "rules_version": self.rules_version, "made_at": self.made_at.isoformat(timespec="seconds"),
            "overall": self.overall.value,
            "answers": [a.to_json() for a in self.answers],
            "findings": [f.to_json() for f in self.findings],
            "documents": [d.to_json() for d in self.documents],
            "submission": self.submission.to_json(),
            "choices": [{"name": name, "value": value} for name, value in self.choices],
            "next_steps": list(self.next_steps),
            "disclaimer": self.disclaimer,
        }


__all__ = ["DocumentItem", "Result", "SubmissionGuide"]
