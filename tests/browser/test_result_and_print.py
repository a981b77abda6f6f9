"""In Chromium, the result as the three applicants of the phone walk met it (an individual's
Article 112 proposal; a company whose second officer served a sentence; an Article 118 extension
answered 「わからない」 often), and a joint proposal sent by post through an agent:

- on a phone, what does not pass comes first, and the passed items are one closed disclosure
  that the keyboard opens and closes;
- 「チェックリストを印刷」 prints the checklist alone on one A4 page; the whole result prints every
  finding, and the screen is as it was after printing;
- the live panel judges nothing before anything is answered;
- citations, counts and dates stay whole where the browser has no phrase breaking (Firefox, Safari).
"""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from callfacts import CALL, IN_HOURS, OFFICE_DAY
from driver import BODY, answer_steps, heading, load_file, open_checker, press, start, write_answers

PHONE = {"width": 390, "height": 844}
MEASURES = {k: "yes" for k in ("purpose_method", "access_control", "leak_prevention", "staff", "disposal", "incidents")}
NEW = {"kind": "new", "file_name": "在留管理ファイル", "population": 5000, "file_population": 100000,
       "processing": {k: "yes" for k in ("identifiers", "individual_codes", "linking_codes", "idiosyncratic", "other")},
       "contribution": "yes", "period_of_use": "yes", "measures": MEASURES}
BASE = {"format": "proposal-checker/answers", "version": 1, "call": CALL.id}
HAND = {"method": "hand", "date": OFFICE_DAY.isoformat(), "time": IN_HOURS, "agent": "no"}
POST = {"method": "post", "date": OFFICE_DAY.isoformat(), "posted_on": (OFFICE_DAY - timedelta(days=2)).isoformat()}


def person(name: str, sentence: dict | None = None, **answers) -> dict:
    return {"name": name, "birth_date": "1975-04-01", "capacity": "no", "bankruptcy": "none",
            "sentence": sentence or {"status": "none"}, "cancellation": {"status": "none"}, **answers}


def company(*officers: dict) -> dict:
    return {"type": "corporation", "name": "株式会社見本", "bankruptcy": "none", "sentence": {"status": "none"},
            "cancellation": {"status": "none"}, "certificate_date": (OFFICE_DAY - timedelta(days=30)).isoformat(),
            "officers": list(officers)}


SENTENCED = {"status": "yes", "state": "ended", "ended_on": (OFFICE_DAY - timedelta(days=400)).isoformat()}
WALKS = {
    "individual-112": {**BASE, "proposal": NEW, "submission": HAND,
                       "proposers": [{"type": "individual", **person("山田 太郎")}]},
    "company-sentenced-officer": {**BASE, "proposal": NEW, "submission": {**POST, "agent": "no"},
                                  "proposers": [company(person("佐藤 一郎"), person("鈴木 次郎", SENTENCED))]},
    "extension-118-unknown": {**BASE, "submission": {**HAND, "agent": "unknown"},
                              "proposal": {"kind": "existing-extend", "contribution": "yes", "period_of_use": "yes",
                                           "measures": MEASURES},
                              "proposers": [{"type": "individual", **person("田中 花子", {"status": "unknown"},
                                                                            capacity="unknown", bankruptcy="unknown")}]},
    "joint-agent-post": {**BASE, "proposal": NEW, "submission": {**POST, "agent": "yes"},
                         "proposers": [company(person("佐藤 一郎")), {"type": "individual", **person("山田 太郎")}]},
}
THREE = ("individual-112", "company-sentenced-officer", "extension-118-unknown")

SHOWN = """(selector) => [...document.querySelectorAll(selector)]
  .filter((e) => e.checkVisibility() && e.getBoundingClientRect().height > 0)"""
STATUSES = f"() => ({SHOWN})('{BODY} .checker-finding').map((e) => e.className.match(/--(\\w+)/)[1])"


def to_result(page, tmp_path, walk: str) -> None:
    load_file(page, write_answers(tmp_path / f"{walk}.json", WALKS[walk]))
    press(page, "result")
    assert heading(page) == "結果"


def pdf_pages(page) -> int:
    """The A4 pages of a print (a page object in the PDF per page)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(format="A4")))


# --- a short result --------------------------------------------------------------------------------


@pytest.mark.parametrize("walk", THREE)
def test_on_a_phone_what_does_not_pass_comes_first_and_the_passed_items_are_folded(checker, tmp_path, walk):
    page = checker
    page.set_viewport_size(PHONE)
    to_result(page, tmp_path, walk)
    every = page.evaluate(f"() => [...document.querySelectorAll('{BODY} .checker-finding')].map((e) => e.className.match(/--(\\w+)/)[1])")
    passed = every.count("pass")
    # The individual has nothing failed or to confirm; what only the agency judges is "stated", never passed.
    assert passed > 3 and any(s in ("fail", "review") for s in every) == (walk != "individual-112")
    assert every == sorted(every, key=["fail", "review", "stated", "pass"].index) and "stated" in every
    # On screen: the fails and the reviews; the passed items only as one closed group, counted.
    assert page.evaluate(STATUSES) == [s for s in every if s != "pass"]
    summary = page.locator(f"{BODY} details.checker-passed > summary")
    assert summary.count() == 1 and f"{passed}件" in summary.inner_text()
    assert page.evaluate(f"() => document.querySelector('{BODY} details.checker-passed').open") is False
    # The keyboard opens it (Enter) and closes it (Space), like any button.
    summary.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelector('{BODY} details.checker-passed').open")
    assert page.evaluate(STATUSES) == every
    page.keyboard.press("Space")
    page.wait_for_function(f"() => !document.querySelector('{BODY} details.checker-passed').open")
    assert page.evaluate(STATUSES).count("pass") == 0


# --- printing --------------------------------------------------------------------------------------


@pytest.mark.parametrize("walk", [*THREE, "joint-agent-post"])
def test_the_checklist_alone_prints_on_one_a4_page_with_what_goes_on_the_desk(checker, tmp_path, walk):
    page = checker
    page.set_viewport_size(PHONE)
    to_result(page, tmp_path, walk)
    documents = page.locator(f"{BODY} .checker-checklist-print .checker-doc-name").all_inner_texts()
    assert documents and all(f"（{CALL.copies}部）" in d for d in documents)
    # What 「チェックリストを印刷」 sets before it prints (the button itself is pressed below:
    # headless Chromium's print() never ends, so no PDF can be made after it).
    page.evaluate("() => { document.getElementById('checker').dataset.print = 'checklist'; }")
    page.emulate_media(media="print")
    printed = page.evaluate(f"() => ({SHOWN})('{BODY} *').map((e) => e.innerText).join('\\n')")
    for text in (*documents, CALL.address, CALL.envelope_marking, "期限", f"{CALL.closes.month}月{CALL.closes.day}日"):
        assert text in printed, text
    assert page.evaluate(f"() => ({SHOWN})('{BODY} .checker-finding, {BODY} button, .checker-live').length") == 0
    # It starts with the outcome: the three answers, then the checklist.
    first = page.evaluate(f"() => ({SHOWN})('{BODY} h3, {BODY} h4').map((e) => e.innerText)")
    assert [f.split("（")[0] for f in first[:4]] == ["提案できるか", "審査基準のうち確かめられたこと", "書類と出し方",
                                                    "あなたの提出チェックリスト"], first
    # The person's own choices, the paper's warnings, the forms page, the call's state when it was made.
    walk = WALKS[walk]
    method = {"hand": "持参する", "post": "郵送・信書便で送る"}[walk["submission"]["method"]]
    for text in ("あなたが答えた提出の方法と日時", method, f"{OFFICE_DAY.month}月{OFFICE_DAY.day}日",
                 CALL.links["forms"], "募集の状況"):
        assert text in printed, text
    if any(p.get("type") == "individual" for p in walk["proposers"]):
        assert "個人番号カードは、表面だけを写します" in printed and "被保険者証" in printed
    page.emulate_media(media="null")  # no emulation: page.pdf() prints with print styles, the screen is a screen
    assert pdf_pages(page) == 1
    # The print over, the page is as before: the next print is the whole result.
    assert page.evaluate("() => document.getElementById('checker').dataset.print") is None


def test_the_whole_result_prints_every_finding_and_leaves_the_screen_as_it_was(browser, base_url, tmp_path):
    # A page of its own: after window.print() headless Chromium makes no more PDFs of the page.
    page = browser.new_page(viewport=PHONE)
    open_checker(page, base_url)
    to_result(page, tmp_path, "company-sentenced-officer")
    every = page.locator(f"{BODY} .checker-finding").count()
    page.emulate_media(media="print")
    assert len(page.evaluate(STATUSES)) == every  # the passed ones too, though folded on screen
    assert page.evaluate(f"() => ({SHOWN})('{BODY} .checker-checklist-print, {BODY} .checker-answers').length") == 2
    page.emulate_media(media="null")  # no emulation: page.pdf() prints with print styles, the screen is a screen
    assert pdf_pages(page) > 1
    assert page.evaluate(f"() => document.querySelector('{BODY} details.checker-passed').open") is False
    # The two buttons: each marks which print it makes, then prints.
    for value, mark in (("print", "checklist"), ("print-all", "all")):
        page.locator(f'{BODY} button[value="{value}"]').click()
        assert page.evaluate("() => document.getElementById('checker').dataset.print") == mark
    page.close()


def test_a_disqualified_applicants_checklist_print_starts_with_no_and_cannot_pass_for_a_go_ahead(checker, tmp_path):
    page = checker
    page.set_viewport_size(PHONE)
    to_result(page, tmp_path, "company-sentenced-officer")
    page.evaluate("() => { document.getElementById('checker').dataset.print = 'checklist'; }")
    page.emulate_media(media="print")
    answer = page.locator(f"{BODY} .checker-answer[data-part='eligibility']")
    assert answer.is_visible() and "いいえ" in answer.inner_text()
    assert "鈴木 次郎" in answer.inner_text() and "刑に処せられて" in answer.inner_text()  # what fails, named
    warning = page.locator(f"{BODY} .checker-checklist-print .checker-checklist-warning")
    assert warning.is_visible() and "提案できません" in warning.inner_text()
    # Above the list of papers, and above the answers nothing but the page's heading.
    tops = page.evaluate(f"""() => ['.checker-answers', '.checker-checklist-warning', '.checker-docs']
      .map((s) => document.querySelector('{BODY} ' + s).getBoundingClientRect().top)""")
    assert tops == sorted(tops)
    page.emulate_media(media="null")
    assert pdf_pages(page) == 1


# --- the live panel --------------------------------------------------------------------------------


def test_the_live_panel_judges_nothing_before_anything_is_answered(checker):
    page = checker
    page.set_viewport_size({"width": 1920, "height": 1000})  # the panel beside the questions
    start(page)
    panel = page.locator(f"{BODY} .checker-live")
    assert panel.is_visible()
    assert "まだ判定していません" in panel.inner_text() and "確認が必要" not in panel.inner_text()
    radio = page.locator(f"{BODY} input[name='proposal.kind']").first
    page.click(f'label[for="{radio.get_attribute("id")}"]')  # the label: the radio is styled over
    page.wait_for_function(f"() => document.querySelector('{BODY} .checker-counts')")
    text = panel.inner_text()
    assert "まだ判定していません" not in text and re.search(r"確認が必要です\s*0件", text), text
    assert "まだ答えていない質問" in text


def test_on_a_phone_the_live_panel_is_seen_when_an_answer_changes_it_names_what_fails_and_moves_nothing(checker):
    page = checker
    page.set_viewport_size(PHONE)
    answer_steps(page, 2)     # 提案の種類; 提案者: one individual
    assert "欠格" in page.title()
    radio = page.locator(f"{BODY} input[name='p0.capacity'][value='yes']")
    label = page.locator(f'label[for="{radio.get_attribute("id")}"]')
    # The question in the middle of the window, as a person reading down the step has it.
    label.evaluate("(e) => e.scrollIntoView({block: 'center'})")
    before = label.bounding_box()
    page.evaluate(f"() => document.querySelector('{BODY} [data-result]').append(Object.assign(document.createElement('i'), {{hidden: true, className: 'stale'}}))")
    label.click()
    page.wait_for_function(f"() => !document.querySelector('{BODY} [data-result] > i.stale')")
    # Nothing moved under the finger, and the panel is in the window.
    assert label.bounding_box() == before
    outcome = page.locator(f"{BODY} .checker-panel-outcome").bounding_box()
    assert 0 <= outcome["y"] and outcome["y"] + outcome["height"] <= PHONE["height"]
    panel = page.locator(f"{BODY} .checker-live")
    assert panel.bounding_box()["height"] <= PHONE["height"] * 0.35 + 1
    # The answer just given is not hidden behind it.
    centre = (before["x"] + before["width"] / 2, before["y"] + before["height"] / 2)
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('label')?.htmlFor", centre) == radio.get_attribute("id")
    # It names what fails: one line each, whom it is about and what was checked.
    named = page.locator(f"{BODY} .checker-panel-items li").all_inner_texts()
    assert len(named) == 2, named
    assert any("提案者1" in line and "心身の故障" in line for line in named)
    assert any("提案者全員が欠格事由に当たらないこと" in line for line in named)
    assert re.search(r"満たしていません\s*2件", panel.inner_text())
    # Back to 「当たらない」: nothing fails, nothing named.
    page.evaluate(f"() => document.querySelector('{BODY} [data-result]').append(Object.assign(document.createElement('i'), {{hidden: true, className: 'stale'}}))")
    page.click(f'label[for="{page.locator(f"{BODY} input[name=\'p0.capacity\'][value=\'no\']").get_attribute("id")}"]')
    page.wait_for_function(f"() => !document.querySelector('{BODY} [data-result] > i.stale')")
    assert page.locator(f"{BODY} .checker-panel-items li").count() == 0


# --- lines that do not break inside a unit ---------------------------------------------------------

# Units as the checker writes them: citations, bracketed counts, counts, dates, times.
UNIT = r"(?:法|規則)?第\d+条(?:第\d+項)?(?:第\d+号)?|第\d+項第\d+号|（\d+部）|\d[\d,]*人|\d+月\d+日（.）|午[前後]\d+時"
WHOLE = """([selector, unit]) => {
  const pattern = new RegExp(unit, "g");
  const out = {seen: 0, loose: [], broken: []};
  for (const e of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(pattern)) {
        out.seen += 1;
        if (getComputedStyle(node.parentElement).whiteSpace !== "nowrap") out.loose.push(m[0] + " in " + node.data.slice(0, 30));
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.broken.push(m[0]);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("walk", ["company-sentenced-officer", "joint-agent-post"])
def test_without_phrase_breaking_citations_counts_and_dates_stay_whole(checker, tmp_path, walk):
    page = checker
    page.set_viewport_size({"width": 320, "height": 640})
    to_result(page, tmp_path, walk)
    # As in Firefox and Safari: no word-break: auto-phrase (taken away again: the page is shared).
    style = page.add_style_tag(content=".checker, .checker-static { word-break: normal !important; }")
    try:
        page.locator(f"{BODY} details.checker-passed > summary").click()
        found = page.evaluate(WHOLE, [f"{BODY} .checker-result :is(p, li)", UNIT])
    finally:
        style.evaluate("(element) => element.remove()")
    assert found["seen"] > 20, found
    assert found["loose"] == [] and found["broken"] == [], found
