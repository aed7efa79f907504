"""Bounded load on the API: 50 concurrent clients against /api/search and /api/awards.

    .venv/bin/python benchmarks/api.py [--docs 100000] [--home DIR] [--requests 2000] [--clients 50]

Builds (or reuses, with --home) a data home holding N synthetic articles (benchmarks/synth.py)
ingested through the real path (decode → extract → store) and indexed in the embedded backend,
starts `thidua serve` on a free loopback port, then sends a fixed number of requests from
``--clients`` concurrent clients per endpoint and prints p50/p99 latency and requests/s.
With THIDUA_ES_URL set, the same load also runs against an Elasticsearch-backed server.
Traffic goes only to 127.0.0.1; the loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import httpx
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

sys.path.insert(0, str(Path(__file__).parent))
console = Console()
QUERIES = ["thi đua", "thi dua", "khen thưởng", "\"phong trào thi đua\"", "34-CT/TW", "chỉ thị 34", "nông thôn mới",
           "bằng khen", "vì người nghèo", "lao dong tien tien"]
PROVINCES = ["Hà Nội", "Nghệ An", "Thanh Hóa", "Hà Giang", "Đà Nẵng", "Cần Thơ"]


def build_home(home: Path, n: int, backends: list[str]) -> None:
    from synth import generate

    from thidua.corpus.ingest import Ingestor
    from thidua.corpus.models import RawDocument
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import as_indexed, open_backend

    os.environ["THIDUA_HOME"] = str(home)
    now = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    with CorpusStore.open(home) as store, Progress(console=console, transient=True) as bar:
        task = bar.add_task("ingesting", total=n)
        ingest = Ingestor(store)
        for doc in generate(n):
            ingest.add(RawDocument(url=doc.url, content=doc.text.encode("utf-8"), source=doc.source,
                                   fetched_at=now, title=doc.title, published=doc.published))
            bar.advance(task)
        ingested = time.perf_counter() - t0
        console.print(f"built {home}: {n} documents ingested in {ingested:.0f} s ({n / ingested:,.0f} docs/s)")
        for name in backends:
            if name == "elasticsearch":
                continue  # indexed by main() through the CLI, against THIDUA_ES_URL
            task = bar.add_task(f"indexing ({name})", total=store.count())
            with open_backend(name, home=home) as backend:
                report = backend.rebuild(as_indexed(store.iter_documents()), progress=lambda k: bar.advance(task, k))
            console.print(f"indexed {report.indexed} in {name} at {report.docs_per_second:,.0f} docs/s")


def start_server(home: Path, backend: str, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "THIDUA_HOME": str(home), "THIDUA_BACKEND": backend}
    proc = subprocess.Popen([sys.executable, "-m", "thidua.cli", "serve", "--port", str(port),
                             "--workers", str(workers)], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/healthz", timeout=1)
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 30 s")


def urls(kind: str, n: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(n):
        if kind == "search":
            params = {"q": rng.choice(QUERIES)}
            if rng.random() < 0.5:
                params["province"] = rng.choice(PROVINCES)
            out.append("/api/search?" + httpx.QueryParams(params).__str__())
        else:
            params = {"province": rng.choice(PROVINCES), "size": "50"}
            if rng.random() < 0.5:
                params["year"] = str(rng.randint(2015, 2025))
            out.append("/api/awards?" + httpx.QueryParams(params).__str__())
    return out


async def load(base: str, paths: list[str], clients: int, time_limit: float) -> tuple[list[float], int, float]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + time_limit

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty() and time.perf_counter() < deadline:
            path = queue.get_nowait()
            t = time.perf_counter()
            try:
                r = await client.get(base + path)
                errors += r.status_code != 200
            except httpx.HTTPError:  # a timeout counts as an error, at the time it took
                errors += 1
            latencies.append((time.perf_counter() - t) * 1000)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        wall = time.perf_counter() - t0
    return latencies, errors, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--home", type=Path, help="reuse (or build once into) this data home")
    ap.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--time-limit", type=float, default=120, help="seconds per endpoint at most")
    ap.add_argument("--backends", default="sqlite,tantivy", help="embedded engines to load (comma-separated)")
    ap.add_argument("--workers", type=int, default=2, help="server processes (this machine has 2 cores)")
    args = ap.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="thidua-api-bench-"))
    backends = args.backends.split(",") + (["elasticsearch"] if os.environ.get("THIDUA_ES_URL") else [])
    if not (home / "corpus.sqlite3").exists():
        build_home(home, args.docs, backends)
    table = Table(title=f"API under {args.clients} concurrent clients, {args.workers} server processes ({home})")
    for col in ("backend", "endpoint", "requests", "errors", "p50 ms", "p99 ms", "req/s"):
        table.add_column(col, justify="left" if col in ("backend", "endpoint") else "right")
    rng = random.Random(5)
    for backend in backends:
        if backend == "elasticsearch":
            subprocess.run([sys.executable, "-m", "thidua.cli", "index", "--backend", "elasticsearch"],
                           env={**os.environ, "THIDUA_HOME": str(home)}, check=True)
        proc, base = start_server(home, backend, args.workers)
        try:
            for kind in ("search", "awards"):
                asyncio.run(load(base, urls(kind, 50, rng), args.clients, 30))  # warm caches
                lat, errors, wall = asyncio.run(load(base, urls(kind, args.requests, rng), args.clients,
                                                     args.time_limit))
                q = statistics.quantiles(lat, n=100)
                table.add_row(backend, f"/api/{kind}", str(len(lat)), str(errors), f"{q[49]:.1f}", f"{q[98]:.1f}",
                              f"{len(lat) / wall:,.0f}")
        finally:  # the server and its worker processes, as a group
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
    console.print(table)


if __name__ == "__main__":
    main()
