"""The build's names are written once (build/layout.py); the files that cannot import them say the same.

The checker's worker unpacks the wheel after restoring the snapshot with the recipe the snapshot
was made with: if the two drifted apart, the published page would start from a snapshot that
does not match what it unpacks. The worker, the Pyodide test runner and the Makefile are checked
against build/layout.py here, by reading them.
"""
from __future__ import annotations

import re

import layout
from conftest import ROOT

WORKER = ROOT / "docs" / "assets" / "checker" / "worker.mjs"


def js_constants(text: str) -> dict[str, str]:
    """The string constants of a JavaScript module: ``const NAME = "…";`` and ``const NAME = `…`;``."""
    found = dict(re.findall(r'^const ([A-Z_]+) = "([^"]*)";$', text, re.M))
    found.update(re.findall(r"^const ([A-Z_]+) = `(.*?)`;$", text, re.M | re.S))
    return found


def test_the_worker_unpacks_the_wheel_with_the_snapshots_recipe():
    constants = js_constants(WORKER.read_text(encoding="utf-8"))
    assert constants["WHEEL_FILE"] == layout.WHEEL_FILE
    assert constants["UNPACK"].replace("${WHEEL_FILE}", constants["WHEEL_FILE"]) == layout.UNPACK
    # The snapshot is made after the same steps (build/snapshot.py).
    import snapshot

    assert snapshot.PREPARE.startswith(layout.UNPACK)


def test_the_worker_asks_for_the_files_by_the_names_the_build_gives_them():
    text = WORKER.read_text(encoding="utf-8")
    constants = js_constants(text)
    assert (constants["MANIFEST"], constants["LOCKFILE"], constants["PACKAGE"], constants["DRAFTING"]) == (
        layout.SNAPSHOT_MANIFEST, layout.LOCKFILE, layout.PACKAGE, layout.DRAFTING_PACKAGE)
    # The runtime's folder, from assets/checker/ up to the site's root.
    assert f'from "../../{layout.RUNTIME_DIR}/pyodide.mjs"' in text
    assert f'new URL("../../{layout.RUNTIME_DIR}/", import.meta.url)' in text


def test_the_pyodide_runner_and_the_makefile_use_the_same_folders():
    runner = (ROOT / "tests" / "pyodide" / "run.mjs").read_text(encoding="utf-8")
    for folder in (layout.TEST_WHEELS, layout.BUNDLE):
        assert f'join(root, "{folder.relative_to(ROOT).as_posix()}")' in runner, folder
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for path in (layout.CALL_DATA, layout.FIXTURES, layout.TEST_WHEELS, layout.BUNDLE / layout.LOCKFILE):
        assert path.relative_to(ROOT).as_posix() in makefile, path


def test_the_hooks_and_the_build_scripts_import_the_names_instead_of_writing_them():
    # A name of layout.py written again as a literal would drift: none of these files may.
    names = [layout.SNAPSHOT_MANIFEST, layout.SNAPSHOT, layout.LOCKFILE, layout.WHEEL_FILE, '"out"',
             "build/out", '"pyodide-lock', "accessibility.json"]
    files = [*(ROOT / "build").glob("*.py"), *(ROOT / "build" / "hooks").glob("*.py")]
    found = [f"{path.relative_to(ROOT)}: {name}" for path in files if path.name != "layout.py"
             for name in names if name in path.read_text(encoding="utf-8").split('"""', 2)[-1]]
    assert found == []
