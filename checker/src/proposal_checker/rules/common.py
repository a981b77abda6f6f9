"""Small helpers the rule modules share: names of people, wording of dates, status arithmetic."""
from __future__ import annotations

from datetime import date

from ..answers import Person, Proposer
from ..dates import format_date
from ..findings import Finding, Status


def proposer_label(index: int, proposer: Proposer) -> str:
    """「提案者1（山田太郎）」 (1-based)."""
    return f"提案者{index + 1}" + (f"（{proposer.name}）" if proposer.name else "")


def officer_label(index: int, proposer: Proposer, officer_index: int, officer: Person) -> str:
    return f"{proposer_label(index, proposer)}の役員{officer_index + 1}" + (f"（{officer.name}）" if officer.name else "")


def day(d: date) -> str:
    return format_date(d)


def worst(statuses) -> Status:
    statuses = set(statuses)
    if Status.FAIL in statuses:
        return Status.FAIL
    if Status.REVIEW in statuses:
        return Status.REVIEW
    return Status.PASS


def finding(id: str, status: Status, title: str, message: str, basis: tuple[str, ...],
            subject: str = "", notes: tuple[str, ...] = ()) -> Finding:
    return Finding(id=id, status=status, title=title, message=message, basis=tuple(basis),
                   subject=subject, notes=tuple(notes))


NOT_ANSWERED = "まだ回答していません。"


def not_known(topic: str, value: object) -> str:
    """「{topic}について、「わからない」と回答しました。」 or 「…、まだ回答していません。」"""
    if value == "unknown":
        return f"{topic}について、「わからない」と回答しました。"
    return f"{topic}について、まだ回答していません。"
