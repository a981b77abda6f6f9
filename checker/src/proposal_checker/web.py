"""The entry the browser worker calls: one JSON request in, one JSON response out.

Request:  {"action": ..., "fields": {name: [values]}, "step": "...", "text": "...", "size": n,
           "now": "YYYY-MM-DDTHH:MM"}
Response: {"html", "result_html", "show", "focus", "title", "announce", "download"} (each optional);
          the start response also carries "load_limit": the largest answers file, in bytes, the page
          reads (a larger one is sent as {"action": "load", "size": n}, unread).

"now" is the page's clock in Japan time (checker.js): the one "today" for validating dates, the
result's time, the saved file's name, the call's state and the days already past. Without it
(CPython, the command line, the build) the machine's clock serves.

Actions: start, next, back, goto, update, review, result, save, load, clear, clear-confirm,
clear-cancel, add-proposer, remove-proposer:I, add-officer:I, remove-officer:I:J, print, print-all.

The answers live here, in this module's state, for as long as the page is open: going back
never drops them, nothing is written to the browser's storage, and "save" hands the person
a file instead.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from . import call_state, flow, form, lists, render
from .call import Call, packaged_call
from .dates import JST, jst
from .result import Result

PAGES = ("start", "review", "result", "clear")

# The machine's clock: the fallback when the request sends no "now" (tests replace it).
clock: Callable[[], datetime] = lambda: datetime.now(JST)  # noqa: E731
# The "now" the page sent with the request being handled, if any.
_page_now: datetime | None = None


def now() -> datetime:
    """Now in Japan time: the page's, else the machine's."""
    return _page_now if _page_now is not None else jst(clock())


def _read_now(value: Any) -> datetime | None:
    """The page's "YYYY-MM-DDTHH:MM" (Japan time); anything else is ignored."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=JST)
    except ValueError:
        return None


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


def _call() -> Call:
    return session().call


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
    except (TypeError, ValueError):
        request = {}
    if not isinstance(request, dict):
        request = {}
    return json.dumps(dispatch(request), ensure_ascii=False)


def dispatch(request: dict) -> dict:
    global _page_now
    session()
    _page_now = _read_now(request.get("now"))
    action = request.get("action")
    action = action if isinstance(action, str) else ""
    fields = _clean_fields(request.get("fields"))
    name, _, arg = action.partition(":")
    handler = _ACTIONS.get(name)
    return _render() if handler is None else handler(fields=fields, arg=arg, request=request)


# ---------------------------------------------------------------------------------------------
# Actions


def _show(**_: Any) -> dict:
    """The page on screen, drawn again (the page sends this first, as "start", when Python is ready)."""
    from .answers import MAX_BYTES

    # The page reads no answers file larger than this: it sends only the size, and _load says why.
    return {**_render(), "load_limit": MAX_BYTES}


def _next(fields: dict, **_: Any) -> dict:
    page = session().page
    if page == "start":
        return _go("kind")
    if page == "review":
        return _go("result")
    step = _current_step(fields)
    if step is None:
        return _render()
    applied = _apply(step, fields, strict=True)
    if applied.errors:
        return _render(errors=applied.errors)
    return _go(_after(step))


def _back(fields: dict, **_: Any) -> dict:
    page = session().page
    if page == "review":
        return _go(flow.steps(_answers())[-1].id)
    if page == "result":
        return _go("review")
    if page == "clear":
        return _go(session().return_to)
    step = _current_step(fields)
    if step is None:
        return _go("start")
    _apply(step, fields, strict=False)
    if session().from_review:
        return _go("review")
    ids = [s.id for s in flow.steps(_answers())]
    here = ids.index(step.id) if step.id in ids else 0
    return _go(ids[here - 1] if here > 0 else "start")


def _goto(request: dict, **_: Any) -> dict:
    target = request.get("step")
    if not isinstance(target, str):
        return _render()
    step_id, _, focus = target.partition("#")
    if step_id not in PAGES and flow.step_by_id(_answers(), step_id) is None:
        return _render()
    session().from_review = session().page == "review" and step_id not in PAGES
    if not re.fullmatch(r"[A-Za-z0-9_-]+", focus or "-"):
        focus = ""
    return _go(step_id, focus=focus or None)


def _update(fields: dict, **_: Any) -> dict:
    step = _current_step(fields)
    if step is None:  # a form no longer on screen: nothing to write
        return {"result_html": _panel()}
    _apply(step, fields, strict=False)
    response = {"result_html": _panel()}
    current = flow.step_by_id(_answers(), step.id)
    if current is not None:
        response["show"] = form.visible(_answers(), current)
    return response


def _review(fields: dict, **_: Any) -> dict:
    step = _current_step(fields)
    if step is not None:
        _apply(step, fields, strict=False)
    return _go("review")


def _result(**_: Any) -> dict:
    return _go("result")


def _save(**_: Any) -> dict:
    data = flow.effective(_answers())
    day = now().strftime("%Y%m%d")
    return {
        "download": {"name": f"proposal-answers-{_call().id}-{day}.json",
                     "text": json.dumps(data, ensure_ascii=False, indent=2) + "\n"},
        "announce": "回答をファイルに保存しました。",
    }


def _load(request: dict, fields: dict, **_: Any) -> dict:
    from .answers import CHOOSE_SAVED, MAX_BYTES, AnswersError, other_call, parse_answers_text, too_large

    # What was typed on the step comes along and is kept, so a file that cannot be read loses nothing.
    step = _current_step(fields) if fields else None
    if step is not None:
        _apply(step, fields, strict=False)

    # A file over MAX_BYTES comes as its size alone (checker.js does not read it).
    text, size = request.get("text"), request.get("size")
    problems: list[str] = []
    if isinstance(size, (int, float)) and not isinstance(size, bool) and size > MAX_BYTES:
        problems.append(too_large(int(size)) + "。" + CHOOSE_SAVED)
    elif not isinstance(text, str):
        problems.append("ファイルを読めませんでした。ファイルを開けるか確かめて、もう一度選んでください。")
    else:
        try:
            saved = parse_answers_text(text)
        except AnswersError as error:
            # What is wrong and what to do, for an applicant; a damaged file's fields, by name, after it.
            details = error.errors if error.show_errors else []
            problems = [error.summary] + [f"{path}：{message}" if path else message for path, message in details[:10]]
            if len(details) > 10:
                problems.append(f"ほかに{len(details) - 10}件の問題があります。")
    if problems:
        items = [("", "読み込めなかったため、今の回答はそのままです。")] + [("", p) for p in problems]
        return _render(summary=render.error_summary(items, "回答ファイルを読み込めませんでした"),
                       announce="回答ファイルを読み込めませんでした。")
    answers = json.loads(text)
    answers.setdefault("call", _call().id)
    s = session()
    s.answers, s.invalid, s.from_review = answers, {}, False
    # Answers saved for another call are kept, and checked against this one; the page says so.
    return _go("review", message="回答ファイルを読み込みました。" + (other_call(saved, _call()) or "答えを確かめてください。"))


def _clear(**_: Any) -> dict:
    if session().page != "clear":
        session().return_to = session().page
    return _go("clear")


def _clear_confirm(**_: Any) -> dict:
    reset()
    return _go("start", message="すべての回答を消去しました。")


def _clear_cancel(**_: Any) -> dict:
    return _go(session().return_to if session().page == "clear" else session().page)


def _add_proposer(fields: dict, **_: Any) -> dict:
    step = _current_step(fields)
    if step is None or step.id != "proposers":
        return _render()
    _apply(step, fields, strict=False)
    index = lists.add_proposer(_answers())
    return _render(focus=f"s-p{index}-heading", announce=f"提案者{index + 1}を追加しました。")


def _remove_proposer(fields: dict, arg: str, **_: Any) -> dict:
    step = _current_step(fields)
    if step is None or step.id != "proposers" or not arg.isdigit():
        return _render()
    _apply(step, fields, strict=False)
    index = int(arg)
    if lists.remove_proposer(_answers(), index):
        session().invalid = lists.shift_names(session().invalid, "p", index)
    return _render(announce=f"提案者{index + 1}を削除しました。")


def _add_officer(fields: dict, arg: str, **_: Any) -> dict:
    step = _current_step(fields)
    if step is None or not arg.isdigit() or step.id != f"proposer-{int(arg) + 1}":
        return _render()
    index = int(arg)
    _apply(step, fields, strict=False)
    officer = lists.add_officer(_answers(), index)
    return _render(focus=f"s-p{index}-o{officer}-heading", announce=f"役員{officer + 1}を追加しました。")


def _remove_officer(fields: dict, arg: str, **_: Any) -> dict:
    step = _current_step(fields)
    index, _, officer = arg.partition(":")
    if step is None or not (index.isdigit() and officer.isdigit()) or step.id != f"proposer-{int(index) + 1}":
        return _render()
    _apply(step, fields, strict=False)
    i, j = int(index), int(officer)
    if lists.remove_officer(_answers(), i, j):
        session().invalid = lists.shift_names(session().invalid, f"p{i}.o", j)
    return _render(announce=f"役員{j + 1}を削除しました。")


def _print(**_: Any) -> dict:
    # The page prints itself (checker.js): "print" the checklist alone, "print-all" the whole
    # result; nothing changes here.
    return {"announce": ""}


_ACTIONS: dict[str, Callable[..., dict]] = {
    "start": _show, "next": _next, "back": _back, "goto": _goto, "update": _update, "review": _review,
    "result": _result, "save": _save, "load": _load, "clear": _clear, "clear-confirm": _clear_confirm,
    "clear-cancel": _clear_cancel, "add-proposer": _add_proposer, "remove-proposer": _remove_proposer,
    "add-officer": _add_officer, "remove-officer": _remove_officer, "print": _print, "print-all": _print,
}


# ---------------------------------------------------------------------------------------------
# State helpers


def _answers() -> dict:
    return session().answers


def _clean_fields(raw: Any) -> form.Fields:
    """Only {str: [str, ...]} gets through, whatever the page sent."""
    out: form.Fields = {}
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


def _current_step(fields: form.Fields) -> flow.Step | None:
    """The step on screen, if the form sent is that step's form."""
    page = session().page
    if page in PAGES:
        return None
    sent = (fields.get("_step") or [page])[0]
    if sent != page:
        return None
    return flow.step_by_id(_answers(), page)


def _apply(step: flow.Step, fields: form.Fields, strict: bool) -> form.Applied:
    applied = form.apply(_answers(), step, fields, today=now().date(), strict=strict)
    invalid = session().invalid
    for name in applied.valid:
        invalid.pop(name, None)
    invalid.update(applied.invalid)
    return applied


def _after(step: flow.Step) -> str:
    """Where "next" leads from a step: the following step, or back to the review."""
    ids = [s.id for s in flow.steps(_answers())]
    here = ids.index(step.id) if step.id in ids else -1
    if session().from_review:
        following = flow.first_incomplete(_answers())
        if following is not None and following.id in ids[here + 1:]:
            return following.id
        return "review"
    return ids[here + 1] if here + 1 < len(ids) else "review"


def _evaluate(answers: dict | None = None) -> Result:
    """The result for ``answers``, the session's so far by default. The flow keeps only answers the
    format accepts, so an error here is a bug: it reaches the page's error state (checker.js), never
    a quiet "not ready"."""
    from .answers import parse_answers
    from .evaluate import evaluate

    return evaluate(parse_answers(flow.effective(_answers() if answers is None else answers)), _call(), now())


def _panel() -> str:
    """The live panel beside a step: what the answers so far decide, against no answers at all."""
    here = session()
    if here.unanswered is None:  # the same for every update of the page: made once
        here.unanswered = _evaluate(flow.new_answers(here.call.id))
    return render.result_panel(_evaluate(), here.unanswered)


def _review_rows(answers: dict) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """Every question that applies, with its answer in words and where to change it."""
    groups = []
    for step in flow.steps(answers):
        rows = [(f.question.summary or f.question.label, f.subject, form.display_value(f, answers),
                 f"{step.id}#{f.input_id}") for f in step.fields if f.applies]
        groups.append((step.title, rows))
    return groups


def _state() -> call_state.CallState | None:
    """The call's state on the page's day; None without it (the command line, the build)."""
    return call_state.state(_call(), _page_now) if _page_now is not None else None


# The answered days that can be already past (their names in the answers, on the submission step).
PAST_DAYS = ("submission.date", "submission.posted_on")


def _past_days() -> str:
    """The note on answered days before today (the rules have no clock, so this is said here),
    each named by its question's own words (questions.json)."""
    from .answers import parse_answers

    step = flow.step_by_id(_answers(), "submission")
    if step is None:
        return ""
    submission = parse_answers(flow.effective(_answers())).submission
    fields = {f.name: f for f in step.fields if f.name in PAST_DAYS and f.applies}
    past = call_state.past_days({name: getattr(submission, name.rpartition(".")[2]) for name in fields},
                                now().date())
    if not past:
        return ""
    words = [(fields[name].question.summary or fields[name].question.label, d) for name, d in past]
    return render.past_days_note(words, now().date(), f"{step.id}#{fields[past[0][0]].input_id}")


def _href(basis: str) -> str | None:
    try:
        from .citations import citation_href
    except ImportError:
        return None
    return citation_href(basis)


# ---------------------------------------------------------------------------------------------
# Pages


def _go(page: str, focus: str | None = None, message: str = "") -> dict:
    if page not in PAGES and flow.step_by_id(_answers(), page) is None:
        page = "start"
    if page == "review":
        session().from_review = False
    session().page = page
    return _render(focus=focus, message=message)


def _progress(current: str | None) -> str:
    answers = _answers()
    topics = flow.topics(answers)
    first: dict[str, str] = {}
    for s in flow.steps(answers):
        first.setdefault(s.topic, s.id)
    ids = [t.id for t in topics]
    limit = ids.index(current) if current in ids else len(ids)
    links = {t: first[t] for t in ids[:limit] if t in first}
    return render.step_indicator(topics, current, links)


def _render(errors: list[tuple[flow.Field, str]] | None = None, focus: str | None = None,
            announce: str | None = None, summary: str = "", message: str = "") -> dict:
    page = session().page
    answers = _answers()
    call = _call()
    error_items = [(f.input_id, f"{f.question.summary or f.question.label}"
                    + (f"（{f.subject}）" if f.subject else "") + f"：{text.lstrip('＊')}")
                   for f, text in errors or []]
    if error_items:
        summary = render.error_summary(error_items)
    failed = bool(summary)

    if page == "start":
        html = render.start_page(call, summary=summary, message=message)
        heading = "はじめに"
    elif page == "review":
        html = render.review_page(_progress(None), _review_rows(answers), summary=summary, message=message)
        heading = "回答の確認"
    elif page == "result":
        html = render.result_page(_evaluate(), call, _href, _progress(None), message=message, summary=summary,
                                  past=_past_days(), state=_state())
        heading = "結果"
    elif page == "clear":
        html = render.clear_page()
        heading = "すべての回答を消去しますか"
    else:
        step = flow.step_by_id(answers, page)
        assert step is not None
        number, total = flow.step_number(answers, step)
        values = {f.name: session().invalid.get(f.name) or form.form_values(f, answers) for f in step.fields}
        errors_by_name = {f.name: text for f, text in errors or []}
        html = render.step_page(step, number, total, _progress(step.topic), values, errors_by_name, summary,
                                _panel(), message=message, call=call)
        heading = f"ステップ {number} / {total}：{step.title}"

    # "page": what is on screen, for the browser's history (checker.js keeps only this id there).
    # "answered": whether anything differs from a fresh start (leaving then asks first).
    response = {"html": html, "title": render.title(heading, failed), "page": page,
                "answered": flow.effective(answers) != flow.effective(flow.new_answers(call.id))}
    if failed:
        response["focus"] = render.ERROR_SUMMARY_ID
        response["announce"] = announce or (f"入力内容に問題があります（{len(error_items)}件）。" if error_items else "")
    else:
        response["focus"] = focus or render.HEADING_ID
        response["announce"] = announce or (message + heading if message else heading)
    return response


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
    step = flow.steps(_answers())[0]
    (kind,) = step.fields  # step 1 asks one question, the kind of proposal
    for value in ("", *(option.value for option in kind.question.options)):
        fields = {"_step": [step.id], **({kind.name: [value]} if value else {})}
        out.append(replay({"action": "next", "fields": fields})[-1])
    reset()
    return out
