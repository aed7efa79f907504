"""tantivy counts the facets of a broad query as totals − the rest (index/tantivy_backend.py):
the same counts as aggregating over the matches, on varied articles, with and without selections."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from thidua.index import tantivy_backend as TB
from thidua.index.base import as_indexed
from thidua.index.models import SearchQuery

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    from synth import generate

    from thidua.corpus.ingest import Ingestor
    from thidua.corpus.models import RawDocument
    from thidua.corpus.store import CorpusStore

    home = tmp_path_factory.mktemp("complement")
    now = datetime.now(timezone.utc)
    with CorpusStore.open(home) as store:
        ingest = Ingestor(store)
        for d in generate(400):
            ingest.add(RawDocument(url=d.url, content=d.text.encode(), source=d.source, fetched_at=now,
                                   title=d.title, published=d.published))
        b = TB.TantivyBackend(home / "tantivy.sqlite3")
        b.rebuild(as_indexed(store.iter_documents()))
    yield b
    b.close()


def facets(b, q, filters, share, monkeypatch):
    monkeypatch.setattr(TB, "COMPLEMENT_SHARE", share)
    b._totals, b._counts = {}, {}
    res = b.search(SearchQuery(q=q, filters=filters, size=3, facet_size=15))
    return res.total, res.facets, res.facets_truncated, [h.id for h in res.hits]


CASES = [("thi đua", {}), ("khen thưởng", {"province": ["Hà Nội"]}), ("thi đua", {"year": ["2020", "2021"]}),
         ("phong trào thi đua", {"province": ["Nghệ An"], "year": ["2019"]}), ("", {}), ("", {"year": ["2018"]}),
         ('"phong trào thi đua"', {"award": ["Bằng khen"]}), ("bằng khen", {})]


@pytest.mark.parametrize("q, filters", CASES)
def test_complement_counts_equal_direct_counts(backend, q, filters, monkeypatch):
    direct = facets(backend, q, filters, 2.0, monkeypatch)  # never by complement
    by_rest = facets(backend, q, filters, 0.0, monkeypatch)  # always by complement
    assert by_rest == direct
    assert sum(v.count for v in direct[1]["province"]) > 0


def test_broad_queries_take_the_complement(backend, monkeypatch):
    monkeypatch.setattr(TB, "COMPLEMENT_SHARE", 0.5)
    calls = []
    real = TB.TantivyBackend._by_complement
    monkeypatch.setattr(TB.TantivyBackend, "_by_complement", lambda self, *a: calls.append(1) or real(self, *a))
    backend._totals, backend._counts = {}, {}
    backend.search(SearchQuery(q="thi đua"))
    assert calls  # "thi đua" is in nearly every synthetic article
