"""docs/call.toml is checked before anything is built; each problem names its field.

Each case edits a copy of this year's call, frozen as a test fixture (tests/fixtures/calls/r7-isa.toml),
in one place and expects the error to name the field a member of staff has to correct. The bad cases
are built from the fixture, never from the live docs/call.toml, so they stay true next year."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import calldata
from conftest import ROOT, build, copy_project
from proposal_checker.call import CallDataError

SOURCE = (ROOT / "tests" / "fixtures" / "calls" / "r7-isa.toml").read_text(encoding="utf-8")

TARGET_FILE = """
[[target_files]]
name = "テスト用の個人情報ファイル"
agency = "出入国在留管理庁"
office = "テスト課"
purpose = "テストのため"
items = "氏名、生年月日"
range = "テストの対象者"
"""


def edited(tmp_path: Path, *changes: tuple[str, str], append: str = "") -> Path:
    text = SOURCE
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
        assert count == 1, f"the test's pattern {pattern!r} no longer matches the fixture"
    path = tmp_path / "call.toml"
    path.write_text(text + append, encoding="utf-8")
    return path


def error_for(path: Path) -> CallDataError:
    with pytest.raises(CallDataError) as caught:
        calldata.load(path)
    return caught.value


def test_the_projects_data_file_is_valid():
    call = calldata.load(ROOT / "docs" / "call.toml")
    assert (call.closes - call.opens).days + 1 >= 30 and call.is_office_day(call.closes)


@pytest.mark.parametrize("fixture", sorted((ROOT / "tests" / "fixtures" / "calls").glob("*.toml")), ids=lambda p: p.stem)
def test_the_test_calls_are_valid_and_named_by_their_id(fixture):
    assert calldata.load(fixture).id == fixture.stem


def test_a_missing_field_is_named(tmp_path):
    error = error_for(edited(tmp_path, (r'^telephone = .*\n', "")))
    assert error.field == "agency.telephone"
    assert "必須" in error.problem


def test_a_missing_table_is_named(tmp_path):
    error = error_for(edited(tmp_path, (r'^\[period\]\n', "[period_typo]\n")))
    assert error.field == "period"


def test_a_date_that_does_not_exist_is_named(tmp_path):
    error = error_for(edited(tmp_path, (r'^opens = "2026-02-09"', 'opens = "2026-02-30"')))
    assert error.field == "period.opens"
    assert "2026-02-30" in error.problem


def test_an_unquoted_date_that_does_not_exist_is_named(tmp_path):
    # TOML itself rejects 2026-02-30 as a date literal; the message still names the field.
    error = error_for(edited(tmp_path, (r'^closes = "2026-03-13"', "closes = 2026-02-30")))
    assert error.field.startswith("period.closes")
    assert "TOML" in error.problem


def test_a_call_that_closes_before_it_opens_is_refused(tmp_path):
    error = error_for(edited(tmp_path, (r'^closes = "2026-03-13"', 'closes = "2026-02-06"')))
    assert error.field == "period.closes"
    assert "より前" in error.problem


def test_a_call_shorter_than_30_days_is_refused(tmp_path):
    # 2026-02-09 to 2026-03-09 is 29 days counting both ends (規則第53条 requires 30).
    error = error_for(edited(tmp_path, (r'^closes = "2026-03-13"', 'closes = "2026-03-09"')))
    assert error.field == "period.closes"
    assert "29日間" in error.problem and "規則第53条" in error.problem


def test_a_call_of_exactly_30_days_is_accepted(tmp_path):
    # 2026-02-09 (Mon) to 2026-03-10 (Tue): 30 days counting both ends.
    call = calldata.load(edited(tmp_path, (r'^closes = "2026-03-13"', 'closes = "2026-03-10"')))
    assert (call.closes - call.opens).days + 1 == 30


@pytest.mark.parametrize("closes", ["2026-03-14", "2026-03-15"])
def test_a_deadline_on_a_weekend_is_refused(tmp_path, closes):
    error = error_for(edited(tmp_path, (r'^closes = "2026-03-13"', f'closes = "{closes}"')))
    assert error.field == "period.closes"
    assert "土曜日か日曜日" in error.problem


def test_a_deadline_on_a_national_holiday_is_refused(tmp_path):
    # 2026-03-20 (Fri) is 春分の日, taken from the holidays package.
    error = error_for(edited(tmp_path, (r'^closes = "2026-03-13"', 'closes = "2026-03-20"')))
    assert error.field == "period.closes"
    assert "祝日" in error.problem and "春分の日" in error.problem


def test_a_target_file_without_a_source_is_refused(tmp_path):
    error = error_for(edited(tmp_path, append=TARGET_FILE))
    assert error.field == "target_files[0].source"
    assert "出典" in error.problem


def test_a_target_file_with_an_empty_source_is_refused(tmp_path):
    error = error_for(edited(tmp_path, append=TARGET_FILE + 'source = "  "\n'))
    assert error.field == "target_files[0].source"


def test_a_time_that_does_not_exist_is_named(tmp_path):
    error = error_for(edited(tmp_path, (r'^closes_at = "17:00"', 'closes_at = "25:00"')))
    assert error.field == "period.closes_at"


def test_the_command_line_names_the_field_and_fails(tmp_path, capsys):
    path = edited(tmp_path, (r'^closes = "2026-03-13"', 'closes = "2026-03-14"'))
    assert calldata.main(["calldata.py", str(path), str(tmp_path / "out.json")]) == 1
    assert "period.closes" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def test_the_strict_site_build_stops_naming_the_field(tmp_path):
    project = copy_project(tmp_path / "project")
    toml = project / "docs" / "call.toml"
    toml.write_text(SOURCE.replace('closes = "2026-03-13"', 'closes = "2026-03-20"'), encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "period.closes" in output and "春分の日" in output
    assert not (tmp_path / "site" / "index.html").exists()
