"""The built site served by real nginx, configured by deploy/nginx.py as a host would be, under a
sub-path, on a free loopback port; Debian's headless Chromium drives it.

A second server on another port is "another origin": it frames the site and answers fetches
(with CORS allowed, so that only the site's policy can stop them), counting what reaches it.
"""
from __future__ import annotations

import os
import shutil
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
PREFIX = "/isa/anon-proposals/"
sys.path.insert(0, str(ROOT / "deploy"))
import nginx  # noqa: E402  (deploy/nginx.py)


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """(base URL, nginx.conf) of nginx serving site/ under PREFIX."""
    if not (SITE / "_headers").exists():
        pytest.exit("site/ is not built: run `make site` first", returncode=2)
    try:
        nginx.nginx_binary()
    except FileNotFoundError as error:
        pytest.exit(f"{error}; `make nginx` installs it", returncode=2)
    with nginx.serve(SITE, PREFIX, workdir=tmp_path_factory.mktemp("nginx")) as (url, conf):
        yield url, conf


@pytest.fixture(scope="session")
def nginx_url(served) -> str:
    return served[0]


class Elsewhere(BaseHTTPRequestHandler):
    """Another origin: /frame?src=URL is a page that frames URL; anything else is a JSON body
    any origin may read. Every request is counted."""

    hits: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        type(self).hits.append(self.path)
        if self.path.startswith("/frame?src="):
            body = f'<!doctype html><title>frame</title><iframe src="{self.path[len("/frame?src="):]}"></iframe>'
            kind = "text/html"
        else:
            body, kind = '{"from": "another origin"}', "application/json"
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="session")
def elsewhere():
    """(base URL, list of paths requested) of the other origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Elsewhere)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", Elsewhere.hits
    server.shutdown()


# The same Chromium set-up as tests/browser/conftest.py (each folder's conftest is its own module).
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.exit("Chromium is not installed: run `make browser` (Debian: apt-get install chromium)", returncode=2)
    return {**browser_type_launch_args, "executable_path": found,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ja-JP", "timezone_id": "Asia/Tokyo"}


def wait_ready(page, timeout_ms: int = 90000) -> None:
    page.wait_for_selector("#checker[data-state='ready'], #checker[data-state='error']", timeout=timeout_ms)
    state = page.get_attribute("#checker", "data-state")
    assert state == "ready", page.inner_text("[data-checker-status]")
