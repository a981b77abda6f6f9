"""Validate docs/call.toml and write the JSON copy the checker and the site read.

    python build/calldata.py docs/call.toml OUT.json

National holidays come from the maintained ``holidays`` package (never typed by hand);
they are computed here, at build time, and packed into the JSON, because the checker
runs with the standard library only.
"""
from __future__ import annotations

import json
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
    """Name the key on the line a TOML syntax error points at (e.g. an impossible date)."""
    lineno = getattr(error, "lineno", None)
    if lineno:
        line = text.splitlines()[lineno - 1]
        key = line.split("=", 1)[0].strip() if "=" in line else line.strip()
        return f"{lineno}行目の {key}"
    return "ファイル全体"


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


def main(argv: list[str]) -> int:
    source, target = Path(argv[1]), Path(argv[2])
    try:
        call = load(source)
    except CallDataError as error:
        print(f"{source}: {error.field}: {error.problem}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(call.to_json(), ensure_ascii=False, indent=1) + "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
