"""MkDocs hook: a gzip copy beside every compressible file of the site (index.html.gz ...).

A host that serves precompressed files (nginx's gzip_static, see deploy/) then sends them without
compressing on each request: smaller (level 9 instead of nginx's default level 1: the runtime's
pyodide.asm.wasm is 3.54 MB instead of 4.01 MB) and without the CPU time. A host that compresses
on its own, or not at all, ignores them. It runs after every other post-build step (lowest
priority): it compresses what the other hooks wrote, the search index with its synonyms included.
"""
from __future__ import annotations

import gzip
from pathlib import Path

from mkdocs.plugins import event_priority

# Text, WebAssembly (which shrinks to 37 %) and raw binary data (.bin, e.g. a memory image);
# zip archives and wheels are compressed already. A copy is kept only if it is smaller.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".map", ".svg", ".xml", ".txt", ".csv", ".ics", ".wasm",
                ".bin"}
SMALLEST = 1024  # below this the saving is smaller than a packet
_preview = {"on": False}


def on_startup(command, dirty):
    # `mkdocs serve` (make preview) rebuilds on every edit and is never published: no copies, so a
    # rebuild takes seconds, not the runtime's compression.
    _preview["on"] = command == "serve"


def compress_site(site: Path) -> int:
    written = 0
    for path in site.rglob("*"):
        if path.suffix not in COMPRESSIBLE or not path.is_file() or path.stat().st_size < SMALLEST:
            continue
        data = path.read_bytes()
        # mtime=0: the same file gives the same bytes, so a rebuild does not change them.
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written += 1
    return written


@event_priority(-1000)  # after search_synonyms.py (-100) rewrites the search index
def on_post_build(config):
    if not _preview["on"]:
        compress_site(Path(config["site_dir"]))
