"""Indexing docs/s and query p50/p95 per query shape, embedded (and Elasticsearch when
THIDUA_ES_URL is set), over N synthetic documents (default 100,000), in one run.

    .venv/bin/python benchmarks/search.py [N] [sqlite,tantivy]

Indexing is timed end to end as ``thidua index`` runs it: ``rebuild`` over the StoredDocuments,
which converts each to an IndexedDoc, writes it, builds the indexes and commits; the clock stops
when the index is searchable. The conversion alone is timed too, streamed (nothing kept).

Wall time and CPU time (``time.process_time``: every thread of this process, so tantivy's
indexing threads count) are both printed, the machine being shared.
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synth import generate  # noqa: E402

from thidua.index.documents import to_indexed  # noqa: E402
from thidua.index.models import SearchQuery  # noqa: E402

SIX = ["province", "district", "year", "reference", "campaign", "award"]
SHAPES: dict[str, list[SearchQuery]] = {
    "plain": [SearchQuery(q=q, facets=[]) for q in ("khen thưởng", "hội nghị tổng kết", "Đống Đa", "giao ước",
                                                    "điển hình tiên tiến", "nông thôn mới")],
    "no-diacritics": [SearchQuery(q=q, facets=[]) for q in ("khen thuong", "dong da", "thi dua", "nong thon moi",
                                                            "dien hinh tien tien", "giao uoc")],
    "phrase": [SearchQuery(q=q, facets=[]) for q in ('"thi đua yêu nước"', '"người tốt, việc tốt"',
                                                     '"dân vận khéo"', '"chung sức xây dựng"')],
    "document-number": [SearchQuery(q=q, facets=[]) for q in ("34-CT/TW", "34 CT TW", "chỉ thị 34", "ct34",
                                                              "343/KH-UBND", "1526/QĐ-TTg")],
    "6-facet broad (thi đua)": [SearchQuery(q="thi đua", facets=SIX)],
    "6-facet + 2 selections": [SearchQuery(q="thi đua", facets=SIX, filters={"year": ["2024", "2023"],
                                                                            "award": ["Bằng khen"]})],
    "6-facet narrow (Đống Đa)": [SearchQuery(q="Đống Đa", facets=SIX)],
    "browse, 8 facets": [SearchQuery(q="")],
}
ROUNDS = 40


def bench_queries(engine) -> None:
    for q in (q for qs in SHAPES.values() for q in qs):  # warm caches once, as a server would
        engine.search(q)
    for shape, queries in SHAPES.items():
        times, cpu, totals = [], [], []
        for i in range(ROUNDS):
            q = queries[i % len(queries)]
            t, c = time.perf_counter(), time.process_time()
            r = engine.search(q)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            totals.append(r.total)
        times.sort()
        cpu.sort()
        p50 = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"  {shape:28s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   (cpu p50 {statistics.median(cpu):6.1f}"
              f" p95 {cpu[int(len(cpu) * 0.95) - 1]:6.1f})   hits {min(totals)}–{max(totals)}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    backends = (sys.argv[2] if len(sys.argv) > 2 else "sqlite,tantivy").split(",")
    t = time.perf_counter()
    stored = list(generate(n))
    print(f"{n} synthetic documents generated in {time.perf_counter() - t:.1f}s "
          f"(mean {sum(len(d.text) for d in stored) / n:.0f} chars)")
    # `thidua index` streams documents from the store, a few hundred at a time; this corpus sits in
    # memory (~36 tracked objects a document) only to keep its generation out of the timings, and
    # every full collection would walk it. Out of the collector's sight, as if it were streamed.
    gc.freeze()
    t, c = time.perf_counter(), time.process_time()
    for d in stored:
        to_indexed(d)
    prep, prep_cpu = time.perf_counter() - t, time.process_time() - c
    print(f"StoredDocument → IndexedDoc alone: {n / prep:,.0f} docs/s ({n / prep_cpu:,.0f} docs per CPU second)")

    from thidua.index.sqlite import SqliteBackend
    from thidua.index.tantivy_backend import TantivyBackend

    for name in backends:
        cls, label = {"sqlite": (SqliteBackend, "sqlite FTS5"), "tantivy": (TantivyBackend, "tantivy")}[name]
        path = Path(tempfile.mkdtemp()) / "index.sqlite3"
        engine = cls(path)
        t, c = time.perf_counter(), time.process_time()
        report = engine.rebuild(stored)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        size = sum(p.stat().st_size for p in path.parent.rglob("*") if p.is_file())
        print(f"\n{label}: indexed {report.indexed} docs end to end in {wall:.1f}s → {n / wall:,.0f} docs/s "
              f"({n / cpu:,.0f} per CPU s, {cpu:.1f} CPU s) ({size / 1e6:.0f} MB)")
        bench_queries(engine)
        engine.close()
        shutil.rmtree(path.parent, ignore_errors=True)  # ~0.6 GB an engine

    es_url = os.environ.get("THIDUA_ES_URL")
    if not es_url:
        print("\nelasticsearch: skipped (set THIDUA_ES_URL=http://127.0.0.1:9200 to include it)")
        return
    from thidua.index.elastic import ElasticBackend

    es = ElasticBackend(es_url, alias="thidua-bench")
    report = es.rebuild(stored)
    print(f"\nelasticsearch: indexed {report.indexed} docs in {report.seconds:.1f}s → {report.docs_per_second:,.0f} docs/s"
          f"{f', {len(report.failed)} failed' if report.failed else ''}")
    bench_queries(es)
    es.es.options(ignore_status=404).indices.delete(index="thidua-bench-*")


if __name__ == "__main__":
    main()
