"""Rule tables for campaigns and the decisions built on them.

Two tables sit beside the code (``nlp/data``), loaded once and cached:

* ``campaign_cues.tsv`` — words that say what a following quoted text is: a movement
  (``phong trào``), or something that is not one (``danh hiệu``, ``chủ đề``, ``về``…), with how far
  before the quote each cue may stand; and prefixes that make quoted content an award title.
* ``campaigns.yaml`` — the catalogue of well-known national movements (canonical name, aliases,
  who launched them) and quoted texts that are never movements (slogans, appeals, themes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from thidua.nlp.text import DASHES, QUOTE_CHARS, fold

DATA = Path(__file__).resolve().parent / "data"

# Cue classes whose quoted text is never a campaign.
NEGATIVE = frozenset({"award", "theme", "slogan", "doc_title", "other"})
CONTENT_CLASSES = frozenset({"award_name", "slogan_name"})


@dataclass(frozen=True, slots=True)
class CueRow:
    cue: str
    cls: str
    reach: int
    example: str


@dataclass(slots=True)
class CueTable:
    rows: list[CueRow]
    regex: re.Pattern[str]  # context cues, longest first
    by_fold: dict[str, CueRow]  # lower-cased cue → row
    content_prefixes: list[tuple[str, str]]  # (lite key prefix, class) for quoted content
    by_last: dict[str, list[tuple[tuple[str, ...], CueRow]]]  # last word → cues ending in it
    max_reach: int
    max_words: int  # words in the longest cue


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    aliases: tuple[str, ...] = ()
    launched_by: str | None = None
    unquoted: str = "after_cue"  # anywhere | after_cue | never
    example: str = ""
    negative: str | None = None  # slogan / appeal / theme for not_campaigns


@dataclass(slots=True)
class Catalogue:
    entries: list[Entry]
    by_key: dict[str, Entry] = field(default_factory=dict)
    # Unquoted names after a cue: lower-cased first word → anchored matcher of the full names.
    first_words: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # Distinctive names alone: their first three words as written (capitalised), for str.find.
    verbatim_prefixes: set[str] = field(default_factory=set)
    negative_keys: list[str] = field(default_factory=list)  # keys of slogans, appeals, themes
    # The first words of distinctive names, for one regex pass (fewer than one str.find each).
    scan: re.Pattern[str] = re.compile("(?!)")
    after_cue: re.Pattern[str] = re.compile("(?!)")


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in (*range(0x41, 0x2200), *range(0xFB00, 0xFB50), *range(0xFF00, 0xFFF0)):
        f = fold(chr(cp))
        if f != chr(cp):
            table[cp] = f
    table.update(dict.fromkeys(range(0x300, 0x370), ""))  # stray combining marks
    table.update({k: "-" for k in DASHES})
    table.update(dict.fromkeys(map(ord, QUOTE_CHARS), ""))
    return table


_FOLD = _fold_table()
_DASH_SPACING = re.compile(r"\s*-\s*")


def fast_key(s: str) -> str:
    """``nlp.text.key`` for NFC text at a fraction of its cost (one ``str.translate``)."""
    s = s.translate(_FOLD)
    if "-" in s:
        s = _DASH_SPACING.sub(" - ", s)
    return " ".join(s.split()).strip(" .,;:")


_fast_key_cached = lru_cache(maxsize=4096)(fast_key)


def _phrase(s: str) -> str:
    return r"\s+".join(re.escape(w) for w in s.split())


def fast_key_cached(s: str) -> str:
    return _fast_key_cached(s)


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    rows: list[CueRow] = []
    for line in (DATA / "campaign_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cue, cls, reach, example = line.split("\t")
        rows.append(CueRow(cue, cls, int(reach), example))
    context = sorted((r for r in rows if r.cls not in CONTENT_CLASSES), key=lambda r: -len(r.cue))
    regex = re.compile(
        r"(?<!\w)(?:" + "|".join(_phrase(r.cue) for r in context) + r")(?!\w)", re.IGNORECASE
    )
    by_fold = {" ".join(r.cue.lower().split()): r for r in context}
    prefixes = [(lite_key(r.cue), r.cls) for r in rows if r.cls in CONTENT_CLASSES]
    by_last: dict[str, list[tuple[tuple[str, ...], CueRow]]] = {}
    for r in context:  # longest first, so "chiến sĩ thi đua" wins over "thi đua"
        words = tuple(r.cue.lower().split())
        by_last.setdefault(words[-1], []).append((words, r))
    return CueTable(rows, regex, by_fold, prefixes, by_last, max(r.reach for r in context),
                    max(len(w) for lst in by_last.values() for w, _ in lst))


# Vietnamese spells some syllables with the tone mark on either vowel (hóa / hoá, thủy / thuỷ).
_TONE_PAIRS = {
    "óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "óe": "oé", "òe": "oè", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "úy": "uý", "ùy": "uỳ", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_TONE_PAIRS.update({v: k for k, v in list(_TONE_PAIRS.items())})
_DASH_CLASS = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"


def name_pattern(name: str) -> str:
    """A regex for ``name`` tolerant of spaces, dashes, optional commas and tone placement."""
    out: list[str] = []
    i = 0
    while i < len(name):
        two = name[i:i + 2].lower()
        c = name[i]
        if two in _TONE_PAIRS:
            out.append(f"(?:{re.escape(name[i:i + 2])}|{re.escape(_TONE_PAIRS[two])})")
            i += 2
            continue
        if c.isspace():
            while i + 1 < len(name) and name[i + 1].isspace():
                i += 1
            out.append(r"\s+")
        elif c in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
            if out and out[-1] == r"\s+":
                out.pop()
            out.append(r"\s*" + _DASH_CLASS + r"\s*")
            while i + 1 < len(name) and name[i + 1].isspace():
                i += 1
        elif c == ",":
            out.append(",?")
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


# Movement cues that may stand right before an unquoted catalogue name (matched on the
# lower-cased text just before it); a list separator counts only when a campaign mention ends
# right before it (checked by the finder).
CUE_BEFORE = re.compile(
    r"(?:phong\s+trào(?:\s+thi\s+đua)?(?:\s+đặc\s+biệt)?|cuộc\s+vận\s+động|đợt\s+thi\s+đua"
    r"|thi\s+đua|như|gồm)\s*:?\s*$"
)
# The words CUE_BEFORE can end in (before its whitespace and colon): a cheap test before it.
CUE_BEFORE_ENDS = ("trào", "đua", "biệt", "động", "như", "gồm")
# Where such a cue ends, found with str.find (first letter left out: any case).
CUE_TAILS = ("hong trào", "ận động", "hi đua", "như:", "gồm:")
AFTER_CUE_SKIP = re.compile(r"(?:\s+thi\s+đua|\s+đặc\s+biệt)*\s*:?\s*")
SEP_BEFORE = re.compile(r"(?:[,;]|\svà)\s*$")


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    data = yaml.safe_load((DATA / "campaigns.yaml").read_text(encoding="utf-8"))
    entries: list[Entry] = []
    for item in data.get("campaigns", []):
        entries.append(Entry(
            name=item["name"], aliases=tuple(item.get("aliases") or ()),
            launched_by=item.get("launched_by"), unquoted=item.get("unquoted", "after_cue"),
            example=item.get("example", ""),
        ))
    for item in data.get("not_campaigns", []):
        entries.append(Entry(name=item["name"], aliases=tuple(item.get("aliases") or ()),
                             unquoted="never", negative=item.get("kind", "slogan")))
    cat = Catalogue(entries)
    by_first: dict[str, list[str]] = {}
    for e in entries:
        for n in (e.name, *e.aliases):
            for v in tone_variants(n.lower()):
                cat.by_key.setdefault(lite_key(v), e)
                if e.negative is None and e.unquoted in ("anywhere", "after_cue"):
                    by_first.setdefault(v.split()[0].rstrip(","), []).append(v)
            if e.negative is None and e.unquoted == "anywhere":
                for v in tone_variants(n):
                    cat.verbatim_prefixes.add(" ".join(v.split()[:3]).rstrip(","))
            if e.negative:
                cat.negative_keys.append(lite_key(n))
    for first, names in by_first.items():
        names.sort(key=len, reverse=True)
        cat.first_words[first] = re.compile(
            "(?:" + "|".join(name_pattern(n) for n in names) + r")(?!\w)", re.IGNORECASE
        )
    # Longest first overall keeps the order within each first word's group above.
    verbatim = sorted(cat.verbatim_prefixes, key=len, reverse=True)
    cat.scan = re.compile("|".join(map(re.escape, verbatim)) or "(?!)")
    # After a cue: the skip, then a catalogue first word (most cues are followed by none).
    cat.after_cue = re.compile(AFTER_CUE_SKIP.pattern + r"(?=(?i:" + "|".join(
        map(re.escape, sorted(cat.first_words, key=len, reverse=True))) + r")(?!\w))")
    return cat


# Period qualifiers that do not change which campaign is meant.
_QUALIFIER = re.compile(
    r"(?:\s+(?:giai đoạn|năm học|năm|nhiệm kỳ|đợt|lần thứ)\s+[\w\s-]*\d[\d\s-]*)+$"
)
_LITE = {**{k: " - " for k in DASHES}, 45: " - ", **dict.fromkeys(map(ord, QUOTE_CHARS), "")}


def lite_key(s: str) -> str:
    """A cheap lookup key for NFC text: lower-cased, dashes spaced, quotes dropped, spaces collapsed.

    Diacritics are kept (``fast_key`` folds them for ``Campaign.key``); tone-placement variants
    (hóa / hoá) are added to the catalogue instead.
    """
    return " ".join(s.lower().translate(_LITE).split()).strip(" .,;:")


def tone_variants(name: str) -> set[str]:
    """``name`` with the tone mark of oa/oe/uy on either vowel."""
    out = {name}
    for a, b in _TONE_PAIRS.items():
        out |= {v.replace(a, b) for v in out}
    return out


def lookup(name: str, lite: str | None = None) -> Entry | None:
    """The catalogue entry for a name (exact key, or key without a period qualifier)."""
    cat = catalogue()
    k = lite if lite is not None else lite_key(name)
    entry = cat.by_key.get(k)
    if entry is None and k[-1:].isdigit():
        stripped = _QUALIFIER.sub("", k)
        if stripped != k:
            entry = cat.by_key.get(stripped)
    return entry


@dataclass(frozen=True, slots=True)
class CueHit:
    cls: str
    cue: str  # the cue as written (lower-cased)
    distance: int  # characters between the cue's end and the opening quote


_BREAKS = (";", "\n", "!", "?", "…", ". ")
_BREAK = re.compile(r"[;\n!?…]|\. ")
_WORD_PUNCT = ",:()[]\"“”«»'‘’-–—"
_NEAR = 48  # the last few words before a quote, where its cue nearly always stands


def context_before(text: str, pos: int, lo: int) -> tuple[CueHit | None, bool]:
    """The cue that governs a quote opening at ``pos``, looking back no further than ``lo``.

    Returns the nearest cue whose reach covers ``pos`` after the last clause break, and
    whether a break was met (a list cannot continue across it; only meaningful when no cue
    is found). Works on words, not a regex over the text: this runs once per quotation and
    must cost microseconds. The last ``_NEAR`` characters are tried first; the whole window
    only when they hold a break or no cue far enough from their (possibly cut) first word.
    """
    table = cue_table()
    near = pos - _NEAR
    if near > lo:
        gap = text[near:pos]
        if _BREAK.search(gap) is None:
            words = gap.lower().split()[1:]  # the first word may be cut
            hit, i = _nearest(table, gap, words)
            if hit is not None and i >= table.max_words - 1:  # every longer cue fits in words
                return hit, False
    gap = text[lo:pos]
    cut = max(gap.rfind(";"), gap.rfind("\n"), gap.rfind("!"), gap.rfind("?"), gap.rfind("…"), gap.rfind(". "))
    broke = cut >= 0
    if broke:
        gap = gap[cut + 1:]
    words = gap.lower().split()
    if not words:
        return None, broke
    return _nearest(table, gap, words)[0], broke


def _nearest(table: CueTable, gap: str, words: list[str]) -> tuple[CueHit | None, int]:
    """The cue ending nearest the end of ``gap`` (its words given), with the index of its last word.

    Words are stripped of punctuation only when looked at (the cue is usually the last word or
    two); a word whose stripped form ends no cue costs one dictionary lookup.
    """
    by_last = table.by_last
    max_reach = table.max_reach
    dist = len(gap) - len(gap.rstrip())
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        rows = by_last.get(w.strip(_WORD_PUNCT))
        if rows is not None:
            prev = None  # the word before, stripped: most longer cues fail on it
            for cue_words, row in rows:
                k = len(cue_words)
                if i + 1 < k or dist > row.reach:
                    continue
                if k > 1:
                    if prev is None:
                        prev = words[i - 1].strip(_WORD_PUNCT)
                    if prev != cue_words[-2] or (
                            k > 2 and tuple(x.strip(_WORD_PUNCT) for x in words[i + 1 - k:i - 1]) != cue_words[:-2]):
                        continue
                return CueHit(row.cls, " ".join(words[i + 1 - k:i + 1]).strip(_WORD_PUNCT), dist), i
        dist += len(w) + 1
        if dist > max_reach:
            break
    return None, -1


def content_class(lite: str) -> str | None:
    """``award_name`` / ``slogan_name`` / ``negative`` when the quoted words alone rule it out.

    ``lite`` is the name's ``lite_key``.
    """
    for prefix, cls in cue_table().content_prefixes:
        if lite.startswith(prefix):
            return cls
    for neg in catalogue().negative_keys:  # a slogan cut short or run on: "Thi đua là yêu nước…"
        if lite.startswith(neg) or (len(lite) > 15 and neg.startswith(lite)):
            return "negative"
    return None


_GENERIC = re.compile(
    r"^(?:các\s+)?(?:phong trào|cuộc vận động|thi đua|đợt thi đua)(?:\s+thi đua)?(?:\s+yêu nước)?"
    r"(?:\s+(?:năm|giai đoạn)\s+[\d\s-]+)?$"
)


def is_generic(lite: str) -> bool:
    """``phong trào thi đua yêu nước năm 2024`` names no particular movement."""
    return bool(_GENERIC.match(lite))
