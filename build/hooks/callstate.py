"""MkDocs hook: the call's state (not yet open, open, closed) at the top of a page.

A page that wants it holds the marker ``<!-- call-state -->`` (the home page) or
``<!-- call-state checker -->`` (the checker page, whose notes also say what the checker can do
then). The build cannot know the state, since the pages are built once and read on any day:
the box carries the call's dates and all four notes, and docs/assets/scripts/call-state.js shows
the one for the page's clock in Japan time. Where no script runs, the note shown is the period
alone, which is true in all three states.

The four notes share one place (site.css stacks them): whichever is shown, the box keeps the
height of the tallest, so nothing below moves when the script picks one.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

from proposal_checker.dates import format_date, format_time  # noqa: E402
from proposal_checker.markup import esc  # noqa: E402
from sitecall import call_of  # noqa: E402

MARKER = re.compile(r"<!-- call-state( checker)? -->")
SCRIPT = "assets/scripts/call-state.js"


def notes(call, checker: bool = False) -> dict[str, tuple[str, str]]:
    """Each state's note (title, text); "any": the one shown where no script runs."""
    period = f"{format_date(call.opens)}から{format_date(call.closes)}{format_time(call.closes_at)}まで（日本時間）"
    deadline = f"{format_date(call.closes)}{format_time(call.closes_at)}（日本時間）"
    out = {
        "any": ("募集期間", period),
        "before": ("募集はまだ始まっていません", f"募集期間は、{period}です。"),
        "open": ("提案を募集しています", f"締切は、{deadline}です。"),
        "closed": ("この募集は終了しました", f"募集期間は、{period}でした。"),
    }
    if checker:
        extra = {
            "any": "事前チェックは、募集期間の前も後も使えます。",
            "before": "事前チェックは今から使えます。",
            "open": "事前チェックで、提出の前に確かめられます。",
            "closed": "事前チェックは、答えを試すために引き続き使えます。判定は、この募集の要件によるものです。",
        }
        out = {state: (title, f"{text}{extra[state]}") for state, (title, text) in out.items()}
    return out


def banner(call, root: str, checker: bool = False) -> str:
    """The box with the call's dates and the four notes (only "any" shown), and its script."""
    deadline = f"{call.closes.isoformat()}T{call.closes_at.strftime('%H:%M')}"
    # One paragraph per note: the search index's parser (Material) ends an exclusion at the first
    # closing tag of the excluded element's kind, so nothing inside the box may be a <div>.
    inner = "".join(
        f'<p class="call-state-note call-state-note--{state}" data-call-state="{state}"{"" if state == "any" else " hidden"}>'
        f'<strong class="call-state-title">{esc(title)}</strong><span>{esc(text)}</span></p>'
        for state, (title, text) in notes(call, checker).items())
    # Out of the search index: what it finds is the page's lasting text, not four notes of which
    # the page shows one.
    return (f'<div class="call-state" role="note" aria-label="募集の状況" data-search-exclude '
            f'data-call-opens="{esc(call.opens.isoformat())}" data-call-deadline="{esc(deadline)}">{inner}</div>'
            f'<script type="module" src="{esc(root)}{SCRIPT}"></script>')


def on_page_content(html, page, config, files):
    if "<!-- call-state" not in html:
        return html
    # use_directory_urls: a page's URL is its folder ("" for the home page, "checker/").
    root = "../" * page.url.count("/")
    return MARKER.sub(lambda m: banner(call_of(config), root, checker=bool(m.group(1))), html)
