"""Every internal link and anchor of the built site resolves, the anchors other parts of the
project link to exist, and no page loads anything from another host."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import built_pages


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.ids.add(value)
            if name in ("href", "src") or (name == "content" and tag == "meta" and value.startswith("http")):
                self.links.append((tag, name, value))


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def parsed(site):
    return {page: parse(page) for page in built_pages(site)}


def target_of(site: Path, page: Path, href: str) -> Path | None:
    path = unquote(urlsplit(href).path)
    if not path:
        return page
    # Root-relative links appear only in 404.html, which MkDocs writes for a site at the root.
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


def test_internal_links_and_anchors_resolve(site, parsed):
    problems = []
    for page, links in parsed.items():
        for tag, attr, value in links.links:
            parts = urlsplit(value)
            if parts.scheme or value.startswith("//") or value.startswith(("mailto:", "tel:", "data:")):
                continue
            target = target_of(site, page, value)
            name = page.relative_to(site)
            if not target.exists():
                problems.append(f"{name}: {attr}={value!r} points to a missing file")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{name}: {value!r}: no id {parts.fragment!r} in {target.relative_to(site)}")
    assert not problems, "\n".join(problems)


REQUIRED_ANCHORS = {
    "call/index.html": [f"s{n}" for n in range(1, 11)] + ["s5-1", "s5-2"],
    "law/index.html": ["art-44", "art-45", "art-46", "art-60", "art-74", "art-75"]
    + [f"art-{n}" for n in range(109, 124)] + ["rule-53", "rule-55", "rule-62"],
}


@pytest.mark.parametrize("page", REQUIRED_ANCHORS)
def test_the_anchors_other_pages_and_the_checker_link_to_exist(site, parsed, page):
    ids = parsed[site / page].ids
    missing = [a for a in REQUIRED_ANCHORS[page] if a not in ids]
    assert not missing, f"{page} lacks {missing}"


def test_no_page_loads_anything_from_another_host(site, parsed):
    """Links to other hosts are fine; scripts, styles, fonts, images and frames are not."""
    problems = []
    for page, links in parsed.items():
        for tag, attr, value in links.links:
            if tag == "a" or (tag == "link" and attr == "href" and "stylesheet" not in _rel(page, value)):
                continue
            if urlsplit(value).scheme in ("http", "https") or value.startswith("//"):
                problems.append(f"{page.relative_to(site)}: <{tag} {attr}={value!r}>")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8")):
            problems.append(f"{css.relative_to(site)}: url({url})")
    assert not problems, "\n".join(problems)


def _rel(page: Path, href: str) -> str:
    source = page.read_text(encoding="utf-8")
    match = re.search(r'<link\b[^>]*href="' + re.escape(href) + r'"[^>]*>', source)
    return match.group(0) if match else ""


def test_every_page_is_in_the_navigation(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for page in ["call/", "files/", "guide/", "guide/eligibility/", "guide/kinds/", "guide/documents/",
                 "guide/submit/", "guide/after/", "guide/duties/", "guide/timeline/", "guide/faq/",
                 "guide/glossary/", "checker/", "law/", "about/privacy/", "about/accessibility/",
                 "about/contact/", "data/", "about/staff/"]:
        assert f'href="{page}"' in index, page


def test_the_print_stylesheet_is_linked_and_sets_a4(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/stylesheets/print.css"' in index
    css = (site / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert "size: A4" in css and ".md-header" in css and "attr(href)" in css
