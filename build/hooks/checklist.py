"""MkDocs hook: the list of what a proposal needs (docs/checker/checklist.md), for visitors without
JavaScript or WebAssembly, and the list of the rules the checker applies (docs/checker/rules.md).

Both are rendered at build time by the checker package itself (proposal_checker.static), from
the same definitions, the same rule registry and the same call data as the interactive flow.
The list has a page of its own: on the checker page it made a phone's page 24,000 px tall even
when the checker ran. The checker page links to it, and sends people there when it cannot run.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

from proposal_checker.static import rules_html, static_checklist_html  # noqa: E402
from sitecall import call_of  # noqa: E402

# Each page, the marker its Markdown holds, and what replaces it. Both pages are two folders
# deep (checker/rules/, checker/checklist/): links lead back to the site's root with ../../.
PAGES = {
    "checker/rules.md": ("<!-- checker-rules -->", lambda config: rules_html(root="../../", level=2)),
    "checker/checklist.md": ("<!-- checker-checklist -->", lambda config: static_checklist_html(call_of(config), "../../")),
}


def on_page_content(html, page, config, files):
    if page.file.src_uri not in PAGES:
        return html
    marker, render = PAGES[page.file.src_uri]
    if marker not in html:
        raise ValueError(f"{page.file.src_uri}: the marker {marker} is missing")  # the list must not silently vanish
    return html.replace(marker, render(config))
