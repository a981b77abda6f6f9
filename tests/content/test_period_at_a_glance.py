"""The period at a glance (build/hooks/period.py): the calendar, the process and the deadline as an
iCalendar file, read from the built site and checked against the call data, for this call and for
a copy of the project with another period (one that spans the New Year break)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest

import calldata
from conftest import ROOT, assert_clean_build, build, page_text
from proposal_checker.dates import WEEKDAYS_JA, format_date, format_time

TIMELINE = "guide/timeline/index.html"
ICS = "data/deadline.ics"
MARKS = {"office": "受付", "weekend": "土日", "holiday": "祝日", "new-year": "年末年始", "deadline": "締切"}
# A later call across the New Year: Tuesday 1 December 2026 to Friday 29 January 2027.
NEW_YEAR_PERIOD = (date(2026, 12, 1), date(2027, 1, 29))


class CalendarReader(HTMLParser):
    """The month tables of the calendar: {(year, month): [(day, class, mark), ...]}."""

    def __init__(self):
        super().__init__()
        self.months: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
        self.current = None
        self.cell = None
        self.field = None
        self.caption = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "period-calendar" in (attrs.get("class") or "").split():
            self.current = []
        elif self.current is not None and tag == "caption":
            self.caption = ""
        elif self.current is not None and tag == "td":
            self.cell = {"class": attrs.get("class") or "", "day": "", "mark": ""}
        elif self.cell is not None and tag == "span":
            self.field = {"day": "day", "mark": "mark"}.get(attrs.get("class"))

    def handle_endtag(self, tag):
        if tag == "caption" and self.caption is not None:
            year, month = re.fullmatch(r"(\d{4})年（令和\d+年）(\d{1,2})月", self.caption).groups()
            self.key = (int(year), int(month))
            self.caption = None
        elif tag == "span":
            self.field = None
        elif tag == "td" and self.cell is not None:
            if self.cell["day"]:
                self.current.append((int(self.cell["day"]), self.cell["class"], self.cell["mark"]))
            self.cell = None
        elif tag == "table" and self.current is not None:
            self.months[self.key] = self.current
            self.current = None

    def handle_data(self, data):
        if self.caption is not None:
            self.caption += data
        elif self.cell is not None and self.field:
            self.cell[self.field] += data


def read_calendar(site) -> dict[date, tuple[str, str]]:
    reader = CalendarReader()
    reader.feed((site / TIMELINE).read_text(encoding="utf-8"))
    days = {}
    for (year, month), cells in reader.months.items():
        for day, css, mark in cells:
            assert date(year, month, day) not in days, f"{year}-{month}-{day} is shown twice"
            days[date(year, month, day)] = (css, mark)
    return days


def expected_kind(call, day: date) -> str:
    if day == call.closes:
        return "deadline"
    if day in call.holidays:
        return "holiday"
    if call.is_new_year_break(day):
        return "new-year"
    return "weekend" if day.weekday() >= 5 else "office"


def check_calendar_against_data(site, call):
    days = read_calendar(site)
    period = [call.opens + timedelta(n) for n in range((call.closes - call.opens).days + 1)]
    # Every day of every month the period touches is shown, once.
    first, last = period[0].replace(day=1), period[-1]
    month_end = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert sorted(days) == [first + timedelta(n) for n in range((month_end - first).days + 1)]
    for day in period:
        kind = expected_kind(call, day)
        assert days[day] == (kind, MARKS[kind]), day
    for day, (css, mark) in days.items():
        if not call.opens <= day <= call.closes:
            assert (css, mark) == ("outside", ""), f"{day} is outside the period but is marked {mark}"
    assert [d for d, (css, _) in days.items() if css == "deadline"] == [call.closes]

    # The text equivalent states the same counts and days.
    text = page_text(site / TIMELINE)
    office = sum(1 for d in period if call.is_office_day(d))
    weekend = sum(1 for d in period if d.weekday() >= 5)
    deadline = f"{format_date(call.closes)}{format_time(call.closes_at)}"
    assert f"募集期間：{format_date(call.opens)}から{deadline}まで（{len(period)}日間）" in text
    assert f"持参で提出できる日（平日）：{office}日" in text
    assert f"土曜日・日曜日：{weekend}日" in text
    holidays = [(d, n) for d, n in sorted(call.holidays.items()) if call.opens <= d <= call.closes]
    for day, name in holidays:
        assert f"{day.month}月{day.day}日（{WEEKDAYS_JA[day.weekday()]}） {name}" in text
    if not holidays:
        assert "期間の中の国民の祝日：ありません" in text
    assert f"締切：{deadline}。" in text
    return days


# ---------------------------------------------------------------------------------------------
# iCalendar (RFC 5545)


def parse_ics(raw: bytes) -> list[tuple[str, dict[str, str], str]]:
    """Check the physical form (CRLF, 75-octet lines, folding on character boundaries) and return
    the unfolded content lines as (name, parameters, value)."""
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in physical), "a bare LF or CR"
    for line in physical:
        assert len(line) <= 75, f"a line of {len(line)} octets: {line[:30]!r}"
        line.decode("utf-8")  # a fold never splits a character
    logical: list[bytes] = []
    for line in physical:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    lines = []
    for line in logical:
        text = line.decode("utf-8")
        head, _, value = text.partition(":")
        name, *params = head.split(";")
        assert re.fullmatch(r"[A-Z-]+", name), text
        lines.append((name, dict(p.split("=", 1) for p in params), value))
    return lines


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def check_ics_against_data(raw: bytes, call) -> dict[str, str]:
    lines = parse_ics(raw)
    names = [name for name, _, _ in lines]
    assert lines[0][0:3:2] == ("BEGIN", "VCALENDAR") and lines[-1][0:3:2] == ("END", "VCALENDAR")
    stack = []
    for name, _, value in lines:  # components nest properly
        if name == "BEGIN":
            stack.append(value)
        elif name == "END":
            assert stack.pop() == value
    assert stack == []
    assert ("VERSION", {}, "2.0") in lines and "PRODID" in names
    assert [v for n, _, v in lines if n == "BEGIN"].count("VEVENT") == 1

    event = lines[lines.index(("BEGIN", {}, "VEVENT")) + 1: lines.index(("END", {}, "VEVENT"))]
    props = {name: (params, value) for name, params, value in event}
    for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        assert required in props, required
    assert re.fullmatch(r"\d{8}T\d{6}Z", props["DTSTAMP"][1])
    params, start = props["DTSTART"]
    assert params == {"TZID": "Asia/Tokyo"}
    # The zone the event names is defined in the file, at +09:00.
    zone = lines[lines.index(("BEGIN", {}, "VTIMEZONE")): lines.index(("END", {}, "VTIMEZONE"))]
    assert ("TZID", {}, "Asia/Tokyo") in zone and ("TZOFFSETTO", {}, "+0900") in zone
    local = datetime.strptime(start, "%Y%m%dT%H%M%S").replace(tzinfo=timezone(timedelta(hours=9)))
    assert local == call.deadline
    assert local.astimezone(timezone.utc) == datetime.combine(call.closes, call.closes_at).replace(
        tzinfo=timezone(timedelta(hours=9))).astimezone(timezone.utc)
    summary, description = unescape(props["SUMMARY"][1]), unescape(props["DESCRIPTION"][1])
    assert "締切" in summary and call.title in summary
    assert f"{format_date(call.closes)}{format_time(call.closes_at)}" in description
    assert call.address in description and call.telephone in description
    return {name: value for name, (_, value) in props.items()}


# ---------------------------------------------------------------------------------------------


def deadline_stamp(day, call):
    """The DTSTART value of the deadline on ``day`` at the call's closing time (Japan time)."""
    return day.strftime("%Y%m%d") + "T" + call.closes_at.strftime("%H%M%S")


@pytest.fixture(scope="module")
def call():
    return calldata.load(ROOT / "docs" / "call.toml")


def test_the_calendar_shows_every_day_of_the_period_as_the_data_has_it(site, call):
    days = check_calendar_against_data(site, call)
    # Whatever the data says: each weekday holiday marked, the closing day marked as the deadline,
    # the New Year break marked only when the period holds it.
    for day, _name in call.holidays_in_period():
        if day.weekday() < 5 and day != call.closes:
            assert days[day] == ("holiday", "祝日"), day
    assert days[call.closes] == ("deadline", "締切")
    in_period = [call.opens + timedelta(days=n) for n in range((call.closes - call.opens).days + 1)]
    if not any(call.is_new_year_break(d) for d in in_period):
        assert "new-year" not in {css for css, _ in days.values()}


def test_the_deadline_file_is_valid_icalendar_at_the_closing_time(site, call):
    props = check_ics_against_data((site / ICS).read_bytes(), call)
    assert props["DTSTART"] == deadline_stamp(call.closes, call)
    # The timeline page links to it, and the home page's key facts link to the calendar.
    assert 'href="../../data/deadline.ics"' in (site / TIMELINE).read_text(encoding="utf-8")
    assert 'href="guide/timeline/#calendar"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_process_names_each_step_and_its_basis_and_no_duration(site):
    source = (site / TIMELINE).read_text(encoding="utf-8")
    flow = source[source.index('<ol class="process-flow">'): source.index("</ol>", source.index('class="process-flow"'))]
    steps = re.findall(r'<strong class="step-title">(.*?)</strong>', flow)
    assert steps == ["提案書類の提出", "審査", "審査結果の通知", "契約の締結と手数料の納付", "作成", "提供と利用"]
    links = set(re.findall(r'href="\.\./\.\./((?:call|law)/#[\w-]+)"', flow))
    assert {f"call/#s{n}" for n in range(4, 10)} <= links, "公示4 to 公示9"
    assert {f"law/#art-{n}" for n in range(112, 120)} <= links, "法第112条 to 法第119条"
    # Every step gives its basis; no step claims a duration the notice does not give.
    assert flow.count("根拠：") == len(steps)
    text = re.sub(r"<[^>]+>", "", flow)
    assert not re.search(r"\d+\s*(日|週間|か月|ヶ月)(以内|程度|後|まで)", text), text
    assert "それぞれの段階にかかる期間は、公示には書かれていません。" in page_text(site / TIMELINE)


def test_another_period_across_the_new_year_is_followed(site, project_copy, tmp_path):
    toml = project_copy / "docs" / "call.toml"
    text = toml.read_text(encoding="utf-8")
    live = calldata.load(toml)
    # The test's own period, whatever the live data says; the notice date goes just before it.
    values = ((live.notice_date, NEW_YEAR_PERIOD[0] - timedelta(days=7)),) + tuple(zip((live.opens, live.closes), NEW_YEAR_PERIOD))
    for old, new in values:
        assert f'"{old.isoformat()}"' in text
        text = text.replace(f'"{old.isoformat()}"', f'"{new.isoformat()}"')
    toml.write_text(text, encoding="utf-8")
    new_site = tmp_path / "site"
    assert_clean_build(build(project_copy, new_site))
    call = calldata.load(toml)
    assert (call.opens, call.closes) == NEW_YEAR_PERIOD

    days = check_calendar_against_data(new_site, call)
    # The New Year break (12-29 to 01-03) is inside this period; 元日 is a holiday, 成人の日 too.
    assert [d for d, (css, _) in days.items() if css == "new-year"] == [
        date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 2), date(2027, 1, 3)]
    assert days[date(2027, 1, 1)] == ("holiday", "祝日") and days[date(2027, 1, 11)] == ("holiday", "祝日")
    assert "期間の中の年末年始の休み：12月29日（火）から1月3日（日）まで" in page_text(new_site / TIMELINE)

    props = check_ics_against_data((new_site / ICS).read_bytes(), call)
    assert props["DTSTART"] == deadline_stamp(NEW_YEAR_PERIOD[1], call)
    this_call = check_ics_against_data((site / ICS).read_bytes(), calldata.load(ROOT / "docs" / "call.toml"))
    assert props["UID"] != this_call["UID"], "another deadline must be another event"
