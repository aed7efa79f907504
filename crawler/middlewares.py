"""Downloader middlewares: retries that back off, conditional GET from the corpus store."""

from __future__ import annotations

import asyncio
import logging

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response

from thidua.crawler.pipelines import shared_store

log = logging.getLogger(__name__)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, but retry n waits RETRY_BACKOFF_BASE * 2**(n-1) seconds
    (capped by RETRY_BACKOFF_MAX; a server's Retry-After in seconds wins when larger)."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def _delay(self, new: Request, retry_after: bytes | None = None) -> None:
        wait = self.base * 2 ** (new.meta.get("retry_times", 1) - 1)
        if retry_after and retry_after.strip().isdigit():
            wait = max(wait, float(retry_after))
        new.meta["thidua_backoff"] = min(wait, self.cap)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            self._delay(result, response.headers.get(b"Retry-After"))
        return result

    def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            self._delay(result)
        return result

    async def process_request(self, request: Request) -> None:
        wait = request.meta.pop("thidua_backoff", 0)
        if wait:
            await asyncio.sleep(wait)
        return None


class ConditionalGetMiddleware:
    """Ask for a page only if it changed: If-None-Match / If-Modified-Since from the store.

    Listing pages (meta `thidua_fresh`) are always fetched whole: their links are needed.
    A 304 answer reaches the spider, which counts the page as unchanged.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if request.meta.get("thidua_fresh") or "thidua_url" not in request.meta:
            return None
        validators = shared_store(self.crawler).validators(request.url)
        if validators:
            etag, last_modified = validators
            if etag:
                request.headers.setdefault(b"If-None-Match", etag.encode("latin-1"))
            if last_modified:
                request.headers.setdefault(b"If-Modified-Since", last_modified.encode("latin-1"))
        return None
