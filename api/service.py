"""The three user tasks over a search backend and the corpus store.

The backend (SQLite FTS5 or Elasticsearch) finds and counts: which documents cite a
reference or mention a campaign, facet counts, award sums. The corpus store holds each
document's text and extraction (with relations), from which the citing sentence, the launch
rows and the award rows are read. One class, used by the API, the web page and the CLI.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from thidua.api.schemas import (
    AwardRow,
    AwardRows,
    CampaignOut,
    Citations,
    Citing,
    DocumentOut,
    IdCount,
    Implementing,
    Launch,
    Launches,
    ReferenceOut,
    YearCount,
)
from thidua.index.base import SearchBackend
from thidua.index.documents import award_units
from thidua.index.models import SearchQuery, SearchResult
from thidua.nlp.models import Extraction
from thidua.nlp.text import fold, key

PAGE = 100  # documents per backend page when walking every match
MAX_CITING = 500  # citing documents listed on one page of /api/citations
ROW_FILTERS = ("grantor", "recipient", "award_class")  # award filters applied per row
FACET_FILTERS = ("province", "district", "year", "award", "reference", "campaign", "kind", "issuer")


class NotFound(LookupError):
    pass


def _alnum(s: str) -> str:
    return re.sub(r"[\W_]+", "", fold(s))


class Service:
    def __init__(self, backend: SearchBackend, store=None):
        self.backend = backend
        self.store = store
        self._index_inode: int | None = None

    def refresh(self) -> None:
        """Reopen the backend when a rebuild swapped a new index file in: a SQLite connection opened
        before the swap keeps reading the old, unlinked file (the tantivy backend checks this itself)."""
        path = getattr(self.backend, "path", None)
        if path is None:
            return
        try:
            inode = os.stat(path).st_ino
        except OSError:
            return
        if self._index_inode is not None and inode != self._index_inode:
            self.backend.close()
        self._index_inode = inode

    # --- search and documents -----------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        return self.backend.search(query)

    def document(self, doc_id: str) -> DocumentOut:
        doc = self.store.get(doc_id) if self.store is not None else None
        if doc is None:
            raise NotFound(f"no document {doc_id!r}")
        ex = doc.extraction
        ex.text = doc.text
        return DocumentOut(
            id=doc.id, title=doc.title, url=doc.url, source=doc.source,
            published=doc.published.isoformat() if doc.published else ex.published,
            text=doc.text, extraction=ex.to_dict(),
        )

    def _extraction(self, doc_id: str) -> tuple[Any, Extraction] | None:
        doc = self.store.get(doc_id) if self.store is not None else None
        return (doc, doc.extraction) if doc is not None else None

    def _walk(self, filters: dict[str, list[str]], q: str = "", limit: int | None = None) -> Iterator[Any]:
        """Every hit matching the filters, page by page (no highlights, no facets)."""
        page, seen = 1, 0
        while True:
            res = self.backend.search(SearchQuery(q=q, filters=filters, page=page, size=PAGE, facets=[],
                                                  highlight=False))
            for hit in res.hits:
                yield hit
                seen += 1
                if limit is not None and seen >= limit:
                    return
            if page * PAGE >= res.total or not res.hits or page >= 1000:
                return
            page += 1

    def _facet(self, name: str, filters: dict[str, list[str]] | None = None, size: int = 200):
        res = self.backend.search(SearchQuery(filters=filters or {}, size=0, facets=[name], facet_size=size,
                                              highlight=False))
        return res, res.facets.get(name, [])

    # --- references and citations --------------------------------------------------------
    def resolve_reference(self, typed: str) -> str | None:
        """The canonical id of a reference as users type it: `34-CT/TW`, `34 ct tw`, `chỉ thị 34`, `ct34`."""
        from thidua.index.analysis import reference_token

        want = _alnum(typed)
        if not want:
            return None
        token = reference_token(typed)
        _, values = self._facet("reference")  # most cited first: an ambiguous `ct34` picks the best known
        for v in values:
            if _alnum(v.value) == want or (token and token in _ref_tokens(v.value)):
                return v.value
        return None

    def references(self, q: str = "", limit: int = 50) -> list[ReferenceOut]:
        _, values = self._facet("reference", size=200)
        want = _alnum(q)
        out = []
        for v in values:
            if want and want not in _alnum(v.value):
                continue
            out.append(self._reference_meta(v.value, v.count))
            if len(out) >= limit:
                break
        return out

    def _reference_meta(self, rid: str, count: int) -> ReferenceOut:
        """Kind, number, issuer and date of a reference: the most common values among its citations."""
        seen: dict[str, Counter] = {f: Counter() for f in ("kind", "number", "symbol", "issuer", "date")}
        for hit in self._walk({"reference": [rid]}, limit=10):
            got = self._extraction(hit.id)
            for r in got[1].references if got else ():
                if (r.id or "").upper() == rid:
                    for f, counter in seen.items():
                        if getattr(r, f):
                            counter[getattr(r, f)] += 1
        best = {f: (c.most_common(1)[0][0] if c else None) for f, c in seen.items()}
        return ReferenceOut(id=rid, citing_count=count, **best)

    def citations(self, typed: str, limit: int = MAX_CITING) -> Citations:
        rid = self.resolve_reference(typed)
        if rid is None:
            raise NotFound(f"no document cites {typed!r}; try the number and symbol, e.g. 34-CT/TW")
        res = self.backend.search(SearchQuery(filters={"reference": [rid]}, size=0, facets=["year"],
                                              facet_size=50, highlight=False))
        years = {int(v.value): v.count for v in res.facets.get("year", []) if v.value.isdigit()}
        citing: list[Citing] = []
        implementing: list[Implementing] = []
        # Co-cited from the citing documents themselves: a selected facet's own counts ignore its
        # own selection (multi-select drill-down), so they cannot tell what is cited *with* it.
        co_cited: Counter = Counter()
        shown: dict[str, str] = {}
        for hit in self._walk({"reference": [rid]}, limit=limit):
            got = self._extraction(hit.id)
            if not got:
                continue
            doc, ex = got
            province, district = _home(ex)
            others = {r.id.upper(): r.id for r in ex.references if r.id and r.id.upper() != rid}
            co_cited.update(others.keys())
            shown.update({k: v for k, v in others.items() if k not in shown})  # as written: "Luật Thi đua…"
            for r in ex.references:
                if (r.id or "").upper() != rid:
                    continue
                s, e = _sentence(doc.text, r.start, r.end)
                citing.append(Citing(document_id=doc.id, title=doc.title, url=doc.url,
                                     published=doc.published.isoformat() if doc.published else ex.published,
                                     sentence=doc.text[s:e], province=province, district=district))
                break
            implementing += _implementing(doc.id, ex, rid, province, district)
        for item in implementing:  # one level down: plans that carry out the implementing plans
            if item.id != rid:
                item.children = self._implementing_of(item.id, exclude=rid)
        meta = self._reference_meta(rid, res.total)
        return Citations(
            reference=meta, citing=citing, total=res.total,
            timeline=[YearCount(year=y, count=c) for y, c in sorted(years.items())],
            undated=max(0, res.total - sum(years.values())),
            co_cited=[IdCount(id=shown[i], count=n) for i, n in sorted(co_cited.items(), key=lambda x: (-x[1], x[0]))[:20]],
            implementing=implementing,
        )

    def _implementing_of(self, rid: str, exclude: str) -> list[Implementing]:
        out: list[Implementing] = []
        for hit in self._walk({"reference": [rid]}, limit=50):
            got = self._extraction(hit.id)
            if got:
                province, district = _home(got[1])
                out += [i for i in _implementing(hit.id, got[1], rid, province, district) if i.id != exclude]
        return out

    # --- campaigns and launches -----------------------------------------------------------
    def campaigns(self, q: str = "", limit: int = 50) -> list[CampaignOut]:
        from thidua.index.documents import campaign_aliases

        _, values = self._facet("campaign", size=200)
        want = key(q) if q else ""
        out = []
        for v in values:
            _, name, aliases = campaign_aliases(v.value)
            names = [v.value, *aliases]
            if want and not any(want in key(n) for n in names):
                continue
            out.append(CampaignOut(id=key(v.value), name=v.value, aliases=list(dict.fromkeys(names)), count=v.count))
            if len(out) >= limit:
                break
        return out

    def campaign(self, campaign_id: str) -> CampaignOut:
        want = key(campaign_id)
        for c in self.campaigns(limit=200):
            if c.id == want or any(key(a) == want for a in c.aliases):
                return c
        raise NotFound(f"no campaign {campaign_id!r}; GET /api/campaigns?q=… lists them")

    def launches(self, campaign_id: str, province: str | None = None) -> Launches:
        camp = self.campaign(campaign_id)
        keys = {key(a) for a in camp.aliases} | {camp.id}
        launches: list[Launch] = []
        for hit in self._walk({"campaign": [camp.name]}):
            got = self._extraction(hit.id)
            if not got:
                continue
            doc, ex = got
            for rel in ex.relations:
                if rel.kind != "launch" or key(rel.object.get("campaign") or "") not in keys and \
                        rel.object.get("key") not in keys:
                    continue
                sub = rel.subject
                if province and fold(sub.get("province") or "") != fold(province):
                    continue
                launches.append(Launch(unit=sub.get("unit") or "", level=sub.get("level"),
                                       province=sub.get("province"), district=sub.get("district"),
                                       date=rel.date, action=rel.action, document_id=doc.id, title=doc.title,
                                       sentence=rel.sentence))
        launches.sort(key=lambda x: (x.date or "9999", x.unit))
        missing: list[str] = []
        if province:
            from thidua.nlp import gazetteer

            done = {fold(x.district or x.unit) for x in launches}
            units = [u for u in gazetteer.districts_of(province) if fold(u.name) not in done]
            # Two districts of one name (huyện and thị xã Kỳ Anh) are listed once each, told apart
            # by their type; a launch names a district without its type, so it counts for both.
            twins = {u.name for u in units if sum(v.name == u.name for v in units) > 1}
            missing = list(dict.fromkeys(f"{u.name} ({u.type.lower()})" if u.name in twins else u.name
                                         for u in units))
        return Launches(campaign=camp, launches=launches, units_without_launch=missing)

    # --- awards ---------------------------------------------------------------------------
    def award_rows(self, filters: dict[str, Any], include_proposed: bool = False,
                   limit: int | None = None) -> Iterator[AwardRow]:
        facet_filters = {k: v for k, v in filters.items() if k in FACET_FILTERS and v}
        row_filters = {k: fold(v[0]) for k, v in filters.items() if k in ROW_FILTERS and v}
        n = 0
        for hit in self._walk(facet_filters):
            got = self._extraction(hit.id)
            if not got:
                continue
            doc, ex = got
            units = award_units(ex)
            published = doc.published.isoformat() if doc.published else ex.published
            year = int(published[:4]) if published else None
            for a, (prov, dist) in zip(ex.awards, units):
                if a.proposed and not include_proposed:
                    continue
                if any(want not in fold(getattr(a, f) or "") for f, want in row_filters.items()):
                    continue
                if "award" in facet_filters and a.award not in facet_filters["award"]:
                    continue
                if "district" in facet_filters and dist not in facet_filters["district"]:
                    continue
                yield AwardRow(award=a.award, award_class=a.award_class, grantor=a.grantor, recipient=a.recipient,
                               count=a.count, proposed=a.proposed, province=prov, district=dist, year=year,
                               published=published, document_id=doc.id, title=doc.title, url=doc.url,
                               surface=a.surface)
                n += 1
                if limit is not None and n >= limit:
                    return

    def awards(self, filters: dict[str, Any], include_proposed: bool = False, size: int = 100) -> AwardRows:
        """A page of rows and the totals by award × recipient. The engine sums the totals when only
        facet filters apply; filters on a row's own fields (grantor, recipient, class) need every
        matching row, so the totals are summed from the rows themselves then."""
        totals: dict[tuple[str, str | None], dict[str, Any]] = {}

        def add(award: str, recipient: str | None, count: int, tallies: int) -> None:
            item = totals.setdefault((award, recipient), {"award": award, "recipient": recipient,
                                                          "count": 0, "tallies": 0})
            item["count"] += count
            item["tallies"] += tallies

        if any(filters.get(k) for k in ROW_FILTERS):
            rows, total = [], 0
            for row in self.award_rows(filters, include_proposed):
                total += 1
                add(row.award, row.recipient, row.count or 0, 1)
                if len(rows) < size:
                    rows.append(row)
        else:
            rows = list(self.award_rows(filters, include_proposed, limit=size))
            facet_filters = {k: v for k, v in filters.items() if k in FACET_FILTERS and v}
            tallies = self.backend.award_tallies(facet_filters, include_proposed=include_proposed)
            for t in tallies:
                add(t.award, t.recipient, t.count, t.tallies)
            total = max(sum(t.tallies for t in tallies), len(rows))
        return AwardRows(total=total, rows=rows, totals=sorted(totals.values(), key=lambda x: -x["count"]))


def _ref_tokens(rid: str) -> set[str]:
    """Tokens users may type for a canonical id: `34-CT/TW` → {34cttw, ct34}."""
    m = re.match(r"^0*(\d+)[-/](.+)$", rid)
    if not m:
        return {_alnum(rid)}
    number, symbol = m.group(1) or "0", m.group(2)
    head = _alnum(re.split(r"[-/]", symbol)[-2 if re.match(r"^\d{4}/", symbol) else 0]) if symbol else ""
    if re.match(r"^\d{4}/", symbol):  # 36/2017/QĐ-UBND: the kind code follows the year
        head = _alnum(re.split(r"[-/]", symbol)[1])
    return {number + _alnum(symbol), head + number}


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    from thidua.nlp.text import Context

    s, e = Context(text).sentence_at(start)
    return s, max(e, end)


def _home(ex: Extraction) -> tuple[str | None, str | None]:
    """The document's province and district: its main unit (see nlp.relations.main_unit)."""
    for rel in ex.relations:
        sub = rel.subject
        if "unit" in sub:
            return sub.get("province"), sub.get("district")
    prov = next((loc.name for loc in ex.locations if loc.level == "province"), None)
    dist = next((loc.name for loc in ex.locations if loc.level == "district"), None)
    if prov is None:
        prov = next((loc.province for loc in ex.locations if loc.province), None)
    return prov, dist


def _implementing(doc_id: str, ex: Extraction, rid: str, province, district) -> list[Implementing]:
    out = []
    for rel in ex.relations:
        if rel.kind in ("implements", "based_on") and (rel.object.get("id") or "").upper() == rid:
            out.append(Implementing(id=(rel.subject.get("id") or "").upper(), kind=rel.subject.get("kind"),
                                    relation=rel.kind, document_id=doc_id, sentence=rel.sentence, date=rel.date,
                                    province=province, district=district))
    return out
