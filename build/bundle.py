"""Bundle what the checker page runs: the pinned Pyodide runtime and the checker wheel.

    python build/bundle.py

1. builds the checker wheel (pure Python, reproducible with SOURCE_DATE_EPOCH);
2. copies the runtime files from the npm ``pyodide`` package (node_modules/pyodide);
3. writes the site's own pyodide-lock.json: the runtime's lock file plus the wheel, via
   ``pyodide lockfile add-wheels`` (offline), so the page loads the checker by name with
   its sha256 checked.
4. makes the memory snapshot the checker starts from (build/snapshot.py).
The result is build/out/pyodide/ (layout.BUNDLE), which the MkDocs hook copies into site/pyodide/.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import snapshot
from layout import BUNDLE, LOCKFILE, OUT, ROOT, RUNTIME_FILES

RUNTIME = ROOT / "node_modules" / "pyodide"


def run(*args: str, **kw) -> None:
    subprocess.run(args, check=True, **kw)


def served_only(lockfile: Path) -> None:
    """Keep only the packages this site serves (the checker wheel) in its lock file.

    The runtime's lock file lists about 360 packages whose files the npm package does not
    ship; listing them would only send 27 KB (gzip) more and point at files that are not there.
    """
    lock = json.loads(lockfile.read_text(encoding="utf-8"))
    lock["packages"] = {name: entry for name, entry in lock["packages"].items()
                        if (lockfile.parent / entry["file_name"]).exists()}
    lockfile.write_text(json.dumps(lock, separators=(",", ":")), encoding="utf-8")


def main() -> int:
    if not (RUNTIME / "pyodide.mjs").exists():
        print("node_modules/pyodide is missing: run `npm ci` (make does this)", file=sys.stderr)
        return 1
    wheels = OUT / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels), str(ROOT / "checker"),
        env=env, stdout=subprocess.DEVNULL)
    shutil.rmtree(ROOT / "checker" / "build", ignore_errors=True)
    (wheel,) = wheels.glob("*.whl")

    shutil.rmtree(BUNDLE, ignore_errors=True)
    BUNDLE.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(RUNTIME / name, BUNDLE / name)
    shutil.copy2(wheel, BUNDLE / wheel.name)
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    run(str(pyodide_cli), "lockfile", "add-wheels", "--input", str(RUNTIME / LOCKFILE),
        "--output", str(BUNDLE / LOCKFILE), "--base-path", str(BUNDLE), str(BUNDLE / wheel.name),
        stdout=subprocess.DEVNULL)
    served_only(BUNDLE / LOCKFILE)
    print(f"bundled {wheel.name} with Pyodide {RUNTIME_FILES} into {BUNDLE.relative_to(ROOT)}")
    return snapshot.main()


if __name__ == "__main__":
    sys.exit(main())
