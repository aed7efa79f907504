import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # factories, corpus

import pytest

ES_SKIP_PREFIX = "Elasticsearch half skipped"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Report every skipped Elasticsearch case under one location, so `-ra` shows one line."""
    outcome = yield
    rep = outcome.get_result()
    if rep.skipped and isinstance(rep.longrepr, tuple) and str(rep.longrepr[2]).startswith(
            ("Skipped: " + ES_SKIP_PREFIX, ES_SKIP_PREFIX)):
        rep.longrepr = (str(Path(__file__)), 0, rep.longrepr[2])
