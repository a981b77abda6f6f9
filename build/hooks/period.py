"""MkDocs hook: the call period at a glance, made from docs/call.toml at build time.

- ``period_calendar(call, root)``: a month-by-month table of the call period (office days,
  weekends, national holidays, the New Year break, the deadline) with its text equivalent and a
  link to the deadline as an iCalendar file;
- ``process_flow(call, root)``: the steps from proposal to provision, each with its basis in the
  notice (公示) and the statute (法);
- ``data/deadline.ics``: the deadline, at the closing time Japan time (RFC 5545).

``root`` is the way from the page to the top of docs/ (``"../"`` on guide/timeline.md), so that the
links stay Markdown links and the strict build checks them. Registered after hooks/calldata.py,
whose Jinja environment renders the pages.
"""
from __future__ import annotations

import calendar as cal
import html
import os
import sys
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

from proposal_checker.citations import citation_href  # noqa: E402
from proposal_checker.dates import WEEKDAYS_JA, era_year, format_time  # noqa: E402
from sitecall import call_of, templates_of  # noqa: E402

ICS = "data/deadline.ics"

# Columns from Sunday, as Japanese wall calendars are laid out.
WEEK_ORDER = (6, 0, 1, 2, 3, 4, 5)

# What a day is, the short mark shown in its cell, and the words of the legend.
KINDS = {
    "office": ("受付", "持参で提出できる日（平日）"),
    "weekend": ("土日", "土曜日・日曜日（持参では提出できません）"),
    "holiday": ("祝日", "国民の祝日（持参では提出できません）"),
    "new-year": ("年末年始", "年末年始の休み（持参では提出できません）"),
    "deadline": ("締切", "締切日"),
}


def on_config(config):
    templates_of(config).globals.update(period_calendar=period_calendar, process_flow=process_flow, DEADLINE_ICS=ICS)
    return config


def on_files(files, config):
    if files.get_file_from_path(ICS) is not None:
        raise Abort(f"docs/{ICS} exists: it is generated from docs/call.toml, remove it")
    files.append(File.generated(config, ICS, content=deadline_ics(call_of(config))))
    return files


# ---------------------------------------------------------------------------------------------
# The calendar


def day_kind(call, day: date) -> str:
    if day == call.closes:
        return "deadline"
    if call.is_holiday(day):
        return "holiday"
    if call.is_new_year_break(day):
        return "new-year"
    if day.weekday() >= 5:
        return "weekend"
    return "office"


def period_days(call) -> list[date]:
    return [call.opens + timedelta(days=n) for n in range((call.closes - call.opens).days + 1)]


def short_date(day: date) -> str:
    """2月11日（水）"""
    return f"{day.month}月{day.day}日（{WEEKDAYS_JA[day.weekday()]}）"


def period_summary(call) -> dict:
    """The counts and lists the text equivalent states."""
    days = period_days(call)
    kinds = {day: day_kind(call, day) for day in days}
    return {
        "days": len(days),
        "office_days": sum(1 for d in days if call.is_office_day(d)),
        "weekend_days": sum(1 for d in days if d.weekday() >= 5),
        "holidays": [(d, call.holidays[d]) for d in days if call.is_holiday(d)],
        "new_year": [d for d in days if call.is_new_year_break(d)],
        "kinds": kinds,
    }


def month_table(call, year: int, month: int) -> str:
    heads = "".join(
        f'<th scope="col"><abbr title="{WEEKDAYS_JA[w]}曜日">{WEEKDAYS_JA[w]}</abbr></th>' for w in WEEK_ORDER
    )
    rows = []
    for week in cal.Calendar(firstweekday=6).monthdatescalendar(year, month):
        cells = []
        for day in week:
            if day.month != month:
                cells.append('<td class="other-month"></td>')
                continue
            if not call.opens <= day <= call.closes:
                cells.append(f'<td class="outside"><span class="day">{day.day}</span></td>')
                continue
            kind = day_kind(call, day)
            mark = KINDS[kind][0]
            cells.append(
                f'<td class="{kind}"><span class="day">{day.day}</span>'
                f'<span class="mark">{mark}</span></td>'
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"{year}年（{era_year(date(year, month, 1))}）{month}月"
    return (
        f'<table class="period-calendar">\n<caption>{caption}</caption>\n'
        f"<thead><tr>{heads}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def months(call) -> list[tuple[int, int]]:
    found = []
    for day in period_days(call):
        if (day.year, day.month) not in found:
            found.append((day.year, day.month))
    return found


def period_calendar(call, root: str = "") -> str:
    """The calendar block (Markdown with HTML, for md_in_html), with its text equivalent first."""
    s = period_summary(call)
    holidays = "、".join(f"{short_date(d)} {html.escape(name)}" for d, name in s["holidays"]) or "ありません"
    new_year = (
        f"{short_date(s['new_year'][0])}から{short_date(s['new_year'][-1])}まで" if s["new_year"] else "ありません"
    )
    deadline = call.deadline_words
    present = set(s["kinds"].values())
    legend = "\n".join(
        f'<li><span class="mark {kind}">{mark}</span>：{words}'
        + (f"（{format_time(call.closes_at)}まで）" if kind == "deadline" else "") + "</li>"
        for kind, (mark, words) in KINDS.items() if kind in present
    )
    tables = "\n".join(month_table(call, y, m) for y, m in months(call))
    return f"""<div class="period-at-a-glance" markdown>

<ul class="period-summary">
<li>募集期間：{call.period_words}（{s["days"]}日間）</li>
<li>持参で提出できる日（平日）：{s["office_days"]}日（{format_time(call.hand_opens_at)}から{format_time(call.hand_closes_at)}まで）</li>
<li>土曜日・日曜日：{s["weekend_days"]}日</li>
<li>期間の中の国民の祝日：{holidays}</li>
<li>期間の中の年末年始の休み：{new_year}</li>
<li>締切：{deadline}。郵送・信書便は締切日当日必着です。募集期間は{format_time(call.closes_at)}に終わるので、それまでに届くように送ります</li>
</ul>

<div class="period-calendar-months" data-search-exclude>
{tables}
</div>

<ul class="period-legend">
{legend}
</ul>

[締切を手元のカレンダーに入れる（iCalendar 形式、.ics）]({root}{ICS})

</div>
"""


# ---------------------------------------------------------------------------------------------
# The process from proposal to provision


def basis_link(basis: str, root: str = "") -> str:
    """A citation as a Markdown link to the page quoting it (proposal_checker.citations, as the
    checker links its own citations), written to the Markdown file so that the strict build checks it."""
    href = citation_href(basis)
    if href is None:
        raise Abort(f"hooks/period.py: the site has no page quoting {basis!r}")
    page, _, anchor = href.partition("#")
    return f"[{basis}]({root}{page}index.md#{anchor})"


def process_flow(call, root: str = "") -> str:
    """The steps as an ordered list (its own text equivalent), drawn as boxes joined by arrows."""
    deadline = call.deadline_words
    steps = (
        ("提案書類の提出",
         f"募集期間のうちに、提案書類{call.copies}部を、持参または郵送・信書便で提出します。"
         f"締切は{deadline}です。",
         ["公示4", "公示5", "法第112条", "法第118条"]),
        ("審査",
         "審査基準に適合するかどうかが審査されます。書類に不備があるときは、説明や訂正を求められることがあります。",
         ["公示6", "公示9(3)", "法第113条", "法第114条第1項"]),
        ("審査結果の通知",
         "審査の結果は、提案者ごとに通知されます。適合しないときは、理由が示されます。",
         ["公示7", "公示8", "法第114条第2項・第3項"]),
        ("契約の締結と手数料の納付",
         "適合のときは、通知に同封される申込書と契約書に記入して提出し、契約を結びます。所定の手数料（個人情報の保護に関する法律施行令第31条）を納めます。"
         "契約を結んだ後は、契約の条件を変えられません。",
         ["公示8", "法第115条", "法第119条"]),
        ("作成",
         "行政機関が、特定の個人を識別できないように、また元の情報を復元できないように加工して作成します。"
         "作成済みの情報を利用する提案（法第118条）には、この段階はありません。",
         ["法第116条", "法第117条"]),
        ("提供と利用",
         "契約に従って提供を受け、契約で定めた期間、利用します。受け取った後には守る義務があります。",
         ["公示8", "法第115条", ("データを受け取った後の義務", "guide/duties.md")]),
    )
    items = []
    for title, words, basis in steps:
        # A citation, or (words, page) for a page of the guide.
        links = "、".join(basis_link(b, root) if isinstance(b, str) else f"[{b[0]}]({root}{b[1]})" for b in basis)
        items.append(
            f'<li markdown="span"><strong class="step-title">{title}</strong>'
            f'<span class="step-words">{words}</span><span class="step-basis">根拠：{links}</span></li>'
        )
    return (
        '<ol class="process-flow" markdown>\n' + "\n".join(items) + "\n</ol>\n\n"
        "それぞれの段階にかかる期間は、公示には書かれていません。"
    )


# ---------------------------------------------------------------------------------------------
# The deadline as an iCalendar file (RFC 5545)


def ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with one space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def stamp() -> datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH when set (a reproducible build), else now; always UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def deadline_ics(call) -> str:
    when = call.deadline.strftime("%Y%m%dT%H%M%S")
    description = (
        f"{call.title}の締切です。募集期間は{call.period_words}。"
        f"提案書類{call.copies}部を、持参（平日の{format_time(call.hand_opens_at)}から"
        f"{format_time(call.hand_closes_at)}まで）または郵送・信書便（締切日当日必着）で提出します。"
        f"\n提出先：〒{call.postal_code} {call.address} {call.agency_name} {call.office}"
        f"\n問い合わせ：電話 {call.telephone}"
    )
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:proposal-call:{call.id}:deadline:{when}")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//proposal-checker//deadline//JA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        # Japan has kept +09:00 all year since 1951: one STANDARD part describes it completely.
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Tokyo",
        "BEGIN:STANDARD",
        "DTSTART:19510908T000000",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "TZNAME:JST",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp().strftime('%Y%m%dT%H%M%SZ')}",
        # A deadline is an instant: no DTEND, so the event ends when it starts (RFC 5545 §3.6.1).
        f"DTSTART;TZID=Asia/Tokyo:{when}",
        f"SUMMARY:{ics_text('提案の締切（' + call.title + '）')}",
        f"DESCRIPTION:{ics_text(description)}",
        f"LOCATION:{ics_text(f'〒{call.postal_code} {call.address} {call.agency_name} {call.office}')}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
