"""What a rule reads, built from answers objects: for the tests of single rules (test_rules.py,
test_legal_review.py)."""
from __future__ import annotations

from proposal_checker.answers import Answers, Proposal, Submission
from proposal_checker.rules import Context


def context(call, proposal=None, proposers=(), sub=None) -> Context:
    """The answers given (nothing else answered) against ``call``."""
    return Context(Answers(proposal=proposal or Proposal(), proposers=tuple(proposers),
                           submission=sub or Submission()), call)
