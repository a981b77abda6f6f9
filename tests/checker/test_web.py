"""The page protocol: navigation keeps answers, review, result, save/load/clear, escaping.

Driven through ``proposal_checker.web.handle`` with the JSON the page's glue sends.
"""
from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser

import pytest

from proposal_checker import web
from proposal_checker.dates import format_date
from calls import day
from webpage import answers, ask, complete, date_fields, fresh, page, submit, words  # noqa: F401  (fresh: autouse fixture)


class Form(HTMLParser):
    """What the browser's FormData would send from the step's live form, as rendered."""

    def __init__(self, html: str):
        super().__init__()
        self.fields: dict[str, list[str]] = {}
        self.inside = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = "data-live" in a
        if not self.inside or tag != "input" or "name" not in a:
            return
        if a.get("type") in ("radio", "checkbox") and "checked" not in a:
            return
        self.fields.setdefault(a["name"], []).append(a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def send_form(html: str, action: str = "next") -> dict:
    return ask(action, fields=Form(html).fields)


def all_pages_html() -> list[str]:
    """Every kind of page, for checks that must hold everywhere."""
    out = [ask("start")["html"]]
    for target in ("kind", "proposers", "proposer-1", "file", "processing", "content", "submission", "review"):
        out.append(ask("goto", step=target)["html"])
    out.append(ask("clear")["html"])
    ask("clear-cancel")
    return out


# --- navigation -------------------------------------------------------------------------------


def test_back_keeps_later_answers():
    complete()
    before = answers()
    ask("result")
    submit("result", "back")
    submit("review", "back")
    assert page() == "submission"
    html = ask("start")["html"]
    for _ in range(6):
        html = send_form(html, "back")["html"]
    assert page() == "kind"
    assert answers() == before
    html = ask("goto", step="proposer-1")["html"]
    assert re.search(r'name="p0.birth_date.year" value="1990"', html)
    assert re.search(r'value="no" class="checker-radio" checked', html)


def test_back_from_the_first_step_goes_to_the_start_page():
    ask("start")
    ask("next")
    submit("kind", "back")
    assert page() == "start"


def test_back_keeps_an_invalid_answer_as_typed_without_showing_errors():
    complete()
    ask("goto", step="submission")
    response = submit("submission", "back", submission__method="hand", submission__date__year="2026",
                      submission__date__month="2", submission__date__day="30", submission__agent="no")
    assert not response["title"].startswith("エラー")
    html = ask("goto", step="submission")["html"]
    assert 'name="submission.date.day" value="30"' in html
    assert answers()["submission"]["date"] == day("opens+21d", web._call()).isoformat()


def test_each_step_heading_takes_focus_and_the_step_is_announced():
    ask("start")
    response = ask("next")
    assert response["focus"] == "step-heading"
    assert 'id="step-heading" tabindex="-1"' in response["html"]
    response = submit("kind", proposal__kind="new")
    assert response["announce"] == "ステップ 2 / 7：提案者"
    assert response["title"] == "ステップ 2 / 7：提案者 - 事前チェック"
    assert re.search(r'<li class="checker-steps-item is-current" aria-current="step">'
                     r'<span class="checker-steps-number">2</span> 提案者</li>', response["html"])


def test_the_step_indicator_links_back_to_earlier_topics():
    ask("start")
    ask("next")
    response = submit("kind", proposal__kind="new")
    assert 'data-goto="kind"' in response["html"]
    assert 'data-goto="submission"' not in response["html"]


def test_a_goto_to_an_unknown_step_changes_nothing():
    complete()
    response = ask("goto", step="nowhere")
    assert page() == "review"
    assert "回答の確認" in response["html"]


# --- review -----------------------------------------------------------------------------------


def test_the_review_lists_every_answer_with_a_change_link(call):
    complete()
    html = words(ask("goto", step="review")["html"])
    for text in ("新たに作成する行政機関等匿名加工情報の提案（法第112条）", "山田太郎", "1990年（平成2年）4月1日（日）",
                 "5,000人", "わからない", "持参する", format_date(day("opens+21d", call)),
                 f"午前{call.hand_opens_at.hour + 1}時"):
        assert text in html, text
    links = re.findall(r'data-goto="([^"]+)">変更', html)
    assert "proposer-1#f-p0-birth-date-year" in links
    assert "submission#f-submission-time-hour" in links
    assert len(links) == len(set(links)) == 19


def test_a_change_link_goes_to_the_question_and_next_returns_to_the_review():
    complete()
    response = ask("goto", step="proposer-1#f-p0-capacity-no")
    assert page() == "proposer-1"
    assert response["focus"] == "f-p0-capacity-no"
    submit("proposer-1", p0__birth_date__year="1990", p0__birth_date__month="4", p0__birth_date__day="1",
           p0__capacity="unknown", p0__bankruptcy="none", p0__sentence__status="none",
           p0__cancellation__status="none")
    assert page() == "review"
    assert answers()["proposers"][0]["capacity"] == "unknown"


def test_a_change_link_to_a_checkbox_list_focuses_its_first_box():
    complete()
    response = ask("goto", step="content#f-proposal-measures-purpose_method")
    assert response["focus"] == "f-proposal-measures-purpose_method"
    assert 'id="f-proposal-measures-purpose_method"' in response["html"]
    response = ask("goto", step='content#x" onfocus="y')
    assert response["focus"] == "step-heading"


def test_changing_the_kind_from_the_review_asks_the_new_questions_first():
    complete(kind="existing-change")
    ask("goto", step="kind#f-proposal-kind-new")
    submit("kind", proposal__kind="new")
    assert page() == "file"


def test_unanswered_questions_show_on_the_review():
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    html = ask("review")["html"]
    assert "未回答" in html


# --- result -----------------------------------------------------------------------------------


def test_the_result_page_has_the_outcome_findings_and_a_printable_checklist(call):
    pytest.importorskip("proposal_checker.evaluate")
    complete()
    response = ask("result")
    html = response["html"]
    assert page() == "result"
    # The file's population is unknown: only the agency can tell, so the criteria's answer is not
    # 「確認が必要」; it is named in a note of its own under the three answers.
    assert re.search(r'<section class="checker-answer checker-answer--(pass|unchecked)" data-part="criteria"', html)
    assert 'class="checker-agency-note"' in html
    assert "あなたの提出チェックリスト" in html
    assert call.title in html
    assert call.rules_version in html
    assert f"{format_date(day('opens+11d', call))}10時00分（日本時間）" in html
    assert f"最終的な判断は{escape(call.agency_name)}が行います" in html
    text = re.sub(r"<[^>]+>", "", html)  # the address's numbers sit in a no-wrap span
    assert escape(call.address) in text and f"{call.copies}部" in text
    assert 'value="print"' in html
    assert re.search(r'<a href="\.\./law/#art-113"[^>]* data-ref="law/#art-113"[^>]*>法第113条', html)


def test_a_proposal_day_answered_unknown_is_kept_saved_and_reported_as_to_be_checked(call):
    complete()
    ask("goto", step="submission")
    submit("submission", submission__method="unknown", submission__date__unknown="unknown", submission__agent="no")
    assert page() == "review"
    assert answers()["submission"]["date"] == "unknown"
    html = ask("goto", step="submission")["html"]
    assert re.search(r'<input[^>]*name="submission\.date\.unknown"[^>]*checked', html), "the box stays ticked"
    assert json.loads(ask("save")["download"]["text"])["submission"]["date"] == "unknown"
    result = ask("result")["html"]
    assert "提案の日について、「わからない」と回答しました。" in result
    assert "提出の方法について、「まだ決めていない」と回答しました。" in result


def test_a_proposal_day_with_a_date_and_unknown_both_is_refused_naming_the_field():
    complete()
    ask("goto", step="submission")
    response = submit("submission", submission__method="hand", submission__date__unknown="unknown",
                      **date_fields("submission__date", day("opens+21d", web._call())), submission__agent="no")
    assert page() == "submission"
    assert "日付を入力するか「わからない」を選ぶか、どちらか一方にしてください" in response["html"]


def test_the_live_panel_updates_with_the_answers():
    pytest.importorskip("proposal_checker.evaluate")
    complete()
    ask("goto", step="proposer-1")
    live = ask("update", fields={"_step": ["proposer-1"], "p0.birth_date.year": ["1990"],
                                 "p0.birth_date.month": ["4"], "p0.birth_date.day": ["1"],
                                 "p0.capacity": ["no"], "p0.bankruptcy": ["not-restored"],
                                 "p0.sentence.status": ["none"], "p0.cancellation.status": ["none"]})
    assert "満たしていない要件があります" in live["result_html"]
    assert "html" not in live


def test_an_update_from_a_form_that_is_no_longer_on_screen_is_ignored():
    complete()
    before = answers()
    response = ask("update", fields={"_step": ["kind"], "proposal.kind": ["existing-extend"]})
    assert set(response) == {"result_html"}
    assert answers() == before


# --- save, load, clear ------------------------------------------------------------------------


def test_save_gives_an_answers_file_of_the_current_version(call):
    complete()
    response = ask("save")
    stamp = day("opens+11d", call).strftime("%Y%m%d")
    assert response["download"]["name"] == f"proposal-answers-{call.id}-{stamp}.json"
    data = json.loads(response["download"]["text"])
    assert data["format"] == "proposal-checker/answers" and data["version"] == 2
    assert data["call"] == call.id
    assert data["proposers"][0]["name"] == "山田太郎"
    assert "html" not in response


def test_save_then_load_gives_the_same_answers_and_result():
    complete()
    saved = ask("save")["download"]["text"]
    first = web._evaluate()
    before = answers()
    ask("clear")
    ask("clear-confirm")
    assert answers().get("proposers") is None
    response = ask("load", text=saved, size=len(saved.encode()))
    assert page() == "review"
    assert "回答ファイルを読み込みました" in response["html"]
    assert answers() == before
    assert web._evaluate() == first


def test_a_saved_file_from_a_partial_flow_loads():
    ask("start")
    ask("next")
    submit("kind", proposal__kind="new")
    submit("proposers", "add-proposer", p0__type="corporation")
    saved = ask("save")["download"]["text"]
    web.reset()
    ask("load", text=saved, size=len(saved))
    assert len(answers()["proposers"]) == 2


@pytest.mark.parametrize("text, expected", [
    ("これは JSON ではありません", "このファイルは、このページで保存した回答ファイルではありません。"),
    ('{"settings": {"theme": "dark"}}', "このファイルは、このページで保存した回答ファイルではありません。"),
    ('{"format": "proposal-checker/answers", "version": 3}', "別の版のチェッカーで保存されたため、読めません"),
    ('{"format": "proposal-checker/answers", "version": 1, "call": 6}', "call："),
    ("[" * 5000 + "]" * 5000, "このファイルは、このページで保存した回答ファイルではありません。"),
    ('{"format": "proposal-checker/answers", "version": 1, "proposers": [{"type": "alien"}]}', "proposers[0].type："),
])
def test_a_bad_file_gives_a_clear_message_and_leaves_the_answers_alone(text, expected):
    complete()
    before = answers()
    ask("goto", step="content")
    response = ask("load", text=text, size=len(text.encode()))
    assert page() == "content"
    assert response["title"].startswith("エラー：")
    assert response["focus"] == "error-summary"
    assert "回答ファイルを読み込めませんでした" in response["html"]
    assert expected in response["html"]
    assert "今の回答はそのままです" in response["html"]
    # Words for an applicant: what is wrong and what to do, never the format's inner names.
    assert "proposal-checker/answers" not in response["html"] and "と書いてください" not in response["html"]
    assert "保存したファイル" in response["html"] or "回答し直してください" in response["html"]
    assert answers() == before


@pytest.mark.parametrize("where", ["start", "kind", "review", "result"])
def test_a_bad_file_is_reported_on_whatever_page_it_was_loaded_from(where):
    complete()
    ask("goto", step=where)
    response = ask("load", text="{", size=1)
    assert page() == where
    assert 'id="error-summary"' in response["html"]
    assert response["focus"] == "error-summary"


@pytest.mark.parametrize("text", ["{", '{"theme": "dark"}', None])
def test_what_was_typed_on_the_step_is_kept_when_a_file_cannot_be_read(text):
    complete()
    ask("goto", step="proposers")
    # The load request carries the step's fields (a name typed, the field never left).
    fields = {"_step": ["proposers"], "p0.type": ["individual"], "p0.name": ["入力中 一郎"]}
    extra = {"size": 10} if text is None else {"text": text, "size": len(text)}
    response = ask("load", fields=fields, **extra)
    assert 'id="error-summary"' in response["html"] and page() == "proposers"
    assert answers()["proposers"][0]["name"] == "入力中 一郎"
    assert 'value="入力中 一郎"' in response["html"]


def test_a_file_over_one_megabyte_is_refused_before_reading():
    complete()
    before = answers()
    response = ask("load", text="{}", size=5_000_000)
    assert "ファイルが大きすぎます" in response["html"]
    assert answers() == before


def test_the_start_response_gives_the_page_the_file_size_limit():
    from proposal_checker.answers import MAX_BYTES

    assert ask("start")["load_limit"] == MAX_BYTES


def test_a_file_sent_as_its_size_alone_is_refused_with_its_size():
    # What the page sends for a file over the limit: the size, never the text.
    complete()
    before = answers()
    response = ask("load", size=52_428_800)
    assert "ファイルが大きすぎます（52,428,800バイト）" in response["html"] and "1MB" in response["html"]
    assert page() == "review" and answers() == before


def test_a_file_the_page_could_not_read_is_reported():
    complete()
    before = answers()
    response = ask("load", size=10)
    assert "ファイルを読めませんでした" in response["html"]
    assert answers() == before


def test_clear_asks_first_and_cancel_keeps_everything():
    complete()
    before = answers()
    response = ask("clear")
    assert page() == "clear"
    assert "すべての回答を消去しますか" in response["html"]
    ask("clear-cancel")
    assert page() == "review"
    assert answers() == before


def test_answers_saved_for_another_call_load_with_a_message_naming_both_calls(call):
    complete()
    saved = json.loads(ask("save")["download"]["text"])
    saved["call"] = "r6-old"
    text = json.dumps(saved, ensure_ascii=False)
    ask("clear")
    ask("clear-confirm")
    response = ask("load", text=text, size=len(text.encode()))
    assert page() == "review"
    assert "回答ファイルを読み込みました" in response["html"]
    assert "「r6-old」" in response["html"] and f"「{call.id}」" in response["html"]
    assert answers()["proposers"][0]["name"] == "山田太郎"  # nothing dropped
    result = ask("result")["html"]
    assert "回答を保存した募集" in result and "「r6-old」" in result


def test_clear_confirmed_empties_everything(call):
    complete()
    response = ask("clear")
    response = ask("clear-confirm")
    assert page() == "start"
    assert "すべての回答を消去しました" in response["html"]
    assert answers() == {"format": "proposal-checker/answers", "version": 2, "call": call.id}
    assert web.session().invalid == {}


# --- escaping and markup ----------------------------------------------------------------------


HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '"><svg onload=alert(1)>', "' onmouseover='x"]


class Tags(HTMLParser):
    """The elements and attributes a browser would build from the markup."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_safe(html: str) -> None:
    for tag, attrs in Tags(html).tags:
        assert tag not in ("script", "img", "svg", "style", "iframe", "object"), tag
        for name, _ in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name != "style", tag


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_escaped_everywhere(name):
    complete(name=name)
    ask("goto", step="file")
    submit("file", proposal__file_name=name, proposal__population="5000", proposal__file_population="9000")
    pages = all_pages_html()
    pages.append(ask("result")["html"])
    for html in pages:
        assert_safe(html)
    review = ask("goto", step="review")["html"]
    assert escape(name, quote=True) in review
    proposers = ask("goto", step="proposers")["html"]
    assert [v for t, a in Tags(proposers).tags for k, v in a if k == "value" and v == name]


def test_no_inline_script_handler_or_style_in_any_page():
    complete()
    for html in all_pages_html():
        assert_safe(html)


def test_every_page_has_the_save_load_and_clear_tools_except_start_and_clear():
    complete()
    html = ask("goto", step="proposer-1")["html"]
    assert 'value="save"' in html and 'type="file"' in html and 'value="clear"' in html


def test_ids_on_a_page_are_unique():
    complete()
    for html in all_pages_html():
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids))


def test_labels_point_at_existing_inputs():
    complete()
    for html in all_pages_html():
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        for target in re.findall(r'<label[^>]*\sfor="([^"]+)"', html):
            assert target in ids
        for described in re.findall(r'aria-describedby="([^"]+)"', html):
            for target in described.split():
                assert target in ids


def test_a_broken_request_does_not_break_the_page():
    complete()
    assert "html" in json.loads(web.handle("not json"))
    assert "html" in json.loads(web.handle(json.dumps({"action": "remove-officer:x:y"})))
    assert "html" in json.loads(web.handle(json.dumps(["next"])))
    assert page() == "review"
    ask("goto", step="content")
    assert "html" in json.loads(web.handle(json.dumps({"action": "next", "fields": {"_step": 5, "x": {"a": 1}}})))
    assert page() == "content"


def test_a_bug_in_the_rules_reaches_the_page_as_an_error_not_as_not_ready(monkeypatch):
    # The worker turns an exception into {"error": ...}, and checker.js shows its error state
    # with the answers kept (tests/browser/test_resilience.py); a quiet "not ready" would hide the bug.
    from proposal_checker import evaluate

    complete()

    def broken(*_args, **_kwargs):
        raise RuntimeError("a rule failed")

    monkeypatch.setattr(evaluate, "evaluate", broken)
    with pytest.raises(RuntimeError, match="a rule failed"):
        ask("result")
    with pytest.raises(RuntimeError):
        submit("content", "update")


# --- the screens built into the page ----------------------------------------------------------


def test_the_built_screens_are_pythons_answers_to_the_same_requests_from_the_page_they_name(call):
    screens = web.opening(call)
    assert web.session().page == "start" and not web.session().answers.get("proposal")  # left fresh
    kinds = [o.value for o in web.flow.KIND_QUESTIONS[0].options]
    # はじめに, step 1, step 1 saying what is missing, then step 2 for each kind.
    assert [s["request"]["action"] for s in screens] == ["start", "next", *["next"] * (1 + len(kinds))]
    assert [s["from"] for s in screens] == [None, "start", *["kind"] * (1 + len(kinds))]
    assert [s["request"].get("fields", {}).get("proposal.kind", [""])[0] for s in screens[2:]] == ["", *kinds]
    for screen in screens:
        # The same request, made from the page it names in a fresh session, gets the same answer.
        web.reset(call)
        for earlier in ({"action": "start"}, {"action": "next", "fields": {}})[: 0 if screen["from"] is None else
                                                                          1 if screen["from"] == "start" else 2]:
            web.dispatch(earlier)
        assert web.session().page == (screen["from"] or "start")
        assert web.dispatch(screen["request"]) == screen["response"]
    # The request is what the page's form sends: the step's hidden field and the kind chosen.
    for screen in screens[3:]:
        assert Form(screens[1]["response"]["html"]).fields.keys() | {"proposal.kind"} == screen["request"]["fields"].keys()
        assert screen["response"]["page"] == "proposers"
        assert re.search(r"ステップ 2 / \d+：提案者", screen["response"]["title"])
    assert screens[2]["response"]["page"] == "kind" and screens[2]["response"]["focus"] == "error-summary"
