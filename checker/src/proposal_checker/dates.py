"""Dates as the law counts them, and as Japanese government pages show them.

Everything here is pure arithmetic on ``datetime.date``; no clock is read.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple

# Japan has had no daylight saving time since 1951, so a fixed offset is exact and
# needs no tz database (Pyodide's stdlib ships without one).
JST = timezone(timedelta(hours=9), "JST")

WEEKDAYS_JA = "月火水木金土日"

# (first day, name). Newest first. Only eras a living person can be born in.
ERAS = (
    (date(2019, 5, 1), "令和"),
    (date(1989, 1, 8), "平成"),
    (date(1926, 12, 25), "昭和"),
    (date(1912, 7, 30), "大正"),
)


def parse_iso_date(text: str) -> date:
    """Parse ``YYYY-MM-DD``; raises ValueError for anything else (2026-02-30 included)."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError("not YYYY-MM-DD")
    return date.fromisoformat(text)


class YearMonth(NamedTuple):
    """A month given without its day (「2024年5月」): an answer where the day is not known. A rule
    decides on it only when every day of the month gives the same outcome."""
    year: int
    month: int

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.last.day)]

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def parse_year_month(text: str) -> YearMonth:
    """Parse ``YYYY-MM``; raises ValueError for anything else (2024-13 included)."""
    if not isinstance(text, str) or len(text) != 7 or text[4] != "-" or not (text[:4] + text[5:]).isdigit():
        raise ValueError("not YYYY-MM")
    month = YearMonth(int(text[:4]), int(text[5:]))
    if not 1 <= month.month <= 12 or month.year < 1:
        raise ValueError("no such month")
    return month


def parse_hhmm(text: str) -> time:
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        raise ValueError("not HH:MM")
    hours, minutes = int(text[:2]), int(text[3:])
    return time(hours, minutes)


def era_year(day: date) -> str:
    """「令和2年」; the first year of an era is written 「元年」."""
    for start, name in ERAS:
        if day >= start:
            number = day.year - start.year + 1
            return f"{name}{'元' if number == 1 else number}年"
    raise ValueError(f"{day.isoformat()} is before the eras this site knows")


def format_date(day: date, weekday: bool = True) -> str:
    """2019年（令和元年）5月1日（水）"""
    text = f"{day.year}年（{era_year(day)}）{day.month}月{day.day}日"
    return text + (f"（{WEEKDAYS_JA[day.weekday()]}）" if weekday else "")


def format_month(month: YearMonth) -> str:
    """2024年（令和6年）5月: a month given without its day."""
    return f"{month.year}年（{era_year(month.last)}）{month.month}月"


def format_fiscal_year(year: int) -> str:
    """The fiscal year that starts on 1 April of ``year``: 2020 → 令和2年度."""
    return era_year(date(year, 4, 1))[:-1] + "年度"


def format_time(t: time) -> str:
    """午後3時 / 午前10時30分, as the notice writes times."""
    half = "午前" if t.hour < 12 else "午後"
    hour = t.hour if t.hour <= 12 else t.hour - 12
    return f"{half}{hour}時" + (f"{t.minute}分" if t.minute else "")


def add_years(day: date, years: int) -> date:
    """The same month and day ``years`` later; 29 February falls to 1 March.

    Under 民法第143条第2項, a period counted in years ends on the day before the
    corresponding day, and when that month has no corresponding day it ends on the
    last day of the month, so the next period starts on 1 March.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return date(day.year + years, 3, 1)


def add_months(day: date, months: int) -> date:
    """The corresponding day ``months`` later (or earlier, if negative).

    When the target month has no corresponding day (31 → 30 days), the day after the
    month's last day is the corresponding one, as with years (民法第143条第2項).
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if day.day <= last:
        return date(year, month + 1, day.day)
    return date(year, month + 1, last) + timedelta(days=1)


def age_on(birth: date, day: date) -> int:
    """Age in completed years at the start of ``day``.

    年齢計算ニ関スル法律 counts age from the day of birth, and 民法第143条 ends each year
    on the day before the birthday: a person becomes a year older at the start of the
    birthday itself (someone born on 29 February, at the start of 1 March in common years).
    """
    years = day.year - birth.year
    if day < add_years(birth, years):
        years -= 1
    return years


def first_day_after_counting(start: date, years: int) -> date:
    """The first day on which 「startの日から起算して{years}年を経過」 has happened.

    「起算して」 counts the start day itself as day one, so two years run from ``start``
    to the day before the same date two years later; the period has passed from that
    date on. A sentence that ended on 2024-03-01 stops counting on 2026-03-01.
    """
    return add_years(start, years)


def jst(dt: datetime) -> datetime:
    """The same instant in Japan time (naive values are taken as Japan time)."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=JST)
    return dt.astimezone(JST)
