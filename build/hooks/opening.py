"""MkDocs hook: the checker's opening screens, rendered at build time by the checker itself.

proposal_checker.web.opening() gives the first requests a visitor makes and its responses; the
first is written into the checker page as its first screen, the rest as a JSON data block. So
the visitor can read and answer them while Python starts in the browser (checker.js replays the
same requests when Python is ready, and hands over what was typed).
"""
from __future__ import annotations

import functools
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

from layout import BUNDLE, LOCKFILE, RUNTIME_FILES, SNAPSHOT_MANIFEST  # noqa: E402
from snapshot import checker_wheel  # noqa: E402
from proposal_checker import web  # noqa: E402
from sitecall import call_of  # noqa: E402

# What each way of starting downloads, besides pyodide.mjs (18 KB, the worker's own import).
RUNTIME = (*(name for name in RUNTIME_FILES if name != "pyodide.mjs"), LOCKFILE)


@functools.lru_cache(maxsize=None)
def _sizes(name: str, mtime: float) -> dict:
    data = (BUNDLE / name).read_bytes()
    packed = data if name.endswith(".gz") else gzip.compress(data, 6, mtime=0)
    return {"bytes": len(data), "gzip_bytes": len(packed)}


def download() -> dict:
    """For each start, its files with their sizes: as published, and gzip-compressed (as most
    hosts send them). The page says the total before loading and shows progress against it."""
    wheel = checker_wheel().name  # the drafting package's wheel is fetched only for a draft
    starts = {"normal": [*RUNTIME, wheel]}
    manifest = BUNDLE / SNAPSHOT_MANIFEST
    if manifest.exists():
        snapshot = json.loads(manifest.read_text(encoding="utf-8"))["file"]
        starts["snapshot"] = [*RUNTIME, SNAPSHOT_MANIFEST, snapshot, wheel]
    out = {}
    for start, names in starts.items():
        files = {name: _sizes(name, (BUNDLE / name).stat().st_mtime) for name in names}
        out[start] = {"files": files, "bytes": sum(f["bytes"] for f in files.values()),
                      "gzip_bytes": sum(f["gzip_bytes"] for f in files.values())}
    return out


def on_page_context(context, page, config, nav):
    if page.file.src_uri == "checker/index.md":
        # The call this build validated (hooks/calldata.py), the same data the checker's wheel carries.
        screens = web.opening(call_of(config))
        # "</" cannot end the data block early: JSON allows "<\\/" for "</".
        data = json.dumps({"screens": screens, "download": download()}, ensure_ascii=False,
                          separators=(",", ":")).replace("</", "<\\/")
        context["checker_opening"] = {"html": screens[0]["response"]["html"], "json": data}
    return context
