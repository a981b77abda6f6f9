"""The shipped configurations: nginx accepts its own, the CDN's _headers and nginx send the same
policy, that policy is the pages' own plus frame-ancestors, and every kind of file goes out with
the security headers, its right type, compression and caching."""
from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request

import pytest

from conftest import PREFIX, SITE, nginx

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
HASH = re.compile(r" 'sha256-[A-Za-z0-9+/=]+'")


def headers_policy() -> str:
    rules = nginx.parse_headers((SITE / "_headers").read_text(encoding="utf-8"))
    return dict(rules["/*"])["Content-Security-Policy"]


def get(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_nginx_accepts_the_generated_configuration(served):
    tested = nginx.check(served[1])
    assert tested.returncode == 0, tested.stderr
    assert "test is successful" in tested.stderr


def test_nginx_sends_the_policy_of_the_headers_file(served):
    conf = served[1].read_text()
    sent = set(re.findall(r'add_header Content-Security-Policy "([^"]*)" always;', conf))
    assert sent == {headers_policy()}
    assert len(re.findall(r"add_header Content-Security-Policy", conf)) == len(re.findall(r"^\s*location [^{]*\{\s*$", conf, re.M))


def test_header_policy_is_the_pages_policy_with_frame_ancestors():
    header = headers_policy()
    pages = [META.search(p.read_text(encoding="utf-8")).group(1) for p in SITE.rglob("*.html")]
    # The same directives as every page, with every page's script hashes (and no others) ...
    assert set(HASH.findall(header)) == {h for page in pages for h in HASH.findall(page)} != set()
    assert HASH.sub("", header) == HASH.sub("", pages[0]) + "; frame-ancestors 'self'"
    # ... and nothing that would let injected code run.
    assert "'unsafe-eval'" not in header and "'unsafe-inline'" not in header.split("script-src")[1].split(";")[0]


# One file of each kind the site serves: (path under the site, Content-Type, compressed, cached for good).
def _first(pattern: str) -> str:
    found = sorted(SITE.glob(pattern))
    assert found, f"site/ has no {pattern}"
    return found[0].relative_to(SITE).as_posix()


KINDS = [
    ("", "text/html; charset=utf-8", True, False),
    ("checker/", "text/html; charset=utf-8", True, False),
    (lambda: _first("assets/stylesheets/main.*.min.css"), "text/css; charset=utf-8", True, True),
    (lambda: _first("assets/javascripts/bundle.*.min.js"), "text/javascript; charset=utf-8", True, True),
    ("assets/stylesheets/site.css", "text/css; charset=utf-8", True, False),
    ("assets/checker/worker.mjs", "text/javascript; charset=utf-8", None, False),
    ("pyodide/pyodide.asm.wasm", "application/wasm", True, False),
    ("pyodide/python_stdlib.zip", "application/zip", False, False),
    (lambda: _first("pyodide/*.whl"), "application/zip", False, False),
    ("pyodide/pyodide-lock.json", "application/json; charset=utf-8", None, False),
    ("search/search_index.json", "application/json; charset=utf-8", True, False),
    ("assets/images/favicon.png", "image/png", False, False),
    ("sitemap.xml", "application/xml", None, False),
]


@pytest.mark.parametrize("path, content_type, compressed, immutable", KINDS,
                         ids=[k[0] if isinstance(k[0], str) else k[1] for k in KINDS])
def test_every_kind_of_file_has_its_headers(nginx_url, path, content_type, compressed, immutable):
    path = path() if callable(path) else path
    status, headers, body = get(nginx_url + path)
    assert status == 200
    assert headers["Content-Security-Policy"] == headers_policy()
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Content-Type"] == content_type
    if compressed is not None:  # None: small files, sent as they are
        assert (headers["Content-Encoding"] == "gzip") is compressed
    if headers["Content-Encoding"] == "gzip":
        body = gzip.decompress(body)
    on_disk = SITE / path / "index.html" if path.endswith("/") or not path else SITE / path
    assert body == on_disk.read_bytes()
    if immutable:
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    else:  # kept, but checked with the server before each use (ETag)
        assert headers["Cache-Control"] == "no-cache" and headers["ETag"]


def test_the_build_writes_gzip_copies_of_text_and_webassembly():
    for path in ("index.html", "pyodide/pyodide.asm.wasm", "pyodide/pyodide.asm.mjs", "search/search_index.json"):
        packed = (SITE / (path + ".gz")).read_bytes()
        assert gzip.decompress(packed) == (SITE / path).read_bytes(), path
    assert not (SITE / "pyodide/python_stdlib.zip.gz").exists()  # a zip does not shrink


def test_missing_page_is_the_themes_404_with_its_headers(nginx_url):
    status, headers, body = get(nginx_url + "no/such/page/", gzip_ok=False)
    assert status == 404
    assert headers["Content-Security-Policy"] == headers_policy()
    html = body.decode()
    assert "<h1>404 - Not found</h1>" in html
    # Its links lead into the sub-path, not to the host's root.
    assert re.findall(r'(?:href|src)="(/[^"]*)"', html)
    assert all(link.startswith(PREFIX) for link in re.findall(r'(?:href|src)="(/[^"]*)"', html))


def test_the_headers_file_is_not_served_and_the_bare_sub_path_redirects(nginx_url):
    assert get(nginx_url + "_headers")[0] == 404
    status, headers, _ = get(nginx_url.rstrip("/"))  # urllib follows the redirect
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"


def test_a_bad_prefix_or_site_is_named_not_a_traceback(capsys, tmp_path):
    assert nginx.main(["--site", str(SITE), "--prefix", "isa"]) == 2
    assert "--prefix must start and end with '/': 'isa'" in capsys.readouterr().err
    assert nginx.main(["--site", str(tmp_path)]) == 2
    assert "_headers" in capsys.readouterr().err  # an unbuilt site: the file it needs is named


def test_the_printed_server_block_is_the_one_served(served):
    block = nginx.server_block(SITE, PREFIX, "443", "example.go.jp")
    served_conf = served[1].read_text()
    strip = lambda text: [line.strip() for line in text.splitlines() if not line.strip().startswith(("listen", "server_name"))]
    assert strip(block) and all(line in strip(served_conf) for line in strip(block))
