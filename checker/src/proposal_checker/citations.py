"""Citation strings ("法第113条第1号", "公示5(2)（注1）") and the site pages that show their text."""
from __future__ import annotations

import re

# 法第113条第1号 → law/#art-113: the law page carries one anchor per article.
_LAW = re.compile(r"^法第(\d+)条")
# 規則第62条 → law/#rule-62
_RULE = re.compile(r"^規則第(\d+)条")
# 公示5(2)（注1） → call/#s5-2; 公示6② → call/#s6. Half- and full-width brackets both occur.
_NOTICE = re.compile(r"^公示(\d+)(?:[(（](\d+)[)）])?")
# The notice page has an anchor for each section, and for the parts of section 5 only ({#s5-1},
# {#s5-2} in docs/call/index.md): 公示9(3) → call/#s9.
_NOTICE_PARTS = {5}


def citation_href(basis: str) -> str | None:
    """The site-relative address of the text a citation points to, or None if the site has no copy."""
    if not isinstance(basis, str):
        return None
    text = basis.strip()
    if match := _LAW.match(text):
        return f"law/#art-{int(match.group(1))}"
    if match := _RULE.match(text):
        return f"law/#rule-{int(match.group(1))}"
    if match := _NOTICE.match(text):
        section, sub = int(match.group(1)), match.group(2)
        return f"call/#s{section}" + (f"-{int(sub)}" if sub and section in _NOTICE_PARTS else "")
    return None


__all__ = ["citation_href"]
