"""Records of the corpus stage: what crawlers and imports hand in, what the store gives out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from thidua.nlp.models import Extraction


@dataclass(slots=True)
class RawDocument:
    """A page or file as received, before decoding: the crawler's and the importer's output."""

    url: str  # as fetched, or the file's file: URI
    content: bytes  # the raw bytes, any encoding, text or HTML
    source: str  # source name from the sources file, or "local"
    fetched_at: datetime
    canonical_url: str | None = None
    title: str | None = None
    published: date | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None


@dataclass(slots=True)
class StoredDocument:
    """A document in the corpus: decoded text (all offsets point into it) and its extraction."""

    id: str
    url: str
    source: str
    text: str
    extraction: Extraction
    title: str | None = None
    published: date | None = None
    fetched_at: datetime | None = None
    canonical_url: str | None = None
    urls: list[str] = field(default_factory=list)  # every URL this exact text was seen at
    content_hash: str = ""
    extractor_version: str = ""
    duplicate_of: str | None = None  # canonical document of its near-duplicate group


IngestStatus = Literal["added", "updated", "unchanged", "duplicate", "failed"]


@dataclass(slots=True)
class IngestResult:
    status: IngestStatus
    id: str | None = None
    reason: str | None = None  # why it failed, or which document it duplicates
