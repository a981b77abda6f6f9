"""On a phone, the end of a sentence typed as year and month only (「日」 left empty) is taken when
every day of the month gives the same outcome, shown back as a month, and judged; a month whose days
differ is 「確認が必要」 and says which days give what (issue 20, point 7)."""
from __future__ import annotations

from callfacts import CALL, OFFICE_DAY
from driver import BODY, answer_steps, choose_radios, fill_step, heading, press, wait_shown
from test_result_and_print import PHONE


def month_before(day, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def to_the_person_step(page) -> None:
    page.set_viewport_size(PHONE)
    answer_steps(page, 2)     # 提案の種類; 提案者: one individual
    fill_step(page)           # every 「当たらない」, a birth date
    choose_radios(page, {"p0.sentence.status": "yes"})
    wait_shown(page, "p0.sentence.state")
    choose_radios(page, {"p0.sentence.status": "yes", "p0.sentence.state": "ended"})
    wait_shown(page, "p0.sentence.ended_on.year")


def type_month(page, year: int, month: int) -> None:
    page.fill(f"{BODY} input[name='p0.sentence.ended_on.year']", str(year))
    page.fill(f"{BODY} input[name='p0.sentence.ended_on.month']", str(month))
    assert page.input_value(f"{BODY} input[name='p0.sentence.ended_on.day']") == ""


def finding_text(page, id: str) -> tuple[str, str]:
    card = page.locator(f"{BODY} [data-finding='{id}']")
    return card.get_attribute("class").rsplit("--", 1)[1], card.text_content()  # a pass is folded away


def test_a_month_that_decides_goes_on_reads_back_as_a_month_and_is_judged(checker):
    page = checker
    to_the_person_step(page)
    year, month = month_before(CALL.opens, 36)     # three years before the call: past two years whatever the day
    type_month(page, year, month)
    hint = page.locator(f"{BODY} [id$='sentence-ended-on-hint']").inner_text()
    assert "年と月だけ" in hint
    press(page, "next")
    assert "欠格" not in page.title(), page.inner_text(BODY)[:400]   # taken: no error, the next step
    for _ in range(10):
        if heading(page) == "回答の確認":
            break
        fill_step(page)
        press(page, "next")
    assert f"{year}年（" in page.inner_text(BODY) and f"{month}月（日は答えていません）" in page.inner_text(BODY)
    press(page, "result")
    status, text = finding_text(page, "proposer-1.113-4")
    assert status == "pass" and "どの日だったとしても" in text


def test_a_month_whose_days_differ_is_to_confirm_and_says_which_days_give_what(checker):
    page = checker
    to_the_person_step(page)
    # Two years on, the proposal day the tests type falls inside this month.
    year, month = month_before(OFFICE_DAY, 24)
    type_month(page, year, month)
    press(page, "next")
    for _ in range(10):
        if heading(page) == "回答の確認":
            break
        fill_step(page)
        press(page, "next")
    press(page, "result")
    status, text = finding_text(page, "proposer-1.113-4")
    assert status == "review" and "その月の何日かで変わります" in text and "日まで入力してください" in text
    # The first answer names it among what is to be confirmed.
    eligible = page.locator(f"{BODY} .checker-answer[data-part='eligibility']").inner_text()
    assert "刑に処せられて" in eligible
