"""The checker page starts Python in a worker and reaches `ready`, at the root and under a sub-path."""
from __future__ import annotations

import pytest

from driver import wait_ready


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_checker_reaches_ready_and_shows_its_first_question(page, base_url, subpath_url, where):
    url = (base_url if where == "root" else subpath_url) + "checker/"
    page.goto(url)
    assert page.get_attribute("#checker", "data-state") in ("loading", "ready")
    wait_ready(page)
    page.locator("[data-checker-body] form").first.wait_for()
    assert page.get_attribute("#checker", "data-state") == "ready"
    assert page.inner_text("#step-heading") == "はじめに"


def test_every_page_works_under_a_subpath(page, subpath_url):
    page.goto(subpath_url)
    links = page.eval_on_selector_all("nav a[href]", "els => els.map(e => e.href)")
    internal = sorted({l.split("#")[0] for l in links if l.startswith(subpath_url)})
    assert len(internal) >= 2
    for link in internal:
        response = page.goto(link)
        assert response and response.ok, link
        # Styles and scripts resolve under the prefix too.
        assert page.evaluate("document.styleSheets.length") > 0, link


def test_a_missing_runtime_shows_a_clear_message(page, base_url):
    # The page must say so plainly when the runtime cannot load, not spin forever.
    page.route("**/pyodide/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(base_url + "checker/")
    page.wait_for_selector("#checker[data-state='error']", timeout=60000)
    assert "読み込めません" in page.inner_text("[data-checker-status]")
