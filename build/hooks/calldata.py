"""MkDocs hook: read docs/call.toml once, stop the build on invalid data, let pages use it.

Markdown pages, and the text values of their front matter, are rendered as Jinja templates with ``call`` (a proposal_checker Call) and
the filters ``jdate`` (2019年（令和元年）5月1日（水）), ``jtime`` (午後3時), ``fiscal_year``
(令和2年度) and ``num`` (12,345). The machine-readable copies data/call.json and
data/target-files.csv are added to the site as generated files.
"""
from __future__ import annotations

import html
import sys
from datetime import date, timedelta
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

import calldata  # noqa: E402
import sitecall  # noqa: E402
from proposal_checker.call import CallDataError  # noqa: E402
from proposal_checker.dates import format_date, format_fiscal_year, format_time  # noqa: E402
from proposal_checker.rules.documents import when_text  # noqa: E402  (the checker's own wording)

# Where the machine-readable copies appear in the built site (documented on data/index.md).
CALL_JSON = "data/call.json"
TARGET_FILES_CSV = "data/target-files.csv"

_state: dict = {}


def on_config(config):
    source = Path(config["docs_dir"]) / "call.toml"
    try:
        _state["call"] = calldata.load(source)
    except CallDataError as error:
        raise Abort(f"{source}: {error.field}: {error.problem}") from None
    # Jinja's default comment marker "{#" would swallow attr_list ids such as "{#s5-2}",
    # so comments use "{##" … "##}" instead.
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        comment_start_string="{##", comment_end_string="##}",
    )
    env.filters["jdate"] = format_date
    env.filters["jtime"] = format_time
    env.filters["fiscal_year"] = format_fiscal_year
    env.filters["num"] = lambda n: f"{n:,}"
    env.filters["conditions"] = when_text
    env.globals.update(
        target_files_table=target_files_table,
        closed_days=closed_days,
        new_year_in_period=new_year_in_period,
        period_days=lambda c: (c.closes - c.opens).days + 1,
        CALL_JSON=CALL_JSON,
        TARGET_FILES_CSV=TARGET_FILES_CSV,
        TARGET_FILE_COLUMNS=calldata.TARGET_FILE_COLUMNS,
    )
    _state["env"] = env
    # The site's description names the agency: from the data, like the pages.
    for key in ("site_name", "site_description"):
        if isinstance(config.get(key), str) and "{{" in config[key]:
            config[key] = env.from_string(config[key]).render(call=_state["call"])
    # The other hooks ask for both with sitecall.call_of / templates_of (hooks/period.py adds its globals).
    sitecall.keep(config, _state["call"], env)
    return config


def on_files(files, config):
    # Generated here rather than copied after the build, so links to them are checked by --strict.
    call = _state["call"]
    for uri, content in (
        (CALL_JSON, calldata.call_json_text(call)),
        (TARGET_FILES_CSV, calldata.target_files_csv(call)),
    ):
        if files.get_file_from_path(uri) is not None:
            raise Abort(f"docs/{uri} exists: it is generated from docs/call.toml, remove it")
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    try:
        # The front matter too (a page's description names the agency, the title…).
        for key, value in page.meta.items():
            if isinstance(value, str) and "{{" in value:
                page.meta[key] = _state["env"].from_string(value).render(call=_state["call"])
        if "{{" not in markdown and "{%" not in markdown:
            return markdown
        return _state["env"].from_string(markdown).render(call=_state["call"])
    except jinja2.TemplateError as error:
        raise Abort(f"{page.file.src_path}: {error}") from None


def closed_days(call) -> list[tuple[date, str]]:
    """Days inside the call period when the office does not take documents by hand
    (national holidays on weekdays, and the New Year break), with the reason."""
    days = []
    day = call.opens
    while day <= call.closes:
        if day.weekday() < 5:
            if call.is_holiday(day):
                days.append((day, call.holidays[day]))
            elif call.is_new_year_break(day):
                days.append((day, "年末年始"))
        day += timedelta(days=1)
    return days


def new_year_in_period(call) -> bool:
    day = call.opens
    while day <= call.closes:
        if call.is_new_year_break(day):
            return True
        day += timedelta(days=1)
    return False


def target_files_table(call) -> str:
    """The target files as an HTML table (escaped; staff-entered text never becomes markup)."""
    heads = ("名称", "行政機関と組織", "利用目的", "記録項目", "記録範囲", "本人の数", "出典")
    rows = []
    for entry in call.target_files:
        population = f"{entry.population:,}人" if entry.population is not None else "公表されていません"
        cells = (
            entry.name, f"{entry.agency} {entry.office}", entry.purpose, entry.items, entry.range,
            population, entry.source,
        )
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    return (
        '<table class="target-files">\n<caption>提案の対象となる個人情報ファイル（'
        f"{len(call.target_files)}件）</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(rows) + "\n</tbody>\n</table>"
    )
