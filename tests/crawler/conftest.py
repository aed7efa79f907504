"""Crawler test helpers: the replica site on a free port, `thidua crawl` in a subprocess, the corpus."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

THIDUA = str(Path(sys.executable).with_name("thidua"))
# Small limits so trouble pages fail fast; --fast: no politeness delays against 127.0.0.1.
TEST_SETTINGS = ["--fast", "--set", "DOWNLOAD_TIMEOUT=1", "--set", "RETRY_TIMES=1", "--set", "RETRY_BACKOFF_BASE=0.05"]


def crawl_cmd(home: Path, *args: str) -> list[str]:
    return [THIDUA, "crawl", *args, *TEST_SETTINGS]


def run_crawl(home: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess:
    env = {**os.environ, "THIDUA_HOME": str(home)}
    return subprocess.run(crawl_cmd(home, *args), env=env, capture_output=True, text=True, timeout=timeout)


def corpus_rows(home: Path) -> list[dict]:
    """Documents with every URL they were seen at, sorted by URL."""
    db = sqlite3.connect(home / "corpus.sqlite3")
    db.row_factory = sqlite3.Row
    docs = [dict(r) for r in db.execute("SELECT id, url, title, published, duplicate_of, text FROM documents")]
    for d in docs:
        d["urls"] = sorted(r[0] for r in db.execute("SELECT url FROM urls WHERE doc_id = ?", (d["id"],)))
    db.close()
    return sorted(docs, key=lambda d: d["url"])


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"
