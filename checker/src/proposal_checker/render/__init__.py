"""HTML for the checker: pure functions from flow state and results to markup.

Everything that comes from a person (names, file names, typed text) or from data passes
through ``esc``. The markup has no inline scripts, event handlers or style attributes, so
a strict Content-Security-Policy can be applied; behaviour comes from checker.js (glue) and
looks from checker.css.

parts.py: what every page shares; steps.py: a step's questions; panel.py: the live panel beside
them; pages.py: the start, the review and the clear pages; result.py: the result and the checklist;
draft.py: the drafted documents' page (提案書の下書き) and the links to it.
"""
from .draft import WORDS as DRAFT_WORDS
from .draft import draft_link, draft_page, draft_start
from .pages import clear_page, heading, review_page, start_page
from .panel import result_panel
from .parts import (ERROR_SUMMARY_ID, HEADING_ID, basis_links, call_state_note, error_summary, notice, past_days_note,
                    period_text, step_indicator, title, tools)
from .result import checklist, document_item, result_page
from .steps import question, step_caption, step_page

__all__ = ["DRAFT_WORDS", "draft_link", "draft_page", "draft_start", "ERROR_SUMMARY_ID", "HEADING_ID", "basis_links", "call_state_note", "checklist", "clear_page", "document_item",
           "error_summary", "heading", "notice", "past_days_note", "period_text", "question", "result_page", "result_panel", "review_page",
           "start_page", "step_caption", "step_indicator", "step_page", "title", "tools"]
