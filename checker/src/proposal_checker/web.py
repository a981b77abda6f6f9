"""The entry the browser worker calls: one JSON request in, one JSON response out.

Request:  {"action": ..., "fields": {name: [values]}, "step": "...", "text": "...", "size": n,
           "now": "YYYY-MM-DDTHH:MM"}
Response: {"html", "result_html", "show", "focus", "title", "announce", "download"} (each optional);
          the start response also carries "load_limit": the largest answers file, in bytes, the page
          reads (a larger one is sent as {"action": "load", "size": n}, unread). "download" is
          {"name", "text"} (the answers file) or {"name", "base64", "type"} (the draft's Word file).
          {"needs": "drafting"} alone: the request needs the drafting package, which is not here
          yet; the worker fetches it and sends the same request again (draft_page.py).

"now" is the page's clock in Japan time (checker.js): see visit.py, which keeps the visitor's
session. What each page shows is presenter.py's.

Actions: start, next, back, goto, update, review, result, save, load, clear, clear-confirm,
clear-cancel, add-proposer, remove-proposer:I, add-officer:I, remove-officer:I:J; for the draft
(提案書の下書き): draft (begin it, or show it once begun), add-row, remove-row:I (the processing
table), download-draft (the Word file). An unknown action draws the page on screen again
(printing, say, is the page's own business: checker.js).
"""
from __future__ import annotations

import base64
import json
import re
from datetime import datetime
from typing import Any, Callable

from . import draft_page, flow, form, lists, presenter, render, visit
from .answers import CHOOSE_SAVED, MAX_BYTES, AnswersError, parse_answers_text, too_large
from .call import Call
from .dates import JST
from .form import Fields
from .presenter import draw, go
from .rules.kind import other_call
from .visit import reset, session
from .wording import MESSAGES

# The session's result so far (tests reach it through this module).
_evaluate = presenter.evaluate_answers


def _call() -> Call:
    return session().call


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
    except (TypeError, ValueError):
        request = {}
    if not isinstance(request, dict):
        request = {}
    try:
        response = dispatch(request)
    except draft_page.DraftingMissing:
        # Nothing has changed yet (presenter.go checks first): the same request comes again.
        response = {"needs": "drafting"}
    return json.dumps(response, ensure_ascii=False)


def dispatch(request: dict) -> dict:
    session()
    visit.page_now = _read_now(request.get("now"))
    action = request.get("action")
    action = action if isinstance(action, str) else ""
    fields = _clean_fields(request.get("fields"))
    name, _, arg = action.partition(":")
    handler = _ACTIONS.get(name)
    return draw() if handler is None else handler(fields=fields, arg=arg, request=request)


def _read_now(value: Any) -> datetime | None:
    """The page's "YYYY-MM-DDTHH:MM" (Japan time); anything else is ignored."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=JST)
    except ValueError:
        return None


def _clean_fields(raw: Any) -> Fields:
    """Only {str: [str, ...]} gets through, whatever the page sent."""
    out: Fields = {}
    if not isinstance(raw, dict):
        return out
    for key, values in raw.items():
        if not isinstance(key, str):
            continue
        if isinstance(values, str):
            values = [values]
        if isinstance(values, list):
            out[key] = [v for v in values if isinstance(v, str)]
    return out


# ---------------------------------------------------------------------------------------------
# Actions


def _show(**_: Any) -> dict:
    """The page on screen, drawn again (the page sends this first, as "start", when Python is ready)."""
    # The page reads no answers file larger than this: it sends only the size, and _load says why.
    return {**draw(), "load_limit": MAX_BYTES}


def _next(fields: Fields, **_: Any) -> dict:
    here = session()
    if here.page == "start":
        return go("kind")
    if here.page == "review":
        return go("result")
    step = here.current_step(fields)
    if step is None:
        return draw()
    applied = here.apply(step, fields, strict=True)
    if applied.errors:
        return draw(errors=applied.errors)
    return go(here.after(step))


def _back(fields: Fields, **_: Any) -> dict:
    here = session()
    if here.page == "review":
        return go(here.route()[-1])
    if here.page == "result":
        return go("review")
    if here.page == "clear":
        return go(here.return_to)
    if here.page == "draft":
        return go(here.route()[-1])
    step = here.current_step(fields)
    if step is None:
        return go("start")
    here.apply(step, fields, strict=False)
    return go(here.before(step))


def _goto(request: dict, **_: Any) -> dict:
    here = session()
    target = request.get("step")
    if not isinstance(target, str):
        return draw()
    step_id, _, focus = target.partition("#")
    if step_id not in visit.PAGES and flow.step_by_id(here.answers, step_id) is None:
        return draw()
    here.from_review = here.page == "review" and step_id not in visit.PAGES
    if not re.fullmatch(r"[A-Za-z0-9_-]+", focus or "-"):
        focus = ""
    return go(step_id, focus=focus or None)


def _update(fields: Fields, **_: Any) -> dict:
    here = session()
    step = here.current_step(fields)
    if step is None:  # a form no longer on screen: nothing to write
        return {"result_html": presenter.panel()}
    here.apply(step, fields, strict=False)
    response = {"result_html": presenter.panel()}
    current = flow.step_by_id(here.answers, step.id)
    if current is not None:
        response["show"] = form.visible(here.answers, current)
    return response


def _review(fields: Fields, **_: Any) -> dict:
    here = session()
    step = here.current_step(fields)
    if step is not None:
        here.apply(step, fields, strict=False)
    return go("review")


def _result(**_: Any) -> dict:
    return go("result")


def _save(**_: Any) -> dict:
    data = flow.effective(session().answers)
    day = visit.now().strftime("%Y%m%d")
    return {
        "download": {"name": f"proposal-answers-{_call().id}-{day}.json",
                     "text": json.dumps(data, ensure_ascii=False, indent=2) + "\n"},
        "announce": MESSAGES["saved"],
    }


def _load(request: dict, fields: Fields, **_: Any) -> dict:
    here = session()
    # What was typed on the step comes along and is kept, so a file that cannot be read loses nothing.
    step = here.current_step(fields) if fields else None
    if step is not None:
        here.apply(step, fields, strict=False)

    # A file over MAX_BYTES comes as its size alone (checker.js does not read it).
    text, size = request.get("text"), request.get("size")
    problems: list[str] = []
    if isinstance(size, (int, float)) and not isinstance(size, bool) and size > MAX_BYTES:
        problems.append(too_large(int(size)) + "。" + CHOOSE_SAVED)
    elif not isinstance(text, str):
        problems.append(MESSAGES["unreadable"])
    else:
        try:
            saved = parse_answers_text(text)
        except AnswersError as error:
            # What is wrong and what to do, for an applicant; a damaged file's fields, by name, after it.
            details = error.errors if error.show_errors else []
            problems = [error.summary] + [f"{path}：{message}" if path else message for path, message in details[:10]]
            if len(details) > 10:
                problems.append(MESSAGES["more_problems"].format(count=len(details) - 10))
    if problems:
        items = [("", MESSAGES["kept"])] + [("", p) for p in problems]
        return draw(summary=render.error_summary(items, MESSAGES["not_loaded"]), announce=MESSAGES["not_loaded"] + "。")
    answers = json.loads(text)
    answers.setdefault("call", _call().id)
    here.answers, here.invalid, here.from_review = answers, {}, False
    # A file that holds a draft is read with the draft's steps, so its review lists them.
    here.drafting = here.drafting or flow.draft_begun(answers)
    # Answers saved for another call are kept, and checked against this one; the page says so.
    return go("review", message=MESSAGES["loaded"] + (other_call(saved, _call()) or MESSAGES["check_loaded"]))


def _clear(**_: Any) -> dict:
    here = session()
    if here.page != "clear":
        here.return_to = here.page
    return go("clear")


def _clear_confirm(**_: Any) -> dict:
    reset()
    return go("start", message=MESSAGES["cleared"])


def _clear_cancel(**_: Any) -> dict:
    here = session()
    return go(here.return_to if here.page == "clear" else here.page)


def _on_step(fields: Fields, step_id: str):
    """The session, with what the form holds applied, when the step on screen is ``step_id`` (a row
    is added or removed only on the step that lists them); otherwise None."""
    here = session()
    step = here.current_step(fields)
    if step is None or step.id != step_id:
        return None
    here.apply(step, fields, strict=False)
    return here


def _add_to(fields: Fields, step_id: str, add: Callable[[Any], int], focus: str, message: str) -> dict:
    """Add a row to a list (proposers, the processing table's rows) on its own step; the new row's
    heading (``focus``, with its {index}) takes the focus."""
    here = _on_step(fields, step_id)
    if here is None:
        return draw()
    index = add(here.answers)
    return draw(focus=focus.format(index=index), announce=MESSAGES[message].format(number=index + 1))


def _add_proposer(fields: Fields, **_: Any) -> dict:
    return _add_to(fields, "proposers", lists.add_proposer, "s-p{index}-heading", "proposer_added")


def _remove_from(fields: Fields, step_id: str, arg: str, remove: Callable[[Any, int], bool], prefix: str,
                 message: str) -> dict:
    """Remove row ``arg`` of a list (proposers, the processing table's rows) on its own step; the
    invalid answers of the rows after it move up with them."""
    here = _on_step(fields, step_id) if arg.isdigit() else None
    if here is None:
        return draw()
    index = int(arg)
    if remove(here.answers, index):
        here.invalid = lists.shift_names(here.invalid, prefix, index)
    return draw(announce=MESSAGES[message].format(number=index + 1))


def _remove_proposer(fields: Fields, arg: str, **_: Any) -> dict:
    return _remove_from(fields, "proposers", arg, lists.remove_proposer, "p", "proposer_removed")


def _add_officer(fields: Fields, arg: str, **_: Any) -> dict:
    here = _on_step(fields, f"proposer-{int(arg) + 1}") if arg.isdigit() else None
    if here is None:
        return draw()
    index = int(arg)
    officer = lists.add_officer(here.answers, index)
    return draw(focus=f"s-p{index}-o{officer}-heading", announce=MESSAGES["officer_added"].format(number=officer + 1))


def _remove_officer(fields: Fields, arg: str, **_: Any) -> dict:
    index, _, officer = arg.partition(":")
    here = _on_step(fields, f"proposer-{int(index) + 1}") if index.isdigit() and officer.isdigit() else None
    if here is None:
        return draw()
    i, j = int(index), int(officer)
    if lists.remove_officer(here.answers, i, j):
        here.invalid = lists.shift_names(here.invalid, f"p{i}.o", j)
    return draw(announce=MESSAGES["officer_removed"].format(number=j + 1))


# -- the draft (提案書の下書き) -------------------------------------------------------------------


def _draft(fields: Fields, **_: Any) -> dict:
    """Begin the draft (from the result, the start or the review), or show it once begun: the
    screening's first unanswered step comes first, since the documents need its answers."""
    here = session()
    step = here.current_step(fields)
    if step is not None:
        here.apply(step, fields, strict=False)
    if here.page != "draft":
        here.draft_from = here.page
    here.drafting, here.from_review = True, False
    if flow.draft_begun(flow.effective(here.answers)):
        return go("draft")
    missing = flow.first_incomplete(here.answers)
    if missing is not None and missing.part == flow.CHECK:
        return go(missing.id)
    first = next(s for s in flow.steps(here.answers) if s.part == flow.DRAFT)
    return go(first.id)


def _add_row(fields: Fields, **_: Any) -> dict:
    return _add_to(fields, "draft-processing", lists.add_row, "s-r{index}-heading", "row_added")


def _remove_row(fields: Fields, arg: str, **_: Any) -> dict:
    return _remove_from(fields, "draft-processing", arg, lists.remove_row, lists.ROW_PREFIX, "row_removed")


def _download_draft(**_: Any) -> dict:
    """The draft's Word file, made here (nothing leaves the browser); the page saves it as a file."""
    here = session()
    draft_page.ensure()
    data, media_type = draft_page.word_file(presenter.draft_of_session())
    day = visit.now().strftime("%Y%m%d")
    return {"download": {"name": f"proposal-draft-{_call().id}-{day}.docx", "type": media_type,
                         "base64": base64.b64encode(data).decode("ascii")},
            "announce": render.DRAFT_WORDS["saved"]}


_ACTIONS: dict[str, Callable[..., dict]] = {
    "start": _show, "next": _next, "back": _back, "goto": _goto, "update": _update, "review": _review,
    "result": _result, "save": _save, "load": _load, "clear": _clear, "clear-confirm": _clear_confirm,
    "clear-cancel": _clear_cancel, "add-proposer": _add_proposer, "remove-proposer": _remove_proposer,
    "add-officer": _add_officer, "remove-officer": _remove_officer,
    "draft": _draft, "add-row": _add_row, "remove-row": _remove_row, "download-draft": _download_draft,
}


# ---------------------------------------------------------------------------------------------
# The opening screens, for the build


def opening(call: Call | None = None) -> list[dict]:
    """The first requests a visitor makes, each with this module's response and the page it is
    made from ("from"), from a fresh state: はじめに, step 1, and step 2 for each answer of step 1
    (step 2 is the same questions for every kind of proposal, but its count of steps and its live
    panel follow the kind), or step 1 again saying what is missing.

    The build puts them into the checker page (build/hooks/opening.py), so the first screens can
    be read and answered while Python is still starting in the browser; when it is ready, the page
    sends the same requests again and hands over what was typed. ``call``: the call the build
    validated (the same data the wheel carries). The state is left fresh.
    """
    first = ({"action": "start"}, {"action": "next", "fields": {}})

    def replay(request: dict | None = None) -> list[dict]:
        reset(call)
        done = []
        for ask in (*first, *([request] if request else [])):
            done.append({"request": ask, "from": session().page if done else None, "response": dispatch(ask)})
        return done

    out = replay()
    step = flow.steps(session().answers)[0]
    (kind,) = step.fields  # step 1 asks one question, the kind of proposal
    for value in ("", *(option.value for option in kind.question.options)):
        fields = {"_step": [step.id], **({kind.name: [value]} if value else {})}
        out.append(replay({"action": "next", "fields": fields})[-1])
    reset()
    return out
