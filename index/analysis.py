"""Vietnamese text analysis shared by both search backends.

* ``fold``: case-fold + accent-fold with ``đ``→``d``, one character in, one character out,
  so offsets found in folded text are offsets in the original (used for highlights).
* document numbers: ``34-CT/TW``, ``34 CT TW``, ``chỉ thị 34``, ``ct34`` → index tokens
  (``34cttw`` for number+symbol, ``ct34`` for kind+number) that both backends store and query.
* ``parse_query``: the user's query → a small tree (words, phrases, document numbers,
  AND/OR/NOT), never raising; each backend renders the tree in its own syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
    for cp in range(0xC0, 0x2000):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch.lower()) if not unicodedata.combining(c))
        if base != ch and len(base) == 1:
            table[cp] = base
    table.update({0x110: "d", 0x111: "d", 0xD0: "d", 0xF0: "d"})  # Đ đ Ð ð
    return table


_FOLD = str.maketrans(_fold_table())
_LONG = 64  # from this length, fold through a numpy lookup table (str.translate with a dict is
# a per-character dict lookup in Python: it was half the cost of building an IndexedDoc)


def _numpy_fold():
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is a dependency; translate still works
        return None
    lut = np.arange(0x2000, dtype=np.uint32)
    for cp, ch in _FOLD.items():
        if cp < 0x2000:
            lut[cp] = ord(ch)

    def fold_long(s: str) -> str:
        a = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        low = a < 0x2000
        if low.all():
            b = lut[a]
        else:
            b = a.copy()
            b[low] = lut[a[low]]
        return b.tobytes().decode("utf-32-le", "surrogatepass")

    return fold_long


_fold_long = _numpy_fold()


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """Lower-case Latin letters and strip Vietnamese diacritics, ``đ``→``d``; length-preserving.

    >>> fold("Đống Đa")
    'dong da'
    """
    if _fold_long is not None and len(s) >= _LONG:
        return _fold_long(s)
    return s.translate(_FOLD)


def exact(s: str) -> str:
    """The exact (diacritics kept) form of a query term: NFC, lower-case."""
    return nfc(s).lower()


def has_diacritics(s: str) -> bool:
    return fold(s) != s.lower()


WORD_RE = re.compile(r"[^\W_]+")  # what both engines call a token: letters and digits


def words(s: str) -> list[str]:
    return WORD_RE.findall(s)


# --- document numbers -------------------------------------------------------------------
# kind → the abbreviation people type (``ct34``) and the words that name it (folded).
KIND_ABBREV = {
    "chi_thi": "ct", "nghi_quyet": "nq", "ket_luan": "kl", "ke_hoach": "kh", "quyet_dinh": "qd",
    "chuong_trinh": "ctr", "cong_van": "cv", "thong_bao": "tb", "huong_dan": "hd",
    "nghi_dinh": "nd", "thong_tu": "tt", "bao_cao": "bc", "to_trinh": "ttr",
}
KIND_WORDS = {
    "chi thi": "chi_thi", "nghi quyet": "nghi_quyet", "ket luan": "ket_luan", "ke hoach": "ke_hoach",
    "quyet dinh": "quyet_dinh", "chuong trinh": "chuong_trinh", "cong van": "cong_van",
    "thong bao": "thong_bao", "huong dan": "huong_dan", "nghi dinh": "nghi_dinh",
    "thong tu": "thong_tu", "bao cao": "bao_cao", "to trinh": "to_trinh",
}
_ABBREV_KIND = {v: k for k, v in KIND_ABBREV.items()}
# Parts of document symbols, for queries typed with spaces (``34 CT TW``).
SYMBOL_PARTS = frozenset(
    "ct tw kh ubnd qd nq kl ctr cv tb hd nd cp tt ttg bc ttr hdnd tu hu du dtn bch bcd bnv btc"
    " bqp bca bgddt bldtbxh vpcp ub ubtvqh qh ldld mttq tdkt hdtdkt snv pc bvhttdl bnnptnt".split()
)

_KIND_RE = "|".join(sorted(KIND_WORDS, key=len, reverse=True)).replace(" ", r"\s+")
# In folded text: "34-CT/TW", "167/KH-UBND", "01/CTr-UBND", "1234/QĐ-TTg".
_NUMSYM_RE = re.compile(r"(?<![\w./-])0*(\d{1,6})\s*[-/]\s*([a-z]{1,8}(?:\s*[-/.]\s*[a-z0-9]{1,10}){0,4})(?![\w])")
_KIND_NUM_RE = re.compile(rf"\b({_KIND_RE})\s+(?:so\s+)?0*(\d{{1,6}})(?![\w/-]*\d)")


@lru_cache(maxsize=4096)
def _alnum(s: str) -> str:
    return "".join(WORD_RE.findall(s))


def number_symbol_token(number: str, symbol: str | None) -> str:
    """``("05", "CT/TW")`` → ``5cttw``; a number without symbol has no such token."""
    return (number.lstrip("0") or "0") + _alnum(fold(symbol or ""))


def kind_number_token(kind: str, number: str) -> str | None:
    """``("chi_thi", "34")`` → ``ct34``."""
    abbrev = KIND_ABBREV.get(kind)
    return f"{abbrev}{number.lstrip('0') or '0'}" if abbrev else None


# The same matches as _KIND_NUM_RE.finditer, found faster: without the leading \b the pattern
# starts with a set of letters that re scans for in C; the word boundary is checked by hand.
_KIND_NUM_NOB = re.compile(_KIND_NUM_RE.pattern.removeprefix(r"\b"))


def _numsym_matches(f: str):
    """``_NUMSYM_RE.finditer(f)``, ~6x faster: every match has a ``-`` or ``/`` right after its
    digits (spaces allowed), so the digit runs before each ``-``/``/`` (found with str.find)
    are the only places to try; a match starts at a run's first digit (its lookbehind)."""
    starts: set[int] = set()
    for sep in "-/":
        j = f.find(sep)
        while j >= 0:
            k = j
            while k and f[k - 1].isspace():  # re's \s
                k -= 1
            end = k
            while k and f[k - 1].isdecimal():  # re's \d
                k -= 1
            if k < end:
                starts.add(k)
            j = f.find(sep, j + 1)
    last = 0
    for i in sorted(starts):
        if i >= last and (m := _NUMSYM_RE.match(f, i)):  # finditer's matches do not overlap
            last = m.end()
            yield m


def _kind_num_matches(f: str):
    """``_KIND_NUM_RE.finditer(f)``, ~1.7x faster."""
    pos = 0
    while m := _KIND_NUM_NOB.search(f, pos):
        i = m.start()
        if i and (f[i - 1].isalnum() or f[i - 1] == "_"):  # no \b: try again one character on
            pos = i + 1
            continue
        yield m
        pos = m.end()


def docnum_tokens_in_text(text: str, folded: bool = False) -> set[str]:
    """Document-number tokens written in a text, whether or not the extractor found them."""
    f = text if folded else fold(text)
    out = {m.group(1) + _alnum(m.group(2)) for m in _numsym_matches(f)}
    for m in _kind_num_matches(f):
        out.add(KIND_ABBREV[KIND_WORDS[" ".join(m.group(1).split())]] + m.group(2))
    return out


_Q_NUMSYM = re.compile(r"^0*(\d{1,6})[-/]([a-z][a-z0-9]*(?:[-/][a-z0-9]+)*)$")
_Q_ABBREV_NUM = re.compile(r"^([a-z]{2,3})0*(\d{1,6})$")


def query_docnum(tokens: list[str]) -> tuple[str, int] | None:
    """A document number at the start of ``tokens`` (raw query words): (token, words used)."""
    if not tokens:
        return None
    f = [fold(t) for t in tokens]
    m = _Q_NUMSYM.match(f[0])
    if m:
        return m.group(1) + _alnum(m.group(2)), 1
    m = _Q_ABBREV_NUM.match(f[0])
    if m and m.group(1) in _ABBREV_KIND:
        return m.group(1) + m.group(2), 1
    if f[0].isdigit() and len(f) > 1 and f[1] in SYMBOL_PARTS:  # 34 CT TW
        n = 1
        while n < len(f) and n < 5 and f[n] in SYMBOL_PARTS:
            n += 1
        return (f[0].lstrip("0") or "0") + "".join(f[1:n]), n
    if len(f) >= 3:  # chỉ thị (số) 34
        kind = KIND_WORDS.get(f"{f[0]} {f[1]}")
        i = 3 if f[2] == "so" and len(f) > 3 else 2
        if kind and kind in KIND_ABBREV and f[i].isdigit():
            return KIND_ABBREV[kind] + (f[i].lstrip("0") or "0"), i + 1
    return None


def reference_token(reference: str) -> str | None:
    """The document-number token of a reference as users type it (``34-CT/TW``, ``34 ct tw``)."""
    found = query_docnum(reference.split())
    return found[0] if found else None


# --- queries ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase: ``tokens`` as typed (NFC, lower-case); matched exact or folded."""

    tokens: tuple[str, ...]
    phrase: bool = False

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(t) for t in self.tokens)

    @property
    def accented(self) -> bool:
        return self.folded != self.tokens


@dataclass(frozen=True, slots=True)
class DocNum:
    token: str  # 34cttw, ct34


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class All:
    """Every document: an empty query, or the left side of a query that only excludes."""


Node = Term | DocNum | And | Or | Not | All

_LEX = re.compile(r'"[^"]*"?|[()]|[^\s"()]+')
MAX_QUERY_CHARS = 1000
MAX_LEAVES = 64


@lru_cache(maxsize=1024)
def parse_query(q: str) -> Node:
    """Parse what a user typed. Never raises; anything unparseable degrades to plain words.

    Grammar: ``"phrase"``, ``a b`` (AND), ``a OR b``, ``NOT a`` / ``-a``, ``( … )``,
    ``AND`` allowed; document numbers in any common spelling become :class:`DocNum`.
    """
    raw = [t for t in _LEX.findall(nfc(q or "")[:MAX_QUERY_CHARS])]
    parser = _Parser(raw)
    node = parser.parse_or()
    return _simplify(node)


class _Parser:
    def __init__(self, raw: list[str]) -> None:
        self.raw = raw
        self.i = 0
        self.leaves = 0

    def peek(self) -> str | None:
        return self.raw[self.i] if self.i < len(self.raw) else None

    def parse_or(self, depth: int = 0) -> Node:
        items = [self.parse_and(depth)]
        while self.peek() == "OR":
            self.i += 1
            items.append(self.parse_and(depth))
        kept = tuple(n for n in items if n is not None)  # "OR a", "a OR": empty sides dropped
        if not kept:
            return All()
        return Or(kept) if len(kept) > 1 else kept[0]

    def parse_and(self, depth: int) -> Node | None:
        items: list[Node] = []
        while (tok := self.peek()) is not None and tok != "OR":
            if tok == ")":
                if depth > 0:
                    break
                self.i += 1  # stray ")" at top level: ignore
                continue
            if tok == "AND":
                self.i += 1
                continue
            node = self.parse_unary(depth)
            if node is not None:
                items.append(node)
        return And(tuple(items)) if items else None

    def parse_unary(self, depth: int) -> Node | None:
        tok = self.peek()
        if tok == "-" and self.i + 1 < len(self.raw) and self.raw[self.i + 1][:1] in ('"', "("):
            self.i += 1  # -"phrase", -(a OR b)
            inner = self.parse_atom(depth)
            return Not(inner) if inner is not None and not isinstance(inner, All) else None
        if tok == "NOT" or (tok and tok.startswith("-") and len(tok) > 1 and not tok[1:2].isdigit()):
            if tok == "NOT":
                self.i += 1
                inner = self.parse_unary(depth) if self.peek() not in (None, "OR", ")") else None
            else:
                self.raw[self.i] = tok[1:]
                inner = self.parse_unary(depth)
            return Not(inner) if inner is not None and not isinstance(inner, All) else None
        return self.parse_atom(depth)

    def parse_atom(self, depth: int) -> Node | None:
        tok = self.peek()
        assert tok is not None
        if tok == "(":
            self.i += 1
            if depth >= 8:  # deep nesting: treat the rest as flat
                return None
            node = self.parse_or(depth + 1)
            if self.peek() == ")":
                self.i += 1
            return node
        if tok.startswith('"'):
            self.i += 1
            toks = tuple(exact(w) for w in words(tok.strip('"')))
            return self._leaf(Term(toks, phrase=len(toks) > 1)) if toks else None
        # a run of plain words: look for a document number first
        run: list[str] = []
        j = self.i
        while j < len(self.raw) and j - self.i < 6 and self.raw[j] not in ("(", ")", "OR", "AND", "NOT") \
                and not self.raw[j].startswith(('"', "-")):
            run.append(self.raw[j])
            j += 1
        found = query_docnum(run)
        if found:
            self.i += found[1]
            return self._leaf(DocNum(found[0]))
        self.i += 1
        ws = [exact(w) for w in words(tok)]
        if not ws:
            return None
        # "thi-đua", "a/b": one typed word made of several tokens is a phrase
        return self._leaf(Term(tuple(ws), phrase=len(ws) > 1))

    def _leaf(self, node: Node) -> Node | None:
        self.leaves += 1
        return node if self.leaves <= MAX_LEAVES else None


def _simplify(node: Node) -> Node:
    if isinstance(node, (And, Or)):
        items = tuple(_simplify(n) for n in node.items)
        if isinstance(node, And):
            items = tuple(n for n in items if not isinstance(n, All)) or (All(),)
        elif any(isinstance(n, All) for n in items):
            return All()
        return items[0] if len(items) == 1 else type(node)(items)
    if isinstance(node, Not):
        return Not(_simplify(node.item))
    return node


def leaves(node: Node, negated: bool = False) -> list[Term | DocNum]:
    """Positive leaves of a query (what highlights should mark)."""
    if isinstance(node, (Term, DocNum)):
        return [] if negated else [node]
    if isinstance(node, (And, Or)):
        return [x for n in node.items for x in leaves(n, negated)]
    if isinstance(node, Not):
        return leaves(node.item, not negated)
    return []


def docnum_spans(text: str, token: str) -> list[tuple[int, int]]:
    """Where ``token`` (``34cttw``, ``ct34``) is written in ``text``: spans for highlighting."""
    f = fold(text)
    out = [m.span() for m in _numsym_matches(f) if m.group(1) + _alnum(m.group(2)) == token]
    for m in _kind_num_matches(f):
        if KIND_ABBREV[KIND_WORDS[" ".join(m.group(1).split())]] + m.group(2) == token:
            out.append(m.span())
    return out
