"""The crawl's ingest worker processes: gone with the crawl process, even after a SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

CHILD = """
import time
from thidua.crawler.pipelines import acquire_pool
pool = acquire_pool(2)
print(' '.join(str(p) for p in pool.pids), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_exit_when_the_crawl_process_is_killed():
    proc = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    workers = [int(x) for x in proc.stdout.readline().split()]
    assert len(workers) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


def test_a_killed_worker_fails_only_its_own_pages_and_the_others_go_on():
    """Its pages end with WorkerLost (the pipeline then does them itself); the live worker keeps working."""
    import asyncio
    from datetime import datetime, timezone

    from thidua.corpus.ingest import Prepared
    from thidua.corpus.models import RawDocument
    from thidua.crawler.workers import IngestPool, WorkerLost

    def raw(i: int) -> RawDocument:
        body = f"<html><head><title>Tin {i}</title></head><body><p>{'Ngày 29/1/2024, UBND huyện tặng Bằng khen. ' * 20}{i}</p></body></html>"
        return RawDocument(url=f"https://a.vn/{i}", content=body.encode(), source="t", fetched_at=datetime.now(timezone.utc))

    async def run() -> None:
        pool = IngestPool(2)
        try:
            first = await asyncio.gather(*[pool.prepare(raw(i)) for i in range(4)])
            assert all(isinstance(p, Prepared) and p.text and p.raw is None for p in first)
            victim = pool.pids[0]
            futures = [pool.prepare(raw(i)) for i in range(4, 10)]
            os.kill(victim, signal.SIGKILL)
            results = await asyncio.gather(*futures, return_exceptions=True)
            assert all(isinstance(r, (Prepared, WorkerLost)) for r in results), results
            for _ in range(50):  # the death is noticed when its result pipe closes
                if [w.alive for w in pool.workers] == [False, True]:
                    break
                await asyncio.sleep(0.1)
            assert [w.alive for w in pool.workers] == [False, True]
            later = await asyncio.gather(*[pool.prepare(raw(i)) for i in range(10, 14)])
            assert all(isinstance(p, Prepared) for p in later)
        finally:
            pool.shutdown()
        assert not [p for p in pool.pids if _alive(p)]

    asyncio.run(run())
