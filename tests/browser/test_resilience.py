"""When the checker cannot run, the page says so plainly and the static checklist stays usable;
when one step fails inside the checker, the answers stay on screen and the next step works."""
from __future__ import annotations

import pytest

from assertions import assert_checklist_usable
from driver import BODY, STATUS, fill_step, heading, open_checker, press, start


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

