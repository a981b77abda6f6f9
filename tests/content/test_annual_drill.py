"""The annual drill, as staff do it (about/staff): next year's call is a data edit.

A copy of the project gets a next-year docs/call.toml (id, fiscal year, title, notice date, period,
office, telephone). Then its checker suite (CPython) and its content suite run on the copy, with the
copy's own checker source. The only failure allowed is the check that the notice text agrees with
the data, and its message must name the sections and the values. After the notice text's values are
replaced as a member of staff would paste the new notice, everything passes.

The browser suite is not run here (it needs the served site and takes minutes); it reads the same
data file (tests/browser/callfacts.py).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest

import calldata
from conftest import ROOT, copy_project
from notice_text import notice_day
from proposal_checker.dates import era_year, format_time

NEXT = {
    "call.id": "r8-isa",
    "call.fiscal_year": 2026,
    "call.notice_date": date(2027, 2, 1),
    "period.opens": date(2027, 2, 8),
    "period.closes": date(2027, 3, 12),
    "agency.office": "総務課 情報公開・個人情報保護係",
    "agency.telephone": "03-5363-3999",
}
DRILL = Path(__file__).name


def copy_with_tests(target: Path) -> Path:
    project = copy_project(target)
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    for name in ("schemas", "FORMAT.md", "pyproject.toml"):
        source = ROOT / "checker" / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / "checker" / name)
    return project


def set_value(text: str, table: str, key: str, value) -> str:
    """Replace ``key = …`` inside ``[table]`` of the TOML text (the way staff edit it)."""
    shown = f'"{value.isoformat()}"' if isinstance(value, date) else f'"{value}"' if isinstance(value, str) else str(value)
    start = text.index(f"\n[{table}]\n")
    end = text.find("\n[", start + 1)
    section = text[start:end]
    section, count = re.subn(rf"^{key} = .*$", f"{key} = {shown}", section, count=1, flags=re.M)
    assert count == 1, f"{table}.{key} not found"
    return text[:start] + section + text[end:]


def next_year_data(project: Path, old) -> None:
    toml = project / "docs" / "call.toml"
    text = toml.read_text(encoding="utf-8")
    for dotted, value in NEXT.items():
        table, key = dotted.split(".")
        text = set_value(text, table, key, value)
    title = old.title.replace(f"{era_year(date(old.fiscal_year, 4, 1))}度", f"{era_year(date(NEXT['call.fiscal_year'], 4, 1))}度")
    assert title != old.title
    text = set_value(text, "call", "title", title)
    toml.write_text(text, encoding="utf-8")


def build_data(project: Path, env: dict) -> None:
    """What `make` builds before the tests: the checker's data and the test calls' JSON."""
    python = [sys.executable, str(project / "build" / "calldata.py")]
    subprocess.run(python + [str(project / "docs" / "call.toml"),
                             str(project / "checker" / "src" / "proposal_checker" / "data" / "call.json")],
                   check=True, cwd=project, env=env)
    for fixture in sorted((project / "tests" / "fixtures" / "calls").glob("*.toml")):
        subprocess.run(python + [str(fixture), str(project / "build" / "out" / "fixtures" / f"{fixture.stem}.json")],
                       check=True, cwd=project, env=env)


def run_pytest(project: Path, env: dict, folder: str, report: Path) -> dict[str, str]:
    """Run a suite of the copy; the failures by test id, with their messages."""
    subprocess.run([sys.executable, "-m", "pytest", f"tests/{folder}", "-q", "-p", "no:cacheprovider",
                    f"--ignore=tests/content/{DRILL}", f"--junitxml={report}"],
                   cwd=project, env=env, capture_output=True, text=True)
    failures = {}
    for case in ElementTree.parse(report).iter("testcase"):
        for problem in list(case.iter("failure")) + list(case.iter("error")):
            failures[f"{case.get('classname')}::{case.get('name')}"] = (problem.get("message") or "") + (problem.text or "")
    return failures


def flexible(text: str) -> str:
    """A pattern for ``text`` that allows the spaces the notice puts between characters."""
    return r"\s*".join(re.escape(ch) for ch in re.sub(r"\s+", "", text))


def paste_new_notice(project: Path, old, new) -> None:
    """Replace the notice text's values with the next call's, as pasting the new notice would."""
    page = project / "docs" / "call" / "index.md"
    text = page.read_text(encoding="utf-8")
    pairs = [
        (f"{era_year(old.notice_date)}{old.notice_date.month}月{old.notice_date.day}日",
         f"{era_year(new.notice_date)} {new.notice_date.month}月 {new.notice_date.day}日"),
        (old.title, new.title),
        (f"{notice_day(old.opens)}から{notice_day(old.closes)}{format_time(old.closes_at)}まで",
         f"{notice_day(new.opens)}から{notice_day(new.closes)}{format_time(new.closes_at)}まで"),
        (f"{old.agency_name} {old.office}", f"{new.agency_name} {new.office}"),
        (old.telephone, new.telephone),
    ]
    for before, after in pairs:
        text, count = re.subn(flexible(before), after, text)
        assert count, f"{before!r} is not in the notice text"
    page.write_text(text, encoding="utf-8")


@pytest.mark.skipif(os.environ.get("DRILL_COPY") == "1", reason="already inside the drill's copy")
def test_next_years_call_is_a_data_edit_and_only_the_notice_check_fails_until_the_notice_is_pasted(tmp_path):
    old = calldata.load(ROOT / "docs" / "call.toml")
    project = copy_with_tests(tmp_path / "project")
    # The copy's own checker source, never this tree's installed one.
    env = dict(os.environ, PYTHONPATH=str(project / "checker" / "src"), NO_MKDOCS_2_WARNING="1", DRILL_COPY="1")
    where = subprocess.run([sys.executable, "-c", "import proposal_checker; print(proposal_checker.__file__)"],
                           cwd=project, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(project)), where

    next_year_data(project, old)
    build_data(project, env)
    new = calldata.load(project / "docs" / "call.toml")
    assert (new.id, new.opens, new.closes) == (NEXT["call.id"], NEXT["period.opens"], NEXT["period.closes"])

    assert run_pytest(project, env, "checker", tmp_path / "checker.xml") == {}, "the checker's tests depend on the live data"

    failures = run_pytest(project, env, "content", tmp_path / "content-1.xml")
    assert [k.rsplit(".", 1)[-1] for k in failures] == ["test_notice_text::test_the_notice_text_and_the_data_file_agree"], \
        "\n\n".join(f"{k}\n{v[:2000]}" for k, v in failures.items())
    message = next(iter(failures.values()))
    for expected in (
        "公示4（募集期間）", f"{notice_day(new.opens)}から{notice_day(new.closes)}",
        f"{notice_day(old.opens)}から{notice_day(old.closes)}",
        "前文（公示の日付）", "前文（募集の名称）", new.title,
        "公示10（連絡先）", new.telephone, old.telephone, new.office,
        "公示の本文を新しい公示のとおりに貼り替えてください",
    ):
        assert expected in message, f"{expected!r} not in the message:\n{message}"

    paste_new_notice(project, old, new)
    failures = run_pytest(project, env, "content", tmp_path / "content-2.xml")
    assert failures == {}, "\n\n".join(f"{k}\n{v[:2000]}" for k, v in failures.items())
