"""The accessibility statement's 試験結果 (build/hooks/accessibility.py): each row reports the tests
marked for it, never tests found by their names, and a row left without results stops the build."""
from __future__ import annotations

import json
import re

import pytest
from mkdocs.exceptions import Abort

from conftest import ROOT
from build_hooks import load_hook

STATEMENT = load_hook("accessibility")


def results(rows: dict[str, list[str]]) -> dict:
    """A results file as a browser run writes it, with these outcomes by row."""
    return {
        "format": STATEMENT.FORMAT, "version": STATEMENT.VERSION, "date": "2026-12-01T10:30:00+09:00",
        "axe_core": "4.12.1", "tags": ["wcag2a"], "rules": 50,
        "pages": [{"kind": "page", "name": "/", "scope": "page", "violations": 0, "rules_violated": []}],
        "states": [{"kind": "state", "name": "はじめに", "scope": "page", "violations": 0, "rules_violated": []}],
        "tests": [{"id": f"tests/browser/test_x.py::test_{row}_{n}", "row": row, "outcome": outcome}
                  for row, outcomes in rows.items() for n, outcome in enumerate(outcomes)],
    }


def test_without_results_the_section_says_there_are_none():
    text = STATEMENT.results_markdown(None)
    assert "結果を載せていません" in text and "合格" not in text


def test_each_row_reports_the_tests_marked_for_it_whatever_their_names():
    text = STATEMENT.results_markdown(results({"keyboard": ["passed"], "focus": ["passed", "failed", "passed"],
                                               "reflow": ["passed", "skipped"], "html": ["passed", "passed"]}))
    rows = dict(re.findall(r"^\| (.+?) \| (.+?) \|$", text, re.M))
    assert rows[STATEMENT.ROWS["keyboard"]] == "合格（1件）"
    assert rows[STATEMENT.ROWS["focus"]] == "不合格（3件中1件）"
    assert rows[STATEMENT.ROWS["reflow"]] == "実施せず（2件中1件）"
    assert rows[STATEMENT.ROWS["html"]] == "合格（2件）"


def test_a_row_without_any_test_result_stops_the_build():
    with pytest.raises(Abort) as stopped:
        STATEMENT.results_markdown(results({"keyboard": ["passed"], "focus": ["passed"], "reflow": ["passed"]}))
    assert "'html'" in str(stopped.value) and '@pytest.mark.accessibility(' in str(stopped.value)


def test_results_written_before_rows_were_marked_count_as_none(tmp_path):
    old = {**results({}), "version": 1, "tests": [{"id": "tests/browser/test_html_valid.py::test_x", "outcome": "passed"}]}
    path = tmp_path / "accessibility.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert STATEMENT.load_results(path) is None


def test_every_row_is_marked_on_a_browser_test():
    marked = set()
    for path in (ROOT / "tests" / "browser").glob("test_*.py"):
        marked.update(re.findall(r'^@pytest\.mark\.accessibility\("([a-z]+)"\)$', path.read_text(encoding="utf-8"), re.M))
    assert marked == set(STATEMENT.ROWS)
