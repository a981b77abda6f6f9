"""An Article 118 proposal (a product already made) in Chromium: the flow asks which product it
uses, never the 本人の数 or the processing method, and the result has nothing left unanswered;
nor has any other kind of proposal, once every question the flow asks is answered."""
from __future__ import annotations

import pytest

from driver import BODY, fill_step, heading, press, start, to_review

PRODUCT = "在留外国人の匿名加工情報（例）"


def test_an_extension_is_asked_which_product_and_leaves_nothing_unanswered(checker):
    page = checker
    start(page)
    fill_step(page, choices={"proposal.kind": "existing-extend"})
    press(page, "next")
    seen = to_review(page, free_text=PRODUCT)
    assert "利用する行政機関等匿名加工情報" in seen
    assert "加工の方法" not in seen and "対象の個人情報ファイルと本人の数" not in seen
    review = page.inner_text(BODY)
    assert "利用する行政機関等匿名加工情報" in review and PRODUCT in review
    press(page, "result")
    assert heading(page) == "結果"
    # Every finding, passed ones folded away included.
    assert "まだ回答していません" not in page.locator(BODY).text_content()
    # The product named: stated as typed, never a pass (the checker holds no register to verify it).
    named = page.locator(f'{BODY} [data-finding="proposal.file"]').first
    assert "checker-finding--stated" in named.get_attribute("class") and PRODUCT in named.inner_text()


@pytest.mark.parametrize("kind", ["new", "existing-new-user", "existing-change"])
def test_every_kind_of_proposal_can_answer_everything_its_result_asks(checker, kind):
    page = checker
    start(page)
    fill_step(page, choices={"proposal.kind": kind})
    press(page, "next")
    seen = to_review(page, free_text=PRODUCT)
    assert ("加工の方法" in seen) == (kind == "new")
    press(page, "result")
    assert heading(page) == "結果"
    assert "まだ回答していません" not in page.locator(BODY).text_content()
