"""The notes beside the findings of 法第113条 (rules/disqualification.py): how ages and periods are
counted, 拘禁刑, a body's bankruptcy, the pledge and a suspended sentence. Each number or day of the
law in them comes from law.py. ``{agency}`` is filled with the call's agency where the note is used."""
from __future__ import annotations

from datetime import date, timedelta

from ..dates import first_day_after_counting
from ..law import DISQUALIFICATION_YEARS, KOKINKEI, since, years

TWO_YEARS = years(DISQUALIFICATION_YEARS)   # 「2年」


def _plain(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_ENDED = date(2024, 3, 1)   # the counting note's example
_FREE = first_day_after_counting(_ENDED, DISQUALIFICATION_YEARS.value)
NOTE_AGE = "年齢は、誕生日が始まった時に1歳増えます（年齢計算ニ関スル法律、民法第143条）。2月29日生まれの人は、うるう年でない年は3月1日に1歳増えます。"
NOTE_COUNTING = (f"「起算して{TWO_YEARS}」は、その日を1日目として数えます。例えば{_plain(_ENDED)}に終わった場合、"
                 f"{_plain(_FREE - timedelta(days=1))}までが{TWO_YEARS}の間で、{_plain(_FREE)}から提案できます。")
# 令和4年法律第68号第441条: acts before 2025-06-01 are punished under the old law, so 懲役 and 禁錮 are still
# imposed after that day. The provision that counts them as 拘禁刑 for other Acts' disqualifications was not
# found: a reading (「と解されます」), not a fact.
NOTE_KOKINKEI = (
    f"公示は「禁固以上の刑」と書いていますが、法第113条第4号の文言は「{KOKINKEI.value}以上の刑」です（{since(KOKINKEI)}から。"
    f"それより前の文言は「禁錮以上の刑」）。懲役と禁錮も、言い渡された日を問わず、「{KOKINKEI.value}以上の刑」に当たると解されます。"
    f"このチェックは、そのように判定しています。{_plain(KOKINKEI.since)}より前の行為は改正前の例によって罰せられるため（令和4年法律第68号第441条）、"
    "その日より後にも懲役や禁錮が言い渡されることがあります。この扱いを定める経過措置は確かめていないため、{agency}に確かめてください。"
)
NOTE_BODY_BANKRUPTCY = (
    "「復権」（破産法第255条・第256条）は個人のための制度で、法人その他の団体にはありません。"
    "株式会社は、破産手続開始の決定によって解散します（会社法第471条第5号）。合名会社・合資会社・合同会社（持分会社）も"
    "同じく解散すると解されます（会社法第641条第6号）。一般社団法人、一般財団法人などは、それぞれの法律の定めによります。"
    "破産手続が同意によって廃止されたとき（破産法第218条・第219条）などは、団体が続くこともあります。"
    "そのため、団体については、決定の効力が続いているかを聞いています。"
)
# 法第113条第3号 says nothing of bodies: that one under a decision in effect is disqualified is a reading.
READING_BODY_BANKRUPTCY = (
    "決定の効力が続いている団体が「破産手続開始の決定を受けて復権を得ない者」に当たるというのは、このサイトの読み方です"
    "（法第113条第3号は、団体について特に定めていません）。{agency}に確かめてください。"
)
NOTE_PLEDGE = (
    "欠格事由は、提案の時に当たらないことが必要で、審査でも確かめられます（法第114条第1項第1号）。"
    "契約の後に当たることになったときは、契約を解除されることがあります（法第120条第2号）。"
)
NOTE_SUSPENSION = (
    "執行猶予の期間を取り消されることなく終えると、刑の言渡しは、原則として効力を失います（刑法第27条第1項）。"
    f"ただし、{since(KOKINKEI)}からは、猶予の期間中に犯した罪について期間中に公訴が提起されているときなどは、"
    "その事件が終わるまで効力が続く場合があります（刑法第27条第2項以下）。"
    f"効力を失った場合、一般的な読み方では欠格事由に当たらず、{TWO_YEARS}を待つ必要もありません。ただし、この法律についてこの読み方が確かめられているわけではありません。"
    "{agency}に確かめてください。"
)
