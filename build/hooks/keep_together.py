"""MkDocs hook: citations, counts, dates and times on the site's pages never break inside.

Japanese text may break between any two characters, so on a phone 「第3項第2号」 could end a line
after 「第」 and 「3部」 after 「3」. After a page's Markdown is converted, each such unit in its text
is wrapped in ``<span class="nowrap">`` (site.css: ``white-space: nowrap``). Long dates are two
units, 「2030年（令和12年）」 and 「1月7日（月）」, so a line may still break between them.

Only text is touched, never tags, attributes, or code, scripts and styles. The checker's own
markup is not page content and is left to the checker.
"""
from __future__ import annotations

import re

UNITS = re.compile(
    "|".join((
        r"(?:法|規則|施行令|令)?第\d+条(?:の\d+)?(?:第\d+項)?(?:第\d+号)?",   # 法第114条第1項第2号
        r"公示\d+(?:[（(]\d+[）)])?(?:（注\d*）)?",                       # 公示5(2)（注1）
        r"\d{4}年（(?:令和|平成|昭和)(?:\d+|元)年）",                      # 2030年（令和12年）
        r"(?:令和|平成)(?:\d+|元)年(?=\d+月)",                             # 令和12年 before a month
        r"\d{1,2}月\d{1,2}日(?:（[月火水木金土日]）)?",                    # 1月7日（月）
        r"午[前後]\d{1,2}時(?:\d{1,2}分)?",                                 # 午後3時30分
        r"〒?(?<![\d-])\d{1,4}(?:-\d{1,4}){1,2}(?![\d-])",                   # 〒100-0001, 1-2-3, 03-0000-0000
        r"\d[\d,]*(?:か月|日間|年間|部|件|人|通|歳)",                       # 3部, 2,000人, 3か月
    ))
)
TAG = re.compile(r"(<[^>]*>)")
SKIPPED = ("script", "style", "pre", "code", "textarea", "svg")


def keep_together(html: str) -> str:
    out, depth = [], 0
    for part in TAG.split(html):
        if part.startswith("<"):
            match = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
            if match and match.group(2).lower() in SKIPPED and not part.endswith("/>"):
                depth += -1 if match.group(1) else 1
                depth = max(depth, 0)
            out.append(part)
        elif depth or not part.strip():
            out.append(part)
        else:
            out.append(UNITS.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', part))
    return "".join(out)


def on_page_content(html, page, config, files):
    return keep_together(html)
