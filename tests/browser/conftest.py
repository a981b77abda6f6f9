"""Browser tests: the built site (site/) served on 127.0.0.1, driven in Debian's headless Chromium.

Playwright's own browser download is not reachable, so the tests drive the system Chromium
(`make browser` installs it). Each server serves the built site as a static host would.
"""
from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
SUBPATH = "/isa/anon-proposals/"


class QuietHandler(SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        # Serve the site under `prefix` only, as when the agency publishes it inside its own site.
        route = urlsplit(path).path
        if not route.startswith(self.prefix):
            return str(SITE / "__outside_the_prefix__")
        return super().translate_path("/" + route[len(self.prefix):])


def _serve(prefix: str):
    if not (SITE / "index.html").exists():
        pytest.exit("site/ is not built: run `make site` first", returncode=2)
    handler = type("Handler", (QuietHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@pytest.fixture(scope="session")
def base_url():
    server, url = _serve("/")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def subpath_url():
    server, url = _serve(SUBPATH)
    yield url
    server.shutdown()


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.exit("Chromium is not installed: run `make browser` (Debian: apt-get install chromium)", returncode=2)
    return found


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        # As root Chromium needs --no-sandbox; the rest stop its own background traffic.
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ja-JP", "timezone_id": "Asia/Tokyo"}


def wait_ready(page, timeout_ms: int = 60000) -> None:
    page.wait_for_selector("#checker[data-state='ready'], #checker[data-state='error']", timeout=timeout_ms)
    state = page.get_attribute("#checker", "data-state")
    assert state == "ready", page.inner_text("[data-checker-status]")
