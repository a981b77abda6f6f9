"""The notice text (docs/call/index.md) and the data file (docs/call.toml) say the same.

Staff edit the two separately each year: the data for the site and the checker, the notice word
for word. This is the check that tells them, section by section, which values disagree."""
from __future__ import annotations

import shutil

from conftest import ROOT
from notice_text import disagreements, report


def test_the_notice_text_and_the_data_file_agree():
    problems = disagreements(ROOT)
    assert not problems, report(problems)


FIXTURES = ROOT / "tests" / "fixtures" / "calls"


def copy_of_docs(tmp_path, **edits):
    """This year's call and notice text, frozen (the fixtures), with ``edits`` made to the data."""
    (tmp_path / "docs" / "call").mkdir(parents=True)
    shutil.copy2(FIXTURES / "r7-isa.notice.md", tmp_path / "docs" / "call" / "index.md")
    text = (FIXTURES / "r7-isa.toml").read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text
        text = text.replace(old, new, 1)
    (tmp_path / "docs" / "call.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_frozen_notice_and_data_agree(tmp_path):
    assert disagreements(copy_of_docs(tmp_path)) == []


def test_a_disagreement_names_the_section_the_field_and_both_values(tmp_path):
    import calldata
    call = calldata.load(FIXTURES / "r7-isa.toml")
    root = copy_of_docs(tmp_path, **{f'telephone = "{call.telephone}"': 'telephone = "099-999-0001"',
                                     f"copies = {call.copies}": f"copies = {call.copies + 1}"})
    problems = disagreements(root)
    assert len(problems) == 2, problems
    copies, telephone = problems
    assert copies.startswith("公示5(2)（提出の方法）：データ（docs/call.toml の submission.copies）は"
                             f"「提案書類{call.copies + 1}部」ですが、公示の本文（docs/call/index.md）は「提案書類{call.copies}部」")
    assert telephone.startswith("公示10（連絡先）：") and "099-999-0001" in telephone and call.telephone in telephone
    message = report(problems)
    assert "貼り替えて" in message and "データの値を公示のとおりに直して" in message


def test_a_changed_period_is_shown_in_the_notices_own_date_style(tmp_path):
    import calldata
    call = calldata.load(FIXTURES / "r7-isa.toml")
    root = copy_of_docs(tmp_path, **{f'opens = "{call.opens.isoformat()}"': 'opens = "2027-02-08"',
                                     f'closes = "{call.closes.isoformat()}"': 'closes = "2027-03-12"'})
    [problem] = disagreements(root)
    assert problem.startswith("公示4（募集期間）：データ（docs/call.toml の period.opens・period.closes・period.closes_at）は"
                              "「令和9年2月8日（月）から令和9年3月12日（金）")
    assert "公示の本文（docs/call/index.md）は「令和" in problem
