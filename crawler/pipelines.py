"""Item pipeline: hand each fetched article to the corpus (decode → text → extract → dedup → store).

The CPU work (decode, extraction, MinHash: ``corpus.ingest.prepare``) runs in worker processes
(``crawler.workers``; ``THIDUA_INGEST_WORKERS`` of them, 0 = on the reactor thread), so fetching,
parsing and extracting overlap. Results are written in the main process in the order items arrived,
``THIDUA_WRITE_BATCH`` documents per transaction at most (waiting at most
``THIDUA_WRITE_DELAY`` seconds for a batch to fill). A page is marked done in the crawl's
frontier only after the transaction holding its document committed, so a crawl killed at
any moment resumes with every page not yet stored.

Every outcome is counted in the spider's CrawlReport; a failed ingest raises DropItem with its
reason, so nothing disappears silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timezone

from scrapy.exceptions import DropItem

from thidua.corpus.ingest import Ingestor, Prepared, prepare
from thidua.corpus.models import IngestResult, RawDocument
from thidua.corpus.store import CorpusStore
from thidua.crawler.items import PageItem
from thidua.crawler.workers import IngestPool, WorkerLost

log = logging.getLogger(__name__)

_STORES: dict[str, tuple[CorpusStore, int]] = {}  # one connection per home, shared by crawlers


def shared_store(crawler) -> CorpusStore:
    """The store for this crawler's THIDUA_HOME, opened once; closed when its crawl ends."""
    store = getattr(crawler, "_thidua_store", None)
    if store is None:
        home = crawler.settings.get("THIDUA_HOME")
        store, users = _STORES.get(home, (None, 0))
        if store is None:
            store = CorpusStore.open(home)
        _STORES[home] = (store, users + 1)
        crawler._thidua_store = store

        from scrapy import signals

        crawler.signals.connect(lambda: _release(home), signal=signals.engine_stopped, weak=False)
    return store


def _release(home: str) -> None:
    store, users = _STORES.pop(home, (None, 0))
    if store is None:
        return
    if users > 1:
        _STORES[home] = (store, users - 1)
    else:
        store.close()


def to_raw(item: PageItem) -> RawDocument:
    return RawDocument(
        url=item.url,
        content=item.body,
        source=item.source,
        fetched_at=datetime.now(timezone.utc),
        canonical_url=item.canonical_url,
        title=item.title,
        published=item.published,
        etag=item.etag,
        last_modified=item.last_modified,
        content_type=item.content_type,
    )


# --- the worker processes (one pool per process, shared by the crawlers of one run) -----------

_POOL: list = [None, 0]  # [IngestPool, users]
_WARM_HTML = (b"<html><head><meta charset='utf-8'><title>Thi \xc4\x91ua</title></head><body><p>"
              + "Ngày 29/1/2024, UBND huyện Thạch Thất tặng Bằng khen cho 22 tập thể theo Chỉ thị số 34-CT/TW.".encode()
              + b"</p></body></html>")


def _warm() -> None:
    """Import and run the extractors once (lazy regexes compiled, tables loaded)."""
    prepare(RawDocument(url="https://warm.up/", content=_WARM_HTML, source="warm-up", fetched_at=datetime.now(timezone.utc)))


def _worker_init(parent: int) -> None:
    """In each worker: default signal handling, and exit as soon as the crawl process is gone
    (a crawl killed with SIGKILL must not leave its workers waiting for work forever)."""
    import os
    import signal
    import threading
    import time

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the crawl process stops the pool
    try:  # Linux: the kernel kills the worker when its parent dies
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:  # elsewhere (and for a parent gone before prctl): poll
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def acquire_pool(workers: int) -> IngestPool:
    """The worker processes for ``prepare``, forked on first use (they warm up on their own);
    each acquire is matched by a ``release_pool``."""
    pool, users = _POOL
    if pool is None:
        pool = IngestPool(workers)
    _POOL[:] = [pool, users + 1]
    return pool


def release_pool() -> None:
    pool, users = _POOL
    if pool is None:
        return
    if users > 1:
        _POOL[:] = [pool, users - 1]
    else:
        _POOL[:] = [None, 0]
        pool.shutdown()


@dataclass(slots=True)
class _Entry:
    item: PageItem
    done: asyncio.Future
    prep: Prepared | None = None
    error: str | None = None  # the worker raised (it should not: prepare reports failures)
    ready: bool = False


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.ingestor: Ingestor | None = None
        settings = crawler.settings
        self.workers = settings.getint("THIDUA_INGEST_WORKERS", 0)
        self.batch = max(1, settings.getint("THIDUA_WRITE_BATCH", 64))
        self.delay = settings.getfloat("THIDUA_WRITE_DELAY", 0.05)
        self.pool: IngestPool | None = None
        self.queue: deque[_Entry] = deque()  # in arrival order; written from the head
        self._timer: asyncio.TimerHandle | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.ingestor = Ingestor(shared_store(self.crawler))
        if self.workers > 0:
            try:
                self.pool = acquire_pool(self.workers)
            except (OSError, RuntimeError) as exc:  # no processes here: work on the reactor thread
                log.warning("no ingest worker processes (%s); extracting in the crawl process", exc)

    def close_spider(self) -> None:
        self._flush()  # nothing should be left: Scrapy waits for items in progress
        if self.pool is not None:
            self.pool = None
            release_pool()

    async def process_item(self, item: PageItem) -> PageItem:
        loop = asyncio.get_running_loop()
        entry = _Entry(item, loop.create_future())
        self.queue.append(entry)
        raw = to_raw(item)
        if self.pool is not None:
            try:
                future = self.pool.prepare(raw)
            except WorkerLost as exc:  # every worker was killed: do it here from now on
                log.warning("ingest workers unusable (%s); extracting in the crawl process", exc)
                self.pool = None
                release_pool()
                self._prepared(entry, prepare(raw, extractor=self.ingestor.extract))
            else:
                future.add_done_callback(lambda f: self._prepared_future(entry, raw, f))
        else:
            self._prepared(entry, prepare(raw, extractor=self.ingestor.extract))
        result: IngestResult = await entry.done
        if result.status == "failed":
            raise DropItem(f"{item.url}: {result.reason}")
        return item

    # -- batching
    def _prepared_future(self, entry: _Entry, raw: RawDocument, future: asyncio.Future) -> None:
        if future.cancelled():
            entry.error = "cancelled"
            self._prepared(entry, None)
            return
        exc = future.exception()
        if isinstance(exc, WorkerLost):  # its worker died with the page: do it here
            self._prepared(entry, prepare(raw, extractor=self.ingestor.extract))
        elif exc is not None:
            entry.error = f"{type(exc).__name__}: {exc}"
            self._prepared(entry, None)
        else:
            prep = future.result()
            prep.raw = raw  # the worker does not send the page back
            self._prepared(entry, prep)

    def _prepared(self, entry: _Entry, prep: Prepared | None) -> None:
        entry.prep, entry.ready = prep, True
        ready = 0
        for e in self.queue:
            if not e.ready:
                break
            ready += 1
        if ready and (ready >= self.batch or self.delay <= 0):
            self._flush()
        elif ready and self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.delay, self._flush)

    def _flush(self) -> None:
        """Write the ready entries at the head of the queue, in one transaction; then mark them done."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        while self.queue and self.queue[0].ready:
            batch: list[_Entry] = []
            while self.queue and self.queue[0].ready and len(batch) < self.batch:
                batch.append(self.queue.popleft())
            self._write(batch)

    def _write(self, batch: list[_Entry]) -> None:
        spider = self.crawler.spider
        preps = [e.prep for e in batch if e.prep is not None]
        try:
            written = iter(self.ingestor.write_many(preps))
            results = [next(written) if e.prep is not None else IngestResult("failed", reason=f"ingest worker failed ({e.error})")
                       for e in batch]
        except Exception as exc:  # a store bug is reported, the crawl goes on
            results = [IngestResult("failed", reason=f"{type(exc).__name__}: {exc}") for _ in batch]
        for e, result in zip(batch, results):
            spider.report.summary.record(e.item.url, result)
        spider.pages_done([e.item.frontier_url for e in batch])  # after the commit: crash-safe
        for e, result in zip(batch, results):
            if not e.done.done():
                e.done.set_result(result)
