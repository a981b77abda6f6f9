"""Browser tests: the built site (site/) served on 127.0.0.1, driven in Debian's headless Chromium.

Playwright's own browser download is not reachable, so the tests drive the system Chromium
(`make browser` installs it). Each server serves the built site as a static host would.
"""
from __future__ import annotations

import functools
import json
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


# Waits are not timings: on a loaded two-core machine one Python step can take longer than
# Playwright's default 30 s, so every wait gets the same minute that wait_ready gives start-up.
@pytest.fixture
def context(context):
    context.set_default_timeout(60_000)
    return context


def wait_ready(page, timeout_ms: int = 60000) -> None:
    page.wait_for_selector("#checker[data-state='ready'], #checker[data-state='error']", timeout=timeout_ms)
    state = page.get_attribute("#checker", "data-state")
    assert state == "ready", page.inner_text("[data-checker-status]")


# ---------------------------------------------------------------------------------------------
# Accessibility results: what the axe checks found, and how the other accessibility tests
# ended, written to build/out/accessibility.json at the end of the run. The MkDocs hook
# build/hooks/accessibility.py turns that file into the 試験結果 section of about/accessibility.md.

A11Y_RESULTS = ROOT / "build" / "out" / "accessibility.json"
# Tests whose outcome the statement reports besides axe (keyboard, 320 px and zoom, HTML validation).
A11Y_TEST_FILES = ("test_accessibility.py", "test_a11y_checker.py", "test_html_valid.py", "test_checker_flow.py")


class AxeRecord:
    """Every axe run of the session: which page or checker state, which rules ran, what failed."""

    def __init__(self) -> None:
        self.version = ""
        self.rules: set[str] = set()
        self.tags: list[str] = []
        self.runs: list[dict] = []
        self.tests: dict[str, str] = {}
        self.validator: dict = {}   # the HTML validator's name, version and what it ignored

    def add(self, kind: str, name: str, results: dict, tags: list[str], scope: str = "page") -> None:
        """`scope`: "page" when axe checked the whole page, else the CSS selector it was limited to."""
        self.version = results.get("testEngine", {}).get("version", self.version)
        self.tags = tags
        for group in ("passes", "violations", "incomplete", "inapplicable"):
            self.rules.update(rule["id"] for rule in results.get(group, []))
        self.runs.append({"kind": kind, "name": name, "scope": scope,
                          "violations": sum(len(v["nodes"]) for v in results.get("violations", [])),
                          "rules_violated": sorted(v["id"] for v in results.get("violations", []))})

    def write(self, path: Path) -> None:
        from datetime import datetime, timedelta, timezone

        jst = timezone(timedelta(hours=9))
        data = {
            "format": "accessibility-results", "version": 1,
            "date": datetime.now(jst).isoformat(timespec="seconds"),
            "axe_core": self.version, "tags": self.tags,
            "rules": len(self.rules), "rule_ids": sorted(self.rules),
            "pages": [r for r in self.runs if r["kind"] == "page"],
            "states": [r for r in self.runs if r["kind"] == "state"],
            "tests": [{"id": k, "outcome": v} for k, v in sorted(self.tests.items())],
            "validator": self.validator,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


AXE_RECORD = AxeRecord()


@pytest.fixture(scope="session")
def axe_record() -> AxeRecord:
    return AXE_RECORD


def pytest_runtest_logreport(report):
    if Path(report.fspath).name not in A11Y_TEST_FILES:
        return
    # A test passes only if its setup, call and teardown all passed; a skip is reported as such.
    if report.when == "call" or report.outcome != "passed":
        previous = AXE_RECORD.tests.get(report.nodeid)
        if previous in (None, "passed"):
            AXE_RECORD.tests[report.nodeid] = report.outcome


def pytest_sessionfinish(session, exitstatus):
    # Only a run that checked both the pages and the checker's states writes results: a run of
    # one file or a few tests leaves the last full results in place.
    kinds = {run["kind"] for run in AXE_RECORD.runs}
    if {"page", "state"} <= kinds:
        AXE_RECORD.write(A11Y_RESULTS)
