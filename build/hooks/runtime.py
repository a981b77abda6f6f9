"""MkDocs hook: copy the self-hosted Pyodide runtime and the checker wheel into the site.

The bundle is prepared by ``make bundle`` (build/bundle.py) in build/out/pyodide/. Only the
checker page's worker loads these files; no other page refers to them.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from layout import BUNDLE, LOCKFILE, RUNTIME_DIR  # noqa: E402


def on_post_build(config):
    if not (BUNDLE / LOCKFILE).exists():
        raise Abort(f"{BUNDLE} is missing: run `make site` (it bundles the runtime and the checker wheel)")
    target = Path(config["site_dir"]) / RUNTIME_DIR
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(BUNDLE, target)
