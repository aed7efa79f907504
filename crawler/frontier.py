"""Crash-safe crawl state in JOBDIR: which pages are scheduled and which are done.

Scrapy's own JOBDIR state (disk queues, ``requests.seen``) is written for a clean stop:
queue sizes are saved on close and seen fingerprints are buffered, so after a SIGKILL a
request can be marked seen yet be in no queue, and its page is never fetched. This table
is committed on every change instead. A page is marked done only after its item was
stored (or failed), and a listing's links are recorded in the same transaction that marks
it done, so a crawl killed at any point resumes with exactly the pages still pending.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class Pending:
    url: str
    kind: str  # "start", "listing", "page" (unknown), "article"
    depth: int


class Frontier:
    def __init__(self, jobdir: Path):
        jobdir.mkdir(parents=True, exist_ok=True)
        self.path = jobdir / "frontier.sqlite"
        self.db = sqlite3.connect(self.path, isolation_level=None)
        # WAL + synchronous=NORMAL: a killed process loses nothing it committed.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, kind TEXT NOT NULL,"
            " depth INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0)"
        )

    def resume(self) -> list[Pending]:
        """Pages left pending by an interrupted crawl; a finished crawl starts afresh."""
        rows = self.db.execute("SELECT url, kind, depth FROM pages WHERE done = 0 ORDER BY rowid").fetchall()
        if not rows:
            self.db.execute("DELETE FROM pages")
        return [Pending(*r) for r in rows]

    def add(self, pages: list[Pending], done: str | None = None) -> list[Pending]:
        """Record new pages (and mark `done` finished) atomically; return those not seen before."""
        fresh: list[Pending] = []
        with self.db:
            self.db.execute("BEGIN")
            for p in pages:
                cur = self.db.execute("INSERT OR IGNORE INTO pages (url, kind, depth) VALUES (?, ?, ?)", (p.url, p.kind, p.depth))
                if cur.rowcount:
                    fresh.append(p)
            if done is not None:
                self.db.execute("UPDATE pages SET done = 1 WHERE url = ?", (done,))
        return fresh

    def unseen(self, urls: list[str]) -> list[str]:
        """The URLs this crawl has not scheduled yet."""
        seen = set()
        for i in range(0, len(urls), 500):
            chunk = urls[i : i + 500]
            marks = ",".join("?" * len(chunk))
            seen.update(r[0] for r in self.db.execute(f"SELECT url FROM pages WHERE url IN ({marks})", chunk))
        return [u for u in urls if u not in seen]

    def done(self, url: str) -> None:
        self.db.execute("UPDATE pages SET done = 1 WHERE url = ?", (url,))

    def done_many(self, urls: list[str]) -> None:
        """Mark several pages finished in one transaction."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("UPDATE pages SET done = 1 WHERE url = ?", ((u,) for u in urls))

    def counts(self) -> tuple[int, int]:
        total, done = self.db.execute("SELECT count(*), coalesce(sum(done), 0) FROM pages").fetchone()
        return total, done

    def close(self) -> None:
        self.db.close()
