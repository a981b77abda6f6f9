"""Legal numbers once: 「18歳」, 「2年」, the day 拘禁刑 applies from and the range of dates are built from
law.py and answers/model.py, and the period and deadline sentence from one place (Call)."""
import ast
import re
from pathlib import Path

import proposal_checker
from proposal_checker import law, render
from proposal_checker.answers import DATE_RANGE, EARLIEST_DATE, LATEST_DATE, parse_answers
from proposal_checker.evaluate import evaluate, submission_guide
from proposal_checker.questions import QUESTIONS
from proposal_checker.rules import disqualification
from proposal_checker.rules.disqualification_notes import NOTE_COUNTING, NOTE_KOKINKEI

PACKAGE = Path(proposal_checker.__file__).parent
# Written as words anywhere but where the value is defined: each is a number of the law or of the format.
# (The statute quoted in kanji, 「二年」, is a quotation and stays as the law writes it.)
WRITTEN = re.compile(r"18歳|(?<![\d０-９])[2２]年(?!度)|1900年|2100年|2025年（令和7年）6月1日|2025年6月1日")


def strings(source: str) -> list[str]:
    """The string constants of a module, its docstrings left out."""
    tree = ast.parse(source)
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docs]


def test_no_module_writes_the_laws_numbers_as_words():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "law.py":
            continue
        found += [(path.name, s[:60]) for s in strings(path.read_text(encoding="utf-8")) if WRITTEN.search(s)]
    # call.json is the call's own data (docs/call.toml, the notice's words): not ours.
    for path in sorted((PACKAGE / "data").glob("*.json")):
        if path.name != "call.json":
            found += [(path.name, m.group(0)) for m in WRITTEN.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_words_follow_the_laws_values():
    assert law.age(law.ADULT_AGE) == f"{law.ADULT_AGE.value}歳"
    assert disqualification.TITLES["113-4"] == f"刑に処せられて{law.years(law.DISQUALIFICATION_YEARS)}を経過しない者に当たらないこと"
    assert f"{law.ADULT_AGE.value}歳以上" in QUESTIONS["birth_date"].hint
    assert law.since(law.KOKINKEI) in QUESTIONS["sentence_person"].hint and law.since(law.KOKINKEI) in NOTE_KOKINKEI
    state = {o.value: o.hint for o in QUESTIONS["sentence_state"].options}
    assert f"{law.DISQUALIFICATION_YEARS.value}年を待つ" in state["suspension-completed"]
    assert "{" not in "".join(q.hint + "".join(o.hint for o in q.options) for q in QUESTIONS.values()).replace(
        "{agency}", "").replace("{certificate_months}", "").replace("{minimum_population}", "")


def test_the_counting_example_counts_by_the_law():
    # 「起算して2年」: ended on 2024-03-01, free from 2026-03-01 (the day itself is day one).
    assert "2024年3月1日に終わった場合、2026年2月28日まで" in NOTE_COUNTING and "2026年3月1日から提案できます" in NOTE_COUNTING


def test_each_value_of_the_law_says_where_it_is_written_and_from_when():
    assert (law.ADULT_AGE.basis, law.ADULT_AGE.since.isoformat()) == ("民法第4条", "2022-04-01")
    assert law.KOKINKEI.since.isoformat() == "2025-06-01" and law.since(law.KOKINKEI) == "2025年（令和7年）6月1日"
    assert law.DISQUALIFICATION_YEARS.basis.startswith("法第113条")
    assert law.MINIMUM_CALL_DAYS.basis == "規則第53条"


def test_the_range_of_dates_is_written_once():
    assert DATE_RANGE == f"{EARLIEST_DATE.year}年から{LATEST_DATE.year}年まで"
    data = {"format": "proposal-checker/answers", "version": 1, "submission": {"date": "1899-12-31"}}
    try:
        parse_answers(data)
    except ValueError as error:
        assert DATE_RANGE in str(error)
    else:
        raise AssertionError("a date before the range was read")


def test_the_period_and_the_deadline_are_one_sentence_everywhere(call):
    assert call.period_words == f"{proposal_checker.dates.format_date(call.opens)}から{call.deadline_words}まで"
    assert submission_guide(call).by == f"{call.deadline_words}まで（日本時間）"
    assert f"募集期間：{call.period_words}（日本時間）" in re.sub(r"<[^>]+>", "", render.start_page(call))
    result = evaluate(parse_answers({"format": "proposal-checker/answers", "version": 1}), call)
    date = next(f for f in result.findings if f.id == "submission.date")
    assert f"募集期間は{call.period_words}です。" in date.message
