"""Citation strings map to the site pages that show their text."""
import pytest

from proposal_checker.citations import citation_href


@pytest.mark.parametrize("basis, href", [
    ("法第113条第1号", "law/#art-113"),
    ("法第112条第2項", "law/#art-112"),
    ("法第114条第1項第2号", "law/#art-114"),
    ("法第118条第1項", "law/#art-118"),
    ("法第120条", "law/#art-120"),
    ("規則第62条", "law/#rule-62"),
    ("規則第53条", "law/#rule-53"),
    ("公示3", "call/#s3"),
    ("公示3（注）", "call/#s3"),
    ("公示3①", "call/#s3"),
    ("公示4", "call/#s4"),
    ("公示5(1)", "call/#s5-1"),
    ("公示5(1)（注2）", "call/#s5-1"),
    ("公示5(1)②", "call/#s5-1"),
    ("公示5(2)", "call/#s5-2"),
    ("公示5(2)（注1）", "call/#s5-2"),
    ("公示5（2）", "call/#s5-2"),
    ("公示6②", "call/#s6"),
    ("公示7", "call/#s7"),
    ("公示9(3)", "call/#s9"),  # the notice page has anchors for the parts of section 5 only
    ("民法第4条", None),
    ("個人情報の保護に関する法律施行令第31条", None),
    ("", None),
    (None, None),
])
def test_citation_href(basis, href):
    assert citation_href(basis) == href
