"""A person completes the pre-screener in the browser: keyboard only, back and change, save and
load, another time zone, and without JavaScript."""
from __future__ import annotations

import json
import re

import pytest

from callfacts import AFTER_CLOSING, CALL, CLOSING, format_date
from driver import PREFERRED, SUBMIT_DAY, heading, load_file, radio_groups, text_inputs, value_for, wait_ready, write_answers


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Move focus with the Tab key alone until the element matching `selector` has it."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def answer_step_by_keyboard(page) -> None:
    """Answer every visible question of the current step with the keyboard, then go on."""
    page.focus("#step-heading")
    for name, values in radio_groups(page).items():
        choice = next((v for v in PREFERRED if v in values), values[0])
        first = f'input[type=radio][name="{name}"]'
        tab_to(page, first + ":checked" if page.locator(first + ":checked").count() else first)
        page.keyboard.press("Space")
        while page.evaluate("(n) => document.querySelector(`input[name='${n}']:checked`)?.value", name) != choice:
            page.keyboard.press("ArrowDown")
    for field in text_inputs(page):
        if field["value"]:
            continue
        dated = SUBMIT_DAY if field["name"].startswith("submission.") or "certificate" in field["name"] else {}
        tab_to(page, f'#{field["id"]}')
        page.keyboard.type(value_for(field["name"], dated))
    tab_to(page, '[data-checker-body] form button[value="next"].checker-button--primary')
    before = heading(page)
    page.keyboard.press("Enter")
    page.wait_for_function("(h) => document.querySelector('#step-heading')?.innerText !== h", arg=before)


def complete_flow(page, limit: int = 20) -> list[str]:
    seen = []
    for _ in range(limit):
        seen.append(heading(page))
        if heading(page) == "回答の確認":
            tab_to(page, '[data-checker-body] form button[value="next"].checker-button--primary, [data-checker-body] form button[value="result"]')
            page.keyboard.press("Enter")
            page.wait_for_function("() => document.querySelector('#step-heading')?.innerText === '結果'")
            seen.append("結果")
            return seen
        answer_step_by_keyboard(page)
    raise AssertionError(f"never reached the review page: {seen}")


@pytest.mark.accessibility("keyboard")
def test_a_person_completes_the_flow_with_the_keyboard_only(checker):
    page = checker
    tab_to(page, '[data-checker-body] form button[value="next"]')  # はじめる
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText !== 'はじめに'")
    steps = complete_flow(page)
    assert steps[-1] == "結果" and len(steps) >= 5
    # Focus went to the new step's heading, and the change was announced.
    assert page.evaluate("document.activeElement.id") == "step-heading"
    # The passed items are folded into one group: the keyboard opens it.
    tab_to(page, "[data-checker-body] details.checker-passed > summary")
    page.keyboard.press("Enter")
    result = page.inner_text("[data-checker-body]")
    assert "法第113条第1号" in result          # each finding names its legal basis
    assert "あなたの提出チェックリスト" in result
    assert f"最終的な判断は{CALL.agency_name}が行います" in result
    link = page.locator('[data-checker-body] a[href*="law/#art-113"]').first
    assert link.count() and link.get_attribute("href").startswith("../law/")


def test_back_and_change_keep_later_answers(checker):
    page = checker
    page.click('[data-checker-body] form button[value="next"]')
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText !== 'はじめに'")
    complete_flow(page)
    # Go back to the review page by its link or the back button, change the first answer, come back.
    page.click('[data-checker-body] button[value="back"]')
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText === '回答の確認'")
    review = page.inner_text("[data-checker-body]")
    assert "山田 太郎" in review
    page.locator("[data-checker-body] a[data-goto]").first.click()
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText !== '回答の確認'")
    # The earlier answer is still selected when we return to its question.
    assert page.locator("[data-checker-body] input[type=radio]:checked").count() >= 1
    page.click('[data-checker-body] form button[value="next"].checker-button--primary')
    page.wait_for_timeout(300)
    # Every later step still holds its answers: the review page lists the same name and dates.
    for _ in range(12):
        if heading(page) == "回答の確認":
            break
        page.click('[data-checker-body] form button[value="next"].checker-button--primary')
        page.wait_for_timeout(200)
    assert heading(page) == "回答の確認"
    assert page.inner_text("[data-checker-body]") == review


def test_saving_and_loading_a_file_restores_the_same_result(checker, tmp_path):
    page = checker
    page.click('[data-checker-body] form button[value="next"]')
    page.wait_for_function("() => document.querySelector('#step-heading')?.innerText !== 'はじめに'")
    complete_flow(page)
    full = page.inner_text("[data-checker-body]")
    with page.expect_download() as download_info:
        page.click('[data-checker-body] button[value="save"]')
    saved = tmp_path / "answers.json"
    download_info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "proposal-checker/answers" and data["version"] == 2
    # A fresh page, nothing in memory: load the file and get the same findings.
    page.reload()
    wait_ready(page)
    page.wait_for_selector("#checker-load")
    page.set_input_files("#checker-load", str(saved))
    page.wait_for_function("() => !document.body.innerText.includes('はじめる') || document.querySelector('#step-heading')?.innerText !== 'はじめに'")
    page.wait_for_timeout(500)
    if heading(page) != "結果":
        page.locator('[data-checker-body] button[value="result"], [data-checker-body] button[value="review"]').first.click()
        page.wait_for_timeout(500)
        if heading(page) == "回答の確認":
            page.locator('[data-checker-body] form button[value="next"].checker-button--primary, [data-checker-body] button[value="result"]').first.click()
            page.wait_for_function("() => document.querySelector('#step-heading')?.innerText === '結果'")
    strip = lambda text: re.sub(r"\d{4}年（令和\d+年）\d+月\d+日（.）\s*\d+時\d+分|作成日時.*", "", text)
    assert "結果" in full and strip(page.inner_text("[data-checker-body]")) == strip(full)


def test_a_bad_file_changes_nothing(checker, tmp_path):
    page = checker
    before = page.inner_text("[data-checker-body]")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    page.set_input_files("#checker-load", str(bad))
    page.wait_for_function("(b) => document.querySelector('[data-checker-body]').innerText !== b", arg=before)
    assert "このページで保存した回答ファイルではありません" in page.inner_text("[data-checker-body]")
    assert heading(page) == "はじめに"


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati"])
def test_deadline_decisions_do_not_depend_on_the_browser_time_zone(browser, base_url, zone, tmp_path):
    context = browser.new_context(timezone_id=zone, locale="ja-JP")
    page = context.new_page()
    page.goto(base_url + "checker/")
    wait_ready(page)
    page.wait_for_selector("#checker-load")
    decided = {}
    for time in (CLOSING, AFTER_CLOSING):
        answers = {
            "format": "proposal-checker/answers", "version": 1,
            "proposal": {"kind": "existing-extend", "file_name": "（作成済みの行政機関等匿名加工情報）",
                         "contribution": "yes", "period_of_use": "yes"},
            "proposers": [{"type": "individual", "birth_date": "1990-01-15", "capacity": "no", "bankruptcy": "none",
                           "sentence": {"status": "none"}, "cancellation": {"status": "none"}}],
            "submission": {"method": "hand", "date": CALL.closes.isoformat(), "time": time, "agent": "no"},
        }
        load_file(page, write_answers(tmp_path / "answers.json", answers))
        finding = page.locator('[data-checker-body] [data-finding="submission.time"]')
        for _ in range(4):
            if finding.count():
                break
            page.locator('[data-checker-body] button[value="result"], [data-checker-body] button[value="review"], '
                         '[data-checker-body] form button[value="next"].checker-button--primary').first.click()
            page.wait_for_timeout(500)
        decided[time] = finding.first.get_attribute("class")
    context.close()
    # The closing time on the closing day is in time and a minute later too late, in Japan time, whatever the browser's zone.
    assert "checker-finding--pass" in decided[CLOSING] and "checker-finding--fail" in decided[AFTER_CLOSING]


def test_without_javascript_the_checker_page_leads_to_the_list(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "checker/")
    # Nothing that needs the script is on screen: no start button, no loading lines.
    assert not page.is_visible("[data-checker-body]") and not page.is_visible("[data-checker-loading]")
    page.click("#checker noscript a")
    page.wait_for_url("**/checker/checklist/")
    checklist = page.inner_text("#checklist")
    context.close()
    for fact in [format_date(CALL.closes), "誓約書", "委任状", CALL.envelope_marking,
                 "法第113条", f"{CALL.minimum_population:,}"]:
        assert fact in checklist
