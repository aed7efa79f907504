"""The bundled sample corpus: five Hà Nội articles on thi đua (see ``metadata.json``).

``thidua import --sample`` imports it through the same path as any folder.
"""

from __future__ import annotations

from pathlib import Path


def path() -> Path:
    """The folder holding the sample files and their ``metadata.json``."""
    return Path(__file__).resolve().parent


def files() -> list[Path]:
    return sorted(p for p in path().iterdir() if p.suffix in (".txt", ".html", ".htm"))
