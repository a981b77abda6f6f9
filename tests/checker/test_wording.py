"""All wording of the interview in data: the steps' titles, headings and leads, the pages' headings
and what the page announces come from data/wording.json, checked on load with messages that name the
field; flow.py keeps only the structure."""
import ast
import re
from pathlib import Path

import pytest

import proposal_checker
from proposal_checker import flow, render
from proposal_checker.wording import MESSAGES, PAGES, STEPS, WordingError, parse_wording

from webpage import ask, fresh, submit  # noqa: F401  (fresh: autouse fixture)
from proposal_checker.datafiles import read_json
from datafile_errors import refused

PACKAGE = Path(proposal_checker.__file__).parent
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _raw():
    return read_json("wording.json")


def _texts(path: Path) -> list[str]:
    """The string constants of a module, its docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docs]


@pytest.mark.parametrize("module", ["flow.py", "web.py", "presenter.py", "visit.py"])
def test_the_step_builder_and_the_protocol_hold_no_words_of_their_own(module):
    # (The drawing, render/, keeps the labels of its buttons and lists.)
    assert [t for t in _texts(PACKAGE / module) if JAPANESE.search(t)] == []


def test_every_step_and_page_shows_its_words_from_the_data():
    ask("start")
    response = ask("next")
    assert response["announce"] == PAGES["step"]["caption"].format(number=1, total=7, title=STEPS["kind"]["title"])
    assert STEPS["kind"]["heading"] in response["html"]
    response = submit("kind", proposal__kind="existing-change")
    assert STEPS["proposers"]["lead"] in response["html"] and STEPS["proposers"]["add"] in response["html"]
    for page in ("review", "clear"):
        html = ask("goto", step=page)["html"] if page == "review" else ask("clear")["html"]
        assert PAGES[page]["heading"] in html and PAGES[page]["lead"] in html
    ask("clear-cancel")
    steps = flow.steps({"format": "proposal-checker/answers", "version": 1, "proposal": {"kind": "existing-change"},
                        "proposers": [{"type": "corporation", "officers": [{}]}]})
    by_id = {s.id: s for s in steps}
    assert by_id["file"].title == STEPS["product"]["title"]
    assert by_id["proposer-1"].title == STEPS["body"]["title"].format(person="提案者1")
    assert by_id["proposer-1"].add[1] == STEPS["body"]["add"]
    assert ask("clear-confirm")["announce"] == MESSAGES["cleared"] + PAGES["start"]["heading"]


def test_the_packaged_words_read():
    wording = parse_wording(_raw())
    # The screening's kinds of step, and one per topic of the draft (data/questions.json, draft_topics).
    from proposal_checker.questions import DRAFT_TOPICS
    assert set(wording.steps) == {"kind", "proposers", "person", "body", "file", "product", "processing", "content",
                                  "submission", *(t.id for t in DRAFT_TOPICS)}
    assert all(words["title"] and words["heading"] for words in wording.steps.values())
    assert len(wording.pages["start"]["items"]) >= 3


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["steps"]["kind"].pop("title"), "wording.json: steps.kind.title: is missing"),
    (lambda d: d["steps"]["kind"].update(titel="x"), "wording.json: steps.kind.titel: unknown field"),
    (lambda d: d["steps"]["kind"].update(heading=""), "wording.json: steps.kind.heading: must be a non-empty string"),
    (lambda d: d["steps"].pop("content"), "wording.json: steps.content: is missing"),
    (lambda d: d["steps"].update(draft={"title": "下書き"}), "wording.json: steps.draft: unknown entry"),
    (lambda d: d["steps"]["proposers"].update(section="提案者{numbr}"),
     "wording.json: steps.proposers.section: unknown placeholder {numbr} (known here: number)"),
    (lambda d: d["steps"]["kind"].update(title="{agency}の提案"),
     "wording.json: steps.kind.title: unknown placeholder {agency} (known here: none)"),
    (lambda d: d["steps"]["file"].update(lead="{minimum_population"), "wording.json: steps.file.lead: "),
    (lambda d: d["pages"]["start"].update(items=[]), "wording.json: pages.start.items: must be a non-empty list"),
    (lambda d: d["pages"]["start"]["items"].append(3), "wording.json: pages.start.items[4]: must be a non-empty string"),
    (lambda d: d["pages"].pop("clear"), "wording.json: pages.clear: is missing"),
    (lambda d: d["messages"].pop("saved"), "wording.json: messages.saved: is missing"),
    (lambda d: d.pop("messages"), "wording.json: messages: is missing"),
    (lambda d: d.update(buttons={}), "wording.json: buttons: unknown part"),
])
def test_a_mistake_in_the_wording_file_is_named(mutate, where):
    assert where in refused(_raw(), parse_wording, WordingError, mutate)


def test_a_lead_may_name_the_calls_values(call):
    lead = flow.call_text(STEPS["file"]["lead"], call)
    assert f"{call.minimum_population:,}" in lead and "{" not in lead
    assert call.agency_name in re.sub(r"<[^>]+>", "", render.start_page(call))
