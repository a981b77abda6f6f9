"""Date arithmetic the rules rely on, pinned at its boundaries (run on CPython and in Pyodide)."""
from datetime import date, datetime, timezone

import pytest

from proposal_checker.dates import (
    JST, add_months, age_on, first_day_after_counting, format_date, format_fiscal_year, format_time, jst,
    parse_hhmm, parse_iso_date,
)


@pytest.mark.parametrize("birth, day, age", [
    (date(2008, 3, 2), date(2026, 3, 1), 17),   # the day before the 18th birthday
    (date(2008, 3, 2), date(2026, 3, 2), 18),   # an age increases at the start of the birthday
    (date(2008, 2, 29), date(2026, 2, 28), 17), # 29 February births turn a year older on 1 March
    (date(2008, 2, 29), date(2026, 3, 1), 18),
    (date(2008, 2, 29), date(2028, 2, 29), 20), # in a leap year, on 29 February
])
def test_age_rises_at_the_start_of_the_birthday(birth, day, age):
    assert age_on(birth, day) == age


@pytest.mark.parametrize("start, first_free", [
    (date(2024, 3, 1), date(2026, 3, 1)),   # still counting on 2026-02-28
    (date(2024, 2, 29), date(2026, 3, 1)),
    (date(2024, 12, 31), date(2026, 12, 31)),
])
def test_two_years_counted_from_the_start_day_inclusive(start, first_free):
    assert first_day_after_counting(start, 2) == first_free


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 3, 13), -6, date(2025, 9, 13)),
    (date(2026, 8, 31), -6, date(2026, 3, 1)),  # no 31 February... 28 Feb +1
    (date(2026, 1, 31), 1, date(2026, 3, 1)),
])
def test_months_use_the_corresponding_day(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("day, text", [
    (date(2026, 2, 9), "2026年（令和8年）2月9日（月）"),
    (date(2026, 3, 13), "2026年（令和8年）3月13日（金）"),
    (date(2019, 5, 1), "2019年（令和元年）5月1日（水）"),
    (date(2019, 4, 30), "2019年（平成31年）4月30日（火）"),
])
def test_dates_render_as_government_pages_show_them(day, text):
    assert format_date(day) == text


def test_fiscal_year_and_time_words():
    assert format_fiscal_year(2025) == "令和7年度"
    assert format_time(parse_hhmm("17:00")) == "午後5時"
    assert format_time(parse_hhmm("09:30")) == "午前9時30分"


@pytest.mark.parametrize("text", ["2026-02-30", "2026-2-9", "20260209", "", "2026-13-01"])
def test_impossible_or_malformed_dates_are_rejected(text):
    with pytest.raises(ValueError):
        parse_iso_date(text)


def test_japan_time_whatever_the_clock_zone():
    utc = datetime(2026, 3, 13, 8, 0, tzinfo=timezone.utc)
    assert jst(utc) == datetime(2026, 3, 13, 17, 0, tzinfo=JST)
