"""MkDocs hook: read docs/call.toml once, stop the build on invalid data, let pages use it.

Markdown pages are rendered as Jinja templates with ``call`` (a proposal_checker Call) and
the filters ``jdate`` (2026年（令和8年）2月9日（月）) and ``jtime`` (午後5時).
"""
from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

import calldata  # noqa: E402
from proposal_checker.call import CallDataError  # noqa: E402
from proposal_checker.dates import format_date, format_fiscal_year, format_time  # noqa: E402

_state: dict = {}


def on_config(config):
    source = Path(config["docs_dir"]) / "call.toml"
    try:
        _state["call"] = calldata.load(source)
    except CallDataError as error:
        raise Abort(f"{source}: {error.field}: {error.problem}") from None
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["jdate"] = format_date
    env.filters["jtime"] = format_time
    env.filters["fiscal_year"] = format_fiscal_year
    _state["env"] = env
    config.setdefault("extra", {})["call"] = _state["call"]
    return config


def on_page_markdown(markdown, page, config, files):
    if "{{" not in markdown and "{%" not in markdown:
        return markdown
    try:
        return _state["env"].from_string(markdown).render(call=_state["call"])
    except jinja2.TemplateError as error:
        raise Abort(f"{page.file.src_path}: {error}") from None


def call():
    """The validated call, for other hooks."""
    return _state["call"]
