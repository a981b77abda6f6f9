"""Findings: one checked requirement each, with its status and legal basis."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Status(str, Enum):
    PASS = "pass"      # meets the requirement, as far as the answers show
    FAIL = "fail"      # does not meet it
    REVIEW = "review"  # cannot tell from the answers: confirm (with the agency, or by checking)

    @property
    def label(self) -> str:
        return {"pass": "問題ありません", "fail": "満たしていません", "review": "確認が必要です"}[self.value]


@dataclass(frozen=True)
class Finding:
    id: str                      # stable, e.g. "proposer-1.113-1"
    status: Status
    title: str                   # what was checked, in a few words
    message: str                 # plain-Japanese explanation of this outcome
    basis: tuple[str, ...]       # citations: "法第113条第1号", "公示5(2)"
    subject: str = ""            # whom it is about: "提案者1（山田太郎）"
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict:
        data = {"id": self.id, "status": self.status.value, "title": self.title,
                "message": self.message, "basis": list(self.basis)}
        if self.subject:
            data["subject"] = self.subject
        if self.notes:
            data["notes"] = list(self.notes)
        return data


def overall(findings: list[Finding]) -> Status:
    """Any fail is a fail; else any review is a review; else a pass."""
    statuses = {f.status for f in findings}
    if Status.FAIL in statuses:
        return Status.FAIL
    if Status.REVIEW in statuses or not findings:
        return Status.REVIEW
    return Status.PASS
