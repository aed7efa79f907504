"""A data home with the sample corpus imported and indexed in the default embedded engine, shared by
the API tests (the parity suite in tests/index runs every engine on the same cases)."""

from __future__ import annotations

import os

import pytest

from thidua.config import DEFAULT_BACKEND


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("api-home")
    old = {k: os.environ.get(k) for k in ("THIDUA_HOME", "THIDUA_BACKEND")}
    os.environ["THIDUA_HOME"], os.environ["THIDUA_BACKEND"] = str(home), DEFAULT_BACKEND
    from thidua.corpus.importer import import_paths
    from thidua.corpus.ingest import Ingestor
    from thidua.corpus.sample import files
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import as_indexed, open_backend

    with CorpusStore.open() as store:
        summary = import_paths(Ingestor(store), [], files=files())
        assert summary.ok
        with open_backend(DEFAULT_BACKEND) as backend:
            assert backend.rebuild(as_indexed(store.iter_documents())).indexed == 5
    yield home
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def client(sample_home):
    from fastapi.testclient import TestClient

    from thidua.api.app import create_app
    from thidua.api.service import Service
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import open_backend

    app = create_app(lambda: Service(open_backend(DEFAULT_BACKEND, home=sample_home), CorpusStore.open(sample_home)))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
