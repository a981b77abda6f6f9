"""Nothing the visitor does is kept by the browser: no cookie, no Web Storage, no IndexedDB, no
Cache Storage, no service worker, on the page or in its workers. A download is the only save.
And "clear everything" leaves nothing behind, on screen or in Python's memory."""
from __future__ import annotations

import json

from assertions import assert_nothing_stored
from driver import BODY, fill_step, heading, open_checker, press, start, to_result


def test_searching_and_completing_the_checker_store_nothing(page, base_url):
    # The theme's search on a content page: the query, the results, a result followed.
    page.goto(base_url + "guide/")
    page.fill("input[data-md-component=search-query]", "欠格事由")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    assert [w for w in page.workers if "search" in w.url]  # the search worker is checked too
    assert_nothing_stored(page, "search")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert_nothing_stored(page, "search result")

    # The whole checker, then save (a download: the visitor's own choice) and print.
    open_checker(page, base_url)
    to_result(page, "保存 されない子")
    assert any(w.url.endswith("/assets/checker/worker.mjs") for w in page.workers)  # checked too
    with page.expect_download():
        page.locator(f'{BODY} button[value="save"]').click()
    assert_nothing_stored(page, "checker")
    # The next visit starts empty: nothing came back from anywhere.
    page.reload()
    open_checker(page, base_url)
    assert "保存 されない子" not in page.content()
    assert_nothing_stored(page, "reload")


def marks_left(page, marker: str) -> list[str]:
    """Where `marker` still shows: the markup, any field's current value, the title, the status."""
    return page.evaluate("""(m) => {
      const found = [];
      if (document.documentElement.outerHTML.includes(m)) found.push("markup");
      for (const i of document.querySelectorAll("input, textarea")) if (i.value.includes(m)) found.push(i.id || i.name);
      if (document.title.includes(m)) found.push("title");
      return found;
    }""", marker)


def test_clearing_everything_leaves_nothing_behind(page, base_url):
    marker = "消去 確認子"
    open_checker(page, base_url)
    to_result(page, marker)
    assert marks_left(page, marker)  # (it shows before clearing: the check below can fail)
    # Clearing asks first; cancelling keeps every answer.
    result = page.inner_text(BODY)
    press(page, "clear")
    assert heading(page) == "すべての回答を消去しますか"
    press(page, "clear-cancel")
    assert heading(page) == "結果" and page.inner_text(BODY) == result
    press(page, "clear")
    press(page, "clear-confirm")
    assert heading(page) == "はじめに"
    assert "消去しました" in page.inner_text("[data-checker-status]")
    assert marks_left(page, marker) == []

    # The flow starts empty: no choice made, no name typed, and Python keeps no answer either.
    start(page)
    assert page.locator(f"{BODY} input[type=radio]:checked").count() == 0
    fill_step(page)  # the kind of proposal only
    press(page, "next")
    assert heading(page) == "誰が提案しますか"
    assert page.locator(f"{BODY} input[type=radio]:checked").count() == 0
    assert [v for v in page.locator(f"{BODY} input[type=text]").evaluate_all("(l) => l.map((i) => i.value)") if v] == []
    with page.expect_download() as info:
        page.locator(f'{BODY} button[value="save"]').click()
    saved = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert marker not in json.dumps(saved, ensure_ascii=False)
    assert "proposers" not in saved or all(set(p) <= {"type"} and not p.get("type") for p in saved["proposers"]), saved
    assert set(saved.get("proposal", {})) == {"kind"} and "submission" not in saved, saved
    assert_nothing_stored(page, "after clearing")

