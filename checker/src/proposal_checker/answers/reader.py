"""Reading a JSON value into the answers (model.py): parse and validate what a person answered.

Versions 1 and 2 (version 2 adds the drafts' answers, which drafts.py reads).

Strict by design: every problem is reported, each naming the field by its path
(``proposers[0].birth_date``) with a plain-Japanese message, and nothing but
``AnswersError`` ever escapes, whatever JSON value comes in. Missing fields are
valid (a flow in progress): they mean "not answered yet".
"""
from __future__ import annotations

import functools
import json
from datetime import date, time
from typing import Any, Callable

from ..dates import YearMonth, parse_hhmm, parse_iso_date, parse_year_month
from ..vocabulary import (BANKRUPTCY, BODY_BANKRUPTCY, BODY_TYPES, CANCELLATION_STATUS, DONE, KINDS, MEASURE_ITEMS,
                          METHODS, PROCESSING_ITEMS, PROPOSER_TYPES, SENTENCE_STATE, SENTENCE_STATUS, UNKNOWN,
                          YES_NO_UNKNOWN)
from . import drafts
from .errors import NOT_AN_ANSWERS_FILE, AnswersError, not_answers
from .model import (DATE_RANGE, EARLIEST_DATE, FORMAT, LATEST_DATE, MAX_COUNT, MAX_DEPTH, MAX_OFFICERS,
                    MAX_PROPOSERS, MAX_TEXT, VERSION, VERSIONS, Answers, Cancellation, DraftAnswers, Person, Proposal,
                    Proposer, Sentence, Submission)


def parse_answers(data: object) -> Answers:
    """Validate a JSON value and build ``Answers``; raises ``AnswersError`` listing every problem.

    ``call`` is the id of the call the answers were saved for; it may name another call (answers
    saved last year): the rules check them against the current call, and say so (rules/kind.py, ``other_call``).
    """
    errors: list[tuple[str, str]] = []
    try:
        answers = _Parser(errors).answers(data)
    except RecursionError:
        raise not_answers(f"入れ子が深すぎます。回答ファイルの入れ子は{MAX_DEPTH}段までです") from None
    paths = {path for path, _ in errors}
    if paths & {"", "format"}:
        # Not an object, or without the format's mark: some other file. Its fields mean nothing here.
        raise AnswersError(errors, NOT_AN_ANSWERS_FILE, show_errors=False)
    if "version" in paths:
        raise AnswersError(errors, _other_version(data), show_errors=False)
    if errors:
        raise AnswersError(errors)
    return answers


def _other_version(data: Any) -> str:
    version = data.get("version") if isinstance(data, dict) else None
    which = f"（版 {_show(version)}。このページが読めるのは{_versions()} です）" if "version" in data else ""
    return (f"この回答ファイルは、このページとは別の版のチェッカーで保存されたため、読めません{which}。"
            "このページで回答し直してください。")


def _versions() -> str:
    """「版 1 と版 2」: the versions this checker reads, in words."""
    return " と".join(f"版 {v}" for v in VERSIONS)


_TOP = ("format", "version", "call", "proposal", "proposers", "submission", "draft")
_PROPOSAL = ("kind", "file_name", "population", "file_population", "processing", "contribution",
             "period_of_use", "measures")
_PERSON = ("name", "birth_date", "capacity", "bankruptcy", "sentence", "cancellation")
_PROPOSER = ("type",) + _PERSON + ("certificate_date", "officers") + drafts.PROPOSER_KEYS
_SUBMISSION = ("method", "date", "time", "posted_on", "agent")


def _path(base: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}" if base else key


def _show(value: Any) -> str:
    """A short, safe rendering of a bad value for an error message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= 40 else text[:37] + "…"


def _field(empty: Any = None) -> Callable:
    """A reader of one field of ``data``: a field left out (or null) is not answered yet (``empty``);
    with ``allow_unknown``, "unknown" is an answer; anything else goes to the reader, with its path."""
    def wrap(read: Callable) -> Callable:
        @functools.wraps(read)
        def field(self: "_Parser", data: dict[str, Any], key: str, path: str, *args: Any,
                  allow_unknown: bool = False) -> Any:
            value = data.get(key)
            if value is None:
                return empty
            if allow_unknown and value == UNKNOWN:
                return UNKNOWN
            # The message then says what else may be written.
            extra = {"extra": "か \"unknown\""} if allow_unknown else {}
            return read(self, value, _path(path, key), *args, **extra)
        return field
    return wrap


class _Parser:
    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors

    def error(self, path: str, message: str) -> None:
        self.errors.append((path, message))

    # -- generic readers; each returns None after recording an error ---------------------------

    def obj(self, value: Any, path: str, allowed: tuple[str, ...], what: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(path, f"{what}は {{…}} のオブジェクトで書いてください（{_show(value)} は使えません）")
            return None
        for key in value:
            if key not in allowed:
                self.error(_path(path, str(key)), f"この項目は回答の形式にありません。使える項目は {', '.join(allowed)} です")
        return value

    @_field()
    def choice(self, value: Any, where: str, options: tuple[str, ...]) -> str | None:
        if not isinstance(value, str) or value not in options:
            self.error(where, f"{_show(value)} は使えません。{' / '.join(options)} のどれかにしてください")
            return None
        return value

    @_field(empty="")
    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            self.error(where, f"文字列で書いてください（{_show(value)} は使えません）")
            return ""
        if len(value) > MAX_TEXT:
            self.error(where, f"長すぎます（{len(value)}文字）。{MAX_TEXT}文字以内にしてください")
            return ""
        return value.strip()

    @_field()
    def count(self, value: Any, where: str, extra: str = "") -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(where, f"人数は整数{extra}で書いてください（{_show(value)} は使えません）")
            return None
        if not 0 <= value <= MAX_COUNT:
            self.error(where, f"人数は0から{MAX_COUNT:,}までの整数で書いてください（{value:,} は範囲外です）")
            return None
        return value

    @_field()
    def day(self, value: Any, where: str, extra: str = "") -> date | None:
        return self._date(value, where, extra)

    def _date(self, value: Any, where: str, extra: str = "") -> date | None:
        if not isinstance(value, str):
            self.error(where, f"日付は \"YYYY-MM-DD\" の文字列{extra}で書いてください（{_show(value)} は使えません）")
            return None
        try:
            parsed = parse_iso_date(value)
        except ValueError:
            if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
                self.error(where, f"存在しない日付です（{value}）")
            else:
                self.error(where, f"日付は \"YYYY-MM-DD\"（例：2030-04-01）{extra}で書いてください（{_show(value)} は使えません）")
            return None
        if not EARLIEST_DATE <= parsed <= LATEST_DATE:
            self.error(where, f"日付が範囲外です（{value}）。{DATE_RANGE}の日付にしてください")
            return None
        return parsed

    @_field()
    def day_or_month(self, value: Any, where: str) -> date | YearMonth | None:
        """A day, or a month given without its day ("YYYY-MM", added with format version 2: the end of a
        sentence, a cancellation). Version 1 files hold days only, and read as before."""
        if isinstance(value, str) and len(value) == 7:
            try:
                month = parse_year_month(value)
            except ValueError:
                self.error(where, f"年と月だけのときは \"YYYY-MM\"（例：2024-05）で書いてください（{_show(value)} は使えません）")
                return None
            if not EARLIEST_DATE <= month.first <= LATEST_DATE:
                self.error(where, f"日付が範囲外です（{value}）。{DATE_RANGE}の日付にしてください")
                return None
            return month
        return self._date(value, where, extra="か、年と月だけの \"YYYY-MM\"（例：2024-05）")

    @_field()
    def clock(self, value: Any, where: str) -> time | None:
        try:
            return parse_hhmm(value)
        except (ValueError, TypeError):
            self.error(where, f"時刻は日本時間の \"HH:MM\"（例：16:30）で書いてください（{_show(value)} は使えません）")
            return None

    def checklist(self, data: dict[str, Any], key: str, path: str, items: tuple[str, ...]) -> dict[str, str]:
        if key not in data or data[key] is None:
            return {}
        where = _path(path, key)
        raw = self.obj(data[key], where, items, "この項目")
        if raw is None:
            return {}
        result = {}
        for item in items:
            value = self.choice(raw, item, where, DONE)
            if value is not None:
                result[item] = value
        return result

    # -- the format ----------------------------------------------------------------------------

    def answers(self, data: Any) -> Answers:
        root = self.obj(data, "", _TOP, "回答")
        if root is None:
            return Answers()
        if root.get("format") != FORMAT:
            if "format" not in root:
                self.error("format", f"ありません。\"{FORMAT}\" と書いてください（回答ファイルの印です）")
            else:
                self.error("format", f"{_show(root['format'])} は回答ファイルの印ではありません。\"{FORMAT}\" と書いてください")
        version = root.get("version")
        if "version" not in root:
            self.error("version", f"ありません。{VERSION} と書いてください")
        elif isinstance(version, bool) or version not in VERSIONS:
            self.error("version", f"版 {_show(version)} は読めません。このチェッカーが読めるのは{_versions()} です")
        elif version < 2:
            self._version_1(root)
        # An id other than the current call's is kept, never refused: the answers are checked against
        # the current call, and the result says so (rules/kind.py, check_saved_for).
        call = None
        if "call" in root:
            if not isinstance(root["call"], str) or not root["call"]:
                self.error("call", f"募集の記号は文字列で書いてください（{_show(root['call'])} は使えません）")
            else:
                call = root["call"]
        proposal = self.proposal(root["proposal"]) if "proposal" in root else Proposal()
        proposers = self.proposers(root["proposers"]) if "proposers" in root else ()
        submission = self.submission(root["submission"]) if "submission" in root else Submission()
        draft = DraftAnswers()
        if root.get("draft") is not None:
            agent = root["submission"].get("agent") if isinstance(root.get("submission"), dict) else None
            draft = drafts.read_draft(self, root["draft"], proposal.kind, agent)
        return Answers(call=call, proposal=proposal, proposers=proposers, submission=submission, draft=draft)

    def _version_1(self, root: dict[str, Any]) -> None:
        """A version 1 file holds none of what version 2 adds (a file saved by this page never does)."""
        added = ["draft"] if root.get("draft") is not None else []
        if isinstance(root.get("proposers"), list):
            added += [f"proposers[{i}].{key}" for i, p in enumerate(root["proposers"]) if isinstance(p, dict)
                      for key in drafts.PROPOSER_KEYS if p.get(key) is not None]
        for path in added:
            self.error(path, "この項目は版 2 の回答ファイルにだけあります（version を 2 にしてください）")

    def proposal(self, value: Any) -> Proposal:
        data = self.obj(value, "proposal", _PROPOSAL, "proposal")
        if data is None:
            return Proposal()
        path = "proposal"
        kind = self.choice(data, "kind", path, KINDS)
        if kind is not None and kind != "new":
            for key in ("population", "file_population", "processing"):
                if data.get(key) is not None:
                    self.error(_path(path, key), "作成済みの匿名加工情報の利用の提案（法第118条）には、この項目はありません")
        return Proposal(
            kind=kind,
            file_name=self.text(data, "file_name", path),
            population=self.count(data, "population", path),  # type: ignore[arg-type]
            file_population=self.count(data, "file_population", path, allow_unknown=True),
            processing=self.checklist(data, "processing", path, PROCESSING_ITEMS),
            contribution=self.choice(data, "contribution", path, DONE),
            period_of_use=self.choice(data, "period_of_use", path, DONE),
            measures=self.checklist(data, "measures", path, MEASURE_ITEMS),
        )

    def proposers(self, value: Any) -> tuple[Proposer, ...]:
        if not isinstance(value, list):
            self.error("proposers", f"提案者は [ … ] の並びで書いてください（{_show(value)} は使えません）")
            return ()
        if not 1 <= len(value) <= MAX_PROPOSERS:
            self.error("proposers", f"提案者は1者から{MAX_PROPOSERS}者までです（{len(value)}者あります）")
            return ()
        return tuple(self.proposer(item, f"proposers[{i}]") for i, item in enumerate(value))

    def proposer(self, value: Any, path: str) -> Proposer:
        data = self.obj(value, path, _PROPOSER, "提案者")
        if data is None:
            return Proposer()
        kind = self.choice(data, "type", path, PROPOSER_TYPES)
        if kind in BODY_TYPES:
            for key in ("birth_date", "capacity"):
                if data.get(key) is not None:
                    self.error(_path(path, key), "法人その他の団体には、この項目はありません（役員ごとに officers に書きます）")
            if data.get("bankruptcy") == "restored":
                self.error(_path(path, "bankruptcy"),
                           "法人その他の団体には「復権」（\"restored\"）はありません。破産手続開始の決定の効力が続いているなら"
                           f" \"not-restored\"、続いていないなら \"none\" にしてください（使えるのは {' / '.join(BODY_BANKRUPTCY)}）")
        elif kind == "individual":
            for key in ("certificate_date", "officers"):
                if data.get(key) is not None:
                    self.error(_path(path, key), "個人の提案者には、この項目はありません（法人その他の団体だけの項目です）")
        person = self.person(data, path)
        officers = None
        if data.get("officers") is not None:
            raw = data["officers"]
            where = _path(path, "officers")
            if not isinstance(raw, list):
                self.error(where, f"役員は [ … ] の並びで書いてください（{_show(raw)} は使えません）")
            elif len(raw) > MAX_OFFICERS:
                self.error(where, f"役員は{MAX_OFFICERS}人までです（{len(raw)}人あります）")
            else:
                officers = tuple(self.officer(item, f"{where}[{i}]") for i, item in enumerate(raw))
        return Proposer(
            type=kind, certificate_date=self.day(data, "certificate_date", path, allow_unknown=True),
            officers=officers, **person, **drafts.read_proposer(self, data, path, kind),
        )

    def officer(self, value: Any, path: str) -> Person:
        data = self.obj(value, path, _PERSON, "役員")
        if data is None:
            return Person()
        return Person(**self.person(data, path))

    def person(self, data: dict[str, Any], path: str) -> dict[str, Any]:
        return {
            "name": self.text(data, "name", path),
            "birth_date": self.day(data, "birth_date", path, allow_unknown=True),
            "capacity": self.choice(data, "capacity", path, YES_NO_UNKNOWN),
            "bankruptcy": self.choice(data, "bankruptcy", path, BANKRUPTCY),
            "sentence": self.sentence(data["sentence"], _path(path, "sentence"))
            if data.get("sentence") is not None else None,
            "cancellation": self.cancellation(data["cancellation"], _path(path, "cancellation"))
            if data.get("cancellation") is not None else None,
        }

    def sentence(self, value: Any, path: str) -> Sentence | None:
        data = self.obj(value, path, ("status", "state", "ended_on"), "刑の回答")
        if data is None:
            return None
        status = self.choice(data, "status", path, SENTENCE_STATUS)
        state = self.choice(data, "state", path, SENTENCE_STATE)
        ended_on = self.day_or_month(data, "ended_on", path)
        if status in ("none", "unknown") and data.get("state") is not None:
            self.error(_path(path, "state"), "status が \"yes\" のときだけ書きます")
        if data.get("ended_on") is not None and (
                status in ("none", "unknown") or (state is not None and state != "ended")):
            self.error(_path(path, "ended_on"), "state が \"ended\"（刑の執行を終わった）のときだけ書きます")
        return Sentence(status=status, state=state, ended_on=ended_on)  # type: ignore[arg-type]

    def cancellation(self, value: Any, path: str) -> Cancellation | None:
        data = self.obj(value, path, ("status", "date"), "契約の解除の回答")
        if data is None:
            return None
        status = self.choice(data, "status", path, CANCELLATION_STATUS)
        when = self.day_or_month(data, "date", path)
        if data.get("date") is not None and status in ("none", "unknown"):
            self.error(_path(path, "date"), "status が \"yes\" のときだけ書きます")
        return Cancellation(status=status, date=when)  # type: ignore[arg-type]

    def submission(self, value: Any) -> Submission:
        path = "submission"
        data = self.obj(value, path, _SUBMISSION, "submission")
        if data is None:
            return Submission()
        method = self.choice(data, "method", path, METHODS)
        if method == "post" and data.get("time") is not None:
            self.error("submission.time", "時刻は持参（method が \"hand\"）のときだけ書きます")
        if method == "hand" and data.get("posted_on") is not None:
            self.error("submission.posted_on", "発送日は郵送・信書便（method が \"post\"）のときだけ書きます")
        # The proposal day may be 「わからない」 (a method not decided yet, say). It is kept apart from
        # ``date`` so that every rule reading the day (Context.proposal_day) still gets a date or None.
        when = self.day(data, "date", path, allow_unknown=True)
        return Submission(
            method=method,
            date=None if when == UNKNOWN else when,  # type: ignore[arg-type]
            date_unknown=when == UNKNOWN,
            time=self.clock(data, "time", path),
            posted_on=self.day(data, "posted_on", path),  # type: ignore[arg-type]
            agent=self.choice(data, "agent", path, YES_NO_UNKNOWN),
        )
