"""The second legal review (December 2026), on the built pages: the wording points.

Each test names its point. Call values are read from the call data, as the pages do."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import compact, page_text
from proposal_checker.findings import STATUS_ORDER, Status


@pytest.fixture(scope="module")
def call():
    import calldata
    return calldata.load(Path(__file__).resolve().parents[2] / "docs" / "call.toml")


def text_of(site, page):
    return compact(page_text(site / page / "index.html"))


def html_of(site, page):
    return (site / page / "index.html").read_text(encoding="utf-8")


def section(text, start, end=None):
    """The words from ``start`` up to ``end`` (or the end of the page)."""
    i = text.index(start)
    return text[i:text.index(end, i)] if end else text[i:]


# -- 1, 22. the period of a 法第118条 proposal is the register's (法第117条第3号) ---------------------

@pytest.mark.parametrize("page", ["guide/kinds", "guide/timeline", "guide/submit", "guide"])
def test_the_period_of_an_article_118_proposal_is_the_registers(site, page):
    text = text_of(site, page)
    assert "法第117条第3号" in text and "個人情報ファイル簿に書かれた期間" in text


def test_the_timeline_and_the_process_say_whose_period_an_article_118_proposal_has(site):
    source = html_of(site, "guide/timeline")
    row = re.search(r"<tr>\s*<td>個人情報ファイル簿に書かれた期間</td>.*?</tr>", source, re.S)
    assert row and "法第117条第3号" in row.group(0)
    process = section(text_of(site, "guide/timeline"), "提案から提供までの流れ", "募集期間の中の国民の祝日")
    assert "法第118条" in process and "法第117条第3号" in process


def test_the_kinds_page_says_the_office_rules_still_apply_and_the_checker_does_not_fail_it(site):
    text = section(text_of(site, "guide/kinds"), "作成済みのものを使う提案の期間", "法第118条の提案で審査されないこと")
    assert "同じとは限りません" in text and "持参の受付日と受付時間" in text and "確認が必要です" in text


# -- 2, 9, 17. the guide says what the checker does about sentences ------------------------------

def test_eligibility_says_what_the_checker_does_with_suspended_and_old_sentences(site):
    text = text_of(site, "guide/eligibility")
    assert "このサイトでは確かめていません。当てはまるときは" not in text
    box = section(text, "執行猶予と懲役・禁錮", "⑤法第120条")
    for said in ("執行猶予の期間中", "「満たしていません」", "取り消されずに終えた", "「問題ありません」",
                 "刑の一部の執行猶予", "刑法第27条の2", "「確認が必要です」", "言い渡された日を問わず", "と解して",
                 "令和4年法律第68号第441条"):
        assert said in box, said
    assert "言い渡された日を問いません" in text
    assert "より前に言い渡された懲役・禁錮" not in text


def test_eligibility_explains_release_parole_fines_and_what_a_sentence_is(site):
    text = section(text_of(site, "guide/eligibility"), "④拘禁刑以上の刑", "⑤法第120条")
    assert "刑法第24条第2項" in text and "釈放の日の前日" in text
    assert "仮釈放" in text and "残りの刑期" in text
    assert "全額を納めた日" in text and "判決の日ではありません" in text
    assert "略式命令" in text and "不起訴" in text and "起訴猶予" in text
    assert "罰則" in text and "法人に科される罰金" in text


# -- 3, 18. bodies and bankruptcy ----------------------------------------------------------------

def test_eligibility_names_the_provision_per_kind_of_body_and_calls_the_reading_a_reading(site):
    text = section(text_of(site, "guide/eligibility"), "③破産手続開始の決定", "④拘禁刑以上の刑")
    assert "株式会社は、破産手続開始の決定によって解散します（会社法第471条第5号）" in text
    assert "会社は破産手続開始の決定によって解散します" not in text
    assert "会社法第641条第6号" in text and "破産法第218条・第219条" in text
    assert "このサイトの読み方" in text


# -- 4. the checker page and the static checklist show the fourth status ------------------------

def test_the_checker_page_names_four_results(site):
    text = text_of(site, "checker")
    intro = section(text, "事前チェックについて")  # the page's text, after the checker itself
    assert "四つで示し" in intro and "三つで示し" not in intro
    assert Status.STATED.label in intro


def test_the_static_checklist_has_a_legend_of_the_four_results_and_marks_the_stated_rules(site):
    source = html_of(site, "checker/checklist")
    static = source[source.index('id="checklist"'):]
    legend = re.search(r'<ul class="checker-list checker-static-statuses">(.*?)</ul>', static, re.S).group(1)
    assert [re.sub(r"<[^>]+>", "", b) for b in re.findall(r'<span class="checker-badge[^"]*">(.*?)</span>', legend)] == \
        [s.label for s in STATUS_ORDER]
    item = re.search(r'id="rule-processing">(.*?)</li>', static, re.S).group(1)
    assert Status.STATED.label in item and "聞きます" in item


def test_the_rules_page_says_which_rules_only_ask_whether_it_is_written(site):
    source = html_of(site, "checker/rules")
    for rule_id in ("processing", "contribution", "period-of-use", "measures"):
        item = re.search(rf'id="rule-{rule_id}">(.*?)</li>', source, re.S).group(1)
        assert Status.STATED.label in item and "審査で判断されます" in item, rule_id
    assert Status.STATED.label not in re.search(r'id="rule-population">(.*?)</li>', source, re.S).group(1)


# -- 8. 免責 and 個人再生 --------------------------------------------------------------------------

def test_eligibility_says_discharge_restores_and_rehabilitation_is_not_bankruptcy(site):
    text = text_of(site, "guide/eligibility")
    assert "破産法第255条第1項第1号" in text and "個人再生" in text and "任意整理" in text


# -- 10. 郵便 and 信書便 in plain words ----------------------------------------------------------------

@pytest.mark.parametrize("page", ["guide/submit", "guide/glossary"])
def test_yu_pack_and_yu_mail_cannot_carry_shinsho_registered_mail_and_letter_pack_can(site, page):
    text = text_of(site, page)
    assert "ゆうパック" in text and "ゆうメール" in text and "レターパック" in text and "書留" in text


def test_the_static_checklist_names_yu_pack_where_it_lists_the_ways_of_sending(site):
    source = html_of(site, "checker/checklist")
    how = section(compact(re.sub(r"<[^>]+>", " ", source[source.index('id="checklist"'):])), "提出の方法と提出先")
    assert "ゆうパック" in how and "レターパック" in how


# -- 11. cancellations by any public body --------------------------------------------------------

def test_eligibility_says_a_cancellation_by_a_city_counts(site):
    text = section(text_of(site, "guide/eligibility"), "⑤法第120条", "⑥役員")
    assert "地方公共団体" in text and "独立行政法人等" in text and "市区町村" in text


# -- 12. the kinds of 法第118条 proposal ------------------------------------------------------------

def test_the_kinds_page_words_the_kinds_from_the_statute(site):
    text = text_of(site, "guide/kinds")
    assert "事業を変更しようとするとき" in text and "後段" in text
    assert "利用の目的、利用の方法、利用期間" in text


# -- 13. not 「公示に従ってください」 where the notice departs from the statute --------------------------

@pytest.mark.parametrize("page", ["", "guide"])
def test_the_home_and_guide_pages_point_to_the_editorial_notes_and_the_contact(site, page):
    text = text_of(site, page) if page else compact(page_text(site / "index.html"))
    assert "公示に従ってください" not in text
    assert "編集注" in text and "連絡先" in text


# -- 14, 23. identity papers: organisations; originals in two copies ------------------------------

def test_documents_say_an_organisation_has_no_registry_papers_and_ask_about_originals(site, call):
    text = section(section(text_of(site, "guide/documents"), "書類ごとの注意"), "本人確認書類", "委任状")
    assert "法人でない団体" in text and "登記事項証明書も印鑑登録証明書もありません" in text
    assert "原本" in text and f"{call.copies}部" in text
    assert "原本" in text_of(site, "guide/submit")


# -- 15. who is an 代理人, who is a 使者 ----------------------------------------------------------

@pytest.mark.parametrize("page", ["guide/eligibility", "guide/glossary", "guide/documents"])
def test_the_messenger_is_told_apart_from_the_agent(site, page):
    text = text_of(site, page)
    assert "使者" in text and "代理人には当たらないと解されます" in text


# -- 16. 「その他…必要と認める書類」 -------------------------------------------------------------------

def test_the_other_paper_is_not_said_to_be_needed_only_on_request(site, call):
    documents = text_of(site, "guide/documents")
    assert "求められなければ、出す必要はありません" not in documents and "求められた場合にだけ" not in documents
    other = section(section(documents, "書類ごとの注意"), f"その他、{call.issuer}が必要と認める書類", "委任状")
    assert "書かれていません" in other and "様式のページ" in other and "連絡先" in other
    notice = text_of(site, "call")
    assert "求められた場合に出す書類です" not in notice
    assert "求められた場合にだけ" not in text_of(site, "checker")


# -- 19. the PPC Q&A, cited directly -----------------------------------------------------------------

def test_the_ppc_qa_is_cited_without_second_hand_marks(site):
    text = section(text_of(site, "guide/kinds"), "加工の方法の書き方")
    assert "Q6-1-2" in text and "Q6-1-5" in text and "Q6-1-7" in text
    assert "孫引き" not in text and "原文を確かめていません" not in text


# -- 20. who is an 役員 --------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["guide/eligibility", "guide/glossary"])
def test_the_posts_usually_meant_by_officer_are_named(site, page):
    text = text_of(site, page)
    for post in ("取締役", "執行役", "会計参与", "監査役", "理事", "監事", "業務執行社員", "管理人", "相談役", "顧問"):
        assert post in text, post


# -- 21. whose duties are whose -------------------------------------------------------------------

def test_duties_say_the_recipient_is_bound_by_44_to_46_and_the_contract_and_121_to_123_bind_the_agency(site):
    box = section(text_of(site, "guide/duties"), "誰の義務か", "本人を特定しようとしない")
    assert "法第44条から第46条" in box and "匿名加工情報取扱事業者" in box
    assert "法第115条" in box and "法第120条" in box and "個人情報保護委員会の監督" in box
    assert "法第121条から第123条" in box and "提供を受けた人の義務ではありません" in box


# -- 24. proposers from abroad ----------------------------------------------------------------------

def test_eligibility_asks_to_confirm_foreign_majority_and_convictions(site):
    text = text_of(site, "guide/eligibility")
    assert "どの国の法律で決めるか" in text and "外国で受けた刑" in text
    assert text.count("確認を。") >= 2


# -- 25. when the tests apply ---------------------------------------------------------------------

def test_eligibility_says_when_the_tests_apply_and_about_a_pledge_signed_at_17(site):
    tip = section(text_of(site, "guide/eligibility"), "欠格事由はいつの時点で見るか", "6つの欠格事由")
    assert "法第114条第1項第1号" in tip and "法第120条第2号" in tip
    assert "誕生日の前に誓約書に署名" in tip and "17歳" in tip and "確認が必要" in tip
