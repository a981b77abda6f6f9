"""MkDocs hook: the texts a citation in the checker opens in place, taken from the built pages.

A legal reference on the checker (法第113条第4号, 公示5(2)（注1）) must not leave the page: the answers
live only there. So the checker shows the article or the notice's section in a dialog
(docs/assets/checker/references.js), from one file the build writes here, REFERENCES, fetched from
the same site the first time a reference is opened (the checker page carries none of it).

The texts are cut from the built law and notice pages (the site's own copies, so they cannot
disagree): for each anchor ``citations.citation_href`` can name (art-N and rule-N on the law page, sN
and sN-M on the notice page), its heading and everything up to the next heading of the same or a
higher level. What is kept is plain structure: paragraphs, lists, tables, emphasis and links. Every
link opens in a new tab (a link in the dialog must not leave the checker either), relative links are
made relative to the checker page, and classes, ids, styles and anything else are dropped (the page's
policy allows no inline style).
"""
from __future__ import annotations

import json
import posixpath
import re
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "checker" / "src"))

from proposal_checker.citations import citation_href  # noqa: E402

# Where the checker page is, and where the texts are written (beside the checker's script, which
# fetches them as ./references.json).
CHECKER_PAGE = "checker/"
REFERENCES = "assets/checker/references.json"
# The pages that hold the texts, and the anchors cited on each (what citation_href gives).
SOURCES = {"law/": re.compile(r"^(?:art|rule)-\d+$"), "call/": re.compile(r"^s\d+(?:-\d+)?$")}

KEEP = {"p", "ul", "ol", "li", "strong", "em", "b", "i", "br", "table", "thead", "tbody", "tr", "th", "td",
        "a", "blockquote", "dl", "dt", "dd", "code", "sup", "sub", "span"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
DROP = {"script", "style", "template", "svg", "button", "form", "nav"}  # with everything inside


class _Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: "_Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list["_Node | str"] = []


class _Tree(HTMLParser):
    """The page as a tree of elements and text (html.parser, leniently closed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.here = _Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.here)
        self.here.children.append(node)
        if tag not in VOID:
            self.here = node

    def handle_startendtag(self, tag, attrs):
        self.here.children.append(_Node(tag, {k: v or "" for k, v in attrs}, self.here))

    def handle_endtag(self, tag):
        node = self.here
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.here = node.parent

    def handle_data(self, data):
        self.here.children.append(data)


def _walk(node: _Node):
    for child in node.children:
        if isinstance(child, _Node):
            yield child
            yield from _walk(child)


def _text(node: "_Node | str") -> str:
    if isinstance(node, str):
        return node
    if node.tag in DROP or "headerlink" in node.attrs.get("class", ""):
        return ""
    return "".join(_text(c) for c in node.children)


class _Writer:
    """Plain, safe HTML of a part of a page, for the dialog."""

    def __init__(self, page: str, shift: int):
        self.page, self.shift = page, shift

    def href(self, href: str) -> str | None:
        """The link as the checker page must write it, or None to drop it (a script's)."""
        if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
            return href if re.match(r"^(https?|mailto|tel):", href, re.I) else None
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(self.page, path)) if path else self.page
        folder = not path or path.endswith("/")
        relative = posixpath.relpath(target, CHECKER_PAGE) + ("/" if folder else "")
        return relative + (f"#{fragment}" if fragment else "")

    def write(self, node: "_Node | str") -> str:
        if isinstance(node, str):
            return escape(node, quote=False)
        if node.tag in DROP or "headerlink" in node.attrs.get("class", ""):
            return ""
        inner = "".join(self.write(c) for c in node.children)
        if node.tag in HEADINGS:
            level = min(6, int(node.tag[1]) - self.shift)
            return f"<h{level}>{escape(_text(node).strip(), quote=False)}</h{level}>"
        if node.tag == "a":
            href = self.href(node.attrs.get("href", ""))
            if href is None:
                return inner
            return f'<a href="{escape(href)}" target="_blank" rel="noopener">{inner}</a>'
        if node.tag == "span" and "nowrap" in node.attrs.get("class", "").split():
            return f'<span class="nowrap">{inner}</span>'
        if node.tag not in KEEP or node.tag == "span":
            return inner
        if node.tag in VOID:
            return f"<{node.tag}>"
        return f"<{node.tag}>{inner}</{node.tag}>"


def sections(html: str, page: str, anchors: re.Pattern) -> dict[str, dict[str, str]]:
    """Each anchored heading of ``html`` (the built page at ``page``, e.g. "law/") whose id matches
    ``anchors``: its title and the HTML up to the next heading of its level or higher."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    out = {}
    for node in _walk(tree.root):
        if node.tag not in HEADINGS or not anchors.match(node.attrs.get("id", "")):
            continue
        level = int(node.tag[1])
        siblings = node.parent.children
        parts = []
        for sibling in siblings[siblings.index(node) + 1:]:
            if isinstance(sibling, _Node) and sibling.tag in HEADINGS and int(sibling.tag[1]) <= level:
                break
            parts.append(sibling)
        # The dialog's title is its h2: the section's subheadings follow from h3.
        writer = _Writer(page, shift=level - 2)
        body = "".join(writer.write(p) for p in parts).strip()
        out[f"{page}#{node.attrs['id']}"] = {"title": " ".join(_text(node).split()), "html": body}
    return out


def _page_heading(html: str) -> str:
    """The page's own heading (its h1), as the dialog names the page a text comes from."""
    tree = _Tree()
    tree.feed(html)
    first = next((n for n in _walk(tree.root) if n.tag == "h1"), None)
    return " ".join(_text(first).split()) if first is not None else ""


def references(site: Path) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for page, anchors in SOURCES.items():
        built = site / page / "index.html"
        if not built.exists():
            raise PluginError(f"references: {page}index.html was not built")
        html = built.read_text(encoding="utf-8")
        texts = sections(html, page, anchors)
        heading = _page_heading(html)
        for value in texts.values():
            value["page"] = heading
        found.update(texts)
    return found


def check(found: dict[str, dict[str, str]], cited: list[str]) -> None:
    """Every citation the checker makes must find its text: the build stops naming the first that does not."""
    for basis in cited:
        target = citation_href(basis)
        if target is not None and target not in found:
            raise PluginError(f"references: 「{basis}」 points to {target}, which the built pages do not hold")
    empty = [key for key, value in found.items() if not value["html"]]
    if empty:
        raise PluginError(f"references: no text under {', '.join(empty)}")


def cited_by_checker() -> list[str]:
    """Every citation the checker's rules and documents name (their basis)."""
    from proposal_checker.call import packaged_call
    from proposal_checker.rules import all_rules
    out = [b for r in all_rules() for b in r.basis]
    out += [b for d in packaged_call().documents for b in d.basis]
    return out


def on_post_build(config):
    site = Path(config["site_dir"])
    found = references(site)
    check(found, cited_by_checker())
    target = site / REFERENCES
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(found, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
