"""The checker's memory snapshot, as published: made for this runtime and this wheel, and free of
anything from the machine that built it (paths, environment, user, host name)."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import socket
from pathlib import Path

import pytest

from conftest import ROOT

# What Pyodide itself puts into the environment it starts with: not the build machine's.
PYODIDE_ENVIRONMENT = {"USER=web_user", "LOGNAME=web_user", "PATH=/", "PWD=/", "HOME=/home/pyodide",
                       "LANG=C.UTF-8", "_=-", "PYTHONINSPECT=1"}


@pytest.fixture(scope="module")
def runtime(site) -> Path:
    return site / "pyodide"


@pytest.fixture(scope="module")
def manifest(runtime) -> dict:
    return json.loads((runtime / "checker-snapshot.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def memory(runtime, manifest) -> bytes:
    return gzip.decompress((runtime / manifest["file"]).read_bytes())


def test_the_manifest_names_the_runtime_and_the_wheel_the_site_serves(runtime, manifest):
    package = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text(encoding="utf-8"))
    assert manifest["runtime"] == package["version"]
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))["packages"]["proposal-checker"]
    wheel = runtime / manifest["wheel"]
    assert manifest["wheel"] == lock["file_name"]
    assert manifest["wheel_sha256"] == lock["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert manifest["bytes"] == (runtime / manifest["file"]).stat().st_size


def test_the_snapshot_holds_the_checker_already_imported(memory):
    # The worker restores it instead of starting CPython: the checker must be in its memory.
    assert b"proposal_checker.web" in memory
    assert memory.count(b"USER=web_user") >= 1  # Pyodide's own environment, not the build machine's


def test_nothing_of_the_build_machine_is_in_the_published_snapshot(runtime, memory):
    # Strings the runtime itself carries (its own build paths, say) are not the build machine's.
    own = (runtime / "pyodide.asm.wasm").read_bytes() + (runtime / "python_stdlib.zip").read_bytes()
    suspects = {str(ROOT), str(ROOT.parent), os.getcwd(), str(Path.home()), socket.gethostname()}
    for name, value in os.environ.items():
        pair = f"{name}={value}"
        if value and pair not in PYODIDE_ENVIRONMENT:
            suspects.add(pair)
        if "/" in value and len(value) >= 6:
            suspects.update(part for part in value.split(os.pathsep) if len(part) >= 6)
    found = [s for s in sorted(suspects)
             if len(s) >= 4 and s.encode() in memory and s.encode() not in own]
    assert not found, f"the snapshot carries values of the build machine: {found}"
