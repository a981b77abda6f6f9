"""MkDocs hook: a Content Security Policy on every page, as a <meta> element.

Only the site itself may be loaded. Scripts: files from the site, plus the theme's few inline
scripts, each allowed by its own sha256 (computed here, from the page as built), never by
'unsafe-inline' or 'unsafe-eval'. 'wasm-unsafe-eval' lets WebAssembly compile (Pyodide).
Styles keep 'unsafe-inline' because the theme sets style attributes from its JavaScript.

A <meta> policy binds the page only: the checker's worker takes its policy from the HTTP headers
of worker.mjs (none from a plain static host), and frame-ancestors works only as a header. A host
that can add headers should send this same policy as a Content-Security-Policy header too.
"""
from __future__ import annotations

import base64
import hashlib
import re

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


def policy_for(html: str) -> str:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs, body = match.group("attrs"), match.group("body")
        kind = TYPE.search(attrs)
        if SRC.search(attrs) or not body.strip() or (kind and kind["type"].lower() not in EXECUTABLE):
            continue  # external files are covered by 'self'; data blocks (JSON) are not executed
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return POLICY.format(hashes=" ".join(sorted(set(hashes))))


def with_policy(html: str, name: str = "") -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    # The policy must come before any script, so it goes right after <head> and the charset.
    # A page whose <head> does not start that way would go out with no policy: stop the build.
    out, found = re.subn(r'(<head>\s*<meta charset="utf-8">)', lambda m: m.group(1) + "\n    " + meta, html, count=1)
    if not found:
        raise PluginError(f"csp hook: {name or 'a page'} has no <head><meta charset=\"utf-8\"> to put the policy after")
    return out


def on_post_page(output, page, config):
    return with_policy(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    return with_policy(output_content, template_name) if template_name.endswith(".html") else output_content
