"""`make preview`: MkDocs' own server with the hooks, on a copy of the project. An edit of a page's
Markdown, or of docs/call.toml, shows on the served page without restarting anything; the checker's
runtime is served from the last bundle. (How fast is the benchmark's business, not this test's: it
waits as long as a loaded machine may need.)"""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest

import calldata
from conftest import MKDOCS
from layout import LOCKFILE, RUNTIME_DIR


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def served(url: str, found, within: float = 120) -> str:
    """The page at `url` once `found(text)` holds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        text = fetch(url)
        if text is not None and found(text):
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show the change within {within} s:\n{(text or '')[:500]}")


@pytest.fixture
def preview(project_copy, tmp_path):
    """`mkdocs serve` as `make preview` runs it, in a copy of the project: (its address, the copy)."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project_copy,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdout=log, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}/", project_copy
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_an_edit_of_a_page_or_of_the_call_data_shows_in_the_preview(preview):
    url, project = preview
    guide = served(url + "guide/", lambda text: "</html>" in text)
    assert "livereload" in guide  # MkDocs' live reload, which the page's policy would block: none in a preview
    assert 'http-equiv="Content-Security-Policy"' not in guide
    assert fetch(f"{url}{RUNTIME_DIR}/{LOCKFILE}") is not None  # the checker runs the last bundled runtime

    page = project / "docs" / "guide" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nプレビューで確かめる一文。\n", encoding="utf-8")
    served(url + "guide/", lambda text: "プレビューで確かめる一文。" in text)

    toml = project / "docs" / "call.toml"
    old = calldata.load(toml).telephone
    toml.write_text(toml.read_text(encoding="utf-8").replace(f'telephone = "{old}"', 'telephone = "03-0000-0000"'),
                    encoding="utf-8")
    contact = served(url + "about/contact/", lambda text: "03-0000-0000" in text)
    assert old not in contact


def test_the_published_build_keeps_its_policy_and_its_compressed_copies(site):
    # The preview leaves both out; `mkdocs build` never does.
    assert 'http-equiv="Content-Security-Policy"' in (site / "guide" / "index.html").read_text(encoding="utf-8")
    assert (site / "guide" / "index.html.gz").exists()
