"""No page requests anything from another host: every request goes to the loopback server."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from conftest import SITE, site_pages
from driver import wait_ready


def test_no_request_leaves_the_loopback_server_and_only_the_checker_page_loads_the_runtime(browser, base_url):
    context = browser.new_context(locale="ja-JP")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    pages = site_pages()
    assert len(pages) >= 2
    runtime_elsewhere = {}
    for path in pages:
        # A page of its own for each: what it requests, its worker's requests included, is its own.
        page = context.new_page()
        loaded: list[str] = []
        page.on("request", lambda request: loaded.append(request.url))
        page.goto(base_url + ("" if path == "." else path + "/"))
        page.wait_for_load_state("networkidle")
        if page.locator("#checker").count():
            wait_ready(page)
            # Use the checker too: every request it makes is recorded.
            page.locator("[data-checker-body] form").first.wait_for()
        # The checker's scripts and runtime, that is: the list's own page has the checker's styles.
        elif found := [u for u in loaded if "/pyodide/" in u or ("/assets/checker/" in u and not u.endswith(".css"))]:
            runtime_elsewhere[path] = found
        page.close()
    context.close()
    outside = [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != "127.0.0.1"]
    # The worker's own requests are seen too (the runtime is fetched from inside the worker).
    assert any(u.endswith("/pyodide/pyodide.asm.wasm") for u in requests)
    assert any(u.endswith(".whl") for u in requests)
    assert not outside, outside
    assert runtime_elsewhere == {}


def test_built_html_names_no_other_host_for_resources():
    # Links (<a href>) to official pages are fine; resources (src=, <link href>) must be local.
    pattern = re.compile(r'<(?:script|img|iframe|source|link)\b[^>]*?(?:src|href)="(https?:)?//', re.I)
    offenders = [str(p) for p in Path(SITE).rglob("*.html") if pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders
