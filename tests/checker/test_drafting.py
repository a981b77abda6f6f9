"""提案書の下書き: the documents made from the answers, and their three renderings.

Pure Python: these run on CPython and, unchanged, inside Pyodide. Opening the .docx in a real
word processor is tests/documents' job."""
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from drafts import KINDS, TRICKY, answers, typed_values, with_changes
from proposal_checker import answers as answers_format
from proposal_checker.drafting import (FIELDS, DraftError, build_documents, draft_text, new_fields, render_docx,
                                       render_html, section_texts)
from proposal_checker.answers import fields as drafting_fields
from proposal_checker.drafting.compose import MISSING, UNDATED
from proposal_checker.drafting.model import MAX_TABLE_ROWS, Heading, Item, Table
from proposal_checker.dates import format_date

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def draft(kind, call, failing=(), **options):
    return build_documents(answers(kind, call, **options), call, failing=failing)


def docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of each paragraph of word/document.xml (line breaks as \\n), read as XML."""
    root = ElementTree.fromstring(docx_parts(data)["word/document.xml"])
    out = []
    for p in root.iter(W + "p"):
        text = []
        for node in p.iter():
            if node.tag == W + "t":
                text.append(node.text or "")
            elif node.tag == W + "br":
                text.append("\n")
            elif node.tag == W + "tab":
                text.append("\t")
        out.append("".join(text))
    return out


def headings(document):
    return [b for b in document.blocks if isinstance(b, Heading)]


def law_page_items(article: str) -> list[str]:
    """The numbered items of an article as docs/law/index.md quotes the statute (「一 未成年者」→「未成年者」)."""
    text = (ROOT / "docs" / "law" / "index.md").read_text(encoding="utf-8")
    section = text[text.index(f"### {article}"):]
    section = section[:section.index("\n### ", 5)]
    return re.findall(r"^\s*- [一二三四五六七八九十]+ (.+)$", section, flags=re.M)


# -- the documents' data ------------------------------------------------------------------------

def test_the_article_112_proposal_holds_items_1_to_8_in_the_statutes_order(call):
    proposal = draft("new", call).documents[0]
    items = [h.item for h in headings(proposal) if h.item.startswith("第")]
    assert items == ["第1号", "第2号", "第3号", "第4号", "第5号", "第6号", "第7号", "第8号"]
    for h in headings(proposal):
        if h.item.startswith("第"):
            assert h.basis == (f"法第112条第2項{h.item}",)


def test_the_headings_of_article_112_quote_the_statute(call):
    statute = law_page_items("第百十二条")[:8]
    proposal = draft("new", call).documents[0]
    assert [h.text for h in headings(proposal) if h.item.startswith("第")] == statute


@pytest.mark.parametrize("kind", KINDS[1:])
def test_an_article_118_proposal_holds_items_1_and_4_to_8_as_the_statute_reads_them(kind, call):
    proposal = draft(kind, call).documents[0]
    numbered = [h for h in headings(proposal) if h.item.startswith("第")]
    assert [h.item for h in numbered] == ["第1号", "第4号", "第5号", "第6号", "第7号", "第8号"]
    assert all(h.basis[0].startswith("法第118条第2項") and h.basis[0].endswith(f"法第112条第2項{h.item}")
               for h in numbered)
    # 法第118条第2項: 第4号 reads 「提案に係る行政機関等匿名加工情報を特定するに足りる事項」
    assert numbered[1].text == "提案に係る行政機関等匿名加工情報を特定するに足りる事項"
    assert numbered[-1].text == "第一号及び第四号から前号までに掲げるもののほか、個人情報保護委員会規則で定める事項"
    text = draft_text([proposal])
    assert "本人の数" not in text and "個人情報ファイルの名称" not in text and "別紙" not in text


def test_the_pledge_quotes_article_113_items_1_to_6_verbatim(call):
    pledge = draft("new", call).documents[1]
    quoted = [p.text for p in pledge.blocks if getattr(p, "style", "") == "quote"]
    statute = law_page_items("第百十三条")
    assert len(statute) == 6
    assert [q.split("　", 1)[1] for q in quoted[1:]] == statute
    assert [q.split("　", 1)[0] for q in quoted[1:]] == list("一二三四五六")
    assert quoted[0] == "次の各号のいずれかに該当する者は、前条第一項の提案をすることができない。"


def test_each_paper_the_data_names_is_a_paper_of_both_test_calls(call):
    from proposal_checker.drafting import packaged_documents
    ids = {d.id for d in call.documents}
    named = [s.call_document for s in packaged_documents() if s.call_document]
    assert named and set(named) <= ids


def test_the_data_file_may_name_only_the_listed_answers():
    from proposal_checker.drafting import packaged_documents
    paths = set()

    def walk(entries, scope=""):
        for e in entries:
            if e.answer:
                paths.add(f"{scope}.{e.answer}" if scope and e.kind == "label" else e.answer)
            for _, a in e.columns:
                paths.add(f"{e.answer}.{a}")
            walk(e.content, e.answer if e.kind == "each" else scope)
    for spec in packaged_documents():
        for section in spec.sections:
            walk(section.content)
    assert paths <= {f.path for f in FIELDS}
    # Every drafting field is used by some document (none is asked for nothing).
    unused = {f.path for f in new_fields() if f.kind != "list"} - paths
    assert not unused, unused


def test_the_fields_limits_are_the_formats_and_narrative_text_is_2000_characters():
    assert drafting_fields.SHORT == answers_format.MAX_TEXT
    assert drafting_fields.NARRATIVE == 2000
    assert set(drafting_fields.KIND_WORDS) == set(answers_format.KINDS)
    assert set(drafting_fields.PROPOSER_WORDS) == set(answers_format.PROPOSER_TYPES)
    assert set(drafting_fields.METHOD_WORDS) == set(answers_format.METHODS)
    assert set(drafting_fields.AGENT_WORDS) == set(answers_format.YES_NO_UNKNOWN)
    assert drafting_fields.BY_PATH["draft.processing[]"].limit == MAX_TABLE_ROWS
    assert all(f.limit > 0 for f in FIELDS if f.kind in ("text", "narrative", "phone", "email", "list"))
    # Version 1's answers are read, not redefined.
    old = {f.path for f in FIELDS if not f.new}
    assert "proposal.kind" in old and "proposers[].address" not in old


# -- which documents, dated, addressed, marked ---------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_gets_its_proposal_then_pledges_contribution_power_of_attorney_and_envelope(kind, call):
    result = draft(kind, call)
    ids = [d.id for d in result.documents]
    first = "proposal-new" if kind == "new" else "proposal-existing"
    assert ids == [first, "pledge-1", "pledge-2", "contribution", "power-of-attorney", "envelope"]
    assert result.withheld == () and result.problems == ()


def test_every_document_is_marked_a_draft_addressed_to_the_issuer_and_dated_with_the_proposal_day(call):
    data = answers("new", call)
    result = build_documents(data, call, failing=[])
    day = format_date(__import__("datetime").date.fromisoformat(data["submission"]["date"]), weekday=False)
    for document in result.documents:
        assert document.mark == "下書き"
        if document.id != "envelope":
            assert document.addressee == f"{call.issuer}　殿"
            assert document.date_line == day
    assert "下書き" in render_html(result.documents) and "下書き" in draft_text(result.documents)


def test_an_unknown_proposal_day_leaves_the_date_to_write_by_hand(call):
    data = with_changes(answers("new", call), submission__date="unknown")
    result = build_documents(data, call, failing=[])
    assert result.documents[0].date_line == UNDATED and result.problems == ()


def test_the_pledge_is_not_made_when_a_disqualification_fails_and_the_draft_says_which(call):
    result = draft("new", call, failing=["提案者1：法第113条第1号（未成年者）"])
    assert not any(d.id.startswith("pledge") for d in result.documents)
    (doc, why), = result.withheld
    assert doc == "pledge" and "提案者1：法第113条第1号（未成年者）" in why and "誓約書" in why


def test_the_power_of_attorney_only_through_an_agent_and_the_envelope_only_by_post(call):
    ids = [d.id for d in draft("new", call, agent=False, method="hand").documents]
    assert "power-of-attorney" not in ids and "envelope" not in ids
    proposal = draft("new", call, agent=False).documents[0]
    assert "代理人" not in [h.text for h in headings(proposal)]


def test_without_a_kind_no_proposal_is_made_and_the_draft_says_why(call):
    data = answers("new", call)
    del data["proposal"]["kind"]
    result = build_documents(data, call, failing=[])
    assert {d for d, _ in result.withheld} == {"proposal-new", "proposal-existing"}
    assert all("「提案の種類」が未回答" in why for _, why in result.withheld)


def test_a_change_or_an_extension_names_the_contract_and_a_new_user_does_not(call):
    assert "契約を結んだ日" in draft_text(draft("existing-change", call).documents[:1])
    assert "契約を結んだ日" in draft_text(draft("existing-extend", call).documents[:1])
    assert "契約を結んだ日" not in draft_text(draft("existing-new-user", call).documents[:1])


def test_an_unanswered_field_shows_as_not_written_so_the_gap_is_seen(call):
    data = answers("new", call)
    del data["draft"]["measures"]["physical"]
    proposal = build_documents(data, call, failing=[]).documents[0]
    assert Item("物理的な措置", MISSING, missing=True) in proposal.blocks


def test_empty_answers_give_every_paper_with_every_gap_and_no_error(call):
    result = build_documents({}, call, failing=[])
    assert [d.id for d in result.documents] == ["pledge-1", "contribution", "envelope"]
    assert MISSING in draft_text(result.documents)


def test_the_envelope_carries_the_calls_address_office_and_the_words_in_red(call):
    envelope = draft("new", call).documents[-1]
    red = [b for b in envelope.blocks if getattr(b, "style", "") == "red"]
    assert [b.text for b in red] == [call.envelope_marking]
    text = draft_text([envelope])
    assert f"〒{call.postal_code}" in text and call.address in text and call.office in text


def test_the_processing_table_has_a_row_per_item_with_its_treatment_in_words(call):
    proposal = draft("new", call).documents[0]
    table, = [b for b in proposal.blocks if isinstance(b, Table)]
    assert table.columns == ("番号", "記録項目", "加工の方法", "内容（細かさ・備考）")
    assert table.rows[0] == ("1", "住所", "一般化（細かさを粗くする）", "都道府県まで")
    assert table.rows[2] == ("3", "氏名", "削除", "")
    assert len(table.rows) == 7 and table.omitted == 0


# -- every value in every rendering --------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_every_typed_value_and_every_heading_is_in_the_word_file_the_preview_and_the_text(kind, call):
    data = answers(kind, call)
    result = build_documents(data, call, failing=[])
    paragraphs = "\n".join(docx_paragraphs(render_docx(result.documents)))
    text = draft_text(result.documents)
    html = render_html(result.documents)
    for value in typed_values(data):
        assert value in paragraphs, value
        assert value in text, value
    for document in result.documents:
        assert document.title in paragraphs and document.title in text
        for h in headings(document):
            assert h.text in paragraphs and h.text in text
            assert h.text.replace("&", "&amp;") in html
    assert TRICKY.split("\n")[0] in paragraphs


def test_the_preview_escapes_what_was_typed_and_has_no_scripts_styles_or_handlers(call):
    html = render_html(draft("new", call).documents)
    assert "<b>" not in html and "</w:t>" not in html
    assert "研究 &lt;b&gt;&amp;amp; &quot;引用&quot; &#x27;単&#x27; 𠮷野家 😀<br>二行目" in html
    assert not re.search(r"<script|\sstyle=|\son[a-z]+=|javascript:", html, flags=re.I)


def test_each_item_has_a_copy_button_for_its_text(call):
    proposal = draft("new", call).documents[0]
    html = render_html([proposal])
    texts = section_texts(proposal)
    assert len(texts) == len(headings(proposal))
    for t in texts:
        target = f"draft-proposal-new-{t.id}-text"
        assert f'data-copy-for="{target}"' in html and f'id="{target}"' in html
    item_1 = next(t for t in texts if t.id == "item-1")
    assert "氏名又は名称：山田 𠮷子" in item_1.text and "第1号" not in item_1.text
    annex = next(t for t in texts if t.id == "annex-processing")
    assert "番号\t記録項目\t加工の方法\t内容（細かさ・備考）" in annex.text
    assert "1\t住所\t一般化（細かさを粗くする）\t都道府県まで" in annex.text


def test_the_word_file_is_a4_with_a_mincho_font_headings_and_bordered_tables(call):
    parts = docx_parts(render_docx(draft("new", call).documents))
    assert set(parts) == {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
                          "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml"}
    for name, xml in parts.items():
        ElementTree.fromstring(xml)   # every part is well-formed XML
    body = parts["word/document.xml"]
    assert body.count('<w:pgSz w:w="11906" w:h="16838"/>') == 6   # a section per document
    assert 'w:eastAsia="ＭＳ 明朝"' in parts["word/styles.xml"]
    assert 'w:styleId="Heading1"' in parts["word/styles.xml"] and '<w:pStyle w:val="Heading2"/>' in body
    assert '<w:tblBorders><w:top w:val="single"' in body
    assert "<w:pageBreakBefore/>" in body                          # the 別紙 starts a new page
    assert "下書き" in parts["word/header1.xml"]


def test_the_same_answers_give_the_same_bytes_and_no_clock_is_in_the_file(call):
    one = render_docx(draft("new", call).documents)
    two = render_docx(draft("new", call).documents)
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    later = with_changes(answers("new", call), submission__date="2030-01-04")
    assert render_docx(build_documents(later, call, failing=[]).documents) != one


# -- hostile input --------------------------------------------------------------------------------

def test_ten_thousand_rows_give_a_capped_table_a_message_and_a_valid_file(call):
    data = answers("new", call)
    data["draft"]["processing"] = [{"item": f"項目{i}", "treatment": "delete", "note": "x" * 300} for i in range(10_000)]
    result = build_documents(data, call, failing=[])
    table, = [b for b in result.documents[0].blocks if isinstance(b, Table)]
    assert len(table.rows) == MAX_TABLE_ROWS and table.omitted == 10_000 - MAX_TABLE_ROWS
    assert ("draft.processing", "10,000件あります。下書きには最初の500件だけを入れました") in result.problems
    assert any(p.startswith("draft.processing[0].note") and "長すぎます（300文字）" in m
               for p, m in [(p, m) for p, m in result.problems])
    data_docx = render_docx(result.documents)
    paragraphs = docx_paragraphs(data_docx)
    assert "項目499" in paragraphs and "項目500" not in paragraphs
    assert any("残りの9,500行は下書きに入れていません" in p for p in paragraphs)
    assert "残りの9,500行" in render_html(result.documents)


def test_ten_thousand_rows_each_holding_ten_megabytes_are_read_only_as_far_as_the_caps(call):
    huge = "大" * 10_000_000
    data = answers("new", call)
    data["draft"]["processing"] = [{"item": huge, "treatment": "keep", "note": huge}] * 10_000
    result = build_documents(data, call, failing=[])
    table, = [b for b in result.documents[0].blocks if isinstance(b, Table)]
    assert len(table.rows) == MAX_TABLE_ROWS and table.rows[0][1] == "大" * 200 + "…（以下9,999,800文字を省略）"
    assert len(render_docx(result.documents)) < 2_000_000


def test_a_huge_string_is_cut_with_a_note_and_a_message(call):
    data = with_changes(answers("new", call), draft__business__purpose="長" * 5_000_000)
    result = build_documents(data, call, failing=[])
    assert ("draft.business.purpose", "長すぎます（5,000,000文字）。最初の2,000文字だけを入れました") in result.problems
    text = draft_text(result.documents[:1])
    assert "長" * 2000 + "…（以下4,998,000文字を省略）" in text and "長" * 2001 not in text
    docx_paragraphs(render_docx(result.documents))


def test_control_characters_and_lone_surrogates_are_removed_with_a_message(call):
    nasty = "A\x00B\x08C\x0bD\x0cE\x1bF\x7fG\x85H\ud800I\ufffeJ\r\nK\tL"
    data = with_changes(answers("new", call), draft__business__method=nasty)
    result = build_documents(data, call, failing=[])
    assert ("draft.business.method", "文書に書けない制御文字（見えない文字）があったため、取り除きました") in result.problems
    paragraphs = docx_paragraphs(render_docx(result.documents))
    assert "ABCDEFGHIJ\nK\tL" in paragraphs
    html = render_html(result.documents)
    html.encode("utf-8")
    assert "ABCDEFGHIJ<br>K\tL" in html


def test_values_of_the_wrong_type_are_left_out_and_named(call):
    data = answers("new", call)
    data["proposers"][0]["address"] = ["not", "text"]
    data["draft"]["period"]["start"] = "2026-02-30"
    data["draft"]["processing"][1] = "a row that is not an object"
    data["draft"]["processing"][0]["treatment"] = "shred"
    data["proposal"]["population"] = True
    data["draft"]["contact"]["email"] = "no-at-sign"
    result = build_documents(data, call, failing=[])
    problems = dict(result.problems)
    assert problems["proposers[0].address"] == "文字列ではないため、下書きに入れていません"
    assert problems["draft.period.start"].startswith("日付は \"YYYY-MM-DD\"")
    assert problems["draft.processing[1]"] == "オブジェクト（{ … }）ではないため、空として扱いました"
    assert problems["draft.processing[0].treatment"].startswith("使えない値のため")
    assert problems["proposal.population"].startswith("0から")
    assert problems["draft.contact.email"].startswith("電子メールアドレスの形ではありません")
    docx_paragraphs(render_docx(result.documents))


@pytest.mark.parametrize("value", [None, [], "answers", 3])
def test_answers_that_are_not_an_object_are_refused_with_a_message(value, call):
    with pytest.raises(DraftError, match="オブジェクト"):
        build_documents(value, call, failing=[])


@pytest.mark.parametrize("lists", [{"proposers": "x"}, {"proposers": [1, None]}, {"draft": {"processing": {}}},
                                   {"draft": "x", "proposal": [], "submission": 7}])
def test_lists_and_objects_of_the_wrong_shape_still_give_valid_documents(lists, call):
    result = build_documents(lists, call, failing=[])
    assert result.documents and result.problems
    docx_paragraphs(render_docx(result.documents))
    render_html(result.documents).encode("utf-8")


# -- the package's place among the layers ---------------------------------------------------------

def test_the_checkers_start_does_not_import_the_drafting_package_and_drafting_runs_no_rule():
    import ast

    import proposal_checker
    package = Path(proposal_checker.__file__).parent
    # One module above the drafting package imports it (draft_page.py), and only inside the functions
    # that draft: nothing imports it when the module is imported.
    importers = re.compile(r"^\s*(from\s+\S*drafting\S*\s+import|import\s+\S*drafting)", flags=re.M)
    sources = [p for p in package.rglob("*.py") if "drafting" not in p.parts]
    assert [p.name for p in sources if importers.search(p.read_text(encoding="utf-8"))] == ["draft_page.py"]
    tree = ast.parse((package / "draft_page.py").read_text(encoding="utf-8"))
    assert not [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom)) and "drafting" in (
        getattr(n, "module", "") or "" + " ".join(a.name for a in n.names))]
    rules = re.compile(r"^\s*(from\s+\.\.(rules|evaluate|result|flow|web)\b|import\s+proposal_checker\.(rules|evaluate))",
                       flags=re.M)
    for path in (package / "drafting").glob("*.py"):
        assert not rules.search(path.read_text(encoding="utf-8")), path.name


@pytest.mark.skipif(sys.platform == "emscripten", reason="a fresh interpreter is a subprocess (CPython only)")
def test_a_fresh_checker_has_no_drafting_module_until_a_draft_is_asked_for(call):
    # What the page's start imports (web.opening, as the build and the snapshot run it), in a
    # fresh interpreter: no module of the drafting package; then a draft brings them.
    script = ("import sys, json\n"
              "from proposal_checker import web\n"
              "web.opening()\n"
              "before = sorted(m for m in sys.modules if m.startswith('proposal_checker.drafting'))\n"
              "web.handle(json.dumps({'action': 'draft'}))\n"
              "web.session().page = 'result'\n"
              "from proposal_checker import presenter\n"
              "presenter.go('draft')\n"
              "after = sorted(m for m in sys.modules if m.startswith('proposal_checker.drafting'))\n"
              "print(json.dumps([before, after]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    before, after = json.loads(done.stdout)
    assert before == []
    assert "proposal_checker.drafting.compose" in after and "proposal_checker.drafting.preview" in after
