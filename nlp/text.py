"""Vietnamese text helpers shared by every finder: NFC, folding, numbers, sentences.

Offsets are sacred: nothing here changes the length of the text it is given, except
``normalize_text`` which runs once, before any offset is taken.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

# Characters that carry no meaning for extraction but break matching: zero-width marks are
# dropped, odd spaces become plain spaces. This runs once, before any offset is taken.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ODD_SPACES = "\u00a0\u2007\u202f\u3000\t\x0b\x0c"
_CLEAN = [(c, "") for c in _ZERO_WIDTH] + [(c, " ") for c in _ODD_SPACES]
_CLEAN_CHARS = _ZERO_WIDTH + _ODD_SPACES + "\r"


def normalize_text(s: str, *, nfc: bool = True) -> str:
    """NFC, one newline convention, no zero-width characters, plain spaces.

    Line structure is kept (it separates headlines, captions and paragraphs); runs of spaces
    are kept too. Clean NFC text costs two scans and no copy; ``str.replace`` per odd character
    present is ~50x faster than ``str.translate`` with a table, and one ``in`` per odd character
    (memchr) ~10x faster than a character-class search.
    """
    if any(c in s for c in _CLEAN_CHARS):
        if "\r" in s:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        for c, repl in _CLEAN:
            if c in s:
                s = s.replace(c, repl)
    if nfc and not unicodedata.is_normalized("NFC", s):  # nfc=False: the caller has just done it
        s = unicodedata.normalize("NFC", s)
    return s


_COMBINING = re.compile("[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(s: str) -> str:
    """Lower-case, strip diacritics, ``đ``→``d`` (NFKD leaves ``đ`` alone): a lookup key.

    >>> fold("Đống Đa")
    'dong da'
    """
    s = s.lower()
    if "đ" in s:
        s = s.replace("đ", "d")
    if s.isascii():
        return s
    return _COMBINING.sub("", unicodedata.normalize("NFKD", s)).replace("ð", "d")


DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
QUOTE_CHARS = "\"'“”‘’«»„‟"


def key(s: str) -> str:
    """A canonical key for names: folded, dashes and quotes unified, spaces collapsed."""
    s = fold(s.translate(DASHES))
    s = re.sub(r"\s*-\s*", " - ", s)
    s = re.sub(r"[" + QUOTE_CHARS + r"]", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    return s


def parse_int(s: str) -> int | None:
    """Vietnamese integers: ``.`` groups thousands (``1.774`` = 1774); ``03`` = 3.

    A decimal comma means the value is not a count (``8.602,658``): returns None.
    """
    s = s.strip()
    if "," in s:
        return None
    if re.fullmatch(r"\d{1,3}(?:[.\s]\d{3})+", s):
        s = re.sub(r"[.\s]", "", s)
    if not s.isdigit():
        return None
    return int(s)


# A sentence ends at . ! ? … followed by space and a capital (or an opening quote), or at a
# line break. Abbreviations such as "TP." / "Q." / "TS." do not end a sentence.
_ABBREV = {
    "tp", "tx", "tt", "q", "h", "p", "x", "ts", "ths", "pgs", "gs", "bs", "ks", "đ/c", "ông", "bà",
    "st", "nxb", "mr", "ms", "dr", "v.v", "vv", "ubnd", "tw",
}
# Written to start with one character class: the regex engine then skips ahead to candidate
# characters in C (4x faster than a leading alternation on 10 KB articles).
_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|[.!?…]*[\"”’)»]*(?=\s+[\"“‘(«]?[A-ZĐÀ-Ỹ0-9]))")


_LAST_WORD = re.compile(r"[\wĐđ/]+$")


def split_sentences(text: str, pos: int = 0, *, one_line: bool = False) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering the text, stripped of outer spaces.

    ``one_line``: only the sentences of the line that starts at ``pos`` (the character after a
    line break, or 0). A sentence never crosses a line break and the scan is in the same state
    at every line start, so these are exactly the whole text's sentences on that line.
    """
    spans: list[tuple[int, int]] = []
    start = pos
    for m in _SENT_END.finditer(text, pos):
        at = m.start()
        if text[at] == "\n":
            end = at
        else:
            if text[at] == ".":
                word = _LAST_WORD.search(text, max(start, at - 6), at)
                if word and word.group().lower() in _ABBREV:
                    continue
            end = m.end()
        _push(text, start, end, spans)
        if one_line and end == at:
            return spans
        start = m.end()
    _push(text, start, len(text), spans)
    return spans


def _push(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


@dataclass
class Context:
    """A document as the finders see it: the normalised text and what is known about it."""

    text: str
    published: date | None = None  # from metadata, or found in the text's header
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    # Sentences split line by line, when asked for: (starts, spans) per line start. Half the
    # lines of an article hold no fact that needs its sentence.
    _lines: dict[int, tuple[list[int], list[tuple[int, int]]]] = field(default_factory=dict, repr=False)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        spans = split_sentences(self.text)
        self._sentence_starts = [s for s, _ in spans]
        return spans

    @cached_property
    def _newlines(self) -> list[int]:
        text, out, i = self.text, [], self.text.find("\n")
        while i >= 0:
            out.append(i)
            i = text.find("\n", i + 1)
        return out

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence span containing ``pos`` (or the nearest one before it)."""
        text = self.text
        if 0 <= pos < len(text) and text[pos] != "\n":
            # the line's start by bisection: rfind per call is quadratic on a page without line breaks
            k = bisect_right(self._newlines, pos)
            ls = self._newlines[k - 1] + 1 if k else 0
            line = self._lines.get(ls)
            if line is None:
                spans = split_sentences(text, ls, one_line=True)
                line = self._lines[ls] = ([s for s, _ in spans], spans)
            i = bisect_right(line[0], pos) - 1
            if i >= 0:
                return line[1][i]
        # before the first sentence of its line, or on a line break: look in the whole text
        spans = self.sentences
        if not spans:
            return (0, len(text))
        i = max(0, bisect_right(self._sentence_starts, pos) - 1)
        return spans[i]
