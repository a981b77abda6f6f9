"""The command line, run in-process: exit 0 for any outcome, 2 for unusable input, never a traceback."""
import io
import json

import pytest

from proposal_checker import cli
from proposal_checker.dates import format_date, format_time

from calls import FIXTURES, resolve

# The answers as written for a call (calls.py notation); ``complete(call)`` fills them in.
COMPLETE_FOR = {
    "format": "proposal-checker/answers", "version": 1,
    "proposal": {"kind": "new", "file_name": "ファイル", "population": 5000, "file_population": 100000,
                 "processing": {k: "yes" for k in ("identifiers", "individual_codes", "linking_codes", "idiosyncratic", "other")},
                 "contribution": "yes", "period_of_use": "yes",
                 "measures": {k: "yes" for k in ("purpose_method", "access_control", "leak_prevention", "staff", "disposal", "incidents")}},
    "proposers": [{"type": "individual", "name": "山田太郎", "birth_date": "1980-04-01", "capacity": "no",
                   "bankruptcy": "none", "sentence": {"status": "none"}, "cancellation": {"status": "none"}}],
    "submission": {"method": "hand", "date": "{closes}", "time": "{closes_at}", "agent": "no"},
}


def complete(call):
    return {**resolve(COMPLETE_FOR, call), "call": call.id}


@pytest.fixture
def COMPLETE(call):
    return complete(call)


@pytest.fixture
def run(call):
    """The command line, checking against the test call's data (--call), never the packaged call."""
    def run_(*argv):
        if len(argv) >= 2 and argv[0] == "check":
            argv = (*argv, "--call", str(FIXTURES / f"{call.id}.json"))
        return run_bare(*argv)
    return run_


def run_bare(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def write(tmp_path):
    def write_(content, name="answers.json"):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
                            encoding="utf-8")
        return str(path)
    return write_


def test_a_passing_proposal_prints_the_result_for_a_person(write, run, call, COMPLETE):
    code, out, err = run("check", write(COMPLETE), "--now", "2026-02-10T09:00")
    assert code == 0 and err == ""
    # The three answers first, as on the page.
    assert out.index("【提案できるか（法第113条）】○ はい") < out.index("【審査基準のうち確かめられたこと（法第114条第1項）】○ 問題なし") \
        < out.index("【書類と出し方（公示5）】○ 問題なし") < out.index("【項目ごとの結果】")
    assert "法第113条第1号" in out
    assert f"【提出する書類】（各{call.copies}部）" in out and "誓約書" in out
    assert f"{format_date(call.closes)}{format_time(call.closes_at)}まで" in out
    assert f"最終的な判断は{call.agency_name}が行います。" in out
    assert call.address in out and call.telephone in out
    assert "作成日時：2026-02-10 09:00（日本時間）" in out


def test_a_failing_proposal_still_exits_0(write, run, call, COMPLETE):
    late = {**COMPLETE, "submission": {**COMPLETE["submission"], "time": resolve("{closes_at+1min}", call)}}
    code, out, _ = run("check", write(late))
    assert code == 0 and "【書類と出し方（公示5）】× 直すことがあります" in out
    assert "  × 持参する時刻" in out  # what fails, named under its answer


def test_json_output_is_the_result_format(write, run, COMPLETE):
    code, out, _ = run("check", write(COMPLETE), "--json", "--now", "2026-02-10T09:00")
    data = json.loads(out)
    assert code == 0 and data["format"] == "proposal-checker/result" and data["overall"] == "pass"
    assert data["made_at"] == "2026-02-10T09:00:00+09:00"


def test_the_output_is_reproducible_with_now(write, run, COMPLETE):
    path = write(COMPLETE)
    assert run("check", path, "--now", "2026-02-10T09:00") == run("check", path, "--now", "2026-02-10T09:00")


@pytest.mark.parametrize("content, field", [
    ({"proposers": [{"type": "individual", "birth_date": "2026-02-30"}]}, "proposers[0].birth_date"),
    ({"version": 3}, "version"),
    ({"call": 8}, "call"),
    ({"surprise": True}, "surprise"),
    ("{not json", "回答全体"),
    ("[" * 10000, "回答全体"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
])
def test_unusable_input_exits_2_naming_the_field(write, run, COMPLETE, content, field):
    content = {**COMPLETE, **content} if isinstance(content, dict) else content
    code, out, err = run("check", write(content))
    assert code == 2 and out == ""
    assert field in err and "Traceback" not in err


def test_answers_saved_for_another_call_are_checked_against_this_one_with_a_notice(write, run, call, COMPLETE):
    code, out, err = run("check", write({**COMPLETE, "call": "r6-old"}))
    assert code == 0
    assert "「r6-old」" in err and f"「{call.id}」" in err and call.title in err
    assert "【書類と出し方（公示5）】△ 確認が必要" in out and "  △ 回答を保存した募集" in out and "誓約書" in out


def test_a_bad_call_file_exits_2_naming_it(write, COMPLETE, tmp_path):
    answers = write(COMPLETE)
    code, _, err = run_bare("check", answers, "--call", str(tmp_path / "none.json"))
    assert code == 2 and "none.json" in err and "募集のデータを読めません" in err
    bad = write('{"schema_version": 1, "call": {}}', "call.json")
    code, _, err = run_bare("check", answers, "--call", bad)
    assert code == 2 and "募集のデータに誤りがあります（agency：ありません" in err and "Traceback" not in err


def test_without_call_the_packaged_call_is_used(write, COMPLETE):
    from proposal_checker.call import packaged_call
    code, out, _ = run_bare("check", write({**COMPLETE, "call": packaged_call().id}), "--json")
    assert code == 0 and json.loads(out)["call"] == packaged_call().id


def test_a_missing_file_exits_2(tmp_path, run):
    code, _, err = run("check", str(tmp_path / "nowhere.json"))
    assert code == 2 and "ファイルがありません" in err


def test_a_directory_exits_2(tmp_path, run):
    code, _, err = run("check", str(tmp_path))
    assert code == 2 and "ファイルを読めません" in err


def test_a_file_over_1_mb_exits_2(write, run):
    code, _, err = run("check", write(" " * (1_048_576 + 10)))
    assert code == 2 and "1MB" in err


@pytest.mark.parametrize("argv", [[], ["check"], ["verify", "x.json"], ["check", "a.json", "--bogus"]])
def test_bad_usage_exits_2(argv):
    code, _, err = run_bare(*argv)
    assert code == 2 and "使い方" in err


@pytest.mark.parametrize("now", ["2026-02-10", "2026-02-10 09:00", "2026-02-30T09:00", "yesterday"])
def test_a_bad_now_exits_2(write, run, COMPLETE, now):
    code, _, err = run("check", write(COMPLETE), "--now", now)
    assert code == 2 and "--now" in err


def test_a_byte_order_mark_is_accepted(write, run, COMPLETE):
    code, _, _ = run("check", write("\ufeff" + json.dumps(COMPLETE)))
    assert code == 0
