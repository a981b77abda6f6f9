"""Changing the call period is a change of docs/call.toml only: every page that shows the
period follows, and so does the checker's copy of the data."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time

from conftest import assert_clean_build, build, built_pages, page_text
from proposal_checker.call import parse_call
from proposal_checker.dates import JST, format_date

OLD = (date(2026, 2, 9), date(2026, 3, 13))
# A valid later call: Monday 8 February 2027 to Friday 12 March 2027 (33 days, no holiday at the end).
NEW = (date(2027, 2, 8), date(2027, 3, 12))


def with_new_period(project):
    toml = project / "docs" / "call.toml"
    text = toml.read_text(encoding="utf-8")
    for old, new in zip(OLD, NEW):
        assert f'"{old.isoformat()}"' in text
        text = text.replace(f'"{old.isoformat()}"', f'"{new.isoformat()}"')
    toml.write_text(text, encoding="utf-8")
    return toml


def pages_showing(site, days):
    shown = {}
    for page in built_pages(site):
        text = page_text(page)
        found = [format_date(d) for d in days if format_date(d) in text]
        if found:
            shown[page.relative_to(site).as_posix()] = found
    return shown


def test_every_page_showing_the_period_shows_the_new_one(site, project_copy, tmp_path):
    before = pages_showing(site, OLD)
    assert {"index.html", "call/index.html", "guide/submit/index.html", "guide/timeline/index.html"} <= set(before)

    with_new_period(project_copy)
    new_site = tmp_path / "new-site"
    assert_clean_build(build(project_copy, new_site))

    assert pages_showing(new_site, OLD) == {}, "a page still shows the old period"
    after = pages_showing(new_site, NEW)
    for page, old_days in before.items():
        assert page in after, f"{page} showed the period but does not show the new one"
        assert len(after[page]) == len(old_days), page
    # The holidays inside the period are recomputed for the new year.
    assert "2027年（令和9年）2月11日（木）：建国記念の日" in page_text(new_site / "guide" / "submit" / "index.html")


def test_the_checkers_data_follows_the_new_period(project_copy, tmp_path):
    toml = with_new_period(project_copy)
    out = tmp_path / "call.json"
    subprocess.run([sys.executable, str(project_copy / "build" / "calldata.py"), str(toml), str(out)], check=True)
    call = parse_call(json.loads(out.read_text(encoding="utf-8")))
    assert (call.opens, call.closes) == NEW
    assert call.deadline == datetime.combine(NEW[1], time(17, 0), JST)
    assert call.holidays_in_period() == [(date(2027, 2, 11), "建国記念の日"), (date(2027, 2, 23), "天皇誕生日")]


def test_the_published_json_follows_the_new_period(project_copy, tmp_path):
    with_new_period(project_copy)
    new_site = tmp_path / "new-site"
    assert_clean_build(build(project_copy, new_site))
    call = parse_call(json.loads((new_site / "data" / "call.json").read_text(encoding="utf-8")))
    assert (call.opens, call.closes) == NEW
