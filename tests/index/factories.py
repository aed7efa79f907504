"""Small factories: StoredDocuments with hand-written extractions (facts located by surface)."""

from __future__ import annotations

from datetime import date

from thidua.corpus.models import StoredDocument
from thidua.nlp.models import AwardTally, Campaign, Extraction, Location, Reference


def _at(text: str, surface: str) -> tuple[int, int]:
    i = text.find(surface)
    assert i >= 0, f"{surface!r} not in text"
    return i, i + len(surface)


def ref(text: str, surface: str, kind: str, number: str, symbol: str | None, issuer: str | None = None,
        date_: str | None = None) -> Reference:
    s, e = _at(text, surface)
    rid = f"{number}-{symbol}" if symbol and "/" in symbol else (f"{number}/{symbol}" if symbol else number)
    return Reference(surface, s, e, kind=kind, number=number, symbol=symbol, id=rid.upper(), issuer=issuer, date=date_)


def loc(text: str, surface: str, name: str, level: str, province: str | None, district: str | None = None) -> Location:
    s, e = _at(text, surface)
    return Location(surface, s, e, name=name, level=level, province=province, district=district)


def camp(text: str, surface: str, canonical: str | None = None) -> Campaign:
    s, e = _at(text, surface)
    return Campaign(surface, s, e, name=surface, canonical=canonical or surface)


def award(text: str, surface: str, award_: str, recipient: str | None, count: int | None,
          grantor: str | None = None, proposed: bool = False) -> AwardTally:
    s, e = _at(text, surface)
    return AwardTally(surface, s, e, award=award_, recipient=recipient, count=count, grantor=grantor, proposed=proposed)


def stored(doc_id: str, title: str, text: str, published: date | None = None, **facts) -> StoredDocument:
    ex = Extraction(source=doc_id, text=text, **{k: v for k, v in facts.items()})
    return StoredDocument(id=doc_id, url=f"https://example.vn/{doc_id}", source="test", text=text,
                          extraction=ex, title=title, published=published)
