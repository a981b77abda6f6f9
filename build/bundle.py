"""Bundle what the checker page runs: the pinned Pyodide runtime and the checker wheel.

    python build/bundle.py

1. builds the checker wheel (pure Python, reproducible with SOURCE_DATE_EPOCH), and splits the
   drafting package (提案書の下書き: layout.DRAFTING_FILES) off it into a wheel of its own, which
   the page fetches only when a draft is asked for;
2. copies the runtime files from the npm ``pyodide`` package (node_modules/pyodide);
3. writes the site's own pyodide-lock.json: the runtime's lock file plus the two wheels, via
   ``pyodide lockfile add-wheels`` (offline), so the page loads the checker by name with
   its sha256 checked, and checks the drafting wheel's the same way;
4. makes the memory snapshot the checker starts from (build/snapshot.py).
The result is build/out/pyodide/ (layout.BUNDLE), which the MkDocs hook copies into site/pyodide/.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import snapshot
from layout import BUNDLE, DRAFTING_FILES, DRAFTING_PACKAGE, LOCKFILE, OUT, ROOT, RUNTIME_FILES

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


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(path: Path, files: list[tuple[zipfile.ZipInfo, bytes]], dist_info: str,
                 meta: dict[str, bytes], stamp: tuple) -> None:
    """A wheel of ``files`` (as they were in the checker wheel, dates and all) and its dist-info:
    ``meta`` (METADATA, WHEEL…) and a RECORD of everything, with fixed dates: the same bytes each build."""
    records = [_record_line(info.filename, data) for info, data in files]
    entries = [(info, data) for info, data in files]
    for name, data in meta.items():
        info = zipfile.ZipInfo(f"{dist_info}/{name}", date_time=stamp)
        info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
        entries.append((info, data))
        records.append(_record_line(info.filename, data))
    record = zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=stamp)
    record.compress_type, record.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
    entries.append((record, ("\n".join(records + [f"{dist_info}/RECORD,,"]) + "\n").encode("utf-8")))
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data)


def split_wheel(full: Path, into: Path) -> tuple[Path, Path]:
    """The checker wheel in two: the checker without the drafting package, and the drafting package
    (layout.DRAFTING_FILES) as a wheel of its own that requires the checker of the same version."""
    with zipfile.ZipFile(full) as archive:
        infos = archive.infolist()
        meta_info = next(i for i in infos if i.filename.endswith(".dist-info/METADATA"))
        dist_info = meta_info.filename.split("/")[0]
        files = [(i, archive.read(i)) for i in infos if not i.filename.startswith(dist_info + "/")]
        meta = {i.filename.split("/", 1)[1]: archive.read(i) for i in infos
                if i.filename.startswith(dist_info + "/") and not i.filename.endswith("/RECORD")}
    name, version = dist_info.removesuffix(".dist-info").rsplit("-", 1)
    drafting = [(i, d) for i, d in files if i.filename.startswith(DRAFTING_FILES)]
    checker = [(i, d) for i, d in files if not i.filename.startswith(DRAFTING_FILES)]
    assert drafting and len(drafting) + len(checker) == len(files)
    stamp = meta_info.date_time
    main_path = into / full.name
    _write_wheel(main_path, checker, dist_info, meta, stamp)
    drafting_name = DRAFTING_PACKAGE.replace("-", "_")
    drafting_info = f"{drafting_name}-{version}.dist-info"
    drafting_meta = {
        "METADATA": (f"Metadata-Version: 2.1\nName: {DRAFTING_PACKAGE}\nVersion: {version}\n"
                     "Summary: The proposal documents' drafts (提案書の下書き) of the pre-screener, fetched when a draft is asked for.\n"
                     f"Requires-Python: >=3.12\nRequires-Dist: {name.replace('_', '-')}=={version}\n").encode("utf-8"),
        "WHEEL": meta["WHEEL"],
    }
    drafting_path = into / f"{drafting_name}-{version}-py3-none-any.whl"
    _write_wheel(drafting_path, drafting, drafting_info, drafting_meta, stamp)
    return main_path, drafting_path


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
    (full,) = wheels.glob("*.whl")

    shutil.rmtree(BUNDLE, ignore_errors=True)
    BUNDLE.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(RUNTIME / name, BUNDLE / name)
    built = split_wheel(full, BUNDLE)
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    run(str(pyodide_cli), "lockfile", "add-wheels", "--input", str(RUNTIME / LOCKFILE),
        "--output", str(BUNDLE / LOCKFILE), "--base-path", str(BUNDLE), *(str(w) for w in built),
        stdout=subprocess.DEVNULL)
    served_only(BUNDLE / LOCKFILE)
    sizes = ", ".join(f"{w.name} ({w.stat().st_size:,} bytes)" for w in built)
    print(f"bundled {sizes} with Pyodide {RUNTIME_FILES} into {BUNDLE.relative_to(ROOT)}")
    return snapshot.main()


if __name__ == "__main__":
    sys.exit(main())
