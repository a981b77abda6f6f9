"""The first load on a phone (390 × 844): step 2 comes at once for every kind of proposal; a press
that must wait for Python is busy from the same moment and says so once; the loading text speaks a
person's words and offers the smaller start; nothing on the page moves while it loads, before,
during and after the call's period; and the page is short until the first answer."""
from __future__ import annotations

import functools
import re
import threading
from http.server import ThreadingHTTPServer

import pytest

from callfacts import CLOCKS
from conftest import SITE, QuietHandler
from driver import (BODY, STATUS, choose_radios, fill_step, fix_clock, focused, heading, hold, press, radio_groups,
                    release, start, title, wait_ready)
from layout import LOCKFILE, RUNTIME_FILES, SNAPSHOT, SNAPSHOT_MANIFEST

WASM = "**/pyodide/pyodide.asm.wasm"
NEXT = f'{BODY} button.checker-button[value="next"]'


def back(page, title_: str) -> None:
    page.go_back()
    page.wait_for_function("(t) => document.querySelector('#step-heading')?.innerText === t", arg=title_)


def test_step_2_comes_at_once_for_every_kind_of_proposal_before_python_is_ready(phone, base_url):
    held = hold(phone, WASM)  # Python cannot start until the test says
    phone.goto(base_url + "checker/")
    start(phone)
    # 次へ with nothing chosen: the error, at once.
    press(phone, "next")
    assert focused(phone) == "error-summary" and "種類" in phone.inner_text("#error-summary")
    kinds = radio_groups(phone)["proposal.kind"]
    assert len(kinds) >= 2
    shown = {}
    for i, kind in enumerate(kinds):
        choose_radios(phone, {"proposal.kind": kind})
        press(phone, "next")
        assert heading(phone) == "誰が提案しますか" and focused(phone) == "step-heading"
        assert phone.get_attribute("#checker", "data-state") == "loading"
        assert "準備中" not in phone.inner_text(STATUS)
        shown[kind] = title(phone)
        name = phone.locator(f'{BODY} input[name="p0.name"]')
        if i == 0:
            name.fill("先に 太郎")  # typed before ready, for one kind ...
            # 戻る, at once too: the screen as it was left (its own nodes, so not driver.press,
            # which waits for the nodes on screen to be replaced by new ones).
            phone.locator(f'{BODY} button.checker-button[value="back"]').click()
            phone.wait_for_function("() => document.querySelector('#step-heading')?.innerText === 'どの提案をしますか'")
            assert "準備中" not in phone.inner_text(STATUS)
        else:
            assert name.input_value() == "先に 太郎"  # ... and still there after another kind was chosen
            back(phone, "どの提案をしますか")  # the browser's Back
    release(phone, held)
    wait_ready(phone)
    assert heading(phone) == "どの提案をしますか"
    # Python, now running, says the same as the screens built into the page, and has what was typed.
    for kind in reversed(kinds):
        choose_radios(phone, {"proposal.kind": kind})
        press(phone, "next")
        assert title(phone) == shown[kind], kind
        assert phone.locator(f'{BODY} input[name="p0.name"]').input_value() == "先に 太郎"
        press(phone, "back")


def test_the_first_screen_takes_no_tap_before_its_script_runs(phone, base_url):
    # Before checker.js runs, a tap on はじめる would send the form to the server (a reload): the
    # screen is on view from the first paint, but inert until the script answers it.
    script = hold(phone, "**/assets/checker/checker.js")
    phone.goto(base_url + "checker/", wait_until="commit")
    phone.wait_for_selector("#step-heading")
    phone.evaluate(f"() => {{ window.__taps = 0; document.querySelector('{BODY}').addEventListener('click', () => window.__taps++, true); }}")
    phone.evaluate(f"document.querySelector('{NEXT}').scrollIntoView()")
    button = phone.locator(NEXT).bounding_box()
    phone.mouse.click(button["x"] + button["width"] / 2, button["y"] + button["height"] / 2)
    assert phone.evaluate("window.__taps") == 0 and phone.url == base_url + "checker/"
    release(phone, script)
    phone.wait_for_function(f"() => !document.querySelector('{BODY}').inert")
    start(phone)
    assert heading(phone) == "どの提案をしますか"


# Every text the status line gives to be read out (what is aria-hidden, such as the seconds, is
# not read out), as it changes, from the first byte of the page on.
SAID = """
window.__said = [];
const spoken = (element) => [...element.childNodes]
  .filter((n) => !(n.nodeType === 1 && n.getAttribute("aria-hidden") === "true")).map((n) => n.textContent).join("");
new MutationObserver(() => {
  const status = document.querySelector("[data-checker-status]");
  if (!status) return;
  const text = spoken(status);
  if (text && window.__said[window.__said.length - 1] !== text) window.__said.push(text);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
# Press 次へ進む and read, in the same turn of the page's script, what the press did to the screen.
PRESS_AND_READ = f"""() => {{
  const button = document.querySelector('{NEXT}');
  button.click();
  const note = document.querySelector('{BODY} .checker-busy');
  return {{ busy: button.getAttribute("aria-busy"), note: note?.textContent ?? null,
           noteHidden: note?.getAttribute("aria-hidden") ?? null,
           heading: document.getElementById("step-heading").innerText }};
}}"""


@pytest.mark.accessibility("focus")
def test_a_press_that_must_wait_is_busy_at_once_and_said_once(phone, base_url):
    phone.add_init_script(SAID)
    held = hold(phone, WASM)
    phone.goto(base_url + "checker/")
    start(phone)
    choose_radios(phone)
    press(phone, "next")  # step 2, built into the page
    fill_step(phone, "待つ 太郎")
    typed = phone.evaluate(f"() => [...document.querySelectorAll('{BODY} form input')].map((i) => [i.id, i.value, i.checked])")

    # Step 3 needs Python. Busy in the same task as the click: not "soon", at once.
    pressed = phone.evaluate(PRESS_AND_READ)
    assert pressed["busy"] == "true", pressed
    assert pressed["note"] and "準備中" in pressed["note"] and pressed["noteHidden"] == "true", pressed
    assert pressed["heading"] == "誰が提案しますか"
    assert re.search(r"（\d+秒）", phone.inner_text(f"{BODY} .checker-busy"))  # the seconds, beside the button
    # A second press adds nothing: one request waits, and one note says so.
    phone.locator(NEXT).click()
    assert phone.locator(f"{BODY} .checker-busy").count() == 1
    waiting = [s for s in phone.evaluate("window.__said") if "準備中" in s]
    assert len(waiting) == 1, phone.evaluate("window.__said")  # announced once, not every second

    release(phone, held)
    wait_ready(phone)
    phone.wait_for_function("() => document.querySelector('#step-heading')?.innerText.includes('待つ 太郎')")
    assert focused(phone) == "step-heading"
    assert phone.locator(f"{BODY} [aria-busy], {BODY} .checker-busy").count() == 0
    press(phone, "back")  # Python has what was typed before it was ready
    assert phone.evaluate(f"() => [...document.querySelectorAll('{BODY} form input')].map((i) => [i.id, i.value, i.checked])") == typed


# What the loading lines show, as they change.
SHOWN = """
window.__shown = new Set();
new MutationObserver(() => {
  for (const line of document.querySelectorAll("[data-checker-status], [data-checker-progress-text], [data-checker-smaller]")) {
    if (line.textContent.trim()) window.__shown.add(line.textContent.trim());
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
FILES = [*RUNTIME_FILES, LOCKFILE, SNAPSHOT, SNAPSHOT_MANIFEST, ".whl", ".zip", ".wasm", ".mjs", ".gz", "Python"]


def test_the_loading_text_says_what_the_wait_is_for_in_a_persons_words(phone, base_url):
    phone.add_init_script(SHOWN)
    held = hold(phone, WASM)
    phone.goto(base_url + "checker/")
    # Before anything has run, the page says what is coming and that the questions can be answered.
    status = phone.inner_text(STATUS)
    assert "判定するプログラムを読み込んでいます" in status, status  # what the wait is for
    assert re.search(r"通信量 約[\d.]+ MB", status), status   # what it costs a metered line
    assert "秒" in status and "分" in status                  # how long it usually takes
    assert "その間も答え始められます" in status
    phone.wait_for_selector("#checker[data-start]", state="attached")
    release(phone, held)
    wait_ready(phone)
    shown = phone.evaluate("[...window.__shown]")
    assert any(re.fullmatch(r"読み込み：\d+%", s) for s in shown), shown
    for text in shown:
        for name in FILES:
            assert name not in text, (name, text)


class SlowSnapshot(QuietHandler):
    """The site, but the snapshot's bytes do not come until the test ends: its download is under
    way. (Served, not routed: the worker first asks the browser's cache alone whether it holds the
    snapshot, and a route would catch that question too.)"""

    done: threading.Event

    def do_GET(self):
        if not self.path.endswith("/pyodide/" + SNAPSHOT):
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        self.send_header("Content-Length", str((SITE / "pyodide" / SNAPSHOT).stat().st_size))
        self.end_headers()
        self.done.wait(120)


@pytest.fixture
def slow_snapshot_url():
    handler = type("Handler", (SlowSnapshot,), {"done": threading.Event()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    handler.done.set()
    server.shutdown()


def test_a_metered_line_can_choose_the_smaller_start(phone, slow_snapshot_url):
    finished: list[str] = []
    phone.on("requestfinished", lambda request: finished.append(request.url))
    phone.goto(slow_snapshot_url + "checker/")
    smaller = phone.locator("[data-checker-smaller]")
    phone.wait_for_selector("[data-checker-smaller][data-offered='true']")
    assert smaller.is_visible() and smaller.evaluate("b => b.tagName") == "BUTTON"
    assert re.search(r"通信量を減らす（約[\d.]+ MB", smaller.inner_text())
    smaller.click()
    assert "通信量の少ない方法で読み込み直しています" in phone.inner_text(STATUS)
    assert focused(phone) == "step-heading"  # the button is gone: focus is where the questions are
    wait_ready(phone)
    assert phone.get_attribute("#checker", "data-start") == "normal"
    assert not smaller.is_visible()
    assert not [u for u in finished if u.endswith(SNAPSHOT)]
    press(phone, "next")  # and it answers
    assert heading(phone) == "どの提案をしますか"


# Every layout shift, with what moved. The test gives no input, so every shift counts: stricter than
# Chrome's cumulative layout shift, which leaves out shifts within 0.5 s of an input (and Chromium
# counts a navigation as one).
SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    window.__shifts.push({ value: e.value, moved: e.sources.map((s) =>
      `${s.node?.id || s.node?.className || s.node?.nodeName || "?"} ${s.previousRect.y}->${s.currentRect.y}`) });
  }
}).observe({ type: "layout-shift", buffered: true });
// (An observer, not performance.getEntriesByType: the page's fixed clock replaces the latter.)
new PerformanceObserver(() => { window.__painted = true; }).observe({ type: "paint", buffered: true });
"""
PAINTED = "() => window.__painted === true"


@pytest.mark.parametrize("when", CLOCKS)
def test_nothing_moves_while_the_checker_loads_and_the_page_is_short(phone, base_url, when):
    moment, state = CLOCKS[when]
    fix_clock(phone, moment)
    phone.add_init_script(SHIFTS)
    # The worst case: the page is painted before any of its scripts runs, and Python is ready only
    # after a person has had the checker in view.
    scripts = [hold(phone, "**/assets/scripts/call-state.js"), hold(phone, "**/assets/checker/checker.js")]
    held = hold(phone, WASM)
    phone.goto(base_url + "checker/", wait_until="commit")
    phone.wait_for_function(PAINTED)
    for script in scripts:
        release(phone, script)
    phone.wait_for_selector(f'.call-state [data-call-state="{state}"]:not([hidden])')  # the state, by the page's clock
    phone.evaluate("document.getElementById('checker').scrollIntoView()")
    phone.wait_for_selector("#checker[data-start]", state="attached")
    release(phone, held)
    wait_ready(phone, timeout_ms=120000)
    phone.wait_for_timeout(500)
    shifts = phone.evaluate("window.__shifts")
    assert sum(s["value"] for s in shifts) < 0.02, shifts
    # Before the first answer, the page is short: the list for those without JavaScript has a page of its own.
    assert phone.evaluate("document.documentElement.scrollHeight") < 3000
