"""Findings: one checked requirement each, with its status and legal basis."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple

from .vocabulary import UNKNOWN_LABEL


class StatusWords(NamedTuple):
    label: str      # the badge beside a finding (the page, the static checklist, the command line)
    heading: str    # the heading over the findings with this status
    outcome: str    # the conclusion when this is the overall status
    short: str      # the status named in running text: 「確認が必要」に入ります
    meaning: str    # what a finding with this status says (the legend of the static checklist)


class _Word:
    """One of a status's words, read as its attribute (``Status.FAIL.label``); written once, in _WORDS."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, status: "Status | None", owner: type) -> Any:
        return self if status is None else getattr(_WORDS[status], self.name)


class Part(str, Enum):
    """Which of the result's three plain answers a finding belongs to (outcome.py): may the applicant
    propose (法第113条), what of the examination's criteria was checked (法第114条), and the papers and
    how to hand them in. A rule names its part (``@rule``); its findings carry it."""
    ELIGIBILITY = "eligibility"
    CRITERIA = "criteria"
    PAPERS = "papers"


class Status(str, Enum):
    PASS = "pass"      # meets the requirement, as far as the answers show
    FAIL = "fail"      # does not meet it
    REVIEW = "review"  # cannot tell from the answers: confirm (with the agency, or by checking)
    # The proposal states it (as the applicant answered); only the agency judges its content (法第114条
    # 第1項第3号から第6号まで), or the checker cannot verify it (the file named: it holds no list of the
    # files). Never a fail or a review, never "met": a program tells it from a pass.
    STATED = "stated"

    label = _Word()
    heading = _Word()
    outcome = _Word()
    short = _Word()
    meaning = _Word()


# In the order a reader needs them: what does not meet the law first, what only the agency judges
# before what the checker found met.
STATUS_ORDER = (Status.FAIL, Status.REVIEW, Status.STATED, Status.PASS)
# The statuses that decide the overall result (``worst``): a "stated" finding is neither.
DECIDING = (Status.FAIL, Status.REVIEW)
_WORDS = {
    # PASS as the overall status: nothing fails and nothing is to confirm. It does not say the
    # proposal meets the criteria: what only the agency judges is "stated" (the page and the
    # command line say what that covers: outcome.py's three answers).
    Status.PASS: StatusWords(
        "問題ありません", "問題のない要件", "今の答えでは、満たしていない要件も、確認が必要なことも見つかりませんでした。",
        "問題なし", "答えによれば、その要件を満たしています。"),
    Status.FAIL: StatusWords(
        "満たしていません", "満たしていない要件", "今の答えでは、満たしていない要件があります。",
        "満たしていない", "答えによれば、その要件を満たしていません。"),
    Status.REVIEW: StatusWords(
        "確認が必要です", "確認が必要なこと", "確認が必要なことがあります。", "確認が必要",
        f"答えからは判定できません（「{UNKNOWN_LABEL}」と答えた、まだ答えていない、提出先に確かめることがある）。"),
    Status.STATED: StatusWords(
        "記載あり（内容は審査で判断）", "提案書に書いたこと（内容は審査で判断されます）",
        "提案書に書いたと回答したことがあります。内容は審査で判断されます。", "記載あり",
        "提案書に書いたと回答したことです。内容が基準に適合するかは、審査で判断されます。満たしたかどうかは示しません。"),
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
    # The answers it waits for, by their paths ("proposers[0].birth_date"): it can say nothing until
    # they are given. The live panel reads this, never the message.
    awaits: tuple[str, ...] = ()
    # The ids of the findings it sums up (all the proposers, a body's officers): it waits while they all do.
    sums: tuple[str, ...] = ()
    # Which of the three answers it belongs to: its rule's (filled in by ``@rule``).
    part: Part | None = None
    # A "review" that only the agency can settle: a fact it alone holds or a judgement it alone makes
    # (a file's 本人の数, usually not published). No answer the applicant can give decides it, so the
    # result shows it as a note of its own, not as an open question of its answer (outcome.py).
    agency_only: bool = False

    def to_json(self) -> dict:
        data = {"id": self.id, "status": self.status.value, "title": self.title,
                "message": self.message, "basis": list(self.basis)}
        if self.part is not None:
            data["part"] = self.part.value
        if self.subject:
            data["subject"] = self.subject
        if self.notes:
            data["notes"] = list(self.notes)
        if self.awaits:
            data["awaits"] = list(self.awaits)
        if self.sums:
            data["sums"] = list(self.sums)
        if self.agency_only:
            data["agency_only"] = True
        return data


def worst(statuses) -> Status:
    """Any fail is a fail; else any review is a review; else a pass ("stated" counts as neither)."""
    statuses = set(statuses)
    return next((s for s in DECIDING if s in statuses), Status.PASS)


def overall(findings: list[Finding]) -> Status:
    """The worst status of the findings; with none, nothing was checked: a review."""
    return worst(f.status for f in findings) if findings else Status.REVIEW
