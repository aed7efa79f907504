"""Vietnamese calendar-date building blocks shared by the dates and references finders.

Patterns are strings (composed into bigger regexes by the finders) built from bounded
pieces only, so every regex stays linear-time. Values are validated with ``datetime``.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache
from itertools import islice
from pathlib import Path

DATA = Path(__file__).parent / "data"

DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
# Same separator on both sides: 07/4/2014, 24-1-2022, 14.5.2011.
FULL_CORE = rf"(?:{DAY}/{MONTH}/{YEAR}|{DAY}-{MONTH}-{YEAR}|{DAY}\.{MONTH}\.{YEAR})(?!\d)"
# ngày 07 tháng 4 năm 2014 (the leading "ngày" is part of the surface)
TEXTUAL_CORE = rf"[Nn]gày\s{{1,3}}{DAY}\s{{1,3}}tháng\s{{1,3}}{MONTH}\s{{0,3}},?\s{{0,3}}năm\s{{1,3}}{YEAR}(?!\d)"
# Day and month only: 09/3, 26-11 (a year must come from elsewhere).
DM_CORE = rf"{DAY}[/\-]{MONTH}(?![\d/\-]|\.\d)"

YEAR_MIN, YEAR_MAX = 1800, 2100


def make_date(d: int, m: int, y: int) -> date | None:
    """A real calendar date, or None (31/2, month 13, years outside 1800–2100)."""
    if not YEAR_MIN <= y <= YEAR_MAX:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def infer_year(d: int, m: int, published: date | None, not_after: bool = False) -> date | None:
    """The date d/m nearest to ``published`` (an article of 2 Jan speaks of 28/12 last year);
    with ``not_after``, the latest one on or before it (a document the article cites exists)."""
    if published is None:
        return None
    best: date | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        cand = make_date(d, m, y)
        if cand is None or not_after and cand > published:
            continue
        if best is None or abs((cand - published).days) < abs((best - published).days):
            best = cand
    return best


# The time of what a sentence tells, written with its year: "cuối năm 2021", "trong năm 2023",
# "tháng 11/2021", "tháng 11 năm 2021", or "Năm 2021," opening the sentence. Not any year: "tổng
# kết phong trào năm 2022" is held in 2023, and a cited document's date is its own.
_TIME_YEAR = re.compile(r"(?<!\w)(?:(?:[Cc]uối|[Đđ]ầu|[Gg]iữa|[Tt]rong|[Hh]ồi|[Vv]ào|[Ss]ang)\s{1,3}năm\s{1,3}"
                        r"|[Tt]háng\s{1,3}\d{1,2}\s{0,2}(?:[/\-.]\s{0,2}|,?\s{1,3}năm\s{1,3}))((?:19|20)\d\d)(?!\d)")
_YEAR_REACH = 300  # characters looked back (a run-away sentence must not be rescanned per date)
_LEAD_YEAR = re.compile(r"[Nn]ăm\s{1,3}((?:19|20)\d\d)\s{0,2},")


def context_year(text: str, start: int, pos: int) -> int | None:
    """The year of the time the sentence ``text[start:pos]`` sets before a day-month: in "Cuối năm
    2021, UBND tỉnh ban hành Kế hoạch … ngày 26-11" it gives 26-11 its year, not the article's date."""
    lo = max(start, pos - _YEAR_REACH)
    if text.find("năm", lo, pos) < 0 and text.find("áng", lo, pos) < 0:  # what both patterns hold
        return None
    last = None
    for last in _TIME_YEAR.finditer(text, lo, pos):
        pass
    if last is None and pos - start <= _YEAR_REACH:
        last = _LEAD_YEAR.match(text, start, pos)
    return int(last.group(1)) if last else None


_DIGITS = re.compile(r"\d+")


def numbers(s: str) -> list[int]:
    return list(map(int, _DIGITS.findall(s)))


def parse_full(s: str) -> date | None:
    """``07/4/2014`` or ``ngày 07 tháng 4 năm 2014`` → date."""
    n = numbers(s)
    return make_date(n[0], n[1], n[2]) if len(n) == 3 else None


def parse_partial(s: str, published: date | None, not_after: bool = False, year: int | None = None) -> date | None:
    """A full date, or a day-month completed with ``year`` (from its context) or else from the
    article's own date (see ``infer_year``)."""
    n = numbers(s)
    if len(n) == 3:
        return make_date(*n)
    if len(n) == 2:
        return make_date(n[0], n[1], year) if year is not None else infer_year(n[0], n[1], published, not_after)
    return None


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``nlp/data/<name>.tsv`` (header line names the columns; ``#`` lines skipped)."""
    with open(DATA / name, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return tuple(dict(r) for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def words_alt(phrases: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s{1,3}".join(map(re.escape, p.split())) for p in ordered)


_START = re.Match.start


def anchor_windows(anchors: list[tuple[str | None, re.Pattern[str], int]], text: str,
                   after: int) -> list[tuple[int, int]] | None:
    """Merged ``[p-before, p+after]`` windows around the anchors, clipped to the text; None
    when anchors are dense (adversarial input): the caller then scans the whole text in one
    regex call. Each anchor is (literal, regex starting with that literal, before): a regex led
    by a literal is scanned ~8x faster than one led by a character class; for a rare literal,
    an ``in`` test skips the pass when it is absent (None: always scan)."""
    limit = len(text) // 40 + 200
    spans: list[tuple[int, int]] = []
    for lit, rx, before in anchors:
        if not lit or lit in text:
            spans += [(p - before, p + after) for p in map(_START, islice(rx.finditer(text), limit + 1))]
            if len(spans) > limit:
                return None
    spans.sort()
    out: list[tuple[int, int]] = []
    ws = we = -1
    for s, e in spans:
        if s <= we:
            if e > we:
                we = e
        else:
            if we >= 0:
                out.append((ws, we))
            ws, we = max(0, s), e
    if we >= 0:
        out.append((ws, min(we, len(text))))
    return out


def scan_windows(text: str, wins: list[tuple[int, int]], starts: re.Pattern[str], match) -> list[re.Match[str]]:
    """Grammar matches (``match(text, pos)``) tried only at plausible ``starts`` inside the windows.
    After a match the next start is searched from its end (as the gated whole-text scan does);
    ``search`` calls are cheaper than a ``finditer`` per window (~2 starts per window)."""
    out = []
    done = 0
    search = starts.search
    for ws, we in wins:
        if we <= done:
            continue
        pos = ws if ws > done else done
        while st := search(text, pos, we):
            if m := match(text, st.start()):
                done = pos = m.end()
                out.append(m)
                if pos >= we:
                    break
            else:
                pos = st.end()
    return out


def gated(starts: re.Pattern[str], grammar: re.Pattern[str]) -> re.Pattern[str]:
    """The grammar behind a lookahead on the start pattern: one C-level scan for dense input."""
    return re.compile(rf"(?=(?:{starts.pattern}))(?:{grammar.pattern})")
