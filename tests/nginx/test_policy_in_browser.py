"""In Chromium, against nginx: the checker works under the sub-path with the header policy, the
policy reaches the checker's worker (a fetch to another origin and eval are refused there), another
origin cannot frame the site, and no page or worker requests anything from another host."""
from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest

from conftest import wait_ready

TRY_FETCH = """(url) => fetch(url).then((r) => r.text(), (e) => "refused: " + e)"""
# Run from a timer, not inside the evaluation itself: DevTools evaluations are exempt from the
# policy's eval check (CDP's allowUnsafeEvalBlockedByCSP), the worker's own later code is not.
TRY_EVAL = """() => new Promise((resolve) => setTimeout(() => {
  try { resolve(String(eval("6 * 7"))); } catch (e) { resolve("refused: " + e.name); }
}, 0))"""


def origin(url: str) -> str:
    return "{0.scheme}://{0.netloc}".format(urlsplit(url))


@pytest.fixture
def checker(page, nginx_url):
    """The checker page, ready, with every request the page and its worker made."""
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    page.goto(nginx_url + "checker/")
    wait_ready(page)
    page.requests = requests
    return page


def worker_of(page):
    workers = [w for w in page.workers if w.url.endswith("/assets/checker/worker.mjs")]
    assert len(workers) == 1, [w.url for w in page.workers]
    return workers[0]


def test_checker_is_ready_under_the_sub_path_and_asks_no_other_host(checker, nginx_url):
    assert checker.url.startswith(nginx_url)
    assert any(url.endswith(".whl") for url in checker.requests)  # the worker's own requests are seen too
    assert {origin(url) for url in checker.requests} == {origin(nginx_url)}


def test_the_worker_may_not_fetch_from_another_origin(checker, nginx_url, elsewhere):
    other, hits = elsewhere
    worker = worker_of(checker)
    # The same fetch to the site itself works: what is refused is the other origin, by the policy.
    assert '"packages"' in worker.evaluate(TRY_FETCH, nginx_url + "pyodide/pyodide-lock.json")
    before = len(hits)
    assert worker.evaluate(TRY_FETCH, other + "data.json").startswith("refused: TypeError")
    assert len(hits) == before  # the browser never sent it (CORS would have let it through)


def test_the_worker_may_not_eval(checker):
    assert worker_of(checker).evaluate(TRY_EVAL) == "refused: EvalError"


def test_a_worker_without_the_header_policy_may_eval_and_fetch(page, elsewhere):
    """The control: the same probes in a worker from the other origin, served with no policy, succeed,
    so the refusals above come from the site's header and nothing else."""
    other, _ = elsewhere
    page.goto(other + "frame?src=about:blank")
    handle = page.evaluate_handle(
        """() => new Promise((resolve) => {
             const w = new Worker(URL.createObjectURL(new Blob(["postMessage(1)"], {type: "text/javascript"})));
             w.onmessage = () => resolve(1);
           })""")
    assert handle.json_value() == 1
    worker = page.workers[0]
    assert worker.evaluate(TRY_EVAL) == "42"
    assert "another origin" in worker.evaluate(TRY_FETCH, other + "data.json")


def test_another_origin_may_not_frame_the_site(page, nginx_url, elsewhere):
    other, _ = elsewhere
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "frame-ancestors" in m.text else None)
    page.goto(other + "frame?src=" + quote(nginx_url, safe=":/"))
    page.wait_for_load_state("load")
    frame = page.frames[1]
    # Chromium replaces a refused frame with its own error page: the site's content never loads.
    page.wait_for_function("() => document.querySelector('iframe').contentWindow.length >= 0")
    assert not frame.url.startswith(nginx_url) or frame.query_selector(".md-header") is None
    assert blocked, "Chromium reported no frame-ancestors refusal"


def test_the_site_may_frame_itself(page, nginx_url):
    """frame-ancestors 'self': framing stays possible for the site's own pages (the control)."""
    page.goto(nginx_url)
    page.evaluate("(url) => { const f = document.createElement('iframe'); f.src = url; document.body.append(f); }",
                  nginx_url + "guide/")
    page.wait_for_function("() => document.querySelector('iframe').contentDocument?.querySelector('.md-header')")


def test_the_404_page_is_styled_and_its_links_work(page, nginx_url):
    failed = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 and r.request.resource_type != "document" else None)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    response = page.goto(nginx_url + "no/such/page/")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert page.inner_text("h1") == "404 - Not found"
    assert failed == [] and violations == []
    # The theme's stylesheet applied (the header is fixed at the top), and its home link leads home.
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky"
    page.click(".md-header__button.md-logo")
    assert page.url == nginx_url
