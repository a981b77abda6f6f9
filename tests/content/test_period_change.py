"""Changing the call period is a change of docs/call.toml only: every page that shows the
period follows, and so does the checker's copy of the data."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

import calldata
from conftest import ROOT, assert_clean_build, build, built_pages, copy_project, page_text
from proposal_checker.call import parse_call
from proposal_checker.dates import JST, format_date

CALL = calldata.load(ROOT / "docs" / "call.toml")
OLD = (CALL.opens, CALL.closes)


def _next_year():
    """The same period 52 weeks later (same weekdays), the deadline moved a week earlier while it
    would fall on a national holiday."""
    opens, closes = (d + timedelta(weeks=52) for d in OLD)
    holidays = calldata.japanese_holidays(opens.year, closes.year)
    while closes in holidays:
        closes -= timedelta(weeks=1)
    return (opens, closes), holidays


NEW, NEW_HOLIDAYS = _next_year()


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


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    """The site of a copy of the project with the new period, built once for the tests below."""
    project = with_new_period(copy_project(tmp_path_factory.mktemp("project"))).parents[1]
    site = tmp_path_factory.mktemp("new-site")
    assert_clean_build(build(project, site))
    return site


def test_every_page_showing_the_period_shows_the_new_one(site, new_site):
    before = pages_showing(site, OLD)
    assert {"index.html", "call/index.html", "guide/submit/index.html", "guide/timeline/index.html"} <= set(before)

    assert pages_showing(new_site, OLD) == {}, "a page still shows the old period"
    after = pages_showing(new_site, NEW)
    for page, old_days in before.items():
        assert page in after, f"{page} showed the period but does not show the new one"
        assert len(after[page]) == len(old_days), page
    # The holidays inside the period are recomputed for the new year.
    submit = page_text(new_site / "guide" / "submit" / "index.html")
    for day, name in NEW_HOLIDAYS.items():
        if NEW[0] <= day <= NEW[1] and day.weekday() < 5:
            assert f"{format_date(day)}：{name}" in submit


def test_the_checkers_data_follows_the_new_period(project_copy, tmp_path):
    toml = with_new_period(project_copy)
    out = tmp_path / "call.json"
    subprocess.run([sys.executable, str(project_copy / "build" / "calldata.py"), str(toml), str(out)], check=True)
    call = parse_call(json.loads(out.read_text(encoding="utf-8")))
    assert (call.opens, call.closes) == NEW
    assert call.deadline == datetime.combine(NEW[1], CALL.closes_at, JST)
    assert call.holidays_in_period() == sorted((d, n) for d, n in NEW_HOLIDAYS.items() if NEW[0] <= d <= NEW[1])


def test_the_published_json_follows_the_new_period(new_site):
    call = parse_call(json.loads((new_site / "data" / "call.json").read_text(encoding="utf-8")))
    assert (call.opens, call.closes) == NEW
