"""The static checklist (no JavaScript): built from the flow's own questions and the call data."""
from __future__ import annotations

from html.parser import HTMLParser

from proposal_checker import flow
from proposal_checker.call import packaged_call
from proposal_checker.static import static_checklist_html


class Tags(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def html() -> str:
    return static_checklist_html(packaged_call())


def test_the_checklist_is_the_anchor_the_page_links_to():
    assert html().startswith('<section id="checklist"')


def test_every_question_of_the_flow_is_listed():
    from html import escape
    text = html()
    for _, groups in flow.CATALOGUE:
        for when, questions in groups:
            assert escape(when) in text
            for q in questions:
                assert escape(q.label) in text, q.label
                for o in q.options:
                    assert escape(o.label) in text, o.label


def test_every_document_is_listed_with_when_it_is_needed():
    text = html()
    for doc in packaged_call().documents:
        assert doc.name in text
    assert "必要なとき：代理人が提出する場合" in text
    assert "必要なとき：すべての提案" in text


def test_the_call_facts_are_there():
    call = packaged_call()
    text = html()
    assert "2026年（令和8年）2月9日（月）から2026年（令和8年）3月13日（金）午後5時まで" in text
    assert call.address in text
    assert "最終的な判断は" in text
    for c in call.criteria:
        assert c.text in text


def test_links_to_the_law_are_relative_to_the_checker_page():
    hrefs = [a["href"] for t, a in Tags(html()).tags if t == "a"]
    assert "../law/#art-113" in hrefs
    assert all(h.startswith("../") for h in hrefs)


def test_no_inline_script_handler_or_style():
    for tag, attrs in Tags(html()).tags:
        assert tag not in ("script", "style")
        assert not any(name.startswith("on") or name == "style" for name in attrs)
