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
        """The badge beside a finding (the page, the static checklist, the command line)."""
        return _WORDS[self][0]

    @property
    def heading(self) -> str:
        """The heading over the findings with this status."""
        return _WORDS[self][1]

    @property
    def outcome(self) -> str:
        """The conclusion when this is the overall status."""
        return _WORDS[self][2]


# In the order a reader needs them: what does not meet the law first.
STATUS_ORDER = (Status.FAIL, Status.REVIEW, Status.PASS)
_WORDS = {
    Status.PASS: ("問題ありません", "問題のない要件", "今の答えでは、確かめた要件をすべて満たしています。"),
    Status.FAIL: ("満たしていません", "満たしていない要件", "今の答えでは、満たしていない要件があります。"),
    Status.REVIEW: ("確認が必要です", "確認が必要なこと", "確認が必要なことがあります。"),
}


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


def worst(statuses) -> Status:
    """Any fail is a fail; else any review is a review; else a pass."""
    statuses = set(statuses)
    return next((s for s in STATUS_ORDER[:2] if s in statuses), Status.PASS)


def overall(findings: list[Finding]) -> Status:
    """The worst status of the findings; with none, nothing was checked: a review."""
    return worst(f.status for f in findings) if findings else Status.REVIEW
