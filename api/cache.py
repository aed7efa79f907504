"""What the API does before FastAPI: a request-body limit and a response cache, as plain ASGI.

The response cache is Elasticsearch's request cache or Solr's queryResultCache in spirit: a
successful JSON answer of ``GET /api/search`` or ``GET /api/awards`` is kept, per server process,
under the normalised request (path + query parameters, names sorted, each name's values in their
order) *and the generation of the data it was computed from*. The generation changes whenever
the index or the corpus store changes:

* a rebuild swaps a fresh index file in with a rename: the watched path then names another
  file (inode), which starts a new epoch;
* a write in place (``backend.add``, a re-extraction in the corpus store) bumps SQLite's
  ``PRAGMA data_version`` as seen from a connection this process keeps open on the file.

Checking costs a ``stat`` and one pragma per watched file (a few microseconds), on every request,
so an answer is never served from before a change. Backends without a local file
(Elasticsearch, which has its own request cache) are not cached here. The cache is bounded in
bytes (least recently used out first); ``THIDUA_API_CACHE_MB=0`` turns it off.

A request that arrives while the very same request (same key, same generation) is being
computed waits for that answer instead of computing it again (nginx's ``proxy_cache_lock``):
after a rebuild, the popular searches are computed once, not once per waiting client.
Responses carry ``X-Cache: hit``, ``shared`` (the answer of an identical request computed at the
same time) or ``miss`` (computed for this request), so that clients and benchmarks can tell.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

CACHED_PATHS = ("/api/search", "/api/awards")
DEFAULT_MB = 64
MAX_ENTRY = 2_000_000  # bytes: larger answers are not kept


class FileGeneration:
    """Changes whenever the SQLite file at ``path`` is replaced or written to."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.epoch = 0
        self._inode: int | None = None
        self._conn: sqlite3.Connection | None = None

    def __call__(self) -> tuple[int, int] | None:
        try:
            inode = os.stat(self.path).st_ino
        except FileNotFoundError:
            self._close()
            return None
        if inode != self._inode or self._conn is None:
            self._close()
            try:
                self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                             check_same_thread=False)
            except sqlite3.Error:
                return None
            self._inode = inode
            self.epoch += 1  # an inode number may come back after a swap: the epoch never does
        try:
            # fetchall: a statement left unfinished would hold a read lock and block writers
            return self.epoch, self._conn.execute("PRAGMA data_version").fetchall()[0][0]
        except sqlite3.Error:
            self._close()
            return None

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn, self._inode = None, None


def watched_files(service: Any) -> list[Path] | None:
    """The SQLite files a service's answers are computed from; None when one is not a local file."""
    backend_path = getattr(service.backend, "path", None)
    store_path = getattr(service.store, "path", None) if service.store is not None else None
    if backend_path is None or (service.store is not None and store_path is None):
        return None
    return [Path(backend_path)] + ([Path(store_path)] if store_path else [])


def cache_key(path: str, query_string: bytes) -> str:
    """``q=a&province=X`` and ``province=X&q=a`` are one request; ``?a=1&a=2`` keeps its order."""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, encoding="utf-8")
    pairs.sort(key=lambda kv: kv[0])  # stable: the values of one name keep their order
    return path + "?" + urlencode(pairs)


class ResponseCache:
    """Bounded LRU of (status, headers, body) under (key, generation)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = self.misses = 0
        self._items: OrderedDict[str, tuple[Any, int, list, bytes]] = OrderedDict()

    def get(self, key: str, generation: Any) -> tuple[int, list, bytes] | None:
        item = self._items.get(key)
        if item is None or item[0] != generation:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return item[1], item[2], item[3]

    def put(self, key: str, generation: Any, status: int, headers: list, body: bytes) -> None:
        if len(body) > MAX_ENTRY or len(body) > self.max_bytes:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= len(old[3])
        self._items[key] = (generation, status, headers, body)
        self.bytes += len(body)
        while self.bytes > self.max_bytes:
            _, (_, _, _, dropped) = self._items.popitem(last=False)
            self.bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._items)


async def _replay(send, answer: tuple, tag: bytes) -> None:
    """Send a kept answer (status, headers, body), marked with how it was got."""
    status, headers, body = answer
    await send({"type": "http.response.start", "status": status, "headers": headers + [(b"x-cache", tag)]})
    await send({"type": "http.response.body", "body": body})


class CacheMiddleware:
    """Answers repeated API GETs from a ResponseCache while the data's generation is unchanged,
    and identical GETs that arrive together with one computation.

    ``files`` is called once, at the first cacheable request, and names the SQLite files to
    watch (None: do not cache). Only 200 ``application/json`` answers are kept; errors, exports
    (CSV/XLSX streams) and everything else pass through untouched.
    """

    def __init__(self, app, files: Callable[[], list[Path] | None], max_bytes: int | None = None) -> None:
        self.app = app
        self._files = files
        self._generations: list[FileGeneration] | None = None
        if max_bytes is None:
            max_bytes = int(float(os.environ.get("THIDUA_API_CACHE_MB", DEFAULT_MB)) * 1_000_000)
        self.cache = ResponseCache(max_bytes) if max_bytes > 0 else None
        self._in_flight: dict[tuple, asyncio.Future] = {}

    def generation(self) -> tuple | None:
        if self._generations is None:
            try:
                paths = self._files()
            except Exception:  # noqa: BLE001 - not cached this time; the request itself will say what is wrong
                return None
            self._generations = [FileGeneration(p) for p in paths] if paths else []
        if not self._generations:
            return None
        gens = tuple(g() for g in self._generations)
        return None if None in gens else gens

    async def __call__(self, scope, receive, send) -> None:
        if (self.cache is None or scope["type"] != "http" or scope["method"] != "GET"
                or scope["path"] not in CACHED_PATHS):
            await self.app(scope, receive, send)
            return
        generation = self.generation()  # before computing: a change meanwhile makes the next request miss
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = cache_key(scope["path"], scope["query_string"])
        hit = self.cache.get(key, generation)
        if hit is not None:
            await _replay(send, hit, b"hit")
            return
        flight = self._in_flight.get((key, generation))
        if flight is not None:  # the same request is being computed: wait for its answer
            answer = await asyncio.shield(flight)
            if answer is not None:
                await _replay(send, answer, b"shared")
                return
        flight = self._in_flight[(key, generation)] = asyncio.get_running_loop().create_future()
        start: dict = {}
        chunks: list[bytes] = []
        answer = None

        async def capture(message) -> None:
            nonlocal answer
            if message["type"] == "http.response.start":
                start.update(message)
                message = {**message, "headers": [*message.get("headers", []), (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    answer = self._keep(key, generation, start, chunks)
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            if self._in_flight.get((key, generation)) is flight:
                del self._in_flight[(key, generation)]
            flight.set_result(answer)  # None: the waiters compute it themselves

    def _keep(self, key: str, generation: tuple, start: dict, chunks: list[bytes]) -> tuple | None:
        headers = list(start.get("headers", []))
        content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        if start.get("status") == 200 and content_type.startswith(b"application/json"):
            answer = (200, headers, b"".join(chunks))
            self.cache.put(key, generation, *answer)
            return answer
        return None


class BodyLimitMiddleware:
    """413 for a request whose Content-Length is over ``limit`` bytes (or not a number)."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"content-length":
                    if value and (not value.isdigit() or int(value) > self.limit):
                        body = b'{"error":"request too large","detail":"at most %d bytes"}' % self.limit
                        await send({"type": "http.response.start", "status": 413,
                                    "headers": [(b"content-type", b"application/json"),
                                                (b"content-length", str(len(body)).encode())]})
                        await send({"type": "http.response.body", "body": body})
                        return
                    break
        await self.app(scope, receive, send)
