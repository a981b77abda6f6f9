"""Starting the checker: the first screens work before Python is ready and nothing typed is lost;
the memory snapshot is used when it fits and the normal start takes over whenever it does not;
loading gives up only when nothing arrives, never while bytes are still coming."""
from __future__ import annotations

import functools
import gzip
import json
import re
import threading
from http.server import ThreadingHTTPServer

import pytest

from assertions import assert_checklist_usable
from conftest import SITE, QuietHandler
from driver import BODY, STATUS, choose_radios, fill_step, focused, heading, hold, press, release, wait_ready

CHECKED = f"() => [...document.querySelectorAll('{BODY} input:checked')].map((i) => i.id)"


def test_the_first_questions_are_answered_before_python_is_ready_and_nothing_is_lost(page, base_url):
    held = hold(page, "**/pyodide/pyodide.asm.wasm")  # Python cannot start until the test says
    page.goto(base_url + "checker/")
    page.wait_for_selector("#step-heading")  # the first screen, rendered at build time
    assert heading(page) == "はじめに"
    page.click(f'{BODY} button[value="next"]')  # はじめる
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText === 'どの提案をしますか'")
    assert page.get_attribute("#checker", "data-state") == "loading"
    assert focused(page) == "step-heading"  # as after any step
    choose_radios(page)
    chosen = page.evaluate(CHECKED)
    assert chosen
    page.locator(f'{BODY} button.checker-button[value="next"]').click()  # step 2: built for each kind
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText === '誰が提案しますか'")
    assert page.get_attribute("#checker", "data-state") == "loading" and "準備中" not in page.inner_text(STATUS)
    fill_step(page, "早い 太郎")
    typed = page.evaluate(CHECKED)

    page.locator(f'{BODY} button.checker-button[value="next"]').click()  # step 3 needs Python
    page.wait_for_function(f"() => document.querySelector('{STATUS}').textContent.includes('準備中')")
    assert re.search(r"（\d+秒）", page.inner_text(STATUS))  # the seconds so far
    assert heading(page) == "誰が提案しますか" and page.evaluate(CHECKED) == typed

    release(page, held)  # Python starts, and the step goes on by itself
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText === '提案者1（早い 太郎）について'")
    assert focused(page) == "step-heading"
    assert "準備中" not in page.inner_text(STATUS)
    press(page, "back")  # Python has the answers given before it was ready
    assert heading(page) == "誰が提案しますか" and page.evaluate(CHECKED) == typed
    press(page, "back")
    assert heading(page) == "どの提案をしますか"
    assert page.evaluate(CHECKED) == chosen


def test_an_answer_chosen_before_ready_is_handed_over_without_pressing_next(page, base_url):
    held = hold(page, "**/pyodide/pyodide.asm.wasm")
    page.goto(base_url + "checker/")
    page.click(f'{BODY} button[value="next"]')
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText === 'どの提案をしますか'")
    choose_radios(page)
    chosen = page.evaluate(CHECKED)
    release(page, held)
    wait_ready(page)
    assert page.evaluate(CHECKED) == chosen
    # Python has it: the review lists the answer, not 未回答.
    page.locator(f'{BODY} button[value="next"].checker-button--primary').click()
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText === '誰が提案しますか'")


def start_used(page) -> str:
    wait_ready(page, timeout_ms=120000)
    page.wait_for_selector("#step-heading")
    return page.get_attribute("#checker", "data-start")


def test_the_snapshot_is_used_when_it_fits(page, base_url):
    page.goto(base_url + "checker/")
    assert start_used(page) == "snapshot"
    assert heading(page) == "はじめに"


def _manifest(change: dict):
    data = json.loads((SITE / "pyodide" / "checker-snapshot.json").read_text(encoding="utf-8"))
    return json.dumps({**data, **change})


FALLBACKS = {
    "missing": ("**/pyodide/checker-snapshot.json", lambda route: route.fulfill(status=404, body="")),
    "download fails": ("**/pyodide/checker.snapshot.gz", lambda route: route.abort()),
    "not found": ("**/pyodide/checker.snapshot.gz", lambda route: route.fulfill(status=404, body="")),
    "corrupted": ("**/pyodide/checker.snapshot.gz",
                  lambda route: route.fulfill(body=gzip.compress(bytes(range(256)) * 4096),
                                              content_type="application/gzip")),
    "truncated": ("**/pyodide/checker.snapshot.gz",
                  lambda route: route.fulfill(body=(SITE / "pyodide" / "checker.snapshot.gz").read_bytes()[:100000],
                                              content_type="application/gzip")),
    "another runtime": ("**/pyodide/checker-snapshot.json",
                        lambda route: route.fulfill(body=_manifest({"runtime": "0.27.0"}), content_type="application/json")),
    "another wheel": ("**/pyodide/checker-snapshot.json",
                      lambda route: route.fulfill(body=_manifest({"wheel_sha256": "0" * 64}), content_type="application/json")),
}


@pytest.mark.parametrize("case", list(FALLBACKS))
def test_the_normal_start_takes_over_when_the_snapshot_cannot_be_used(page, base_url, case):
    pattern, handler = FALLBACKS[case]
    page.route(pattern, handler)
    page.goto(base_url + "checker/")
    assert start_used(page) == "normal", page.inner_text(STATUS)
    assert heading(page) == "はじめに"
    press(page, "next")  # and it answers
    assert heading(page) == "どの提案をしますか"


def test_a_download_that_stalls_gives_up_with_the_reason(page, base_url):
    from datetime import datetime

    held = hold(page, "**/pyodide/pyodide.asm.wasm")  # never answered: nothing more arrives
    page.clock.install(time=datetime(2026, 3, 2, 10, 0))
    page.clock.pause_at(datetime(2026, 3, 2, 10, 0, 1))  # the page's clock moves only when told
    page.goto(base_url + "checker/")
    while not held:
        page.wait_for_timeout(100)
    arrived = None
    while arrived != (arrived := page.inner_text("[data-checker-progress]")):
        page.wait_for_timeout(2000)  # until the other files have all arrived
    page.clock.run_for(28_000)
    assert page.get_attribute("#checker", "data-state") == "loading"
    page.clock.run_for(3_000)
    page.wait_for_selector("#checker[data-state='error']")
    assert "止まったまま" in page.inner_text(STATUS)
    assert_checklist_usable(page)


class Trickle(QuietHandler):
    """The site, but pyodide.asm.wasm arrives slowly: a piece at a time, when the test allows."""

    pieces = 12
    allowed: threading.Semaphore

    def do_GET(self):
        if not self.path.endswith("/pyodide/pyodide.asm.wasm"):
            return super().do_GET()
        data = (SITE / "pyodide" / "pyodide.asm.wasm").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/wasm")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        size = -(-len(data) // self.pieces)
        for start in range(0, len(data), size):
            self.allowed.acquire(timeout=60)
            self.wfile.write(data[start:start + size])
            self.wfile.flush()


@pytest.fixture
def trickle_url():
    handler = type("Handler", (Trickle,), {"allowed": threading.Semaphore(0)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", handler.allowed
    server.shutdown()


def test_no_cutoff_while_bytes_are_still_arriving(page, trickle_url):
    from datetime import datetime

    url, allowed = trickle_url
    page.clock.install(time=datetime(2026, 3, 2, 10, 0))
    page.clock.pause_at(datetime(2026, 3, 2, 10, 0, 1))
    page.goto(url + "checker/")
    page.wait_for_selector("[data-checker-progress] progress")
    passed = 0
    for _ in range(Trickle.pieces):
        before = page.eval_on_selector("[data-checker-progress] progress", "p => p.value")
        allowed.release()  # one more piece of the runtime arrives
        # Polled from here: the page's own timers stand still with its clock.
        for _ in range(300):
            if page.eval_on_selector("[data-checker-progress] progress", "p => p.value") > before:
                break
            page.wait_for_timeout(100)
        else:
            raise AssertionError("no progress shown for a piece that arrived")
        page.clock.run_for(20_000)  # a slow line: 20 s per piece on the page's clock
        passed += 20
        assert page.get_attribute("#checker", "data-state") == "loading", page.inner_text(STATUS)
    assert passed > 60  # longer than the old fixed cutoff
    wait_ready(page, timeout_ms=120000)


SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 180000, "uploadThroughput": 84375}
FAST = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


def line(page, conditions: dict):
    """Chrome's "Slow 4G" profile (the browser then reports its line as 3g), or no throttling."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", conditions)
    return cdp


def test_a_first_visit_on_a_slow_line_does_not_download_the_snapshot(page, base_url):
    downloaded: list[str] = []  # (asking the cache whether it holds the snapshot is no download)
    page.on("requestfinished", lambda request: downloaded.append(request.url))
    cdp = line(page, SLOW_4G)
    page.goto(base_url + "checker/")
    page.wait_for_selector("#checker[data-start]", state="attached", timeout=120000)  # chosen
    assert not page.is_visible("[data-checker-smaller]")  # already the smaller start: nothing to offer
    cdp.send("Network.emulateNetworkConditions", FAST)  # the rest at full speed, to save time
    assert start_used(page) == "normal"
    assert not [u for u in downloaded if u.endswith("checker.snapshot.gz")]
    assert [u for u in downloaded if u.endswith("pyodide.asm.wasm")]


def test_a_repeat_visit_on_a_slow_line_starts_from_the_cached_snapshot(browser_type, browser_type_launch_args,
                                                                      base_url, tmp_path):
    # A profile on disk, as a person's browser has: a private context keeps no large files.
    context = browser_type.launch_persistent_context(str(tmp_path / "profile"), **browser_type_launch_args)
    try:
        page = context.new_page()
        page.goto(base_url + "checker/?start=snapshot")  # an earlier visit left it in the cache
        assert start_used(page) == "snapshot"
        cdp = line(page, SLOW_4G)
        page.goto(base_url + "checker/")
        page.wait_for_selector("#checker[data-start]", state="attached", timeout=120000)
        assert not page.is_visible("[data-checker-smaller]")  # nothing to download: nothing to offer
        cdp.send("Network.emulateNetworkConditions", FAST)
        assert start_used(page) == "snapshot"
    finally:
        context.close()
