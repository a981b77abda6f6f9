"""The MkDocs hooks (build/hooks/*.py) as modules, for tests of what they write. MkDocs loads them
by their path; so does this."""
from __future__ import annotations

import importlib.util

from conftest import ROOT


def load_hook(name: str):
    path = ROOT / "build" / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"hook_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
