"""The print preview's HTML is valid (Nu Html Checker, vnu-jar from the pinned npm packages)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from drafts import KINDS, answers
from proposal_checker.drafting import build_documents, render_html

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_the_preview_of_every_kind_is_valid_html(call, tmp_path):
    if shutil.which("java") is None or not VNU.exists():
        pytest.exit("the HTML validator needs Java and node_modules/vnu-jar (`make deps`)", returncode=2)
    pages = []
    for kind in KINDS:
        fragment = render_html(build_documents(answers(kind, call), call, failing=[]).documents)
        page = tmp_path / f"{kind}.html"
        page.write_text('<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>下書き</title></head>'
                        f"<body><main><h1>提案書類の下書き</h1>{fragment}</main></body></html>", encoding="utf-8")
        pages.append(str(page))
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=300)
    messages = [m for m in json.loads(run.stderr or run.stdout)["messages"] if m.get("type") != "info"]
    assert not messages, "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages)
