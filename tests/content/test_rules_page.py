"""The page that lists the rules the checker applies, read from the built site: it shows exactly
the registered rules, each basis linked to the quoted law or notice on this site."""
from __future__ import annotations

import html
import posixpath
import re

from proposal_checker.citations import citation_href
from proposal_checker.rules import all_rules

PAGE = "checker/rules/"


def test_the_rules_page_lists_exactly_the_registered_rules(site):
    source = (site / PAGE / "index.html").read_text(encoding="utf-8")
    assert "<!-- checker-rules -->" not in source
    listed = re.findall(r'<li class="checker-static-item" id="rule-([^"]+)"', source)
    assert listed == [r.id for r in all_rules()]
    for r in all_rules():
        assert html.escape(r.title) in source and html.escape(r.explain) in source


def test_each_basis_links_to_a_built_page_with_its_anchor(site):
    source = (site / PAGE / "index.html").read_text(encoding="utf-8")
    for r in all_rules():
        for basis in r.basis:
            href = citation_href(basis)
            if href is None:
                continue
            assert f'href="../../{html.escape(href)}"' in source, basis
            path, anchor = href.split("#")
            target = (site / posixpath.normpath(path) / "index.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in target, basis


def test_the_checker_page_links_to_the_rules_page(site):
    source = (site / "checker" / "index.html").read_text(encoding="utf-8")
    assert 'href="rules/"' in source


def test_a_rule_for_one_kind_of_proposal_says_which(site):
    source = (site / PAGE / "index.html").read_text(encoding="utf-8")
    items = {r.id: source.split(f'id="rule-{r.id}"')[1].split("</li>")[0] for r in all_rules()}
    for r in all_rules():
        assert ("確かめるとき：" in items[r.id]) is bool(r.scope), r.id
    # 法第118条第2項: no 本人の数 and no processing method for a product already made.
    assert "確かめるとき：新たな作成の提案（法第112条）の場合" in items["population"]
    assert "確かめるとき：作成済みの匿名加工情報の利用の提案（法第118条）の場合" in items["product"]
