"""What the site's search holds, where the staff page is linked, and units kept on one line:
read from the built site (the browser side is tests/browser/test_period_search_phone.py)."""
from __future__ import annotations

import json
import posixpath
import re
import sys

import calldata
from conftest import ROOT, built_pages
from proposal_checker.dates import WEEKDAYS_JA, era_year, format_time

sys.path.insert(0, str(ROOT / "build" / "hooks"))
from keep_together import keep_together  # noqa: E402
from search_synonyms import load_table  # noqa: E402

STAFF = "about/staff/"


def search_index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_staff_page_is_built_but_out_of_search_and_navigation(site):
    assert (site / STAFF / "index.html").exists()
    assert not [d["location"] for d in search_index(site)["docs"] if d["location"].startswith(STAFF)]
    for page in built_pages(site):
        if page.name == "404.html":
            continue  # served at any depth, so its links are from the root
        source = page.read_text(encoding="utf-8")
        here = page.parent.relative_to(site).as_posix()
        to_staff = [h for h in re.findall(r'href="([^"#]*)"', source)
                    if posixpath.normpath(posixpath.join(here, h)) + "/" == STAFF]
        navs = "".join(re.findall(r'<nav class="md-nav.*?</nav>', source, flags=re.S))
        assert not any(f'href="{h}"' in navs for h in to_staff), f"{page}: the staff page is in the navigation"
        footer = source[source.index('<footer class="md-footer">'):]
        assert any(f'<a href="{h}" class="md-copyright__staff">' in footer for h in to_staff), page


def _expected_synonyms(entry: dict, table: dict[str, list[str]]) -> set[str]:
    return {s for word, synonyms in table.items() if word in entry["title"] or word in entry["text"] for s in synonyms}


def test_sections_about_the_deadline_carry_the_synonyms(site):
    table = load_table()
    docs = search_index(site)["docs"]
    with_word = [d for d in docs if "締切" in d["title"] or "締切" in d["text"]]
    assert len(with_word) >= 5
    for entry in with_word:
        assert set(entry["synonyms"].split()) >= {"締め切り", "期限", "〆切"}, entry["location"]
    # Every entry carries exactly the synonyms of the table's words it contains, and no other entry any.
    for entry in docs:
        expected = _expected_synonyms(entry, table)
        assert set(entry.get("synonyms", "").split()) == expected, entry["location"]
    # The search is told to index the field.
    assert "synonyms" in search_index(site)["config"]["fields"]


def test_the_faq_on_extending_or_changing_is_found_by_the_words_visitors_type(site):
    # The FAQ says 「延ばしたり」「変えたり」; visitors type 延長, 更新, 継続, 変更.
    (entry,) = [d for d in search_index(site)["docs"] if d["location"] == "guide/faq/#q-change"]
    assert {"延長", "更新", "継続", "変更"} <= set(entry["synonyms"].split())


def test_the_fee_answer_gives_how_it_is_set_and_the_former_amounts_labelled_as_such(site):
    source = (site / "guide" / "faq" / "index.html").read_text(encoding="utf-8")
    answer = re.sub(r"<[^>]+>", "", source[source.index('id="q-fee"'):source.index('id="q-costs"')])
    assert "実費を勘案して政令で定める額" in answer and "施行令第31条" in answer
    # The former order's figures, said to be the former system's and not today's.
    for figure in ("21,000円", "3,950円", "210円"):
        assert figure in answer
    assert "以前の制度の金額です。今の金額ではありません" in answer
    assert "連絡先" in answer


def test_citations_counts_dates_and_times_are_kept_on_one_line(site):
    call = calldata.load(ROOT / "docs" / "call.toml")
    closes = call.closes
    source = (site / "index.html").read_text(encoding="utf-8")
    units = (f"{closes.year}年（{era_year(closes)}）", f"{closes.month}月{closes.day}日（{WEEKDAYS_JA[closes.weekday()]}）",
             format_time(call.closes_at), f"{call.copies}部", f"〒{call.postal_code}", call.telephone)
    for unit in units:
        assert f'<span class="nowrap">{unit}</span>' in source, unit
    call_page = (site / "call" / "index.html").read_text(encoding="utf-8")
    for unit in ("法第113条", "法第118条第1項", "法第60条第3項第2号", f"{call.certificate_months}か月"):
        assert f'<span class="nowrap">{unit}</span>' in call_page, unit
    submit_page = (site / "guide" / "submit" / "index.html").read_text(encoding="utf-8")
    assert '<span class="nowrap">公示5(2)</span>' in submit_page


def test_only_text_is_wrapped_never_markup_or_code():
    html = ('<p title="第3条">法第114条第1項第2号と<a href="#第1条">2部</a></p>'
            '<pre><code>第3条 2部</code></pre><script>var a = "3月13日";</script><p>3月1日（日）</p>')
    assert keep_together(html) == (
        '<p title="第3条"><span class="nowrap">法第114条第1項第2号</span>と<a href="#第1条">'
        '<span class="nowrap">2部</span></a></p><pre><code>第3条 2部</code></pre>'
        '<script>var a = "3月13日";</script><p><span class="nowrap">3月1日（日）</span></p>')
