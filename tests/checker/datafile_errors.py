"""How the data files' checks are tested: the packaged file, changed one way, is refused with a
message that names the field. One helper for every data file (questions, words, page words,
vocabulary, documents)."""
from __future__ import annotations

import copy
from typing import Any, Callable

import pytest


def refused(data: Any, parse: Callable[[Any], Any], error: type[Exception], mutate: Callable[[Any], Any]) -> str:
    """The message of the ``error`` that ``parse`` raises for a copy of ``data`` changed by ``mutate``."""
    changed = copy.deepcopy(data)
    mutate(changed)
    with pytest.raises(error) as raised:
        parse(changed)
    return str(raised.value)
