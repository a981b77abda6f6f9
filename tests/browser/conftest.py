"""Browser tests: the built site (site/) served on 127.0.0.1, driven in Debian's headless Chromium.

Playwright's own browser download is not reachable, so the tests drive the system Chromium
(`make browser` installs it). Each server serves the built site as a static host would.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from driver import open_checker, reset_checker, wait_ready  # noqa: F401  (wait_ready: tests import it from here too)

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


# ---------------------------------------------------------------------------------------------
# One ready checker page per test module

DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # pytest-playwright's, as the `page` fixture has


@pytest.fixture(scope="module")
def shared_checker_page(browser, browser_context_args, base_url):
    """The checker page one test module shares (use the `checker` fixture, which resets it)."""
    context = browser.new_context(**{**browser_context_args, "viewport": DEFAULT_VIEWPORT})
    context.set_default_timeout(60_000)
    page = context.new_page()
    open_checker(page, base_url)
    yield page
    context.close()


@pytest.fixture
def checker(shared_checker_page, base_url):
    """A ready checker page on its start screen (はじめに) with nothing answered, shared by the tests
    of one module: Python starts once per module, not once per test.

    Before each test the page is reset with its own 「すべての回答を消去」 → 「消去する」 (Python then
    holds no answer and the page nothing unsaved), and goes back to 1280 × 720, screen media and
    the top. What a reset cannot undo, a test must not do to the shared page, or must undo itself:
    routes, init scripts, page.clock, added style tags, dialog handlers, window.print(). A test that
    leaves the checker (page.goto elsewhere) gets the page opened again for the next one.

    The start screen is Python's, not the one built into the page; its status line says
    「すべての回答を消去しました。」. A test about the first load, the start itself, its failures,
    the call's state at a given clock, or the browser's history keeps a fresh page (`page`, or a
    context of its own). Usage:

        def test_something(checker):
            start(checker)          # driver.py: はじめる
            fill_step(checker) ...
    """
    reset_checker(shared_checker_page, base_url, DEFAULT_VIEWPORT)
    return shared_checker_page


# ---------------------------------------------------------------------------------------------
# A phone: the profile of the phone reviews (390 × 844 CSS px, touch)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, browser_context_args):
    """A fresh page on the phone profile, for tests of the first load on a phone: each test starts
    Python itself, so keep this for tests whose subject is the start."""
    context = browser.new_context(**{**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True})
    context.set_default_timeout(60_000)
    yield context.new_page()
    context.close()


def site_pages() -> list[str]:
    """Every page of the built site, as its folder ("." for the home page)."""
    return sorted(str(p.relative_to(SITE).parent).replace("\\", "/") for p in SITE.rglob("index.html"))


# ---------------------------------------------------------------------------------------------
# Accessibility results: what the axe checks found, and how the tests that a row of the
# accessibility statement reports ended, written to build/out/accessibility.json at the end of
# the run. The MkDocs hook build/hooks/accessibility.py turns that file into the 試験結果 section
# of about/accessibility.md. A test counts for a row by its marker, never by its name:
#
#     @pytest.mark.accessibility("keyboard")      # a key of ROWS in build/hooks/accessibility.py
#
# What a test records travels on its report (user_properties), so that the process that writes the
# results has all of it, whether the tests ran in that process or in pytest-xdist's workers.

ROW, AXE_RUN, VALIDATOR = "accessibility_row", "axe_run", "html_validator"  # report properties


def _statement():
    """The hook that writes the statement (a plain file, not a module on the path): its rows, and
    the format of the results it reads."""
    path = ROOT / "build" / "hooks" / "accessibility.py"
    spec = importlib.util.spec_from_file_location("accessibility_statement", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STATEMENT = _statement()
ROWS = STATEMENT.ROWS


def pytest_configure(config):
    config.addinivalue_line("markers", "accessibility(row): the test's outcome is published in that row of "
                                       "the accessibility statement (build/hooks/accessibility.py ROWS)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        marker = item.get_closest_marker("accessibility")
        if marker is None:
            continue
        row = marker.args[0] if marker.args else None
        if row not in ROWS:
            raise pytest.UsageError(f"{item.nodeid}: accessibility({row!r}) is not a row of the statement "
                                    f"(build/hooks/accessibility.py ROWS: {', '.join(ROWS)})")
        item.user_properties.append((ROW, row))


class Recorder:
    """What one test records (the axe_record fixture): its axe runs and what the HTML validator ignored."""

    def __init__(self, node) -> None:
        self.node = node
        self.validator: dict = {}   # the HTML validator's name, version, documents and what it ignored

    def add(self, kind: str, name: str, results: dict, tags: list[str], scope: str = "page") -> None:
        """`scope`: "page" when axe checked the whole page, else the CSS selector it was limited to."""
        rules = sorted({rule["id"] for group in ("passes", "violations", "incomplete", "inapplicable")
                        for rule in results.get(group, [])})
        self.node.user_properties.append((AXE_RUN, {
            "kind": kind, "name": name, "scope": scope,
            "violations": sum(len(v["nodes"]) for v in results.get("violations", [])),
            "rules_violated": sorted(v["id"] for v in results.get("violations", [])),
            "engine": results.get("testEngine", {}).get("version", ""), "tags": tags, "rule_ids": rules}))


@pytest.fixture
def axe_record(request) -> Recorder:
    record = Recorder(request.node)
    yield record
    if record.validator:
        request.node.user_properties.append((VALIDATOR, record.validator))


class Results:
    """Every axe run of the session: which page or checker state, which rules ran, what failed; and
    the outcome of each test a row of the statement reports."""

    def __init__(self) -> None:
        self.version = ""
        self.rules: set[str] = set()
        self.tags: list[str] = []
        self.runs: list[dict] = []
        self.tests: dict[str, tuple[str, str]] = {}  # test id -> (row, outcome)
        self.validator: dict = {}
        self.files: set[str] = set()   # the test files that reported: a run of every file is a whole run

    def add_report(self, report) -> None:
        self.files.add(report.nodeid.split("::", 1)[0].rsplit("/", 1)[-1])
        properties = list(report.user_properties)
        row = dict(properties).get(ROW)
        # A test passes only if its setup, call and teardown all passed; a skip is reported as such.
        if row and (report.when == "call" or report.outcome != "passed"):
            previous = self.tests.get(report.nodeid, (row, None))[1]
            if previous in (None, "passed"):
                self.tests[report.nodeid] = (row, report.outcome)
        if report.when != "teardown":
            return  # the test's records are complete on its last report
        for key, value in properties:
            if key == AXE_RUN:
                self.version = value["engine"] or self.version
                self.tags = value["tags"]
                self.rules.update(value["rule_ids"])
                self.runs.append({k: value[k] for k in ("kind", "name", "scope", "violations", "rules_violated")})
            elif key == VALIDATOR:
                self.validator.update(name=value.get("name", ""), version=value.get("version", ""),
                                      ignored=self.validator.get("ignored", 0) + value.get("ignored", 0),
                                      documents=self.validator.get("documents", 0) + value.get("documents", 0))

    def write(self, path: Path) -> None:
        from datetime import datetime, timedelta, timezone

        jst = timezone(timedelta(hours=9))
        data = {
            "format": STATEMENT.FORMAT, "version": STATEMENT.VERSION,
            "date": datetime.now(jst).isoformat(timespec="seconds"),
            "axe_core": self.version, "tags": self.tags,
            "rules": len(self.rules), "rule_ids": sorted(self.rules),
            "pages": [r for r in self.runs if r["kind"] == "page"],
            "states": [r for r in self.runs if r["kind"] == "state"],
            "tests": [{"id": k, "row": row, "outcome": outcome} for k, (row, outcome) in sorted(self.tests.items())],
            "validator": self.validator,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


RESULTS = Results()


def pytest_runtest_logreport(report):
    RESULTS.add_report(report)


def missing_results() -> list[str]:
    """What this run leaves out of the statement's results (nothing, for a run of every browser test)."""
    kinds = {run["kind"] for run in RESULTS.runs}
    rows = {row for row, _ in RESULTS.tests.values()}
    return ([f"axe on the {kind}s" for kind in ("page", "state") if kind not in kinds]
            + [f"the row {row!r}" for row in ROWS if row not in rows])


WHOLE_RUN: list[bool] = []  # set at the session's end, read by the terminal summary that follows it


def _whole_run(session) -> bool:
    """Every browser test ran, none left out by -k or -m and the run not stopped early (-x): only such
    a run replaces the statement's results. A run of one file or a few tests leaves the last whole
    run's results in place (a partial file would stop the build, its rows without results)."""
    option = session.config.option
    if session.shouldstop or session.shouldfail or getattr(option, "keyword", "") or getattr(option, "markexpr", ""):
        return False
    return {p.name for p in Path(__file__).parent.glob("test_*.py")} <= RESULTS.files


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):
        return  # a pytest-xdist worker: its reports went to the process that writes the results
    WHOLE_RUN.append(_whole_run(session))
    if WHOLE_RUN[-1]:
        # Written even when a row has no result (a test's marker lost or renamed): the build then stops
        # naming the row, instead of publishing 「実施せず」 or the last run's figures.
        RESULTS.write(STATEMENT.RESULTS)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if hasattr(config, "workerinput") or not (RESULTS.runs or RESULTS.tests):
        return
    where = STATEMENT.RESULTS.relative_to(ROOT)
    if WHOLE_RUN and WHOLE_RUN[-1]:
        missing = missing_results()
        terminalreporter.write_line(f"accessibility results: written to {where}"
                                    + (f" (without results: {', '.join(missing)}; the build will stop)" if missing else ""))
    else:
        terminalreporter.write_line(f"accessibility results: {where} left as it was (not a run of every browser test)")
