"""提案書の下書き in the checker's flow, driven as the page drives it (web.handle): reached from the start
and from the result, its steps by kind, the processing table's rows, Back, the review, save and load,
the draft page and its Word file; and an applicant of each kind from the first question to the file."""
import base64
import io
import json
import re
import zipfile

import pytest

from applicants import KINDS_OF_APPLICANT, PROPOSAL_KIND, applicant, counts, form_values
from proposal_checker import draft_page, flow, form, visit, web
from proposal_checker.answers import parse_answers
from proposal_checker.answers.fields import MAX_TABLE_ROWS
from proposal_checker.drafting import build_documents, render_docx
from proposal_checker.drafting.model import Heading
from webpage import answers, ask, complete, error_texts, fresh, page, submit, words  # noqa: F401  (fresh: autouse)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What a person answers on the screening's 「書いた／まだ」 questions before the draft holds the content.
NOT_YET = {"proposal.contribution": ["not-yet"], "proposal.period_of_use": ["not-yet"]}


def session_answers() -> dict:
    return web.session().answers


def _send(step_id: str, values: dict, action: str = "next") -> dict:
    step = flow.step_by_id(session_answers(), step_id)
    fields = {"_step": [step_id]}
    for f in step.fields:
        fields.update(form.raw_of(f, values))
    return ask(action, fields=fields)


def walk(target: dict, begin: str = "start") -> dict:
    """From ``begin`` (the start page, or the result after the screening), press 「提案書の下書きを作る」
    and answer every step as ``target`` says, adding proposers, officers and rows with the page's
    buttons, until the draft page. Returns the draft page's response."""
    values = {**NOT_YET, **form_values(target)}
    want = counts(target)
    response = ask("draft")
    for _ in range(80):
        here = page()
        if here == "draft":
            return response
        assert here not in visit.PAGES, here
        if here == "proposers":
            while len(flow.proposers_of(session_answers())) < want["proposers"]:
                _send(here, values, "add-proposer")
        if here.startswith("proposer-"):
            i = int(here.split("-")[1]) - 1
            while len(flow.proposers_of(session_answers())[i].get("officers") or [{}]) < want.get(f"officers-{i}", 1):
                _send(here, values, f"add-officer:{i}")
        if here == "draft-processing":
            while len(flow.rows_of(session_answers())) < want["rows"]:
                _send(here, values, "add-row")
        response = _send(here, values)
        assert page() != here, error_texts(response) or here
    raise AssertionError("never reached the draft page")


def docx_text(data: bytes) -> str:
    from xml.etree import ElementTree
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    return "\n".join("".join(n.text or "" for n in p.iter(W + "t")) for p in root.iter(W + "p"))


# -- an applicant of each kind, from the first question to the Word file --------------------------

@pytest.mark.parametrize("kind", KINDS_OF_APPLICANT)
def test_an_applicant_of_each_kind_goes_from_the_first_question_to_the_word_file(kind, call):
    target = applicant(kind, call)
    ask("start")
    draft = walk(target)
    # Every answer the applicant gave is kept, and nothing else: the file they save is their answers.
    assert answers() == target
    assert parse_answers(answers()).to_json() == target
    downloaded = ask("download-draft")["download"]
    data = base64.b64decode(downloaded["base64"])
    assert downloaded["name"].endswith(".docx") and downloaded["type"].endswith("wordprocessingml.document")
    # The page's file is the drafting package's, from these answers: the same bytes.
    expected = build_documents(target, call, failing=[])
    assert data == render_docx(expected.documents)
    text = docx_text(data)
    proposal = expected.documents[0]
    numbered = [b.item for b in proposal.blocks if isinstance(b, Heading) and b.item.startswith("第")]
    assert numbered == (["第1号", "第2号", "第3号", "第4号", "第5号", "第6号", "第7号", "第8号"]
                        if PROPOSAL_KIND[kind] == "new" else ["第1号", "第4号", "第5号", "第6号", "第7号", "第8号"])
    positions = [text.index(b.line) for b in proposal.blocks if isinstance(b, Heading)]
    assert positions == sorted(positions)      # in the statute's order
    for p in target["proposers"]:
        assert p["name"] in text and p["address"] in text
    # The draft page shows the same documents, a copy button per item, and what stops nothing.
    html = draft["html"]
    assert "checker-draft-preview" in html and "data-copy-for=" in html and "作っていない書類" not in html
    # The screening and the draft agree: every item is present, and nothing is said to be met.
    statuses = {i: s for s, i in re.findall(r'checker-finding--(\w+)" data-finding="([^"]+)"', ask("result")["html"])}
    assert {k: statuses.get(k) for k in ("draft-items", "contribution", "period-of-use", "measures")} == dict.fromkeys(
        ("draft-items", "contribution", "period-of-use", "measures"), "stated")
    assert statuses.get("processing") == ("stated" if PROPOSAL_KIND[kind] == "new" else None)


def test_the_result_leads_to_the_draft_and_back_from_its_first_step(call):
    complete()
    result = ask("result")
    assert 'value="draft"' in result["html"] and "提案書の下書きを作る" in result["html"]
    ask("draft")
    assert page() == "draft-proposers"
    ask("back")
    assert page() == "result"


def test_the_start_leads_to_the_screening_first_then_the_draft(call):
    start = ask("start")
    assert 'value="draft"' in start["html"]
    ask("draft")
    assert page() == "kind"
    complete_without_start = applicant("individual", call)
    walk(complete_without_start)
    assert page() == "draft"
    # Back from the draft page: the draft's last step; the review lists the draft's answers too.
    ask("back")
    assert page() == "draft-other"
    review = ask("review")["html"]
    assert "担当者の電話番号" in review and "記録項目3（氏名）" in review
    assert 'value="draft"' in review


def test_without_drafting_the_screening_ends_at_the_review_as_before(call):
    complete()
    assert page() == "review"
    review = ask("review")["html"]
    assert "担当者の電話番号" not in review and 'value="draft"' not in review


def test_the_steps_of_the_draft_follow_the_kind_of_proposal_and_the_agent(call):
    for kind in KINDS_OF_APPLICANT:
        ids = [s.id for s in flow.steps(applicant(kind, call)) if s.part == flow.DRAFT]
        new = PROPOSAL_KIND[kind] == "new"
        assert ids[:2] == ["draft-proposers", "draft-contact"]
        assert ("draft-processing" in ids) is new and ("draft-file" in ids) is new and ("draft-product" in ids) is not new
        assert ("draft-agent" in ids) is (kind in ("agent", "change"))
        product = flow.step_by_id(applicant(kind, call), "draft-product")
        if product is not None:
            assert (len(product.sections) == 2) is (kind in ("change", "extension"))


def test_once_the_draft_holds_the_content_the_ticks_are_not_asked(call):
    target = applicant("individual", call)
    ids = [s.id for s in flow.steps(target)]
    assert "processing" not in ids and "content" not in ids
    # With only the period drafted, the other two questions stay, and the step says why one went.
    partly = {**target, "draft": {"period": target["draft"]["period"]}}
    content = flow.step_by_id(partly, "content")
    assert [f.question.key for f in content.fields] == [("contribution",), ("measures",)]
    assert content.notes and "利用期間" in content.notes[0]


# -- the processing table's rows -------------------------------------------------------------------

def _to_rows(call):
    ask("start")
    target = applicant("individual", call)
    values = {**NOT_YET, **form_values(target)}
    ask("draft")
    while page() != "draft-processing":
        _send(page(), values)
    return values


def test_rows_are_added_and_removed_like_proposers_and_what_was_typed_follows_its_row(call):
    _to_rows(call)
    added = submit("draft-processing", "add-row", draft__processing__0__item="住所")
    assert added["focus"] == "s-r1-heading" and added["announce"] == "記録項目2を追加しました。"
    submit("draft-processing", "add-row", draft__processing__0__item="住所", draft__processing__1__item="氏名")
    # A note too long for its box stays as typed on its row, and moves with it when a row above goes.
    response = submit("draft-processing", "remove-row:0", draft__processing__0__item="住所",
                      draft__processing__1__item="氏名", draft__processing__2__item="国籍",
                      draft__processing__2__note="x" * 201)
    assert response["announce"] == "記録項目1を削除しました。"
    assert [r.get("item") for r in flow.rows_of(session_answers())] == ["氏名", "国籍"]
    assert 'name="draft.processing.1.note" value="' + "x" * 201 in response["html"]
    response = submit("draft-processing", "next", draft__processing__0__item="氏名", draft__processing__1__note="x" * 201)
    assert page() == "draft-processing" and error_texts(response) == ["＊内容（細かさ・備考）は200文字以内で入力してください（今は201文字です）"]


def test_a_single_row_cannot_be_removed_and_the_table_stops_at_its_limit(call):
    _to_rows(call)
    html = ask("goto", step="draft-processing")["html"]
    assert 'value="remove-row:0"' not in html and 'value="add-row"' in html
    web.session().answers["draft"]["processing"] = [{"item": f"項目{i}"} for i in range(MAX_TABLE_ROWS)]
    html = ask("goto", step="draft-processing")["html"]
    assert 'value="add-row"' not in html and html.count('class="checker-section"') == MAX_TABLE_ROWS


# -- what is typed: limits and shapes, with messages that name the question ----------------------------

def test_a_narrative_answer_keeps_its_lines_and_a_too_long_one_is_kept_as_typed_with_a_message(call):
    _to_rows(call)
    submit("draft-processing")
    response = submit("draft-business", draft__business__purpose="一行目\r\n二行目")
    assert answers()["draft"]["business"]["purpose"] == "一行目\n二行目"
    ask("back")
    response = submit("draft-business", draft__business__purpose="長" * 2001)
    assert error_texts(response) == ["＊利用の目的は2,000文字以内で入力してください（今は2,001文字です）"]
    assert "長" * 2001 in response["html"] and answers()["draft"]["business"]["purpose"] == "一行目\n二行目"


@pytest.mark.parametrize("name, value, message", [
    ("draft__contact__telephone", "電話して", "＊担当者の電話番号は、数字とハイフンで 03-1234-5678のように入力してください"),
    ("draft__contact__email", "hanako.example.jp", "＊担当者の電子メールアドレスは、name@example.jpのように入力してください"),
])
def test_a_telephone_number_and_an_e_mail_address_are_checked(name, value, message, call):
    ask("start")
    target = applicant("individual", call)
    values = {**NOT_YET, **form_values(target)}
    ask("draft")
    while page() != "draft-contact":
        _send(page(), values)
    response = submit("draft-contact", **{name: value})
    assert page() == "draft-contact" and error_texts(response) == [message]


# -- the draft page ---------------------------------------------------------------------------------

def test_the_pledge_is_withheld_when_a_disqualification_fails_and_the_page_names_the_finding(call):
    target = applicant("individual", call)
    target["proposers"][0]["bankruptcy"] = "not-restored"
    web.session().answers = json.loads(json.dumps(target))
    ask("draft")
    html = words(ask("goto", step="draft")["html"])
    assert "作っていない書類" in html and "誓約書は作っていません" in html
    assert "提案者1（山田 𠮷子）：" in html and 'id="draft-pledge-1"' not in html
    docx = docx_text(base64.b64decode(ask("download-draft")["download"]["base64"]))
    assert "誓約書" not in docx.split("\n")[:1] and "上記の誓約者は" not in docx


def test_the_draft_page_names_what_could_not_be_put_in(call):
    target = applicant("individual", call)
    target["draft"]["business"]["method"] = "制御\x0b文字"
    web.session().answers = target
    ask("draft")
    html = ask("goto", step="draft")["html"]
    assert "下書きに入れられなかった答え" in html and "利用の方法：文書に書けない制御文字" in html


def test_save_and_load_keep_the_draft_and_its_steps(call, monkeypatch):
    ask("start")
    walk(applicant("joint", call))
    saved = ask("save")["download"]
    data = json.loads(saved["text"])
    assert data["version"] == 2 and data["draft"]["processing"][0]["item"] == "住所"
    web.reset(call)
    loaded = ask("load", text=saved["text"])
    assert page() == "review" and "担当者の電話番号" in loaded["html"]
    assert answers() == data
    ask("draft")
    assert page() == "draft"


def test_until_the_drafting_package_is_here_the_page_asks_for_it_and_nothing_changes(call, monkeypatch):
    complete()
    ask("result")
    monkeypatch.setattr(draft_page, "available", lambda: False)
    ask("draft")
    assert page() == "draft-proposers"          # the draft's steps need nothing of the package
    before = (page(), json.dumps(session_answers(), sort_keys=True))
    assert ask("goto", step="draft") == {"needs": "drafting"}
    assert ask("download-draft") == {"needs": "drafting"}
    assert (page(), json.dumps(session_answers(), sort_keys=True)) == before
    # Once it is there, the same request shows the draft.
    monkeypatch.undo()
    ask("goto", step="draft")
    assert page() == "draft"
