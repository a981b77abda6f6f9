"""Two walks from issue 14: 提案の日 answered 「わからない」, and a wrong file chosen to load."""
from __future__ import annotations

import json

from answer_files import ANSWERS
from driver import BODY, STATUS, heading, load_file, press, respond, write_answers


def change(page, step: str) -> None:
    """Follow the review page's change link to ``step``."""
    respond(page, lambda: page.locator(f'{BODY} a[data-goto^="{step}"]').first.click())


def test_the_proposal_day_can_be_answered_unknown_and_the_result_says_to_check_it(checker, tmp_path):
    page = checker
    load_file(page, write_answers(tmp_path / "answers.json"))
    assert heading(page) == "回答の確認"
    change(page, "submission")
    page.click(f'{BODY} label[for="f-submission-method-unknown"]')
    for part in ("year", "month", "day"):
        page.fill(f"#f-submission-date-{part}", "")
    page.click(f'{BODY} label[for="f-submission-date-unknown"]')
    assert page.is_checked("#f-submission-date-unknown")
    press(page, "next")
    assert heading(page) == "回答の確認", page.inner_text(BODY)[:500]
    assert "わからない" in page.inner_text(BODY)
    press(page, "result")
    assert heading(page) == "結果"
    finding = page.locator(f'{BODY} [data-finding="submission.date"]')
    assert "checker-finding--review" in finding.get_attribute("class")
    text = finding.inner_text()
    assert "確認が必要" in text and "提案の日について、「わからない」と回答しました。" in text
    method = page.locator(f'{BODY} [data-finding="submission.method"]').inner_text()
    assert "「まだ決めていない」と回答しました" in method and "「わからない」と回答しました" not in method


def test_a_wrong_file_and_a_file_that_is_not_json_are_explained_and_keep_what_was_typed(checker, tmp_path):
    page = checker
    load_file(page, write_answers(tmp_path / "answers.json"))
    change(page, "proposers")
    name = page.locator(f'{BODY} input[name="p0.name"]')
    name.fill("入力中 一郎")  # typed, not yet sent with 次へ
    # The file is chosen without leaving the name field (as a file dropped onto the control is):
    # what was typed goes with the load request itself.
    assert page.evaluate("document.activeElement.name") == "p0.name"
    other = tmp_path / "settings.json"
    other.write_text(json.dumps({"theme": "dark", "items": [1, 2]}), encoding="utf-8")
    text = tmp_path / "memo.txt"
    text.write_text("提案の準備メモ\n・提案書\n", encoding="utf-8")
    for path in (other, text):
        load_file(page, path)
        summary = page.inner_text("#error-summary")
        assert "回答ファイルを読み込めませんでした" in summary and "今の回答はそのままです" in summary
        assert "このファイルは、このページで保存した回答ファイルではありません。" in summary
        assert "「回答をファイルに保存」で保存したファイル" in summary
        assert "proposal-checker/answers" not in summary and "JSON" not in summary
        assert page.inner_text(STATUS) == "回答ファイルを読み込めませんでした。"
        assert name.input_value() == "入力中 一郎", path.name
    # The answers loaded before are all still there, with what was typed.
    with page.expect_download() as info:
        page.locator(f'{BODY} button[value="save"]').click()
    saved = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert saved["proposers"][0]["name"] == "入力中 一郎"
    assert saved["submission"] == ANSWERS["submission"] and saved["proposal"] == ANSWERS["proposal"]
