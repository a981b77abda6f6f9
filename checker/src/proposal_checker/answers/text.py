"""Reading an answers file's text: its size, its nesting, duplicate keys and JSON syntax, each
reported as ``AnswersError`` with what to do; the value inside is then read by reader.py."""
from __future__ import annotations

import json
from typing import Any

from .model import FORMAT, MAX_BYTES, MAX_DEPTH, Answers
from .errors import CHOOSE_SAVED, AnswersError, not_answers
from .reader import parse_answers


def parse_answers_text(text: str) -> Answers:
    """Parse answers from JSON text: adds the not-JSON, too-large and too-deep errors."""
    if not isinstance(text, str):
        raise not_answers("回答は JSON の文字列で渡してください")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise not_answers("文字として読めない部分があります（UTF-8 で保存してください）") from None
    if size > MAX_BYTES:
        raise AnswersError([("", too_large(size))], too_large(size) + "。" + CHOOSE_SAVED, show_errors=False)
    depth = json_depth(text)
    if depth > MAX_DEPTH:
        raise not_answers(f"入れ子が深すぎます（{depth}段）。回答ファイルの入れ子は{MAX_DEPTH}段までです")
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                duplicates.append(key)
            result[key] = value
        return result

    def constant(name: str) -> Any:
        raise ValueError(f"{name} は JSON の値ではありません")

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except RecursionError:
        raise not_answers(f"入れ子が深すぎます。回答ファイルの入れ子は{MAX_DEPTH}段までです") from None
    except json.JSONDecodeError as error:
        message = f"JSON として読めません（{error.lineno}行目{error.colno}文字目：{_json_problem(error.msg)}）"
        # A saved file that was edited by hand still carries the format's mark: where it broke helps.
        if FORMAT in text:
            raise AnswersError([("", message)]) from None
        raise not_answers(message) from None
    except (ValueError, TypeError) as error:
        raise not_answers(f"JSON として読めません（{error}）") from None
    if duplicates:
        names = "、".join(sorted(set(duplicates)))
        raise AnswersError([("", f"同じ項目名が二度書かれています（{names}）。一つにしてください")])
    return parse_answers(data)


def too_large(size: int) -> str:
    """The message for an answers file of ``size`` bytes, over ``MAX_BYTES``."""
    return f"ファイルが大きすぎます（{size:,}バイト）。回答ファイルは{MAX_BYTES / 1_048_576:g}MB（{MAX_BYTES:,}バイト）以内です"


def _json_problem(msg: str) -> str:
    known = {
        "Expecting value": "値がありません",
        "Expecting property name enclosed in double quotes": "項目名は \" で囲んでください",
        "Expecting ',' delimiter": "「,」がありません",
        "Expecting ':' delimiter": "「:」がありません",
        "Extra data": "JSON の後に余分な文字があります",
        "Unterminated string starting at": "文字列が閉じていません",
        "Invalid control character at": "文字列の中に使えない制御文字があります",
    }
    return known.get(msg, msg)


def json_depth(text: str) -> int:
    """The deepest nesting of objects and arrays in JSON text, by one linear scan.

    Counted without parsing, so hostile input (``[[[[…``) cannot exhaust the stack.
    Brackets inside strings are skipped; invalid JSON is left for the parser to report.
    """
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest
