"""When the checker cannot run, the page says so plainly and the static checklist stays usable;
when one step fails inside the checker, the answers stay on screen and the next step works."""
from __future__ import annotations

from datetime import datetime

import pytest

from assertions import assert_checklist_usable
from driver import BODY, STATUS, choose_radios, fill_step, heading, hold, open_checker, press, release, start


def test_without_webassembly_the_page_says_so_and_offers_the_checklist(page, base_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.add_init_script("delete globalThis.WebAssembly;")  # before the page's own scripts run
    page.goto(base_url + "checker/")
    page.wait_for_selector("#checker[data-state='error']")
    assert "WebAssembly が使えない" in page.inner_text(STATUS)
    assert_checklist_usable(page)
    assert not [u for u in requested if "/pyodide/" in u or u.endswith("worker.mjs")]  # nothing started


@pytest.mark.parametrize("part", ["pyodide.asm.wasm", "python_stdlib.zip"])
def test_a_runtime_that_cannot_load_is_reported_and_the_checklist_stays(page, base_url, part):
    page.route(f"**/pyodide/{part}", lambda route: route.abort())
    page.goto(base_url + "checker/")
    page.wait_for_selector("#checker[data-state='error']", timeout=60000)
    assert "読み込めませんでした" in page.inner_text(STATUS)
    assert_checklist_usable(page)


# The next request with this action fails inside the worker, once; everything else goes through.
BREAK_ONCE = """(action) => {
  const original = JSON.stringify;
  JSON.stringify = function (value, ...rest) {
    if (value?.action === action) {
      JSON.stringify = original;
      throw new Error("a failure made by the test");
    }
    return original.call(this, value, ...rest);
  };
}"""


def test_a_failure_inside_the_checker_keeps_the_answers_and_the_next_try_works(page, base_url):
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    open_checker(page, base_url)
    start(page)
    fill_step(page)  # the kind of proposal
    press(page, "next")
    assert heading(page) == "誰が提案しますか"
    fill_step(page, "途中 太郎")
    typed = page.evaluate(f"""() => [...document.querySelectorAll("{BODY} form input")]
      .map((i) => [i.name, i.value, i.checked])""")
    worker = next(w for w in page.workers if w.url.endswith("/assets/checker/worker.mjs"))
    worker.evaluate(BREAK_ONCE, "next")

    page.locator(f'{BODY} button.checker-button[value="next"]').click()
    page.wait_for_function(f"() => document.querySelector('{STATUS}').textContent.includes('問題が起きました')")
    assert "入力した内容はそのままです" in page.inner_text(STATUS)
    assert "failure made by the test" not in page.inner_text(STATUS)  # the details go to the console
    assert any("failure made by the test" in e for e in errors)
    assert heading(page) == "誰が提案しますか"
    assert page.evaluate(f"""() => [...document.querySelectorAll("{BODY} form input")]
      .map((i) => [i.name, i.value, i.checked])""") == typed
    assert page.get_attribute("#checker", "data-state") == "ready"

    # Trying again works, with what was typed.
    press(page, "next")
    assert heading(page) == "提案者1（途中 太郎）について"


# The live panel of the screen on show cannot be written: the next response that carries the live
# result makes the page's `show` throw (a fault of the page itself, not of Python).
BREAK_LIVE_PANEL = f"""() => {{
  const live = document.querySelector("{BODY} [data-result]");
  Object.defineProperty(live, "innerHTML", {{ set() {{ throw new Error("a failure made by the test"); }} }});
}}"""


def test_a_response_the_page_cannot_show_while_catching_up_fails_at_once_with_the_checklist(page, base_url):
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    # The page's clock stands still: its 120-second start limit can never fire, so only the catch-up
    # itself can bring the page to its error state.
    page.clock.install(time=datetime(2026, 3, 2, 10, 0))
    page.clock.pause_at(datetime(2026, 3, 2, 10, 0, 1))
    held = hold(page, "**/pyodide/pyodide.asm.wasm")  # Python cannot start until the test says
    page.goto(base_url + "checker/")
    start(page)  # answered from the screens built into the page
    assert heading(page) == "どの提案をしますか" and page.get_attribute("#checker", "data-state") == "loading"
    choose_radios(page)
    page.evaluate(BREAK_LIVE_PANEL)

    release(page, held)  # at ready the page sends what was done, and cannot show the answer
    page.wait_for_selector("#checker[data-state='error']", timeout=60000)
    assert "読み込めませんでした" in page.inner_text(STATUS)
    assert "準備中" not in page.inner_text(STATUS)
    assert_checklist_usable(page)
    assert any("failure made by the test" in e for e in errors)  # the details go to the console
