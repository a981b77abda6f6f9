"""Escaping, attribute writing and unbreakable units, shared by the page (render) and the input types (inputs)."""
from __future__ import annotations

import re
from html import escape
from typing import Any


def esc(value: Any) -> str:
    return escape(str(value), quote=True)


def attrs(**attrs: Any) -> str:
    """Attributes in order; ``True`` writes the bare name, ``None``/``False`` leaves it out."""
    out = []
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(out)


# Japanese text may break between any two characters. Browsers with ``word-break: auto-phrase``
# (Chromium) keep phrases together; Firefox and Safari do not, and split 「第3項第／2号」 or
# 「（2／部）」. So each citation, count, date and time in a message is wrapped, at render time,
# in ``<span class="nowrap">`` (site.css). Long dates are two units, 「2026年（令和8年）」 and
# 「3月13日（金）」, so a narrow card may still break between them. The site's pages use the same
# list (build/hooks/keep_together.py).
UNITS = re.compile("|".join((
    r"(?:法|規則|施行令|令)?(?:第\d+条(?:の\d+)?(?:第\d+項)?(?:第\d+号)?|第\d+項(?:第\d+号)?|第\d+号)",  # 法第114条第1項第2号
    r"公示\d+(?:[（(]\d+[）)])?[①-⑳]?(?:（注\d*）)?",                          # 公示5(2)（注1）, 公示5(1)②
    r"\d{4}年\d{1,2}月\d{1,2}日(?:（[月火水木金土日]）)?",                       # 2026年3月13日（金）
    r"\d{4}年（(?:令和|平成|昭和)(?:\d+|元)年）",                                # 2026年（令和8年）
    r"(?:令和|平成|昭和)(?:\d+|元)年(?:度|(?=\d+月))",                           # 令和7年度, 令和8年 before a month
    r"\d{1,2}月\d{1,2}日(?:（[月火水木金土日]）)?",                              # 3月13日（金）
    r"午[前後]\d{1,2}時(?:\d{1,2}分)?|\d{1,2}時\d{1,2}分|(?<![\d:])\d{1,2}:\d{2}(?![\d:])",  # 午後5時, 17時00分, 17:00
    r"〒?(?<![\d-])\d{1,4}(?:-\d{1,4}){1,2}(?![\d-])",                          # 〒100-0001, 03-0000-0000
    r"[（(]\d[\d,]*(?:部|件|人|通)[）)]",                                         # （2部）
    r"\d[\d,]*(?:か月|日間|年間|年|日|部|件|人|通|歳)",                          # 5,000人, 3か月, 5年
)))


def keep_together(text: Any) -> str:
    """``text`` escaped, with each citation, count, date and time in a no-wrap span."""
    return UNITS.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', esc(text))
