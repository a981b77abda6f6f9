"""The static checklist (no JavaScript, a page of its own: checker/checklist/): built from the flow's
own questions and the call data."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from proposal_checker import questions
from html import escape

import pytest

from proposal_checker.dates import format_date, format_time
from proposal_checker.citations import citation_href
from proposal_checker.rules import GROUP_TITLES, GROUPS, all_rules
from proposal_checker.static import rules_html, static_checklist_html


class Tags(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture
def html(call):
    return lambda: static_checklist_html(call)


def test_the_checklist_is_the_anchor_the_page_links_to(html):
    assert html().startswith('<div id="checklist"')


def test_the_checklist_goes_on_its_own_page_under_that_pages_title(html):
    # The page's title is its only h1; the parts of the list are its h2, their topics h3.
    levels = [int(t[1]) for t, _ in Tags(html()).tags if t in ("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 2 and set(levels) == {2, 3}


def test_every_question_of_the_flow_is_listed(html):
    text = html()
    listed = set()
    for _, groups in questions.CATALOGUE.by_topic:
        for group in groups:
            assert escape(group.asked) in text
            listed.update(id(q) for q in group.questions)
    # The screening's questions; the draft's (提案書の下書き) need the page, and its guide says what they ask.
    screening = [q for name, q in questions.QUESTIONS.items() if not name.startswith("draft_")]
    assert {id(q) for q in screening} <= listed
    for q in screening:
        assert escape(q.label) in text, q.label
        for o in q.options:
            assert escape(o.label) in text, o.label


def test_every_document_is_listed_with_when_it_is_needed(html, call):
    text = re.sub(r'<span class="nowrap">([^<]*)</span>', r"\1", html())  # units kept whole, as on the result page
    for doc in call.documents:
        assert f"{escape(doc.name)}（{call.copies}部）" in text
    assert "必要なとき：代理人が提出する場合" in text
    assert "必要なとき：すべての提案" in text


def test_the_call_facts_are_there(html, call):
    text = html()
    assert f"{format_date(call.opens)}から{format_date(call.closes)}{format_time(call.closes_at)}まで" in text
    assert call.address in text and call.telephone in text and escape(call.office) in text
    assert f"最終的な判断は{call.agency_name}が行います" in text
    for c in call.criteria:
        assert escape(c.text) in text
    for step in call.next_steps:
        assert escape(step) in text


def test_the_questions_name_the_calls_values_never_another_calls(html, call):
    text = html()
    assert f"提案の日前{call.certificate_months}か月以内に作成されたものに限ります" in text
    assert f"{escape(call.agency_name)}の「提案の対象となる個人情報ファイル」" in text
    assert "{" not in text


def test_links_are_relative_to_the_lists_own_page(html):
    hrefs = [a["href"] for t, a in Tags(html()).tags if t == "a"]
    assert "../../law/#art-113" in hrefs
    # Everything is the site's own pages, from checker/checklist/: the law, the notice, the list of rules.
    assert all(h.startswith("../../") for h in hrefs)
    assert "../../checker/rules/" in hrefs


@pytest.mark.parametrize("root", ["../", "../../"])
def test_every_registered_rule_is_listed_with_what_it_checks_and_its_basis(root):
    text = rules_html(root=root)
    rules = all_rules()
    assert text.count('class="checker-static-item"') == len(rules)
    for r in rules:
        item = text[text.index(f'id="rule-{r.id}"'):]
        item = item[: item.index("</li>")]
        assert escape(r.title) in item and escape(r.explain) in item
        for b in r.basis:
            href = citation_href(b)
            assert (f'<a href="{root}{escape(href)}">{escape(b)}</a>' if href else escape(b)) in item
    for group in GROUPS:
        assert escape(GROUP_TITLES[group]) in text


def test_the_checklist_lists_the_rules_too(html):
    assert rules_html(root="../../", level=3) in html()


def test_no_inline_script_handler_or_style(html):
    for tag, attrs in Tags(html()).tags:
        assert tag not in ("script", "style")
        assert not any(name.startswith("on") or name == "style" for name in attrs)
