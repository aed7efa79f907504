"""Bounded load on the API: 50 concurrent clients against /api/search and /api/awards.

    .venv/bin/python benchmarks/api.py [--docs 100000] [--home DIR] [--requests 2000] [--clients 50]

Builds (or reuses, with --home) a data home holding N synthetic articles (benchmarks/synth.py)
ingested through the real path (decode → extract → store) and indexed in the embedded backend,
starts `thidua serve` on a free loopback port, then sends a fixed number of requests from
``--clients`` concurrent clients per endpoint (closed loop: each client sends its next request
when the last one is answered) and prints p50/p99 latency, requests/s and the CPU the server
processes and the load generator spent per request. With THIDUA_ES_URL set, the same load also
runs against an Elasticsearch-backed server. Traffic goes only to 127.0.0.1; the loop is bounded
in count and time.

The server caches answers (api/cache.py), so every endpoint is measured twice, each time on a
freshly started server: ``cache off`` (THIDUA_API_CACHE_MB=0: every request is computed, the
cold figure) and ``cache on`` (starting empty; ``hit+shared``: the share of answers taken from
the cache, and from an identical request computed at the same time; then the latency of the
answers taken from the cache alone, which wait behind the computed ones for the CPU).

``--mix zipf`` (the default) draws what users type from a large, varied list — the movement's
own words first, then campaign and award names, document numbers typed several ways, phrases
of the articles, then some 3,000 district and province names with and without diacritics —
with Zipf popularity (rank k drawn ∝ 1/k^s, ``--zipf``), the way query logs are, a third of
the searches with a province and/or year filter; award pages for any of the 63 provinces,
half of them with a year. The number of distinct requests is printed. ``--mix classic``
replays the first version of this benchmark (ten queries, six provinces: a cache answers nearly
all of it). The warm-up asks for page 2 (search) and 51 rows (awards): never a measured request.

The load generator is a plain asyncio HTTP/1.1 client on keep-alive connections (uvloop when
installed), so that it takes little of the CPU the server shares with it.
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
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

sys.path.insert(0, str(Path(__file__).parent))
console = Console(width=None if sys.stdout.isatty() else 180)
QUERIES = ["thi đua", "thi dua", "khen thưởng", "\"phong trào thi đua\"", "34-CT/TW", "chỉ thị 34", "nông thôn mới",
           "bằng khen", "vì người nghèo", "lao dong tien tien"]
YEARS = [str(y) for y in range(2015, 2026)]


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


def start_server(home: Path, backend: str, workers: int, cache: bool) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "THIDUA_HOME": str(home), "THIDUA_BACKEND": backend}
    if not cache:
        env["THIDUA_API_CACHE_MB"] = "0"
    proc = subprocess.Popen([sys.executable, "-m", "thidua.cli", "serve", "--port", str(port),
                             "--workers", str(workers)], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as c:
                c.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                if c.recv(64).startswith(b"HTTP/1.1 200"):
                    return proc, port
        except OSError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 30 s")


def stop_server(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)  # the server and its worker processes, as a group
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) spent so far by the live processes of a process group."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the name: state ppid pgrp … utime(11) stime(12)
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


# --- what users ask ---------------------------------------------------------------------------
def search_texts(rng: random.Random) -> list[str]:
    """What users type into the search box, most popular first: the movement's own words (the ten
    queries of the first version of this benchmark, phrases of the articles), then campaign and
    award names, document numbers typed several ways and other phrases, then places (districts
    and provinces, with and without diacritics). Broad words match most of the 100,000 articles
    and cost the most to compute (facets over every match); places match a few hundred."""
    from synth import AWARDS, CAMPAIGNS, FILLER, REFS, _units

    from thidua.nlp.text import fold

    units = _units()
    topic = list(dict.fromkeys([*QUERIES, "phong trào thi đua", "thi đua yêu nước", "tổng kết phong trào thi đua",
                                "hội nghị tổng kết", "phát động phong trào", "công tác thi đua khen thưởng",
                                "điển hình tiên tiến", "giao ước thi đua", "Chủ tịch UBND", "khen thuong",
                                "phong trao thi dua", "đã tặng"]))
    words = [w.strip(",.;–") for s in FILLER for w in s.split()]
    other = {" ".join(words[i:i + n]) for n in (2, 3) for i in range(len(words) - n)}
    for kind, num, sym, sep, _ in REFS:
        other |= {f"{num}{sep}{sym}", f"{num} {sym.replace('/', ' ').replace('-', ' ')}".lower(),
                  f"{sym.split('/')[0].split('-')[0].lower()}{num}"}
    other |= {f'"{c}"' for c in CAMPAIGNS} | {" ".join(c.split()[:3]) for c in CAMPAIGNS}
    other |= {a for a, _ in AWARDS} | {f"{a} {r}" for a, r in AWARDS} | {fold(a) for a, _ in AWARDS}
    places: set[str] = set()
    for province, district in units:
        places |= {district, fold(district), f"thi đua {district}", f"khen thưởng {district}",
                   province, fold(province), f"phong trào thi đua {province}"}
    other_l, places_l = sorted(other - set(topic)), sorted(places - other - set(topic))
    rng.shuffle(other_l)
    rng.shuffle(places_l)
    return topic + other_l + places_l


def provinces() -> list[str]:
    from synth import _units

    return sorted({p for p, _ in _units()})


def zipf(n: int, s: float) -> list[float]:
    return [1 / (k + 1) ** s for k in range(n)]


def search_draws(rng: random.Random, n: int, s: float) -> list[str]:
    """``n`` searches: the text drawn Zipf(s) from search_texts(), then (independently) a
    province (a third of searches, Zipf over the provinces in a shuffled order) and/or a year."""
    texts, provs = search_texts(rng), provinces()
    rng.shuffle(provs)
    tw, pw = zipf(len(texts), s), zipf(len(provs), s)
    out = []
    for _ in range(n):
        params = [("q", rng.choices(texts, tw)[0])]
        r = rng.random()
        if r < 0.33:
            params.append(("province", rng.choices(provs, pw)[0]))
        if 0.25 < r < 0.45:
            params.append(("year", rng.choice(YEARS)))
        out.append("/api/search?" + urlencode(params))
    return out


def awards_draws(rng: random.Random, n: int, s: float) -> list[str]:
    """``n`` award pages of 50 rows: a province (Zipf over the provinces in a shuffled order),
    alone or (half the time) with one year."""
    provs = provinces()
    rng.shuffle(provs)
    pw = zipf(len(provs), s)
    out = []
    for _ in range(n):
        params = [("province", rng.choices(provs, pw)[0])]
        if rng.random() < 0.5:
            params.append(("year", rng.choice(YEARS)))
        out.append("/api/awards?" + urlencode([*params, ("size", "50")]))
    return out


def classic_draws(kind: str, rng: random.Random, n: int) -> list[str]:
    """The first version's requests: one of ten queries, half with one of six provinces; awards
    for one of six provinces, half with a year. Few distinct requests: a cache answers most."""
    six = ["Hà Nội", "Nghệ An", "Thanh Hóa", "Hà Giang", "Đà Nẵng", "Cần Thơ"]
    out = []
    for _ in range(n):
        if kind == "search":
            params = {"q": rng.choice(QUERIES)}
            if rng.random() < 0.5:
                params["province"] = rng.choice(six)
            out.append("/api/search?" + urlencode(params))
        else:
            params = {"province": rng.choice(six), "size": "50"}
            if rng.random() < 0.5:
                params["year"] = str(rng.randint(2015, 2025))
            out.append("/api/awards?" + urlencode(params))
    return out


def warm_paths(paths: list[str]) -> list[str]:
    """Requests of the same cost that the measured ones never repeat: another page, another size."""
    return [p + "&page=2" if p.startswith("/api/search") else p.replace("size=50", "size=51") for p in paths]


# --- the load -------------------------------------------------------------------------------
@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    hit_latencies: list[float] = field(default_factory=list)  # of the answers from the cache
    errors: int = 0
    hits: int = 0  # answered from the server's cache
    shared: int = 0  # answered with an identical request computed at the same time
    wall: float = 0.0
    client_cpu: float = 0.0
    server_cpu: float = 0.0


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> tuple[int, bytes]:
    """One request on a keep-alive connection: (status, its X-Cache header: hit, shared, miss or empty)."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    lower = head.lower()
    i = lower.find(b"\r\ncontent-length:")
    if i >= 0:
        await reader.readexactly(int(head[i + 17:head.index(b"\r\n", i + 2)]))
    elif b"transfer-encoding: chunked" in lower:
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    i = lower.find(b"\r\nx-cache:")
    return status, head[i + 10:head.index(b"\r\n", i + 2)].strip() if i >= 0 else b""


async def load(port: int, paths: list[str], clients: int, time_limit: float) -> Run:
    run = Run()
    todo = iter(paths)
    deadline = time.perf_counter() + time_limit

    async def client() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for path in todo:
                if time.perf_counter() > deadline:
                    return
                request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
                t = time.perf_counter()
                try:
                    async with asyncio.timeout(30):
                        status, cache = await _get(reader, writer, request)
                    run.errors += status != 200
                    run.hits += cache == b"hit"
                    run.shared += cache == b"shared"
                    if cache == b"hit":
                        run.hit_latencies.append((time.perf_counter() - t) * 1000)
                except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError):
                    run.errors += 1  # counted at the time it took; then a new connection
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                run.latencies.append((time.perf_counter() - t) * 1000)
        finally:
            writer.close()

    cpu, t0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    run.wall, run.client_cpu = time.perf_counter() - t0, time.process_time() - cpu
    return run


def measure(pgid: int, port: int, paths: list[str], clients: int, time_limit: float) -> Run:
    try:
        import uvloop
    except ImportError:
        uvloop = None
    before = group_cpu(pgid)
    run = uvloop.run(load(port, paths, clients, time_limit)) if uvloop else asyncio.run(
        load(port, paths, clients, time_limit))
    run.server_cpu = group_cpu(pgid) - before
    return run


def _p50_p99(latencies: list[float]) -> str:
    if len(latencies) < 2:
        return "–"
    q = statistics.quantiles(latencies, n=100)
    return f"{q[49]:.1f} / {q[98]:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--home", type=Path, help="reuse (or build once into) this data home")
    ap.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--time-limit", type=float, default=120, help="seconds per endpoint at most")
    ap.add_argument("--backends", default="tantivy", help="embedded engines to load (comma-separated; sqlite = FTS5, far slower at 100k)")
    ap.add_argument("--workers", type=int, default=2, help="server processes (this machine has 2 cores)")
    ap.add_argument("--mix", default="zipf", choices=("zipf", "classic"),
                    help="zipf: varied requests of Zipf popularity; classic: the first version's few requests")
    ap.add_argument("--zipf", type=float, default=1.0, help="popularity exponent s: rank k drawn ∝ 1/k^s")
    ap.add_argument("--cache", default="off,on", help="server cache settings to measure (comma-separated)")
    ap.add_argument("--endpoints", default="search,awards")
    args = ap.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="thidua-api-bench-"))
    backends = args.backends.split(",") + (["elasticsearch"] if os.environ.get("THIDUA_ES_URL") else [])
    if not (home / "corpus.sqlite3").exists():
        build_home(home, args.docs, backends)
    rng = random.Random(5)
    kinds = args.endpoints.split(",")
    if args.mix == "zipf":
        draw = {"search": search_draws, "awards": awards_draws}
        draws = {k: draw[k](rng, args.requests, args.zipf) for k in kinds}
        warm = {k: warm_paths(draw[k](rng, 100, args.zipf)) for k in kinds}
    else:
        draws = {k: classic_draws(k, rng, args.requests) for k in kinds}
        warm = {k: warm_paths(classic_draws(k, rng, 100)) for k in kinds}
    mix = ", ".join(f"{k} {len(set(v)):,} distinct" for k, v in draws.items())
    table = Table(title=f"API under {args.clients} concurrent clients, {args.workers} server processes ({home}); "
                        f"{args.mix} mix{f' (s={args.zipf})' if args.mix == 'zipf' else ''}: {mix} "
                        f"among {args.requests:,} requests")
    for col in ("backend", "endpoint", "cache", "requests", "errors", "hit+shared", "p50 ms", "p99 ms", "req/s",
                "server CPU ms/req", "client CPU ms/req", "hits' p50/p99 ms"):
        table.add_column(col, justify="left" if col in ("backend", "endpoint", "cache") else "right")
    for backend in backends:
        if backend == "elasticsearch":
            subprocess.run([sys.executable, "-m", "thidua.cli", "index", "--backend", "elasticsearch"],
                           env={**os.environ, "THIDUA_HOME": str(home)}, check=True)
        for cache in args.cache.split(","):
            proc, port = start_server(home, backend, args.workers, cache == "on")
            try:
                for kind in kinds:
                    measure(proc.pid, port, warm[kind], args.clients, 30)  # threads, indexes, page cache
                    run = measure(proc.pid, port, draws[kind], args.clients, args.time_limit)
                    n = len(run.latencies)
                    q = statistics.quantiles(run.latencies, n=100)
                    table.add_row(backend, f"/api/{kind}", cache, str(n), str(run.errors),
                                  f"{run.hits / n:.0%}+{run.shared / n:.0%}" if cache == "on" else "–", f"{q[49]:.1f}", f"{q[98]:.1f}",
                                  f"{n / run.wall:,.0f}", f"{run.server_cpu * 1000 / n:.2f}",
                                  f"{run.client_cpu * 1000 / n:.2f}", _p50_p99(run.hit_latencies))
            finally:
                stop_server(proc)
    console.print(table)


if __name__ == "__main__":
    main()
