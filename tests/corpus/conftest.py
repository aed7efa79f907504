from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # helpers.py


@pytest.fixture
def store(thidua_home):
    from thidua.corpus.store import CorpusStore

    with CorpusStore.open() as s:
        yield s


def pytest_configure(config):
    config.addinivalue_line("markers", "real_extractor: runs the real extractors (not a stub)")


@pytest.fixture
def ingestor(store, request):
    """An Ingestor with a stub extractor (tests marked ``real_extractor`` get the real one)."""
    from helpers import stub_extractor

    from thidua.corpus.ingest import Ingestor

    return Ingestor(store, extractor=None if "real_extractor" in request.keywords else stub_extractor())
