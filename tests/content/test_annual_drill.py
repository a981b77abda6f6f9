"""The annual drill, as staff do it (about/staff): next year's call is a data edit.

A copy of the project gets next year's docs/call.toml, derived from whatever the live file says
(next_year.py: the following fiscal year, the period a year later on office days, another office
and telephone). Then its checker suite (CPython) and its content suite run on the copy, with the
copy's own checker source. The only failure allowed is the check that the notice text agrees with
the data, and its message must name the sections and the values. After the notice text's values
are replaced as a member of staff would paste the new notice, the notice check passes.

The edit itself is tested on both test calls too, and twice over: after the real update the next
drill must still have a year to rehearse.

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
from datetime import timedelta
from pathlib import Path

import pytest

import calldata
from conftest import ROOT, copy_project
from next_year import edit_to_next_year, next_year
from notice_text import disagreements, notice_day
from proposal_checker.dates import add_years, era_year, format_fiscal_year, format_time
from proposal_checker.law import MINIMUM_CALL_DAYS

DRILL = Path(__file__).name


def copy_with_tests(target: Path) -> Path:
    project = copy_project(target)
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    for name in ("schemas", "FORMAT.md", "pyproject.toml"):
        source = ROOT / "checker" / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / "checker" / name)
    return project


def build_data(project: Path, env: dict) -> None:
    """What `make` builds before the tests: the checker's data and the test calls' JSON."""
    python = [sys.executable, str(project / "build" / "calldata.py")]
    subprocess.run(python + [str(project / "docs" / "call.toml"),
                             str(project / "checker" / "src" / "proposal_checker" / "data" / "call.json")],
                   check=True, cwd=project, env=env)
    for fixture in sorted((project / "tests" / "fixtures" / "calls").glob("*.toml")):
        subprocess.run(python + [str(fixture), str(project / "build" / "out" / "fixtures" / f"{fixture.stem}.json")],
                       check=True, cwd=project, env=env)


def run_pytest(project: Path, env: dict, target: str, report: Path) -> dict[str, str]:
    """Run a suite (or one test file) of the copy; the failures by test id, with their messages."""
    # Not the drill itself, nor the test of the preview server (it does not depend on the data).
    subprocess.run([sys.executable, "-m", "pytest", f"tests/{target}", "-q", "-p", "no:cacheprovider",
                    f"--ignore=tests/content/{DRILL}", "--ignore=tests/content/test_preview.py", f"--junitxml={report}"],
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


def expected_messages(old, new) -> tuple[str, ...]:
    """What the notice check must say after next year's data edit, before the new notice is pasted."""
    return ("公示4（募集期間）", f"{notice_day(new.opens)}から{notice_day(new.closes)}",
            f"{notice_day(old.opens)}から{notice_day(old.closes)}",
            "前文（公示の日付）", "前文（募集の名称）", new.title,
            "公示10（連絡先）", new.telephone, old.telephone, new.office)


# -- the edit, on both test calls ---------------------------------------------------------------

FIXTURES = ROOT / "tests" / "fixtures" / "calls"
CALL_FILES = sorted(FIXTURES.glob("*.toml"))


def edited(tmp_path: Path, source: Path, times: int = 1) -> tuple[object, object]:
    """The call in `source` and the call after `times` yearly edits, each read back through the
    build's own validation."""
    old = calldata.load(source)
    path, call = source, old
    tmp_path.mkdir(parents=True, exist_ok=True)
    for n in range(times):
        text = edit_to_next_year(path.read_text(encoding="utf-8"), call)
        path = tmp_path / f"year-{n + 1}.toml"
        path.write_text(text, encoding="utf-8")
        call = calldata.load(path)
    return old, call


@pytest.mark.parametrize("source", CALL_FILES, ids=[p.stem for p in CALL_FILES])
def test_next_year_is_the_following_fiscal_year_with_the_period_a_year_later_on_office_days(tmp_path, source):
    old, new = edited(tmp_path, source)
    assert new.fiscal_year == old.fiscal_year + 1 and new.id != old.id
    assert new.title == old.title.replace(format_fiscal_year(old.fiscal_year), format_fiscal_year(new.fiscal_year))
    # Each day a year later, on the nearest office day: the opening day forward, the others back.
    for before, after, step in ((old.opens, new.opens, 1), (old.closes, new.closes, -1),
                                (old.notice_date, new.notice_date, -1)):
        day = add_years(before, 1)
        while not new.is_office_day(day):
            day += timedelta(days=step)
        assert after == day, (before, after)
    assert new.notice_date <= new.opens and (new.closes - new.opens).days + 1 >= MINIMUM_CALL_DAYS.value
    assert (new.office, new.telephone) != (old.office, old.telephone)
    # Everything else is the same call.
    assert (new.agency_name, new.address, new.copies, new.closes_at, new.disqualifications) == (
        old.agency_name, old.address, old.copies, old.closes_at, old.disqualifications)


@pytest.mark.parametrize("source", CALL_FILES, ids=[p.stem for p in CALL_FILES])
def test_the_drill_still_has_a_year_to_rehearse_after_the_update_it_rehearsed(tmp_path, source):
    _, updated = edited(tmp_path / "real", source)          # staff's real update
    _, drilled = edited(tmp_path / "drill", source, times=2)  # the next drill, on top of it
    assert drilled.fiscal_year == updated.fiscal_year + 1 and drilled.id != updated.id
    assert drilled.opens > updated.opens and drilled.closes > updated.closes


def test_the_edit_of_this_years_frozen_call_is_reported_by_the_notice_check_until_the_notice_is_pasted(tmp_path):
    (tmp_path / "docs" / "call").mkdir(parents=True)
    shutil.copy2(FIXTURES / "r7-isa.notice.md", tmp_path / "docs" / "call" / "index.md")
    old, new = edited(tmp_path, FIXTURES / "r7-isa.toml")
    (tmp_path / "docs" / "call.toml").write_text((tmp_path / "year-1.toml").read_text(encoding="utf-8"), encoding="utf-8")
    message = "\n".join(disagreements(tmp_path))
    for expected in expected_messages(old, new):
        assert expected in message, f"{expected!r} not in the message:\n{message}"
    paste_new_notice(tmp_path, old, new)
    assert disagreements(tmp_path) == []


# -- the drill, on a copy of the project ----------------------------------------------------------

@pytest.mark.skipif(os.environ.get("DRILL_COPY") == "1", reason="already inside the drill's copy")
def test_next_years_call_is_a_data_edit_and_only_the_notice_check_fails_until_the_notice_is_pasted(tmp_path):
    old = calldata.load(ROOT / "docs" / "call.toml")
    project = copy_with_tests(tmp_path / "project")
    # The copy's own checker source, never this tree's installed one.
    env = dict(os.environ, PYTHONPATH=str(project / "checker" / "src"), NO_MKDOCS_2_WARNING="1", DRILL_COPY="1")
    where = subprocess.run([sys.executable, "-c", "import proposal_checker; print(proposal_checker.__file__)"],
                           cwd=project, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(project)), where

    toml = project / "docs" / "call.toml"
    toml.write_text(edit_to_next_year(toml.read_text(encoding="utf-8"), old), encoding="utf-8")
    build_data(project, env)
    new = calldata.load(toml)
    assert (new.id, new.opens, new.closes) == tuple(next_year(old)[k] for k in ("call.id", "period.opens", "period.closes"))

    assert run_pytest(project, env, "checker", tmp_path / "checker.xml") == {}, "the checker's tests depend on the live data"

    failures = run_pytest(project, env, "content", tmp_path / "content-1.xml")
    assert [k.rsplit(".", 1)[-1] for k in failures] == ["test_notice_text::test_the_notice_text_and_the_data_file_agree"], \
        "\n\n".join(f"{k}\n{v[:2000]}" for k, v in failures.items())
    message = next(iter(failures.values()))
    for expected in (*expected_messages(old, new), "公示の本文を新しい公示のとおりに貼り替えてください"):
        assert expected in message, f"{expected!r} not in the message:\n{message}"

    # The rest of the content suite passed with the new data; after pasting, the notice check does too.
    paste_new_notice(project, old, new)
    failures = run_pytest(project, env, "content/test_notice_text.py", tmp_path / "content-2.xml")
    assert failures == {}, "\n\n".join(f"{k}\n{v[:2000]}" for k, v in failures.items())
