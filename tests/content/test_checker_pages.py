"""The checker page and its neighbours, read from the built site: the list for visitors without
JavaScript on a page of its own, linked from the checker page; the checker one tap from the menu;
the call's state at the top of the home page and of the checker page; the checker's script
holding no words of its own."""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import pytest

from conftest import ROOT, built_pages, compact, page_text

SCRIPTS = ROOT / "docs" / "assets"


@pytest.fixture(scope="module")
def call():
    import calldata
    return calldata.load(ROOT / "docs" / "call.toml")


def source(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


# -- the list of what a proposal needs, on its own page -------------------------------------------

def test_the_checker_page_carries_no_list_and_links_to_its_page_three_ways(site):
    checker = source(site, "checker")
    assert 'id="checklist"' not in checker and "checker-static" not in checker
    article = checker[checker.index("<article"):checker.index("</article>")]
    noscript = re.search(r"<noscript><p>(.*?)</p></noscript>", article, re.S).group(1)
    error = re.search(r"<p class=\"checker-error\" data-checker-error hidden>(.*?)</p>", article, re.S).group(1)
    section = article[article.index('<section id="checker"'):article.index("</section>")]
    text = article.replace(section, "")
    for where in (text, noscript, error):  # in the text, where no script runs, and when the checker fails
        assert 'href="checklist/"' in where, where


def test_the_list_page_has_every_part_of_the_list(site, call):
    page = source(site, "checker/checklist")
    assert "<!-- checker-checklist -->" not in page and 'id="checklist"' in page
    text = compact(page_text(site / "checker" / "checklist" / "index.html"))
    for heading in ("募集期間", "提案できない者（欠格事由）", "事前チェックで聞くこと", "事前チェックが確かめる要件",
                    "提出する書類", "提出の方法と提出先", "審査基準", "このあとの流れ"):
        assert heading in text
    assert compact(call.address) in text
    # One title: the page's; the list's own parts come under it.
    assert len(re.findall(r"<h1\b", page)) == 1
    assert "assets/checker/checker.css" in page  # its styles, without the checker's script
    assert "checker.js" not in page


# -- the menu ------------------------------------------------------------------------------------

def test_every_page_opens_the_checker_from_the_menu_in_one_tap(site):
    for page in built_pages(site):
        if page.name != "index.html" or "pyodide" in page.parts:
            continue
        nav = page.read_text(encoding="utf-8")
        nav = nav[nav.index("md-nav--primary"):]
        # 「事前チェック」 is a page of the menu's first level, not a section holding a second
        # 「事前チェック」: on a phone, one tap once the menu is open.
        assert not re.search(r'<label class="md-nav__link[^"]*" for="__nav_\d+"[^>]*>\s*<span class="md-ellipsis">\s*事前チェック\s*</span>', nav), page
        found = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*事前チェック\s*</span>', nav)
        here = str(page.parent.relative_to(site))
        assert [posixpath.normpath(posixpath.join(here, href)) for href in found] == ["checker"], (page, found)


def test_the_checker_page_links_to_its_rules_and_its_list_which_the_menu_leaves_out(site):
    checker = source(site, "checker")
    article = checker[checker.index("<article"):]
    assert 'href="rules/"' in article and 'href="checklist/"' in article


# -- the call's state ----------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["", "checker"])
def test_the_top_of_the_page_carries_the_calls_dates_and_a_note_for_each_state(site, call, page):
    built = source(site, page) if page else (site / "index.html").read_text(encoding="utf-8")
    article = built[built.index("<article"):]
    # Right under the page's title.
    assert re.search(r"</h1>\s*<div class=\"call-state\"", article)
    box = re.search(r'<div class="call-state"[^>]*data-call-opens="([^"]+)" data-call-deadline="([^"]+)">(.*?)</p></div>',
                    article, re.S)
    assert box.group(1) == call.opens.isoformat()
    assert box.group(2) == f"{call.closes.isoformat()}T{call.closes_at.strftime('%H:%M')}"
    notes = dict(re.findall(r'data-call-state="(\w+)"((?: hidden)?)>', box.group(3)))
    assert notes == {"any": "", "before": " hidden", "open": " hidden", "closed": " hidden"}
    # Not in the search index: the page's lasting text is, not four notes of which it shows one.
    import json
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [d["text"] for d in index["docs"] if d["location"].split("#")[0] == (page + "/" if page else "")]
    assert texts and not [t for t in texts if "この募集は終了しました" in t or "募集はまだ始まっていません" in t]
    # The script that picks the note is the site's own file.
    src = re.search(r'<script type="module" src="([^"]+call-state\.js)"></script>', article).group(1)
    assert (site / posixpath.normpath(posixpath.join(page, src))).is_file()


# -- the checker's script -------------------------------------------------------------------------

def code_of(path: Path) -> str:
    """A script without its comments."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"(^|\s)//.*$", "", text, flags=re.M)


JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("script", ["checker/checker.js", "checker/worker.mjs", "scripts/call-state.js"])
def test_the_pages_scripts_hold_no_japanese(script):
    found = JAPANESE.findall(code_of(SCRIPTS / script))
    assert not found, "".join(found)


def test_the_checker_script_uses_exactly_the_words_of_its_words_file(site):
    from proposal_checker import page_words

    used = set(re.findall(r'\bword\("(\w+)"', code_of(SCRIPTS / "checker" / "checker.js")))
    assert used == set(page_words.WORDS)
    # The page carries them, as the file has them.
    block = re.search(r'<script type="application/json" id="checker-opening">(.*?)</script>', source(site, "checker"), re.S)
    import json
    assert json.loads(block.group(1))["words"] == page_words.load()


def test_the_loading_lines_are_on_the_page_before_its_script_runs(site):
    from proposal_checker import page_words

    page = source(site, "checker")
    words = page_words.load()
    status = html.unescape(re.search(r"<p class=\"checker-status\" data-checker-status[^>]*>(.*?)</p>", page, re.S).group(1))
    plan = re.escape(words["plan"]).replace(r"\{size\}", r"[\d.]+")
    assert re.fullmatch(plan, status), status
    progress = re.search(r"<span data-checker-progress-text>(.*?)</span>", page).group(1)
    assert progress == page_words.fill(words["progress"], percent=0)
    smaller = html.unescape(re.search(r"data-checker-smaller>(.*?)</button>", page).group(1))
    assert re.fullmatch(re.escape(words["smaller"]).replace(r"\{size\}", r"[\d.]+"), smaller)
