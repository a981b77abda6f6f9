"""The accessibility rules axe-core runs on the site: WCAG 2.0 and 2.1, levels A and AA."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


def violations(page, record=None, name: str = "", kind: str = "page") -> list[str]:
    """axe's WCAG A/AA violations on the page as it is now; `record` (the axe_record fixture) keeps the run."""
    results = Axe().run(page, options=WCAG_AA).response
    if record is not None:
        record.add(kind, name, results, WCAG_AA["runOnly"]["values"])
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}" for v in results["violations"]]
