"""The processing method (法第114条第1項第3号, 規則第62条, 公示6③): new proposals only.

A guidance checklist of the standards of 規則第62条. The checker cannot judge a method, so this is
never a fail and never a pass: all five written is "stated" (the agency judges the method in its
review), anything else is "review" naming what is missing.

Where the proposal's draft holds the processing table (法第112条第2項第4号: one row per 記録項目),
the finding follows the table, and the checklist is not asked (data/questions.json, ``drafted``):
every row with its 記録項目 and its treatment is "stated", a row without either is "review" naming
the row. Whether a treatment meets 規則第62条 stays the agency's to judge.
"""
from __future__ import annotations

from ..findings import Finding, Status
from ..vocabulary import PROCESSING_ITEMS
from . import Context, rule
from .common import said

BASIS = ("規則第62条", "法第114条第1項第3号", "法第112条第2項第4号", "公示6③")

# 規則第62条 各号, in our words (explanation, not a quotation). Items 1-4 each include a replacement
# 「…他の記述等に置き換えることを含む」 (住所 → 都道府県 is one); item 3 is only about codes that link
# the held information to the information the measures produce, and only codes the agency uses.
STANDARDS = {
    "identifiers": "特定の個人を識別できる記述等の全部または一部を、削除するか、復元できない方法でほかの記述等に置き換えること（第1号）",
    "individual_codes": "個人識別符号の全部を、削除するか、復元できない方法でほかの記述等に置き換えること（第2号）",
    "linking_codes": "保有個人情報と、それに措置を講じて得られる情報とを連結する符号（行政機関が現に取り扱う情報を相互に連結する"
                     "符号に限る）を、削除するか、連結できない符号に置き換えること（第3号）",
    "idiosyncratic": "特異な記述等を、削除するか、復元できない方法でほかの記述等に置き換えること（第4号）",
    "other": "個人情報ファイルの性質を踏まえた、そのほかの適切な措置をとること（第5号）",
}


@rule(
    id="processing",
    scope="new",
    title="加工の方法（規則第62条の基準）",
    basis=BASIS,
    explain="規則第62条の基準（特定の個人を識別できず、元の情報を復元できないようにする基準）の各号について、"
            "提案書に加工の方法を書いたかを聞きます。提案書の下書きで加工の方法の表を作ったときは、これを聞かずに、"
            "表のすべての行に記録項目と加工の方法があるかを確かめます。加工の方法が基準に適合するかは、審査で判断されます。"
            "新たな作成の提案だけが対象です。",
    stated=True,
)
def check_processing(ctx: Context) -> list[Finding]:
    if ctx.answers.draft.holds("processing"):
        return _from_the_table(ctx)
    answers = ctx.answers.proposal.processing
    missing = [STANDARDS[item] for item in PROCESSING_ITEMS if answers.get(item) != "yes"]
    notes = ("審査では、加工の方法が、特定の個人を識別できないように、また元の保有個人情報を復元できないようにするために必要な基準（規則第62条）に適合するかを見ます（公示6③）。",
             "加工の方法は、記録項目ごとに、どの程度まで丸めるか（例：住所を都道府県までにする）を特定して書きます"
             "（個人情報保護委員会のQ&A（行政機関等編）Q6-1-5）。")
    if not missing:
        return [said(Status.STATED, "規則第62条の五つの基準のすべてについて、加工の方法を書いたと回答しました。"
                                    f"書いた方法が基準に適合するかは、審査で{ctx.call.agency_name}が判断します。", notes=notes)]
    return [said(Status.REVIEW, "加工の方法に、まだ確かめていない基準があります。" + "".join(f"「{m}」" for m in missing)
                    + "について、提案書に加工の方法を書いてください。", notes=notes)]


def _from_the_table(ctx: Context) -> list[Finding]:
    """The draft's processing table: every row answered has its 記録項目 and its treatment."""
    notes = ("審査では、加工の方法が、特定の個人を識別できないように、また元の保有個人情報を復元できないようにするために必要な基準（規則第62条）に適合するかを見ます（公示6③）。",
             "規則第62条の基準：" + "／".join(STANDARDS.values()))
    rows = [(n, row) for n, row in enumerate(ctx.answers.draft.rows, 1) if any(row.values())]
    gaps = []
    for n, row in rows:
        lacking = [words for key, words in (("item", "記録項目"), ("treatment", "加工の方法")) if not row.get(key)]
        if lacking:
            named = f"（{row['item']}）" if row.get("item") else ""
            gaps.append(f"{n}行目{named}の{'と'.join(lacking)}")
    if gaps:
        return [said(Status.REVIEW, "提案書の下書きの加工の方法の表に、まだ書いていないところがあります。" + "、".join(gaps)
                     + "を書いてください。", notes=notes)]
    return [said(Status.STATED, f"提案書の下書きの加工の方法の表の{len(rows)}行すべてに、記録項目と加工の方法があります。"
                                f"書いた方法が基準に適合するかは、審査で{ctx.call.agency_name}が判断します。", notes=notes)]
