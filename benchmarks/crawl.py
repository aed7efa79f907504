"""Crawl speed, end to end: fetch → text → extract → store, against a local replica site.

    .venv/bin/python benchmarks/crawl.py [--articles 1000]

The site (tests/fixture_site) runs in its own process on 127.0.0.1; the crawl runs here with
politeness off (`--fast`: no delay, no AutoThrottle, 16 requests per site, ingest worker
processes). Prints pages/s of the crawl, wall and per CPU-second (the crawl process plus its
ingest workers; the site's process not counted), and the corpus store's write rate alone.
Not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--set", action="append", default=[], help="Scrapy/thidua setting NAME=VALUE (repeatable)")
    ap.add_argument("--no-store-bench", action="store_true", help="only the crawl")
    args = ap.parse_args()
    import resource

    from thidua.crawler.settings import parse_override

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
            overrides = {"CONCURRENT_REQUESTS": 32, **dict(parse_override(x) for x in args.set)}
            kids = lambda: (lambda r: r.ru_utime + r.ru_stime)(resource.getrusage(resource.RUSAGE_CHILDREN))  # noqa: E731
            t0, c0, k0, s0 = time.perf_counter(), time.process_time(), kids(), process_cpu(server.pid)
            report = run_crawl(source, home, fast=True, overrides=overrides, console=Console(stderr=True, quiet=True))
            elapsed, main_cpu, workers_cpu = time.perf_counter() - t0, time.process_time() - c0, kids() - k0
            server_cpu = process_cpu(server.pid) - s0
            cpu = main_cpu + workers_cpu
            with CorpusStore.open(home) as store:
                stored = store.count()
        print(f"crawl: {report.fetched} pages ({report.listings} listings) in {elapsed:.1f} s = {report.fetched / elapsed:,.0f} pages/s; "
              f"{stored} documents stored = {stored / elapsed:,.0f} articles/s  [{report.line()}]; "
              f"CPU {cpu:.1f} s (crawl process {main_cpu:.1f} s + ingest workers {workers_cpu:.1f} s) = "
              f"{report.fetched / cpu:,.0f} pages per CPU-second; the site's server {server_cpu:.1f} s", flush=True)
        if not args.no_store_bench:
            benchmark_writes(n=1000)
            benchmark_writes(n=1000, batch=64)
            benchmark_writes(n=300, extract=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
