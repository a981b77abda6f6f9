"""The call a site build works from, handed from one MkDocs hook to the others.

hooks/calldata.py reads and validates docs/call.toml in its ``on_config`` and hands the call, with
the Jinja environment the pages are rendered with, to this build's configuration (``keep``). Every
other hook asks for them with ``call_of(config)`` or ``templates_of(config)``. Asked before
hooks/calldata.py has run (it must stay the first hook in mkdocs.yml), they stop the build with a
message that says so, instead of an error deep inside a hook or, in a live preview, the call of
the build before.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.exceptions import Abort

# Where the configuration carries it (each build, and each rebuild of a live preview, has a fresh
# configuration, so nothing is left from an earlier build).
KEY = "_validated_call"
FIRST_HOOK = "build/hooks/calldata.py"


@dataclass(frozen=True)
class Validated:
    call: Any        # proposal_checker.call.Call
    templates: Any   # the jinja2.Environment the pages are rendered with


def keep(config, call, templates) -> None:
    config["extra"][KEY] = Validated(call, templates)


def _validated(config) -> Validated:
    found = (config.get("extra") or {}).get(KEY)
    if not isinstance(found, Validated):
        raise Abort(f"mkdocs.yml: the hooks need the call data before they run: put {FIRST_HOOK} "
                    "first in the list of hooks")
    return found


def call_of(config):
    """The call docs/call.toml describes, as this build validated it."""
    return _validated(config).call


def templates_of(config):
    """The Jinja environment the pages are rendered with (a hook adds its own functions to it)."""
    return _validated(config).templates
