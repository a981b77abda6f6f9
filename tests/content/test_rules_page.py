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
