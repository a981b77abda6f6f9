"""The entry the browser worker calls: one JSON request in, one JSON response out.

Request:  {"action": "start" | "next" | ..., "fields": {name: [values]}, ...}
Response: {"html": str, "focus": element id, "announce": str, "title": str}
"""
from __future__ import annotations

import json
from datetime import date
from html import escape

from .call import packaged_call
from .dates import age_on, format_date


def handle(request_json: str) -> str:
    request = json.loads(request_json)
    call = packaged_call()
    if request.get("action") == "start":
        return json.dumps({"html": _form(call), "focus": "checker-heading"})
    fields = request.get("fields", {})
    try:
        birth = date.fromisoformat(fields.get("birth", [""])[0])
    except ValueError:
        return json.dumps({"html": _form(call, "＊生年月日を YYYY-MM-DD で入力してください。"), "focus": "birth"})
    day = call.closes
    adult = age_on(birth, day) >= 18
    text = "法第113条第1号（未成年者）：" + ("該当しません" if adult else "該当します")
    return json.dumps({"html": _form(call) + f"<p>{escape(text)}（{format_date(day)}）</p>", "announce": text})


def _form(call, error: str = "") -> str:
    return (
        '<form><label for="birth">生年月日</label><input id="birth" name="birth">'
        + (f"<p>{escape(error)}</p>" if error else "")
        + '<button name="action" value="next">判定する</button></form>'
    )
