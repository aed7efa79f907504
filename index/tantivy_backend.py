"""The embedded backend on tantivy: text search and facet counts in Rust, the rest in SQLite.

Layout under ``$THIDUA_HOME``:

* ``tantivy.sqlite3``: the same tables as the FTS5 backend minus the FTS5 ones (``docs`` with
  the stored text and the facts' spans for highlights; its ``facts`` and ``refs`` columns, read
  only by FTS5, are left NULL), ``facet_values``, ``award_rows``, ``doc_units``,
  ``doc_refs``), so the aggregations (award tallies, citations, campaign units) are the very
  same SQL as ``thidua.index.sqlite``; the ``meta`` table names the live tantivy directory.
* ``tantivy.<generation>/``: the tantivy index. Fields: ``row`` (the ``docs`` rowid; fast),
  ``sortkey`` (published date then rowid, for browsing newest first), the text fields
  ``title body facts`` (diacritics kept) and ``title_f body_f facts_f`` (folded with
  ``analysis.fold``, so ``dong da`` finds ``Đống Đa``), ``refs`` (document-number tokens,
  ``34cttw``/``ct34``) and one raw, fast, multi-valued string field per facet.

Why: at 100,000 documents FTS5 must compute bm25 for every match of a broad query before it can
return the top 10 (120–180 ms), and counting six facets with drill-down semantics over a broad
match set is SQL over ~100,000 ids per facet (~650 ms). tantivy keeps the top 10 with a
block-max WAND collector and counts facets with terms aggregations over fast fields in one call
per distinct filter set, so every query shape stays within tens of milliseconds.

Two things keep a broad query cheap at 100,000 documents. Facets of a text matching more than
half the documents are counted as the totals of the selection (remembered per searcher) minus the
counts over what the text does not match (COMPLEMENT_SHARE): "thi đua", in nearly every article,
costs 8 ms instead of 22. Facet selections are pushed into each field's term or phrase clause, so
that the selection drives the match (a union over fields would check every document).

Ranking is BM25 per field with the same weights as the FTS5 backend (``WEIGHTS``): an exact
(accented) match scores above a folded one. Facet semantics are unchanged: OR within a facet,
AND across facets, each facet counted with the *other* facets' selections applied; values
ordered by count, then value.

A rebuild writes a fresh SQLite file and a fresh tantivy directory, records the directory in
the new file's ``meta`` and swaps the file in with one rename; readers notice the new file
(inode) on their next search and reopen both. Old directories are removed by the next rebuild.
Each backend object holds its own SQLite connection and tantivy searcher (one per thread).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import orjson
import tantivy as T

from thidua.index import facets as F
from thidua.index.analysis import All, And, DocNum, Node, Not, Or, Term, parse_query
from thidua.index.base import IndexMissing, highlights
from thidua.index.documents import IndexedDoc
from thidua.index.models import FacetValue, SearchHit, SearchQuery, SearchResult
from thidua.index.sqlite import POST_INDEXES, WEIGHTS, SqliteBackend

EXACT = ("title", "body", "facts")
FOLDED = ("title_f", "body_f", "facts_f")
TEXT_FIELDS = (*EXACT, *FOLDED, "refs")  # in the order of SqliteBackend's text rows
FACET_FIELD = {f.name: f"f_{f.name}" for f in F.FACETS}
BOOST = dict(zip(TEXT_FIELDS, WEIGHTS))
TOKENIZER = "thidua"
WRITER_HEAP = 256_000_000
FACET_FETCH = 100  # buckets asked per facet at least; re-sorted by (count desc, value) here
# Facets of a text query matching more than this share of all documents are counted as the
# selection's totals − the rest: tantivy's terms aggregation costs ~8 ns per value read, 19 ms for
# eight facets over 100,000 documents, and the rest of a broad query is a few hundred of them.
COMPLEMENT_SHARE = 0.5
ALL_BUCKETS = 1_000_000  # every value of a facet (for totals and complements, which must be whole)
CACHE_ENTRIES = 512  # totals per filter set and match counts per text query, per searcher


def _analyzer() -> T.TextAnalyzer:
    # letters and digits: the same tokens as analysis.words() on the query side. Text arrives
    # lower-cased by str.lower() (_text_add), as query words are (analysis.exact): tantivy's
    # lower-casing filter re-cased every non-ASCII token, a fifth of its indexing time.
    return T.TextAnalyzerBuilder(T.Tokenizer.simple()).build()


def _schema() -> T.Schema:
    sb = T.SchemaBuilder()
    sb.add_unsigned_field("row", stored=False, indexed=True, fast=True)
    sb.add_unsigned_field("sortkey", stored=False, indexed=False, fast=True)
    for name in TEXT_FIELDS:
        sb.add_text_field(name, stored=False, tokenizer_name=TOKENIZER)
    for f in F.FACETS:
        sb.add_text_field(f"f_{f.name}", stored=False, fast=True, tokenizer_name="raw",
                          index_option="basic")
    return sb.build()


def _open_index(path: Path) -> T.Index:
    idx = T.Index(_schema(), path=str(path), reuse=True)
    idx.register_tokenizer(TOKENIZER, _analyzer())
    return idx


def sortkey(published: str | None, rowid: int) -> int:
    """Newest first, then rowid ascending, as one unsigned key sorted descending."""
    day = date.fromisoformat(published[:10]).toordinal() if published else 0
    return (day << 32) | (0xFFFFFFFF - (rowid & 0xFFFFFFFF))


class TantivyBackend(SqliteBackend):
    name = "tantivy"
    text_index = False

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self._schema = _schema()
        self._index: T.Index | None = None
        self._searcher: T.Searcher | None = None
        self._inode: int | None = None
        self._version: int | None = None  # SQLite's data_version when the searcher was opened
        self._writer: T.IndexWriter | None = None
        self._building: Path | None = None
        # per searcher (cleared when it changes): facet totals per filter set, matches per text query
        self._totals: dict[tuple, dict[str, dict[str, int]]] = {}
        self._counts: dict[str, int] = {}

    # --- opening --------------------------------------------------------------------------
    def _dir_of(self, conn: sqlite3.Connection) -> Path:
        row = conn.execute("SELECT value FROM meta WHERE key='tantivy_dir'").fetchone()
        if row is None:
            raise IndexMissing(f"{self.path} has no tantivy index: run `thidua index --backend tantivy`")
        return self.path.parent / row[0]

    def _fresh(self) -> None:
        """Reopen the connection and the searcher when a rebuild swapped the file in."""
        try:
            inode = os.stat(self.path).st_ino
        except FileNotFoundError:
            raise IndexMissing(f"no index at {self.path}: run `thidua index --backend tantivy`") from None
        if inode != self._inode or self._searcher is None:
            self.close()
            conn = self.conn
            d = self._dir_of(conn)
            if not d.exists():
                raise IndexMissing(f"{d} is missing: run `thidua index --backend tantivy`")
            self._index = _open_index(d)
            self._searcher = self._index.searcher()
            self._totals, self._counts = {}, {}
            self._inode = inode
            self._version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        elif (v := self._conn.execute("PRAGMA data_version").fetchone()[0]) != self._version:
            # another process add()ed in place (it commits tantivy before SQLite): see its documents
            self._version = v
            self._index.reload()
            self._searcher = self._index.searcher()
            self._totals, self._counts = {}, {}

    def close(self) -> None:
        super().close()
        self._index = None
        self._searcher = None
        self._inode = None

    # --- writing (hooks of SqliteBackend._write) ------------------------------------------
    def _begin_text(self, conn: sqlite3.Connection, fresh: bool) -> None:
        if fresh:
            gen = f"tantivy.{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
            self._building = self.path.parent / gen
            self._building.mkdir(parents=True)
            conn.execute("INSERT INTO meta VALUES('tantivy_dir', ?)", (gen,))
            idx = _open_index(self._building)
        else:
            self._fresh()
            idx = self._index
        self._writer = idx.writer(heap_size=WRITER_HEAP, num_threads=0)

    def _text_add(self, conn: sqlite3.Connection, fts_rows: list[tuple], batch: list[IndexedDoc]) -> None:
        # Each document as JSON (orjson, ~4 us): tantivy parses it without the GIL, while converting
        # a Python dict (Document.from_dict, ~15 us) holds it, and the GIL bounds this pipeline.
        add, dumps = self._writer.add_json, orjson.dumps
        for row_fields, d in zip(fts_rows, batch):
            fields = {"row": row_fields[0], "sortkey": sortkey(d.published, row_fields[0])}
            for name, value in zip(TEXT_FIELDS, row_fields[1:]):
                if value:
                    fields[name] = value.lower()
            for name, values in d.facets.items():
                if values:
                    fields[FACET_FIELD[name]] = values if len(values) == 1 else list(dict.fromkeys(values))
            add(dumps(fields).decode())

    def _text_delete(self, conn: sqlite3.Connection, rows: list[int]) -> None:
        # by query: delete_documents_by_term does not match unsigned fields (tantivy-py 0.27)
        self._writer.delete_documents_by_query(T.Query.term_set_query(self._schema, "row", rows))

    def _finish(self, conn: sqlite3.Connection, fresh: bool) -> None:
        """tantivy commits in its own threads while SQLite builds the fresh file's indexes (both
        release the GIL). No facet totals nor (facet, doc) index: facets are counted in tantivy."""
        w, self._writer = self._writer, None

        def commit() -> None:
            w.commit()
            w.wait_merging_threads()

        with ThreadPoolExecutor(1) as pool:
            done = pool.submit(commit)
            if fresh:
                conn.executescript(POST_INDEXES)
            done.result()
        self._building = None
        if self._index is not None:  # an add() to the live index: see it now
            self._index.reload()
            self._searcher = self._index.searcher()
            self._totals, self._counts = {}, {}

    def _abort_text(self) -> None:
        w, self._writer = self._writer, None
        if w is not None:
            try:
                w.rollback()
            except Exception:  # noqa: BLE001 - the index is thrown away anyway
                pass
        if self._building is not None:
            shutil.rmtree(self._building, ignore_errors=True)
            self._building = None

    def _swapped(self) -> None:
        """After a rebuild: drop the directories the live file no longer names."""
        conn = sqlite3.connect(self.path)
        try:
            live = self._dir_of(conn).name
        finally:
            conn.close()
        for p in self.path.parent.glob("tantivy.*"):
            if p.is_dir() and p.name != live:
                shutil.rmtree(p, ignore_errors=True)

    # --- searching ------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        t0 = time.perf_counter()
        filters = F.clean_filters(query.filters)
        names = F.check(query.facets)
        node = parse_query(query.q)
        self._fresh()
        s = self._searcher
        text_q = self._query(node)
        fq = {name: self._filter(name, values) for name, values in filters.items()}
        hits_q = _and(self._query(node, tuple(fq.values())), *fq.values())
        total, hits = self._page(s, query, node, hits_q)
        facets, truncated = {}, []
        # one aggregation call per distinct filter set: facets without a selection share one
        groups: dict[str | None, list[str]] = {}
        for name in names:
            groups.setdefault(name if name in filters else None, []).append(name)
        fetch = max(FACET_FETCH, 4 * (query.facet_size + 1))
        counted: dict[str, list[tuple[str, int]]] = {}
        broad = self._broad(s, node, text_q, query.q, total if not filters else None)
        for excluded, members in groups.items():
            others = {k: v for k, v in fq.items() if k != excluded}
            if broad or isinstance(node, All):
                counted.update(self._by_complement(s, node, others, filters, members))
                continue
            q = hits_q if excluded is None else _and(self._query(node, tuple(others.values())), *others.values())
            agg = {m: {"terms": {"field": f"f_{m}", "size": fetch}} for m in members}
            out = s.aggregate(q, agg)
            for m in members:
                buckets = out.get(m, {}).get("buckets", [])
                counted[m] = sorted(((b["key"], b["doc_count"]) for b in buckets), key=lambda kv: (-kv[1], kv[0]))
        for name in names:
            rows = counted[name]
            if len(rows) > query.facet_size:
                truncated.append(name)
                rows = rows[:query.facet_size]
            selected = set(filters.get(name, ()))
            values = [FacetValue(value=v, count=n, selected=v in selected) for v, n in rows]
            values += [FacetValue(value=v, count=0, selected=True) for v in sorted(selected - {v for v, _ in rows})]
            facets[name] = values
        return SearchResult(total=total, hits=hits, facets=facets, page=query.page, size=query.size,
                            facets_truncated=truncated, facets_timed_out=[],
                            took_ms=round((time.perf_counter() - t0) * 1000, 2), backend=self.name)

    def _filter(self, name: str, values: list[str]) -> T.Query:
        """A facet selection: term queries, whose postings are read lazily (a term-set query builds
        a bitset of its postings up front, once per clause the filter is pushed into)."""
        terms = [T.Query.term_query(self._schema, f"f_{name}", v) for v in values]
        return terms[0] if len(terms) == 1 else T.Query.boolean_query([(T.Occur.Should, t) for t in terms])

    def _broad(self, s: T.Searcher, node: Node, text_q: T.Query, text: str, count: int | None) -> bool:
        """Does the text query match more than COMPLEMENT_SHARE of all documents? (``count``: its
        matches when known; else counted once per searcher and remembered.)"""
        if isinstance(node, All):
            return False
        if count is None:
            count = self._counts.get(text)
            if count is None:
                count = s.search(text_q, 1, count=True).count
                if len(self._counts) >= CACHE_ENTRIES:
                    self._counts.clear()
                self._counts[text] = count
        return count > COMPLEMENT_SHARE * max(1, s.num_docs)

    def _by_complement(self, s: T.Searcher, node: Node, others: dict[str, T.Query],
                       filters: dict[str, list[str]], members: list[str]) -> dict[str, list[tuple[str, int]]]:
        """Facet counts of (text ∧ others) as the totals of ``others`` (remembered per filter set)
        minus the counts of what they allow but the text does not match: exact, and cheap when
        the text matches most documents. Browsing (no text) is the totals themselves."""
        key = tuple(sorted((k, tuple(sorted(filters[k]))) for k in others)), tuple(members)
        totals = self._totals.get(key)
        if totals is None:
            base = _and(T.Query.all_query(), *others.values()) if others else T.Query.all_query()
            totals = self._buckets(s, base, members)
            if len(self._totals) >= CACHE_ENTRIES:
                self._totals.clear()
            self._totals[key] = totals
        if isinstance(node, All):
            rest = {m: {} for m in members}
        else:
            allowed = [(T.Occur.Must, q) for q in others.values()] or [(T.Occur.Must, T.Query.all_query())]
            text_q = self._query(node, tuple(others.values()))
            rest = self._buckets(s, T.Query.boolean_query([*allowed, (T.Occur.MustNot, text_q)]), members)
        out = {}
        for m in members:
            minus = rest[m]
            pairs = ((v, n - minus.get(v, 0)) for v, n in totals[m].items())
            out[m] = sorted(((v, n) for v, n in pairs if n > 0), key=lambda kv: (-kv[1], kv[0]))
        return out

    @staticmethod
    def _buckets(s: T.Searcher, q: T.Query, members: list[str]) -> dict[str, dict[str, int]]:
        out = s.aggregate(q, {m: {"terms": {"field": f"f_{m}", "size": ALL_BUCKETS}} for m in members})
        return {m: {b["key"]: b["doc_count"] for b in out.get(m, {}).get("buckets", [])} for m in members}

    def _page(self, s: T.Searcher, query: SearchQuery, node: Node, q: T.Query) -> tuple[int, list[SearchHit]]:
        offset = (query.page - 1) * query.size
        if query.size == 0:  # a count (TopDocs with limit 0 panics in tantivy 0.27)
            return s.search(q, 1, count=True).count, []
        if isinstance(node, All):  # browsing: newest first
            res = s.search(q, query.size, count=True, order_by_field="sortkey", offset=offset, order=T.Order.Desc)
        else:
            res = s.search(q, query.size, count=True, offset=offset)
        total = res.count
        if not res.hits:
            return total, []
        rows = s.fast_field_values("row", [a for _, a in res.hits])
        scores = [sc for sc, _ in res.hits]
        if isinstance(node, All):
            scores = [0.0] * len(rows)
        marks = ",".join("?" * len(rows))
        cols = "rowid, id, url, title, published, source" + (", text, data" if query.highlight else "")
        docs = {r[0]: r for r in self.conn.execute(f"SELECT {cols} FROM docs WHERE rowid IN ({marks})", rows)}
        out = []
        for rowid, score in zip(rows, scores):
            d = docs.get(rowid)
            if d is None:
                continue
            hl = []
            if query.highlight:
                hl = highlights(d[6], node, [tuple(x) for x in orjson.loads(d[7])["spans"]])
            out.append(SearchHit(id=d[1], url=d[2], title=d[3], published=d[4], source=d[5],
                                 score=round(float(score), 4), highlights=hl))
        return total, out

    # --- the query tree → tantivy ---------------------------------------------------------
    def _query(self, node: Node, push: tuple[T.Query, ...] = ()) -> T.Query:
        """The query tree in tantivy; ``push``: filters the caller also applies, pushed down into
        every field's term or phrase clause (see _fields)."""
        if isinstance(node, All):
            return T.Query.all_query()
        return self._render(node, push)

    def _fields(self, fields: tuple[str, ...], tokens: tuple[str, ...], push: tuple[T.Query, ...] = ()) -> list[T.Query]:
        """One term or phrase query per field, boosted; each ANDed with ``push`` (filters scoring 0).
        A union over fields skips nothing: it evaluates every document of each 4,096-document
        window, whatever the filters (120 ms for a phrase found in every article, one province
        selected, at 100,000 documents); each clause ANDed with the filters is driven by them."""
        out = []
        for f in fields:
            if len(tokens) == 1:
                q = T.Query.term_query(self._schema, f, tokens[0])
            else:
                q = T.Query.phrase_query(self._schema, f, list(tokens))
            q = T.Query.boost_query(q, BOOST[f])
            out.append(_and(q, *push) if push else q)
        return out

    def _render(self, node: Node, push: tuple[T.Query, ...] = ()) -> T.Query:
        if isinstance(node, Term):
            qs = self._fields(FOLDED, node.folded, push)
            if not node.accented:
                return T.Query.boolean_query([(T.Occur.Should, q) for q in qs])
            if len(node.tokens) == 1:  # exact columns rank higher; folded ones make it accent-insensitive
                return T.Query.boolean_query([(T.Occur.Should, q) for q in self._fields(EXACT, node.tokens, push) + qs])
            # A phrase: the folded phrase decides the match (it holds wherever the exact one does, fold
            # being one character for one); the exact words only add to the score, as an optional
            # clause over the folded matches, without a second position check (that doubled the cost
            # of a phrase found in every body: 35 -> 20 ms at 100,000 documents).
            exact = [T.Query.boost_query(T.Query.boolean_query(
                [(T.Occur.Must, T.Query.term_query(self._schema, f, t)) for t in node.tokens]), BOOST[f]) for f in EXACT]
            return T.Query.boolean_query([(T.Occur.Must, T.Query.boolean_query([(T.Occur.Should, q) for q in qs])),
                                          *((T.Occur.Should, q) for q in exact)])
        if isinstance(node, DocNum):
            return T.Query.boost_query(T.Query.term_query(self._schema, "refs", node.token), BOOST["refs"])
        if isinstance(node, Not):
            return T.Query.boolean_query([(T.Occur.Must, T.Query.all_query()),
                                          (T.Occur.MustNot, self._render(node.item, push))])
        if isinstance(node, Or):
            return T.Query.boolean_query([(T.Occur.Should, self._render(n, push)) for n in node.items])
        if isinstance(node, And):
            pos = [(T.Occur.Must, self._render(n, push)) for n in node.items if not isinstance(n, Not)]
            neg = [(T.Occur.MustNot, self._render(n.item, push)) for n in node.items if isinstance(n, Not)]
            if not pos:
                pos = [(T.Occur.Must, T.Query.all_query())]
            return T.Query.boolean_query(pos + neg)
        return T.Query.all_query()


def _and(first: T.Query, *rest: T.Query) -> T.Query:
    if not rest:
        return first
    # filters do not score: the text query's score is the ranking
    return T.Query.boolean_query([(T.Occur.Must, first),
                                  *((T.Occur.Must, T.Query.const_score_query(q, 0.0)) for q in rest)])
