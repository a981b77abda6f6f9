"""The points of the line-by-line legal review, on the built pages.

Call values (dates, times) are read from the call data, as the pages do."""
from __future__ import annotations

import re

import pytest

from conftest import compact, page_text
from proposal_checker.dates import format_date, format_time


@pytest.fixture(scope="module")
def call():
    import calldata
    from pathlib import Path
    return calldata.load(Path(__file__).resolve().parents[2] / "docs" / "call.toml")


def text_of(site, page):
    return compact(page_text(site / page / "index.html"))


def html_of(site, page):
    return (site / page / "index.html").read_text(encoding="utf-8")


def plain_text(site, page, call):
    """The page's own words: the article without quotations (blockquotes, 「…」, the notice's text,
    and the notice's wording of documents, criteria and disqualifications shown in tables)."""
    source = html_of(site, page)
    source = source[source.find("<article"):source.find("</article>")]
    source = re.sub(r"<blockquote>.*?</blockquote>", " ", source, flags=re.S)
    source = re.sub(r'<div class="notice-text">.*?</div>', " ", source, flags=re.S)
    text = re.sub(r"<[^>]+>", "", source)
    for quoted in [d.name for d in call.documents] + [c.text for c in call.criteria] + \
            [d.text for d in call.disqualifications]:
        text = text.replace(quoted, " ")
    return re.sub(r"「[^「」]*」", "", text)


# -- 2. post must arrive by the closing time ------------------------------------------------------

def test_submit_page_says_papers_must_arrive_by_the_closing_time(site, call):
    text = text_of(site, "guide/submit")
    by = f"{format_date(call.closes)}{format_time(call.closes_at)}までに届く"
    assert f"郵送・信書便も、締切日の{by}" in text
    assert f"□締切日の{by}（持参も、郵送・信書便も）" in text
    assert f"締切日の{format_date(call.closes)}までに届く（持参なら" not in text
    assert "確かめてください" in text


def test_faq_on_the_postmark_says_by_the_closing_time(site, call):
    text = text_of(site, "guide/faq")
    answer = text[text.index("締切日の消印があれば間に合いますか"):text.index("何部出しますか")]
    assert f"締切日の{format_time(call.closes_at)}までに届く必要があります" in answer


def test_glossary_hicchaku_says_by_the_closing_time_and_to_confirm(site, call):
    text = text_of(site, "guide/glossary")
    entry = text[text.index("必着"):text.index("復権")]
    assert f"締切日の{format_time(call.closes_at)}までに届くことが必要" in entry
    assert "確かめてください" in entry


# -- 3. 信書 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["guide/submit", "guide/glossary"])
def test_shinsho_may_go_only_by_post_or_a_licensed_shinshobin(page, site):
    text = text_of(site, page)
    assert "郵便法第4条" in text and "宅配便やメール便では" in text and "国の許可を受けた信書便事業者" in text
    assert "郵便以外で届けるサービスです" not in text


# -- 4. 法第45条: the prohibitions are about identifying the person ---------------------------------

def test_every_prohibited_act_carries_the_purpose(site):
    source = html_of(site, "guide/duties")
    section = source[source.index('id="no-reidentification"'):source.index('id="before-passing-on"')]
    items = re.findall(r"<li>(.*?)</li>", section.split("<blockquote>")[0], flags=re.S)
    assert len(items) == 2
    assert all("本人を識別するために" in item for item in items)
    assert "この条文では禁じられていません" in compact(page_text(site / "guide/duties/index.html"))


# -- 5. 規則第62条 -------------------------------------------------------------------------------

def test_rule_62_includes_replacement_and_the_right_linking_codes(site):
    text = text_of(site, "law")
    rule = text[text.index("規則第62条（行政機関等匿名加工情報の作成の基準）"):]
    assert rule.count("他の記述等に置き換えることを含む") == 3  # items 1, 2 and 4; item 3 replaces a code
    assert "保有個人情報と当該保有個人情報に措置を講じて得られる情報とを連結する符号" in rule
    assert "現に行政機関等において取り扱う情報を相互に連結する符号に限る" in rule
    assert "住所を都道府県までにするのは、置き換えに当たります" in rule
    assert "他の情報とを結び付ける符号" not in rule


# -- 6. the 「その他…必要と認める書類」 paper is on request -------------------------------------

def test_documents_table_labels_the_other_paper_on_request(site, call):
    # Second review, point 16: what the paper is and when it is needed, the notice does not say.
    from proposal_checker.rules.documents import CONDITIONS
    source = html_of(site, "guide/documents")
    assert re.search(rf"<td>その他、{call.agency_name}長官が必要と認める書類</td>\s*<td>{re.escape(CONDITIONS['requested'])}</td>", source)
    assert "書かれていません" in text_of(site, "guide/documents")


def test_static_checklist_lists_the_other_paper_apart(site):
    source = html_of(site, "checker/checklist")
    send, asked = source.index(">提出する書類</h2>"), source.index(">必要と認められた場合に出す書類</h2>")
    assert "必要と認める書類" not in source[send:asked]
    assert "必要と認める書類" in source[asked:]


# -- 7. identity papers ----------------------------------------------------------------------

def test_identity_papers_front_side_and_the_health_insurance_card(site):
    text = text_of(site, "guide/documents")
    assert "表面だけ" in text and "番号法第19条・第20条" in text
    assert "2024年12月2日から新しく発行されていません" in text and "確かめてください" in text
    notice = text_of(site, "call")
    note = notice[notice.index("編集注：（注2）の本人確認書類について"):]
    assert "2024年（令和6年）12月2日" in note and "2025年（令和7年）12月1日" in note


# -- 8. target files are for Article 112 only ---------------------------------------------------

@pytest.mark.parametrize("page", ["guide", "files"])
def test_target_files_are_said_to_apply_to_article_112_only(page, site):
    text = text_of(site, page)
    assert "法第112条" in text and "法第118条" in text
    assert "提案できるのは、対象ファイルとして公表された個人情報ファイルについてだけです" not in text
    assert not re.search(r"。提案できるのは、[^。]*個人情報ファイルだけです", "。" + text)


# -- 9. a body has no 復権 -----------------------------------------------------------------------

def test_eligibility_says_a_body_has_no_restoration(site):
    text = text_of(site, "guide/eligibility")
    assert "破産法第255条・第256条" in text and "会社法第471条第5号" in text
    assert "効力が続いているか" in text


# -- 11. 本人の数 and the register ---------------------------------------------------------------

@pytest.mark.parametrize("page", ["guide/faq", "files"])
def test_population_is_not_among_the_statutory_items_and_the_cabinet_order_is_unchecked(page, site):
    text = text_of(site, page)
    assert "個人情報ファイル簿の記載事項ではありません" not in text
    assert "法律が定める" in text and "記載事項には含まれていません" in text
    assert "政令" in text and "確かめていません" in text


# -- 12. second-hand sources are marked -----------------------------------------------------------

def test_ppc_qa_is_cited_by_number(site):
    text = text_of(site, "guide/kinds")
    # Second review, point 19: verified on the PPC's own pages, so cited directly (no longer 孫引き).
    assert "Q6-1-5" in text and "Q6-1-7" in text and "孫引き" not in text


def test_rule_53_figures_are_marked_second_hand(site):
    text = text_of(site, "law")
    rule = text[text.index("規則第53条（提案の募集）"):text.index("規則第55条")]
    assert "毎年度少なくとも1回" in rule and "30日以上" in rule and "孫引き" in rule


# -- plain Japanese and the notice's editorial notes ------------------------------------------------

def test_fee_sentence_has_no_nested_brackets(site):
    text = text_of(site, "guide/after")
    fee = text[text.index("手数料の額") if "手数料の額" in text else text.index("納めるのは"):]
    fee = fee[:fee.index("。") + 1]
    assert not re.search(r"（[^）]*（", fee), fee


def test_article_118_tip_is_a_short_list(site):
    # Citations are wrapped in no-wrap spans on the built pages: drop those (and only those) first.
    source = re.sub(r'<span class="nowrap">(.*?)</span>', r"\1", html_of(site, "guide/kinds"))
    tip = source[source.index("法第118条の提案で審査されないこと"):]
    tip = tip[:tip.index("</div>")]
    assert tip.count("<li>") >= 5
    assert "第1号と第4号から第8号まで、第114条第1項" not in tip


def test_jouki_3_links_to_section_3_of_the_notice(site):
    source = html_of(site, "guide/documents")
    assert re.search(r'<a href="\.\./\.\./call/#s3">上記3</a>', source)


@pytest.mark.parametrize("page", [
    "guide", "guide/submit", "guide/documents", "guide/eligibility", "guide/kinds", "guide/after", "guide/duties",
    "guide/faq", "guide/glossary", "guide/timeline", "files", "call",
])
def test_plain_text_writes_matawa(page, site, call):
    text = plain_text(site, page, call)
    assert "又は" not in text, text[max(0, text.find("又は") - 80):text.find("又は") + 40]


def test_notice_preamble_note_on_chapter_5_section_5_and_almost_for_rule_55(site):
    text = text_of(site, "call")
    assert "「法第5章の5」は、法の構成では「第5章第5節」" in text
    assert "ほぼ個人情報の保護に関する法律施行規則第55条の定めによるもの" in text
    assert "「行政機関等匿名加工情報等」「行うことのできない」" in text


def test_notice_9_2_is_one_sentence(site):
    assert "提案に係る一切の費用は提案者の負担となります。" in text_of(site, "call")


# -- the files page does not explain the internal data file ---------------------------------------

def test_files_page_does_not_explain_the_data_file_and_the_staff_page_does(site):
    assert "call.toml" not in html_of(site, "files")
    staff = text_of(site, "about/staff")
    assert "[[target_files]]" in staff and "ビルドがここから作ります" in staff
