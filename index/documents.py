"""StoredDocument → the record both backends index (``IndexedDoc``).

Everything a search can match or count is computed here once: units with their names before
and after the July 2025 reform, canonical references and document-number tokens, campaigns
with aliases, award rows, facet values and the spans of every fact for highlighting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from thidua.index.analysis import docnum_tokens_in_text, fold, kind_number_token, number_symbol_token

_UNIT_LEVELS = ("province", "district", "ward", "commune", "town")


@dataclass(slots=True)
class IndexedDoc:
    id: str
    url: str
    title: str
    text: str
    source: str
    published: str | None  # ISO date
    year: int | None
    units: list[dict[str, Any]] = field(default_factory=list)
    references: list[dict[str, Any]] = field(default_factory=list)
    campaigns: list[dict[str, Any]] = field(default_factory=list)
    awards: list[dict[str, Any]] = field(default_factory=list)
    spans: list[tuple[str, int, int, str]] = field(default_factory=list)  # (type, start, end, label)
    docnums: list[str] = field(default_factory=list)  # 34cttw, ct34…
    facets: dict[str, list[str]] = field(default_factory=dict)
    facts_text: str = ""  # names of every fact, all eras and aliases: searched like the text
    unit_keys: list[str] = field(default_factory=list)  # "province|district" per unit, for aggregations
    folded: tuple[str, str, str] = ("", "", "")  # fold() of title, text, facts_text: computed once

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__slots__}


# --- optional knowledge: the gazetteer and the campaign catalogue ------------------------
@lru_cache(maxsize=4096)
def unit_names(name: str, level: str, province: str | None) -> tuple[str, ...]:
    """Other names of a unit across the 2025 reform (``Hà Giang`` → ``Tuyên Quang``) and the
    2025 province of its province. Empty when the gazetteer is absent or does not know it."""
    try:
        from thidua.nlp import gazetteer
    except ImportError:
        return ()
    out: list[str] = []
    try:
        lv = level if level in _UNIT_LEVELS else None
        for u in gazetteer.lookup(name, level=lv, province=province)[:3]:
            succ = gazetteer.successor(u)
            if succ is not None:
                out.append(succ.name)
    except Exception:  # knowledge is a bonus: never fail indexing over it
        return ()
    return tuple(dict.fromkeys(n for n in out if n != name))


@lru_cache(maxsize=4096)
def province_successors(province: str) -> tuple[str, ...]:
    return unit_names(province, "province", None)


@lru_cache(maxsize=1024)
def campaign_aliases(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(canonical key, canonical name, aliases) from the campaign catalogue when it knows ``name``."""
    try:
        from thidua.nlp.campaign_classifier import catalogue
        from thidua.nlp.text import key
    except ImportError:
        return name.lower(), name, ()
    k = key(name)
    try:
        entry = catalogue().by_key.get(k)
    except Exception:
        entry = None
    if entry is None or entry.negative:
        return k, name, ()
    return key(entry.name), entry.name, tuple(entry.aliases)


def _ref_id(r) -> str:
    return (r.id or (f"{r.number}/{r.symbol}" if r.symbol else r.number) or r.surface).upper()


@lru_cache(maxsize=8192)
def _ref_tokens(kind: str, number: str, symbol: str | None) -> tuple[str, ...]:
    """Document-number tokens of a reference (``34cttw``, ``ct34``); references repeat a lot."""
    tokens = (number_symbol_token(number, symbol) if symbol else None, kind_number_token(kind, number))
    return tuple(t for t in tokens if t)


def _by_start(span: tuple[str, int, int, str]) -> tuple[int, int]:
    return span[1], span[2]


def to_indexed(doc) -> IndexedDoc:
    """Build the indexed record of a ``thidua.corpus.models.StoredDocument``.

    Runs once per document on every (re)index: plain loops over the extraction's records,
    per-name knowledge cached (units, campaigns, reference tokens), each text folded once."""
    ex = doc.extraction
    published: date | None = doc.published
    if published is None and ex.published:
        try:
            published = date.fromisoformat(ex.published[:10])
        except ValueError:
            published = None
    out = IndexedDoc(
        id=doc.id, url=doc.url, title=doc.title or "", text=doc.text, source=doc.source,
        published=published.isoformat() if published else None,
        year=published.year if published else None,
    )
    units, spans = out.units, out.spans
    provinces: dict[str, None] = {}
    districts: dict[str, None] = {}
    names: list[str] = []
    for loc in ex.locations:
        others = unit_names(loc.name, loc.level, loc.province)
        prov = loc.name if loc.level == "province" else loc.province
        dist = loc.name if loc.level == "district" else loc.district
        prov_names = [prov, *province_successors(prov)] if prov else []
        units.append({"name": loc.name, "level": loc.level, "province": prov, "district": dist,
                      "names": [loc.name, *others], "provinces": prov_names})
        provinces.update(dict.fromkeys(prov_names))
        if dist:
            districts[dist] = None
        names += [loc.name, *others, *prov_names]
        spans.append(("location", loc.start, loc.end, loc.name))
    refs: dict[str, dict[str, Any]] = {}
    for r in ex.references:
        rid = _ref_id(r)
        if rid not in refs:
            refs[rid] = {"id": rid, "key": r.key or rid, "kind": r.kind, "number": r.number, "symbol": r.symbol,
                         "issuer": r.issuer, "date": r.date, "tokens": list(_ref_tokens(r.kind, r.number, r.symbol))}
        names.append(rid)
        names.append(r.issuer or "")
        spans.append(("reference", r.start, r.end, rid))
    out.references = references = list(refs.values())
    camps: dict[str, dict[str, Any]] = {}
    for c in ex.campaigns:
        ckey, cname, aliases = campaign_aliases(c.canonical or c.name)
        entry = camps.get(ckey)
        if entry is None:
            entry = camps[ckey] = {"key": c.key or ckey, "name": c.canonical or cname, "aliases": list(aliases)}
        if c.name != entry["name"] and c.name not in entry["aliases"]:
            entry["aliases"].append(c.name)
        spans.append(("campaign", c.start, c.end, entry["name"]))
    out.campaigns = campaigns = list(camps.values())
    for c in campaigns:
        names.append(c["name"])
        names += c["aliases"]
    awards: dict[str, None] = {}
    for a, (prov, dist) in zip(ex.awards, award_units(ex)):
        out.awards.append({"award": a.award, "award_class": a.award_class, "grantor": a.grantor,
                           "recipient": a.recipient, "count": a.count, "proposed": a.proposed,
                           "province": prov, "district": dist})
        names.append(a.award)
        if a.award:
            awards[a.award] = None
        spans.append(("award", a.start, a.end, a.award))
    for d in ex.dates:
        spans.append(("date", d.start, d.end, d.value))
    spans.sort(key=_by_start)
    title_f, text_f = fold(out.title), fold(out.text)
    docnums = docnum_tokens_in_text(title_f + "\n" + text_f, folded=True)
    kinds: dict[str, None] = {}
    issuers: dict[str, None] = {}
    for r in references:
        docnums.update(r["tokens"])
        kinds[r["kind"]] = None
        if r["issuer"]:
            issuers[r["issuer"]] = None
    out.docnums = sorted(docnums)
    out.facets = {
        "province": list(provinces),
        "district": list(districts),
        "year": [str(out.year)] if out.year else [],
        "reference": list(refs),
        "kind": list(kinds),
        "issuer": list(issuers),
        "campaign": [c["name"] for c in campaigns],
        "award": list(awards),
    }
    out.unit_keys = list(dict.fromkeys(f"{u['provinces'][0] if u['provinces'] else ''}|{u['district'] or ''}"
                                       for u in units))
    out.facts_text = facts = " ; ".join(dict.fromkeys(n for n in names if n))
    out.folded = (title_f, text_f, fold(facts))
    return out


def split_unit(key: str) -> tuple[str | None, str | None]:
    province, _, district = key.partition("|")
    return province or None, district or None


def award_units(ex) -> list[tuple[str | None, str | None]]:
    """(province, district) each award row of an extraction is counted under: the unit its
    ``award_unit`` relation names, else the document's first named unit. One rule for the
    index's tallies and the API's rows, so that a district's totals and its rows agree."""
    first: tuple[str | None, str | None] = (None, None)
    if ex.locations:
        loc = ex.locations[0]
        first = (loc.name if loc.level == "province" else loc.province,
                 loc.name if loc.level == "district" else loc.district)
    by_span = {(r.object.get("start"), r.object.get("end")): (r.subject.get("province"), r.subject.get("district"))
               for r in ex.relations if r.kind == "award_unit"}
    return [by_span.get((a.start, a.end), first) for a in ex.awards]
