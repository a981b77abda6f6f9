"""提案書の下書き in Chromium: an applicant of each kind fills a draft through the page, from the first
question to a downloaded Word file that LibreOffice opens with every item of 法第112条第2項 (or its
法第118条第2項 reading) in order; nothing leaves the page; the drafting package comes only when a
draft is asked for; the draft prints on A4; a copy button copies its item; hostile files get a
clear message or a capped table.

The tests share one checker page (conftest.py, `checker`); the first one sees the drafting wheel
arrive, so it runs first.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from callfacts import CALL, ROOT
from driver import BODY, STATUS, heading, load_file, press, respond, write_answers
from wcag import WCAG_AA

sys.path.insert(0, str(ROOT / "tests" / "checker"))
sys.path.insert(0, str(ROOT / "tests" / "documents"))

from applicants import KINDS_OF_APPLICANT, ONE_LINE, PROPOSAL_KIND, applicant, counts, form_values  # noqa: E402
from drafts import TRICKY  # noqa: E402
from office import missing, pdf_text, to_pdf_text  # noqa: E402
from proposal_checker.drafting import build_documents  # noqa: E402
from proposal_checker.drafting.model import Heading  # noqa: E402

DRAFT_HEADING = "提案書の下書き"
NOT_YET = {"proposal.contribution": ["not-yet"], "proposal.period_of_use": ["not-yet"]}
RESOURCES = "() => performance.getEntriesByType('resource').map((e) => e.name)"


def compact(text: str) -> str:
    """Without white space: pdftotext spaces digits apart from kanji and wraps lines."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def office():
    if missing():
        pytest.exit(missing(), returncode=2)


def step_id(page) -> str:
    """The step on screen ("" on a page that is not a step)."""
    field = page.locator(f"{BODY} form input[name='_step']")
    return field.get_attribute("value") if field.count() else ""


def count(page, selector: str) -> int:
    return page.locator(f"{BODY} form[data-live] {selector}").count()


def fill(page, values: dict[str, list[str]]) -> None:
    """Answer the step on screen as ``values`` says, as a person would: radio buttons and boxes by
    their labels (each waits for Python's answer: a follow-up question may appear), then what is
    typed into each box, list box and text area."""
    fields = page.evaluate("""() => [...document.querySelectorAll("[data-checker-body] form[data-live] [name]")]
      .filter((e) => e.name !== "_step" && e.type !== "submit")
      .map((e) => ({ name: e.name, type: e.type, value: e.value, id: e.id, checked: e.checked ?? false }))""")
    for f in fields:
        if f["type"] in ("radio", "checkbox") and (f["value"] in values.get(f["name"], [])) != f["checked"]:
            respond_live(page, lambda: page.click(f'label[for="{f["id"]}"]'))
    for f in fields:
        if f["type"] in ("radio", "checkbox") or f["name"] not in values:
            continue
        value = values[f["name"]][0]
        target = page.locator(f'[id="{f["id"]}"]')
        if f["type"] == "select-one":
            target.select_option(value)
        elif f["value"] != value:
            target.fill(value)


def respond_live(page, action) -> None:
    """Do ``action``, then wait until Python's live answer has replaced the result beside the form."""
    page.evaluate(f"() => document.querySelector('{BODY} [data-result]')?.append(Object.assign("
                  "document.createElement('i'), { hidden: true, className: 'stale' }))")
    action()
    page.wait_for_function(f"() => !document.querySelector('{BODY} [data-result] > i.stale')")


def walk(page, target: dict) -> None:
    """From the start page, 「提案書の下書きを作る」, then every step answered as ``target`` says,
    proposers, officers and rows added with the page's buttons, to the draft page."""
    values = {**NOT_YET, **form_values(target)}
    want = counts(target)
    press(page, "draft")
    for _ in range(60):
        if heading(page) == DRAFT_HEADING:
            return
        here = step_id(page)
        assert here, heading(page)
        if here == "proposers":
            while count(page, "input[name$='.type'][type=radio][value=individual]") < want["proposers"]:
                fill(page, values)
                press(page, "add-proposer")
        if here.startswith("proposer-") and f"officers-{int(here.split('-')[1]) - 1}" in want:
            i = int(here.split("-")[1]) - 1
            while count(page, f"input[name^='p{i}.o'][name$='.name']") < want[f"officers-{i}"]:
                fill(page, values)
                press(page, f"add-officer:{i}")
        if here == "draft-processing":
            while count(page, "input[name$='.item']") < want["rows"]:
                fill(page, values)
                press(page, "add-row")
        fill(page, values)
        press(page, "next")
        assert step_id(page) != here or heading(page) == DRAFT_HEADING, page.inner_text(BODY)[:600]
    raise AssertionError("never reached the draft page")


def download(page, folder: Path) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.locator(f'{BODY} button[value="download-draft"]').click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return info.value.suggested_filename, path.read_bytes()


# -- the start, and nothing leaving the page --------------------------------------------------------

def test_the_drafting_package_comes_only_for_a_draft_and_nothing_leaves_the_page(checker, base_url, tmp_path):
    page = checker
    worker = page.workers[-1]
    started = worker.evaluate(RESOURCES)
    assert any(re.search(r"/pyodide/proposal_checker-[^/]*\.whl$", u) for u in started)
    assert not any("proposal_checker_drafting" in u for u in started)
    sent: list = []
    listener = lambda request: sent.append(request)  # noqa: E731
    page.context.on("request", listener)
    try:
        walk(page, applicant("agent", CALL))
        download(page, tmp_path)
    finally:
        page.context.remove_listener("request", listener)
    # While drafting, the page asked its own site for the drafting package's wheel (and the lock file
    # that names it), nothing else and nowhere else; the Word file came from a blob made in the page.
    fetched = {re.sub(r"^https?://127\.0\.0\.1:\d+/", "/", r.url) for r in sent if not r.url.startswith("blob:")}
    assert all(r.method == "GET" for r in sent)
    assert {u for u in fetched if u.endswith(".whl")} == {"/pyodide/proposal_checker_drafting-0.1.0-py3-none-any.whl"}
    assert fetched <= {"/pyodide/proposal_checker_drafting-0.1.0-py3-none-any.whl", "/pyodide/pyodide-lock.json"}, fetched
    assert all(u.startswith((base_url, "blob:")) for u in (r.url for r in sent))


# -- an applicant of each kind, from the first question to a Word file LibreOffice opens ---------------

@pytest.mark.parametrize("kind", KINDS_OF_APPLICANT)
def test_an_applicant_of_each_kind_gets_a_word_file_libreoffice_opens_with_every_item_in_order(
        kind, checker, office, tmp_path):
    page = checker
    target = applicant(kind, CALL)
    walk(page, target)
    shown = page.inner_text(BODY)
    name, data = download(page, tmp_path)
    assert name == f"proposal-draft-{CALL.id}-" + name.rsplit("-", 1)[1] and name.endswith(".docx")
    assert "Word ファイルに保存しました" in page.inner_text(STATUS)
    text, info, _ = to_pdf_text(data, tmp_path)
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    pdf = compact(text)
    expected = build_documents(target, CALL, failing=[])
    proposal = expected.documents[0]
    numbered = [b for b in proposal.blocks if isinstance(b, Heading) and b.item.startswith("第")]
    items = [b.item for b in numbered]
    assert items == (["第1号", "第2号", "第3号", "第4号", "第5号", "第6号", "第7号", "第8号"]
                     if PROPOSAL_KIND[kind] == "new" else ["第1号", "第4号", "第5号", "第6号", "第7号", "第8号"])
    # Every item of the statement, in the statute's order, in the file LibreOffice read.
    at = [pdf.index(compact(b.text)) for b in numbered]
    assert at == sorted(at), items
    for document in expected.documents:
        assert compact(document.title) in pdf and compact(document.title) in compact(shown)
    # What was typed, escaping and all, in the file and on the page.
    for value in [p["name"] for p in target["proposers"]] + [p["address"] for p in target["proposers"]] + \
                 [target["draft"]["contact"]["email"], ONE_LINE, *TRICKY.split("\n")]:
        assert compact(value) in pdf, value
        assert compact(value) in compact(shown), value
    assert ("委任状" in pdf) is (target["submission"]["agent"] == "yes")


# -- the draft page: print, copy, check -------------------------------------------------------------

def to_draft(page, folder: Path, kind: str = "joint") -> dict:
    target = applicant(kind, CALL)
    load_file(page, write_answers(folder / "answers.json", target))
    assert heading(page) == "回答の確認"
    press(page, "draft")
    assert heading(page) == DRAFT_HEADING
    return target


def test_the_draft_prints_alone_on_a4_each_document_from_a_new_page(checker, office, tmp_path):
    page = checker
    target = to_draft(page, tmp_path)
    page.emulate_media(media="print")
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    text, info = pdf_text(pdf)
    assert re.search(r"Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)|Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    documents = build_documents(target, CALL, failing=[]).documents
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= len(documents) + 1          # each from a new page, the 別紙 too
    flat = compact(text)
    for document in documents:
        assert compact(document.title) in flat
    for words in ("この項目の文章をコピー", "Word ファイルで保存", "下書きを印刷", "チェックを始める", "回答の保存と読み込み"):
        assert compact(words) not in flat, words
    assert "下書き" in text


def test_a_copy_button_copies_its_items_text_and_says_so(checker, base_url, tmp_path):
    page = checker
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    to_draft(page, tmp_path, "company")
    button = page.locator(f"{BODY} button.draft-copy").first
    source = page.locator(f'[id="{button.get_attribute("data-copy-for")}"]')
    button.click()
    page.wait_for_function(f"() => document.querySelector('{STATUS}').textContent.startsWith('コピーしました')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == source.text_content() and "株式会社データ&分析" in copied and "代表取締役" in copied
    assert page.inner_text(STATUS).startswith("コピーしました：第1号")
    assert page.evaluate("document.activeElement?.classList.contains('draft-copy')")


def test_the_drafts_steps_and_page_have_no_violation(checker, axe_record, tmp_path):
    page = checker
    found = {}
    # Each step by the step indicator's link to it, which leads back to the steps before the one shown.
    for kind, steps in (("joint", ("draft-business", "draft-processing", "draft-proposers")), ("change", ("draft-product",))):
        to_draft(page, tmp_path, kind)
        for state in (DRAFT_HEADING, *steps):
            if state != DRAFT_HEADING:
                link = page.locator(f'{BODY} a[data-goto="{state}"]')
                assert link.count(), state
                respond(page, link.first.click)
            results = Axe().run(page, context={"include": [["#checker"]]}, options=WCAG_AA).response
            name = f"提案書の下書き（{kind}）：{heading(page)}"
            axe_record.add("state", name, results, WCAG_AA["runOnly"]["values"], "#checker")
            found[name] = [f"{v['id']}: {n['target']}" for v in results["violations"] for n in v["nodes"][:3]]
        press(page, "clear")
        press(page, "clear-confirm")
    assert not any(found.values()), found


# -- hostile input ------------------------------------------------------------------------------------

def test_a_file_of_ten_thousand_rows_is_refused_with_a_message_naming_the_table(checker, tmp_path):
    page = checker
    target = applicant("individual", CALL)
    target["draft"]["processing"] = [{"item": f"項目{i}", "treatment": "delete"} for i in range(10_000)]
    load_file(page, write_answers(tmp_path / "rows.json", target))
    text = page.inner_text(BODY)
    assert "回答ファイルを読み込めませんでした" in text and "draft.processing：加工の方法の表は500行までです（10,000行あります）" in text
    assert heading(page) == "はじめに" and "今の回答はそのままです" in text


def test_the_longest_table_and_the_longest_texts_give_a_draft_and_a_file_libreoffice_opens(checker, office, tmp_path):
    page = checker
    target = applicant("individual", CALL)
    target["draft"]["processing"] = [{"item": f"項目{i}\u200b", "treatment": "keep", "note": "備" * 199 + "\x0c"}
                                     for i in range(500)]
    for key in target["draft"]["measures"]:
        target["draft"]["measures"][key] = "措" * 1999 + "\x00"
    load_file(page, write_answers(tmp_path / "long.json", target))
    press(page, "draft")
    assert heading(page) == DRAFT_HEADING
    problems = page.inner_text(f"{BODY} .checker-draft-problems")
    assert "加工の方法の表の1行目の内容（細かさ・備考）：文書に書けない制御文字" in problems
    assert page.locator(f"{BODY} table.draft-table tbody tr").count() == 500
    _, data = download(page, tmp_path)
    text, info, _ = to_pdf_text(data, tmp_path, "long")
    assert "項目499" in compact(text) and "措" * 50 in compact(text)
