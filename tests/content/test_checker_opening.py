"""The checker page carries its first screens, as the checker's own Python renders them, and the
sizes of what each way of starting downloads."""
from __future__ import annotations

import html
import json
import re

from conftest import BUNDLE


def opening_of(site) -> tuple[str, dict]:
    page = (site / "checker" / "index.html").read_text(encoding="utf-8")
    body = re.search(r"<div data-checker-body data-checker-js inert>(.*?)</div>\s*<script type=\"application/json\" id=\"checker-opening\">(.*?)</script>",
                     page, re.S)
    assert body, "the checker page has no opening screens"
    return body.group(1), json.loads(body.group(2))


def test_the_first_screen_is_what_python_answers_to_start(site):
    from proposal_checker import web

    shown, data = opening_of(site)
    screens = web.opening()
    assert data["screens"] == screens  # step 2 for each kind too (tests/checker/test_web.py)
    assert [s["request"] for s in data["screens"][:2]] == [{"action": "start"}, {"action": "next", "fields": {}}]
    assert shown == screens[0]["response"]["html"] == data["screens"][0]["response"]["html"]
    assert "はじめに" in html.unescape(shown)
    # The next screen is the first question, with its inputs.
    assert 'name="_step" value="kind"' in data["screens"][1]["response"]["html"]
    assert data["screens"][1]["response"]["focus"] == "step-heading"


def test_the_page_knows_what_each_start_downloads(site):
    _, data = opening_of(site)
    for start in ("normal", "snapshot"):
        files = data["download"][start]["files"]
        for name, size in files.items():
            assert size["bytes"] == (BUNDLE / name).stat().st_size, name
        assert data["download"][start]["bytes"] == sum(f["bytes"] for f in files.values())
    assert set(data["download"]["snapshot"]["files"]) - set(data["download"]["normal"]["files"]) == {
        "checker-snapshot.json", "checker.snapshot.gz"}
