"""Where thidua keeps its state and which search backend it uses.

Everything lives under one folder, ``$THIDUA_HOME`` (default ``./thidua-data``), so two
homes never share state.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_ES_URL = "http://127.0.0.1:9200"


def data_home(home: str | Path | None = None) -> Path:
    path = Path(home or os.environ.get("THIDUA_HOME") or "thidua-data")
    path.mkdir(parents=True, exist_ok=True)
    return path


# The embedded engine used unless --backend/THIDUA_BACKEND says otherwise. tantivy, not SQLite
# FTS5: at 100,000 documents FTS5 computes bm25 for every match of a broad query (>100 ms) and
# counts facets in SQL over ~100,000 ids (~400 ms), where tantivy answers every query shape of
# benchmarks/search.py within 50 ms. FTS5 stays selectable as "sqlite".
DEFAULT_BACKEND = "tantivy"


def backend_name(explicit: str | None = None) -> str:
    return (explicit or os.environ.get("THIDUA_BACKEND") or DEFAULT_BACKEND).lower()


def es_url(explicit: str | None = None) -> str:
    return explicit or os.environ.get("THIDUA_ES_URL") or DEFAULT_ES_URL
