"""The guide 「提案書の書き方」 (docs/guide/writing.md), read from the built site."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import compact, page_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def call():
    import calldata
    return calldata.load(ROOT / "docs" / "call.toml")


def source(site: Path, page: str) -> str:
    text = (site / page / "index.html").read_text(encoding="utf-8")
    return text[text.find("<article"):text.find("</article>")]


def quotations(site: Path) -> list[tuple[str, str]]:
    """(quoted text, the citation under it) of each blockquote on the page."""
    out = []
    for block in re.findall(r"<blockquote>(.*?)</blockquote>", source(site, "guide/writing"), flags=re.S):
        paragraphs = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", block, flags=re.S)]
        cite = paragraphs.pop()
        out += [(p, cite) for p in paragraphs]
    return out


def test_every_quotation_of_the_law_is_the_statutes_text_on_the_law_page(site):
    law = compact(page_text(site / "law" / "index.html"))
    quoted = quotations(site)
    assert len(quoted) >= 16
    for text, cite in quoted:
        assert cite.startswith("— 法第"), cite
        body = re.sub(r"^[一二三四五六七八九]\s", "", text)
        assert compact(body) in law, text


def test_each_item_of_article_112_paragraph_2_has_its_section_in_order(site):
    text = page_text(site / "guide" / "writing" / "index.html")
    positions = [text.index(f"第{n}号 ") for n in range(1, 9)]
    assert positions == sorted(positions)
    assert "第1号と第4号から第8号まで" in text and "提案に係る行政機関等匿名加工情報を特定するに足りる事項" in text


def test_the_processing_table_has_the_worked_examples_and_cites_the_ppc_qa(site):
    page = source(site, "guide/writing")
    rows = [re.sub(r"<[^>]+>", "", r) for r in re.findall(r"<tr>(.*?)</tr>", page, flags=re.S)]
    rows = [re.sub(r"\s+", "|", r.strip()) for r in rows]
    assert any(r.startswith("2|住所|一般化|都道府県まで") for r in rows), rows
    assert any(r.startswith("3|生年月日|一般化|年代") for r in rows), rows
    assert any("自由記述欄" in r and "提供を求めない" in r for r in rows), rows
    text = page_text(site / "guide" / "writing" / "index.html")
    assert "Q6-1-5" in text and "Q6-1-7" in text


def test_the_agencys_form_governs_and_is_linked_from_the_call_data(site, call):
    page = source(site, "guide/writing")
    assert f'href="{html.escape(call.links["forms"])}"' in page
    text = page_text(site / "guide" / "writing" / "index.html")
    assert "様式に従ってください" in text and f"{call.agency_name}が審査で判断します" in text


def test_the_guide_is_in_the_navigation_under_the_guides(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="guide/writing/"' in index


def test_the_pages_own_words_write_matawa_in_kana(site):
    page = re.sub(r"<blockquote>.*?</blockquote>", " ", source(site, "guide/writing"), flags=re.S)
    text = re.sub(r"「[^「」]*」", "", html.unescape(re.sub(r"<[^>]+>", "", page)))
    assert "又は" not in text
