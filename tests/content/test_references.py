"""The texts a citation on the checker opens in place (build/hooks/references.py): cut from the built
law and notice pages, one for each anchor a citation can name, each the site's own text; plain
structure only (no script, no style, no id), every link to a new tab and right from the checker page;
every citation the checker can make finds its text."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from proposal_checker.call import packaged_call
from proposal_checker.citations import citation_href
from proposal_checker.questions import QUESTIONS
from proposal_checker.rules import all_rules
from proposal_checker.rules.disqualification import BASIS, SUMMARY_BASIS

from conftest import source_text

ALLOWED = {"p", "ul", "ol", "li", "strong", "em", "b", "i", "br", "table", "thead", "tbody", "tr", "th", "td", "a",
           "blockquote", "dl", "dt", "dd", "code", "sup", "sub", "span", "h3", "h4", "h5", "h6"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def texts(site) -> dict:
    return json.loads((site / "assets" / "checker" / "references.json").read_text(encoding="utf-8"))


def test_each_text_is_plain_and_its_links_open_elsewhere(site):
    for key, entry in texts(site).items():
        assert entry["title"] and entry["page"] and entry["html"], key
        tags = Tags()
        tags.feed(entry["html"])
        for tag, attrs in tags.found:
            assert tag in ALLOWED, (key, tag)
            if tag == "a":
                assert set(attrs) == {"href", "target", "rel"} and attrs["target"] == "_blank", (key, attrs)
                assert attrs["rel"] == "noopener" and not attrs["href"].lower().startswith("javascript:")
                # From the checker page (checker/): back to the site's root, or another host's page.
                assert re.match(r"^(https?://|\.\./)", attrs["href"]), (key, attrs["href"])
            elif tag == "span":
                assert attrs == {"class": "nowrap"}, (key, attrs)
            else:
                assert attrs == {}, (key, tag, attrs)


def test_each_text_is_the_sites_own_text_of_that_section(site):
    pages = {page: source_text((site / page / "index.html").read_text(encoding="utf-8")).replace(" ", "")
             for page in ("law/", "call/")}
    found = texts(site)
    assert {"law/#art-113", "law/#art-114", "law/#rule-62", "call/#s3", "call/#s5-2", "call/#s6"} <= set(found)
    for key, entry in found.items():
        text = source_text(entry["html"]).replace(" ", "")
        assert text and text in pages[key.split("#")[0]], key
    assert "前条第一項の提案をすることができない" in found["law/#art-113"]["html"]
    assert found["law/#art-113"]["title"] == "第百十三条（欠格事由）"
    # A paragraph of an article stays a paragraph: 第114条 has its three, numbered.
    assert re.match(r"^<ol>\s*<li>", found["law/#art-114"]["html"])
    assert found["law/#art-114"]["html"].count("<ol>") == 1


def test_every_citation_the_checker_makes_finds_its_text(site):
    call = packaged_call()
    cited = {b for r in all_rules() for b in r.basis}
    cited |= {b for d in call.documents for b in d.basis}
    cited |= {b for q in QUESTIONS.values() for b in q.basis}
    cited |= {b for basis in BASIS.values() for b in basis} | set(SUMMARY_BASIS)
    targets = {citation_href(b) for b in cited} - {None}
    assert targets and not targets - set(texts(site)), sorted(targets - set(texts(site)))


def test_the_checker_page_carries_none_of_the_texts(site):
    page = (site / "checker" / "index.html").read_text(encoding="utf-8")
    assert "前条第一項の提案をすることができない" not in page
