"""Driving the checker page in Chromium: reading the screen, answering, pressing, loading files.

Every step waits for Python's answer by marking what is on screen and waiting for it to be
replaced (``respond``). The tests that drive the checker with the keyboard, as a person would,
do so in test_checker_flow.py; everything here uses the mouse and fill(), for speed.
"""
from __future__ import annotations

import json
from pathlib import Path

from answer_files import ANSWERS
from callfacts import OFFICE_DAY

BODY = "[data-checker-body]"
STATUS = "[data-checker-status]"
FREE_TEXT = ("name", "file_name")  # the free-text answers: every other text input takes numbers

# How the tests answer: the first listed value a radio group offers, in this order of preference.
PREFERRED = ["new", "individual", "no", "none", "hand", "yes"]
TEXT = {"year": "1990", "month": "1", "day": "15", "hour": "10", "minute": "00"}
SUBMIT_DAY = {"year": str(OFFICE_DAY.year), "month": str(OFFICE_DAY.month), "day": str(OFFICE_DAY.day)}  # an office day of the call


# -- the page as it is ----------------------------------------------------------------------------

def wait_ready(page, timeout_ms: int = 60000) -> None:
    """Until Python has started (or the page has given up, which fails the test with its message)."""
    page.wait_for_selector("#checker[data-state='ready'], #checker[data-state='error']", timeout=timeout_ms)
    state = page.get_attribute("#checker", "data-state")
    assert state == "ready", page.inner_text(STATUS)


def heading(page) -> str:
    return page.inner_text("#step-heading")


def title(page) -> str:
    """The page title Python set: 「ステップ 3 / 7：欠格事由の確認 - 事前チェック」 without the suffix."""
    return page.title().removesuffix(" - 事前チェック")


def focused(page) -> str:
    return page.evaluate("document.activeElement?.id ?? ''")


def radio_groups(page) -> dict[str, list[str]]:
    return page.evaluate("""() => {
      const groups = {};
      for (const r of document.querySelectorAll("[data-checker-body] form input[type=radio]")) {
        if (r.closest("[hidden]")) continue;
        (groups[r.name] ??= []).push(r.value);
      }
      return groups;
    }""")


def text_inputs(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll(
        "[data-checker-body] form input[type=text], [data-checker-body] form input[type=number], [data-checker-body] form input:not([type])")]
      .filter((i) => !i.closest("[hidden]") && i.type !== "hidden" && i.type !== "file")
      .map((i) => ({ id: i.id, name: i.name, value: i.value }))""")


def value_for(name: str, date_value: dict) -> str:
    """What the tests type into the text field `name` (`date_value`: the parts of a date to use)."""
    last = name.rsplit(".", 1)[-1]
    if "population" in name:
        return "5000" if "file" not in name else "100000"
    for key, value in date_value.items():
        if last.endswith(key):
            return value
    for key, value in TEXT.items():
        if last.endswith(key):
            return value
    return "山田 太郎"


def is_free_text(name: str) -> bool:
    return name.rsplit(".", 1)[-1] in FREE_TEXT


# -- doing things -----------------------------------------------------------------------------------

def open_checker(page, url: str) -> None:
    """A fresh checker page: loaded, Python started, the first screen shown."""
    page.goto(url + "checker/")
    wait_ready(page)
    page.wait_for_selector("#step-heading")


def respond(page, action) -> None:
    """Do `action` (a callable), then wait until Python's answer has replaced the checker's body."""
    page.evaluate(f"() => {{ for (const e of document.querySelectorAll('{BODY} > *')) e.dataset.stale = '1'; }}")
    action()
    page.wait_for_function(f"() => !document.querySelector('{BODY} [data-stale]') && document.querySelector('{BODY} > *')")


def press(page, value: str) -> None:
    """Press the checker's visible button with this value (the first one on the page; not the
    hidden default button Enter uses)."""
    respond(page, lambda: page.locator(f'{BODY} button.checker-button[value="{value}"]').first.click())


def choose_radios(page, choices: dict[str, str] | None = None) -> None:
    """Choose an answer in every radio group on screen. Once Python is ready, each choice waits for
    its answer (the live result, and the follow-up questions it shows or hides: 持参 shows the time)."""
    ready = page.get_attribute("#checker", "data-state") == "ready"
    for name, values in radio_groups(page).items():
        choice = (choices or {}).get(name) or next((v for v in PREFERRED if v in values), values[0])
        radio = page.locator(f'{BODY} input[type=radio][name="{name}"][value="{choice}"]')
        if not radio.is_checked():
            # A marker in the live result, gone when Python's answer rewrites it.
            live = ready and page.evaluate(f"""() => {{
              const result = document.querySelector('{BODY} [data-result]');
              result?.append(Object.assign(document.createElement('i'), {{ hidden: true, className: 'stale' }}));
              return result !== null;
            }}""")
            page.click(f'label[for="{radio.get_attribute("id")}"]')  # the label: the radio is styled over
            assert radio.is_checked()
            if live:
                page.wait_for_function(f"() => !document.querySelector('{BODY} [data-result] > i.stale')")


def wait_shown(page, name: str) -> None:
    """Until a follow-up question's input ``name`` is shown (Python's answer to the change that asks
    for it may come after the answer to an earlier change, such as a text field left by the click)."""
    page.wait_for_function(f"""() => [...document.querySelectorAll('{BODY} [name="{name}"]')]
      .some((e) => !e.closest('[hidden]'))""")


def fill_step(page, free_text: str = "山田 太郎", choices: dict[str, str] | None = None,
              numbers: bool = True) -> list[str]:
    """Answer the step on screen; returns the names of the inputs filled with `free_text`."""
    choose_radios(page, choices)
    filled = []
    for field in text_inputs(page):
        name = field["name"]
        if is_free_text(name):
            page.fill(f'[id="{field["id"]}"]', free_text)
            filled.append(name)
        elif numbers:
            dated = SUBMIT_DAY if name.startswith("submission.") or "certificate" in name else {}
            page.fill(f'[id="{field["id"]}"]', value_for(name, dated))
    return filled


def start(page) -> None:
    press(page, "next")  # はじめる


def answer_steps(page, count: int) -> None:
    """From はじめに, answer the first ``count`` steps as fill_step does and go on to the next."""
    start(page)
    for _ in range(count):
        fill_step(page)
        press(page, "next")


def to_review(page, free_text: str = "山田 太郎", limit: int = 20) -> list[str]:
    """From the first question, answer every step until the review page; returns the headings seen."""
    seen = []
    for _ in range(limit):
        seen.append(heading(page))
        if seen[-1] == "回答の確認":
            return seen
        fill_step(page, free_text)
        press(page, "next")
        assert heading(page) != seen[-1], page.inner_text(BODY)[:500]
    raise AssertionError(f"never reached the review page: {seen}")


def to_result(page, free_text: str = "山田 太郎") -> None:
    start(page)
    to_review(page, free_text)
    press(page, "result")
    assert heading(page) == "結果"


def load_file(page, path: Path) -> None:
    respond(page, lambda: page.set_input_files("#checker-load", str(path)))


def write_answers(path: Path, answers: dict | str | None = None) -> Path:
    """An answers file (`answers`: the answers, or the file's text as it is)."""
    text = answers if isinstance(answers, str) else json.dumps(answers or ANSWERS, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def fix_clock(page, moment) -> None:
    """The page's clock at `moment`, standing still (its timers move only when told). It does not
    reach the checker's worker, which is why the page sends its own "now" with every request."""
    from datetime import timedelta

    page.clock.install(time=moment)
    page.clock.pause_at(moment + timedelta(seconds=1))


def hold(page, pattern: str) -> list:
    """Requests matching `pattern` wait, unanswered, until the test lets them go."""
    held: list = []
    page.route(pattern, lambda route: held.append(route))
    return held


def release(page, held: list) -> None:
    while not held:
        page.wait_for_timeout(100)
    for route in held:
        route.continue_()


# -- the shared page (the `checker` fixture, conftest.py) -------------------------------------------

def reset_checker(page, url: str, viewport: dict) -> None:
    """Bring a checker page back to its start screen with nothing answered, as the page's own
    「すべての回答を消去」 → 「消去する」 does; a page that left the checker, or is not ready, is
    opened again. The screen goes back to `viewport` and screen media, at the top."""
    page.emulate_media(media="null")
    page.set_viewport_size(viewport)
    page.evaluate("() => { const c = document.getElementById('checker'); if (c) delete c.dataset.print; }")
    if not page.url.startswith(url + "checker/") or page.get_attribute("#checker", "data-state") != "ready":
        open_checker(page, url)
        return
    for _ in range(3):  # はじめに has no clear button: はじめる first
        if page.locator(f'{BODY} button[value="clear-confirm"]').count():
            press(page, "clear-confirm")
            break
        press(page, "clear" if page.locator(f'{BODY} button[value="clear"]').count() else "next")
    assert heading(page) == "はじめに" and "消去しました" in page.inner_text(STATUS), page.inner_text(BODY)[:300]
    page.evaluate("window.scrollTo(0, 0)")
