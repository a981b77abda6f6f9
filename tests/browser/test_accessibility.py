"""axe-core (WCAG 2.0/2.1 A and AA rules) reports no violation on any built page."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import site_pages
from wcag import violations

PAGES = site_pages()


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_aa_violation(page, base_url, path, axe_record):
    page.goto(base_url + ("" if path == "." else path + "/"))
    # A content page is whole at "load" (nothing it shows arrives later); the checker page is
    # checked once its runtime has arrived, as a visitor uses it.
    page.wait_for_load_state("networkidle" if page.locator("#checker").count() else "load")
    assert violations(page, axe_record, "/" if path == "." else path + "/") == []


@pytest.mark.parametrize("path", ["", "checker/"])
def test_search_dialog_has_an_accessible_name(page, base_url, path):
    """axe's aria-dialog-name, which Lighthouse runs: a best-practice rule, outside the WCAG tags
    above. The theme's search dialog has no name of its own (build/theme/partials/search.html)."""
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}}).response
    assert [v["nodes"][0]["target"] for v in results["violations"]] == []
    assert [n["target"] for p in results["passes"] for n in p["nodes"]] == [[".md-search"]]
