"""Corpus store benchmarks: write rate and near-duplicate detection at scale.

    .venv/bin/python benchmarks/store.py [--writes 2000] [--near 100000]

* writes: ``thidua.corpus.store.benchmark_writes`` — synthetic ~3 KB documents through the
  Ingestor (decode, hash, MinHash + LSH, compressed raw, one transaction each), no extraction.
* near: ``near_duplicates_at_scale`` — N stored signatures (random, as distinct documents
  give), then the time to rebuild the in-memory LSH from SQLite (what opening a store costs
  on first ingest) and the time per query; plus the MinHash rate on real-sized text.
"""

from __future__ import annotations

import argparse
import tempfile
import time

import numpy as np


def near_duplicates_at_scale(n: int = 100_000, queries: int = 1000) -> dict[str, float]:
    from thidua.corpus import dedup
    from thidua.corpus.store import CorpusStore

    out: dict[str, float] = {}
    rng = np.random.default_rng(1)
    with tempfile.TemporaryDirectory() as home, CorpusStore.open(home) as store:
        sigs = rng.integers(0, 2**32 - 1, size=(n, dedup.NUM_PERM), dtype=np.uint32)
        t0 = time.perf_counter()
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO documents(id, url, source, text, content_hash, extraction, extractor_version,"
                " added_at, updated_at) VALUES (?, ?, 'bench', '', ?, '{}', 'bench', '', '')",
                ((f"d{i}", f"https://bench.example/{i}", f"h{i}") for i in range(n)),
            )
            conn.executemany("INSERT INTO signatures(doc_id, minhash) VALUES (?, ?)",
                             ((f"d{i}", sigs[i].astype("<u4").tobytes()) for i in range(n)))
        out["insert_s"] = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        index = store.near_index()
        out["lsh_rebuild_s"] = time.perf_counter() - t0
        out["lsh_rebuild_cpu_s"] = time.process_time() - c0
        assert len(index) == n
        probe = [dedup.from_bytes(sigs[i].astype("<u4").tobytes()) for i in range(queries)]
        t0 = time.perf_counter()
        hits = sum(1 for sig in probe if index.best_match(sig, exclude=None))
        out["query_ms"] = (time.perf_counter() - t0) / queries * 1000
        out["self_hits"] = hits / queries  # each probe is itself stored: expect 1.0
        import resource

        out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = " ".join(f"từ{i % 997}" for i in range(700))  # ~3.5 KB, 700 words
    t0 = time.perf_counter()
    for _ in range(200):
        dedup.signature(text)
    out["minhash_per_doc_ms"] = (time.perf_counter() - t0) / 200 * 1000
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--writes", type=int, default=2000)
    ap.add_argument("--near", type=int, default=100_000)
    args = ap.parse_args()
    from thidua.corpus.store import benchmark_writes

    if args.writes:
        benchmark_writes(args.writes)
    if args.near:
        r = near_duplicates_at_scale(args.near)
        print(f"near-duplicates at {args.near:,} documents: LSH rebuild from SQLite {r['lsh_rebuild_s']:.1f} s "
              f"({r['lsh_rebuild_cpu_s']:.1f} s CPU), "
              f"query {r['query_ms']:.2f} ms, MinHash {r['minhash_per_doc_ms']:.2f} ms/doc, "
              f"self-hit rate {r['self_hits']:.2f}, max RSS {r['max_rss_mb']:.0f} MB "
              f"(bulk insert of signatures {r['insert_s']:.1f} s)")


if __name__ == "__main__":
    main()
