"""One path into the corpus for import, crawl and the sample: decode → text → extract → dedup → store.

    with CorpusStore.open() as store:
        result = Ingestor(store).add(RawDocument(url=..., content=..., source=..., fetched_at=...))

Outcomes (``IngestResult.status``):
  added      a new document (``reason`` names its near-duplicate group's canonical, if any)
  updated    a known URL whose text changed: the same document, new text and extraction
  unchanged  a known URL with the same text: nothing written
  duplicate  a new URL whose normalised text is already stored: the URL is added to that document
  failed     not stored; ``reason`` says why (undecodable bytes, no text, extractor error)
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from thidua.corpus import dedup
from thidua.corpus.models import IngestResult, RawDocument
from thidua.corpus.store import CorpusStore, compress, decompress, now_iso
from thidua.nlp.decode import DecodeError, decode_document
from thidua.nlp.models import Extraction

Extractor = Callable[..., Extraction]


@dataclass(slots=True)
class _Plan:
    kind: str  # unchanged | update | split | duplicate | new
    doc_id: str | None = None
    missing_urls: tuple[str, ...] = ()  # URLs of this page not yet recorded


@dataclass(slots=True)
class Prepared:
    """A raw document with the CPU work done (decode, hash, extraction, MinHash, compression).

    Made by ``prepare`` without a store, so it can run in a worker process; the Ingestor then
    only decides and writes (``Ingestor.write_many``). ``failed`` is set when it cannot be stored.
    """

    raw: RawDocument
    meta: dict[str, Any] | None = None
    failed: IngestResult | None = None
    text: str = ""
    chash: str = ""
    encoding: str = ""
    is_html: bool = False
    title: str | None = None  # from the decoded page
    published: date | None = None  # from the decoded page
    extracted: bool = False
    extraction_json: str = ""
    extractor_version: str = ""
    extraction_published: str | None = None
    sig: bytes | None = None  # dedup.to_bytes of the MinHash; None for a text without words
    raw_z: bytes | None = None  # compress(raw.content)

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u for u in (self.raw.url, self.raw.canonical_url) if u))


def decode_raw(raw: RawDocument, meta: dict[str, Any] | None = None) -> Prepared:
    """Decode and hash (cheap enough to do before knowing whether the text changed)."""
    if meta is None:
        meta = getattr(raw, "meta", None) or None  # if RawDocument grows a `meta` field
    try:
        decoded = decode_document(raw.content, name=raw.url, content_type=raw.content_type)
    except DecodeError as exc:
        return Prepared(raw, meta, failed=IngestResult("failed", reason=str(exc)))
    text = decoded.text
    if not text.strip():
        return Prepared(raw, meta, failed=IngestResult(
            "failed", reason=f"{raw.url}: no text after decoding (empty file or markup only)"))
    return Prepared(raw, meta, text=text, chash=dedup.content_hash(text), encoding=decoded.encoding,
                    is_html=decoded.is_html, title=decoded.title, published=decoded.published)


def complete(prep: Prepared, extractor: Extractor | None = None) -> Prepared:
    """Extract, sign and compress a decoded document (in place; returns it)."""
    if prep.failed or prep.extracted:
        return prep
    if extractor is None:
        from thidua.nlp.pipeline import extract as extractor
    raw = prep.raw
    try:
        extraction = extractor(prep.text, source=raw.url, published=raw.published or prep.published, normalized=True)
        prep.extraction_json = json.dumps(extraction.to_dict(), ensure_ascii=False)
    except Exception as exc:  # an extractor bug must not stop a crawl; it is reported
        prep.failed = IngestResult("failed", reason=f"{raw.url}: extraction failed ({type(exc).__name__}: {exc})")
        return prep
    prep.extractor_version = extraction.extractor_version
    prep.extraction_published = extraction.published
    sig = dedup.signature(prep.text)
    prep.sig = dedup.to_bytes(sig) if sig is not None else None
    prep.raw_z = compress(raw.content)
    prep.extracted = True
    return prep


def prepare(raw: RawDocument, meta: dict[str, Any] | None = None, extractor: Extractor | None = None) -> Prepared:
    """All the CPU work for one document, no store needed (picklable: runs in a process pool)."""
    return complete(decode_raw(raw, meta), extractor)


def short_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _first_line(text: str, limit: int = 300) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:limit]
    return None


_WRITES = ("update", "split", "new")


class Ingestor:
    """Adds raw documents to a store. ``extractor`` defaults to ``thidua.nlp.pipeline.extract``."""

    def __init__(self, store: CorpusStore, extractor: Extractor | None = None) -> None:
        self.store = store
        if extractor is None:
            from thidua.nlp.pipeline import extract as extractor
        self.extract = extractor

    # -- entry points
    def add(self, raw: RawDocument, meta: dict[str, Any] | None = None) -> IngestResult:
        """Store ``raw`` (idempotent). ``meta``: extra facts from a metadata file (outlet, district…).

        Extraction runs only when the text is new or changed."""
        prep = decode_raw(raw, meta)
        if prep.failed:
            return prep.failed
        for _attempt in range(3):
            plan = self._plan(prep.urls, prep.chash)
            if plan.kind == "unchanged" and not plan.missing_urls and not self._validators_differ(raw):
                return IngestResult("unchanged", id=plan.doc_id)  # nothing to write: no lock taken
            if plan.kind in _WRITES and not prep.extracted:
                complete(prep, self.extract)
                if prep.failed:
                    return prep.failed
            with self.store.transaction() as conn:
                fresh = self._plan(prep.urls, prep.chash)
                if fresh.kind in _WRITES and not prep.extracted:
                    continue  # another writer changed things under us: plan again (rolls back nothing)
                result = self._apply(conn, fresh, prep)
            if fresh.kind in _WRITES and prep.sig is not None:
                self.store.near_index().add(result.id, dedup.from_bytes(prep.sig))
            return result
        return IngestResult("failed", reason=f"{raw.url}: store kept changing under concurrent writers; retry")

    def add_many(self, raws: Iterable[RawDocument]) -> list[IngestResult]:
        """Store several documents, written in one transaction (see ``write_many``)."""
        return self.write_many([prepare(r, extractor=self.extract) for r in raws])

    def write_many(self, preps: list[Prepared]) -> list[IngestResult]:
        """Store prepared documents in one transaction, in order; results in the same order.

        Each document is applied under its own savepoint, so a store error fails that document
        only. A document later in the batch sees the earlier ones (exact and near duplicates).
        If the transaction as a whole fails, each document is retried in a transaction of its own.
        """
        try:
            return self._write_batch(preps)
        except Exception:
            self.store.reset_near_index()  # it may hold documents that were rolled back
        results = []
        for prep in preps:
            try:
                results.append(self._write_batch([prep])[0])
            except Exception as exc:
                self.store.reset_near_index()
                results.append(IngestResult("failed", reason=f"{prep.raw.url}: not stored ({type(exc).__name__}: {exc})"))
        return results

    def _write_batch(self, preps: list[Prepared]) -> list[IngestResult]:
        results: list[IngestResult | None] = [p.failed for p in preps]
        if all(results):
            return results  # type: ignore[return-value]
        with self.store.transaction() as conn:
            near = self.store.near_index()  # inside the write lock: no other writer can slip in
            for i, prep in enumerate(preps):
                if prep.failed:
                    continue
                plan = self._plan(prep.urls, prep.chash)
                if plan.kind == "unchanged" and not plan.missing_urls and not self._validators_differ(prep.raw):
                    results[i] = IngestResult("unchanged", id=plan.doc_id)
                    continue
                if plan.kind in _WRITES and not prep.extracted:
                    complete(prep, self.extract)
                    if prep.failed:
                        results[i] = prep.failed
                        continue
                conn.execute("SAVEPOINT doc")
                try:
                    result = self._apply(conn, plan, prep, near)
                except Exception as exc:  # this document only
                    conn.execute("ROLLBACK TO doc")
                    conn.execute("RELEASE doc")
                    results[i] = IngestResult("failed", reason=f"{prep.raw.url}: not stored ({type(exc).__name__}: {exc})")
                    continue
                conn.execute("RELEASE doc")
                results[i] = result
                if plan.kind in _WRITES and prep.sig is not None:
                    near.add(result.id, dedup.from_bytes(prep.sig))  # later documents of the batch see it
            self.store.near_index_current()  # it holds this batch's signatures: do not read them back
        return results  # type: ignore[return-value]

    # -- deciding
    def _plan(self, urls: tuple[str, ...], chash: str) -> _Plan:
        conn = self.store.conn
        known = {u: self.store.doc_id_for_url(u) for u in urls}
        missing = tuple(u for u, d in known.items() if d is None)
        doc_id = next((d for d in known.values() if d), None)
        if doc_id is not None:
            same = conn.execute("SELECT content_hash = ? FROM documents WHERE id = ?", (chash, doc_id)).fetchone()
            if same and same[0]:
                return _Plan("unchanged", doc_id, missing)
            others = conn.execute(
                f"SELECT 1 FROM urls WHERE doc_id = ? AND url NOT IN ({','.join('?' * len(urls))}) LIMIT 1",
                (doc_id, *urls),
            ).fetchone()
            # The old text is still served at other URLs: this page becomes a document of its own.
            return _Plan("split" if others else "update", doc_id, missing)
        row = conn.execute(
            "SELECT id FROM documents WHERE content_hash = ? ORDER BY duplicate_of IS NOT NULL, rowid LIMIT 1",
            (chash,),
        ).fetchone()
        if row:
            return _Plan("duplicate", row[0], missing)
        return _Plan("new", None, missing)

    # -- writing (inside the transaction)
    def _apply(self, conn, plan: _Plan, prep: Prepared, near=None) -> IngestResult:
        """``near``: the near-duplicate index, if the caller keeps it current (else refreshed here)."""
        raw, text, meta = prep.raw, prep.text, prep.meta
        now = now_iso()
        if plan.kind in ("unchanged", "duplicate"):
            self._record_urls(conn, plan.doc_id, plan.missing_urls, raw, now)
            self._refresh_validators(conn, raw)
            if plan.kind == "unchanged":
                return IngestResult("unchanged", id=plan.doc_id)
            return IngestResult("duplicate", id=plan.doc_id, reason=f"same text as {plan.doc_id}")

        if plan.kind == "split":
            plan = self._detach(conn, plan, urls=(raw.url, raw.canonical_url))
        published = raw.published or prep.published or _iso_date(prep.extraction_published)
        title = raw.title or prep.title or _first_line(text)
        sig = dedup.from_bytes(prep.sig) if prep.sig is not None else None
        near = self._near_canonical(conn, sig, exclude=plan.doc_id if plan.kind == "update" else None, index=near)
        values = {
            "canonical_url": raw.canonical_url,
            "source": raw.source,
            "title": title,
            "published": published.isoformat() if published else None,
            "fetched_at": raw.fetched_at.isoformat() if raw.fetched_at else None,
            "content_type": raw.content_type,
            "encoding": prep.encoding,
            "is_html": int(prep.is_html),
            "raw": prep.raw_z if prep.raw_z is not None else compress(raw.content),
            "raw_codec": "zlib",
            "text": text,
            "content_hash": prep.chash,
            "extraction": prep.extraction_json,
            "extractor_version": prep.extractor_version,
            "duplicate_of": near,
            "updated_at": now,
        }
        if meta is not None:
            values["meta"] = json.dumps(meta, ensure_ascii=False, default=str)

        if plan.kind == "update":
            doc_id = plan.doc_id
            sets = ", ".join(f"{k} = :{k}" for k in values)
            conn.execute(f"UPDATE documents SET {sets} WHERE id = :id", {**values, "id": doc_id})
            status = "updated"
        else:
            doc_id = self._new_id(conn, raw, prep.chash)  # plan.doc_id, if set, is the document split from
            values.update(id=doc_id, url=raw.url, added_at=now)
            cols = ", ".join(values)
            conn.execute(f"INSERT INTO documents ({cols}) VALUES ({', '.join(':' + k for k in values)})", values)
            status = "added"
        if prep.sig is not None:
            conn.execute("INSERT OR REPLACE INTO signatures(doc_id, minhash) VALUES (?, ?)", (doc_id, prep.sig))
        else:
            conn.execute("DELETE FROM signatures WHERE doc_id = ?", (doc_id,))
        self._record_urls(conn, doc_id, plan.missing_urls, raw, now)
        self._refresh_validators(conn, raw)
        reason = f"near-duplicate of {near}" if near else None
        if plan.doc_id and status == "added":
            reason = f"{raw.url} no longer has the text of {plan.doc_id}" + (f"; {reason}" if reason else "")
        return IngestResult(status, id=doc_id, reason=reason)

    @staticmethod
    def _detach(conn, plan: _Plan, urls: tuple[str | None, ...]) -> _Plan:
        """Take this page's URLs off the document whose text it no longer has; return a 'new' plan."""
        own = [u for u in urls if u]
        marks = ",".join("?" * len(own))
        conn.execute(f"DELETE FROM urls WHERE doc_id = ? AND url IN ({marks})", (plan.doc_id, *own))
        conn.execute(  # its primary URL must be one it is still seen at
            "UPDATE documents SET url = (SELECT url FROM urls WHERE doc_id = :id ORDER BY first_seen, rowid LIMIT 1) "
            "WHERE id = :id AND url NOT IN (SELECT url FROM urls WHERE doc_id = :id)",
            {"id": plan.doc_id},
        )
        return _Plan("new", plan.doc_id, tuple(dict.fromkeys(own)))

    def _near_canonical(self, conn, sig, exclude: str | None, index=None) -> str | None:
        if sig is None:
            return None
        match = (index if index is not None else self.store.near_index()).best_match(sig, exclude=exclude)
        if match is None:
            return None
        row = conn.execute("SELECT duplicate_of FROM documents WHERE id = ?", (match[0],)).fetchone()
        if row is None:
            return None
        canonical = row[0] or match[0]
        return None if canonical == exclude else canonical

    def _new_id(self, conn, raw: RawDocument, chash: str) -> str:
        """From the canonical URL for web pages; from the content for local files."""
        key = raw.canonical_url or raw.url
        doc_id = short_id(key) if key.startswith(("http://", "https://")) else chash[:16]
        while conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
            doc_id = short_id(doc_id + "\n" + key)  # taken (e.g. a file changed, then its old text reappeared)
        return doc_id

    @staticmethod
    def _record_urls(conn, doc_id, urls: Iterable[str], raw: RawDocument, now: str) -> None:
        for u in urls:
            conn.execute(
                "INSERT OR IGNORE INTO urls(url, doc_id, etag, last_modified, first_seen) VALUES (?, ?, ?, ?, ?)",
                (u, doc_id, raw.etag if u == raw.url else None, raw.last_modified if u == raw.url else None, now),
            )

    def _validators_differ(self, raw: RawDocument) -> bool:
        if not (raw.etag or raw.last_modified):
            return False
        return self.store.validators(raw.url) != (raw.etag, raw.last_modified)

    @staticmethod
    def _refresh_validators(conn, raw: RawDocument) -> None:
        if raw.etag or raw.last_modified:
            conn.execute(
                "UPDATE urls SET etag = ?, last_modified = ? WHERE url = ? "
                "AND (etag IS NOT ? OR last_modified IS NOT ?)",
                (raw.etag, raw.last_modified, raw.url, raw.etag, raw.last_modified),
            )


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --- summaries ------------------------------------------------------------------------------

STATUSES = ("added", "updated", "unchanged", "duplicate", "failed")


@dataclass
class IngestSummary:
    """Counts by status and the failures, for the one summary line import and crawl print."""

    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)

    def record(self, name: str, result: IngestResult) -> None:
        self.counts[result.status] += 1
        if result.status == "failed":
            self.failures.append((name, result.reason or "unknown reason"))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def ok(self) -> bool:
        """Something was processed and not everything failed (exit status 0)."""
        return self.total > 0 and self.counts["failed"] < self.total

    def line(self) -> str:
        return ", ".join(f"{s} {self.counts[s]}" for s in STATUSES)


# --- re-extraction --------------------------------------------------------------------------


def _version_key(v: str):
    try:
        from packaging.version import Version

        return (1, Version(v))
    except Exception:
        return (0, v)


def is_older(version: str, current: str) -> bool:
    if version == current:
        return False
    a, b = _version_key(version), _version_key(current)
    return a[0] == 0 or b[0] == 0 or a < b  # unparseable versions are treated as old


def reextract(
    store: CorpusStore,
    *,
    force: bool = False,
    from_raw: bool = False,
    extractor: Extractor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Re-run extraction where the stored version is older than ``EXTRACTOR_VERSION`` (all if ``force``).

    Works from the stored text, which is what every stored offset points into; nothing is
    fetched. ``from_raw`` re-decodes the stored raw bytes first (for a changed decoder): the
    text, its hash and its signature are then replaced too. Returns (re-extracted, checked).
    """
    from thidua.nlp import pipeline

    run = extractor or pipeline.extract
    current = pipeline.EXTRACTOR_VERSION
    rows = store.conn.execute("SELECT id, extractor_version FROM documents ORDER BY rowid").fetchall()
    todo = [r[0] for r in rows if force or is_older(r[1], current)]
    done = 0
    for i, doc_id in enumerate(todo, 1):
        row = store.conn.execute(
            "SELECT url, text, published, raw, raw_codec, content_type FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            continue
        text, published = row["text"], _iso_date(row["published"])
        extra: dict[str, Any] = {}
        if from_raw and row["raw"] is not None:
            try:
                decoded = decode_document(decompress(row["raw"], row["raw_codec"]), name=row["url"],
                                          content_type=row["content_type"])
            except DecodeError:
                decoded = None  # keep the stored text rather than lose the document
            if decoded is not None and decoded.text != text:
                text = decoded.text
                sig = dedup.signature(text)
                extra = {"text": text, "content_hash": dedup.content_hash(text), "encoding": decoded.encoding,
                         "is_html": int(decoded.is_html), "_sig": sig}
        extraction = run(text, source=row["url"], published=published, normalized=True)
        sig = extra.pop("_sig", None)
        values = {"extraction": json.dumps(extraction.to_dict(), ensure_ascii=False),
                  "extractor_version": extraction.extractor_version, "updated_at": now_iso(), **extra}
        with store.transaction() as conn:
            sets = ", ".join(f"{k} = :{k}" for k in values)
            conn.execute(f"UPDATE documents SET {sets} WHERE id = :id", {**values, "id": doc_id})
            if sig is not None:
                conn.execute("INSERT OR REPLACE INTO signatures(doc_id, minhash) VALUES (?, ?)",
                             (doc_id, dedup.to_bytes(sig)))
        done += 1
        if progress:
            progress(i, len(todo))
    return done, len(rows)
