"""The search backend contract, and what both backends share: highlights and errors.

A backend indexes ``IndexedDoc`` records (``thidua.index.documents``) and answers
``search(SearchQuery) -> SearchResult`` with facets, plus the aggregations the user tasks
need. ``thidua.index.tantivy_backend`` (embedded, the default), ``thidua.index.sqlite`` (FTS5,
embedded) and ``thidua.index.elastic`` implement it and are held to the same behaviour by
``tests/index/test_contract.py``.
"""

from __future__ import annotations

import html
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from thidua.index.analysis import DocNum, Node, Term, docnum_spans, fold, leaves
from thidua.index.documents import IndexedDoc, to_indexed
from thidua.index.models import (
    AwardTallyRow,
    CampaignUnitRow,
    CitationRow,
    FactSpan,
    Health,
    Highlight,
    SearchQuery,
    SearchResult,
    Span,
)


class IndexError_(RuntimeError):
    """Base of index errors."""


class BackendUnavailable(IndexError_):
    """The search engine cannot be reached (exit code 3, HTTP 503)."""


class IndexMissing(IndexError_):
    """No index has been built yet (run `thidua index`)."""


@dataclass(slots=True)
class IndexReport:
    indexed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (document id, reason)
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.indexed / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[int], None]  # called with the number of documents just indexed


def as_indexed(documents: Iterable) -> Iterable[IndexedDoc]:
    """Accept StoredDocuments or already built IndexedDocs."""
    for d in documents:
        yield d if isinstance(d, IndexedDoc) else to_indexed(d)


class SearchBackend(ABC):
    name: str = ""

    @abstractmethod
    def add(self, documents: Iterable, progress: Progress | None = None) -> IndexReport:
        """Index documents (new or replacing the same id); visible to searches on return."""

    @abstractmethod
    def rebuild(self, documents: Iterable, progress: Progress | None = None) -> IndexReport:
        """Replace the whole index by these documents; searches see the old index until done."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResult: ...

    @abstractmethod
    def award_tallies(self, filters: dict[str, list[str]] | None = None,
                      include_proposed: bool = False) -> list[AwardTallyRow]: ...

    @abstractmethod
    def citations(self, reference: str) -> list[CitationRow]:
        """Documents citing ``reference`` (typed as users type it) by year and unit."""

    @abstractmethod
    def campaign_units(self, campaign: str | None = None) -> list[CampaignUnitRow]: ...

    @abstractmethod
    def health(self) -> Health: ...

    def close(self) -> None:  # noqa: B027 - optional
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_backend(name: str | None = None, *, home: str | Path | None = None,
                 es_url: str | None = None) -> SearchBackend:
    """The configured backend (``--backend``/``THIDUA_BACKEND``), imported lazily."""
    from thidua import config

    name = config.backend_name(name)
    if name == "sqlite":
        from thidua.index.sqlite import SqliteBackend

        return SqliteBackend(config.data_home(home) / "index.sqlite3")
    if name == "tantivy":
        from thidua.index.tantivy_backend import TantivyBackend

        return TantivyBackend(config.data_home(home) / "tantivy.sqlite3")
    if name in ("elasticsearch", "es"):
        from thidua.index.elastic import ElasticBackend

        return ElasticBackend(config.es_url(es_url))
    raise ValueError(f"unknown backend {name!r}: use sqlite, tantivy or elasticsearch")


# --- highlights -------------------------------------------------------------------------
PASSAGE = 240  # characters per highlighted passage
MAX_PASSAGES = 2


def match_spans(text: str, node: Node) -> list[tuple[int, int]]:
    """Where the query's positive words, phrases and document numbers occur in ``text``."""
    f = fold(text)
    low = text.lower()
    if len(low) != len(text):  # a few letters change length when lower-cased: fall back to folded
        low = f
    spans: list[tuple[int, int]] = []
    for leaf in leaves(node):
        if isinstance(leaf, DocNum):
            spans += docnum_spans(text, leaf.token)
        elif isinstance(leaf, Term):
            found = _find(low, leaf.tokens) if leaf.accented else []  # exact diacritics first
            spans += found or _find(f, leaf.folded)
    return sorted(set(spans))


def _find(haystack: str, tokens: tuple[str, ...]) -> list[tuple[int, int]]:
    pat = r"[\W_]+".join(re.escape(t) for t in tokens)
    return [m.span() for m in re.finditer(rf"(?<![^\W_]){pat}(?![^\W_])", haystack)]


def highlights(text: str, node: Node, facts: list[tuple[str, int, int, str]]) -> list[Highlight]:
    """Up to two passages with the most matches; matches and the facts in them marked."""
    matches = match_spans(text, node)
    if not matches:
        return [_passage(text, 0, min(len(text), PASSAGE), [], facts)] if text else []
    chosen: list[tuple[int, int]] = []
    pool = matches[:200]
    while pool and len(chosen) < MAX_PASSAGES:
        best = max(pool, key=lambda m: sum(1 for o in pool if m[0] <= o[0] < m[0] + PASSAGE))
        start = _snap_left(text, max(0, best[0] - PASSAGE // 4))
        end = _snap_right(text, min(len(text), start + PASSAGE))
        chosen.append((start, end))
        pool = [m for m in pool if not (start <= m[0] < end)]
    chosen.sort()
    return [_passage(text, s, e, [m for m in matches if s <= m[0] and m[1] <= e], facts) for s, e in chosen]


def _snap_left(text: str, i: int) -> int:
    """Start a passage at a line or sentence start when one is near, else at a word."""
    if i <= 0:
        return 0
    j = max(text.rfind("\n", 0, i) + 1, text.rfind(". ", 0, i) + 2 if text.rfind(". ", 0, i) >= 0 else 0)
    if i - j < 60:
        return j
    k = text.rfind(" ", 0, i)
    return k + 1 if k >= 0 else i


def _snap_right(text: str, i: int) -> int:
    if i >= len(text):
        return len(text)
    k = text.find(" ", i)
    return k if 0 <= k < i + 30 else i


def _passage(text: str, s: int, e: int, matches, facts) -> Highlight:
    piece = text[s:e]
    ms = [Span(start=a - s, end=b - s) for a, b in matches]
    fs = [FactSpan(type=t, start=a - s, end=b - s, label=label) for t, a, b, label in facts if s <= a and b <= e]
    return Highlight(text=piece, offset=s, matches=ms, facts=fs, html=_html(piece, ms, fs))


def _html(piece: str, matches: list[Span], facts: list[FactSpan]) -> str:
    """Escaped text with <mark> around matches and <span class="fact fact-TYPE"> around facts."""
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for f in facts:  # facts first so that a match nests inside its fact
        opens.setdefault(f.start, []).append(f'<span class="fact fact-{f.type}" title="{html.escape(f.label)}">')
        closes.setdefault(f.end, []).insert(0, "</span>")
    for m in matches:
        opens.setdefault(m.start, []).append("<mark>")
        closes.setdefault(m.end, []).insert(0, "</mark>")
    out: list[str] = []
    prev = 0
    for i in sorted(set(opens) | set(closes)):  # escape whole segments between tags
        out.append(html.escape(piece[prev:i]))
        out += closes.get(i, []) + opens.get(i, [])
        prev = i
    out.append(html.escape(piece[prev:]))
    return "".join(out)
