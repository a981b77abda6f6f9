"""Does the notice text (docs/call/index.md, copied word for word) say what docs/call.toml says?

The two are edited separately by staff each year. ``disagreements(root)`` lists, in words a member
of staff can act on, each value of the data that the notice text does not carry: the section of
the notice (公示4 …), the fields of the data file, the value in the data and what the notice
text says at that place. The notice writes dates in the Japanese era only (令和8年2月9日（月）).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import calldata
from proposal_checker.dates import WEEKDAYS_JA, era_year, format_time


@dataclass(frozen=True)
class Check:
    section: str        # where in the notice: 「公示4（募集期間）」
    fields: str         # which fields of docs/call.toml
    expected: str       # the text the notice must contain, as the data says it
    pattern: str        # where the notice says it: a regular expression on the section's text
    shown: str = ""     # the data's value as the message shows it (default: ``expected``)


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def notice_day(day) -> str:
    """令和8年2月9日（月）: the way the notice writes a date."""
    return f"{era_year(day)}{day.month}月{day.day}日（{WEEKDAYS_JA[day.weekday()]}）"


def notice_sections(markdown: str) -> dict[str, str]:
    """The notice's own text (inside the notice-text blocks, editorial notes left out), by section:
    "前文" for what comes before 1, then "1" … "10" by the anchors {#s1} … {#s10}."""
    blocks = re.findall(r'<div class="notice-text" markdown>(.*?)\n</div>', markdown, flags=re.S)
    text = "\n".join(blocks)
    parts = re.split(r"^##\s.*\{#s(\d+)\}\s*$", text, flags=re.M)
    sections = {"前文": parts[0]}
    for number, body in zip(parts[1::2], parts[2::2]):
        sections[number] = body
    return {key: compact(value) for key, value in sections.items()}


def checks(call) -> list[Check]:
    era_date = r"(?:令和|平成)(?:\d+|元)年\d+月\d+日"
    clock = r"午[前後]\d+時(?:\d+分)?"
    office = compact(f"{call.agency_name} {call.office}")
    return [
        Check("前文（公示の日付）", "call.notice_date", f"{era_year(call.notice_date)}{call.notice_date.month}月{call.notice_date.day}日",
              era_date),
        Check("前文（募集の名称）", "call.title", compact(call.title), r"に基づき、(.+?)に関し必要な事項"),
        Check("前文（公示をした者）", "call.issuer", f'<pclass="notice-issuer">{compact(call.issuer)}</p>',
              r'<pclass="notice-issuer">.*?</p>'),
        Check("公示1（趣旨）", "agency.name", f"に基づいて、{compact(call.agency_name)}が保有する", r"に基づいて、(.+?)が保有する", call.agency_name),
        Check("公示2（提案の対象となる個人情報ファイル）", "links.target_files", call.links["target_files"],
              r"\[(https?://[^\]]+)\]"),
        Check("公示2（提案の対象となる個人情報ファイル）", "links.file_register_search", call.links["file_register_search"],
              r"e-Gov個人情報ファイル簿の検索\[(https?://[^\]]+)\]"),
        Check("公示4（募集期間）", "period.opens・period.closes・period.closes_at",
              f"{notice_day(call.opens)}から{notice_day(call.closes)}{format_time(call.closes_at)}まで",
              rf"{era_date}（.）から{era_date}（.）{clock}まで"),
        Check("公示5(1)（提出書類）", "links.forms", call.links["forms"], r"ダウンロード\{#s5-1-forms\}\[(https?://[^\]]+)\]"),
        Check("公示5(1)（注2）（本人確認書類）", "criteria_values.corporate_certificate_months",
              f"提案の日前{call.certificate_months}か月以内", r"提案の日前\d+か月以内"),
        Check("公示5(2)（提出の方法）", "submission.copies", f"提案書類{call.copies}部", r"提案書類\d+部"),
        Check("公示5(2)（提出の方法）", "agency.name", f"所管する{compact(call.agency_name)}に提出", r"所管する(.+?)に提出",
              call.agency_name),
        Check("公示5(2)（注1）（持参の受付時間）", "submission.hand_delivery.opens_at・closes_at",
              f"平日の{format_time(call.hand_opens_at)}から{format_time(call.hand_closes_at)}まで",
              rf"平日の{clock}から{clock}まで"),
        Check("公示5(2)（注2）（封筒の朱書き）", "submission.post.envelope_marking", f"「{compact(call.envelope_marking)}」と朱書き",
              r"「([^」]*)」と朱書き", call.envelope_marking),
        Check("公示5(2)（提出先）", "agency.postal_code", f"〒{call.postal_code}", r"〒[\d－-]+"),
        Check("公示5(2)（提出先）", "agency.address", compact(call.address), r"〒[\d－-]+(.+?)" + "(?:" + re.escape(office) + "|$)"),
        Check("公示5(2)（提出先）", "agency.name・agency.office", f"{compact(call.address)}{office}",
              r"\{#s5-2-address\}〒[\d－-]+(.+)$", f"{call.address} {call.agency_name} {call.office}"),
        Check("公示6②（本人の数）", "criteria_values.minimum_population", f"{call.minimum_population:,}人以上", r"[\d,]+人以上"),
        Check("公示10（連絡先）", "agency.name・agency.office", f"連絡先{{#s10-contact}}{office}", r"連絡先\{#s10-contact\}(.+?)電話",
              f"{call.agency_name} {call.office}"),
        Check("公示10（連絡先）", "agency.telephone", f"電話:{call.telephone}", r"電話[:：][\d－-]+"),
    ]


def _section_of(check: Check, sections: dict[str, str]) -> str:
    key = "前文" if check.section.startswith("前文") else re.match(r"公示(\d+)", check.section).group(1)
    return sections.get(key, "")


def _said(check: Check, text: str) -> str:
    found = re.search(check.pattern, text, flags=re.S)
    if not found:
        return ""
    said = found.group(1) if found.groups() else found.group(0)
    return said.replace('<pclass="notice-issuer">', "").replace("</p>", "")


def disagreements(root: Path) -> list[str]:
    """Every disagreement between root/docs/call.toml and the notice text root/docs/call/index.md."""
    call = calldata.load(root / "docs" / "call.toml")
    sections = notice_sections((root / "docs" / "call" / "index.md").read_text(encoding="utf-8"))
    problems = []
    for check in checks(call):
        text = _section_of(check, sections)
        if check.expected in text:
            continue
        said = _said(check, text)
        shown = check.shown or check.expected.replace('<pclass="notice-issuer">', "").replace("</p>", "")
        problems.append(
            f"{check.section}：データ（docs/call.toml の {check.fields}）は「{shown}」ですが、"
            + (f"公示の本文（docs/call/index.md）は「{said}」と書いています。" if said
               else "公示の本文（docs/call/index.md）のこの項に、それに当たる記述が見つかりません。")
        )
    for kind, items in (("公示3（欠格事由）", call.disqualifications), ("公示6（審査基準）", call.criteria)):
        section = sections.get(kind[2])
        for item in items:
            if compact(item.text) not in (section or ""):
                problems.append(f"{kind}：データ（docs/call.toml の {item.id}）の文言「{item.text}」が、"
                                "公示の本文（docs/call/index.md）にそのままの形で見つかりません。")
    return problems


def report(problems: list[str]) -> str:
    """The failure message: what disagrees, then what to do."""
    return (
        "公示の本文（docs/call/index.md）と募集のデータ（docs/call.toml）が合っていません。\n"
        + "\n".join(f"- {p}" for p in problems)
        + "\n新しい募集なら、公示の本文を新しい公示のとおりに貼り替えてください（アンカー {#s1} などは残します）。"
        "公示の本文が正しいなら、データの値を公示のとおりに直してください。"
    )
