"""add() and rebuild() on a live index, for both embedded backends: replacing a document by id,
and a reader opened before a rebuild seeing the new index on its next search."""

from __future__ import annotations

import dataclasses

import pytest

from corpus import build
from thidua.index.models import SearchQuery


def _engine(kind, path):
    if kind == "sqlite":
        from thidua.index.sqlite import SqliteBackend

        return SqliteBackend(path / "index.sqlite3")
    from thidua.index.tantivy_backend import TantivyBackend

    return TantivyBackend(path / "tantivy.sqlite3")


@pytest.mark.parametrize("kind", ["sqlite", "tantivy"])
def test_add_replaces_by_id(kind, tmp_path):
    docs = build()
    engine = _engine(kind, tmp_path)
    engine.rebuild(docs[:3])
    assert engine.search(SearchQuery(q="")).total == 3
    changed = dataclasses.replace(docs[0], title="Tiêu đề mới hoàn toàn")
    engine.add([changed, *docs[3:]])
    r = engine.search(SearchQuery(q="tieu de moi"))
    assert [h.id for h in r.hits] == ["d1"]
    assert engine.search(SearchQuery(q="")).total == 7
    assert engine.health().documents == 7
    engine.close()


@pytest.mark.parametrize("kind", ["sqlite", "tantivy"])
def test_add_from_a_new_engine_object(kind, tmp_path):
    # `thidua` opens a backend per command: add() is its first call
    docs = build()
    _engine(kind, tmp_path).rebuild(docs[:3])
    engine = _engine(kind, tmp_path)
    assert engine.add(docs[3:]).indexed == 4
    assert engine.search(SearchQuery(q="")).total == 7
    engine.close()


def test_tantivy_reader_sees_a_rebuild(tmp_path):
    docs = build()
    writer, reader = _engine("tantivy", tmp_path), _engine("tantivy", tmp_path)
    writer.rebuild(docs[:2])
    assert reader.search(SearchQuery(q="")).total == 2
    writer.rebuild(docs)
    assert reader.search(SearchQuery(q="")).total == 7
    assert len(list(tmp_path.glob("tantivy.*/"))) == 1  # the old directory is gone
    writer.close()
    reader.close()


@pytest.mark.parametrize("kind", ["sqlite", "tantivy"])
def test_a_reader_that_searched_neither_blocks_nor_misses_another_writer(kind, tmp_path):
    # a server's engine object searches; `thidua index` in another process add()s in place
    docs = build()
    _engine(kind, tmp_path).rebuild(docs[:3])
    reader = _engine(kind, tmp_path)
    assert reader.search(SearchQuery(q="", facets=["province", "year", "award"])).total == 3
    writer = _engine(kind, tmp_path)
    if kind == "sqlite":
        writer.conn.execute("PRAGMA busy_timeout=200")  # a held read lock fails fast, not after 5 s
    assert writer.add(docs[3:]).indexed == 4
    writer.close()
    assert reader.search(SearchQuery(q="")).total == 7
    reader.close()
