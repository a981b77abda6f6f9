"""MkDocs hook: a Content Security Policy on every page, as a <meta> element.

Only the site itself may be loaded. Scripts: files from the site, plus the theme's few inline
scripts, each allowed by its own sha256 (computed here, from the page as built), never by
'unsafe-inline' or 'unsafe-eval'. 'wasm-unsafe-eval' lets WebAssembly compile (Pyodide).
Styles keep 'unsafe-inline' because the theme sets style attributes from its JavaScript.

A <meta> policy binds the page only: the checker's worker takes its policy from the HTTP headers
of worker.mjs (none from a plain static host), and frame-ancestors works only as a header. So the
build also writes site/_headers (the format of Netlify and Cloudflare Pages): one header policy for
every file, allowing the inline scripts of every page, plus frame-ancestors 'self'. deploy/nginx.py
turns that same file into nginx's configuration, so the two hosts cannot send different policies.
"""
from __future__ import annotations

import base64
import hashlib
import re

from pathlib import Path

from mkdocs.exceptions import PluginError

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
SRC = re.compile(r"\ssrc\s*=", re.I)
TYPE = re.compile(r"""\stype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.I)
EXECUTABLE = {"", "module", "text/javascript", "application/javascript"}  # what a browser runs
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; worker-src 'self'; "
    "connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
# Only a header can say who may frame the page; a <meta> policy ignores this directive.
HEADER_ONLY = "frame-ancestors 'self'"
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
# Material's own files carry a hash of their content in their name (bundle.a5f9d56c.min.js):
# a new version has a new name, so a browser may keep them for good.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
IMMUTABLE = "public, max-age=31536000, immutable"
HEADERS_FILE = "_headers"

_seen_hashes: set[str] = set()  # every inline script's hash, over all pages of this build
_preview = {"on": False}


def policy_for(html: str) -> str:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs, body = match.group("attrs"), match.group("body")
        kind = TYPE.search(attrs)
        if SRC.search(attrs) or not body.strip() or (kind and kind["type"].lower() not in EXECUTABLE):
            continue  # external files are covered by 'self'; data blocks (JSON) are not executed
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    _seen_hashes.update(hashes)
    return POLICY.format(hashes=" ".join(sorted(set(hashes))))


def header_policy(hashes) -> str:
    """The policy for the Content-Security-Policy header: every page's scripts, and framing."""
    return POLICY.format(hashes=" ".join(sorted(hashes))) + "; " + HEADER_ONLY


def headers_file(hashes, fingerprinted) -> str:
    """site/_headers: the security headers on every path; long caching on fingerprinted files.

    Paths are from the site's root. Every other file keeps the host's default (Netlify and
    Cloudflare Pages revalidate), and no two rules set the same header, since Cloudflare joins
    the values of rules that overlap.
    """
    lines = ["# Written by the build (build/hooks/csp.py); deploy/nginx.py reads it. Do not edit.", "/*",
             f"  Content-Security-Policy: {header_policy(hashes)}"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    for path in fingerprinted:
        lines += ["", f"/{path}", f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def with_policy(html: str, name: str = "") -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    # The policy must come before any script, so it goes right after <head> and the charset.
    # A page whose <head> does not start that way would go out with no policy: stop the build.
    out, found = re.subn(r'(<head>\s*<meta charset="utf-8">)', lambda m: m.group(1) + "\n    " + meta, html, count=1)
    if not found:
        raise PluginError(f"csp hook: {name or 'a page'} has no <head><meta charset=\"utf-8\"> to put the policy after")
    return out


def on_startup(command, dirty):
    # `mkdocs serve` (make preview) adds its live-reload script to every page as it serves it, with
    # text that changes on each request: no hash can allow it, so the preview's pages go without
    # their <meta> policy. The published build (`mkdocs build`) always has it.
    _preview["on"] = command == "serve"


def on_pre_build(config):
    _seen_hashes.clear()


def on_post_page(output, page, config):
    return output if _preview["on"] else with_policy(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    if _preview["on"] or not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content, template_name)


def on_post_build(config):
    site = Path(config["site_dir"])
    fingerprinted = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if FINGERPRINTED.search(p.name))
    (site / HEADERS_FILE).write_text(headers_file(_seen_hashes, fingerprinted), encoding="utf-8")
