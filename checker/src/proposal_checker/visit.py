"""One visitor's page, kept for as long as it is open: the call it serves, the working answers, the
page on screen, what was typed but not accepted; and "now".

The answers live here, in this module's state: going back never drops them, nothing is written
to the browser's storage, and "save" hands the person a file instead.

"now" is the page's clock in Japan time, sent with each request (checker.js, read by web.py): the
one "today" for validating dates, the result's time, the saved file's name, the call's state and
the days already past. Without it (CPython, the command line, the build) the machine's clock serves.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from . import flow, form
from .call import Call, packaged_call
from .dates import JST, jst
from .result import Result

# The pages that are not steps ("draft": the drafted documents, 提案書の下書き).
PAGES = ("start", "review", "result", "clear", "draft")

# The machine's clock: the fallback when the request sends no "now" (tests replace it).
clock: Callable[[], datetime] = lambda: datetime.now(JST)  # noqa: E731
# The "now" the page sent with the request being handled, if any (web.dispatch sets it).
page_now: datetime | None = None


def now() -> datetime:
    """Now in Japan time: the page's, else the machine's."""
    return page_now if page_now is not None else jst(clock())


@dataclass
class Session:
    """One visitor's page: the call it serves, the working answers (answers to questions that no
    longer apply are kept, see flow.effective), the page on screen, and what was typed but not accepted."""
    call: Call
    answers: dict
    page: str = "start"
    invalid: dict[str, form.Fields] = field(default_factory=dict)   # field name -> raw form values
    from_review: bool = False      # "next" leads back to the review
    return_to: str = "start"       # the page the clear dialog returns to
    unanswered: Result | None = None  # the result of no answers at all: the live panel's baseline
    drafting: bool = False         # the visitor goes through the draft's steps too (提案書の下書き)
    draft_from: str = ""           # the page the draft was begun from: its first step's "back" returns there

    def current_step(self, fields: form.Fields) -> flow.Step | None:
        """The step on screen, if the form sent is that step's form."""
        if self.page in PAGES:
            return None
        sent = (fields.get("_step") or [self.page])[0]
        if sent != self.page:
            return None
        return flow.step_by_id(self.answers, self.page)

    def apply(self, step: flow.Step, fields: form.Fields, strict: bool) -> form.Applied:
        """Write the step's form into the answers; keep what was typed and not accepted."""
        applied = form.apply(self.answers, step, fields, today=now().date(), strict=strict)
        for name in applied.valid:
            self.invalid.pop(name, None)
        self.invalid.update(applied.invalid)
        return applied

    def route(self) -> list[str]:
        """The steps "next" and "back" go through: the screening's, and the draft's once it is begun."""
        return [s.id for s in flow.steps(self.answers) if self.drafting or s.part == flow.CHECK]

    def after(self, step: flow.Step) -> str:
        """Where "next" leads from a step: the following step, or back to the review (from the
        draft's last step: the drafted documents)."""
        ids = self.route()
        here = ids.index(step.id) if step.id in ids else -1
        if self.from_review:
            following = flow.first_incomplete(self.answers)
            if following is not None and following.id in ids[here + 1:]:
                return following.id
            return "review"
        if here + 1 < len(ids):
            return ids[here + 1]
        return "draft" if step.part == flow.DRAFT else "review"

    def before(self, step: flow.Step) -> str:
        """Where "back" leads from a step: the review it came from, the step before, or the start
        (from the draft's first step: the page the draft was begun from, the result say)."""
        if self.from_review:
            return "review"
        ids = self.route()
        here = ids.index(step.id) if step.id in ids else 0
        if step.part == flow.DRAFT and here > 0 and self.draft_from in ("result", "review") and \
                flow.step_by_id(self.answers, ids[here - 1]).part == flow.CHECK:
            return self.draft_from
        return ids[here - 1] if here > 0 else "start"


_session: Session | None = None


def reset(call: Call | None = None) -> None:
    """Forget everything (a fresh page). ``call`` is the call this page serves: the packaged one
    unless given (tests pass their own); clearing the answers keeps it."""
    global _session
    call = call or (_session.call if _session else None) or packaged_call()
    _session = Session(call=call, answers=flow.new_answers(call.id))


def session() -> Session:
    if _session is None:
        reset()
    assert _session is not None
    return _session
