"""The checker, state by state: axe (WCAG 2.0/2.1 A and AA) on every page Python renders, focus and
announcements as the flow moves, and reflow at 320 CSS pixels and at 200 % zoom.

The answers files (answer_files.py) reach every state, with every follow-up question showing; a
walk loads one, then steps through the pages with the buttons a person would press.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from answer_files import FAIL_CORPORATION_POST, PASS_INDIVIDUAL_HAND, REVIEW_ORGANISATION
from driver import BODY, focused, heading, load_file, open_checker, press, respond, title, write_answers
from wcag import WCAG_AA


def load(page, answers: dict | str, folder: Path, name: str = "answers.json") -> None:
    load_file(page, write_answers(folder / name, answers))


# ---------------------------------------------------------------------------------------------
# axe on every state


class States:
    """Runs axe on each state it is shown and keeps what it found, by state."""

    def __init__(self, page, record, scenario: str):
        self.page, self.record, self.scenario = page, record, scenario
        self.found: dict[str, list[str]] = {}

    def check(self, state: str | None = None, whole_page: bool = True) -> None:
        """axe on the page as shown; `whole_page=False` checks the checker's section only (the
        rest of the page is the same on every step, and checked with the first state)."""
        name = f"{self.scenario}：{state or title(self.page)}"
        context = None if whole_page else {"include": [["#checker"]]}
        results = Axe().run(self.page, context=context, options=WCAG_AA).response
        self.record.add("state", name, results, WCAG_AA["runOnly"]["values"], "page" if whole_page else "#checker")
        self.found[name] = [f"{v['id']} ({v['impact']}) {v['help']}: {n['target']} {n.get('failureSummary', '')}"
                            for v in results["violations"] for n in v["nodes"][:3]]

    def walk_back_to_start(self) -> None:
        """From the review page, 「戻る」 on every step down to the start page, checking each."""
        press(self.page, "back")
        for _ in range(20):
            self.check(whole_page=False)
            if heading(self.page) == "はじめに":
                return
            press(self.page, "back")
        raise AssertionError("「戻る」 never reached the start page")

    def violations(self) -> dict[str, list[str]]:
        return {name: found for name, found in self.found.items() if found}


def test_every_state_of_an_individual_handing_in_has_no_violation(page, base_url, axe_record, tmp_path):
    states = States(page, axe_record, "個人・持参")
    open_checker(page, base_url)
    states.check("はじめに（ページを開いたとき）")
    press(page, "next")
    press(page, "next")  # nothing chosen: the error summary
    assert page.locator("#error-summary").count()
    states.check("提案の種類（未回答で進んだときのエラー表示）", whole_page=False)
    load(page, PASS_INDIVIDUAL_HAND, tmp_path)
    states.check("回答ファイルを読み込んだ後の回答の確認")
    press(page, "result")
    assert page.locator(".checker-answers .checker-answer--fail, .checker-answers .checker-answer--review").count() == 0
    states.check("結果（問題ありません）")
    page.emulate_media(media="print")
    states.check("結果（問題ありません）の印刷")
    page.emulate_media(media="screen")
    press(page, "back")
    states.walk_back_to_start()
    press(page, "next")
    press(page, "clear")
    states.check("すべての回答を消去しますか", whole_page=False)
    press(page, "clear-confirm")
    states.check("消去した後のはじめに", whole_page=False)
    assert states.violations() == {}


def test_every_state_of_a_corporation_with_officers_posting_has_no_violation(checker, axe_record, tmp_path):
    page = checker
    states = States(page, axe_record, "法人と役員・郵送")
    load(page, FAIL_CORPORATION_POST, tmp_path)
    states.check("回答の確認", whole_page=False)
    press(page, "result")
    assert page.locator(".checker-answers .checker-answer--fail").count()
    states.check("結果（満たしていません）")
    # A legal reference opened in place: the dialog over the result.
    page.locator(f"{BODY} a[data-ref]").first.click()
    page.wait_for_selector(f"{BODY} dialog[data-reference][open] [data-reference-text] > *")
    states.check("結果（根拠の条文を開いたとき）")
    page.keyboard.press("Escape")
    page.emulate_media(media="print")
    states.check("結果（満たしていません）の印刷")
    page.emulate_media(media="screen")
    press(page, "back")
    states.walk_back_to_start()
    # Bad input on the step with the most questions: a date that does not exist, a year too short.
    press(page, "next")
    press(page, "next")
    press(page, "next")
    assert "欠格" in title(page)
    page.fill("#f-p0-o0-birth-date-day", "31")
    page.fill("#f-p0-o0-birth-date-month", "2")
    page.fill("#f-p0-o1-birth-date-year", "75")
    press(page, "next")
    assert page.locator("#error-summary li").count() == 2
    states.check("欠格事由の確認（誤った日付で進んだときのエラー表示）", whole_page=False)
    press(page, "add-officer:0")
    states.check("欠格事由の確認（役員を追加した後）", whole_page=False)
    assert states.violations() == {}


def test_the_review_outcome_and_a_bad_file_have_no_violation(checker, axe_record, tmp_path):
    page = checker
    states = States(page, axe_record, "団体・わからない答え")
    load(page, "{not json", tmp_path, "bad.json")
    assert page.locator("#error-summary").count()
    states.check("読み込めない回答ファイルのエラー表示", whole_page=False)
    load(page, REVIEW_ORGANISATION, tmp_path)
    press(page, "result")
    assert page.locator(".checker-answers .checker-answer--review").count()
    states.check("結果（確認が必要です）")
    page.emulate_media(media="print")
    states.check("結果（確認が必要です）の印刷")
    assert states.violations() == {}


def test_the_loading_and_failed_states_have_no_violation(browser, base_url, axe_record):
    found = {}
    for state, handler in (("Python を読み込んでいる間", lambda route: None),   # never answered: stays loading
                           ("Python を読み込めなかったとき", lambda route: route.abort())):
        context = browser.new_context(locale="ja-JP")
        page = context.new_page()
        page.route("**/pyodide.asm.wasm", handler)
        page.goto(base_url + "checker/")
        page.wait_for_selector("#checker[data-state='loading']" if "間" in state else "#checker[data-state='error']")
        states = States(page, axe_record, "事前チェック")
        states.check(state)
        found.update(states.violations())
        context.close()
    assert found == {}


def test_the_page_without_javascript_has_no_violation(browser, base_url, axe_record):
    # axe itself needs scripts (its timers do not run where scripting is off), so the page is
    # taken as a browser without JavaScript builds it (<noscript> content parsed as elements), then
    # shown again, without its scripts, in a page where axe can run.
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    page = context.new_page()
    page.goto(base_url + "checker/")
    assert page.locator("#checker a[href='checklist/']").count()  # the list, on its own page
    html = page.content()
    context.close()
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.S | re.I)
    html = re.sub(r"<(/?)noscript\b", r"<\1div", html, flags=re.I)
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    page.route(base_url + "checker/", lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    page.goto(base_url + "checker/")
    assert "JavaScript が無効" in page.inner_text("#checker")
    states = States(page, axe_record, "JavaScript が無効")
    states.check("事前チェックのページ（提案に必要なことの一覧へのリンク）")
    context.close()
    assert states.violations() == {}


# ---------------------------------------------------------------------------------------------
# Focus and announcements

# Records every text the live region shows, with the checker's state at that moment, from the
# first byte of the page on (an init script runs before the page's own scripts).
STATUS_LOG = """
window.__status = [];
new MutationObserver(() => {
  const status = document.querySelector('[data-checker-status]');
  if (!status) return;
  const last = window.__status[window.__status.length - 1];
  if (!last || last.text !== status.textContent) {
    window.__status.push({text: status.textContent, state: document.getElementById('checker')?.dataset.state});
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def announced(page) -> list[dict]:
    return [entry for entry in page.evaluate("window.__status") if entry["text"].strip()]


@pytest.mark.accessibility("focus")
def test_the_live_region_announces_loading_ready_and_each_new_page(page, base_url, tmp_path):
    page.add_init_script(STATUS_LOG)
    open_checker(page, base_url)
    region = page.locator("[data-checker-status]")
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"
    log = announced(page)
    # While Python loads, then when it is ready, then the first page.
    assert log[0]["state"] == "loading" and "読み込んでいます" in log[0]["text"], log
    ready = [e for e in log if e["state"] == "ready"]
    assert ready and ready[0]["text"] != log[0]["text"], log
    # The first screen was on the page before Python (built with it), so ready is the last word.
    assert log[-1]["state"] == "ready" and "準備ができました" in log[-1]["text"], log
    assert page.inner_text("#step-heading") == "はじめに"
    press(page, "next")
    assert announced(page)[-1]["text"].startswith("ステップ 1 / ") and "提案の種類" in announced(page)[-1]["text"]
    press(page, "next")  # nothing chosen
    assert announced(page)[-1]["text"] == "入力内容に問題があります（1件）。"
    load(page, PASS_INDIVIDUAL_HAND, tmp_path)
    assert "回答ファイルを読み込みました" in announced(page)[-1]["text"]
    press(page, "result")
    assert announced(page)[-1]["text"] == "結果"
    press(page, "back")
    assert announced(page)[-1]["text"] == "回答の確認"


@pytest.mark.accessibility("focus")
def test_focus_moves_to_each_new_steps_heading(checker, tmp_path):
    page = checker
    load(page, FAIL_CORPORATION_POST, tmp_path)
    assert focused(page) == "step-heading"
    seen = []
    for _ in range(20):  # back down to the start page
        press(page, "back")
        seen.append((title(page), focused(page)))
        if heading(page) == "はじめに":
            break
    for _ in range(20):  # and forward again, step by step, to the result
        press(page, "result" if heading(page) == "回答の確認" else "next")
        seen.append((title(page), focused(page)))
        if heading(page) == "結果":
            break
    assert [t for t, _ in seen][-1] == "結果" and len(seen) >= 14
    assert [(t, f) for t, f in seen if f != "step-heading"] == []
    # The heading that takes focus is on screen, not under the theme's sticky header.
    top = page.evaluate("document.getElementById('step-heading').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < page.viewport_size["height"]


@pytest.mark.accessibility("focus")
def test_an_invalid_step_focuses_the_error_summary_whose_links_focus_each_field(checker, tmp_path):
    page = checker
    # Only the kind and one individual so far; then the individual's own step, with nothing answered.
    load(page, {"format": "proposal-checker/answers", "version": 1, "proposal": {"kind": "new"},
                "proposers": [{"type": "individual"}]}, tmp_path)
    respond(page, lambda: page.locator(f'{BODY} a[data-goto^="proposer-1"]').first.click())
    for part, value in (("year", "19x0"), ("month", "4"), ("day", "1")):  # not a number: its own message
        page.fill(f"#f-p0-birth-date-{part}", value)
    press(page, "next")
    assert focused(page) == "error-summary"
    summary = page.locator("#error-summary")
    assert summary.get_attribute("tabindex") == "-1"
    assert page.locator("#error-summary-title").inner_text() in page.evaluate(
        "document.getElementById(document.getElementById('error-summary').getAttribute('aria-labelledby')).innerText")
    links = summary.locator("a[href^='#']")
    assert links.count() == 5  # birth date, capacity, bankruptcy, sentence, cancellation
    for i in range(links.count()):
        link = links.nth(i)
        target = link.get_attribute("href")[1:]
        link.focus()
        page.keyboard.press("Enter")
        assert focused(page) == target, link.inner_text()
        # The field says it is invalid and is described by its error text.
        field = page.locator(f"#{target}")
        assert field.get_attribute("aria-invalid") == "true"
        described = page.evaluate("""(id) => {
          const el = document.getElementById(id);
          const ids = [el, el.closest('fieldset')].filter(Boolean)
            .flatMap((e) => (e.getAttribute('aria-describedby') || '').split(' ')).filter(Boolean);
          return ids.map((d) => document.getElementById(d)?.innerText ?? '').join(' ');
        }""", target)
        assert "＊" in described, (target, described)
    page.focus("#error-summary")
    assert "半角数字" in summary.inner_text()


# ---------------------------------------------------------------------------------------------
# Reflow: 320 CSS pixels wide (WCAG 1.4.10), and 200 % zoom (1.4.4)


def reflow_problems(page, name: str, primary: str) -> list[str]:
    problems = []
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if scroll > client + 1:
        wide = page.evaluate("""(w) => [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > w + 1).slice(-3)
          .map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))""", client)
        problems.append(f"{name}: scrollWidth {scroll} > clientWidth {client} ({wide})")
    button = page.locator(f'{BODY} .checker-button[value="{primary}"]').first
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    if not button.is_visible() or box is None or box["x"] < 0 or box["x"] + box["width"] > client + 1:
        problems.append(f"{name}: the button {primary!r} is not fully on screen ({box})")
    else:
        button.click(trial=True)  # visible, stable, enabled and not covered by anything
    return problems


@pytest.mark.accessibility("reflow")
@pytest.mark.parametrize("viewport, scale, answers", [
    ({"width": 320, "height": 640}, 1, FAIL_CORPORATION_POST),
    # A 1280 x 800 window at 200 % zoom lays the page out in 640 x 400 CSS pixels, two device pixels each.
    ({"width": 640, "height": 400}, 2, PASS_INDIVIDUAL_HAND),
], ids=["320px", "1280px-zoom-200"])
def test_every_step_reflows_without_horizontal_scrolling(browser, base_url, tmp_path, viewport, scale, answers):
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, locale="ja-JP",
                                  timezone_id="Asia/Tokyo")
    page = context.new_page()
    open_checker(page, base_url)
    problems = reflow_problems(page, "はじめに", "next")
    press(page, "next")
    press(page, "next")  # nothing chosen: the error summary
    problems += reflow_problems(page, title(page), "next")
    load(page, answers, tmp_path)
    while heading(page) != "はじめに":
        press(page, "back")
    walked = []
    for _ in range(20):
        primary = {"はじめに": "next", "回答の確認": "result", "結果": "print"}.get(heading(page), "next")
        walked.append(title(page))
        problems += reflow_problems(page, title(page), primary)
        if primary == "print":
            break
        press(page, primary)
    context.close()
    assert walked[-1] == "結果" and len(walked) >= 9, walked
    assert problems == []
