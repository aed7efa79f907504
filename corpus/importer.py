"""Local files into the corpus: ``thidua import PATH...`` and the bundled sample.

Folders are walked recursively for ``.txt``, ``.html`` and ``.htm`` files; a file named
explicitly is taken whatever its name (the decoder decides what it is). A ``metadata.json``
beside the files maps a file name to what is known of it::

    {"000_x.txt": {"url": "https://…", "title": "…", "outlet": "nguoihanoi.vn",
                   "published": "2024-03-01", "district": "Thanh Xuân", "province": "Hà Nội"}}

``url`` (else the file's absolute ``file:`` URI), ``canonical_url``, ``title``, ``published``
and ``source`` (else ``outlet``, else ``"local"``) fill the RawDocument; the whole entry is
kept as the document's metadata.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from thidua.corpus.ingest import Ingestor, IngestSummary
from thidua.corpus.models import IngestResult, RawDocument

SUFFIXES = (".txt", ".html", ".htm")
METADATA_NAME = "metadata.json"


class MetadataError(ValueError):
    """A metadata.json that cannot be read."""


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to import, in a stable order, and the paths that could not be used (name, reason)."""
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                errors.append((str(p), f"no {'/'.join(SUFFIXES)} files in this folder"))
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            errors.append((str(p), "no such file or folder; check the path"))
    return list(dict.fromkeys(files)), errors


_metadata_cache: dict[Path, dict[str, dict[str, Any]]] = {}


def load_metadata(folder: Path) -> dict[str, dict[str, Any]]:
    """``folder/metadata.json`` as {file name: entry}, or {} when there is none."""
    folder = folder.resolve()
    if folder not in _metadata_cache:
        path = folder / METADATA_NAME
        data: dict[str, dict[str, Any]] = {}
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise MetadataError(f"{path}: cannot read ({exc}); fix or remove it") from exc
            if not isinstance(data, dict):
                raise MetadataError(f"{path}: expected an object mapping file names to entries")
        _metadata_cache[folder] = data
    return _metadata_cache[folder]


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value[:10])
    return None


def raw_for_file(path: Path, entry: dict[str, Any] | None = None) -> RawDocument:
    entry = entry or {}
    stat = path.stat()
    return RawDocument(
        url=entry.get("url") or path.resolve().as_uri(),
        content=path.read_bytes(),
        source=entry.get("source") or entry.get("outlet") or "local",
        fetched_at=datetime.fromtimestamp(stat.st_mtime).astimezone(),
        canonical_url=entry.get("canonical_url"),
        title=entry.get("title"),
        published=_date(entry.get("published")),
        content_type=entry.get("content_type"),
    )


def import_file(ingestor: Ingestor, path: Path) -> IngestResult:
    try:
        entry = load_metadata(path.parent).get(path.name)
        raw = raw_for_file(path, entry)
    except MetadataError as exc:
        return IngestResult("failed", reason=str(exc))
    except ValueError as exc:  # a bad date in the metadata
        return IngestResult("failed", reason=f"{path}: bad metadata entry ({exc}); dates are YYYY-MM-DD")
    except OSError as exc:
        return IngestResult("failed", reason=f"{path}: cannot read ({exc.strerror or exc})")
    return ingestor.add(raw, meta=entry)


def import_paths(
    ingestor: Ingestor,
    paths: Iterable[str | Path],
    on_file: Callable[[Path, IngestResult], None] | None = None,
    files: list[Path] | None = None,
) -> IngestSummary:
    """Import files and folders; every file ends up counted under one status."""
    summary = IngestSummary()
    if files is None:
        files, errors = collect(paths)
        for name, reason in errors:
            summary.record(name, IngestResult("failed", reason=f"{name}: {reason}"))
    _metadata_cache.clear()  # metadata files may have changed since the last import
    for f in files:
        result = import_file(ingestor, f)
        summary.record(str(f), result)
        if on_file:
            on_file(f, result)
    return summary


def iter_sample_files() -> Iterator[Path]:
    from thidua.corpus.sample import files

    yield from files()
