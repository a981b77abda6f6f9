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
from ..findings import Finding, Part
from ..vocabulary import KINDS

# The groups, in reading order. Adding a rule means adding a function with ``@rule`` to one of these.
GROUPS = ("kind", "disqualification", "population", "processing", "content", "documents", "submission", "draft")
# Each group's heading on the site's list of rules (static.rules_html).
GROUP_TITLES = {"kind": "提案の種類", "disqualification": "提案者の欠格事由", "population": "本人の数",
                "processing": "加工の方法", "content": "提案の内容", "documents": "添える書類",
                "submission": "提出の方法と期限", "draft": "提案書の下書き"}
# Which of the result's three answers (findings.Part) each group's findings belong to, unless a rule
# names another (``@rule(part=...)``): the kind of proposal and the file it names decide the form and
# what is written in it, so they go with the papers.
GROUP_PARTS = {"kind": Part.PAPERS, "disqualification": Part.ELIGIBILITY, "population": Part.CRITERIA,
               "processing": Part.CRITERIA, "content": Part.CRITERIA, "documents": Part.PAPERS,
               "submission": Part.PAPERS, "draft": Part.PAPERS}


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


Check = Callable[[Context], list[Finding]]

# The kinds of proposal a rule may be limited to, named as the documents' ``when`` tags are:
# 法第118条第2項 applies only some of the requirements of a new proposal (法第112条) to a proposal
# to use a product already made (法第118条第1項, and 公示5(1)（注1）'s extension).
SCOPES = {"new": ("new",), "existing": tuple(k for k in KINDS if k != "new")}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    basis: tuple[str, ...]
    explain: str
    check: Check
    group: str
    finding: str = ""      # the id of its findings: the rule's id unless @rule names another (saved results rely on it)
    scope: str = ""        # "" every proposal; else a key of SCOPES
    stated: bool = False   # asks only whether the proposal states it: "stated", never "pass" (the agency judges it)
    part: Part = Part.PAPERS  # which of the result's three answers its findings belong to (GROUP_PARTS)

    def applies(self, kind: str | None) -> bool:
        """Whether the rule applies to a proposal of this kind. Until the kind is chosen, the rules
        of a new proposal apply: they ask for the most, and say what is still missing."""
        if not self.scope:
            return True
        return kind in SCOPES[self.scope] if kind is not None else self.scope == "new"


_REGISTRY: list[Rule] = []


def rule(id: str, title: str, basis: tuple[str, ...], explain: str, *,
         finding: str = "", scope: str = "", stated: bool = False, part: Part | None = None) -> Callable[[Check], Check]:
    """Register a check function as a rule.

    A finding that leaves its id, title or basis empty (``common.said``) takes the rule's (the id
    is ``finding`` when given), so a rule that speaks for itself writes only status and message.
    A rule with a ``scope`` runs only for those kinds of proposal, and gives no finding otherwise.
    A ``stated`` rule asks only whether the proposal states something the agency alone judges
    (法第114条第1項第3号から第6号まで): it gives "stated" or "review", never "pass" (the tests hold it to that).
    Its findings belong to ``part`` of the result's three answers: its group's (``GROUP_PARTS``) unless named.
    """
    if scope and scope not in SCOPES:
        raise ValueError(f"rule {id!r}: scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    finding_id = finding or id

    def register(check: Check) -> Check:
        group = check.__module__.rsplit(".", 1)[-1]
        if any(r.id == id for r in _REGISTRY):
            raise ValueError(f"rule {id!r} is registered twice")
        if part is None and group not in GROUP_PARTS:
            raise ValueError(f"rule {id!r}: group {group!r} has no part (GROUP_PARTS); name one with part=")
        me = Rule(id=id, title=title, basis=basis, explain=explain, check=check, group=group,
                  finding=finding_id, scope=scope, stated=stated, part=part or GROUP_PARTS[group])

        @functools.wraps(check)
        def run(ctx: Context) -> list[Finding]:
            if not me.applies(ctx.answers.proposal.kind):
                return []
            return [f if f.id and f.title and f.basis and f.part is me.part
                    else replace(f, id=f.id or finding_id, title=f.title or title, basis=f.basis or basis, part=me.part)
                    for f in check(ctx)]

        _REGISTRY.append(replace(me, check=run))
        return run
    return register


def all_rules() -> list[Rule]:
    """Every rule, grouped in ``GROUPS`` order, each group in its source order."""
    for group in GROUPS:
        importlib.import_module(f"{__name__}.{group}")
    order = {group: i for i, group in enumerate(GROUPS)}
    return sorted(_REGISTRY, key=lambda r: order.get(r.group, len(order)))  # sorted() is stable


def rules_by_id() -> dict[str, Rule]:
    return {r.id: r for r in all_rules()}


__all__ = ["Context", "GROUPS", "GROUP_PARTS", "GROUP_TITLES", "Rule", "SCOPES", "all_rules", "rule", "rules_by_id"]
