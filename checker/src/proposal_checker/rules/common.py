"""Small helpers the rule modules share: names of people, wording of dates, status arithmetic."""
from __future__ import annotations

from datetime import date

from ..answers import Person, Proposer, Submission
from ..dates import format_date
from ..findings import Finding, Status, worst  # noqa: F401  (worst: the rule modules')
from ..vocabulary import UNKNOWN, UNKNOWN_LABEL, label


# How a finding, and a step (flow.py), names a person: 「提案者1（山田太郎）」, 「役員2」.
PROPOSER, OFFICER = "提案者", "役員"


def numbered(noun: str, index: int, name: str | None) -> str:
    """「提案者1（山田太郎）」, 「役員2」: a person by number (1-based) and name. The steps use it too."""
    return f"{noun}{index + 1}" + (f"（{name}）" if name else "")


def proposer_label(index: int, proposer: Proposer) -> str:
    return numbered(PROPOSER, index, proposer.name)


def officer_label(index: int, proposer: Proposer, officer_index: int, officer: Person) -> str:
    return f"{proposer_label(index, proposer)}の{numbered(OFFICER, officer_index, officer.name)}"


def day(d: date) -> str:
    return format_date(d)


def finding(id: str, status: Status, title: str, message: str, basis: tuple[str, ...],
            subject: str = "", notes: tuple[str, ...] = (), awaits: tuple[str, ...] = (),
            sums: tuple[str, ...] = ()) -> Finding:
    return Finding(id=id, status=status, title=title, message=message, basis=tuple(basis),
                   subject=subject, notes=tuple(notes), awaits=tuple(awaits), sums=tuple(sums))


def said(status: Status, message: str, notes: tuple[str, ...] = (), awaits: tuple[str, ...] = (),
         agency_only: bool = False) -> Finding:
    """A finding in its rule's own id, title and basis (filled in by ``@rule``). ``awaits``: the answers
    it waits for (their paths, as AnswersError names them), when it can say nothing until they are given.
    ``agency_only``: a "review" only the agency can settle (findings.Finding.agency_only)."""
    return Finding(id="", status=status, title="", message=message, basis=(), notes=tuple(notes),
                   awaits=tuple(awaits), agency_only=agency_only)


# What a finding says when it waits for an answer. The words are for people: what the page counts
# as waiting is the finding's ``awaits`` (render/panel.py), never these words.
NOT_ANSWERED = "まだ回答していません。"
NO_DAY = "提案の日が未入力です。"


def not_known(topic: str, value: object, choice: str = "") -> str:
    """「{topic}について、「{what was chosen}」と回答しました。」 or 「…、まだ回答していません。」

    ``choice`` names the answer (vocabulary.CHOICES), so an "unknown" answer comes back in the words
    the page showed for it (「まだ決めていない」 for the submission method); without it the words
    are 「わからない」 (the box beside a date or a count)."""
    if value == UNKNOWN:
        words = label(choice, value) if choice else UNKNOWN_LABEL
        return f"{topic}について、「{words}」と回答しました。"
    return f"{topic}について、{NOT_ANSWERED}"


def awaiting(value: object, path: str) -> tuple[str, ...]:
    """What a finding on the answer at ``path`` waits for: the answer, unless it was 「わからない」."""
    return () if value == UNKNOWN else (path,)


def awaiting_day(submission: Submission) -> tuple[str, ...]:
    """What a finding that needs the proposal day waits for: the day, unless it was 「わからない」."""
    return () if submission.date_unknown or submission.date is not None else ("submission.date",)


def day_missing(submission: Submission) -> str:
    """Why a finding that needs the proposal day cannot decide: 「わからない」, or nothing given yet."""
    if submission.date_unknown:
        return not_known("提案の日", UNKNOWN)
    return NO_DAY


def article_118_period(call) -> str:
    """Where the period for a proposal under 法第118条 is written: the register entry of the product
    (法第117条第3号), not this call (公示5(1)（注1） applies only the call's 「提案の方法、審査及び契約」)."""
    return ("作成済みの行政機関等匿名加工情報の利用の提案（法第118条）をすることができる期間は、その行政機関等匿名加工情報の"
            "作成に用いた個人情報ファイルの個人情報ファイル簿に書かれています（法第117条第3号）。この募集の期間と同じとは限りません。"
            f"e-Gov の個人情報ファイル簿で確かめるか、{call.agency_name} {call.office}（電話 {call.telephone}）に確かめてください。")
