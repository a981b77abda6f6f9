"""Where the build puts what it makes, and the names the site serves it under: written once, here.

build/*.py, the MkDocs hooks (build/hooks/) and the tests import these names. Two JavaScript files
cannot: the checker's worker (docs/assets/checker/worker.mjs: the snapshot manifest's name, the
lock file's, the wheel's package name and the unpacking recipe below) and the Pyodide test runner
(tests/pyodide/run.mjs: the bundle and the test wheels); nor can the Makefile.
tests/content/test_build_layout.py checks that they say the same as this module.

Standard library only: the checker's tests import it inside Pyodide too (tests/checker/calls.py).
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Everything the build makes besides site/ (never committed; `make clean` removes it).
OUT = ROOT / "build" / "out"
# The Pyodide runtime, the checker wheel, the site's lock file and the memory snapshot
# (build/bundle.py, build/snapshot.py), copied as they are into the site's RUNTIME_DIR.
BUNDLE = OUT / "pyodide"
RUNTIME_DIR = "pyodide"
# The runtime files a browser needs, from the npm package `pyodide`; the rest of the package (Node
# typings, the console pages, source maps) stays out of the site.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
LOCKFILE = "pyodide-lock.json"
# The checker wheel's name in the lock file (the worker loads it by this name).
PACKAGE = "proposal-checker"
# The drafting package (提案書の下書き) ships as a wheel of its own, which the worker fetches, checks
# against the lock file and unpacks only when a draft is first asked for: the checker's start
# downloads and unpacks none of it. build/bundle.py splits these files off the checker wheel.
DRAFTING_PACKAGE = "proposal-checker-drafting"
DRAFTING_FILES = ("proposal_checker/drafting/", "proposal_checker/data/documents.json")
SNAPSHOT = "checker.snapshot.gz"
SNAPSHOT_MANIFEST = "checker-snapshot.json"

# The checker's packaged copy of the call data (build/calldata.py writes it from docs/call.toml).
CALL_DATA = ROOT / "checker" / "src" / "proposal_checker" / "data" / "call.json"
# The test calls' JSON (tests/fixtures/calls/*.toml, holidays added), never published.
FIXTURES = OUT / "fixtures"
# pytest and its pure-Python dependencies for Python in Pyodide (tests/pyodide/run.mjs).
TEST_WHEELS = OUT / "test-wheels"
# What the browser tests found about accessibility (tests/browser/conftest.py writes it,
# build/hooks/accessibility.py puts it on about/accessibility/).
ACCESSIBILITY_RESULTS = OUT / "accessibility.json"

# Installing the checker wheel inside Pyodide without loadPackage: a snapshot made after
# loadPackage cannot be loaded ("Unexpected hiwire entry"), so build/snapshot.py unpacks the wheel
# with zipfile; and the snapshot holds Python's memory, not its files, so the worker unpacks it
# again, the same way, after restoring it. The wheel's bytes are first written to WHEEL_FILE.
# The worker unpacks the drafting wheel the same way, when a draft is first asked for.
WHEEL_FILE = "/tmp/checker.whl"
UNPACK = f"""
import importlib, os, sysconfig, zipfile
with zipfile.ZipFile("{WHEEL_FILE}") as wheel:
    wheel.extractall(sysconfig.get_paths()["purelib"])
os.remove("{WHEEL_FILE}")
importlib.invalidate_caches()
"""
