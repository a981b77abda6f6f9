"""MkDocs hook: citations, counts, dates and times on the site's pages never break inside.

Japanese text may break between any two characters, so on a phone 「第3項第2号」 could end a line
after 「第」 and 「3部」 after 「3」. After a page's Markdown is converted, each such unit in its text
is wrapped in ``<span class="nowrap">`` (site.css: ``white-space: nowrap``). Long dates are two
units, 「2030年（令和12年）」 and 「1月7日（月）」, so a line may still break between them.

Only text is touched, never tags, attributes, or code, scripts and styles. The checker's own
markup is not page content: the checker wraps its own (proposal_checker.markup.keep_together).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "checker" / "src"))

# The same units as the checker's own messages: one list of what must not break.
from proposal_checker.markup import UNITS  # noqa: E402

TAG = re.compile(r"(<[^>]*>)")
SKIPPED = ("script", "style", "pre", "code", "textarea", "svg")


def keep_together(html: str) -> str:
    out, depth = [], 0
    for part in TAG.split(html):
        if part.startswith("<"):
            match = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
            if match and match.group(2).lower() in SKIPPED and not part.endswith("/>"):
                depth += -1 if match.group(1) else 1
                depth = max(depth, 0)
            out.append(part)
        elif depth or not part.strip():
            out.append(part)
        else:
            out.append(UNITS.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', part))
    return "".join(out)


def on_page_content(html, page, config, files):
    return keep_together(html)
