"""What can be checked without a node: mapping, request bodies, response translation, and a
refused connection (a real closed port) giving a clear error and exit code 3."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from thidua.index import elastic as E
from thidua.index.models import SearchQuery


def test_mapping_uses_only_builtin_analysis():
    a = E.SETTINGS["analysis"]
    assert a["char_filter"]["vi_d"] == {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}
    assert a["analyzer"]["vi_folded"] == {"type": "custom", "tokenizer": "standard", "char_filter": ["vi_d"],
                                          "filter": ["lowercase", "asciifolding"]}
    assert a["analyzer"]["vi_exact"]["filter"] == ["lowercase"]
    assert a["normalizer"]["docnum"]["filter"] == ["lowercase", "asciifolding"]
    props = E.MAPPINGS["properties"]
    assert props["text"]["analyzer"] == "vi_folded" and props["text"]["fields"]["exact"]["analyzer"] == "vi_exact"
    assert props["docnums"] == {"type": "keyword", "normalizer": "docnum"}
    assert props["awards"]["type"] == "nested"
    assert set(props["facets"]["properties"]) == {"province", "district", "year", "reference", "kind", "issuer",
                                                  "campaign", "award"}


def test_accented_term_searches_exact_and_folded_fields():
    q = E.search_body(SearchQuery(q="đống"))["query"]
    should = q["bool"]["should"]
    assert should[0]["simple_query_string"]["query"] == '"đống"'
    assert should[0]["simple_query_string"]["fields"] == E.EXACT_FIELDS
    assert should[1]["simple_query_string"]["query"] == '"dong"'
    assert should[1]["simple_query_string"]["fields"] == E.FOLDED_FIELDS


@pytest.mark.parametrize("q", ["34-CT/TW", "34 CT TW", "34-ct/tw"])
def test_document_numbers_are_term_queries(q):
    assert E.search_body(SearchQuery(q=q))["query"] == {"term": {"docnums": "34cttw"}}


def test_boolean_and_phrase_bodies():
    q = E.search_body(SearchQuery(q='"thi đua" OR khen -bằng'))["query"]
    phrase, right = q["bool"]["should"]
    assert phrase["bool"]["should"][1]["simple_query_string"]["query"] == '"thi dua"'
    assert right["bool"]["must_not"][0]["bool"]["should"][1]["simple_query_string"]["query"] == '"bang"'
    assert E.search_body(SearchQuery(q="NOT thi"))["query"]["bool"]["must"] == [{"match_all": {}}]


def test_facet_aggregations_exclude_their_own_filter():
    body = E.search_body(SearchQuery(q="", filters={"year": ["2024"], "province": ["Hà Nội"]}, facet_size=5))
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"facets.year": ["2024"]}},
                                                       {"terms": {"facets.province": ["Hà Nội"]}}]}}
    year = body["aggs"]["year"]
    assert year["filter"] == {"bool": {"filter": [{"terms": {"facets.province": ["Hà Nội"]}}]}}
    assert year["aggs"]["year"]["terms"]["size"] == 6  # size + 1 → truncated
    assert body["aggs"]["district"]["filter"]["bool"]["filter"] == body["post_filter"]["bool"]["filter"]
    assert body["sort"][0] == {"published": {"order": "desc", "missing": "_last"}}


# A response as Elasticsearch 8.19 returns it for search_body(SearchQuery(q="đống đa", facets=["year"], facet_size=1))
RESPONSE = {
    "took": 3, "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {"total": {"value": 2, "relation": "eq"}, "max_score": 7.1, "hits": [
        {"_index": "thidua-docs-20260101000000000000", "_id": "d1", "_score": 7.1, "_source": {
            "id": "d1", "url": "https://example.vn/d1", "title": "Đống Đa phát động", "published": "2024-03-01",
            "source": "test", "text": "Quận Đống Đa phát động.", "data": {"spans": [["location", 0, 12, "Đống Đa"]]}},
         "sort": [7.1, 0]},
        {"_index": "thidua-docs-20260101000000000000", "_id": "d6", "_score": 1.2, "_source": {
            "id": "d6", "url": "https://example.vn/d6", "title": None, "published": None, "source": "test",
            "text": "Dong Da", "data": {"spans": []}}, "sort": [1.2, 5]}]},
    "aggregations": {"year": {"doc_count": 2, "year": {
        "doc_count_error_upper_bound": 0, "sum_other_doc_count": 1,
        "buckets": [{"key": "2024", "doc_count": 1}, {"key": "2022", "doc_count": 1}]}}},
}


def test_response_translation():
    q = SearchQuery(q="đống đa", facets=["year"], facet_size=1)
    r = E.result_from_response(RESPONSE, q)
    assert r.total == 2 and [h.id for h in r.hits] == ["d1", "d6"]
    assert str(r.hits[0].published) == "2024-03-01" and r.hits[1].published is None
    h = r.hits[0].highlights[0]
    assert [h.text[m.start:m.end] for m in h.matches] == ["Đống", "Đa"]
    assert h.facts[0].type == "location"
    assert [(v.value, v.count) for v in r.facets["year"]] == [("2024", 1)]
    assert r.facets_truncated == ["year"] and r.backend == "elasticsearch"
    assert set(r.model_dump(mode="json")) >= {"total", "hits", "facets"}


def test_award_buckets_translation():
    buckets = [{"key": {"award": "Bằng khen", "recipient": "tập thể", "province": "Hà Nội", "district": None,
                        "year": 2024}, "doc_count": 2, "count": {"value": 17.0}, "docs": {"doc_count": 1}}]
    [row] = E.award_rows_from_buckets(buckets)
    assert (row.award, row.count, row.tallies, row.documents, row.district) == ("Bằng khen", 17, 2, 1, None)
    body = E.award_tallies_body({}, include_proposed=False)
    assert body["aggs"]["awards"]["aggs"]["kept"]["filter"] == {"term": {"awards.proposed": False}}


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now: connections are refused
    return port


def test_unreachable_node_is_a_clear_error():
    from thidua.index.base import BackendUnavailable

    engine = E.ElasticBackend(f"http://127.0.0.1:{_closed_port()}", request_timeout=2)
    with pytest.raises(BackendUnavailable, match="unreachable"):
        engine.search(SearchQuery(q="thi đua"))
    assert not engine.health().ok


def test_cli_exit_code_3_when_unreachable(thidua_home):
    from thidua.cli import app

    url = f"http://127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(app, ["search", "thi đua", "--backend", "elasticsearch", "--es-url", url])
    assert result.exit_code == 3, result.output
    assert "unreachable" in result.output
