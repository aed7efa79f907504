"""The response cache (api/cache.py): repeated requests are answered from it, and never with an
answer from before the index or the corpus changed."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest


@pytest.fixture()
def own_home(tmp_path, monkeypatch):
    """A data home of its own (these tests rebuild and add to the index)."""
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    from thidua.corpus.importer import import_paths
    from thidua.corpus.ingest import Ingestor
    from thidua.corpus.sample import files
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import as_indexed, open_backend

    with CorpusStore.open(tmp_path) as store:
        assert import_paths(Ingestor(store), [], files=files()).ok
        with open_backend("sqlite", home=tmp_path) as backend:
            backend.rebuild(as_indexed(store.iter_documents()))
    return tmp_path


@pytest.fixture()
def app_client(own_home):
    from fastapi.testclient import TestClient

    from thidua.api.app import create_app
    from thidua.api.service import Service
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import open_backend

    app = create_app(lambda: Service(open_backend("sqlite", home=own_home), CorpusStore.open(own_home)))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _search(client, **params):
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    return r


def test_a_repeated_request_is_a_hit_with_the_same_body(app_client):
    first = _search(app_client, q="thi đua", province="Hà Nội")
    again = _search(app_client, province="Hà Nội", q="thi đua")  # the order of the names does not matter
    assert first.headers["x-cache"] == "miss" and again.headers["x-cache"] == "hit"
    assert again.content == first.content and again.headers["content-type"] == "application/json"
    other = _search(app_client, q="thi đua", province="Hà Nội", page=2)
    assert other.headers["x-cache"] == "miss"
    awards = [app_client.get("/api/awards", params={"size": 3}) for _ in range(2)]
    assert [r.headers["x-cache"] for r in awards] == ["miss", "hit"] and awards[0].content == awards[1].content


def test_errors_and_exports_are_not_kept(app_client):
    for _ in range(2):
        r = app_client.get("/api/search", params={"size": 5000})
        assert r.status_code == 400 and r.headers.get("x-cache") == "miss"
    for _ in range(2):
        r = app_client.get("/api/awards", params={"format": "csv"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert r.headers.get("x-cache") == "miss"


def test_a_rebuild_swapped_in_is_seen_at_once(app_client, own_home):
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import as_indexed, open_backend

    assert _search(app_client, q="thi đua").json()["total"] == 5
    assert _search(app_client, q="thi đua").headers["x-cache"] == "hit"
    with CorpusStore.open(own_home) as store, open_backend("sqlite", home=own_home) as backend:
        backend.rebuild(as_indexed(list(store.iter_documents())[:4]))  # a fresh file, renamed over the live one
    r = _search(app_client, q="thi đua")
    assert r.headers["x-cache"] == "miss" and r.json()["total"] == 4


def test_a_write_in_place_is_never_hidden(own_home):
    """``add`` writes into the live index file. (Tantivy here: a server's FTS5 connection keeps a
    read transaction open, which makes ``add`` from elsewhere wait for the lock.)"""
    from fastapi.testclient import TestClient

    from thidua.api.app import create_app
    from thidua.api.service import Service
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import as_indexed, open_backend

    with CorpusStore.open(own_home) as store:
        docs = list(store.iter_documents())
    with open_backend("tantivy", home=own_home) as backend:
        backend.rebuild(as_indexed(docs[:4]))
    app = create_app(lambda: Service(open_backend("tantivy", home=own_home), CorpusStore.open(own_home)))
    with TestClient(app) as client:
        assert _search(client, q="thi đua").json()["total"] == 4
        assert _search(client, q="thi đua").headers["x-cache"] == "hit"
        with open_backend("tantivy", home=own_home) as backend:
            backend.add(as_indexed(docs[4:]))  # same file, one more document
        assert _search(client, q="thi đua").headers["x-cache"] == "miss"


def test_a_corpus_change_is_seen_at_once(app_client, own_home):
    """Award rows are read from the corpus store: a change there alone must not be hidden."""
    from thidua.corpus.ingest import Ingestor
    from thidua.corpus.models import RawDocument
    from thidua.corpus.store import CorpusStore

    body = app_client.get("/api/awards").json()
    assert app_client.get("/api/awards").headers["x-cache"] == "hit"
    with CorpusStore.open(own_home) as store:
        text = "Chủ tịch UBND huyện Thạch Thất tặng Giấy khen cho 12 cá nhân có thành tích xuất sắc."
        Ingestor(store).add(RawDocument(url="https://example.vn/khen", content=text.encode(), source="local",
                                        fetched_at=datetime.now(timezone.utc), title="Khen thưởng"))
    r = app_client.get("/api/awards")
    assert r.headers["x-cache"] == "miss" and r.json()["total"] == body["total"]  # not indexed yet: same rows


def test_the_cache_can_be_turned_off(own_home, monkeypatch):
    from fastapi.testclient import TestClient

    from thidua.api.app import create_app
    from thidua.api.service import Service
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import open_backend

    monkeypatch.setenv("THIDUA_API_CACHE_MB", "0")
    app = create_app(lambda: Service(open_backend("sqlite", home=own_home), CorpusStore.open(own_home)))
    with TestClient(app) as c:
        for _ in range(2):
            assert "x-cache" not in _search(c, q="thi đua").headers


def test_file_generation_changes_on_write_and_on_swap(tmp_path):
    from thidua.api.cache import FileGeneration

    path = tmp_path / "x.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    gen = FileGeneration(path)
    a = gen()
    assert gen() == a
    conn.execute("INSERT INTO t VALUES(1)")
    conn.commit()
    b = gen()
    assert b != a
    conn.close()
    fresh = tmp_path / "y.sqlite3"
    other = sqlite3.connect(fresh)
    other.execute("CREATE TABLE t(x)")
    other.commit()
    other.close()
    fresh.replace(path)
    c = gen()
    assert c not in (a, b) and c[0] > b[0]  # a new epoch, whatever the inode number
    path.unlink()
    assert gen() is None


def test_lru_is_bounded_in_bytes():
    from thidua.api.cache import ResponseCache

    cache = ResponseCache(max_bytes=250)
    for i in range(5):
        cache.put(f"k{i}", 1, 200, [], b"x" * 100)
    assert cache.bytes <= 250 and len(cache) == 2
    assert cache.get("k4", 1) is not None and cache.get("k0", 1) is None
    assert cache.get("k4", 2) is None  # another generation


def test_identical_requests_at_once_are_computed_once(own_home):
    """Requests that arrive while the same one is computed share its answer (X-Cache: shared)."""
    import asyncio
    import threading

    import httpx

    from thidua.api.app import create_app
    from thidua.api.service import Service
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import open_backend

    computed = 0
    gate = threading.Event()

    class Counting(Service):
        def search(self, query):
            nonlocal computed
            computed += 1
            gate.wait(5)  # hold the first computation until the others have arrived
            return super().search(query)

    app = create_app(lambda: Counting(open_backend("sqlite", home=own_home), CorpusStore.open(own_home)))

    async def main():
        async with app.router.lifespan_context(app):
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                tasks = [asyncio.create_task(client.get("/api/search", params={"q": "thi đua"})) for _ in range(5)]
                await asyncio.sleep(0.3)
                gate.set()
                return await asyncio.gather(*tasks)

    answers = asyncio.run(main())
    assert computed == 1
    assert sorted(r.headers["x-cache"] for r in answers) == ["miss"] + ["shared"] * 4
    assert len({r.content for r in answers}) == 1
