"""Validate docs/call.toml and write the JSON copy the checker and the site read.

    python build/calldata.py docs/call.toml OUT.json

National holidays come from the maintained ``holidays`` package (never typed by hand);
they are computed here, at build time, and packed into the JSON, because the checker
runs with the standard library only.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "checker" / "src"))

from proposal_checker.call import Call, CallDataError, parse_call  # noqa: E402


def japanese_holidays(first_year: int, last_year: int) -> dict[date, str]:
    import holidays

    days = holidays.Japan(years=range(first_year, last_year + 1), language="ja")
    return {day: name for day, name in sorted(days.items())}


def toml_error_field(text: str, error: tomllib.TOMLDecodeError) -> str:
    """Name the field on the line a TOML syntax error points at (e.g. an impossible date).

    Python 3.14 gives ``error.lineno``; older versions only put "(at line N, column M)" in the
    message, so both are read. The key is prefixed with the [table] it sits in: ``period.opens``.
    """
    lineno = getattr(error, "lineno", None)
    if not lineno:
        found = re.search(r"at line (\d+)", str(error))
        lineno = int(found.group(1)) if found else None
    lines = text.splitlines()
    if not lineno or lineno > len(lines):
        return "ファイル全体"
    table = ""
    for line in lines[: lineno - 1]:
        header = re.match(r"\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", line)
        if header:
            table = header.group(1)
    line = lines[lineno - 1]
    key = line.split("=", 1)[0].strip() if "=" in line else line.strip()
    name = f"{table}.{key}" if table and "=" in line else key
    return f"{name}（{lineno}行目）"


def load(path: Path) -> Call:
    """Read and validate the staff-edited TOML; raises CallDataError naming the field."""
    text = path.read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CallDataError(toml_error_field(text, error), f"TOML として読めません（{error}）") from None
    years = []
    for key in ("opens", "closes"):
        value = raw.get("period", {}).get(key)
        try:
            years.append(date.fromisoformat(str(value)).year)
        except ValueError:
            pass  # parse_call reports the field
    first, last = (min(years), max(years)) if years else (2000, 2000)
    return parse_call(raw, japanese_holidays(first - 1, last + 1))


# The columns of the target-file CSV, in order: (field of call.toml / call.json, heading).
TARGET_FILE_COLUMNS = (
    ("name", "個人情報ファイルの名称"),
    ("agency", "行政機関の名称"),
    ("office", "事務をつかさどる組織"),
    ("purpose", "利用目的"),
    ("items", "記録項目"),
    ("range", "記録範囲"),
    ("population", "本人の数"),
    ("source", "出典"),
)


def call_json_text(call: Call) -> str:
    """The machine-readable copy of the call (the shape ``parse_call`` reads back)."""
    return json.dumps(call.to_json(), ensure_ascii=False, indent=1) + "\n"


def target_files_csv(call: Call) -> bytes:
    """The target-file list as CSV: UTF-8 with a byte-order mark, so that Excel reads the
    Japanese text correctly when the file is opened by double-clicking; CRLF line ends (RFC 4180).
    The first row holds the field names of call.json; an unknown 本人の数 is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([key for key, _ in TARGET_FILE_COLUMNS])
    for entry in call.target_files:
        writer.writerow(["" if getattr(entry, key) is None else getattr(entry, key) for key, _ in TARGET_FILE_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def main(argv: list[str]) -> int:
    source, target = Path(argv[1]), Path(argv[2])
    try:
        call = load(source)
    except CallDataError as error:
        print(f"{source}: {error.field}: {error.problem}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    text = call_json_text(call)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
