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


@pytest.fixture
def ingestor(store):
    from thidua.corpus.ingest import Ingestor

    return Ingestor(store)
