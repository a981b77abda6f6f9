"""MkDocs hook: the 試験結果 section of about/accessibility.md, from the last test run's results.

`make test` writes build/out/accessibility.json (tests/browser/conftest.py): the date, the
axe-core version and the rules it ran, every page and checker state checked with the number of
violations found, and the outcome of each test that a row of the statement reports (keyboard,
focus, reflow, HTML validation). This hook puts those figures on the page in place of the marker
below. Without the file (a build without a test run) the section says so and shows no result:
nothing here is written by hand.

A test counts for a row by its marker, ``@pytest.mark.accessibility("keyboard")``, never by its
name: renaming a test changes nothing here. A row that the results leave without any test stops
the build, so that a published row never turns silently into 「実施せず」.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT / "checker" / "src"))

from layout import ACCESSIBILITY_RESULTS as RESULTS  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from proposal_checker.dates import format_date  # noqa: E402

PAGE = "about/accessibility.md"
MARKER = "<!-- accessibility-results -->"
# The results file's format: version 2 names each test's row (version 1 matched test names).
FORMAT, VERSION = "accessibility-results", 2

# The statement's rows for the tests besides axe: the key a test's marker names, and what was tested.
ROWS = {
    "keyboard": "キーボードだけで、事前チェックを最初から結果まで操作できる",
    "focus": "次のステップに進むと見出しへ、入力に誤りがあるとエラーの一覧へフォーカスが移り、一覧のリンクで各項目へ移れる。"
             "準備中・準備完了・新しいステップ・結果が、読み上げ用の領域（ライブリージョン）で伝わる",
    "reflow": "幅 320 CSS ピクセルの画面と、200% の拡大（1280 × 800 の画面）で、すべてのステップ・回答の確認・結果が"
              "横スクロールなしに表示され、進むボタンを押せる",
    "html": "HTML の検証：すべてのページと、事前チェックが表示する各状態の HTML に文法の誤りがない",
}
OUTCOMES = {"passed": "合格", "failed": "不合格", "skipped": "実施せず"}


def _outcome(tests: list[dict], row: str) -> str:
    found = [t["outcome"] for t in tests if t.get("row") == row]
    if not found:
        raise Abort(f"{RESULTS.relative_to(ROOT)}: no test result for the accessibility statement's row "
                    f"{row!r} ({ROWS[row][:30]}…). Mark the tests it reports with "
                    f"@pytest.mark.accessibility({row!r}) and run every browser test (make test).")
    for outcome in ("failed", "skipped"):
        if outcome in found:
            return f"{OUTCOMES[outcome]}（{len(found)}件中{found.count(outcome)}件）"
    return f"合格（{len(found)}件）"


def _count(runs: list[dict]) -> str:
    failing = [r for r in runs if r["violations"]]
    if not failing:
        return f"{len(runs)}件すべてで違反なし"
    return f"{len(runs)}件中{len(failing)}件で違反あり"


def _table(runs: list[dict], head: str, scope: bool = False) -> list[str]:
    rows = [f"| {head} |" + (" 試験した範囲 |" if scope else "") + " 違反の数 | 違反した規則 |",
            "| --- |" + (" --- |" if scope else "") + " ---: | --- |"]
    for r in runs:
        rules = "、".join(r.get("rules_violated", [])) or "—"
        name = r["name"].replace("|", "｜")
        where = (" ページ全体 |" if r.get("scope", "page") == "page" else " 事前チェックの部分 |") if scope else ""
        rows.append(f"| {'`' + name + '`' if r['kind'] == 'page' else name} |{where} {r['violations']} | {rules} |")
    return rows


def results_markdown(data: dict | None) -> str:
    out = ["## 試験結果 {#results}", ""]
    if data is None:
        out += ["試験の結果は、このサイトの試験（`make test`）を実行したときに作られ、そのあとのビルドでここに載ります。",
                "このページは試験の結果がないままビルドされたため、結果を載せていません。", ""]
        return "\n".join(out)
    made = datetime.fromisoformat(data["date"])
    pages, states = data.get("pages", []), data.get("states", [])
    tests = data.get("tests", [])
    validator = data.get("validator") or {}
    out += [
        "この節は、試験の実行結果から自動で作っています。",
        "",
        f"- **試験日**：{format_date(made.date())} {made.hour}時{made.minute:02d}分（日本時間）",
        "- **試験の方法**：ヘッドレスの Chromium でサイトを表示し、自動で試験しました。",
        f"    - axe-core {data.get('axe_core', '')}：WCAG 2.0 と WCAG 2.1 のレベル A・AA の規則"
        f"（{', '.join(data.get('tags', []))}）のうち、実行した規則 {data.get('rules', 0)} 件",
        f"    - 対象：このサイトのすべてのページ（{len(pages)}ページ）と、事前チェックの {len(states)} の状態"
        "（はじめに、各ステップ、入力の誤りの表示、回答の確認、三つの結果、印刷の表示、読み込み中と失敗の表示、"
        "JavaScript が無効のとき）",
    ]
    if validator:
        out.append(f"    - HTML の検証：{validator.get('name', '')} {validator.get('version', '')}"
                   f"（{validator.get('documents', 0)}文書）")
    out += [
        "- **結果の概要**",
        f"    - ページ：{_count(pages)}",
        f"    - 事前チェックの状態：{_count(states)}",
        "",
        "### 操作と表示の試験 {#results-tests}",
        "",
        "| 試験の内容 | 結果 |",
        "| --- | --- |",
    ]
    out += [f"| {label} | {_outcome(tests, row)} |" for row, label in ROWS.items()]
    if validator.get("ignored"):
        out += ["", f"HTML の検証では、サイトのテーマ（mkdocs-material）が出力する部品の指摘 {validator['ignored']} 件を"
                "除いています（[既知の問題](#known-issues)を参照）。"]
    out += ["", "### ページごとの結果 {#results-pages}", ""] + _table(pages, "ページ")
    out += ["", "### 事前チェックの状態ごとの結果 {#results-states}", "",
            "各ステップのように、ページの他の部分が変わらない状態は、事前チェックの部分だけを試験しています。", ""]
    out += _table(states, "状態", scope=True)
    out.append("")
    return "\n".join(out)


def load_results(path: Path = RESULTS) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        return None  # not results this build can read: the section says there are none
    return data


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    if MARKER not in markdown:
        raise Abort(f"{PAGE} has lost its marker {MARKER!r} for the test results")
    return markdown.replace(MARKER, results_markdown(load_results()))
