"""MkDocs hook: the checker page's static checklist, for visitors without JavaScript or WebAssembly,
and the list of the rules the checker applies (docs/checker/rules.md).

Both are rendered at build time by the checker package itself (proposal_checker.static), from
the same definitions, the same rule registry and the same call data as the interactive flow.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

from proposal_checker.static import rules_html, static_checklist_html  # noqa: E402
from sitecall import call_of  # noqa: E402

RULES_PAGE = "checker/rules.md"
RULES_MARKER = "<!-- checker-rules -->"


def on_page_context(context, page, config, nav):
    if page.file.src_uri == "checker/index.md":
        context["static_checklist"] = static_checklist_html(call_of(config))
    return context


def on_page_content(html, page, config, files):
    if page.file.src_uri != RULES_PAGE:
        return html
    if RULES_MARKER not in html:
        raise ValueError(f"{RULES_PAGE}: the marker {RULES_MARKER} is missing")  # the list must not silently vanish
    return html.replace(RULES_MARKER, rules_html(root="../../", level=2))
