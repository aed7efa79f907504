"""What spiders yield: one fetched article page, raw bytes and what the response said."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class PageItem:
    url: str  # final URL, after redirects
    body: bytes  # raw bytes as received; decoding happens in the corpus ingest
    source: str
    frontier_url: str  # the URL as scheduled (before redirects): the crawl-state key
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    canonical_url: str | None = None
    title: str | None = None  # from a configured selector, else the page metadata
    published: date | None = None
