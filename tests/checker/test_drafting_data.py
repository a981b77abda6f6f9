"""The documents' data file: read and checked on load, with messages that name the field."""
import json
import os

import pytest

from proposal_checker.drafting import catalogue
from proposal_checker.drafting.catalogue import DocumentsError, parse_documents
from datafile_errors import refused


def _raw():
    path = os.path.join(os.path.dirname(os.path.dirname(catalogue.__file__)), "data", "documents.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _error(mutate):
    return refused(_raw(), parse_documents, DocumentsError, mutate)


def _doc(data, id_):
    return next(d for d in data["documents"] if d["id"] == id_)


def _section(data, doc, sid):
    return next(s for s in _doc(data, doc)["sections"] if s["id"] == sid)


def test_the_packaged_file_reads_and_lists_the_papers_in_the_order_they_are_sent():
    ids = [d.id for d in parse_documents(_raw())]
    assert ids == ["proposal-new", "proposal-existing", "pledge", "contribution", "power-of-attorney", "envelope"]


def _swap_items(data):
    sections = _doc(data, "proposal-new")["sections"]
    sections[2], sections[3] = sections[3], sections[2]


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d.update(version=2), "version: must be 1"),
    (lambda d: d.update(format="x"), "format: must be 'proposal-checker/documents'"),
    (lambda d: _doc(d, "pledge").pop("title"), "documents[2].title: is missing"),
    (lambda d: _doc(d, "pledge").update(titel="誓約書"), "documents[2].titel: unknown field"),
    (lambda d: _doc(d, "pledge").update(id="proposal-new"), "documents[2].id: 'proposal-new' is used twice"),
    (lambda d: _doc(d, "pledge").update(dated="yes"), "documents[2].dated: must be a bool"),
    (lambda d: _doc(d, "pledge").update(addressee="{isuer}　殿"), "documents[2].addressee: unknown placeholder {isuer}"),
    (lambda d: _doc(d, "envelope").update(when={"submission.method": ["ship"]}),
     "documents[5].when.submission.method[0]: 'ship' is not a value of submission.method"),
    (lambda d: _section(d, "proposal-new", "item-2")["content"][0].update(answer="proposal.filename"),
     "documents[0].sections[1].content[0].answer: names no answer 'proposal.filename'"),
    (lambda d: _section(d, "proposal-new", "item-1")["content"][0]["content"][1].update(answer="adress"),
     "documents[0].sections[0].content[0].content[1].answer: names no answer 'proposers[].adress' (known inside proposers[]: "),
    (lambda d: _section(d, "proposal-new", "item-2")["content"][0].update(answer="proposers[].name"),
     "documents[0].sections[1].content[0].answer: proposers[].name is inside the list proposers[]"),
    (lambda d: _section(d, "proposal-new", "item-2")["content"][0].update(answer="draft.processing[]"),
     "is a list: use table or each"),
    (lambda d: _section(d, "proposal-new", "item-2")["content"][0].update(text="x"),
     "documents[0].sections[1].content[0]: must hold exactly one of label, text, note, table, each"),
    (lambda d: _section(d, "proposal-new", "item-4")["content"][0].update(style="bold"),
     "documents[0].sections[3].content[0].style: must be one of"),
    (lambda d: _section(d, "proposal-new", "annex-processing")["content"][1]["columns"][0].update(answer="name"),
     "documents[0].sections[10].content[1].columns[0].answer: names no answer 'draft.processing[].name'"),
    (lambda d: _section(d, "proposal-new", "item-3").update(basis=[]),
     "documents[0].sections[2].basis: is empty: name the law the section answers, or say why it is there"),
    (lambda d: _section(d, "proposal-new", "item-3").update(item="第3項"),
     "documents[0].sections[2].item: must be 第N号, 別紙 or empty"),
    (lambda d: _section(d, "proposal-new", "item-3").update(convention="x"),
     "documents[0].sections[2].convention: a section answering an item of the law is no convention"),
    (_swap_items, "documents[0].sections[2].item: is 第4号, but the statement's items go in the statute's order"),
    (lambda d: _doc(d, "proposal-existing")["sections"].pop(2),
     "documents[1].sections[2].item: is 第5号, but the statement's items go in the statute's order "
     "(第1号、第4号、第5号、第6号、第7号、第8号): 第4号 comes here"),
    (lambda d: _doc(d, "proposal-existing")["sections"].pop(6),
     "documents[1].sections: hold the items 第1号、第4号、第5号、第6号、第7号; the statement needs 第1号、第4号、第5号"),
    (lambda d: _doc(d, "proposal-existing").update(statement="112"), "documents[1].sections[2].item: is 第4号"),
    (lambda d: _doc(d, "contribution")["sections"][0].update(item="第1号"),
     "documents[3].sections[0].item: a numbered item needs the document's statement"),
    (lambda d: _doc(d, "pledge")["sections"][0]["content"][0].update(title="提案者{m}"),
     "documents[2].sections[0].content[0].title: unknown placeholder {m} (known: n)"),
    (lambda d: _section(d, "proposal-new", "contact")["content"][0].update(when={"draft.contact.name": "x"}),
     "documents[0].sections[9].content[0].when.draft.contact.name: must be a non-empty list of values"),
])
def test_a_wrong_field_is_named(mutate, where):
    assert where in _error(mutate)


def test_every_known_placeholder_is_a_call_value_the_drafts_fill(call):
    from proposal_checker.drafting.compose import call_values
    assert set(call_values(call)) == set(catalogue.PLACEHOLDERS)
    assert call_values(call)["issuer"] == call.issuer and call_values(call)["forms"] == call.links["forms"]
