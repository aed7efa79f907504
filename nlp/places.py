"""Administrative units named in a text: ``huyện Thạch Thất``, ``TP.HCM``, ``các xã A, B và C``.

Two linear-time scans find unit-type prefixes followed by a capitalised name or number
(prefixes and their levels are data: ``data/unit_prefixes.tsv``, Party committees such as
``Huyện ủy Trà Ôn`` among them) and bare province names.  The prefix decides the level; the
name must be in the gazetteer (both eras; a unit merged away before its snapshot, such as
``phường Cát Dài``, by the package's folded key where no unit of the snapshot fits), except for
a few confidently-shaped unknown names (never after a committee).  One or two modifiers may
stand between a prefix and its name (``huyện miền núi Yên Lập``, ``huyện đảo Cô Tô``; the table's
"modifier" rows), never before a name of a higher level (``các huyện miền núi Thanh Hóa``: the
province).  One plural prefix, or several named together (``các xã, thị trấn``: each unit takes
the level of its own type), introduces a list, directly (``các xã A, B``) or after a few
lower-case words and ``như``/``gồm``/a colon (``các xã vùng cao như A, B``); after
``gồm``/``như``, a list may take the plural prefix of an earlier clause or of the sentence
before (``… gồm các phường A, B; cụm 2 gồm C, D``) when its units are of the prefix's types and
lie in the districts (or the one province) the article has named.
Bare names are provinces (``Nghệ An phát động…``) or districts the same article also names
with a prefix, never numbers (``Quận 3`` only with its prefix) and never when the name is
part of a person's, outlet's or organisation's name.  Provinces and districts of ambiguous
names are chosen by the other places of the same article; a commune the gazetteer places
only where nothing else of the article is, in an article about another named province, is
left unplaced.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from thidua.nlp.gazetteer import LEVEL_OF_TYPE, Gazetteer, Unit, load, name_key
from thidua.nlp.models import Location
from thidua.nlp.text import Context, fold

PREFIXES_TSV = Path(__file__).resolve().parent / "data" / "unit_prefixes.tsv"
REFORM = date(2025, 7, 1)
WARD_LEVELS = ("ward", "commune", "town")

# Capitalised syllable (Vietnamese capitals; ``H'Drai``, ``M'Đrắk``) or a unit number.
_UP = "".join(
    c for c in map(chr, range(0x41, 0x1EFA))
    if c.isupper() and unicodedata.name(c, "").startswith("LATIN")
)
_SYL = rf"[{_UP}][^\W\d_]*(?:['’][^\W\d_]+)?"
_NUM = r"\d{1,2}(?!\d)"
_TOKEN = rf"(?:{_SYL}|{_NUM})"
# At most six tokens: bounded repetition keeps every attempt O(1), so the scan is linear.
_NAME = rf"{_TOKEN}(?:(?:[ ]{{1,2}}|[ ]?[-–][ ]?){_TOKEN}){{0,5}}"
_TOKEN_RE = re.compile(_TOKEN)

# After "các"/"những"/a count, one prefix introduces a list: "các xã A, B và C".
_PLURAL_RE = re.compile(r"(?:^|[\s(])(?:các|những|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d+)[ ]+$", re.I)
_LIST_NEXT_RE = re.compile(rf"(?:[ ]?[,;][ ]{{0,2}}(?:và[ ]+)?|[ ]+(?:và|cùng|với)[ ]+)(?P<name>{_NAME})")
# What a ``_LIST_NEXT_RE`` match must start with (a str.startswith test is cheaper than a match).
_LIST_LEADS = (",", ";", " ,", " ;", " v", " c", "  ")
# A list introduced by a plural prefix, a few lower-case words and "như"/"gồm"/"là"/a colon:
# "các xã vùng cao như A, B", "3 xã gồm: A, B và C", "4 xã đạt chuẩn nông thôn mới là A, B".
_INTRO_WORDS = ("như", "gồm", "là")
_INTRO_SPAN = 100  # characters looked back from the first name for the plural prefix
_INTRO_MOD = rf"(?:[ ]+(?:[^\W\d_{_UP}]+|\d{{1,4}})){{0,12}}?"  # lower-case words (and years)
# What a prefix window may say instead of a prefix: the name may be a list's first, after
# "như"/"gồm"/"là"/a colon (``intro_before``), or follow a modifier (``modified_before``).
_INTRO = (0, None)
_MODIFIED = (1, None)
# A list whose plural prefix is in an earlier clause: after "gồm"/"như", within this span.
_ANTECEDENT_INTRO_RE = re.compile(r"(?<!\w)(?:gồm|như)[ ]?:?[ ]{1,2}$")
_ANTECEDENT_SPAN = 300
# A unit number followed by one of these is a count, not a unit: "phường 3 năm liền".
_NUM_NOT_UNIT_RE = re.compile(r"[ ]?(?:%|năm|tháng|ngày|lần|người|hộ|tập|cá|đơn|xã|phường|chỉ|tiêu|triệu|tỷ|nghìn)(?!\w)")

# Words before a bare province name that make it part of an outlet or institution name.
_ORG_HEADS = frozenset(
    "báo đài tạp truyền pt-th ptth ptth. đh đại trường viện học công ty ngân tập nxb clb câu cổng "
    "khách sân nhà".split()
)
_ORG_PHRASES = ("Báo", "báo", "Đài", "Tạp chí", "Truyền hình", "PT-TH", "PTTH", "Đại học", "Học viện",
                "Bệnh viện", "Công ty", "Tập đoàn", "Ngân hàng", "Nhà xuất bản", "NXB", "CLB",
                "Câu lạc bộ", "Cổng thông tin", "Khách sạn", "Trường")
_ORG_RE = re.compile(r"(?:^|[\s(“\"])(?:" + "|".join(map(re.escape, _ORG_PHRASES)) + r")(?:[ ][^\s,.;:()]+){0,3}[ ]$")
_SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Trương Lâm Mai "
    "Trịnh Đoàn Cao Tạ Lưu Chu Kiều Quách Văn Thị Đình Hữu Đức Khúc Lương Mạc Tô Triệu Vương".split()
)
# Prefixed names never taken as unknown places: heads of organisations ("Tỉnh Đoàn").
_NOT_NAME_HEADS = frozenset(
    "đoàn ủy uỷ hội đội đảng công bộ sở ban phòng trường chi đài báo nhân chủ cộng việt nông "
    "thanh mặt liên ubnd hđnd".split()
)
_SENT_START_RE = re.compile(r"(?:^|[\n.!?:;…“\"(\[–-])[ ]*$")


@dataclass(frozen=True, slots=True)
class Prefix:
    surface: str
    case: str  # "i" any case, "s" exact
    level: str  # province, district, ward, commune, town, or "city"
    types: tuple[str, ...]
    example: str
    expected: str
    committee: bool = False  # a Party committee named by its unit (``Huyện ủy Trà Ôn``)


@cache
def _table() -> tuple[Prefix, ...]:
    with PREFIXES_TSV.open(encoding="utf-8") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(
        Prefix(r["surface"], r["case"], r["level"], tuple(r["types"].split(",")), r["example"], r["expected"],
               r["surface"].endswith(("ủy", "uỷ")))
        for r in csv.DictReader(rows, delimiter="\t")
    )


@cache
def prefixes() -> tuple[Prefix, ...]:
    """The prefix table, loaded once."""
    return tuple(p for p in _table() if p.level != "modifier")


@cache
def modifiers() -> tuple[Prefix, ...]:
    """Words that may stand between a prefix and its names (``các huyện miền núi A, B``): the
    table's "modifier" rows, longest first."""
    return tuple(sorted((p for p in _table() if p.level == "modifier"), key=lambda p: -len(p.surface)))


def _variants(name: str) -> set[str]:
    """Spellings of a province name seen in print: old tone placement, dash styles."""
    out = {name}
    for a, b in (("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
                 ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ")):
        out |= {v.replace(a, b) for v in out}
    if " - " in name:
        out |= {v.replace(" - ", d) for v in out for d in ("-", " – ", "–")}
    return out


def _trie(words: set[str]) -> dict:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _trie_pattern(node: dict) -> str:
    """An alternation factored as a trie, so the regex engine never retries a shared prefix."""
    end = "" in node
    alts = [re.escape(ch) + _trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if end else body


def _rest_pattern(node: dict) -> str:
    """A trie of name tails whose leaves check the whole name with a lookbehind."""
    alts = [re.escape(ch) + _rest_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    ends = "|".join(f"(?<={re.escape(w)})" for w in sorted(node.get("", ())))
    if ends:
        alts.append(f"(?:{ends})" if "|" in ends else ends)
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _case_variants(s: str) -> set[str]:
    """``thành phố``, ``Thành phố``, ``Thành Phố``, ``THÀNH PHỐ``."""
    return {s, s[0].upper() + s[1:], " ".join(w[:1].upper() + w[1:] for w in s.split(" ")), s.upper()}


# Provinces never taken bare: "Hồ Chí Minh" is far more often the president.
_NEVER_BARE = {"Hồ Chí Minh"}


class _Matcher:
    """The compiled scanner.

    A regex scan costs a few ns per character, but every *attempt* costs far more, and
    prefixes start with the commonest letters (t, h, p…).  So one scan starts where names
    start, at capitals and digits (a character set the engine skips to in C), and keeps
    only those (1) just after the last letters of some prefix (fixed-width lookbehinds; the
    exact prefix is then read from a short window), or (2) beginning a province name (a
    trie, entered through a one-character lookbehind on the capital just consumed).
    A hit of (1) is one character long; a hit of (2) spans the name.
    """

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self.by_surface: dict[str, Prefix] = {}  # exact ("s") rows as written, others lower-cased
        tails, behind, behind_words = [], set(), set()
        for p in sorted(prefixes(), key=lambda p: -len(p.surface)):
            for spelling in sorted(_variants(p.surface)):  # ``Huyện ủy``, ``Huyện uỷ``
                variants = {spelling} if p.case == "s" else _case_variants(spelling)
                self.by_surface[spelling if p.case == "s" else spelling.lower()] = p
                for v in variants:
                    if v.endswith("."):  # abbreviations with a dot may touch the name (TP.HCM)
                        behind |= {v[-2:] + sep for sep in ("", " ", "  ")}
                    else:
                        behind |= {v[-3:] + sep for sep in (" ", "  ")}
                if p.case == "i":
                    behind_words.add(spelling)
                body = r"[ ]".join(map(re.escape, spelling.split(" ")))
                tails.append(f"(?i:{body})" if p.case == "i" else body)
        # Words that may end a list's introduction ("như", "gồm", "xã:"), as few letters as
        # tell them: each letter added to the tests' classes lets more capitals through.
        colon = {(w + ":")[-2:] for w in (*behind_words, "gồm")}
        behind |= {w + " " for w in _INTRO_WORDS} | {c + " " for c in colon}
        self.prefix_tail = re.compile(rf"(?<![\w.])(?:{'|'.join(tails)})(?:(?<=\.)[ ]{{0,2}}|[ ]{{1,2}})$")
        # Cheap tests on the two characters before a capital reject most of them; the few
        # survivors are checked against the prefix table in Python (``prefix_before``).
        cls = lambda chars: "[" + re.escape("".join(sorted(chars))) + "]"  # noqa: E731
        words = {b[:-1] for b in behind if b.endswith(" ") and not b.endswith("  ") and "." not in b}
        dotted = {b[-2] for b in behind if b.endswith(".")}
        # Every test but one needs a space before the capital, the other a dot: the scan
        # branches on that character once (see below).
        tests = [f"(?<={''.join(cls({w[i] for w in words if len(w) == n}) for i in range(n))}[ ].)"
                 for n in sorted({len(w) for w in words})]
        tests += [rf"(?<={cls(dotted)}\.[ ].)", r"(?<=[ ][ ].)"]
        # Names after a modifier ("huyện miền núi |Yên Lập"): the last five characters before the
        # space ("n núi", "ng xa"; a short one after a prefix's last letter: "n đảo"), a class per
        # position first (it rejects nearly every capital at once), then the tails themselves
        # (the classes' products would let twice as many capitals through as the scan keeps).
        ends = {p.surface[-1] for p in prefixes() if p.case == "i"}  # modifiers are lower-case, so are their prefixes
        tails = {(c + " " + m.surface)[-5:] for m in modifiers() for c in ends}
        tests.append(f"(?<={''.join(cls({t[i] for t in tails}) for i in range(5))}[ ].)"
                     f"(?<=(?:{'|'.join(sorted(map(re.escape, tails)))})[ ].)")
        after_space = "|".join(tests)
        after_dot = rf"(?<={cls(dotted)}\..)"
        bare = {v for u in gz.provinces() if u.name not in _NEVER_BARE for v in _variants(u.name)}
        bare |= set(gz.bare_aliases)
        # Province names after their first character (already consumed by the scan), each
        # ending with a lookbehind on the whole name: one trie dispatches on the second
        # character instead of one lookbehind per possible first character.
        rest: dict = {}
        for w in bare:
            node = rest
            for ch in w[1:]:
                node = node.setdefault(ch, {})
            node.setdefault("", set()).add(w)
        bare_hit = _rest_pattern(rest)
        starts = "".join(sorted(set(_UP + "0123456789") | {w[0] for w in bare}))
        # A hit is a prefix hit (tried first) or a bare name.  The character before the
        # capital decides which tests can pass: a space (prefix tests, then a bare name), a dot
        # (the dotted prefix test only), any other non-word character (a bare name only);
        # after a word character (inside all-caps words and numbers) none can.
        bare_end = rf"(?:{bare_hit})(?!\w)"
        self.scan = re.compile(
            rf"[{re.escape(starts)}](?:(?<=[ ].)(?:{after_space}|{bare_end})"
            rf"|(?<=\..){after_dot}|(?<![\w. ].){bare_end})"
        )
        self.bare_only = re.compile(rf"[{re.escape(starts)}](?<![\w.].)(?:{bare_hit})(?!\w)")
        self.name = re.compile(_NAME)
        self._window_cache: dict[str, tuple[int, Prefix | None] | None] = {}
        # Lists introduced by a plural prefix ("các xã vùng cao như A, B"): the words just before
        # the first name are among the scan's prefix tests, so the window decides cheaply
        # (memoised); only then is the plural prefix looked for, a few dozen characters back.
        plain = sorted({v for p in prefixes() if p.case == "i" and not p.committee for v in _variants(p.surface)},
                       key=lambda v: -len(v))
        self.intro_words = tuple(plain)
        self.intro_tail = re.compile(
            rf"(?:(?<!\w)(?:như|gồm|là)[ ]?:?|(?<![\w.])(?i:{'|'.join(map(re.escape, plain))}):)[ ]{{1,2}}$"
        )
        # Words of prefixes: a failed name starting with one may hide a name behind it.
        self.prefix_words = frozenset(
            w.lower() for p in prefixes() for v in _variants(p.surface) for w in v.rstrip(".").split(" ")
        )
        self.intro = re.compile(
            rf"(?P<pre>(?i:{'|'.join(map(re.escape, plain))}))(?P<mod>{_INTRO_MOD})"
            r"(?:[ ]+(?:như|gồm|là)[ ]?:?|:)[ ]{1,2}$"
        )
        # Modifiers between a prefix and its names ("các huyện miền núi A, B"): the window ends
        # in a modifier's last word, then ``modified_before`` reads the words before it.
        self.modifiers = tuple(m.surface for m in modifiers())
        # The window must end in a whole modifier, as written ("ban hành", "Trung tâm" do not);
        # of one longer than the window, in its last words that fit ("đặc biệt |khó khăn").
        fits = set()
        for m in self.modifiers:
            words = m.split(" ")
            while len(" ".join(words)) > 11:
                words = words[1:]
            fits.add(" ".join(words))
        self.mod_tail = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(map(re.escape, fits)))})[ ]{{1,2}}$")
        # A plural prefix named with others ("các xã, |thị trấn A"): the last letters of prefixes,
        # and the two characters before a prefix that may follow another ("xã, |", "xã,|", "và |").
        self.prefix_ends = frozenset(c for w in plain for c in (w[-1], w[-1].upper()))
        self.group_seps = frozenset({", ", "à "} | {c + sep for c in self.prefix_ends for sep in ",/"})
        # A list's plural prefix in an earlier clause (see ``antecedent``).
        self.antecedent_re = re.compile(rf"(?<![\w.])(?i:{'|'.join(map(re.escape, plain))})(?!\w)(?![ ]hội)")

    def prefix_before(self, text: str, pos: int) -> tuple[int, Prefix] | None:
        """The unit prefix ending just before ``pos`` (its start and row), if any."""
        window = text[max(0, pos - 12):pos]
        hit = self._window_cache.get(window, False)
        if hit is False:
            hit = self.window_prefix(window)
        return None if hit is None else (pos + hit[0], hit[1])

    def window_prefix(self, window: str) -> tuple[int, Prefix] | None:
        """The prefix ending ``window`` (its start relative to the window's end), memoised."""
        hit = None
        m = self.prefix_tail.search(window)
        if m:
            surface = re.sub(r"[ ]+", " ", m.group().strip())
            p = self.by_surface.get(surface) or self.by_surface.get(surface.lower())
            if p:
                hit = (m.start() - len(window), p)
        elif self.intro_tail.search(window):
            hit = _INTRO  # maybe a list after "các xã … như": see ``intro_before``
        elif self.mod_tail.search(window):
            hit = _MODIFIED  # maybe "huyện miền núi Yên Lập": see ``modified_before``
        if len(self._window_cache) > 100_000:
            self._window_cache.clear()
        self._window_cache[window] = hit
        return hit

    def intro_before(self, text: str, pos: int) -> tuple[int, Prefix] | None:
        """The plural prefix introducing a list whose first name starts at ``pos``
        (``các xã vùng cao như |Tân Sơn``): its start relative to ``pos``, and its row."""
        window = text[max(0, pos - _INTRO_SPAN):pos]
        low = window.lower()
        # Only lower-case words stand between the prefix and the name: the prefix is one of the
        # last prefix words of the window, found by rfind (no regex search over the window),
        # the longest of those ending last ("thị xã"); "các huyện đẩy mạnh xã hội hóa như" tries
        # "xã", then "huyện".
        found = sorted(((j + len(w), -j) for w in self.intro_words if (j := low.rfind(w)) >= 0), reverse=True)
        for _, i in found[:2]:
            i = -i
            if i and window[i - 1] != " ":
                continue
            m = self.intro.match(window, i)
            if m is None or m.group("mod").endswith(" cũng"):  # "các xã cũng như Hà Nội"
                continue
            p = self.by_surface.get(re.sub(r"[ ]+", " ", m.group("pre")).lower())
            if p is not None and self.plural_at(text, pos - len(window) + i):
                return i - len(window), p
        return None

    def modified_before(self, text: str, pos: int) -> tuple[int, Prefix] | None:
        """The prefix of a name at ``pos`` that one or two modifiers separate from it
        (``các huyện miền núi |Thanh Sơn``, ``các xã vùng sâu, vùng xa |Tam Chung``)."""
        end = pos - 1 if text[pos - 2] != " " else pos - 2  # the window ended in one or two spaces
        for _ in range(2):
            mod = next((m for m in self.modifiers if text.endswith(m, 0, end)), None)
            if mod is None:
                return None
            end -= len(mod)
            if end < 2 or text[end - 1] != " ":
                return None  # "địa điểm": a word that ends like a modifier
            window = text[max(0, end - 12):end]
            m = self.prefix_tail.search(window)
            if m:
                surface = re.sub(r"[ ]+", " ", m.group().strip())
                p = self.by_surface.get(surface) or self.by_surface.get(surface.lower())
                return None if p is None or p.committee else (m.start() - len(window) + end - pos, p)
            sep = next((d for d in (", ", " và ", " ") if text.endswith(d, 0, end)), None)
            end -= len(sep) if sep else 0
        return None

    def group_before(self, text: str, ps: int) -> tuple[int, list[Prefix]]:
        """The other prefixes of a plural prefix at ``ps`` named with it (``các xã, |thị trấn``,
        ``các quận, huyện, |thị xã``), nearest first, and where the first of them starts."""
        group: list[Prefix] = []
        while len(group) < 4:
            if ps >= 2 and text.startswith(", ", ps - 2):
                j = ps - 2
            elif ps >= 1 and text[ps - 1] in ",/":
                j = ps - 1
            elif ps >= 4 and text.startswith(" và ", ps - 4):
                j = ps - 4
            else:
                break
            if j < 1 or text[j - 1] not in self.prefix_ends:
                break
            low = text[max(0, j - 10):j].lower()
            for w in self.intro_words:  # longest first: "thị xã" before "xã"
                before = low[-len(w) - 1:-len(w)]
                if low.endswith(w) and not (before.isalnum() or before == "."):
                    break
            else:
                break
            group.append(self.by_surface[w])
            ps = j - len(w)
        return ps, group

    def antecedent(self, ctx: Context, pos: int, found: list[_Mention], area: _Area) -> tuple[Prefix, tuple] | None:
        """A list after "gồm"/"như" whose plural prefix is in an earlier clause of the sentence or
        in the sentence before (``… gồm các phường A, B; cụm số 2 gồm |C, D``): that prefix, and
        the area the article's units so far name and the unit types the prefix names
        (``_in_area``), which the list's units must fit.

        The prefix is the last unit word before the list but those of single named units ("quận"
        of "các phường của quận Long Biên … gồm"), and it must be plural: "có nhiều xã như A" is
        no list of the "các phường" before it."""
        text = ctx.text
        if not _ANTECEDENT_INTRO_RE.search(text, max(0, pos - 8), pos):
            return None
        lo = max(0, pos - _ANTECEDENT_SPAN)
        lo = max(lo, text.rfind("\n", lo, pos) + 1)
        start = ctx.sentence_at(pos)[0]
        if start > lo:
            lo = max(lo, ctx.sentence_at(start - 1)[0])
        named = []  # the spans of the units found in the window
        for m in reversed(found):
            if m.end <= lo:
                break
            named.append((m.start, m.end))
        for last in reversed(list(self.antecedent_re.finditer(text, lo, pos))):
            first, group = self.group_before(text, last.start())
            if _PLURAL_RE.search(text, max(0, first - 12), first):
                break
            if not any(a <= last.start() < b for a, b in named):
                return None  # "có nhiều xã như A"
        else:
            return None
        p = self.by_surface.get(re.sub(r"[ ]+", " ", last.group()).lower())
        if not p or p.committee or p.level in ("province", "city"):
            return None
        types = {q.types[0] for q in (p, *group) if (q.level in WARD_LEVELS) == (p.level in WARD_LEVELS)}
        area.update(found)
        return (p, (area.districts, area.provinces, types)) if area.provinces else None

    def plural_at(self, text: str, ps: int) -> bool:
        """Does the prefix at ``ps`` name several units: ``các xã``, ``3 xã``, ``các xã, thị trấn``?"""
        ps = self.group_before(text, ps)[0]
        return bool(_PLURAL_RE.search(text, max(0, ps - 12), ps))

    def bare_at(self, text: str, pos: int) -> tuple[int, int] | None:
        """The province name starting at ``pos`` (a capital the scan took as a prefix hit)."""
        m = self.bare_only.match(text, pos)
        return None if m is None else m.span()


@cache
def _matcher() -> _Matcher:
    return _Matcher(load())


class _Area:
    """The districts and provinces the article's mentions so far name, each alone: read
    incrementally (each mention once), only for lists whose prefix is an earlier clause's."""

    def __init__(self) -> None:
        self.done = 0
        self.districts: set[tuple[str, str | None]] = set()
        self.provinces: set[str] = set()

    def update(self, found: list[_Mention]) -> None:
        for m in found[self.done:]:
            provs = {u.province for u in m.cands}
            if len(provs) != 1:
                continue
            self.provinces |= provs
            if m.level == "district":
                self.districts |= {(u.province, m.name) for u in m.cands}
            elif m.level in WARD_LEVELS and len(ds := {(u.province, u.district) for u in m.cands if u.district}) == 1:
                self.districts |= ds
        self.done = len(found)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    level: str
    name: str
    cands: list[Unit] = field(default_factory=list)
    bare: bool = False
    mixed: bool = False  # of a mixed or distant prefix ("các xã, phường A"): the level is the picked unit's


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, end)]


def _keys(text: str, toks: list[tuple[int, int, str]]) -> list[str]:
    """Lookup keys of the first 1, 2, … tokens."""
    keys, cur = [], ""
    for i, (s, _, t) in enumerate(toks):
        k = name_key(t)
        if i:
            cur += " - " if "-" in text[toks[i - 1][1]:s] or "–" in text[toks[i - 1][1]:s] else " "
        cur += k
        keys.append(cur)
    return keys


_OLD_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
              "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))


def _spelling(s: str) -> str:
    """Case- and tone-placement-insensitive spelling (``Hoà`` = ``Hòa``), diacritics kept."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group()], s.lower())


def _candidates(
    gz: Gazetteer, key: str, p: Prefix, surface: str, former: bool = True
) -> tuple[str, list[Unit]] | None:
    """Units a prefixed name can be, with the level the prefix gives them.

    The key is diacritic-blind (so ``Hà Nọi`` still finds Hà Nội); when some units match
    the diacritics as written (``Phú Mỹ``, not ``Phù Mỹ``), only those are kept.  With
    ``former``, a unit merged away before the snapshot where none of it fits.
    """
    units = gz.by_key(key)
    if units:
        spelled = _spelling(surface)
        exact = [u for u in units if _spelling(u.name) == spelled]
        if exact:
            units = exact
        elif len({_spelling(u.name) for u in units}) > 1:
            return None  # a misspelling that could be several different names
        found = _of_level(units, p)
        if found is not None:
            return found
    # Only where no unit of the snapshot fits: a unit merged away before it, known by its folded
    # key alone (``phường Cát Dài``, merged into An Biên on 1 January 2025; ``huyện Đông Sơn``).
    return _of_level(old, p) if former and (old := gz.former_by_key(key)) else None


def _of_level(units: list[Unit], p: Prefix) -> tuple[str, list[Unit]] | None:
    """The units the prefix allows, with the level it gives them."""
    if p.level == "city":
        prov = [u for u in units if u.level == "province" and u.type == "Thành phố"]
        if prov:
            return "province", prov
        level, pool = "district", [u for u in units if u.level == "district"]
    elif p.level in WARD_LEVELS:
        level, pool = p.level, [u for u in units if u.level in WARD_LEVELS]
    else:
        level, pool = p.level, [u for u in units if u.level == p.level]
    exact = [u for u in pool if u.type == p.types[0]]
    return (level, exact or pool) if pool else None


def _former_name(text: str, start: int, end: int) -> str:
    """The name of a unit merged away before the gazetteer's snapshot, known only by its folded
    key: as written (``Cát Dài``; ``CÁT DÀI`` in a headline is ``Cát Dài``)."""
    name = " ".join(text[start:end].split())
    return name.title() if name.isupper() else name


def _unknown_ok(pre: str, p: Prefix, toks: list[tuple[int, int, str]], run_end: int) -> bool:
    """A name not in the gazetteer counts only when it is shaped like a unit name."""
    if p.level in ("province", "city") or not pre[:1].islower() or not 2 <= len(toks) <= 3:
        return False
    if toks[-1][1] != run_end or fold(toks[0][2]) in _NOT_NAME_HEADS or toks[0][2] in _SURNAMES:
        return False  # "huyện Nguyễn Mạnh Hồng": a title followed by a person
    return all(t[2][1:].islower() and t[2].isalpha() for t in toks)


_PREV_WORD_RE = re.compile(r"(\S+)[ ]$")


def _bare_ok(text: str, start: int, end: int) -> bool:
    """A bare name is a place unless it is glued to a person's or an outlet's name."""
    nxt = text[end:end + 2]
    if len(nxt) == 2 and nxt[0] == " " and (nxt[1].isupper() or nxt[1].isdigit()):
        return False  # "Hà Nội Mới", "Hà Nội 360", "Thái Bình Dương"
    before = text[max(0, start - 40):start]
    if _ORG_RE.search(before):
        return False
    m = _PREV_WORD_RE.search(before)
    if not m:
        return True
    prev = m.group(1)
    if prev[-1] in ",.;:!?)”\"":
        return True
    if prev in _SURNAMES:
        return False
    if prev[0].isupper() and prev[1:].islower():  # Titlecase word: only at a sentence start
        return bool(_SENT_START_RE.search(before[: m.start()]))
    return True


_RUN_CACHE: dict[tuple[str, str], tuple[str, list[Unit], int] | None] = {}


def _longest(text: str, gz: Gazetteer, p: Prefix, start: int, end: int) -> tuple[str, list[Unit], int] | None:
    """The longest leading run of tokens in ``text[start:end]`` naming a unit the prefix allows.

    Returns (level, candidates, end offset).  Memoised on the run's text: articles repeat
    their places, and so do articles.
    """
    ck = (p.surface, text[start:end])
    hit = _RUN_CACHE.get(ck, False)
    if hit is False:
        hit = _longest_uncached(text[start:end], gz, p)
        if len(_RUN_CACHE) > 100_000:
            _RUN_CACHE.clear()
        _RUN_CACHE[ck] = hit
    return None if hit is None else (hit[0], hit[1], start + hit[2])


def _longest_uncached(run: str, gz: Gazetteer, p: Prefix) -> tuple[str, list[Unit], int] | None:
    toks = _tokens(run, 0, len(run))
    if toks and toks[0][2].isdigit():
        if p.level not in ("district", "ward") or _NUM_NOT_UNIT_RE.match(run, toks[0][1]):
            return None
    keys = _keys(run, toks)
    for k in range(len(toks), 0, -1):
        # A unit merged away before the snapshot only as the whole run: "xã Vân Hà", unknown,
        # is not a former "xã Vân" followed by a word.
        found = _candidates(gz, keys[k - 1], p, run[:toks[k - 1][1]], k == len(toks))
        if found:
            return found[0], found[1], toks[k - 1][1]
    return None


class _Covered:
    """Is an offset inside one of these (sorted, disjoint) mentions?  O(log n) per query."""

    def __init__(self, mentions: list[_Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __call__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _scan(ctx: Context, gz: Gazetteer, mt: _Matcher, weak: list[_Mention]) -> list[_Mention]:
    """The prefixed mentions (and the bare province names) of the text; ``weak`` receives the
    single names after a modifier, which the rest of the article must confirm (``_confirmed``)."""
    text = ctx.text
    starts, bare = [], []
    for m in mt.scan.finditer(text):
        s, e = m.span()
        if e - s == 1:
            starts.append(s)
        else:
            bare.append((s, e))

    out: list[_Mention] = []
    # The two memo probes (prefix window, name run) are inlined: this loop runs per scan hit.
    window_cache, window_prefix = mt._window_cache, mt.window_prefix
    name_match, run_cache = mt.name.match, _RUN_CACHE
    group_seps = mt.group_seps
    named_area = _Area()
    pos = 0  # end of the last accepted prefixed mention (or list item)
    for ns in starts:
        if ns < pos:
            continue
        window = text[ns - 12 if ns > 12 else 0:ns]
        pre = window_cache.get(window, False)
        if pre is False:
            pre = window_prefix(window)
        # far: the prefix is words away, _INTRO ("các xã … như A") or _MODIFIED ("các xã vùng cao A");
        # area: a list whose prefix is an earlier clause's, whose units must lie in this area.
        far = area = None
        if pre is not None and pre[1] is None:
            far = pre
            if far is _INTRO:
                pre = mt.intro_before(text, ns)
                if pre is None and (ante := mt.antecedent(ctx, ns, out, named_area)) is not None:
                    pre, area = (0, ante[0]), ante[1]
            else:
                pre = mt.modified_before(text, ns)
        if pre is None:
            if (span := mt.bare_at(text, ns)) is not None:
                bare.append(span)
            continue
        ps, p = ns + pre[0], pre[1]
        m = name_match(text, ns)
        if m is None:
            continue
        s, e = m.span()
        hit = run_cache.get((p.surface, text[s:e]), False)
        if hit is False:
            found = _longest(text, gz, p, s, e)
        else:
            found = None if hit is None else (hit[0], hit[1], s + hit[2])
        if found is not None and found[2] < e and p.committee and text[s:text.find(" ", s)] in _SURNAMES:
            found = None  # "Bí thư Huyện ủy Mai Sơn Hà": a person, not huyện Mai Sơn
        if found is not None and far is not None:
            if far is _MODIFIED:
                found = _after_modifier(gz, text, s, found)
            elif area is not None:
                found = _in_area(found, area)
        if found is None:
            if far is not None:  # "các xã như Hà Nội…": not a list of communes; maybe a province
                if (span := mt.bare_at(text, ns)) is not None:
                    bare.append(span)
                continue
            toks = _tokens(text, s, e)
            if not p.committee and _unknown_ok(text[ps:s], p, toks, e) and not gz.by_key(name_key(text[s:e])):
                out.append(_Mention(ps, e, "district" if p.level == "city" else p.level, text[s:e]))
            # No unit starts inside a failed run ("Xã Xã Xã…" stays linear), except after a
            # first word that is (part of) a prefix: "Quận ủy Quận 10", "HUYỆN ỦY TRÀ ÔN".
            pos = toks[0][1] if toks and toks[0][2].lower() in mt.prefix_words else e
            continue
        intro = far is _INTRO
        # A mixed plural prefix ("các xã, thị trấn A, B"): each unit takes the level of its type.
        group = None
        if text[ps - 2:ps] in group_seps and p.level in WARD_LEVELS and area is None:
            group = mt.group_before(text, ps)[1]
            if group and (intro or mt.plural_at(text, ps)):
                found = _regroup(gz, text, s, found, p, group)
            else:
                group = None
        level, cands, end = found
        name = cands[0].name if cands[0].merged_into < 0 else _former_name(text, s, end)
        # A list's first name after "các xã … như" stands alone; the prefix is words away.
        out.append(mention := _Mention(s if intro else ps, end, level, name, cands))
        pos = end
        rare = far is not None or group  # the common case skips what follows
        if rare:
            mention.mixed = bool(group) or area is not None
            first = mention if far is _MODIFIED and level != "province" else None
            if first is not None:
                weak.append(first)  # until a list follows
        plural = True if intro or group else None  # looked up only when a list follows
        while text.startswith(_LIST_LEADS, pos) and (nx := _LIST_NEXT_RE.match(text, pos)) is not None:
            if text[nx.start("name")].isdigit() and not text[s].isdigit():
                break  # "quận Tân Bình, 3 khu phố": a number continues only a list of numbers
            item = _longest(text, gz, p, *nx.span("name"))
            if rare and item is not None:
                if area is not None:
                    item = _in_area(item, area)
                elif group:
                    item = _regroup(gz, text, nx.start("name"), item, p, group)
            if item is not None and plural is None:
                plural = mt.plural_at(text, ps)
            if item is None or (not plural and not _same_area(cands, item[1])):
                break
            name = item[1][0].name if item[1][0].merged_into < 0 else _former_name(text, nx.start("name"), item[2])
            out.append(mention := _Mention(nx.start("name"), item[2], item[0], name, item[1]))
            if rare:
                mention.mixed = bool(group) or area is not None
                if first is not None and weak and weak[-1] is first:
                    weak.pop()  # "các huyện miền núi A, B": a list of units is no weak reading
            pos = item[2]
    if not bare:
        return out
    covered = _Covered(out)
    for s, e in bare:
        if covered(s) or not _bare_ok(text, s, e):
            continue
        cands = _province_cands(gz, text[s:e])
        if cands:
            out.append(_Mention(s, e, "province", cands[0].name, cands, bare=True))
    return out


@cache
def _province_cands(gz: Gazetteer, surface: str) -> list[Unit]:
    """Provinces a bare name can be (bare names are few: province names and aliases)."""
    return [u for u in gz.by_key(name_key(surface)) if u.level == "province"]


def _after_modifier(
    gz: Gazetteer, text: str, start: int, found: tuple[str, list[Unit], int]
) -> tuple[str, list[Unit], int] | None:
    """A name after a modifier, read as a unit only if it names no unit of a higher level (then
    it most likely says where the units are: "các xã vùng cao Mường Lát", of huyện Mường Lát;
    "các huyện miền núi Thanh Hóa") and is spelled as written ("các phường trung tâm Thành
    phố" is no phường Thanh)."""
    level, cands, end = found
    surface = text[start:end]
    rank = _RANK[level]
    if any(_RANK[u.level] > rank for u in gz.by_key(name_key(surface))):
        return None
    spelled = _spelling(" ".join(surface.split()))
    exact = [u for u in cands if u.former or _spelling(u.name) == spelled]
    return (level, exact, end) if exact else None


def _confirmed(weak: list[_Mention], mentions: list[_Mention]) -> list[_Mention]:
    """The mentions but the weak ones (a single name after a modifier: "xã vùng cao Bản Mế") in
    a province no other mention of the article names ("các xã khó khăn Đồng Bằng sông Cửu Long":
    a region, not xã Đồng Bằng of Hưng Yên)."""
    drop = {id(m) for m in weak}
    named: set[str] = set()
    for m in mentions:
        if id(m) not in drop:
            named |= _provinces(m.cands)
    drop = {id(m) for m in weak if not _provinces(m.cands) & named}
    return [m for m in mentions if id(m) not in drop] if drop else mentions


def _regroup(
    gz: Gazetteer, text: str, start: int, found: tuple[str, list[Unit], int], p: Prefix, group: list[Prefix]
) -> tuple[str, list[Unit], int]:
    """A unit of a mixed plural prefix (``các xã, thị trấn A``: ``p`` is "thị trấn", ``group``
    ["xã"]): the units of the prefixes' types, at the level of theirs (a xã A is a commune)."""
    end = found[2]
    key, surface = name_key(text[start:end]), text[start:end]
    units: list[Unit] = []
    levels = set()
    for q in (p, *group):
        if q.level not in WARD_LEVELS:
            continue
        r = _candidates(gz, key, q, surface)
        mine = [u for u in r[1] if u.type == q.types[0] and u not in units] if r else []
        if mine:
            units += mine
            levels.add(q.level)
    if not units:
        return found
    return (levels.pop() if len(levels) == 1 else found[0]), units, end


def _in_area(found: tuple[str, list[Unit], int], area: tuple[set, set, set]) -> tuple[str, list[Unit], int] | None:
    """The units of a list whose prefix is in an earlier clause, of the prefix's types, that lie
    in the article's area: wards and communes in its named districts (or, where it names none,
    2025 units of its one province), districts in its provinces."""
    level, cands, end = found
    districts, provinces, types = area
    cands = [u for u in cands if u.type in types]
    if level in WARD_LEVELS:
        keep = [u for u in cands if (u.province, u.district) in districts]
        if not districts and len(provinces) == 1:
            keep = [u for u in cands if u.district is None and u.province in provinces]
    else:
        keep = [u for u in cands if u.province in provinces]
    return (level, keep, end) if keep else None


def _same_area(first: list[Unit], nxt: list[Unit]) -> bool:
    """A list item without a plural marker must lie in the same province as the first."""
    return bool({u.province for u in first} & {u.province for u in nxt})


def _bare_districts(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Bare names of districts the article also names with a prefix (``Thạch Thất phát động…``).

    Never a number: ``Quận 3`` is read only with its prefix (``7-3-2022``, ``khu phố 3``).  A
    name two prefixed districts share (``thị xã Kỳ Anh``, ``huyện Kỳ Anh``) stands bare for both.
    """
    named: dict[str, list[Unit]] = {}
    for m in mentions:
        if m.level == "district" and m.cands and not m.bare and not m.name[0].isdigit():
            cands = named.setdefault(m.name, m.cands)
            if cands is not m.cands and (more := [u for u in m.cands if u not in cands]):
                named[m.name] = cands + more
    if not named:
        return []
    covered = _Covered(mentions)
    starts, ends, n = covered.starts, covered.ends, len(text)
    out = []
    for name, cands in named.items():
        size = len(name)
        i = text.find(name)
        while i >= 0:
            e = i + size
            if (
                (i == 0 or not text[i - 1].isalnum())
                and (e == n or not text[e].isalnum())
                and not ((k := bisect_right(starts, i) - 1) >= 0 and i < ends[k])  # covered(i), inlined
                and _bare_ok(text, i, e)
            ):
                out.append(_Mention(i, e, "district", name, cands, bare=True))
            i = text.find(name, e)
    return out


# Candidate lists are shared across articles (memoised runs): their province sets and, for a
# single unit, their picks are kept with the list itself (the entry holds it, so ids stay valid).
_PROVS: dict[int, tuple[list[Unit], set[str]]] = {}
_SINGLE: dict[tuple[int, bool], tuple[list[Unit], tuple[str | None, str | None, str, str | None]]] = {}


def _provinces(cands: list[Unit]) -> set[str]:
    hit = _PROVS.get(id(cands))
    if hit is None or hit[0] is not cands:
        if len(_PROVS) > 100_000:
            _PROVS.clear()
        hit = _PROVS[id(cands)] = (cands, {u.province for u in cands})
    return hit[1]


class _Districts:
    """The article's confidently placed districts (and how often it names each), computed
    when a ward first asks."""

    def __init__(self, mentions: list[_Mention], provs_of: dict[int, set[str]], votes: dict[str, float]) -> None:
        self.args: tuple | None = (mentions, provs_of, votes)
        self.pairs: dict[tuple[str, str], int] = {}

    def _load(self) -> dict[tuple[str, str], int]:
        if self.args is not None:
            mentions, provs_of, votes = self.args
            self.args = None
            pairs = self.pairs
            for m in mentions:
                if m.level == "district":
                    for pair in {(u.province, u.name) for u in m.cands
                                 if len(provs_of[id(m.cands)]) == 1 or votes[u.province] >= 3}:
                        pairs[pair] = pairs.get(pair, 0) + 1
        return self.pairs

    def __contains__(self, pair: tuple[str, str]) -> bool:
        return pair in self._load()

    def count(self, pair: tuple[str, str]) -> int:
        return self._load().get(pair, 0)


def _resolve(mentions: list[_Mention], published: date | None, text: str) -> list[Location]:
    """Pick each mention's province (and district) by what the rest of the article names."""
    # Articles repeat their places: work per distinct candidate list, not per mention.
    provs_of: dict[int, set[str]] = {}
    votes: dict[str, float] = defaultdict(float)
    own: dict[int, float] = defaultdict(float)  # what each candidate list gave each of its provinces
    named: set[str] = set()  # provinces the article names as provinces
    for m in mentions:
        k = id(m.cands)
        provs = provs_of.get(k)
        if provs is None:
            provs = provs_of[k] = _provinces(m.cands)
        if provs:
            if m.level == "province":
                w = 3.0
                named |= provs
            else:
                w = 2.0 if len(provs) == 1 else 1.0 / len(provs)
            own[k] += w
            for p in provs:
                votes[p] += w
    districts = _Districts(mentions, provs_of, votes)
    prefer_new = published is not None and published >= REFORM
    done: dict[tuple[int, str], tuple[str | None, str | None, str, str | None]] = {}
    out = []
    append = out.append
    for m in mentions:
        cands = m.cands
        ck = (id(cands), m.level)
        fields = done.get(ck)
        if fields is None:
            if named and m.level in WARD_LEVELS and _stray(provs_of[id(cands)], own[id(cands)], votes, named):
                fields = done[ck] = (None, None, "both", None)
            elif len(cands) == 1:  # independent of the votes: memoised across articles
                sk = (id(cands), m.level in WARD_LEVELS)
                hit = _SINGLE.get(sk)
                if hit is None or hit[0] is not cands:
                    if len(_SINGLE) > 100_000:
                        _SINGLE.clear()
                    hit = _SINGLE[sk] = (cands, _pick(m, provs_of[id(cands)], votes, districts, prefer_new))
                fields = done[ck] = hit[1]
            else:
                fields = done[ck] = _pick(m, provs_of[id(cands)], votes, districts, prefer_new)
        # Positional: (surface, start, end, name, level, province, district, era, code).
        level = m.level if not m.mixed else _mixed_level(m, fields[0], fields[1])
        append(Location(text[m.start:m.end], m.start, m.end, m.name, level, *fields))
    return out


def _mixed_level(m: _Mention, province: str | None, district: str | None) -> str:
    """The level of a unit of a mixed prefix, by the type of the unit picked ("các phường, xã
    Xuân La": the phường of Tây Hồ in an article on Hà Nội, not the xã of Bắc Kạn)."""
    types = {u.type for u in m.cands if u.province == province and (district is None or u.district in (None, district))}
    return LEVEL_OF_TYPE[types.pop()] if len(types) == 1 else m.level


# Votes that make an article about a province: named twice, or named once with two of its units.
_ABOUT = 6.0


def _stray(provs: set[str], own: float, votes: dict[str, float], named: set[str]) -> bool:
    """Is a commune placed only where nothing else in the article is, in an article about another
    named province?  Then it is most likely one of that province's communes merged away before the
    gazetteer's snapshot (``xã Thiện Mỹ`` in an article on Trà Ôn, Vĩnh Long, where the gazetteer
    knows only Sóc Trăng's): unknown, rather than placed in the wrong province."""
    for p in provs:
        if votes[p] > own:
            return False
    for q in named:
        if votes[q] >= _ABOUT and q not in provs:
            return True
    return False


def _pick(
    m: _Mention, provs: set[str], votes: dict[str, float], districts: _Districts, prefer_new: bool
) -> tuple[str | None, str | None, str, str | None]:
    """(province, district, era, code) of one mention, given the article's votes."""
    cands = m.cands
    if not cands:
        return None, None, "both", None
    if len(cands) == 1:  # the common case: what the loop below gives one unit
        u = cands[0]
        return u.province, (u.district or None) if m.level in WARD_LEVELS else None, u.era, u.code or None
    ranked = sorted(provs, key=lambda p: -votes[p])
    if len(ranked) > 1 and votes[ranked[0]] <= votes[ranked[1]]:
        return None, None, "both", None  # ambiguous: say so rather than guess
    province, district = ranked[0], None
    cands = [u for u in cands if u.province == province]
    if m.level in WARD_LEVELS:
        near = [u for u in cands if (province, u.district) in districts or u.era == "2025"]
        cands = near if any(u.era == "legacy" for u in near) else cands
        ds = {u.district for u in cands if u.district}
        if len(ds) > 1:  # "Phường 12" in an article on Quận 10 that once names Quận 3: Quận 10's
            counts = sorted(((districts.count((province, d)), d) for d in ds), reverse=True)
            if counts[0][0] > counts[1][0]:
                ds = {counts[0][1]}
                cands = [u for u in cands if u.district is None or u.district == counts[0][1]]
        district = ds.pop() if len(ds) == 1 else None
    eras = {u.era for u in cands}
    era = "both" if len(eras) == 2 else eras.pop()
    pick = [u for u in cands if (u.era == "2025") == prefer_new] or cands
    return province, district, era, pick[0].code or None


_RANK = {"province": 3, "district": 2, "ward": 1, "commune": 1, "town": 1}
_QUALIFIER_GAP = re.compile(r"\s{0,3}[(,\-–]\s{0,3}")


def _narrow_by_parent(text: str, mentions: list[_Mention]) -> None:
    """A unit followed by its parent keeps only the candidates under it, whatever the rest of
    the article votes: ``xã Tân Lập (huyện Đan Phượng, Hà Nội)``, ``phường Đông Hải, TP Thanh Hóa``.
    Right to left, so that a parent is narrowed by its own parent first."""
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        if not b.cands or len(_provinces(a.cands)) < 2 or _RANK.get(b.level, 0) <= _RANK.get(a.level, 0):
            continue
        if not _QUALIFIER_GAP.fullmatch(text, a.end, b.start):
            continue
        provs = _provinces(b.cands)
        keep = [u for u in a.cands if u.province in provs]
        if b.level == "district" and a.level in WARD_LEVELS:
            keep = [u for u in keep if u.district is None or u.district == b.name] or keep
        if keep:
            a.cands = keep  # a new list: the shared one (memoised across articles) stays whole


def find_locations(ctx: Context) -> list[Location]:
    """Every administrative-unit mention, in text order, one per mention."""
    gz, mt = load(), _matcher()
    weak: list[_Mention] = []
    mentions = _scan(ctx, gz, mt, weak)
    if weak:
        mentions = _confirmed(weak, mentions)
    mentions += _bare_districts(ctx.text, mentions)
    mentions.sort(key=lambda m: m.start)
    _narrow_by_parent(ctx.text, mentions)
    return _resolve(mentions, ctx.published, ctx.text)
