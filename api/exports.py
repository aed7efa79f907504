"""Award tallies as CSV (UTF-8 with BOM, for Excel), XLSX (typed, header row, autofilter) or JSON.

Streaming: each writer takes an iterator of rows and yields chunks, so a large export never
sits in memory whole (XLSX is built with openpyxl's write-only mode and sent once saved).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

# The columns of an award row, in export order, with their XLSX types.
COLUMNS: list[tuple[str, str]] = [
    ("award", "text"),
    ("award_class", "text"),
    ("grantor", "text"),
    ("recipient", "text"),
    ("count", "int"),
    ("proposed", "bool"),
    ("province", "text"),
    ("district", "text"),
    ("year", "int"),
    ("published", "text"),
    ("document_id", "text"),
    ("title", "text"),
    ("url", "text"),
    ("surface", "text"),
]
FIELDS = [name for name, _ in COLUMNS]
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _cell(row: dict[str, Any], name: str) -> Any:
    value = row.get(name)
    return "" if value is None else value


def csv_chunks(rows: Iterable[dict[str, Any]], batch: int = 500) -> Iterator[bytes]:
    """UTF-8 with a BOM so that Excel opens Vietnamese diacritics intact."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    first = True
    for i, row in enumerate(rows, 1):
        writer.writerow({name: _cell(row, name) for name in FIELDS})
        if i % batch == 0:
            yield (("\ufeff" if first else "") + buf.getvalue()).encode("utf-8")
            first = False
            buf.seek(0)
            buf.truncate()
    yield (("\ufeff" if first else "") + buf.getvalue()).encode("utf-8")


def json_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """A JSON array, written row by row."""
    yield b"["
    for i, row in enumerate(rows):
        item = {name: row.get(name) for name in FIELDS}
        yield (("," if i else "") + "\n" + json.dumps(item, ensure_ascii=False)).encode("utf-8")
    yield b"\n]\n"


def xlsx_bytes(rows: Iterable[dict[str, Any]]) -> bytes:
    """A workbook with one sheet: header row, typed columns, autofilter, frozen header."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("awards")
    ws.freeze_panes = "A2"
    widths = {"award": 34, "grantor": 28, "title": 50, "url": 40, "surface": 60}
    for i, (name, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(name, 14)
    header = []
    for name, _ in COLUMNS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    n = 0
    for row in rows:
        out = []
        for name, kind in COLUMNS:
            value = row.get(name)
            if value is not None and kind == "int":
                value = int(value)
            elif value is not None and kind == "bool":
                value = bool(value)
            out.append(value)
        ws.append(out)
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{n + 1}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_chunks(rows: Iterable[dict[str, Any]], fmt: str) -> Iterator[bytes]:
    if fmt == "csv":
        return csv_chunks(rows)
    if fmt == "json":
        return json_chunks(rows)
    if fmt == "xlsx":
        return iter([xlsx_bytes(rows)])
    raise ValueError(f"unknown export format {fmt!r}: use csv, xlsx or json")
