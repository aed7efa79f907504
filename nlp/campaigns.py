"""Named movements and campaigns: ``phong trào thi đua “Dân vận khéo”``, ``Cuộc vận động …``.

Two passes over the text, both linear:

1. Quoted names. Every quotation is found in one scan (curly, straight, « », mixed and
   unbalanced quotes); the cue before it (``campaign_cues.tsv``) says whether it names a movement,
   an award title, a theme, a slogan, a document title or something else. A list continues the
   class of its first item (``như: “A”, “B”, “C”``).
2. Unquoted names from the catalogue (``campaigns.yaml``): right after a movement cue, or
   verbatim for names distinctive enough to stand alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from thidua.nlp.campaign_classifier import (
    CUE_BEFORE,
    CUE_BEFORE_ENDS,
    CUE_TAILS,
    NEGATIVE,
    SEP_BEFORE,
    CueHit,
    Entry,
    catalogue,
    content_class,
    context_before,
    fast_key_cached,
    is_generic,
    lite_key,
    lookup,
    name_pattern,
    tone_variants,
)
from thidua.nlp.models import Campaign, Reference
from thidua.nlp.text import Context

_QUOTE = re.compile(r"[“”\"«»\n]")
_OPENERS = "“«\""
_OPEN = re.compile(r"[“«\"]")
MAX_QUOTE = 300  # a quotation longer than this is taken as never closed
LOOK_BACK = 240  # how far before a quote its cue is looked for
_SEP_ONLY = re.compile(r"[\s,;]*(?:(?:và|hoặc|cùng)\s+)?[\s,;]*")
_STRIP_TAIL = " \t,.;:…!?-–—"
_SPEECH = re.compile(r"[.!?]\s+[A-ZĐÀ-Ỹ]")  # a quoted sentence break: direct speech, not a name
_UNCLOSED_END = re.compile(r"[.;!?(\n]")
_LIST_NEXT = re.compile(r"[”\"»]?\s*(?:[,;]|và)\s+(?=\w)")
_DOC_AFTER_REF = re.compile(r"\s*(?:về(?:\s+việc)?\s*)?")


@dataclass(slots=True)
class Quote:
    open: int  # position of the opening quote mark
    end: int  # end of the content (the closing mark, or where the quote was given up)
    close: int  # end of the whole quotation, closing mark included
    closed: bool


def scan_quotes(text: str) -> list[Quote]:
    """Quotations in text order. An opening mark inside an open quote ends it (unbalanced
    quotes are common in real text); so do a line break and ``MAX_QUOTE`` characters.

    The next opening mark is the nearest of three ``str.find`` positions, each refreshed only
    once passed (a regex character class would test every character of the text, ~8x slower);
    then one search for the next mark or line break inside the quote.
    """
    out: list[Quote] = []
    n = len(text)
    find = text.find
    curly, guil, straight = find("“"), find("«"), find('"')
    if curly < 0:
        curly = n
    if guil < 0:
        guil = n
    if straight < 0:
        straight = n
    pos = 0
    search = _QUOTE.search
    while True:
        if curly < pos:
            curly = find("“", pos)
            if curly < 0:
                curly = n
        if guil < pos:
            guil = find("«", pos)
            if guil < 0:
                guil = n
        if straight < pos:
            straight = find('"', pos)
            if straight < 0:
                straight = n
        o = min(curly, guil, straight)
        if o >= n:
            break
        nxt = search(text, o + 1)
        if nxt is None:
            end = min(n, o + 1 + MAX_QUOTE)
            out.append(Quote(o, end, end, False))
            break
        p = nxt.start()
        c = text[p]
        if p - o > MAX_QUOTE:  # given up; the mark at p is read as if nothing were open
            end = o + 1 + MAX_QUOTE
            out.append(Quote(o, end, end, False))
            pos = p if c in _OPENERS else p + 1
        elif c == "\n":
            out.append(Quote(o, p, p, False))
            pos = p + 1
        elif c in "“«":  # a new quote opens: the open one was never closed
            out.append(Quote(o, p, p, False))
            pos = p
        else:  # ” » or a straight quote closes whatever is open
            out.append(Quote(o, p, p + 1, True))
            pos = p + 1
    return out


def _name_span(text: str, q: Quote) -> tuple[int, int]:
    start, end = q.open + 1, q.end
    if not q.closed:  # never closed: the name runs to the first clause break at most
        m = _UNCLOSED_END.search(text, start, end)
        if m:
            end = m.start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _STRIP_TAIL:
        end -= 1
    return start, end


@lru_cache(maxsize=8192)
def _name_facts(name: str) -> tuple[bool, Entry | None, bool, bool]:
    """What the quoted words alone say (cached: the same names recur across articles):
    ruled out by their content; catalogue entry; unusable as a free name (generic, a speech,
    no letter); lower-case and so a name only right after its cue (and never with " là ")."""
    lite = lite_key(name)
    if content_class(lite):
        return True, None, True, True
    entry = lookup(name, lite)
    first = next((ch for ch in name if ch.isalpha()), "")
    unusable = (not first or is_generic(lite) or name.count(" ") > 45
                or _SPEECH.search(name) is not None or (first.islower() and " là " in name))
    return False, entry, unusable, first.islower()


@lru_cache(maxsize=8192)
def _entry_of(name: str) -> Entry | None:
    """``lookup(name)``, cached: the same names recur across articles."""
    return lookup(name)


def _decide(name: str, hit: CueHit | None, inherited: bool, closed: bool,
            facts: tuple[bool, Entry | None, bool, bool] | None = None) -> tuple[Entry | None, float] | None:
    """Whether a quoted text is a campaign: (catalogue entry or None, confidence), or None."""
    if hit is not None and hit.cls in NEGATIVE:
        return None
    ruled_out, entry, unusable, lower = facts or _name_facts(name)
    if ruled_out:
        return None
    if entry is not None:
        return entry, 0.95 if hit is not None and hit.cls == "campaign" else 0.85
    if hit is None or hit.cls != "campaign" or unusable:
        return None
    adjacent = hit.distance <= 12 and not inherited
    if lower and not adjacent:
        return None  # lower-case after a distant cue: a phrase or a motto, not a name
    confidence = 0.9 if adjacent else 0.75
    return None, confidence - (0.0 if closed else 0.2)


def _doc_title_after_ref(text: str, pos: int, ref_ends: list[int]) -> bool:
    """A quote right after a reference (``Chỉ thị số 34-CT/TW … về “…”``) is its title."""
    i = bisect_right(ref_ends, pos) - 1
    return i >= 0 and pos - ref_ends[i] <= 12 and _DOC_AFTER_REF.fullmatch(text, ref_ends[i], pos) is not None


class _Pending:
    """A quotation's cue, worked out only when something reads it: a third of the quotes are
    ruled out by their words alone, and their cue matters only if a list goes on after them."""

    __slots__ = ("open", "lo", "prev_close", "prev", "hit", "inherited", "done")

    def __init__(self, open_: int, lo: int, prev_close: int, prev: CueHit | _Pending | None) -> None:
        self.open, self.lo, self.prev_close, self.prev = open_, lo, prev_close, prev
        self.hit: CueHit | None = None
        self.inherited = False
        self.done = False


def _hit_of(text: str, state: CueHit | _Pending | None) -> CueHit | None:
    if type(state) is not _Pending:
        return state
    if not state.done:
        chain = []  # cues that take the previous quote's cue (a list), resolved oldest first
        p = state
        while True:
            hit, broke = context_before(text, p.open, p.lo)
            p.hit = hit
            if not (hit is None and not broke and p.prev_close >= 0 and p.open - p.prev_close <= 120
                    and text[p.prev_close:p.open].lstrip().startswith(",")):
                p.done = True
                break
            chain.append(p)
            if type(p.prev) is not _Pending or p.prev.done:
                break
            p = p.prev
        for p in reversed(chain):
            prev_hit = p.prev.hit if type(p.prev) is _Pending else p.prev
            if prev_hit is not None and prev_hit.cls == "campaign":
                p.hit, p.inherited = prev_hit, True  # a list that goes on after an unquoted item
            p.done = True
    return state.hit


def _quoted(text: str, quotes: list[Quote], ref_ends: list[int]) -> list[tuple[Campaign, int]]:
    """Campaigns named in quotes, each with the end of its quotation (for list continuation)."""
    found: list[tuple[Campaign, int]] = []
    prev: Quote | None = None
    prev_state: CueHit | _Pending | None = None
    for q in quotes:
        start, end = _name_span(text, q)
        if end - start < 3:  # nothing to name; a list may still go on past it
            prev = q
            continue
        state: CueHit | _Pending | None
        listed = False
        if prev is not None and q.open - prev.close <= LOOK_BACK and _SEP_ONLY.fullmatch(text, prev.close, q.open):
            state, listed = prev_state, True
        else:
            lo = max(0, q.open - LOOK_BACK, prev.close if prev is not None else 0)
            state = _Pending(q.open, lo, prev.close if prev is not None else -1, prev_state)
        if ref_ends and _doc_title_after_ref(text, q.open, ref_ends):
            state = CueHit("doc_title", "về", 0)
        prev, prev_state = q, state
        name = text[start:end]
        facts = _name_facts(name)
        if facts[0] or (facts[1] is None and facts[2]):
            continue  # ruled out, or no catalogue name and unusable: no campaign whatever the cue
        hit = _hit_of(text, state)
        inherited = listed or (type(state) is _Pending and state.inherited)
        verdict = _decide(name, hit, inherited, q.closed, facts)
        if verdict is None:
            continue
        entry, confidence = verdict
        found.append((_campaign(text, start, end, entry, hit.cue if hit else None, confidence, name), q.close))
    return found


def _campaign(text: str, start: int, end: int, entry: Entry | None, cue: str | None, confidence: float,
              name: str | None = None) -> Campaign:
    if name is None:
        name = text[start:end]
    canonical = entry.name if entry is not None else name
    return Campaign(surface=name, start=start, end=end, name=name, key=fast_key_cached(canonical),
                    canonical=canonical, cue=cue, confidence=round(confidence, 2))


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """``pos`` lies inside one of ``spans`` (sorted, disjoint)."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_COLON_TAILS = ("như:", "gồm:")  # cue tails that end in a colon (three letters before it)

# Letters that ignore-case match only themselves and their upper case (checked over every code
# point; "i", "k", "s" also match "İ", "K" (Kelvin), "ſ"…).
_CASE_SAFE = "abcdefghjlmnopqrtuvwxyzđ"


def _names_pattern() -> str:
    """Every catalogue name that may stand unquoted, as one case-insensitive regex (no end
    check): the union of the ``first_words`` matchers, grouped by first letter. Each letter is
    written in both cases outside ``(?i:…)``, so the engine rejects the other letters with one
    comparison each. A gate only: a name any matcher finds, this finds too."""
    by_char: dict[str, list[str]] = {}
    other: list[str] = []
    for e in catalogue().entries:
        if e.negative is not None or e.unquoted not in ("anywhere", "after_cue"):
            continue
        for n in (e.name, *e.aliases):
            for v in tone_variants(n.lower()):
                p, c = name_pattern(v), re.escape(v[0])
                if v[0] in _CASE_SAFE and p.startswith(c):
                    by_char.setdefault(v[0], []).append(p[len(c):])
                else:
                    other.append("(?i:" + p + ")")
    alts = []
    for c, rests in sorted(by_char.items()):
        inner = "(?i:" + "|".join(sorted(set(rests))) + ")"
        alts += [re.escape(cc) + inner for cc in sorted({c, c.upper()})]
    return "(?:" + "|".join(alts + other) + ")"


@lru_cache(maxsize=1)
def _gates() -> tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str]]:
    """Regexes that reject, inside the engine, the places where no catalogue name can start.

    * The common cue tails ("hong trào", "hi đua": nearly all cue hits, and they cannot
      overlap each other, so finditer sees every occurrence), kept only when a catalogue name
      follows after whitespace, colons and "thi đua" / "đặc biệt" (a loose form of
      ``after_cue``'s skip); the other tails, but those ending in a colon, come back for
      ``str.find``.
    * ``_LIST_NEXT`` (whose match end is unique) followed by a catalogue name.

    Both only pre-select: every place they keep goes through ``after_cue`` / ``_LIST_NEXT``
    and ``match_at`` exactly as before, and every place they drop would have found nothing.
    """
    names = _names_pattern()
    common = ("hong trào", "hi đua")
    assert set(common) <= set(CUE_TAILS) and all(t[0] == "h" for t in common)
    more = r"[\s:]*(?:" + names + r"|thi\s+đua|đặc\s+biệt)"
    tails = re.compile("h(?:" + "|".join(re.escape(t[1:]) for t in common) + r")(?=[\s:]*(?:"
                       + names + r"|thi\s+đua" + more + r"|đặc\s+biệt" + more + "))")
    list_next = re.compile(_LIST_NEXT.pattern + "(?=" + names + ")")
    assert {t for t in CUE_TAILS if t.endswith(":")} == set(_COLON_TAILS) and all(len(t) == 4 for t in _COLON_TAILS)
    return tails, tuple(t for t in CUE_TAILS if t not in common and t not in _COLON_TAILS), list_next


def _unquoted(text: str, quoted_spans: list[tuple[int, int]], ends: set[int],
              quoted_starts: set[int]) -> list[Campaign]:
    """Catalogue names written without quotes: after a movement cue (or after another campaign
    in a list), or, for distinctive names, on their own. Never inside a quotation: a name
    quoted there is the quoted pass's, and the words of a longer quoted name are not a second
    campaign (“Cả nước thi đua xây dựng xã hội học tập, …”)."""
    cat = catalogue()
    hits: list[tuple[int, int]] = []

    def match_at(i: int) -> int | None:
        word = text[i:i + 12].split(maxsplit=1)
        matcher = cat.first_words.get(word[0].lower().rstrip(",")) if word else None
        if matcher is not None and (i == 0 or not text[i - 1].isalnum()):
            m = matcher.match(text, i)
            if m:
                return m.end()
        return None

    # After a movement cue. "phong trào" and "thi đua" (nearly all cue hits) come from one
    # literal-prefixed regex whose lookahead already wants a catalogue name after the skipped
    # words (see _gates); "vận động" from str.find, "như:" / "gồm:" from the colons.
    after_cue = cat.after_cue.match
    tails_re, rare, list_gate = _gates()
    for m0 in tails_re.finditer(text):
        m = after_cue(text, m0.end())
        if m is not None and (e := match_at(m.end())) is not None:
            hits.append((m.end(), e))
    for tail in rare:
        i = text.find(tail)
        while i >= 0:
            m = after_cue(text, i + len(tail))
            if m is not None and (e := match_at(m.end())) is not None:
                hits.append((m.end(), e))
            i = text.find(tail, i + 1)
    i = text.find(":")  # "như:", "gồm:": one search for the colon instead of one per cue
    while i >= 0:
        if text[i - 3:i + 1] in _COLON_TAILS:
            m = after_cue(text, i + 1)
            if m is not None and (e := match_at(m.end())) is not None:
                hits.append((m.end(), e))
        i = text.find(":", i + 1)
    # … distinctive names on their own (one regex pass for all their first words) …
    for m in cat.scan.finditer(text):
        if (e := match_at(m.start())) is not None:
            hits.append((m.start(), e))
    # … and names after a campaign in a list.
    for e in list(ends):
        if list_gate.match(text, e) is None:
            continue
        m = _LIST_NEXT.match(text, e)
        if m and (e2 := match_at(m.end())) is not None:
            hits.append((m.end(), e2))
    if not hits:
        return []
    starts = [s for s, _ in quoted_spans]
    found: list[Campaign] = []
    last_end = -1
    for s, e in sorted(hits, key=lambda h: (h[0], -h[1])):
        if s < last_end or s in quoted_starts or _inside(quoted_spans, starts, s):
            continue  # a shorter alias inside a longer match, or inside a quotation
        entry = _entry_of(text[s:e])
        if entry is None or entry.negative:
            continue
        before = text[max(0, s - 40):s].lower()
        # CUE_BEFORE ends in a cue word, then whitespace and at most one colon: test that first.
        tail = before.rstrip()
        if tail.endswith(":"):
            tail = tail[:-1].rstrip()
        cue_m = CUE_BEFORE.search(before) if tail.endswith(CUE_BEFORE_ENDS) else None
        cue: str | None = cue_m.group().strip(" :") if cue_m else None
        confidence = 0.85
        if cue is None and SEP_BEFORE.search(before):
            j = s - (len(before) - len(before.rstrip())) - 1
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if j in ends or j - 1 in ends or j + 1 in ends:
                cue = "list"
        if cue is None:
            if entry.unquoted != "anywhere" or not text[s].isupper():
                continue
            hit, _ = context_before(text, s, max(0, s - LOOK_BACK))
            if hit is not None and hit.cls in NEGATIVE:
                continue
            cue, confidence = (hit.cue if hit else None), 0.8
        found.append(_campaign(text, s, e, entry, cue, confidence))
        ends.add(e)
        last_end = e
        while (list_gate.match(text, last_end) is not None and (m := _LIST_NEXT.match(text, last_end))
               and (e2 := match_at(m.end())) is not None):
            entry = _entry_of(text[m.end():e2])  # the list goes on: ", Cựu chiến binh gương mẫu"
            if entry is None or entry.negative or _inside(quoted_spans, starts, m.end()):
                break
            found.append(_campaign(text, m.end(), e2, entry, "list", 0.8))
            ends.add(e2)
            last_end = e2
    return found


def find_campaigns(ctx: Context, references: list[Reference] | None = None) -> list[Campaign]:
    """Named campaigns in text order, one per mention; ``text[start:end] == surface``."""
    text = ctx.text
    quotes = scan_quotes(text)
    ref_ends = sorted(r.end for r in references or ())
    quoted = _quoted(text, quotes, ref_ends)
    ends = {close for _, close in quoted} | {c.end for c, _ in quoted}
    spans = [(q.open, q.close if q.closed else _name_span(text, q)[1]) for q in quotes]
    found = [c for c, _ in quoted] + _unquoted(text, spans, ends, {c.start for c, _ in quoted})
    found.sort(key=lambda c: c.start)
    # Outside the catalogue, a campaign's display name is its first-seen surface form.
    first_seen: dict[str, str] = {}
    for c in found:
        if c.canonical == c.surface and c.confidence < 0.95 and _entry_of(c.name) is None:
            c.canonical = first_seen.setdefault(c.key, c.surface)
    return found
