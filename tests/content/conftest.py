"""Shared helpers for the content tests: build the site (the real one, or a modified copy of
the project in a temporary folder) and read its pages as text."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

MKDOCS = Path(sys.executable).with_name("mkdocs")
BUNDLE = ROOT / "build" / "out" / "pyodide"


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (never with -q: quiet mode hides the warnings --strict counts)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=project,
    )


def assert_clean_build(result: subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output


def copy_project(target: Path) -> Path:
    """A copy of what the site build reads: mkdocs.yml, docs/, build/ (without its output) and
    the checker's source. The runtime bundle and the npm packages (the runtime's own files) are
    large and only read, so they are linked, not copied."""
    if not (BUNDLE / "pyodide-lock.json").exists():
        pytest.skip("build/out/pyodide is missing: run `make site` first")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "build", target / "build", ignore=shutil.ignore_patterns("out", "__pycache__"))
    shutil.copytree(ROOT / "checker" / "src", target / "checker" / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (target / "build" / "out").mkdir()
    (target / "build" / "out" / "pyodide").symlink_to(BUNDLE, target_is_directory=True)
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def page_text(path: Path) -> str:
    """The visible text of a built page's article, tags removed, whitespace collapsed."""
    return source_text(path.read_text(encoding="utf-8"))


def source_text(source: str) -> str:
    """``page_text`` of a page's HTML source."""
    start, end = source.find("<article"), source.find("</article>")
    if start != -1 and end != -1:
        source = source[start:end]
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
    # Units kept on one line (build/hooks/keep_together.py) are part of the running text.
    source = re.sub(r'<span class="nowrap">([^<]*)</span>', r"\1", source)
    text = html.unescape(re.sub(r"<[^>]+>", " ", source)).replace("¶", " ")
    return re.sub(r"\s+", " ", text)


def compact(text: str) -> str:
    """Text with all whitespace removed, for comparing wording across line and tag breaks."""
    return re.sub(r"\s+", "", text)


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pyodide" not in p.parts)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's site, freshly built with --strict (zero warnings) into a temporary folder."""
    if not (BUNDLE / "pyodide-lock.json").exists():
        pytest.skip("build/out/pyodide is missing: run `make site` first")
    out = tmp_path_factory.mktemp("site")
    assert_clean_build(build(ROOT, out))
    return out


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
