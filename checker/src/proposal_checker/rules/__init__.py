"""The rules: one module per group of legal requirements, each rule registered by ``@rule``.

A rule has an id, a title, its legal basis, a plain explanation of what it checks, and a
deterministic ``check(context)`` returning findings. ``all_rules()`` imports the groups in the
order a reader meets them (kind of proposal, proposers, criteria, documents, submission) and
returns every registered rule; nothing else keeps a list of rules.
"""
from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from ..answers import Answers
from ..call import Call
from ..findings import Finding

# The groups, in reading order. Adding a rule means adding a function with ``@rule`` to one of these.
GROUPS = ("kind", "disqualification", "population", "processing", "content", "documents", "submission")
# Each group's heading on the site's list of rules (static.rules_html).
GROUP_TITLES = {"kind": "提案の種類", "disqualification": "提案者の欠格事由", "population": "本人の数",
                "processing": "加工の方法", "content": "提案の内容", "documents": "添える書類",
                "submission": "提出の方法と期限"}


@dataclass(frozen=True)
class Context:
    """What every rule may read: the answers and the call. Nothing else (no clock)."""
    answers: Answers
    call: Call

    @property
    def proposal_day(self) -> date | None:
        """「提案の日」: the day the papers are handed in, or arrive by post."""
        return self.answers.submission.date

    @property
    def is_new(self) -> bool | None:
        return self.answers.proposal.is_new

    @property
    def is_existing(self) -> bool:
        """A 法第118条 proposal: no 本人の数 and no processing-method test (法第118条第2項)."""
        return self.answers.proposal.is_new is False


Check = Callable[[Context], list[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    basis: tuple[str, ...]
    explain: str
    check: Check
    group: str


_REGISTRY: list[Rule] = []


def rule(id: str, title: str, basis: tuple[str, ...], explain: str) -> Callable[[Check], Check]:
    """Register a check function as a rule. A finding that leaves its id, title or basis empty
    (``common.said``) takes the rule's, so a rule that speaks for itself writes only status and message."""
    def register(check: Check) -> Check:
        group = check.__module__.rsplit(".", 1)[-1]
        if any(r.id == id for r in _REGISTRY):
            raise ValueError(f"rule {id!r} is registered twice")

        @functools.wraps(check)
        def run(ctx: Context) -> list[Finding]:
            return [f if f.id and f.title and f.basis
                    else replace(f, id=f.id or id, title=f.title or title, basis=f.basis or basis)
                    for f in check(ctx)]

        _REGISTRY.append(Rule(id=id, title=title, basis=basis, explain=explain, check=run, group=group))
        return run
    return register


def all_rules() -> list[Rule]:
    """Every rule, grouped in ``GROUPS`` order, each group in its source order."""
    for group in GROUPS:
        importlib.import_module(f"{__name__}.{group}")
    order = {group: i for i, group in enumerate(GROUPS)}
    return sorted(_REGISTRY, key=lambda r: order.get(r.group, len(order)))  # sorted() is stable


__all__ = ["Context", "GROUPS", "GROUP_TITLES", "Rule", "all_rules", "rule"]
