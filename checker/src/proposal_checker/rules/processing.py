"""The processing method (法第114条第1項第3号, 規則第62条, 公示6③): new proposals only.

A guidance checklist of the standards of 規則第62条. The checker cannot judge a method, so this is
never a fail and never a pass: all five written is "stated" (the agency judges the method in its
review), anything else is "review" naming what is missing.
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
            "提案書に加工の方法を書いたかを聞きます。加工の方法が基準に適合するかは、審査で判断されます。新たな作成の提案だけが対象です。",
    stated=True,
)
def check_processing(ctx: Context) -> list[Finding]:
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
