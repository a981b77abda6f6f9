"""The built HTML, and the HTML the checker renders in the browser, is valid (Nu Html Checker, vnu).

Valid markup is what assistive technologies parse reliably (JIS X 8341-3 / WCAG 4.1.1). vnu comes
from the pinned npm package vnu-jar and runs on the installed Java; only errors are reported.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from answer_files import FAIL_CORPORATION_POST, REVIEW_ORGANISATION
from conftest import ROOT, SITE
from driver import BODY, load_file, press, title, write_answers

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors in the theme's own markup (mkdocs-material), not in ours: (message pattern, pattern of
# the flagged markup, why it is left alone). Each must match both to be ignored.
THEME_MARKUP = [
    (r"^Attribute “autocomplete” is only allowed when the input type is",
     r'^<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
     "Material's hidden state toggles (menu drawer, search) are checkboxes with autocomplete=\"off\", "
     "so that Firefox does not restore them on reload; never shown or announced (display: none)."),
    (r"^Bad value “” for attribute “tabindex” on element “label”",
     r'^<label class="md-nav__link" for="__nav_\d+" id="__nav_\d+_label" tabindex="">',
     "Material's navigation section labels (navigation.sections) carry an empty tabindex, which "
     "browsers ignore: the label stays out of the tab order as intended."),
]


def vnu(paths: list[Path], record=None) -> list[dict]:
    if shutil.which("java") is None:
        pytest.skip("Java is not installed: the HTML validator (vnu-jar) needs it (Debian: apt-get install default-jre-headless)")
    if not VNU.exists():
        pytest.fail("node_modules/vnu-jar is missing: run `make deps` (npm ci)")
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
                         capture_output=True, text=True, timeout=300)
    # vnu writes its JSON report to stderr; exit 1 only means "there were errors".
    report = json.loads(run.stderr or run.stdout)
    if record is not None:
        ignored = sum(1 for m in report["messages"] if is_theme_markup(m))
        record.validator.update(name="Nu Html Checker (vnu)", version=report.get("version", ""),
                                ignored=record.validator.get("ignored", 0) + ignored,
                                documents=record.validator.get("documents", 0) + len(paths))
    return report["messages"]


def flagged(message: dict) -> str:
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    return extract[start:start + message.get("hiliteLength", len(extract))]


def is_theme_markup(message: dict) -> bool:
    return any(re.search(text, message.get("message", "")) and re.search(markup, flagged(message))
               for text, markup, _ in THEME_MARKUP)


def errors(messages: list[dict], root: Path) -> list[str]:
    out = []
    for m in messages:
        if m.get("type") == "info" or is_theme_markup(m):
            continue
        where = m.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
        out.append(f"{where}:{m.get('lastLine', '?')}: {m.get('message')} [{flagged(m)[:120]}]")
    return out


@pytest.mark.accessibility("html")
def test_every_built_page_is_valid_html(axe_record):
    pages = sorted(SITE.rglob("*.html"))
    assert len(pages) >= 15
    messages = vnu(pages, axe_record)
    assert errors(messages, SITE) == []
    # The filters still match something: when the theme fixes its markup, drop them.
    assert all(any(re.search(t, m["message"]) and re.search(k, flagged(m)) for m in messages)
               for t, k, _ in THEME_MARKUP), "a theme-markup filter no longer matches anything: remove it"


DOCUMENT = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main>{checker}</main></body></html>
"""


@pytest.mark.accessibility("html")
def test_the_checkers_rendered_states_are_valid_html(checker, tmp_path, axe_record):
    """The checker section as the browser holds it after Python rendered each state, as documents."""
    page = checker
    states: dict[str, str] = {}

    def keep(name: str) -> None:
        states[name] = page.evaluate("document.getElementById('checker').outerHTML")

    def load(answers, name: str = "answers.json") -> None:
        load_file(page, write_answers(tmp_path / name, answers))

    keep("start")
    press(page, "next")
    press(page, "next")  # nothing chosen: the error summary
    keep("error-summary")
    load("{not json", "bad.json")
    keep("bad-file")
    load(FAIL_CORPORATION_POST)
    keep("review")
    press(page, "result")
    keep("result-fail")
    press(page, "back")
    while title(page) != "はじめに":
        press(page, "back")
        if page.locator(f"{BODY} form[data-live]").count():
            keep("step-" + re.sub(r"\W+", "-", title(page)))
    press(page, "next")
    press(page, "clear")
    keep("clear")
    press(page, "clear-cancel")
    load(REVIEW_ORGANISATION)
    press(page, "result")
    keep("result-review")
    assert len(states) >= 14, list(states)
    folder = tmp_path / "states"
    folder.mkdir()
    paths = []
    for name, html in states.items():
        path = folder / f"{name}.html"
        path.write_text(DOCUMENT.format(title=escape(name), checker=html), encoding="utf-8")
        paths.append(path)
    assert errors(vnu(paths, axe_record), folder) == []
