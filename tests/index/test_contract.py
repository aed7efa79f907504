"""One contract, two backends: every case runs against SQLite FTS5 and, when THIDUA_ES_URL
is set, against a real Elasticsearch node (same hits, same facet counts)."""

from __future__ import annotations

import os

import pytest

from corpus import build
from thidua.index.models import SearchQuery

ES_URL = os.environ.get("THIDUA_ES_URL")
ES_SKIP = ("Elasticsearch half skipped: THIDUA_ES_URL is not set; run it against a node with "
           "`THIDUA_ES_URL=http://127.0.0.1:9200 .venv/bin/pytest tests/index`")


@pytest.fixture(scope="module", params=["sqlite", "tantivy", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, tmp_path_factory):
    if request.param == "sqlite":
        from thidua.index.sqlite import SqliteBackend

        engine = SqliteBackend(tmp_path_factory.mktemp("idx") / "index.sqlite3")
    elif request.param == "tantivy":
        from thidua.index.tantivy_backend import TantivyBackend

        engine = TantivyBackend(tmp_path_factory.mktemp("idx") / "tantivy.sqlite3")
    else:
        if not ES_URL:
            pytest.skip(ES_SKIP)
        from thidua.index.elastic import ElasticBackend

        engine = ElasticBackend(ES_URL, alias=f"thidua-test-{os.getpid()}")
        engine.health()  # a node that is down fails here, loudly (BackendUnavailable)
        engine.es.cluster.health(request_timeout=10)
    report = engine.rebuild(build())
    assert report.indexed == 7 and not report.failed
    yield engine
    if request.param == "elasticsearch":
        engine.es.options(ignore_status=404).indices.delete(index=f"{engine.alias}-*")
    engine.close()


def ids(backend, q: str, **kw) -> set[str]:
    return {h.id for h in backend.search(SearchQuery(q=q, size=50, **kw)).hits}


# (query, expected hit ids): the behaviours users rely on
CASES = [
    ("đống đa", {"d1", "d2", "d4", "d6"}),  # folded match finds "Đồng Đa" and "Dong Da" too
    ("dong da", {"d1", "d2", "d4", "d6"}),  # no diacritics, đ→d
    ("ĐỐNG ĐA", {"d1", "d2", "d4", "d6"}),  # case-insensitive
    ("34-CT/TW", {"d1"}),
    ("34-ct/tw", {"d1"}),
    ("34 CT TW", {"d1"}),
    ("chỉ thị 34", {"d1", "d4"}),
    ("chi thi so 34", {"d1", "d4"}),
    ("ct34", {"d1", "d4"}),
    ("343/KH-UBND", {"d2"}),  # not 1343/KH-UBND, not the bare "343"
    ('"thi đua yêu nước"', {"d1"}),
    ('"yêu nước thi đua"', set()),  # a phrase keeps its order
    ("khen thưởng", {"d3", "d4", "d5", "d6"}),
    ("nông OR thời", {"d2", "d5", "d7"}),
    ("khen -bằng", {"d4", "d6"}),
    ("khen NOT bằng", {"d4", "d6"}),
    ("NOT thi", {"d2", "d3", "d5", "d7"}),
    ("tuyen quang", {"d2", "d5"}),  # Hà Giang merged into Tuyên Quang in 2025: old doc found by new name
    ("hà giang", {"d2"}),
    ("Vì người nghèo", {"d4"}),
    ("", {"d1", "d2", "d3", "d4", "d5", "d6", "d7"}),
]


@pytest.mark.parametrize("q,expected", CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_hits(backend, q, expected):
    assert ids(backend, q) == expected


def test_exact_diacritics_rank_first(backend):
    hits = backend.search(SearchQuery(q="đống đa")).hits
    assert {h.id for h in hits[:2]} == {"d1", "d4"}  # exact "Đống Đa" before "Đồng Đa"/"Dong Da"


def facet_counts(result, name):
    return {v.value: v.count for v in result.facets[name]}


def test_facets_counted_over_the_query(backend):
    r = backend.search(SearchQuery(q="khen"))
    assert r.total == 5
    assert facet_counts(r, "province") == {"Hà Nội": 4, "Tuyên Quang": 1}
    assert facet_counts(r, "year") == {"2022": 1, "2023": 1, "2024": 2, "2025": 1}
    assert facet_counts(r, "award") == {"Bằng khen": 3, "Giấy khen": 1}
    assert [v.value for v in r.facets["province"]] == ["Hà Nội", "Tuyên Quang"]  # most first


def test_multi_select_drill_down(backend):
    # OR within a facet, AND across; each facet counted with the *other* facets' filters
    r = backend.search(SearchQuery(q="", filters={"year": ["2023", "2024"], "province": ["Hà Nội"]}))
    assert {h.id for h in r.hits} == {"d1", "d3", "d4"}
    assert facet_counts(r, "year") == {"2022": 1, "2023": 1, "2024": 2}  # province filter only
    assert facet_counts(r, "province") == {"Hà Nội": 3, "Hà Giang": 1, "Tuyên Quang": 1}  # year filter only
    assert facet_counts(r, "district") == {"Đống Đa": 2, "Thanh Xuân": 1}  # both
    assert {v.value for v in r.facets["year"] if v.selected} == {"2023", "2024"}


def test_size_zero_counts_without_hits(backend):
    # the API asks for facets alone this way (reference and facet pages)
    r = backend.search(SearchQuery(q="khen", size=0, facets=["year"]))
    assert r.total == 5 and r.hits == []
    assert facet_counts(r, "year") == {"2022": 1, "2023": 1, "2024": 2, "2025": 1}


def test_facet_size_plus_one_sets_truncated(backend):
    r = backend.search(SearchQuery(q="", facet_size=2, facets=["year", "kind"]))
    assert len(r.facets["year"]) == 2 and "year" in r.facets_truncated
    assert "kind" not in r.facets_truncated and set(r.facets) == {"year", "kind"}


def test_highlights_mark_matches_and_facts(backend):
    hit = backend.search(SearchQuery(q="34-CT/TW")).hits[0]
    h = hit.highlights[0]
    assert any(h.text[m.start:m.end] == "34-CT/TW" for m in h.matches)
    assert any(f.type == "reference" and f.label == "34-CT/TW" for f in h.facts)
    assert "<mark>" in h.html and 'class="fact fact-reference"' in h.html


def test_paging(backend):
    first = backend.search(SearchQuery(q="", size=3))
    second = backend.search(SearchQuery(q="", size=3, page=2))
    assert first.total == second.total == 7
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}
    assert [h.id for h in first.hits] == ["d5", "d3", "d1"]  # browsing: newest first


def test_award_tallies_exclude_proposed(backend):
    rows = {(r.award, r.recipient, r.province, r.district, r.year): r.count for r in backend.award_tallies()}
    assert rows == {
        ("Bằng khen", "tập thể", "Hà Nội", "Đống Đa", 2024): 12,
        ("Giấy khen", "cá nhân", "Hà Nội", "Thanh Xuân", 2024): 35,
        ("Bằng khen", "tập thể", "Tuyên Quang", None, 2025): 20,
        ("Bằng khen", "cá nhân", "Tuyên Quang", None, 2025): 30,
    }
    with_proposed = backend.award_tallies(include_proposed=True)
    assert sum(r.count for r in with_proposed) == 12 + 35 + 20 + 30 + 5
    assert {r.award for r in backend.award_tallies(filters={"year": ["2025"]})} == {"Bằng khen"}


def test_citations_by_year_and_unit(backend):
    rows = [(r.year, r.province, r.district, r.documents) for r in backend.citations("chỉ thị 34")]
    assert rows == [(2023, "Hà Nội", "Đống Đa", 1), (2024, "Hà Nội", "Đống Đa", 1)]
    assert [(r.year, r.documents) for r in backend.citations("34 CT TW")] == [(2024, 1)]
    assert backend.citations("không phải số") == []


def test_units_per_campaign(backend):
    rows = [(r.campaign, r.province, r.documents) for r in backend.campaign_units()]
    assert ("Cả nước chung sức xây dựng nông thôn mới", "Tuyên Quang", 1) in rows
    assert ("Cả nước chung sức xây dựng nông thôn mới", "Hà Giang", 1) in rows  # the unit as named then
    assert ("Vì người nghèo – Không để ai bị bỏ lại phía sau", "Hà Nội", 1) in rows


def test_health(backend):
    h = backend.health()
    assert h.ok and h.documents == 7
