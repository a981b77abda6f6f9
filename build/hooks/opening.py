"""MkDocs hook: the checker's opening screens, rendered at build time by the checker itself, and
the words of the page's own script.

proposal_checker.web.opening() gives the first requests a visitor makes and its responses; the
first is written into the checker page as its first screen, the rest as a JSON data block. So
the visitor can read and answer them while Python starts in the browser (checker.js replays the
same requests when Python is ready, and hands over what was typed).

The data block also carries what checker.js says (proposal_checker.page_words, from
data/page.json), and the loading lines are written into the page already filled in for the
likely start, so they are there from the first paint and nothing moves when the script runs.
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
from proposal_checker import page_words, web  # noqa: E402
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


def megabytes(size: int) -> str:
    """As checker.js writes a size: 6.4, 13."""
    return f"{size / 1e6:.{1 if size < 1e7 else 0}f}"


def loading_lines(words: dict[str, str], sizes: dict) -> dict[str, str]:
    """The loading lines as the page shows them first: the snapshot start, when the site has one,
    with the compressed sizes most hosts send (checker.js corrects them when it knows better)."""
    likely = sizes.get("snapshot") or sizes["normal"]
    return {"status": page_words.fill(words["plan"], size=megabytes(likely["gzip_bytes"])),
            "progress": page_words.fill(words["progress"], percent=0),
            "smaller": page_words.fill(words["smaller"], size=megabytes(sizes["normal"]["gzip_bytes"]))}


# Where the checker goes in its page's text (build/theme/checker.html splits the text there).
PLACE = "<!-- checker -->"


def on_page_content(html, page, config, files):
    if page.file.src_uri == "checker/index.md" and html.count(PLACE) != 1:
        raise ValueError(f"checker/index.md: the marker {PLACE} must be there once, where the checker goes")
    return html


def on_page_context(context, page, config, nav):
    if page.file.src_uri == "checker/index.md":
        # The call this build validated (hooks/calldata.py), the same data the checker's wheel carries.
        screens = web.opening(call_of(config))
        words, sizes = page_words.load(), download()
        # "</" cannot end the data block early: JSON allows "<\\/" for "</".
        data = json.dumps({"screens": screens, "download": sizes, "words": words}, ensure_ascii=False,
                          separators=(",", ":")).replace("</", "<\\/")
        context["checker_opening"] = {"html": screens[0]["response"]["html"], "json": data,
                                      **loading_lines(words, sizes)}
    return context
