"""In Chromium: the browser's Back and Forward move between the checker's screens and keep every
answer, before Python is ready too; leaving with answers not saved in a file asks first; the
history holds only which screen, never an answer. On a phone (390 × 844) the result uses the
column's full width, citations and counts do not break inside, and 「はじめる」 is in view when
loading ends."""
from __future__ import annotations

import re
import time

from assertions import assert_nothing_stored
from driver import BODY, choose_radios, fill_step, focused, heading, hold, open_checker, press, release, start, to_result, wait_ready

PHONE = {"width": 390, "height": 844}
# Everything answered on the screen: checked radios and boxes by id, text fields by id.
ANSWERS = f"""() => {{
  const out = {{}};
  for (const i of document.querySelectorAll('{BODY} form[data-live] input, {BODY} form[data-live] textarea')) {{
    if (i.type === 'radio' || i.type === 'checkbox') {{ if (i.checked) out[i.id] = true; }}
    else if (i.type !== 'hidden' && i.value) out[i.id] = i.value;
  }}
  return out;
}}"""


def shows(page, title: str) -> None:
    page.wait_for_function("(t) => document.querySelector('#step-heading')?.innerText === t", arg=title,
                           timeout=30000)


def back(page, title: str) -> None:
    page.go_back()
    shows(page, title)


def forward(page, title: str) -> None:
    page.go_forward()
    shows(page, title)


def status(page) -> str:
    return page.evaluate("document.querySelector('[data-checker-status]').textContent")


def test_back_and_forward_move_between_steps_and_keep_the_answers(page, base_url):
    open_checker(page, base_url)
    start(page)
    first = heading(page)
    fill_step(page)
    kind = page.evaluate(ANSWERS)
    press(page, "next")
    second, said = heading(page), status(page)
    assert second != first and said.startswith("ステップ 2 / ")
    fill_step(page, "戻る 太郎")
    who = page.evaluate(ANSWERS)
    assert "戻る 太郎" in who.values()
    press(page, "next")
    third = heading(page)

    back(page, second)
    assert page.evaluate(ANSWERS) == who
    # As after 次へ: the heading has focus and the step is announced.
    assert focused(page) == "step-heading" and status(page) == said
    back(page, first)
    assert page.evaluate(ANSWERS) == kind
    forward(page, second)
    assert page.evaluate(ANSWERS) == who
    assert focused(page) == "step-heading"
    forward(page, third)
    # An answer typed and not yet sent (no change event: the field still has focus) goes too.
    field = page.locator(f"{BODY} input[type=text]").first
    field.fill("")
    field.type("12")
    typed = page.evaluate(ANSWERS)
    back(page, second)
    forward(page, third)
    assert page.evaluate(ANSWERS) == typed


def test_back_from_the_first_step_goes_to_the_start_and_then_leaves_asking_first(page, base_url):
    page.goto(base_url + "guide/")
    page.click("a[href$='checker/']")
    wait_ready(page)
    start(page)
    choose_radios(page)
    kind = page.evaluate(ANSWERS)
    assert kind
    back(page, "はじめに")  # the checker's own first screen: still on the page
    assert page.url.endswith("/checker/")
    press(page, "next")  # はじめる: the answers are still there
    assert page.evaluate(ANSWERS) == kind
    back(page, "はじめに")

    # Back once more leaves the checker; with answers not saved, the browser asks first.
    dialogs = []

    def answer(dialog, accept: bool) -> None:
        dialogs.append(dialog.type)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))  # stay
    page.evaluate("history.back()")
    deadline = time.monotonic() + 30
    while not dialogs and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith("/checker/") and heading(page) == "はじめに"
    press(page, "next")
    assert page.evaluate(ANSWERS) == kind

    page.once("dialog", lambda d: answer(d, True))  # leave
    page.evaluate("history.go(-2)")  # past はじめに, to the page before the checker
    page.wait_for_url(base_url + "guide/", timeout=30000)
    assert dialogs == ["beforeunload", "beforeunload"]


def leaving_asks(page, base_url) -> bool:
    """Go to another page; whether the browser asked first (the question is accepted)."""
    asked = []

    def accept(dialog) -> None:
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", accept)
    page.goto(base_url + "guide/")
    page.remove_listener("dialog", accept)
    return asked == ["beforeunload"]


def test_leaving_asks_first_only_while_answers_are_not_saved(page, base_url, tmp_path):
    open_checker(page, base_url)
    start(page)  # a click: the browser may ask from now on
    assert not leaving_asks(page, base_url)  # nothing answered

    open_checker(page, base_url)
    start(page)
    choose_radios(page)
    assert leaving_asks(page, base_url)

    # Saved in a file: nothing to lose; answering again: something to lose again.
    open_checker(page, base_url)
    start(page)
    choose_radios(page)
    with page.expect_download():
        page.locator(f'{BODY} button[value="save"]').click()
    page.wait_for_function("() => document.querySelector('[data-checker-status]').textContent.includes('保存しました')")
    assert not leaving_asks(page, base_url)

    open_checker(page, base_url)
    start(page)
    choose_radios(page)
    with page.expect_download():
        page.locator(f'{BODY} button[value="save"]').click()
    page.locator(f"{BODY} input[type=radio]:not(:checked)").first.check(force=True)
    assert leaving_asks(page, base_url)

    # Cleared: nothing left to lose.
    open_checker(page, base_url)
    start(page)
    choose_radios(page)
    press(page, "clear")
    press(page, "clear-confirm")
    assert not leaving_asks(page, base_url)


def test_the_history_holds_only_the_screen_and_nothing_is_stored(page, base_url):
    marker = "履歴 残らない子"
    open_checker(page, base_url)
    titles = [heading(page)]
    start(page)
    for _ in range(2):
        titles.append(heading(page))
        fill_step(page, marker)
        press(page, "next")
    states = [page.evaluate("history.state")]
    for title in reversed(titles):
        back(page, title)
        states.append(page.evaluate("history.state"))
    for state in states:
        assert list(state) == ["checker"] and re.fullmatch(r"[a-z0-9-]+", state["checker"]), states
        assert marker not in str(state)
    assert_nothing_stored(page, "back and forward")


def test_back_and_forward_before_python_is_ready_keep_what_was_typed(page, base_url):
    held = hold(page, "**/pyodide/pyodide.asm.wasm")  # Python cannot start until the test says
    page.goto(base_url + "checker/")
    page.wait_for_selector("#step-heading")
    page.click(f'{BODY} button[value="next"]')  # はじめる, answered from the built screens
    shows(page, "どの提案をしますか")
    choose_radios(page)
    chosen = page.evaluate(ANSWERS)
    back(page, "はじめに")
    assert focused(page) == "step-heading"
    forward(page, "どの提案をしますか")
    assert page.evaluate(ANSWERS) == chosen
    back(page, "はじめに")
    page.click(f'{BODY} button[value="next"]')  # はじめる again: the same screen, as it was left
    shows(page, "どの提案をしますか")
    assert page.evaluate(ANSWERS) == chosen
    assert page.get_attribute("#checker", "data-state") == "loading"

    release(page, held)
    wait_ready(page)
    assert page.evaluate(ANSWERS) == chosen
    # Python has the answer: back to the start and on again, rendered by Python now.
    back(page, "はじめに")
    press(page, "next")
    assert page.evaluate(ANSWERS) == chosen


# ---------------------------------------------------------------------------------------------
# Phone

# How many lines a range's text takes: its client rects, by top; a rect that starts below the
# bottom of the line so far starts a new line (a badge's box within a line is not a new line).
LINES = """const lines = (range) => {
  let count = 0, bottom = -Infinity;
  for (const r of [...range.getClientRects()].filter((r) => r.width > 0).sort((a, b) => a.top - b.top)) {
    if (r.top >= bottom - 1) { count += 1; bottom = r.bottom; } else bottom = Math.max(bottom, r.bottom);
  }
  return count;
};"""
# Elements whose text takes more than one line.
BROKEN = """(selector) => {
  %s
  const broken = [];
  for (const e of document.querySelectorAll(selector)) {
    const range = document.createRange();
    range.selectNodeContents(e);
    if (lines(range) !== 1) broken.push(e.textContent);
  }
  return broken;
}""" % LINES
# A count or a date inside longer text (「（2部）」 after a document's name): a range over it.
BROKEN_COUNTS = """(selector) => {
  %s
  const broken = [];
  let seen = 0;
  for (const e of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/（\\d+部）|\\d+件|\\d+年\\d+月\\d+日(?:（.）)?|\\d+時\\d+分/g)) {
        seen += 1;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (lines(range) !== 1) broken.push(m[0] + " in " + e.textContent.slice(0, 40));
      }
    }
  }
  return {seen, broken};
}""" % LINES


def test_on_a_phone_the_result_uses_the_full_width_and_nothing_breaks_inside(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    open_checker(page, base_url)
    to_result(page)
    page.locator(f"{BODY} details.checker-passed > summary").click()  # the passed items, folded at first
    widths = page.evaluate("""() => ({
      column: document.querySelector('[data-checker-body]').getBoundingClientRect().width,
      cards: [...document.querySelectorAll('.checker-findings > li, .checker-docs > li')]
        .map((e) => e.getBoundingClientRect().width)})""")
    assert len(widths["cards"]) > 3
    assert min(widths["cards"]) >= widths["column"] - 1, widths
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

    whole = ".checker-finding-basis a, .checker-doc-basis a, .checker-badge, .checker-counts > li"
    assert page.locator(whole).count() > 5
    assert page.evaluate(BROKEN, whole) == []
    counts = page.evaluate(BROKEN_COUNTS, f"{BODY} :is(p, li, dd, h4)")
    assert counts["seen"] > 5 and counts["broken"] == [], counts
    # On a step, the live panel's counts (「確認が必要 11件」) likewise: those it shows (on a phone it
    # leaves out the statuses with nothing under them).
    press(page, "back")
    page.locator(f"{BODY} a[data-goto]").first.click()
    page.wait_for_selector(".checker-counts")
    assert page.evaluate(BROKEN, ".checker-counts > li:not(.is-zero), .checker-steps-item") == []
    page.close()


def test_on_a_phone_the_start_button_is_in_view_when_loading_ends(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "checker/")
    wait_ready(page)
    button = page.locator(f'{BODY} button[value="next"]')
    box = button.bounding_box()
    assert page.evaluate("scrollY") == 0
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    # Nothing lies over it.
    assert page.evaluate("""() => {
      const b = document.querySelector('[data-checker-body] button[value=next]').getBoundingClientRect();
      return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('button[value=next]') !== null;
    }""")
    # The status line does not show again what the screen shows (its heading), yet still says it.
    shown = page.evaluate("""() => {
      const s = document.querySelector('[data-checker-status]');
      const r = s.getBoundingClientRect();
      return r.width > 1 && r.height > 1 ? s.textContent : '';
    }""")
    assert "はじめに" not in shown and "チェックを始める" not in shown
    start(page)
    visible = page.evaluate("""() => {
      const r = document.querySelector('[data-checker-status]').getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    }""")
    assert not visible and "提案の種類" in status(page)
    page.close()
