"""The corpus store: one SQLite database under ``$THIDUA_HOME`` (``corpus.sqlite3``, WAL mode).

Tables
  documents   one row per distinct text: URL, source, title, dates, zlib-compressed raw bytes
              (re-parse without re-fetching), the decoded text every offset points into,
              its content hash, the extraction JSON and the extractor's version,
              ``duplicate_of`` (canonical document of a near-duplicate group), ``meta`` JSON
  urls        every URL a document was seen at, with that URL's HTTP validators
  signatures  the MinHash of each document (near-duplicates; see ``dedup``)

Every write is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), so a process killed at any
moment leaves whole documents only. The schema version is ``PRAGMA user_version``; opening a
store runs the migration steps it has not seen yet, each in its own transaction.

Writes go through ``thidua.corpus.ingest.Ingestor``; readers (the index, the API) use
``iter_documents`` / ``get``; the crawler asks ``validators`` and ``known_url``.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from thidua.config import data_home
from thidua.corpus.models import StoredDocument
from thidua.nlp.models import Extraction

DB_NAME = "corpus.sqlite3"


class StoreError(RuntimeError):
    """The corpus database cannot be used as it is (e.g. written by a newer thidua)."""


# --- migrations ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: tuple[str, ...]
    after: Callable[[sqlite3.Connection], None] | None = None  # data step, same transaction


def _backfill_signatures(conn: sqlite3.Connection, everything: bool = False) -> None:
    """Signatures for documents without one (all of them if ``everything``), with their parameters."""
    from thidua.corpus import dedup

    where = "" if everything else "WHERE id NOT IN (SELECT doc_id FROM signatures)"
    for doc_id, text in conn.execute(f"SELECT id, text FROM documents {where}").fetchall():
        sig = dedup.signature(text)
        if sig is not None:
            conn.execute("INSERT OR REPLACE INTO signatures(doc_id, minhash) VALUES (?, ?)",
                         (doc_id, dedup.to_bytes(sig)))
    conn.execute("INSERT OR REPLACE INTO store_info VALUES ('minhash', ?)", (dedup.PARAMS,))


def ensure_signature_params(conn: sqlite3.Connection) -> bool:
    """Recompute every signature if they were made with other MinHash parameters; True if it did."""
    from thidua.corpus import dedup

    row = conn.execute("SELECT value FROM store_info WHERE key = 'minhash'").fetchone()
    if row and row[0] == dedup.PARAMS:
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT value FROM store_info WHERE key = 'minhash'").fetchone()
        if not (row and row[0] == dedup.PARAMS):
            _backfill_signatures(conn, everything=True)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents and the URLs they were seen at",
        (
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                url TEXT NOT NULL,
                canonical_url TEXT,
                source TEXT NOT NULL,
                title TEXT,
                published TEXT,
                fetched_at TEXT,
                content_type TEXT,
                encoding TEXT,
                is_html INTEGER NOT NULL DEFAULT 0,
                raw BLOB,
                raw_codec TEXT NOT NULL DEFAULT 'zlib',
                text TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                extraction TEXT NOT NULL,
                extractor_version TEXT NOT NULL,
                duplicate_of TEXT REFERENCES documents(id) ON DELETE SET NULL,
                added_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX documents_content_hash ON documents(content_hash)",
            "CREATE INDEX documents_duplicate_of ON documents(duplicate_of)",
            "CREATE INDEX documents_extractor_version ON documents(extractor_version)",
            """CREATE TABLE urls (
                url TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                etag TEXT,
                last_modified TEXT,
                first_seen TEXT NOT NULL
            )""",
            "CREATE INDEX urls_doc_id ON urls(doc_id)",
        ),
    ),
    Migration(
        2,
        "near-duplicate signatures (MinHash) and per-document metadata",
        (
            """CREATE TABLE signatures (
                doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                minhash BLOB NOT NULL
            )""",
            "ALTER TABLE documents ADD COLUMN meta TEXT",
            "CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",  # minhash: dedup.PARAMS
        ),
        after=_backfill_signatures,
    ),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> list[int]:
    """Apply the steps between the store's version and ``target``; return the versions applied."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise StoreError(
            f"the corpus store has schema version {current}, newer than this thidua knows "
            f"({LATEST_VERSION}); upgrade thidua or use another THIDUA_HOME"
        )
    applied = []
    for step in MIGRATIONS:
        if current < step.version <= target:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if schema_version(conn) >= step.version:  # another process got there first
                    conn.execute("ROLLBACK")
                    continue
                for stmt in step.sql:
                    conn.execute(stmt)
                if step.after:
                    step.after(conn)
                conn.execute(f"PRAGMA user_version = {step.version}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            applied.append(step.version)
    return applied


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a crash loses no committed write to a kill
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


# --- raw bytes ------------------------------------------------------------------------------


def compress(raw: bytes) -> bytes:
    return zlib.compress(raw, 6)


def decompress(blob: bytes | None, codec: str) -> bytes | None:
    if blob is None:
        return None
    if codec == "zlib":
        return zlib.decompress(blob)
    if codec == "none":
        return bytes(blob)
    raise StoreError(f"unknown raw codec {codec!r}; this store was written by another thidua version")


# --- the store -------------------------------------------------------------------------------

_DOC_COLUMNS = """d.id, d.url, d.canonical_url, d.source, d.title, d.published, d.fetched_at, d.text,
    d.content_hash, d.extraction, d.extractor_version, d.duplicate_of, d.meta,
    (SELECT json_group_array(u.url) FROM (SELECT url FROM urls WHERE doc_id = d.id
        ORDER BY first_seen, rowid) AS u) AS urls"""


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _datetime(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


_HAS_META = "meta" in StoredDocument.__dataclass_fields__  # ready for a `meta` field on the record


def row_to_document(row: sqlite3.Row) -> StoredDocument:
    extraction = Extraction.from_dict(json.loads(row["extraction"]))
    extraction.text = row["text"]
    extra = {"meta": json.loads(row["meta"]) if row["meta"] else {}} if _HAS_META else {}
    return StoredDocument(
        **extra,
        id=row["id"],
        url=row["url"],
        source=row["source"],
        text=row["text"],
        extraction=extraction,
        title=row["title"],
        published=_date(row["published"]),
        fetched_at=_datetime(row["fetched_at"]),
        canonical_url=row["canonical_url"],
        urls=json.loads(row["urls"] or "[]"),
        content_hash=row["content_hash"],
        extractor_version=row["extractor_version"],
        duplicate_of=row["duplicate_of"],
    )


class CorpusStore:
    """The corpus database. ``CorpusStore.open()`` uses ``$THIDUA_HOME/corpus.sqlite3``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._near = None  # NearDuplicateIndex, built on first use
        self._near_rowid = 0  # signatures.rowid already loaded into it

    @classmethod
    def open(cls, home: str | Path | None = None) -> CorpusStore:
        path = data_home(home) / DB_NAME
        conn = connect(path)
        try:
            migrate(conn)
            ensure_signature_params(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    # -- context manager
    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    # -- reading
    def count(self, include_duplicates: bool = True) -> int:
        sql = "SELECT count(*) FROM documents"
        if not include_duplicates:
            sql += " WHERE duplicate_of IS NULL"
        return self.conn.execute(sql).fetchone()[0]

    def get(self, doc_id: str) -> StoredDocument | None:
        row = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents d WHERE d.id = ?", (doc_id,)).fetchone()
        return row_to_document(row) if row else None

    def iter_documents(self, include_duplicates: bool = False, batch: int = 200) -> Iterator[StoredDocument]:
        """Every document in insertion order, streamed (``batch`` rows in memory at a time).

        Near-duplicates (``duplicate_of`` set) are left out unless ``include_duplicates``.
        """
        where = "" if include_duplicates else "WHERE d.duplicate_of IS NULL"
        cur = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents d {where} ORDER BY d.rowid")
        while rows := cur.fetchmany(batch):
            for row in rows:
                yield row_to_document(row)

    def meta(self, doc_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT meta FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def raw(self, doc_id: str) -> bytes | None:
        """The bytes as fetched or read, to re-parse a page without fetching it again."""
        row = self.conn.execute("SELECT raw, raw_codec FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return decompress(row[0], row[1]) if row else None

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) last seen for ``url``, for a conditional GET; None if unknown."""
        row = self.conn.execute("SELECT etag, last_modified FROM urls WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else None

    def known_url(self, url: str) -> bool:
        return self.conn.execute("SELECT 1 FROM urls WHERE url = ?", (url,)).fetchone() is not None

    def doc_id_for_url(self, url: str) -> str | None:
        row = self.conn.execute("SELECT doc_id FROM urls WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def stats(self) -> dict[str, Any]:
        q = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": q("SELECT count(*) FROM documents"),
            "canonical": q("SELECT count(*) FROM documents WHERE duplicate_of IS NULL"),
            "near_duplicates": q("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "urls": q("SELECT count(*) FROM urls"),
            "sources": {r[0]: r[1] for r in self.conn.execute(
                "SELECT source, count(*) FROM documents GROUP BY source ORDER BY 2 DESC")},
            "extractor_versions": {r[0]: r[1] for r in self.conn.execute(
                "SELECT extractor_version, count(*) FROM documents GROUP BY 1 ORDER BY 1")},
            "raw_bytes_stored": q("SELECT coalesce(sum(length(raw)), 0) FROM documents"),
            "schema_version": schema_version(self.conn),
            "path": str(self.path),
        }

    # -- writing (used by the Ingestor; one transaction per call site)
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any exception (or a kill)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def near_index(self):
        """The in-memory MinHash LSH over stored signatures, caught up with other writers."""
        from thidua.corpus import dedup

        if self._near is None:
            self._near = dedup.NearDuplicateIndex(self.signature)
            rows = self.conn.execute("SELECT rowid, doc_id, minhash FROM signatures ORDER BY rowid")
            last = 0

            def items():
                nonlocal last
                for rowid, doc_id, blob in rows:
                    last = rowid
                    yield doc_id, dedup.from_bytes(blob)

            self._near.add_many(items())
            self._near_rowid = last
        else:
            for rowid, doc_id, blob in self.conn.execute(
                "SELECT rowid, doc_id, minhash FROM signatures WHERE rowid > ? ORDER BY rowid", (self._near_rowid,)
            ):
                self._near.add(doc_id, dedup.from_bytes(blob))
                self._near_rowid = rowid
        return self._near

    def near_index_current(self) -> None:
        """Within a write transaction, after adding every signature it wrote to ``near_index()``:
        mark the stored signatures as loaded, so the next refresh does not index them again."""
        if self._near is not None:
            self._near_rowid = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM signatures").fetchone()[0]

    def reset_near_index(self) -> None:
        """Forget the in-memory LSH (e.g. after a rolled-back batch); rebuilt on next use."""
        self._near = None
        self._near_rowid = 0

    def signature(self, doc_id: str):
        from thidua.corpus import dedup

        row = self.conn.execute("SELECT minhash FROM signatures WHERE doc_id = ?", (doc_id,)).fetchone()
        return dedup.from_bytes(row[0]) if row else None


def check_integrity(store: CorpusStore) -> list[str]:
    """Problems found in the store (empty when consistent): SQLite's own check plus ours."""
    conn = store.conn
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
    checks = {
        "documents without a URL": "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM urls u WHERE u.doc_id = d.id)",
        "documents without their own URL": "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM urls u WHERE u.url = d.url AND u.doc_id = d.id)",
        "documents without extraction": "SELECT count(*) FROM documents WHERE extraction = '' OR json_valid(extraction) = 0",
        "documents without a signature": "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM signatures s WHERE s.doc_id = d.id) AND length(trim(d.text)) > 0",
        "duplicates of missing documents": "SELECT count(*) FROM documents d WHERE d.duplicate_of IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.id = d.duplicate_of)",
    }
    for name, sql in checks.items():
        n = conn.execute(sql).fetchone()[0]
        if n:
            problems.append(f"{n} {name}")
    return problems


def benchmark_writes(n: int = 2000, home: str | Path | None = None, extract: bool = False, batch: int = 0) -> float:
    """Ingest ``n`` synthetic ~3 KB documents into a store; print and return documents/s.

    ``extract=False`` measures the store alone (decode, hash, MinHash + LSH, compressed raw)
    with an empty extraction; ``True`` includes the real extractors. ``batch=0``: ``Ingestor.add``,
    one transaction a document; ``batch=N``: ``prepare`` then ``Ingestor.write_many``, N documents
    a transaction, as the crawler does (the write step alone is timed too: in a crawl, ``prepare``
    runs in worker processes). ``home`` defaults to a temporary folder, removed afterwards.
    """
    import random
    import tempfile

    from thidua.corpus.ingest import Ingestor, prepare
    from thidua.corpus.models import RawDocument

    syllables = ("thi đua khen thưởng phong trào ủy ban nhân dân quận huyện xã phường tập thể cá "
                 "bằng giấy chỉ thị kế hoạch năm lao động tiên tiến chiến sĩ hội nghị tổng kết").split()
    rng = random.Random(1)
    words = [f"{a}{b}{i}" for i, (a, b) in enumerate(zip(syllables * 200, syllables[3:] * 200))]
    tmp = None if home else tempfile.TemporaryDirectory()
    try:
        with CorpusStore.open(home or tmp.name) as store:
            ing = Ingestor(store, extractor=None if extract else (lambda text, **kw: Extraction(extractor_version="bench")))
            now = datetime.now()
            docs = [
                RawDocument(url=f"https://bench.example/{i}", source="bench", fetched_at=now,
                            content=" ".join(rng.choice(words) for _ in range(500)).encode("utf-8"))
                for i in range(n)
            ]
            ing.add(RawDocument(url="https://bench.example/warm-up", content=b"warm up", source="bench", fetched_at=now))
            write_cpu = 0.0
            t0, c0 = time.perf_counter(), time.process_time()
            if batch:
                for i in range(0, n, batch):
                    preps = [prepare(d, extractor=ing.extract) for d in docs[i : i + batch]]
                    w0 = time.process_time()
                    ing.write_many(preps)
                    write_cpu += time.process_time() - w0
            else:
                for d in docs:
                    ing.add(d)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            rate = n / wall
        how = f"{batch} documents a transaction" if batch else "one transaction a document"
        print(f"corpus store: {n} documents written, {rate:,.0f} docs/s wall, {n / cpu:,.0f} docs/s of CPU "
              f"({'with' if extract else 'without'} extraction; {how})"
              + (f"; the write step alone (plan, insert, LSH): {n / write_cpu:,.0f} docs per CPU-second" if batch else ""))
        return rate
    finally:
        if tmp:
            tmp.cleanup()
