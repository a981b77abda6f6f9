"""The command line:

    python -m proposal_checker check ANSWERS.json [--json] [--now YYYY-MM-DDTHH:MM] [--call CALL.json]
    python -m proposal_checker draft ANSWERS.json --out DIR [--call CALL.json]

``check`` prints the result for a person (plain Japanese) or, with ``--json``, the result JSON.
``draft`` writes the proposal documents' draft (提案書の下書き) as one Word file into DIR, and says
which documents it holds, which were not made and why (the 誓約書 when a finding of 法第113条
fails), and what of the answers could not be put in. The answers are checked against the
packaged call, or with ``--call`` against another call's data (the JSON that build/calldata.py writes).
Exit status: 0 for any outcome (pass, fail or review; a draft with gaps); 2 when the input cannot
be used (the message names the field) or the file cannot be written. Never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from typing import TextIO

from .answers import MAX_BYTES, AnswersError, parse_answers_text, too_large
from .call import CallDataError, load_call_json, packaged_call
from .citations import citation_href
from .dates import JST
from .evaluate import evaluate
from .findings import Status
from .outcome import LINES, agency_only, item_line
from .result import Result
from .rules.kind import other_call

EXIT_OK = 0
EXIT_INPUT = 2

# ◇ for "stated": written in the proposal, its content judged by the agency (not ○, not a pass).
MARKS = {Status.PASS: "○", Status.FAIL: "×", Status.REVIEW: "△", Status.STATED: "◇"}


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports instead of exiting, so ``main`` keeps control of the exit status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m proposal_checker",
                     description="行政機関等匿名加工情報の提案の事前チェック（回答ファイルを判定します）")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = commands.add_parser("check", help="回答ファイル（JSON）を判定して結果を表示します")
    check.add_argument("answers", help="回答ファイルのパス（- なら標準入力）")
    check.add_argument("--json", action="store_true", help="結果を JSON で出力します")
    check.add_argument("--now", help="結果の作成日時（日本時間、YYYY-MM-DDTHH:MM）。省略すると現在の日時")
    check.add_argument("--call", help="募集のデータ（build/calldata.py が書く JSON）。省略するとこのチェッカーに入っている募集")
    draft = commands.add_parser("draft", help="回答ファイル（JSON）から提案書類の下書き（Word ファイル）を作ります")
    draft.add_argument("answers", help="回答ファイルのパス（- なら標準入力）")
    draft.add_argument("--out", required=True, help="Word ファイルを書き出すフォルダ（なければ作ります）")
    draft.add_argument("--call", help="募集のデータ（build/calldata.py が書く JSON）。省略するとこのチェッカーに入っている募集")
    return parser


USAGE = ("使い方：python -m proposal_checker check ANSWERS.json [--json] [--now YYYY-MM-DDTHH:MM] [--call CALL.json]\n"
         "　　　　python -m proposal_checker draft ANSWERS.json --out DIR [--call CALL.json]")


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else EXIT_OK
    except _UsageError as error:
        print(f"使い方の誤り：{error}", file=err)
        print(USAGE, file=err)
        return EXIT_INPUT
    if args.command not in ("check", "draft"):
        print(USAGE, file=err)
        return EXIT_INPUT
    now = None
    if getattr(args, "now", None) is not None:
        try:
            now = _parse_now(args.now)
        except ValueError:
            print(f"--now：日時は日本時間の YYYY-MM-DDTHH:MM で書いてください（{args.now!r} は使えません）", file=err)
            return EXIT_INPUT
    try:
        text = _read(args.answers)
    except OSError as error:
        print(f"{args.answers}：ファイルを読めません（{_why(error)}）", file=err)
        return EXIT_INPUT
    except UnicodeDecodeError:
        print(f"{args.answers}：文字を読めません。回答ファイルは UTF-8 で保存してください", file=err)
        return EXIT_INPUT
    try:
        call = packaged_call() if args.call is None else _read_call(args.call)
    except OSError as error:
        print(f"{args.call}：募集のデータを読めません（{_why(error)}）", file=err)
        return EXIT_INPUT
    except (ValueError, UnicodeDecodeError) as error:
        where = f"{error.field}：{error.problem}" if isinstance(error, CallDataError) else "JSON として読めません"
        print(f"{args.call}：募集のデータに誤りがあります（{where}）", file=err)
        return EXIT_INPUT
    try:
        answers = parse_answers_text(text)
    except AnswersError as error:
        print(f"{args.answers}：{error.summary}", file=err)
        for path, message in error.errors:  # the technical reasons, each naming its field
            print(f"  {path or '回答全体'}：{message}", file=err)
        return EXIT_INPUT
    saved_for = other_call(answers, call)
    if saved_for:
        print(f"{args.answers}：{saved_for}", file=err)
    result = evaluate(answers, call, now=now)
    if args.command == "draft":
        return _draft(answers, call, result, args.out, out, err)
    if args.json:
        out.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_text(result))
    return EXIT_OK


def _draft(answers, call, result: Result, folder: str, out: TextIO, err: TextIO) -> int:
    """Write the draft's Word file into ``folder``; say what it holds, what was not made and why."""
    from . import draft_page
    draft = draft_page.build(answers.to_json(), call, result)
    data, _ = draft_page.word_file(draft)
    path = os.path.join(folder, f"proposal-draft-{call.id}.docx")
    try:
        os.makedirs(folder, exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as error:
        print(f"{folder}：Word ファイルを書き出せません（{_why(error)}）", file=err)
        return EXIT_INPUT
    lines = [f"提案書類の下書きを書き出しました：{path}（{len(data):,}バイト）", "", "【入っている書類】"]
    lines += [f"・{d.title}" for d in draft.documents]
    if draft.withheld:
        lines += ["", "【作っていない書類】"] + [f"・{why}" for _, why in draft.withheld]
    if draft.problems:
        lines += ["", "【下書きに入れられなかった答え】"] + [f"・{path}：{message}" for path, message in draft.problems]
    lines += ["", "下書きです。空欄の項目は「（未記入）」と出ています。提出先の様式に従って仕上げてください。"]
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def _why(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "ファイルがありません"
    if isinstance(error, IsADirectoryError):
        return "フォルダです。回答ファイルを指定してください"
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "同じ名前のファイルがあります。フォルダを指定してください"
    if isinstance(error, PermissionError):
        return "読む権限がありません"
    return str(error.strerror or error)


def _read_call(path: str):
    with open(path, encoding="utf-8") as handle:
        return load_call_json(handle.read())


def _parse_now(text: str) -> datetime:
    if len(text) != 16 or text[10] != "T":
        raise ValueError(text)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M").replace(tzinfo=JST)


def _read(path: str) -> str:
    """The file's text; at most a little over the size limit is read, so the parser can report it."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1) if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    else:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _TooLarge(len(data) if path == "-" else os.path.getsize(path))
    return data.decode("utf-8-sig")


class _TooLarge(OSError):
    def __init__(self, size: int) -> None:
        # The same message as the page's (answers.too_large), so the limit is written once.
        super().__init__(too_large(size))
        self.strerror = too_large(size)


def format_text(result: Result) -> str:
    """The result as plain Japanese text for a person at a terminal: the three answers first (as on
    the page), what only the agency can settle, then every finding under its answer, the papers and
    how to hand them in."""
    lines = [result.call_title, "事前チェックの結果", ""]
    for a in result.answers:
        # Nothing found met, nothing open: what is left the agency judges (◇, not ○).
        mark = MARKS[Status.STATED] if a.state == "unchecked" else MARKS[a.status]
        lines.append(f"【{a.words.question}（{a.words.basis}）】{mark} {a.badge}")
        lines.append(a.says)
        lines.extend(f"  {MARKS[f.status]} {item_line(f)}" for f in a.open)
        lines.extend(f"  {line}" for line in a.lines())
    asked = agency_only(result.findings)
    if asked:
        lines.append(f"【{LINES['agency']}】")
        lines.append(LINES["agency_lead"])
        lines.extend(f"  {MARKS[f.status]} {item_line(f)}" for f in asked)
    lines.append("")
    legend = "　".join(f"{MARKS[s]} {s.label}" for s in (Status.PASS, Status.FAIL, Status.REVIEW, Status.STATED))
    lines.append(f"【項目ごとの結果】（{legend}）")
    for a in result.answers:
        lines.append(f"＜{a.words.question}＞")
        for f in (f for f in result.findings if f.part is a.part):
            subject = f"［{f.subject}］" if f.subject else ""
            agency = f"、{LINES['agency']}" if f.agency_only and f.status is Status.REVIEW else ""
            lines.append(f"{MARKS[f.status]} {subject}{f.title}（{f.status.label}{agency}）")
            lines.append(f"    {f.message}")
            for note in f.notes:
                lines.append(f"    ※ {note}")
            lines.append(f"    根拠：{'、'.join(f.basis)}")
    lines.append("")
    lines.append("【提出する書類】" + (f"（各{result.documents[0].copies}部）" if result.documents else ""))
    for d in result.documents:
        condition = f"（{d.condition}）" if d.condition else ""
        lines.append(f"□ {d.name}{condition}")
        lines.append(f"    {d.why}")
        for warning in d.warnings:
            lines.append(f"    ！ {warning}")
        lines.append(f"    根拠：{'、'.join(d.basis)}")
    if result.choices:
        lines.append("【あなたが答えた提出の方法と日時】")
        lines.extend(f"  {name}：{value}" for name, value in result.choices)
    lines.append("【提出の方法】")
    lines.extend(f"・{line}" for line in result.submission.how)
    lines.append("【提出先】")
    lines.extend(f"  {line}" for line in result.submission.where)
    lines.append(f"【締切】{result.submission.by}")
    lines.append("")
    lines.append("【この後の流れ】")
    lines.extend(f"・{line}" for line in result.next_steps)
    lines.append("")
    lines.append(result.disclaimer)
    lines.append(f"作成日時：{result.made_at.strftime('%Y-%m-%d %H:%M')}（日本時間）　判定ルールの版：{result.rules_version}")
    return "\n".join(lines) + "\n"


__all__ = ["main", "format_text", "citation_href"]
