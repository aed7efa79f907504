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


def backend_name(explicit: str | None = None) -> str:
    return (explicit or os.environ.get("THIDUA_BACKEND") or "sqlite").lower()


def es_url(explicit: str | None = None) -> str:
    return explicit or os.environ.get("THIDUA_ES_URL") or DEFAULT_ES_URL
