"""``python -m proposal_checker draft ANSWERS.json --out DIR``: the same draft as the page's, written as a
Word file; what was not made and why, and what could not be put in, said; exit codes as ``check`` has them."""
import io
import json
import zipfile

from applicants import applicant
from calls import FIXTURES
from proposal_checker import cli
from proposal_checker.drafting import build_documents, render_docx


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def draft(path, folder, call):
    return run("draft", str(path), "--out", str(folder), "--call", str(FIXTURES / f"{call.id}.json"))


def write(tmp_path, data, name="answers.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_draft_is_written_into_the_folder_with_the_pages_bytes(tmp_path, call):
    data = applicant("joint", call)
    code, out, err = draft(write(tmp_path, data), tmp_path / "out" / "new", call)
    assert (code, err) == (0, "")
    written = (tmp_path / "out" / "new" / f"proposal-draft-{call.id}.docx").read_bytes()
    assert written == render_docx(build_documents(data, call, failing=[]).documents)
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert archive.testzip() is None
    assert "提案書類の下書きを書き出しました" in out and "・誓約書" in out and "・委任状" not in out
    assert "作っていない書類" not in out and "下書きに入れられなかった答え" not in out


def test_a_failing_disqualification_withholds_the_pledge_and_says_which(tmp_path, call):
    data = applicant("individual", call)
    data["proposers"][0]["bankruptcy"] = "not-restored"
    code, out, _ = draft(write(tmp_path, data), tmp_path, call)
    assert code == 0
    assert "【作っていない書類】" in out and "誓約書は作っていません" in out and "提案者1（山田 𠮷子）：" in out
    assert "・誓約書" not in out


def test_what_could_not_be_put_in_is_named_by_its_answer(tmp_path, call):
    data = applicant("individual", call)
    data["draft"]["business"]["method"] = "制御\x0b文字"
    code, out, _ = draft(write(tmp_path, data), tmp_path, call)
    assert code == 0 and "【下書きに入れられなかった答え】" in out and "draft.business.method：文書に書けない制御文字" in out


def test_unusable_answers_exit_2_naming_the_field_and_write_nothing(tmp_path, call):
    data = applicant("individual", call)
    data["draft"]["period"]["end"] = "2026-02-30"
    code, out, err = draft(write(tmp_path, data), tmp_path / "out", call)
    assert code == 2 and out == "" and "draft.period.end：存在しない日付です（2026-02-30）" in err
    assert not (tmp_path / "out").exists()


def test_a_folder_that_cannot_be_written_exits_2_with_the_reason(tmp_path, call):
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    code, out, err = draft(write(tmp_path, applicant("individual", call)), tmp_path / "taken", call)
    assert code == 2 and "Word ファイルを書き出せません（同じ名前のファイルがあります。フォルダを指定してください）" in err


def test_without_a_folder_the_usage_is_said_and_the_exit_is_2(tmp_path, call):
    code, _, err = run("draft", str(write(tmp_path, applicant("individual", call))))
    assert code == 2 and "--out" in err and "draft ANSWERS.json --out DIR" in err
