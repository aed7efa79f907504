"""Item pipeline: hand each fetched article to the corpus (decode → text → extract → dedup → store).

Every outcome is counted in the spider's CrawlReport; a failed ingest raises DropItem with its
reason, so nothing disappears silently.
"""

from __future__ import annotations

from datetime import datetime, timezone

from scrapy.exceptions import DropItem

from thidua.corpus.ingest import Ingestor
from thidua.corpus.models import IngestResult, RawDocument
from thidua.corpus.store import CorpusStore
from thidua.crawler.items import PageItem

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


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.ingestor: Ingestor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.ingestor = Ingestor(shared_store(self.crawler))

    def process_item(self, item: PageItem) -> PageItem:
        spider = self.crawler.spider
        try:
            result = self.ingestor.add(to_raw(item))
        except Exception as exc:  # a store or extractor bug is reported, the crawl goes on
            result = IngestResult("failed", reason=f"{type(exc).__name__}: {exc}")
        spider.report.summary.record(item.url, result)
        spider.page_done(item.frontier_url)
        if result.status == "failed":
            raise DropItem(f"{item.url}: {result.reason}")
        return item
