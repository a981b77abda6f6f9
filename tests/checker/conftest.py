"""The call every call-dependent test runs on: both test calls (see calls.py), never the live data."""
import pytest

from calls import CALL_IDS, load


@pytest.fixture(params=CALL_IDS)
def call(request):
    return load(request.param)
