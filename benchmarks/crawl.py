"""Crawl speed, end to end: fetch → text → extract → store, against a local replica site.

    .venv/bin/python benchmarks/crawl.py [--articles 1000]

The site (tests/fixture_site) runs in its own process on 127.0.0.1; the crawl runs here with
politeness off (no delay, no AutoThrottle, 16 requests per site). Prints pages/s of the crawl
and the corpus store's write rate alone. Not a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()

    from rich.console import Console

    from thidua.corpus.store import CorpusStore, benchmark_writes
    from thidua.crawler.runner import run_crawl
    from thidua.crawler.sources import Source

    server = subprocess.Popen([sys.executable, "-m", "tests.fixture_site.server", str(args.articles), "--clean"],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        base = line.split(" on ", 1)[1].split("/ ", 1)[0]
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp)
            source = Source.adhoc([base + "/thi-dua/"])
            t0, c0 = time.perf_counter(), time.process_time()
            report = run_crawl(source, home, fast=True, overrides={"CONCURRENT_REQUESTS": 32}, console=Console(stderr=True, quiet=True))
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            with CorpusStore.open(home) as store:
                stored = store.count()
        print(f"crawl: {report.fetched} pages ({report.listings} listings) in {elapsed:.1f} s = {report.fetched / elapsed:,.0f} pages/s; "
              f"{stored} documents stored = {stored / elapsed:,.0f} articles/s  [{report.line()}]; "
              f"crawl process CPU {cpu:.1f} s = {report.fetched / cpu:,.0f} pages per CPU-second")
        benchmark_writes(n=1000)
        benchmark_writes(n=300, extract=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
