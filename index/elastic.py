"""The Elasticsearch backend (elasticsearch-py 8.x, a single 8.19 node; see docs/elasticsearch.md).

* Mapping: analysis that ships in the official image only — standard tokenizer, lowercase,
  a ``đ→d`` mapping char filter + asciifolding for the folded fields, an ``.exact`` sub-field
  keeping diacritics, a keyword normalizer for document-number tokens.
* A versioned index (``thidua-docs-<utc stamp>``) behind the alias ``thidua-docs``: ``rebuild``
  fills a new index, swaps the alias in one atomic request, then deletes the old one.
* Queries come from the same parsed tree as SQLite's; user text reaches ES only through
  ``simple_query_string`` (one quoted word or phrase per leaf), so nothing typed can break it.
* Multi-select facets: ``post_filter`` holds every selection; each facet's terms aggregation
  sits under a filter of the *other* facets' selections.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from thidua.index import facets as F
from thidua.index.analysis import All, DocNum, Node, Not, Or, Term, parse_query, reference_token
from thidua.index.base import BackendUnavailable, IndexMissing, IndexReport, Progress, SearchBackend, highlights
from thidua.index.documents import IndexedDoc, split_unit, to_indexed
from thidua.index.models import (
    AwardTallyRow,
    CampaignUnitRow,
    CitationRow,
    FacetValue,
    Health,
    SearchHit,
    SearchQuery,
    SearchResult,
)

ALIAS = "thidua-docs"
CHUNK = 500
EXACT_FIELDS = ["title.exact^10", "text.exact^2", "facts.exact^2"]
FOLDED_FIELDS = ["title^5", "text", "facts"]

_TEXT = {"type": "text", "analyzer": "vi_folded", "fields": {"exact": {"type": "text", "analyzer": "vi_exact"}}}
_KW = {"type": "keyword"}
SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "analysis": {
        "char_filter": {"vi_d": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}},
        "analyzer": {
            "vi_exact": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
            "vi_folded": {"type": "custom", "tokenizer": "standard", "char_filter": ["vi_d"],
                          "filter": ["lowercase", "asciifolding"]},
        },
        "normalizer": {"docnum": {"type": "custom", "char_filter": ["vi_d"], "filter": ["lowercase", "asciifolding"]}},
    },
}
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "id": _KW, "url": {"type": "keyword", "index": False}, "source": _KW,
        "title": _TEXT, "text": _TEXT, "facts": _TEXT,
        "docnums": {"type": "keyword", "normalizer": "docnum"},
        "published": {"type": "date", "format": "strict_date"}, "year": {"type": "integer"},
        "seq": {"type": "long"},  # insertion order: ties break as SQLite's rowid does
        "facets": {"properties": {f.name: _KW for f in F.FACETS}},
        "unit_keys": _KW,
        "awards": {"type": "nested", "properties": {
            "award": _KW, "recipient": _KW, "grantor": _KW, "count": {"type": "integer"},
            "proposed": {"type": "boolean"}, "province": _KW, "district": _KW, "year": {"type": "integer"}}},
        "data": {"type": "object", "enabled": False},  # units, references, campaigns, spans: returned, not indexed
    },
}


# --- request bodies (pure functions: tested without a node) -----------------------------
def _sqs(text: str, fields: list[str]) -> dict[str, Any]:
    return {"simple_query_string": {"query": f'"{text}"', "fields": fields, "flags": "PHRASE",
                                    "default_operator": "and"}}


def query_clause(node: Node) -> dict[str, Any]:
    """The ES query for a parsed tree (same semantics as ``sqlite.fts_expression``)."""
    if isinstance(node, All):
        return {"match_all": {}}
    if isinstance(node, Term):
        folded = _sqs(" ".join(node.folded), FOLDED_FIELDS)
        if not node.accented:
            return folded
        return {"bool": {"should": [_sqs(" ".join(node.tokens), EXACT_FIELDS), folded], "minimum_should_match": 1}}
    if isinstance(node, DocNum):
        return {"term": {"docnums": node.token}}
    if isinstance(node, Not):
        return {"bool": {"must": [{"match_all": {}}], "must_not": [query_clause(node.item)]}}
    if isinstance(node, Or):
        return {"bool": {"should": [query_clause(n) for n in node.items], "minimum_should_match": 1}}
    pos = [query_clause(n) for n in node.items if not isinstance(n, Not)] or [{"match_all": {}}]
    neg = [query_clause(n.item) for n in node.items if isinstance(n, Not)]
    return {"bool": {"must": pos, "must_not": neg}} if neg else {"bool": {"must": pos}}


def _terms_filter(filters: dict[str, list[str]], exclude: str | None = None) -> list[dict[str, Any]]:
    return [{"terms": {f"facets.{n}": v}} for n, v in filters.items() if n != exclude]


def search_body(query: SearchQuery) -> dict[str, Any]:
    filters = F.clean_filters(query.filters)
    node = parse_query(query.q)
    body: dict[str, Any] = {
        "query": query_clause(node),
        "from": (query.page - 1) * query.size,
        "size": query.size,
        "track_total_hits": True,
        "_source": ["id", "url", "title", "published", "source", "text", "data.spans"],
        "sort": ([{"published": {"order": "desc", "missing": "_last"}}, {"seq": "asc"}] if isinstance(node, All)
                 else ["_score", {"seq": "asc"}]),
        "aggs": {},
    }
    if filters:
        body["post_filter"] = {"bool": {"filter": _terms_filter(filters)}}
    for name in F.check(query.facets):
        body["aggs"][name] = {
            "filter": {"bool": {"filter": _terms_filter(filters, exclude=name)}},
            "aggs": {name: {"terms": {"field": f"facets.{name}", "size": query.facet_size + 1,
                                      "order": [{"_count": "desc"}, {"_key": "asc"}]}}},
        }
    return body


def result_from_response(resp: dict[str, Any], query: SearchQuery, took_ms: float | None = None) -> SearchResult:
    """Translate an ES search response into the shared SearchResult."""
    node = parse_query(query.q)
    filters = F.clean_filters(query.filters)
    hits = []
    for h in resp["hits"]["hits"]:
        src = h["_source"]
        spans = [tuple(s) for s in (src.get("data") or {}).get("spans", [])]
        hits.append(SearchHit(
            id=src["id"], url=src["url"], title=src.get("title"), published=src.get("published"),
            source=src.get("source"), score=round(float(h.get("_score") or 0.0), 4),
            highlights=highlights(src.get("text", ""), node, spans) if query.highlight else []))
    facets, truncated = {}, []
    for name in F.check(query.facets):
        agg = resp.get("aggregations", {}).get(name)
        if agg is None:
            continue
        buckets = agg[name]["buckets"]
        if len(buckets) > query.facet_size or agg[name].get("sum_other_doc_count", 0) > 0:
            truncated.append(name)
        selected = set(filters.get(name, ()))
        values = [FacetValue(value=str(b["key"]), count=b["doc_count"], selected=str(b["key"]) in selected)
                  for b in buckets[:query.facet_size]]
        values += [FacetValue(value=v, count=0, selected=True) for v in sorted(selected - {x.value for x in values})]
        facets[name] = values
    total = resp["hits"]["total"]
    return SearchResult(
        total=total["value"] if isinstance(total, dict) else int(total), hits=hits, facets=facets,
        page=query.page, size=query.size, facets_truncated=truncated,
        facets_timed_out=list(F.check(query.facets)) if resp.get("timed_out") else [],
        took_ms=took_ms if took_ms is not None else float(resp.get("took", 0)), backend="elasticsearch")


def to_source(d: IndexedDoc, seq: int) -> dict[str, Any]:
    return {
        "id": d.id, "url": d.url, "source": d.source, "title": d.title, "text": d.text, "facts": d.facts_text,
        "docnums": d.docnums, "published": d.published, "year": d.year, "seq": seq,
        "facets": d.facets, "unit_keys": d.unit_keys,
        "awards": [{"award": a["award"], "recipient": a["recipient"], "grantor": a["grantor"],
                    "count": a["count"], "proposed": bool(a["proposed"]), "province": a["province"],
                    "district": a["district"], "year": d.year} for a in d.awards],
        "data": {"units": d.units, "references": d.references, "campaigns": d.campaigns, "spans": d.spans},
    }


def _composite(sources: list[tuple[str, str]], after: dict | None, extra: dict | None = None) -> dict[str, Any]:
    agg: dict[str, Any] = {"composite": {
        "size": 1000, "sources": [{n: {"terms": {"field": f, "missing_bucket": True}}} for n, f in sources]}}
    if after:
        agg["composite"]["after"] = after
    if extra:
        agg["aggs"] = extra
    return agg


def award_tallies_body(filters: dict[str, list[str]], include_proposed: bool, after: dict | None = None) -> dict:
    nested_filter = {"match_all": {}} if include_proposed else {"term": {"awards.proposed": False}}
    sources = [(k, f"awards.{k}") for k in ("award", "recipient", "province", "district", "year")]
    return {
        "size": 0,
        "query": {"bool": {"filter": _terms_filter(F.clean_filters(filters))}},
        "aggs": {"awards": {"nested": {"path": "awards"}, "aggs": {"kept": {
            "filter": nested_filter,
            "aggs": {"rows": _composite(sources, after, {
                "count": {"sum": {"field": "awards.count"}},
                "docs": {"reverse_nested": {}}})}}}}},
    }


def citations_body(token: str, after: dict | None = None) -> dict:
    return {"size": 0, "query": {"term": {"docnums": token}},
            "aggs": {"rows": _composite([("year", "year"), ("unit", "unit_keys")], after)}}


def campaign_units_body(campaign: str | None, after: dict | None = None) -> dict:
    query = {"term": {"facets.campaign": campaign}} if campaign else {"exists": {"field": "facets.campaign"}}
    return {"size": 0, "query": query,
            "aggs": {"rows": _composite([("campaign", "facets.campaign"), ("unit", "unit_keys")], after)}}


# --- the backend ------------------------------------------------------------------------
class ElasticBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str, alias: str = ALIAS, request_timeout: float = 30.0) -> None:
        from elasticsearch import Elasticsearch

        self.url = url
        self.alias = alias
        self.es = Elasticsearch(url, request_timeout=request_timeout, max_retries=2, retry_on_timeout=True)

    def close(self) -> None:
        self.es.close()

    def _call(self, fn, *args, **kwargs):
        """Run a client call, turning transport failures into BackendUnavailable."""
        from elastic_transport import ConnectionError as TransportConnectionError
        from elastic_transport import ConnectionTimeout
        from elasticsearch import NotFoundError

        try:
            return fn(*args, **kwargs)
        except (TransportConnectionError, ConnectionTimeout) as exc:
            raise BackendUnavailable(
                f"Elasticsearch at {self.url} is unreachable ({type(exc).__name__}). Start it with "
                "`docker compose up -d elasticsearch` or point --es-url/THIDUA_ES_URL at a running node."
            ) from exc
        except NotFoundError as exc:
            raise IndexMissing(f"no index {self.alias!r} at {self.url}: run `thidua index --backend elasticsearch`") from exc

    # --- writing --------------------------------------------------------------------------
    def rebuild(self, documents: Iterable, progress: Progress | None = None) -> IndexReport:
        new = f"{self.alias}-{datetime.now(timezone.utc).strftime('%Y%m%d%H%M%S%f')}"
        self._call(self.es.indices.create, index=new, settings=SETTINGS, mappings=MAPPINGS)
        try:
            report = self._bulk(new, documents, progress, seq0=0)
            self._call(self.es.indices.refresh, index=new)
        except BaseException:
            self.es.options(ignore_status=404).indices.delete(index=new)
            raise
        old = list(self._call(self.es.options(ignore_status=404).indices.get_alias, name=self.alias).body or {})
        old = [i for i in old if i != new and i != "error" and i != "status"]
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old] + [{"add": {"index": new, "alias": self.alias}}]
        self._call(self.es.indices.update_aliases, actions=actions)  # one atomic swap
        for i in old:
            self._call(self.es.options(ignore_status=404).indices.delete, index=i)
        return report

    def add(self, documents: Iterable, progress: Progress | None = None) -> IndexReport:
        if not self._call(self.es.indices.exists_alias, name=self.alias):
            return self.rebuild(documents, progress)
        count = self._call(self.es.count, index=self.alias)["count"]
        report = self._bulk(self.alias, documents, progress, seq0=int(time.time() * 1000) * 1000 + count)
        self._call(self.es.indices.refresh, index=self.alias)
        return report

    def _bulk(self, index: str, documents: Iterable, progress: Progress | None, seq0: int) -> IndexReport:
        from elasticsearch.helpers import streaming_bulk

        report = IndexReport()
        t0 = time.perf_counter()

        def actions():
            for i, d in enumerate(documents):
                try:
                    d = d if isinstance(d, IndexedDoc) else to_indexed(d)
                except Exception as exc:
                    report.failed.append((getattr(d, "id", "?"), f"{type(exc).__name__}: {exc}"))
                    continue
                yield {"_index": index, "_id": d.id, "_source": to_source(d, seq0 + i)}

        stream = streaming_bulk(self.es, actions(), chunk_size=CHUNK, max_retries=3, initial_backoff=1,
                                raise_on_error=False, raise_on_exception=False)
        for ok, item in self._call(lambda: list(stream)):
            if ok:
                report.indexed += 1
                if progress and report.indexed % CHUNK == 0:
                    progress(CHUNK)
            else:
                info = next(iter(item.values()))
                report.failed.append((str(info.get("_id")), str(info.get("error") or info.get("status"))))
        if progress and report.indexed % CHUNK:
            progress(report.indexed % CHUNK)
        report.seconds = time.perf_counter() - t0
        return report

    # --- searching ------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        t0 = time.perf_counter()
        body = search_body(query)
        resp = self._call(self.es.search, index=self.alias, **body,
                          timeout=f"{F.FACET_TIME_LIMIT_MS * 5}ms")
        return result_from_response(resp.body, query, took_ms=round((time.perf_counter() - t0) * 1000, 2))

    def _composite_rows(self, make_body) -> list[dict[str, Any]]:
        rows, after = [], None
        while True:
            resp = self._call(self.es.search, index=self.alias, **make_body(after)).body
            agg = resp["aggregations"]
            while "rows" not in agg:  # nested → filter → rows
                agg = next(v for k, v in agg.items() if isinstance(v, dict) and k not in ("doc_count", "meta"))
            rows += agg["rows"]["buckets"]
            after = agg["rows"].get("after_key")
            if not after or not agg["rows"]["buckets"]:
                return rows

    def award_tallies(self, filters: dict[str, list[str]] | None = None,
                      include_proposed: bool = False) -> list[AwardTallyRow]:
        rows = self._composite_rows(lambda after: award_tallies_body(filters or {}, include_proposed, after))
        return award_rows_from_buckets(rows)

    def citations(self, reference: str) -> list[CitationRow]:
        token = reference_token(reference)
        if token is None:
            return []
        rows = self._composite_rows(lambda after: citations_body(token, after))
        out = []
        for b in rows:
            prov, dist = split_unit(b["key"]["unit"] or "")
            out.append(CitationRow(reference=reference, year=b["key"]["year"], province=prov, district=dist,
                                   documents=b["doc_count"]))
        return sorted(out, key=lambda r: (r.year or 0, r.province or "", r.district or ""))

    def campaign_units(self, campaign: str | None = None) -> list[CampaignUnitRow]:
        rows = self._composite_rows(lambda after: campaign_units_body(campaign, after))
        out = []
        for b in rows:
            prov, dist = split_unit(b["key"]["unit"] or "")
            if prov:
                out.append(CampaignUnitRow(campaign=b["key"]["campaign"], province=prov, district=dist,
                                           documents=b["doc_count"]))
        return sorted(out, key=lambda r: (r.campaign, r.province or "", r.district or ""))

    def health(self) -> Health:
        try:
            self._call(self.es.options(request_timeout=5).cluster.health)
            n = self._call(self.es.count, index=self.alias)["count"]
        except (BackendUnavailable, IndexMissing) as exc:
            return Health(ok=False, backend=self.name, detail=str(exc))
        return Health(ok=True, backend=self.name, documents=n, detail=self.url)


def award_rows_from_buckets(buckets: list[dict[str, Any]]) -> list[AwardTallyRow]:
    out = [AwardTallyRow(award=b["key"]["award"], recipient=b["key"]["recipient"], province=b["key"]["province"],
                         district=b["key"]["district"],
                         year=int(b["key"]["year"]) if b["key"]["year"] is not None else None,
                         count=int(b["count"]["value"]), tallies=b["doc_count"], documents=b["docs"]["doc_count"])
           for b in buckets]
    return sorted(out, key=lambda r: (r.award, r.recipient or "", r.province or "", r.district or "", r.year or 0))
