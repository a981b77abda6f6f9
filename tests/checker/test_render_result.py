"""The result page and the live panel as a reader meets them: what does not pass first, the
passed items folded into one disclosure, two prints, a panel that judges only what was answered,
and citations, counts and dates that never break inside a line.
"""
from __future__ import annotations

import json
import re
from html import unescape

import pytest

from proposal_checker import web
from proposal_checker.markup import keep_together
from calls import day
from webpage import ask, fresh, page, submit  # noqa: F401  (fresh: autouse fixture)

NOWRAP = re.compile(r'<span class="nowrap">([^<]*)</span>')


def kept(html: str) -> list[str]:
    return NOWRAP.findall(html)


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


# --- units that stay on one line ---------------------------------------------------------------


@pytest.mark.parametrize("message, units", [
    ("提案書類（2部）を提出します。", ["（2部）"]),
    ("締切は2026年3月13日（金）午後5時です。", ["2026年3月13日（金）", "午後5時"]),
    ("提案の日（2026年（令和8年）2月24日（火））に45歳です。", ["2026年（令和8年）", "2月24日（火）", "45歳"]),
    ("法第114条第1項第2号と、同条第3項第2号によります。", ["法第114条第1項第2号", "第3項第2号"]),
    ("本人の数（5,000人）は、1,000人以上です。", ["（5,000人）", "1,000人"]),
    ("根拠は公示5(2)（注1）と公示3④です。", ["公示5(2)（注1）", "公示3④"]),
    ("10時00分（日本時間）、〒100-0001", ["10時00分", "〒100-0001"]),
    ("刑の執行を終わってから2年を経過しない者", ["2年"]),
])
def test_citations_counts_dates_and_times_are_each_kept_on_one_line(message, units):
    html = keep_together(message)
    assert kept(html) == units
    assert text(html) == message  # nothing added to or lost from the words


def test_text_without_units_is_only_escaped():
    assert keep_together("「わからない」と回答しました。") == "「わからない」と回答しました。"
    assert keep_together('<script>"3部"</script>') == (
        '&lt;script&gt;&quot;<span class="nowrap">3部</span>&quot;&lt;/script&gt;')


def test_the_questions_hints_and_leads_keep_their_units_whole_too():
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    submit("proposers", p0__type="individual", p0__name="山田")
    html = ask("goto", step="proposer-1")["html"]
    # Kept whole, and (this law's citations) opened in place: a link that never leaves the answers.
    hint = re.search(r'<p class="checker-hint" id="f-p0-capacity-hint">(.*?)</p>', html).group(1)
    assert re.search(r'<a href="\.\./law/#art-113" class="checker-ref nowrap" data-ref="law/#art-113" target="_blank" '
                     r'rel="noopener" aria-haspopup="dialog">法第113条第2号</a>', hint)
    lead = re.search(r'<p class="checker-lead">(.*?)</p>', html).group(1)
    assert 'class="checker-ref nowrap" data-ref="law/#art-113"' in lead and ">法第113条</a>" in lead



def test_only_this_laws_and_the_notices_citations_open_in_place():
    from proposal_checker.render.parts import cited
    html = cited("刑法第24条第2項、番号法第19条、民法第4条、法第117条第3号、（規則第62条）、公示6②、施行令第31条")
    links = re.findall(r'data-ref="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert links == [("law/#art-117", "法第117条第3号"), ("law/#rule-62", "規則第62条"), ("call/#s6", "公示6②")]
    for other in ("法第24条第2項", "法第19条", "法第4条", "施行令第31条"):
        assert f'<span class="nowrap">{other}</span>' in html


# --- the result page -----------------------------------------------------------------------------


def answer_company_with_a_sentenced_officer(unknown: bool = False) -> None:
    """A company with two officers, the second sentenced a year before the proposal day (a saved file)."""
    call = web._call()
    when = day("opens+11d", call)

    def officer(name: str, sentence: dict) -> dict:
        return {"name": name, "birth_date": "1970-05-05", "capacity": "unknown" if unknown else "no",
                "bankruptcy": "none", "sentence": sentence, "cancellation": {"status": "none"}}

    measures = ("purpose_method", "access_control", "leak_prevention", "staff", "disposal", "incidents")
    answers = {
        "format": "proposal-checker/answers", "version": 1, "call": call.id,
        "proposal": {"kind": "existing-extend", "contribution": "yes", "period_of_use": "yes",
                     "measures": {m: "yes" for m in measures}},
        "proposers": [{"type": "corporation", "name": "株式会社見本", "bankruptcy": "none",
                       "sentence": {"status": "none"}, "cancellation": {"status": "none"},
                       "certificate_date": day("opens+1d", call).isoformat(),
                       "officers": [officer("佐藤 一郎", {"status": "none"}),
                                    officer("鈴木 次郎", {"status": "yes", "state": "ended",
                                                          "ended_on": when.replace(year=when.year - 1).isoformat()})]}],
        "submission": {"method": "hand", "date": when.isoformat(),
                       "time": f"{call.hand_opens_at.hour + 1:02d}:00", "agent": "no"},
    }
    ask("start")
    ask("load", text=json.dumps(answers, ensure_ascii=False))
    assert page() == "review", web.session().page


def statuses_in_order(html: str) -> list[str]:
    return re.findall(r'class="checker-finding checker-finding--(\w+)"', html)


def test_fails_and_reviews_come_first_and_the_passed_items_are_folded_into_one_group():
    answer_company_with_a_sentenced_officer(unknown=True)
    html = ask("result")["html"]
    order = statuses_in_order(html)
    assert "fail" in order and "review" in order and "pass" in order
    assert order == sorted(order, key=["fail", "review", "stated", "pass"].index)
    # Every passed finding, and only those, inside one closed disclosure whose summary counts them.
    folded = re.search(r'<details class="checker-passed" id="checker-passed">(.*?)</details>', html, re.S)
    assert folded and "<details" not in html[folded.end():]
    inside = statuses_in_order(folded.group(1))
    assert inside == ["pass"] * order.count("pass")
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", folded.group(1)).group(1)
    assert f"{order.count('pass')}件" in text(summary)
    assert "open" not in re.search(r"<details[^>]*>", folded.group(0)).group(0)
    # The fails and the reviews stay open, under their headings with their counts.
    before = html[:folded.start()]
    assert statuses_in_order(before) == [s for s in order if s != "pass"]
    assert f"満たしていない要件（{order.count('fail')}件）" in before
    assert f"確認が必要なこと（{order.count('review')}件）" in before


def test_a_result_with_nothing_passed_has_no_empty_group():
    ask("start")
    ask("goto", step="review")
    html = ask("result")["html"]
    assert "pass" not in statuses_in_order(html)
    assert "<details" not in html


def test_the_result_offers_the_checklist_alone_and_the_whole_result_to_print():
    answer_company_with_a_sentenced_officer()
    html = ask("result")["html"]
    buttons = dict((v, text(label)) for v, label in re.findall(
        r'<button type="submit" value="(print[^"]*)"[^>]*>(.*?)</button>', html))
    assert buttons == {"print": "チェックリストを印刷", "print-all": "結果の全体を印刷"}
    for action in buttons:  # printing is the page's own business: Python has no such action, changes nothing
        assert ask(action)["html"] == html
        assert page() == "result"
    # The checklist holds what goes on the desk: the papers with copies, where, by when, the envelope.
    call = web._call()
    checklist = text(re.search(r'<section class="checker-checklist-print".*?</section>', html, re.S).group(0))
    assert f"（{call.copies}部）" in checklist and call.address in checklist
    assert call.envelope_marking in checklist and "期限" in checklist


# --- the live panel ----------------------------------------------------------------------------------


def panel_of(response: dict) -> str:
    """The live panel on a step's page."""
    return re.search(r"<div data-result>(.*?)</div></aside>", response["html"], re.S).group(1)


def count(html: str, status: str) -> int:
    found = re.search(rf'checker-count--{status}(?: is-zero)?">.*?</span> (\d+)件', html)
    assert found, html
    return int(found.group(1))


def test_before_anything_is_answered_the_panel_judges_nothing():
    ask("start")
    panel = panel_of(ask("next"))
    assert page() == "kind"
    assert "まだ判定していません" in panel
    assert "確認が必要" not in panel and "件" not in panel
    assert ask("update", fields={"_step": ["kind"]})["result_html"] == panel  # nothing chosen yet


def test_the_panel_counts_what_the_answers_decide_and_says_how_many_are_still_open():
    ask("start")
    ask("next")
    panel = panel_of(submit("kind", proposal__kind="new"))
    assert "まだ判定していません" not in panel
    assert count(panel, "fail") == 0 and count(panel, "review") == 0 and count(panel, "pass") == 1
    assert re.search(r"まだ答えていない質問に関わる項目（<span class=\"nowrap\">\d+件</span>）", panel)
    # An answer of 「わからない」 is judged: it needs confirming.
    submit("proposers", p0__type="individual", p0__name="山田太郎")
    panel = ask("update", fields={"_step": ["proposer-1"], "p0.capacity": ["unknown"]})["result_html"]
    assert count(panel, "review") >= 1
    # An answer that disqualifies is a fail at once.
    panel = ask("update", fields={"_step": ["proposer-1"], "p0.bankruptcy": ["not-restored"]})["result_html"]
    assert count(panel, "fail") >= 1 and "満たしていない要件があります" in panel
    # Each fail named, by whom and what: a count alone does not say where three fails come from.
    named = re.findall(r"<li>(.*?)</li>", re.search(r'<ul class="checker-panel-items">(.*?)</ul>', panel).group(1))
    assert len(named) == count(panel, "fail")
    assert "提案者1（山田太郎）：破産して復権を得ない者に当たらないこと" in [re.sub(r"<[^>]+>", "", n) for n in named]


def test_on_the_result_page_every_open_question_counts_as_to_confirm():
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    ask("goto", step="review")
    html = ask("result")["html"]
    assert "確認が必要なこと（" in html and "まだ判定していません" not in html


def test_a_proposer_named_but_not_yet_asked_about_is_not_counted_as_to_confirm():
    # What sums up the proposers, or a body's officers, waits as long as what it sums up waits.
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    panel = panel_of(submit("proposers", p0__type="corporation", p0__name="株式会社見本"))
    assert page() == "proposer-1"
    assert count(panel, "review") == 0 and count(panel, "fail") == 0
    panel = ask("update", fields={"_step": ["proposer-1"], "p0.o0.capacity": ["unknown"]})["result_html"]
    assert count(panel, "review") >= 1
