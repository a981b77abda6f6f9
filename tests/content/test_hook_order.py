"""The hooks get the call the build validated from one place (build/sitecall.py), and a change of
their order in mkdocs.yml stops the build with a message that says so."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

import sitecall
from conftest import build


def test_a_hook_that_asks_for_the_call_before_it_is_read_stops_the_build():
    for ask in (sitecall.call_of, sitecall.templates_of):
        with pytest.raises(Abort, match="build/hooks/calldata.py first"):
            ask({"extra": {}})


def test_the_call_is_what_the_calldata_hook_kept():
    config = {"extra": {}}
    sitecall.keep(config, "the call", "the templates")
    assert (sitecall.call_of(config), sitecall.templates_of(config)) == ("the call", "the templates")


def test_a_site_whose_hooks_are_reordered_does_not_build(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    first, second = "  - build/hooks/calldata.py\n", "  - build/hooks/period.py\n"
    assert first + second in text
    config.write_text(text.replace(first + second, second + first), encoding="utf-8")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "put build/hooks/calldata.py first in the list of hooks" in result.stdout + result.stderr
