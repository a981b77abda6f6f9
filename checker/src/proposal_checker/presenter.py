"""What is on screen for the visitor's session (visit.py): the page's HTML (render/), its title,
where focus goes and what is announced; the result and the live panel; the notes that need "now";
the drafted documents (draft_page.py, which alone imports the drafting package)."""
from __future__ import annotations

from . import call_state, draft_page, evaluate, flow, form, render, visit
from .answers import parse_answers
from .citations import citation_href
from .result import Result
from .wording import MESSAGES

# The answered days that can be already past (their names in the answers, on the submission step).
PAST_DAYS = ("submission.date", "submission.posted_on")


def go(page: str, focus: str | None = None, message: str = "") -> dict:
    """Show ``page`` (a step's id or one of visit.PAGES); an unknown one is the start."""
    here = visit.session()
    if page not in visit.PAGES and flow.step_by_id(here.answers, page) is None:
        page = "start"
    if page == "draft":
        draft_page.ensure()  # before anything changes: the request is sent again once it is there
    if page == "review":
        here.from_review = False
    here.page = page
    return draw(focus=focus, message=message)


def evaluate_answers(answers: dict | None = None) -> Result:
    """The result for ``answers``, the session's so far by default. The flow keeps only answers the
    format accepts, so an error here is a bug: it reaches the page's error state (checker.js), never
    a quiet "not ready"."""
    here = visit.session()
    return evaluate.evaluate(parse_answers(flow.effective(here.answers if answers is None else answers)), here.call,
                             visit.now())


def panel() -> str:
    """The live panel beside a step: what the answers so far decide, against no answers at all."""
    here = visit.session()
    if here.unanswered is None:  # the same for every update of the page: made once
        here.unanswered = evaluate_answers(flow.new_answers(here.call.id))
    return render.result_panel(evaluate_answers(), here.unanswered)


def _review_rows(answers: dict, drafting: bool = False) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """Every question that applies, with its answer in words and where to change it (the draft's
    steps' too, once the visitor drafts)."""
    groups = []
    for step in flow.steps(answers):
        if step.part == flow.DRAFT and not drafting:
            continue
        rows = [(f.question.summary or f.question.label, f.subject, form.display_value(f, answers),
                 f"{step.id}#{f.input_id}") for f in step.fields if f.applies]
        groups.append((step.title, rows))
    return groups


def _state() -> call_state.CallState | None:
    """The call's state on the page's day; None without it (the command line, the build)."""
    return call_state.state(visit.session().call, visit.page_now) if visit.page_now is not None else None


def _past_days() -> str:
    """The note on answered days before today (the rules have no clock, so this is said here),
    each named by its question's own words (questions.json)."""
    answers = visit.session().answers
    step = flow.step_by_id(answers, "submission")
    if step is None:
        return ""
    submission = parse_answers(flow.effective(answers)).submission
    fields = {f.name: f for f in step.fields if f.name in PAST_DAYS and f.applies}
    today = visit.now().date()
    past = call_state.past_days({name: getattr(submission, name.rpartition(".")[2]) for name in fields}, today)
    if not past:
        return ""
    words = [(fields[name].question.summary or fields[name].question.label, d) for name, d in past]
    return render.past_days_note(words, today, f"{step.id}#{fields[past[0][0]].input_id}")


def _progress(current: str | None, part: str = flow.CHECK) -> str:
    """The step indicator of ``part``: the screening's topics, or the draft's."""
    answers = visit.session().answers
    topics = flow.topics(answers, part)
    first: dict[str, str] = {}
    for s in flow.steps(answers):
        first.setdefault(s.topic, s.id)
    ids = [t.id for t in topics]
    limit = ids.index(current) if current in ids else len(ids)
    links = {t: first[t] for t in ids[:limit] if t in first}
    return render.step_indicator(topics, current, links)


def draft_of_session():
    """The drafting package's ``Draft`` for the session's answers (the 誓約書 only if no finding of
    法第113条 fails)."""
    here = visit.session()
    return draft_page.build(flow.effective(here.answers), here.call, evaluate_answers())


def _draft(summary: str = "", message: str = "") -> str:
    here = visit.session()
    draft = draft_of_session()
    return render.draft_page(_progress(None, flow.DRAFT), draft_page.preview(draft), [why for _, why in draft.withheld],
                             [draft_page.problem_words(p, m) for p, m in draft.problems], here.call,
                             summary=summary, message=message)


def draw(errors: list[tuple[flow.Field, str]] | None = None, focus: str | None = None,
         announce: str | None = None, summary: str = "", message: str = "") -> dict:
    """The response that shows the page on screen: its HTML, title, focus and announcement."""
    here = visit.session()
    page, answers, call = here.page, here.answers, here.call
    error_items = [(f.input_id, f"{f.question.summary or f.question.label}"
                    + (f"（{f.subject}）" if f.subject else "") + f"：{text.lstrip('＊')}")
                   for f, text in errors or []]
    if error_items:
        summary = render.error_summary(error_items)
    failed = bool(summary)

    if page in visit.PAGES:
        heading = render.heading(page)
    if page == "start":
        html = render.start_page(call, summary=summary, message=message)
    elif page == "review":
        html = render.review_page(_progress(None), _review_rows(answers, here.drafting), summary=summary, message=message,
                                  draft=render.DRAFT_WORDS["link"] if here.drafting else "")
    elif page == "result":
        html = render.result_page(evaluate_answers(), call, citation_href, _progress(None), message=message,
                                  summary=summary, past=_past_days(), state=_state())
    elif page == "clear":
        html = render.clear_page()
    elif page == "draft":
        html = _draft()
    else:
        step = flow.step_by_id(answers, page)
        assert step is not None
        number, total = flow.step_number(answers, step)
        values = {f.name: here.invalid.get(f.name) or form.form_values(f, answers) for f in step.fields}
        errors_by_name = {f.name: text for f, text in errors or []}
        html = render.step_page(step, number, total, _progress(step.topic, step.part), values, errors_by_name, summary,
                                panel(), message=message, call=call)
        heading = render.step_caption(step, number, total)

    # "page": what is on screen, for the browser's history (checker.js keeps only this id there).
    # "answered": whether anything differs from a fresh start (leaving then asks first).
    response = {"html": html, "title": render.title(heading, failed), "page": page,
                "answered": flow.effective(answers) != flow.effective(flow.new_answers(call.id))}
    if failed:
        response["focus"] = render.ERROR_SUMMARY_ID
        response["announce"] = announce or (MESSAGES["errors"].format(count=len(error_items)) if error_items else "")
    else:
        response["focus"] = focus or render.HEADING_ID
        response["announce"] = announce or (message + heading if message else heading)
    return response
