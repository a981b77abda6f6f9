"""Make the checker's memory snapshot: Pyodide with the checker imported and its first screens rendered.

    python build/snapshot.py      (after build/bundle.py; `make site` runs both)

Loading a snapshot skips initialising CPython in the browser (most of the start). It is made
under Node with Pyodide's private options `_makeSnapshot` / `makeMemorySnapshot()` (pinned
runtime; the page falls back to the normal start on any mismatch), and written next to the
runtime as build/out/pyodide/checker.snapshot.gz with checker-snapshot.json, its manifest: the
runtime version, the wheel and its sha256 (the worker compares them with what it loads).

Two traps shape it:
- a snapshot holds the environment and paths of the process that made it, so Pyodide gets a
  fixed environment, and Node runs with an empty one (`env -i`), from "/", reading its script
  from stdin (tests/content/test_snapshot.py searches the published file for the machine's values);
- after loadPackage the snapshot fails ("Unexpected hiwire entry"), so the wheel is unpacked
  into site-packages with zipfile, inside Python (layout.UNPACK, which the worker runs too).
The snapshot is gzip-compressed here, not by the host, so its size on the wire is known and the
same on every host; the worker inflates it with DecompressionStream.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from layout import BUNDLE, PACKAGE, ROOT, SNAPSHOT, SNAPSHOT_MANIFEST as MANIFEST, UNPACK, WHEEL_FILE

# Runs inside Pyodide before the snapshot: the wheel unpacked as the worker unpacks it after a
# restore, then the first screens, so every module they need is imported and in the snapshot.
PREPARE = UNPACK + """
from proposal_checker import web
web.opening()
"""

MAKER = """
import {{ loadPyodide }} from {runtime};
import {{ readFileSync, writeFileSync }} from "node:fs";
const pyodide = await loadPyodide({{ indexURL: {index}, _makeSnapshot: true, env: {{ HOME: "/home/pyodide" }} }});
pyodide.FS.writeFile({wheel_file}, readFileSync({wheel}));
pyodide.runPython({prepare});
writeFileSync({out}, pyodide.makeMemorySnapshot());
"""


def checker_wheel() -> Path:
    """The checker's own wheel in the bundle (not the drafting package's, which the start never loads)."""
    (wheel,) = BUNDLE.glob(f"{PACKAGE.replace('-', '_')}-*.whl")
    return wheel


def runtime_version() -> str:
    package = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text(encoding="utf-8"))
    return package["version"]


def main() -> int:
    wheel = checker_wheel()
    node = shutil.which("node")
    if node is None:
        print("node is missing: it is needed to make the snapshot", file=sys.stderr)
        return 1
    for old in (BUNDLE / SNAPSHOT, BUNDLE / MANIFEST):
        old.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "snapshot"
        script = MAKER.format(runtime=json.dumps((BUNDLE / "pyodide.mjs").as_uri()),
                              index=json.dumps(str(BUNDLE) + "/"), wheel=json.dumps(str(wheel)),
                              wheel_file=json.dumps(WHEEL_FILE),
                              prepare=json.dumps(PREPARE), out=json.dumps(str(raw)))
        subprocess.run(["env", "-i", node, "--input-type=module", "-"], input=script.encode(), cwd="/",
                       check=True)
        data = raw.read_bytes()
    (BUNDLE / SNAPSHOT).write_bytes(gzip.compress(data, 9, mtime=0))
    manifest = {
        "runtime": runtime_version(),
        "wheel": wheel.name,
        "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "file": SNAPSHOT,
        "bytes": (BUNDLE / SNAPSHOT).stat().st_size,
        "raw_bytes": len(data),
    }
    (BUNDLE / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"snapshot: {len(data) / 1e6:.1f} MB raw, {manifest['bytes'] / 1e6:.1f} MB gzip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
