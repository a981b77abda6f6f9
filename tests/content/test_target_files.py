"""The target-file list is data: adding a file to docs/call.toml adds it to the page, the CSV
and the JSON, with no change to any Markdown."""
from __future__ import annotations

import csv
import io
import json

import calldata
from conftest import ROOT, assert_clean_build, build, page_text
from proposal_checker.call import parse_call

ENTRY = """
[[target_files]]
name = "検証用ファイル<甲>"
agency = "検証庁"
office = "検証課"
purpose = "検証のための利用目的, カンマ入り"
items = "氏名、生年月日"
range = "検証の対象者"
population = 12345
source = "検証用の出典（2026年2月9日確認）"

[[target_files]]
name = "検証用ファイル乙"
agency = "検証庁"
office = "検証課"
purpose = "検証"
items = "国籍"
range = "検証の対象者"
source = "検証用の出典"
"""


def test_with_no_target_files_the_page_says_where_the_official_list_is(site):
    text = page_text(site / "files" / "index.html")
    assert "まだ載せていません" in text
    source = (site / "files" / "index.html").read_text(encoding="utf-8")
    call = calldata.load(ROOT / "docs" / "call.toml")
    assert f'href="{call.links["target_files"]}"' in source
    assert f'href="{call.links["file_register_search"]}"' in source
    assert "<table" not in source.split('id="list"', 1)[1].split("公式の一覧での探し方")[0]


def test_the_csv_has_a_bom_and_a_header_row(site):
    raw = (site / "data" / "target-files.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [[key for key, _ in calldata.TARGET_FILE_COLUMNS]]


def test_the_published_json_is_the_calls_own_json(site):
    call = calldata.load(ROOT / "docs" / "call.toml")
    assert json.loads((site / "data" / "call.json").read_text(encoding="utf-8")) == call.to_json()


def test_adding_a_target_file_is_a_data_change_only(project_copy, tmp_path):
    toml = project_copy / "docs" / "call.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + ENTRY, encoding="utf-8")
    new_site = tmp_path / "site"
    assert_clean_build(build(project_copy, new_site))

    page = (new_site / "files" / "index.html").read_text(encoding="utf-8")
    text = page_text(new_site / "files" / "index.html")
    assert "まだ載せていません" not in text
    assert "（2件）" in text
    assert "検証用ファイル&lt;甲&gt;" in page, "staff text must be escaped, not read as HTML"
    assert "12,345人" in text and "公表されていません" in text
    assert "検証用の出典（2026年2月9日確認）" in text

    rows = list(csv.DictReader(io.StringIO((new_site / "data" / "target-files.csv").read_bytes().decode("utf-8-sig"))))
    assert [r["name"] for r in rows] == ["検証用ファイル<甲>", "検証用ファイル乙"]
    assert rows[0]["purpose"] == "検証のための利用目的, カンマ入り"
    assert (rows[0]["population"], rows[1]["population"]) == ("12345", "")

    call = parse_call(json.loads((new_site / "data" / "call.json").read_text(encoding="utf-8")))
    assert [t.name for t in call.target_files] == ["検証用ファイル<甲>", "検証用ファイル乙"]
    assert call.target_files[1].population is None


def test_the_data_page_documents_every_field_of_the_json(site):
    call = calldata.load(ROOT / "docs" / "call.toml")
    text = page_text(site / "data" / "index.html")

    def keys(value, prefix=""):
        if isinstance(value, dict):
            for key, inner in value.items():
                yield from keys(inner, f"{prefix}.{key}" if prefix else key)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for key in value[0]:
                yield f"{prefix}[].{key}"
        else:
            yield prefix

    data = call.to_json()
    data.pop("holidays")
    for key in keys(data):
        assert key in text, f"{key} is not documented on data/index.html"
    assert "holidays" in text
    for key, _ in calldata.TARGET_FILE_COLUMNS:
        assert key in text
