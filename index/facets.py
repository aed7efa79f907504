"""Facets, declared once for both backends.

A facet is a named list of values per document (``IndexedDoc.facets[name]``); both backends
count documents per value over the current query, with the other facets' selections applied
(OR within a facet, AND across facets), ``size + 1`` values fetched to tell ``truncated``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Facet:
    name: str
    label: str
    size: int = 10  # values shown by default


FACETS: tuple[Facet, ...] = (
    Facet("province", "Tỉnh/thành"),
    Facet("district", "Quận/huyện"),
    Facet("year", "Năm"),
    Facet("reference", "Văn bản"),
    Facet("kind", "Loại văn bản"),
    Facet("issuer", "Cơ quan ban hành"),
    Facet("campaign", "Phong trào"),
    Facet("award", "Khen thưởng"),
)
BY_NAME: dict[str, Facet] = {f.name: f for f in FACETS}
FACET_TIME_LIMIT_MS = 200  # per facet, as datasette's facet_time_limit_ms


class UnknownFacet(ValueError):
    pass


def check(names: list[str] | None) -> list[str]:
    """Facet names to count, validated; ``None`` means all of them."""
    if names is None:
        return [f.name for f in FACETS]
    bad = [n for n in names if n not in BY_NAME]
    if bad:
        raise UnknownFacet(f"unknown facet {', '.join(bad)}; known: {', '.join(BY_NAME)}")
    return list(names)


def clean_filters(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    """Selected values per facet, unknown facets rejected, empty selections dropped."""
    check(list(filters))
    return {k: sorted(set(v)) for k, v in filters.items() if v}
