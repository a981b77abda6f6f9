"""MkDocs hook: the checker page's static checklist, for visitors without JavaScript or WebAssembly.

It is rendered at build time by the checker package itself (proposal_checker.static), from
the same definitions and the same call data as the interactive flow.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "checker" / "src"))

from proposal_checker.static import static_checklist_html  # noqa: E402


def on_page_context(context, page, config, nav):
    if page.file.src_uri == "checker/index.md":
        context["static_checklist"] = static_checklist_html(config["extra"]["call"])  # set by hooks/calldata.py
    return context
