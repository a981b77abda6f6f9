"""Every fact of the notice (公示) is on the built site.

The notice's wording that is not a value of the call (the law's conditions, the documents, the
criteria, the notes) is copied here from the notice as issued. The values of the call (dates,
hours, copies, office, address, telephone, minimum population, certificate months, links) are
not: test_notice_text.py checks that the notice text carries the values of docs/call.toml, and
the pages are compared here with whatever docs/call.toml says, so next year's call is a data edit."""
from __future__ import annotations

import re

import pytest

import calldata
from conftest import ROOT, compact, page_text, source_text
from proposal_checker.dates import format_date, format_time

CALL = calldata.load(ROOT / "docs" / "call.toml")
NOTICE_TITLE = f"{CALL.title}の公示"

# The notice, item by item, as it must appear on the notice page (call/).
NOTICE_FACTS = {
    "form": ["<標準様式第3－1>"],
    "legal basis": ["個人情報の保護に関する法律施行規則（平成28年個人情報保護委員会規則第3号。以下「規則」という。）第53条第2項の規定に基づき"],
    "purpose (1)": ["第111条の規程に基づいて", "が保有する個人情報を加工して作成する行政機関等匿名加工情報をその用に供して行う事業に関する提案を募集するものです。"],
    "target files (2)": [
        "(1)個人情報ファイル簿が作成され、公表されることとなるもの（法第60条第3項第1号）。",
        "（法第60条第3項第2号イ）", "（法第60条第3項第2号ロ）",
        "（3）行政の適正かつ円滑な運営に支障のない範囲内で、行政機関等匿名加工情報を作成することができるものであること（法第60条第3項第3号）。",
    ],
    "who may propose (3)": [
        "個人、法人その他の団体の別を問いません（注1）。また、単独提案、共同提案のいずれも可能です。",
        "① 未成年者",
        "② 精神の機能の障害により行政機関等匿名加工情報等をその用に供して行う事業を適正に行うに当たって必要な認知、判断及び意思疎通を適切に行うことのできない者（注）",
        "③ 破産手続開始の決定を受けて復権を得ない者",
        "④ 禁固以上の刑に処せられ、又は法の規程により、刑に処せられ、その執行を終わり、又は執行を受けることがなくなった日から起算して2年を経過しない者",
        "⑤ 法第120条の規定により行政機関等匿名加工情報の利用に関する契約を解除され、その解除の日から起算して2年を経過しない者、",
        "⑥ 法人その他の団体であって、その役員のうちに、上記①から⑤までのいずれかに該当する者があるもの",
        "（注）代理人による提案をする場合は、その代理人の権限を証する書面を添えて提案してください。",
    ],
    "documents (5)(1)": [
        "□行政機関等匿名加工情報をその用に供して行う事業に関する提案書（注1）",
        "□誓約書（上記3の①から⑥までに該当しないことを誓約する書面）",
        "□行政機関等匿名加工情報をその用に供する事業が新たな産業の創出又は活力ある経済社会若しくは豊かな国民生活の実現に資することを明らかにする書面",
        "□提案をする者の本人確認書類（注2）",
        "□委任状（代理人の権限を証する書面）（注3）",
        "「作成された行政機関等匿名加工情報をその用に供して行う事業に関する提案書」を提出してください。",
        "当初提案をした者以外の者が新たに利用する場合、既に行政機関等匿名加工情報の提供を受けた事業者が利用目的を変更する場合や利用期間を延長する場合",
        "運転免許証、健康保険の被保険者証、個人番号カード等の写しを添付してください。",
        "登記事項証明書や印鑑登録証明書等（提案の日前",
        "（注3）代理人による提案をする場合に限ります。",
    ],
    "how to submit (5)(2)": [
        "提出は、持参（注1）又は郵送・信書便（注2）により提案書類",
        "（注1）持参による場合は、平日の",
        "と朱書きしてください。また、締切日当日必着です。",
    ],
    "criteria (6)": [
        "① 提案者が法第113条各号（欠格事由）のいずれにも該当しないこと。",
        "② 提案に係る行政機関等匿名加工情報の本人の数が、行政機関等匿名加工情報の効果的な活用の観点からみて",
        "③ 特定される加工の方法が特定の個人を識別できないように及びその作成に用いる保有個人情報を復元することができないようにするために必要なものとして規則第62条で定める基準に適合するものであること。",
        "④ 行政機関等匿名加工情報をその用に供して行う事業が新たな産業の創出又は活力ある経済社会若しくは豊かな国民生活の実現に資するものであること。",
        "⑤ 利用期間が事業の目的内容並びに行政機関等匿名加工情報の利用目的及び方法からみて必要な期間であること。",
        "⑥ 提案に係る行政機関等匿名加工情報の利用目的・方法、漏えい防止等の適切な管理のために講ずる措置が当該行政機関等匿名加工情報の本人の権利利益を保護するために適切なものであること。",
        "⑦ 行政機関の長が提案に係る行政機関等匿名加工情報を作成する場合に当該行政機関の事務に著しい支障を及ぼさないものであること。",
    ],
    "result (7)": ["提案に対する審査結果は、各提案者に個別に通知します。"],
    "contract (8)": [
        "「行政機関等匿名加工情報の利用に関する契約の締結の申込書」及び契約の締結に関する書類（契約書2通）",
        "この場合、所定の手数料を納付していただきます。",
        "契約の締結後は、契約条件の変更は認めません。",
        "審査結果通知書に理由を付してその旨を通知します。",
    ],
    "notes (9)": [
        "(1) 提案者は、提案書類の提出をもって、この募集要綱の記載内容を承諾したものとします。",
        "からの審査結果通知書等の発送料を除き、提案に係る一切の費用は提案者の負担となります。",
        "(3) 提案書類の不備や記載事項が不十分と認めるときは、説明や提案書類の訂正を求めることがあります。",
        "が作成・提供した行政機関等匿名加工情報の原著作権は",
        "(5) 行政機関等匿名加工情報の利用は契約に基づくものであり、行政不服審査法（平成26年法律第68号）の対象外となります。",
        "(6) 提案書類は返却しません。",
    ],
    "contact (10)": ["相談内容により時間を要する場合がありますので、あらかじめご了承ください。"],
}


@pytest.mark.parametrize("section", NOTICE_FACTS)
def test_the_notice_page_carries_every_fact_of_the_notice_verbatim(site, section):
    text = page_text(site / "call" / "index.html")
    for fact in NOTICE_FACTS[section]:
        assert fact in text, f"{section}: {fact!r} is missing from call/index.html"


def test_the_notice_page_is_titled_with_the_notices_title(site):
    source = (site / "call" / "index.html").read_text(encoding="utf-8")
    assert f"<h1" in source and NOTICE_TITLE in page_text(site / "call" / "index.html").split("要点")[0]


@pytest.mark.parametrize("anchor", [f"s{n}" for n in range(1, 11)] + ["s5-1", "s5-2"])
def test_each_section_of_the_notice_has_its_anchor(site, anchor):
    source = (site / "call" / "index.html").read_text(encoding="utf-8")
    assert f'id="{anchor}"' in source


# Facts rendered from docs/call.toml on the guidance pages, in the site's date style: whatever the
# data file says (the notice page's own text is checked against the data by test_notice_text.py).
def _closed_days():
    from hooks.calldata import closed_days
    return [f"{format_date(d)}：{name}" for d, name in closed_days(CALL)]


DEADLINE = f"{format_date(CALL.closes)}{format_time(CALL.closes_at)}"
OFFICE = f"{CALL.agency_name} {CALL.office}"
DATA_FACTS = {
    "index.html": [format_date(CALL.opens), DEADLINE, CALL.telephone],
    "call/index.html": [f"{format_date(CALL.opens)}から{DEADLINE}まで（{(CALL.closes - CALL.opens).days + 1}日間）"],
    "guide/submit/index.html": [
        DEADLINE, f"平日の{format_time(CALL.hand_opens_at)}から{format_time(CALL.hand_closes_at)}まで",
        "年末年始は受け付けません", CALL.envelope_marking, "締切日当日必着", f"提案書類を{CALL.copies}部",
        f"〒{CALL.postal_code}", CALL.address, OFFICE, f"電話 {CALL.telephone}", *_closed_days(),
    ],
    "guide/documents/index.html": [
        "行政機関等匿名加工情報をその用に供して行う事業に関する提案書",
        "作成された行政機関等匿名加工情報をその用に供して行う事業に関する提案書",
        "誓約書", "本人確認書類", "委任状", f"{CALL.certificate_months}か月以内", CALL.links["forms"],
    ],
    "guide/eligibility/index.html": ["未成年者", "破産手続開始の決定を受けて復権を得ない者", "拘禁刑"],
    "guide/after/index.html": ["所定の手数料（個人情報の保護に関する法律施行令第31条）", f"{CALL.minimum_population:,}人以上"],
    "guide/timeline/index.html": [format_date(CALL.notice_date), format_date(CALL.opens), DEADLINE],
    "about/contact/index.html": [CALL.telephone, OFFICE, "個別の事情"],
    "files/index.html": [CALL.links["target_files"], CALL.links["file_register_search"]],
}


@pytest.mark.parametrize("page", DATA_FACTS)
def test_guidance_pages_show_the_facts_from_the_data_file(site, page):
    text = page_text(site / page)
    source = (site / page).read_text(encoding="utf-8")
    for fact in DATA_FACTS[page]:
        if fact.startswith("https://"):
            assert f'href="{fact}"' in source, f"no link to {fact} in {page}"
        else:
            assert fact in text, f"{fact!r} is missing from {page}"


def test_external_links_in_pages_carry_the_address_with_href(site):
    source = (site / "files" / "index.html").read_text(encoding="utf-8")
    assert f'href="{CALL.links["target_files"]}"' in source
    assert f'href="{CALL.links["file_register_search"]}"' in source


def test_no_page_names_another_agency_or_a_test_call(site):
    """The test calls (tests/fixtures/calls) are never published, and no page shows their values."""
    for page in site.rglob("*"):
        if page.is_file() and "pyodide" not in page.parts and page.suffix in (".html", ".json", ".csv", ".xml", ".js", ".txt"):
            text = page.read_text(encoding="utf-8", errors="replace")
            assert "架空統計庁" not in text and "r11-kst" not in text, page
    assert not list(site.rglob("fixtures"))


def test_page_descriptions_come_from_the_data(site):
    source = (site / "about" / "contact" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="提案の手続についての問い合わせ先（{OFFICE}）' in source
    source = (site / "call" / "index.html").read_text(encoding="utf-8")
    assert f"{CALL.issuer}が{format_date(CALL.notice_date)}に公示した、{CALL.title}の公示" in source


# The one place a fee in yen may stand: the FAQ's box of the former system's amounts, which says so.
FORMER_FEES = re.compile(r'<div class="admonition note former-fees">.*?</div>', re.S)


def test_no_page_shows_a_fee_amount_in_yen(site):
    """Today's amounts are not verified: no page gives one. The former order's amounts stand only in
    the FAQ's box that says they are the former system's, not today's."""
    boxes = []
    for page in site.rglob("*.html"):
        if "pyodide" in page.parts:
            continue
        source = page.read_text(encoding="utf-8")
        boxes += [(page, box) for box in FORMER_FEES.findall(source)]
        assert "円" not in compact(source_text(FORMER_FEES.sub("", source))).replace("円滑", ""), page
    ((page, box),) = boxes
    assert page == site / "guide" / "faq" / "index.html"
    assert "以前の制度の金額です。今の金額ではありません" in box
