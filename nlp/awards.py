"""Award tallies: what was given, by whom, to whom, how many.

Vietnamese reports state commendations in a few shapes, all handled per sentence:

* ``[grantor] tặng [award] cho [N recipients], [award] cho [N recipients]…`` (grantor carries
  over the clauses of the sentence until a new one appears);
* ``[N recipients] được (grantor) tặng (thưởng) [award] (của grantor | cấp TP)``;
* ``[award]: 5 tập thể, 12 cá nhân`` lists and ``N [award]`` counts;
* a named unit or person instead of a number (``Phòng Nội vụ quận được tặng…`` → 1 tập thể).

An award's name may carry a quoted title (``Bằng khen “Lao động sáng tạo”``) and a qualifier
(``Giấy khen đột xuất``, ``Huân chương các loại``) before ``cho N …``; counts are digits or words
(``mười hai``, ``hai mươi mốt``, ``một trăm linh năm``). A count after ``trong đó (có)``/``gồm``
when the award's total came before it (``12 cá nhân được tặng Giấy khen, trong đó có 4 hội viên``)
is a part of that total, not another tally.

Proposals (``đề nghị``, ``trình … tặng``) are kept with ``proposed=True``. The rule tables
(award names, recipient nouns, grantors, unit heads…) live in ``data/awards.tsv``.
Every regex here is linear: bounded repetitions, disjoint token separators.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from thidua.nlp.models import AwardTally
from thidua.nlp.text import Context, parse_int

DATA = Path(__file__).parent / "data" / "awards.tsv"

# Capitalised syllable; case-sensitive even inside a (?i:…) group.
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
CAP = rf"(?-i:[{_UPPER}])\w*"
NUM = r"\d{1,3}(?:\.\d{3})+|\d+"
# First letters of grantor names: lets the grantor pattern skip most positions at once.
_GRANTOR_FIRST = "CcPpTtUuỦủHhBbĐđQqGgLlSs"
# Words that end an organisation name ("Bộ Nội vụ | tặng …").
_NAME_STOP = (r"tặng|trao|cho|đã|vì|về|năm|nhân|tại|trong|có|được|khen|đối|đến|tới|với|do|theo|"
              r"này|sẽ|vừa|cũng|quyết|đạt|nhận|công|và|ngày|số|lần|các|những")


@dataclass(frozen=True, slots=True)
class Row:
    kind: str
    pattern: str
    value: str
    flags: dict[str, str]
    example: str


@dataclass(frozen=True, slots=True)
class AwardRow:
    regex: re.Pattern[str]
    cls: str
    name: str | None  # canonical name, when the text's words are not the name (cờ “…”)
    recipient: str | None  # recipient of "N <award>"
    cue: bool  # needs "danh hiệu" or a grant verb before it
    grantor: str | None = None  # who gives it when the sentence names no one ("… của Chính phủ")


def load_rows(path: Path = DATA) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, pattern, value, flags, example = line.split("\t")
        opts = {}
        for f in filter(None, flags.split(";")):
            k, _, v = f.partition("=")
            opts[k.strip()] = v.strip()
        rows.append(Row(kind, pattern, value, opts, example))
    return rows


@dataclass(frozen=True)
class Tables:
    rows: tuple[Row, ...]
    award_rows: tuple[AwardRow, ...]
    name_re: re.Pattern[str]  # an award name, matched where a head word was found
    pre_re: re.Pattern[str]  # "danh hiệu (“)" before a name (searched in a short window)
    heads: tuple[str, ...]  # lower-cased literal starts of award names: the pre-filter
    quoted_title_re: re.Pattern[str]
    suffix_re: re.Pattern[str]  # after a name: a qualifier (group "q" joins the name), a grantor or level
    verb_re: re.Pattern[str]  # grant verbs: where to look back for a grantor
    grantor_re: re.Pattern[str]  # a non-word character, a grantor and its grant verb up to $
    grantor_at0_re: re.Pattern[str]  # the same at the start of the text
    mandate_re: re.Pattern[str]  # "thừa ủy quyền của [grantor]"
    qty_re: re.Pattern[str]
    num_before_re: re.Pattern[str]
    recipients: tuple[tuple[re.Pattern[str], str], ...]
    numwords: dict[str, tuple[int, str]]  # number word → (value, role)
    unit_re: re.Pattern[str]
    person_re: re.Pattern[str]
    proposal_re: re.Pattern[str]
    passive_re: re.Pattern[str]
    passive_end_re: re.Pattern[str]
    subject_re: re.Pattern[str]  # a pronoun or unit word (+ adverbs) ending right before a passive verb
    subjects: tuple[tuple[re.Pattern[str], str], ...]
    verb_before_re: re.Pattern[str]
    cue_before_re: re.Pattern[str]  # a grant verb right before a title ("tặng “Người tốt, việc tốt”")
    patterns: dict[str, str] = field(default_factory=dict)  # expanded pattern per row, for tests
    cache: dict[tuple[str, str], str] = field(default_factory=dict)  # recipient per counted noun
    verb_reach: int = 0  # how far into a grant verb its scan hint can start
    proposal_reach: int = 0


def _literal_head(pattern: str) -> str:
    """The literal start of a pattern, lower-cased: ``Huân chương(?:…`` → ``huân chương``.
    The pre-filter finds award names by these heads, so every award pattern needs one."""
    m = re.match(r"[\w ,]+", pattern)
    lit = m.group() if m else ""
    if pattern[len(lit):len(lit) + 1] in ("?", "*", "{"):
        lit = lit[:-1]  # the last character is optional
    head = lit.rstrip(" ,").lower()
    if not head:
        raise ValueError(f"awards.tsv: an award pattern must start with a literal word: {pattern!r}")
    return head


def _alt(rows: list[Row]) -> str:
    return "|".join(f"(?:{r.pattern})" for r in rows)


def _top_alts(pattern: str) -> list[str]:
    """The top-level alternatives of a regex fragment."""
    alts, depth, cls, i, start = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and not depth:
            alts.append(pattern[start:i])
            start = i + 1
        i += 1
    alts.append(pattern[start:])
    return alts


_LEAD_LOOKBEHIND = re.compile(r"\(\?<!([^()]*)\)")


_CASE_VARIANTS: dict[str, str] = {}
_VIET = ("abcdefghijklmnopqrstuvwxyzđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡ"
         "ùúụủũưừứựửữỳýỵỷỹ")


def _ci_class(chars: str) -> str:
    """Every character (?i:…) matches for one of ``chars``, escaped for a character class
    (Python's case folding: 'ſ' is an 's', 'K' a 'k'; a test checks no astral one is)."""
    missing = "".join(dict.fromkeys(c for c in chars if c not in _CASE_VARIANTS))
    if missing:  # one scan of the BMP for these and all Vietnamese letters
        letters = "".join(dict.fromkeys(missing + _VIET + _VIET.upper()))
        found = re.findall(f"(?i:[{re.escape(letters)}])", "".join(map(chr, range(0x10000))))
        lowers = {x.lower() for x in letters}
        by_lower: dict[str, list[str]] = {}
        for c in found:
            by_lower.setdefault(c.lower(), []).append(c)
        # 'ı', 'ſ', 'İ': matched case-insensitively though their lower case is no letter's
        odd = [c for c in found if c.lower() not in lowers]
        for x in letters:
            one = re.compile(f"(?i:{re.escape(x)})")
            _CASE_VARIANTS[x] = "".join(sorted(
                {c for c in by_lower.get(x.lower(), []) + odd if one.fullmatch(c)}))
    return "".join(re.escape(c) for c in dict.fromkeys("".join(_CASE_VARIANTS[c] for c in chars)))


def _first_chars(pattern: str, flags: int = re.IGNORECASE) -> str | None:
    """A class body holding every character a match of ``pattern`` can start with (more is
    allowed), or None when that is not known (a category, a negated set, an empty match)."""
    from re import _constants as c, _parser

    def seq(items, ci: bool) -> set[str] | None:
        out: set[str] = set()
        for op, av in items:
            if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
                continue  # zero width: the next item starts the match
            first, nullable = one(op, av, ci)
            if first is None:
                return None
            out |= first
            if not nullable:
                return out
        return None  # the whole sequence can match the empty string

    def chars(ch: str, ci: bool) -> set[str]:
        return set(re.findall(f"[{_ci_class(ch)}]", _ci_class(ch))) | {ch} if ci else {ch}

    def one(op, av, ci: bool):
        if op is c.LITERAL:
            return chars(chr(av), ci), False
        if op is c.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    out |= chars(chr(iav), ci)
                elif iop is c.RANGE and iav[1] - iav[0] < 256:
                    for k in range(iav[0], iav[1] + 1):
                        out |= chars(chr(k), ci)
                else:
                    return None, False
            return out, False
        if op is c.SUBPATTERN:
            _, add, rem, sub = av
            ci = (ci or bool(add & re.IGNORECASE)) and not rem & re.IGNORECASE
            first = seq(sub.data, ci)
            return (first, False) if first is not None else (None, False)
        if op is c.BRANCH:
            out = set()
            for alt in av[1]:
                first = seq(alt.data, ci)
                if first is None:
                    return None, False
                out |= first
            return out, False
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, _, sub = av
            first = seq(sub.data, ci)
            return first, lo == 0
        return None, False

    try:
        first = seq(_parser.parse(pattern, flags).data, bool(flags & re.IGNORECASE))
    except Exception:  # an unknown construct: no dispatch, the pattern is tried as it is
        return None
    return None if first is None else "".join(re.escape(ch) for ch in sorted(first))


def _dispatched(patterns: list[str]) -> str:
    """Case-insensitive alternatives, each behind a lookahead for the characters it can start
    with: a failing alternative costs one character test instead of a walk of its branches."""
    out = []
    for p in patterns:
        first = _first_chars(p)
        out.append(f"(?i:{p})" if first is None else f"(?=[{first}])(?i:{p})")
    return "(?:" + "|".join(out) + ")"


def _leading(alts: list[str]) -> tuple[str, str]:
    """Case-insensitive alternatives (each a letter, after optional lookbehinds) split for a
    fast scan: (class of their first letters, the branches that follow the first letter).

    Python's re scans ahead only for a pattern that starts with a character (class); one
    that starts with a lookbehind is tried at every position. So the first letter is matched
    by a class, each branch re-checks it by a one-character lookbehind, and the branch's own
    lookbehinds look one character further back. Branch order is kept.
    """
    firsts, branches = "", []
    for alt in alts:
        lbs = []
        while (m := _LEAD_LOOKBEHIND.match(alt)):
            lbs.append(f"(?<!{m.group(1)}.)")
            alt = alt[m.end():]
        first, rest = alt[0], alt[1:]
        if not first.isalpha():
            raise ValueError(f"not a letter at the start of {alt!r}")
        firsts += first
        branches.append(f"(?<=(?i:{first}))(?i:{''.join(lbs)}{rest})")
    return _ci_class("".join(dict.fromkeys(firsts))), "|".join(branches)


def _by_first_letter(alts: list[str]) -> str:
    """Case-insensitive alternatives grouped under their first letter ("tập thể|thôn|cá nhân" →
    "t(?:ập thể|hôn)|c(?:á nhân)"): a failing letter costs one test instead of one per word.
    The order inside a group is kept (a word that starts another goes after it)."""
    groups: dict[str, list[str]] = {}
    for a in alts:
        key = a[0].lower() if a[:1].isalpha() else ""
        groups.setdefault(key if len(key) == 1 else "", []).append(a)
    return "|".join(f"{k}(?:{'|'.join(a[1:] for a in g)})" if k else "|".join(g)
                    for k, g in groups.items())


def number_words(rows: list[Row]) -> tuple[list[str], dict[str, tuple[int, str]]]:
    """The grammar of counts in words ("mười hai", "hai mươi mốt", "một trăm linh năm") from the
    table's number rows: case-insensitive alternatives, each starting with its first word's first
    letter (for ``_leading``), and each word's (value, role)."""
    words: dict[str, tuple[int, str]] = {}
    noteen: set[str] = set()
    for r in rows:
        for w in _top_alts(r.pattern):
            words[w] = (int(r.value), r.flags.get("role", "unit"))
            if "noteen" in r.flags:
                noteen.add(w)

    def alt(*roles: str, skip: frozenset[str] = frozenset()) -> str:
        return "(?:" + "|".join(w for w, (_, role) in words.items()
                                if role in roles and w not in skip) + ")(?!\\w)"

    unit, ten, tens, hundred, zero = (alt(r) for r in ("unit", "ten", "tens", "hundred", "zero"))
    after_ten = alt("unit", "tail", skip=frozenset(noteen))  # "mười lăm", "hai mươi mốt"; not "mười năm"
    # possessive spaces: each is followed by a word, and a long run of spaces is not retried
    teen = rf"{ten}(?:\s++{after_ten})?"
    tens_tail = rf"\s++{tens}(?:\s++{after_ten})?"  # after a unit: "hai mươi", "hai mươi tư"
    hundreds = rf"\s++{hundred}(?:\s++(?:{zero}\s++{unit}|{unit}{tens_tail}|{teen}))?"
    alts = [f"{w}(?!\\w)(?:{hundreds}|{tens_tail})?" for w, (_, role) in words.items() if role == "unit"]
    alts += [f"{w}(?!\\w)(?:\\s++{after_ten})?" for w, (_, role) in words.items() if role == "ten"]
    return alts, words


@lru_cache(maxsize=1)
def tables() -> Tables:
    rows = load_rows()
    by: dict[str, list[Row]] = {}
    for r in rows:
        by.setdefault(r.kind, []).append(r)
    strong = "|".join(r.pattern for r in by["surname"] if "strong" in r.flags) or "(?!)"
    # "TP.HCM": no space after the abbreviation's dot
    place = rf"(?:(?:\s*[-–]\s*|\s+|(?<=\.))(?!(?:{strong})\s){CAP}){{0,4}}"
    # "Quận 10", "Phường 12": a numbered unit (before 2025)
    level = (rf"(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)"
             rf"(?:\s+\d{{1,2}}(?![\w.,/]))?{place}")
    name = (rf"{CAP}(?:(?:\s+|\s*,\s*|\s*[-–]\s*)(?:và\s+{CAP}|(?!(?:{_NAME_STOP})(?!\w))\w+))"
            r"{0,6}")

    def expand(p: str) -> str:
        return (p.replace("{PLACE}", place).replace("{LEVEL}", level).replace("{NAME}", name)
                .replace("{CAP}", CAP))

    patterns = {f"{r.kind}:{r.pattern}": expand(r.pattern) for r in rows}
    grantor_fast = _dispatched([expand(r.pattern) for r in by["grantor"]])
    verbs = _alt(by["verb"])
    award_rows = tuple(
        AwardRow(re.compile(f"(?i:{expand(r.pattern)})"), r.value, r.flags.get("name"),
                 r.flags.get("recipient"), "cue" in r.flags, r.flags.get("grantor"))
        for r in by["award"])
    award_alt = "|".join(f"(?:{expand(r.pattern)})" for r in by["award"])
    num_alts, numwords = number_words(by["number"])
    # A count (digits or number words), starting with a class, preceded by no word character, dot or comma.
    num_cls, num_words = _leading(num_alts)
    lead_num = (rf"[\d{num_cls}](?<![\w.,].)"
                rf"(?:(?<=\d)(?:\d{{0,2}}(?:\.\d{{3}})+|\d*)|{num_words})")
    alts = {k: [a for r in by[k] for a in _top_alts(r.pattern)] for k in ("verb", "passive", "proposal")}
    verb_cls, verb_branches = _leading(alts["verb"])
    prop_cls, prop_branches = _leading(alts["proposal"])
    pas_cls, pas_branches = _leading(alts["passive"])
    vp_cls, vp_branches = _leading(alts["verb"] + alts["passive"])
    vpp_cls, vpp_branches = _leading(alts["verb"] + alts["passive"] + alts["proposal"])
    recips = _by_first_letter([a for r in by["recipient"] for a in _top_alts(r.pattern)])
    # "Chủ tịch UBND tỉnh(,) (đồng chí) Nguyễn Văn A trao …": the person is not the grantor.
    person = rf"(?:,?\s+(?:(?i:đồng chí|ông|bà)\s+)?{CAP}(?:\s+{CAP}){{1,3}})?"
    cap_level = (r"(?:tp\.?|thành phố|tỉnh|huyện|quận|thị xã|xã|phường|thị trấn|cơ sở|bộ|ngành|"
                 r"trung ương|nhà nước)")
    # A grantor starts after a non-word character: matching that character (from one before
    # the window) lets re scan for it, where a leading lookbehind is tried at every position.
    grantor_tail = (
        rf"(?<!(?i:thư) )(?<!(?i:viên) )(?=[{_GRANTOR_FIRST}])(?P<g>{grantor_fast}){person}\s+"
        rf"(?:(?i:đã|cũng|vừa|sẽ|đồng thời|quyết định)\s+){{0,2}}(?i:{verbs})$")
    return Tables(
        rows=tuple(rows),
        award_rows=award_rows,
        name_re=re.compile(rf"(?i:{award_alt})(?!\w)"),
        pre_re=re.compile(rf"[{_ci_class('d')}](?i:anh\s+hiệu)\s*(?:[“\"‘]\s*)?$"),
        heads=tuple(dict.fromkeys([*(_literal_head(r.pattern) for r in by["award"]), "danh hiệu"])),
        quoted_title_re=re.compile(r"(?i:danh\s+hiệu)\s*[“\"]\s*(?P<name>[^”\"\n]{2,80}?)\s*[”\"]"),
        # one match per mention: "Giấy khen đột xuất", "Bằng khen đột xuất của UBND tỉnh"
        suffix_re=re.compile(
            rf"(?:(?i:(?P<q>{_alt([r for r in by['qualifier'] if 'name' in r.flags])})"
            rf"|{_alt([r for r in by['qualifier'] if 'name' not in r.flags])})(?!\w))?"
            rf"(?:\s++(?:(?i:của)\s++(?P<g1>{grantor_fast})|(?P<g2>{grantor_fast})"
            rf"|(?P<lvl>(?i:cấp\s+{cap_level}))(?!\w)))?"),
        # not the "Khen thưởng" of "Hội đồng Thi đua - Khen thưởng"
        verb_re=re.compile(rf"[{verb_cls}](?<!\w.)(?<!đua - .)(?<!đua – .)(?<!đua, .)(?<!đua-.)"
                           rf"(?:{verb_branches})(?!\w)"),
        grantor_re=re.compile(rf"\W{grantor_tail}"),
        grantor_at0_re=re.compile(grantor_tail),
        mandate_re=re.compile(rf"(?i:ủy|uỷ)\s+quyền\s+(?i:của\s+)?(?P<g>{grantor_fast})"),
        qty_re=re.compile(
            rf"(?P<n>{lead_num})(?![.,]\d)\s++(?:(?i:lượt)\s++)?(?P<r>(?i:{recips}))(?!\w)"),
        num_before_re=re.compile(rf"(?P<n>{lead_num})\s+$"),
        recipients=tuple((re.compile(f"(?i:{r.pattern})"), r.value) for r in by["recipient"]),
        numwords=numwords,
        unit_re=re.compile("|".join(f"(?:{expand(r.pattern)})(?!\\w)" for r in by["unit"])),
        person_re=re.compile(
            rf"(?i:{_alt(by['person'])})\s+{CAP}|(?:{_alt(by['surname'])})(?:\s+{CAP}){{2}}"),
        proposal_re=re.compile(rf"[{prop_cls}](?<!\w.)(?:{prop_branches})(?!\w)"),
        passive_re=re.compile(rf"[{pas_cls}](?<!\w.)(?:{pas_branches})(?!\w)"),
        passive_end_re=re.compile(
            rf"[{pas_cls}](?<!\w.)(?:{pas_branches})(?!\w)(?P<tail>[^,;:]{{0,60}})$"),
        subject_re=re.compile(
            rf"(?<!\w)(?P<w>(?i:{_alt(by['subject'])}))"
            r"(?:\s++(?i:đã|vừa|từng|cũng|mới|rất|năm\s+nay))*+\s*$"),
        subjects=tuple((re.compile(f"(?i:{r.pattern})"), r.value) for r in by["subject"]),
        verb_before_re=re.compile(rf"[{vpp_cls}](?<!\w.)(?:{vpp_branches})(?!\w)[^;:]{{0,40}}$"),
        cue_before_re=re.compile(rf"[{vp_cls}](?<!\w.)(?:{vp_branches})(?!\w)\s*[“\"‘]?$"),
        patterns=patterns,
        verb_reach=_reach(alts["verb"], _VERB_HINTS),
        proposal_reach=_reach(alts["proposal"], _PROPOSAL_HINTS),
    )


# --- mentions ------------------------------------------------------------------------------

@dataclass(slots=True)
class Mention:
    start: int  # where "danh hiệu", the opening quote or the name starts
    end: int  # after the suffix ("của …", "cấp TP")
    award: str
    cls: str
    grantor: str | None  # from the suffix
    default_recipient: str | None
    default_grantor: str | None = None  # when the sentence names no grantor


@dataclass(slots=True)
class Qty:
    start: int
    end: int
    count: int | None
    recipient: str
    owner: Mention | None = None
    chained: bool = False  # joined to the previous tally of the same award ("và 10 cá nhân")
    prev_end: int = 0  # where the previous tally of its chain ends


_LINK = re.compile(
    r"(?i)[\s,:(–-]*(?:(?:cho|gồm|với|đối với|là|tặng|trao|thưởng|được|dành|đại diện|trong đó có|trong đó|"
    r"cụ thể)[\s:,]+)*")
_CHAIN_BAD = re.compile(r"[\d();:.\n]|(?i:trong đó)")
_CHAIN_SEP = re.compile(r",|(?<!\w)(?i:và|cùng)(?!\w)")
# "khen thưởng 50 học sinh giỏi bằng Giấy khen": the award named after the counts
_BY = re.compile(r"(?<!\w)(?i:bằng|với)(?:\s+(?i:hình\s+thức))?\s*$")
# "N tập thể được khen thưởng, trong đó: Huân chương …": a total, then its breakdown
_BREAKDOWN = re.compile(r":|(?<!\w)(?i:trong đó|gồm|cụ thể|bao gồm)(?!\w)")
_CHO = re.compile(r"(?<!\w)(?i:cho)(?!\w)")
_NEW_CLAUSE = re.compile(r"\s*[,;]?\s*(?:(?i:đồng thời|cũng|và)\s+)?")
_CHO_AFTER = re.compile(r"\s*+(?i:cho|tới|đến)\s++")
# A title-cased "Vì", "Đạt" inside a phrase is a name ("huyện Ba Vì"), not a stop word; an
# upper-cased "TRONG" (a text in capitals) still stops.
_TITLE = "(?-i:[" + _UPPER + "][" + "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower()) + "])"
# ≡ [;(…:]|\.(?=\s|$|/)|\s(?:vì|…)(?!\w) , starting with one class so that re scans ahead
_PHRASE_STOP = re.compile(
    r"[;(…:.\s](?:(?<=[;(…:])|(?<=\.)(?=\s|$|/)"
    r"|(?<=\s)(?!" + _TITLE + r")(?i:vì|do|đã|có|về|nhân dịp|trong|tại|đạt|được|với thành tích)(?!\w))")
# ≡ (?<!\s)\s*[,:]\s*|(?<!\s)\s+(?i:và|cùng)\s+ , starting with a class so that re scans ahead
_SEG_SEP = re.compile(r"[\s,:](?<!\s.)(?:(?<=[,:])\s*|(?<=\s)(?:\s*[,:]\s*|\s*(?i:và|cùng)\s+))")
# Fixed formulas naming ONE collective recipient: "Đảng bộ, chính quyền và Nhân dân quận 3",
# "cán bộ và Nhân dân xã X", "Nhân dân và cán bộ phường Y", "cán bộ, chiến sĩ Đồn Biên phòng Z".
_COLLECTIVE = re.compile(r"[{}](?:{})\s+(?=\w)".format(*_leading([
    r"đảng\s+bộ,?\s+chính\s+quyền(?:,?\s+mặt\s+trận)?\s+và\s+nhân\s+dân",
    r"cán\s+bộ(?:,\s*chiến\s+sĩ)?\s+và\s+nhân\s+dân",
    r"cán\s+bộ,\s*đảng\s+viên\s+và\s+nhân\s+dân",
    r"nhân\s+dân\s+và\s+(?:cán\s+bộ|lực\s+lượng\s+vũ\s+trang)",
    r"cán\s+bộ,\s*chiến\s+sĩ"])))
_LEAD_CUT = re.compile(r"[\s,]*")
_NOI = re.compile(r"(?i:nơi)\s+(?=\w)")
# "cho các quận: Ba Đình, Hoàn Kiếm và huyện Ba Vì": a named list after a plural head and a colon
_LIST_HEAD = re.compile(
    r"(?i:các|những)\s+(?:(?P<p>(?i:đồng\s+chí|cá\s+nhân|ông|bà|em|học\s+sinh))"
    r"|(?i:quận|huyện|xã|phường|thị\s+xã|thị\s+trấn|tỉnh|thành\s+phố|đơn\s+vị|tập\s+thể|cơ\s+quan|"
    r"trường|doanh\s+nghiệp|địa\s+phương))\s*:\s*(?=\w)")
# "…, A và 07 cá nhân được tặng …": the separator before a count that a named unit may precede
_JOIN_END = re.compile(r"(?:,|(?<!\w)(?i:và|cùng))\s*$")
_VERB_END = re.compile(r"[{}](?<!\w.)(?:{})\s+[“\"‘]?$".format(
    *_leading("trao tặng|tặng thưởng|truy tặng|phong tặng|tặng|trao".split("|"))))
_WINDOW = 300  # how far a named recipient list or a subject may reach from its award
_GRANTOR_WINDOW = 120
# Substrings without which a pattern cannot match: skip its scan of the sentence.
_PROPOSAL_HINTS = ("nghị", "đề xuất", "trình")
_VERB_HINTS = ("tặng", "trao", "khen thưởng", "công nhận")
_MARGIN = 600  # how far from the first/last award of a sentence anything is looked for
_MAX_HITS = 20_000  # pathological input guard: a real article has a few dozen award mentions


def _recipient_of(t: Tables, word: str) -> str:
    known = t.cache.get(("r", word))
    if known is not None:
        return known
    value = next((value for rx, value in t.recipients if rx.fullmatch(word)), None)
    if value is None:
        value = word.lower()
    if len(t.cache) < 4096:
        t.cache[("r", word)] = value
    return value


def _count(t: Tables, s: str) -> int | None:
    if s[:1].isdigit():
        return parse_int(s)
    total = cur = 0
    for w in s.lower().split():  # "một trăm hai mươi mốt": 100 + 2 × 10 + 1
        value, role = t.numwords.get(w, (None, None))
        if value is None:
            return None
        if role == "hundred":
            total, cur = total + (cur or 1) * value, 0
        elif role == "tens":
            cur *= value
        else:
            cur += value
    return total + cur


_CLASSES = (("huân chương", "huan_chuong"), ("huy chương", "huy_chuong"), ("bằng khen", "bang_khen"),
            ("giấy khen", "giay_khen"), ("cờ", "co_thi_dua"), ("chiến sĩ thi đua", "chien_si_thi_dua"),
            ("tập thể lao động xuất sắc", "tt_ld_xuat_sac"),
            ("tập thể lao động tiên tiến", "tt_ld_tien_tien"), ("lao động tiên tiến", "ld_tien_tien"),
            ("người tốt", "nguoi_tot_viec_tot"))


def _classify(name: str) -> str:
    low = name.lower()
    return next((cls for word, cls in _CLASSES if word in low), "other")


@lru_cache(maxsize=4096)
def _row_index(name: str) -> int:
    return next(i for i, r in enumerate(tables().award_rows) if r.regex.fullmatch(name))


def _row_of(t: Tables, name: str) -> AwardRow:
    return t.award_rows[_row_index(name)]


def _mention_at(t: Tables, text: str, pos: int, s: int, e: int) -> Mention | None:
    """The award mention whose name starts at ``pos`` (a head word was found there)."""
    m = t.name_re.match(text, pos, e)
    if m is None:  # danh hiệu “<a title not in the table>”, given with a grant verb
        q = t.quoted_title_re.match(text, pos, e)
        if (q is None or t.name_re.match(text, q.start("name"), e)
                or not t.verb_before_re.search(text, max(s, pos - 45), pos)):
            return None
        name = q.group("name")
        return _with_suffix(t, text, pos, q.end(), e, name, _classify(name), None, None)
    # ≡ the leftmost match of (?P<pre>(?i:danh\s+hiệu)\s*)?(?:[“"‘]\s*)?$ before pos
    pre = t.pre_re.search(text, max(s, pos - 16), pos)
    if pre:
        start = pre.start()
        opened = text[pos - 1] in "“\"‘" or text[pre.end() - 1] in "“\"‘"
    else:
        quote = _PRE_QUOTE.search(text, max(s, pos - 16), pos)
        start = quote.start() if quote else pos
        opened = quote is not None
    name = m.group()
    row = _row_of(t, name)
    if row.cue and not pre and not t.cue_before_re.search(
            text, max(s, pos - 20), pos):
        return None
    end = m.end()
    if end < e and text[end] in "”\"’":
        end, opened = end + 1, False
    mention = _with_suffix(t, text, start, end, e, row.name or name, row.cls, row.recipient,
                           row.grantor)
    if opened and mention.end < e:
        if text[mention.end] in "”\"’":  # “Bằng khen của UBND tỉnh”
            mention.end += 1
        elif row.name is None and (rest := _QUOTE_REST.match(text, mention.end, e)):
            # “Chiến sĩ thi đua Thành phố”: the table knows the start of the title, the quotes
            # say where it ends
            mention.award = _clean(mention.award + text[mention.end:rest.end() - 1])
            mention.end = rest.end()
    return mention


def _with_suffix(t: Tables, text: str, start: int, end: int, limit: int, name: str, cls: str,
                 recipient: str | None, default_grantor: str | None) -> Mention:
    """The mention with what follows its name: a qualifier ("đột xuất", "các loại", "hạng Nhì")
    and the grantor or level ("của UBND tỉnh", "cấp tỉnh")."""
    grantor = None
    sm = t.suffix_re.match(text, end, limit)  # may be empty
    if sm.end() > end:
        if sm.group("q"):
            name += sm.group("q")
        grantor = sm.group("g1") or sm.group("g2") or sm.group("lvl")
        end = sm.end()
    return Mention(start, end, _clean(name), cls, grantor, recipient, default_grantor)


_PRE_QUOTE = re.compile(r"[“\"‘]\s*$")  # an opening quote before a name, without "danh hiệu"
# The rest of a quoted title after the name the table knows, up to its closing quote: a few
# words, not a list of titles (“Lao động tiên tiến, Chiến sĩ thi đua cơ sở” are two).
_QUOTE_REST = re.compile(r"(?:(?!\s(?i:và|hoặc|cùng)\s)[^“”\"‘’\n,;:()]){1,40}[”\"’]")
_QUOTES_SPACES = re.compile(r"[“”\"‘’]|\s{2,}|[\n\t]")


def _clean(name: str) -> str:
    if not _QUOTES_SPACES.search(name):
        return name.strip()
    return re.sub(r"\s+", " ", re.sub(r"[“”\"‘’]", "", name)).strip()


# --- one sentence --------------------------------------------------------------------------

@dataclass
class _Sentence:
    """Everything found in one sentence, sorted by position, with bisect helpers."""

    text: str
    s: int
    e: int
    mentions: list[Mention]
    qtys: list[Qty]
    grantors: list[tuple[int, int, str]]  # (start, end incl. verb, grantor)
    cues: list[tuple[int, int]]  # proposal cues
    bounds: list[int]  # ";" positions

    def __post_init__(self) -> None:
        self.mstarts = [m.start for m in self.mentions]
        self.qstarts = [q.start for q in self.qtys]
        self.gstarts = [g[0] for g in self.grantors]
        self.cstarts = [c[0] for c in self.cues]

    def clause(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.bounds, pos)
        return (self.bounds[i - 1] + 1 if i else self.s,
                self.bounds[i] if i < len(self.bounds) else self.e)

    def next_award(self, pos: int, limit: int) -> Mention | None:
        i = bisect_left(self.mstarts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.mstarts[i] < limit else None

    def next_start(self, starts: list[int], pos: int) -> int:
        i = bisect_left(starts, pos)
        return starts[i] if i < len(starts) else self.e

    def grantor_before(self, pos: int) -> tuple[int, int, str] | None:
        i = bisect_left(self.gstarts, pos)
        return self.grantors[i - 1] if i else None


def _first_hint(low: str, hints: tuple[str, ...], s: int, e: int) -> int:
    """Where the first of ``hints`` occurs in low[s:e], or -1."""
    return min((i for k in hints if (i := low.find(k, s, e)) >= 0), default=-1)


def _reach(alts: list[str], hints: tuple[str, ...]) -> int:
    """How far into a match of one of ``alts`` (plain words after lookbehinds) its first hint
    can start."""
    reach = 0
    for alt in alts:
        while (m := _LEAD_LOOKBEHIND.match(alt)):
            alt = alt[m.end():]
        reach = max(reach, min(i for h in hints if (i := alt.lower().find(h)) >= 0))
    return reach


def _sentence(t: Tables, text: str, low: str, s: int, e: int,
              mentions: list[Mention]) -> list[AwardTally]:
    # Look only near the awards: a tally never reaches far, and a run-away "sentence"
    # (a page without punctuation) must not be scanned whole by every pattern.
    s, e = max(s, mentions[0].start - _MARGIN), min(e, mentions[-1].end + _MARGIN)
    bounds = []
    i = text.find(";", s, e)
    while i >= 0:
        bounds.append(i)
        i = text.find(";", i + 1, e)
    grantors: list[tuple[int, int, str]] = []
    scanned = s
    # A verb holds a hint within its first t.verb_reach characters: scan from the first hint.
    first = _first_hint(low, _VERB_HINTS, s, e)
    verbs = t.verb_re.finditer(text, max(s, first - t.verb_reach), e) if first >= 0 else ()
    for v in verbs:
        # windows do not overlap: each character is tried as a grantor start at most once
        lo = max(scanned, v.start() - _GRANTOR_WINDOW)
        g = (lo == 0 and t.grantor_at0_re.match(text, 0, v.end())
             or t.grantor_re.search(text, lo - 1 if lo else 0, v.end()))
        scanned = v.end()
        if g:
            grantors.append((g.start("g"), g.end(), g.group("g").strip()))
    if low.find("quyền", s, e) >= 0:
        # "Thừa ủy quyền của Chủ tịch nước, đồng chí X … trao": X acts for the grantor
        mandates = [(m.start(), m.end(), m.group("g").strip()) for m in t.mandate_re.finditer(text, s, e)]
        ends = [m[1] for m in mandates]
        kept = []
        for g in grantors:
            i = bisect_right(ends, g[0])
            if not (i and g[0] < ends[i - 1] + 200):
                kept.append(g)
        grantors = sorted(kept + mandates)
    first = _first_hint(low, _PROPOSAL_HINTS, s, e)
    cues = ([(m.start(), m.end())
             for m in t.proposal_re.finditer(text, max(s, first - t.proposal_reach), e)]
            if first >= 0 else [])

    # "N Bằng khen", "10 tập thể lao động xuất sắc": the count sits right before the award.
    direct: dict[int, tuple[int, int | None, str | None]] = {}
    for a in mentions:
        nb = t.num_before_re.search(text, max(s, a.start - 24), a.start)
        if nb:
            direct[id(a)] = (nb.start(), _count(t, nb.group("n")), a.default_recipient)
    mstarts = [a.start for a in mentions]
    qtys: list[Qty] = []
    for m in t.qty_re.finditer(text, s, e):
        i = bisect_right(mstarts, m.start("r")) - 1
        if i >= 0 and mentions[i].start <= m.start("r") < mentions[i].end:
            # "15 chiến sĩ thi đua": the counted noun is the award itself
            direct[id(mentions[i])] = (m.start(), _count(t, m.group("n")),
                                       _recipient_of(t, m.group("r")))
            continue
        qtys.append(Qty(m.start(), m.end(), _count(t, m.group("n")), _recipient_of(t, m.group("r"))))
    sent = _Sentence(text, s, e, mentions, qtys, grantors, cues, bounds)
    _link(t, sent, direct)

    owned: dict[int, list[Qty]] = {}
    for q in qtys:
        if q.owner is not None:
            owned.setdefault(id(q.owner), []).append(q)
    rows: list[AwardTally] = []
    for a in mentions:
        c0, c1 = sent.clause(a.start)
        g = sent.grantor_before(a.start)
        grantor = a.grantor or (g[2] if g else None) or a.default_grantor
        lead = _lead(sent, a, c0)
        proposed = _proposed(sent, a.start, c0)
        if id(a) in direct:
            ds, n, r = direct[id(a)]
            rows.append(_row(text, ds, a.end, a, grantor, r, n, proposed))
        mine = owned.get(id(a), [])
        before = [q for q in mine if q.start < a.start]
        if before:
            rows.extend(_row(text, f, a.end, a, grantor, rec, n, proposed)
                        for rec, n, f in _joined_before(t, sent, before[0].start, c0))
        for q in mine:
            if q.start < a.start:  # "[N] được tặng [award]"
                rows.append(_row(text, q.start, a.end, a, grantor, q.recipient, q.count, proposed))
            else:
                start = _LEAD_CUT.match(text, q.prev_end).end() if q.chained else lead
                rows.append(_row(text, start, q.end, a, grantor, q.recipient, q.count, proposed))
        if not mine and id(a) not in direct:
            rows.extend(_named(t, sent, a, c0, c1, lead, grantor, proposed))
    return rows


def _joined_before(t: Tables, sent: _Sentence, pos: int, c0: int) -> list[tuple[str, int, int]]:
    """Named units or persons joined to the count at ``pos`` ("Công an quận và 07 cá nhân được
    tặng …"): [(recipient, count, start)], the run of named segments right before the joint."""
    text = sent.text
    lo = max(c0, pos - _WINDOW)
    i = bisect_left(sent.mstarts, pos)
    if i:
        lo = max(lo, sent.mentions[i - 1].end)
    j = bisect_left(sent.qstarts, pos)
    if j:
        lo = max(lo, sent.qtys[j - 1].end)
    lo = min(lo, pos)
    jm = _JOIN_END.search(text, lo, pos)
    if jm is None:
        return []
    seps = [(m.start(), m.end()) for m in _SEG_SEP.finditer(text, lo, jm.start())]
    starts = [lo] + [b for _, b in seps]
    ends = [a for a, _ in seps] + [jm.start()]
    total: dict[str, int] = {}
    first = -1
    for a, b in reversed(list(zip(starts, ends))):
        counts, f = _units(t, text, a, b, first_free=False)
        if not counts:
            break
        for k, n in counts.items():
            total[k] = total.get(k, 0) + n
        first = f
    return [(k, n, first) for k, n in total.items()]


def _passive_gap(t: Tables, gap: str) -> bool:
    if len(gap) > 150 or _CHO.search(gap) or _BREAKDOWN.search(gap):
        return False
    if t.passive_re.search(gap) is None:
        return len(gap) <= 50 and _BY.search(gap) is not None
    # "cho 15 tập thể, 28 cá nhân, công nhận danh hiệu …": after a comma the verb is active
    return not (gap.lstrip()[:1] in (",", ";") and t.verb_re.match(gap, _NEW_CLAUSE.match(gap).end()))


def _link(t: Tables, sent: _Sentence, direct: dict[int, tuple]) -> None:
    """Give each counted noun its award: the next one ("5 tập thể được tặng Bằng khen") or the
    previous one ("Bằng khen cho 22 tập thể và 10 cá nhân"), within one clause. An award whose
    total comes before it ("12 cá nhân được tặng Giấy khen", "36 chiến sĩ thi đua") takes no
    count after "trong đó (có)", "gồm", ":": that is a part of the total, not another tally (an
    untyped total, "15 Bằng khen: 5 tập thể, 10 cá nhân", still takes its breakdown)."""
    text, qtys = sent.text, sent.qtys
    # 1. a count followed directly by a passive verb and its award
    for i, q in enumerate(qtys):
        a = sent.next_award(q.end, sent.clause(q.start)[1])
        if a is None or (i + 1 < len(qtys) and qtys[i + 1].start < a.start):
            continue
        if _passive_gap(t, text[q.end:a.start]):
            q.owner = a
    forward = [_forward_owner(t, sent, i) for i in range(len(qtys))]
    # 2. chains after an award: "[award] cho N …, M …" / "[award]: N …, M …"
    for a in sent.mentions:
        c1 = sent.clause(a.start)[1]
        stop = min(c1, sent.next_start(sent.mstarts, a.end))
        prev, chained = a.end, False
        for j in range(bisect_left(sent.qstarts, a.end), len(qtys)):
            q = qtys[j]
            if q.start >= stop or q.owner is not None:
                break
            gap = text[prev:q.start]
            if chained:
                ok = (len(gap) <= 80 and not _CHAIN_BAD.search(gap) and bool(_CHAIN_SEP.search(gap))
                      and not t.passive_re.search(gap))
            else:
                ok = len(gap) <= 60 and _LINK.fullmatch(gap) is not None and not (
                    forward[j] is not None and not gap.strip(" ,")) and not (
                    _BREAKDOWN.search(gap) and _has_total(sent, a, forward, direct))
            if not ok:
                break
            q.owner, q.chained, q.prev_end = a, chained, prev
            prev, chained = q.end, True
    # 3. counts before an award with other counts between ("5 tập thể và 10 cá nhân được …")
    for q, a in zip(qtys, forward):
        if q.owner is None and a is not None:
            q.owner = a


def _has_total(sent: _Sentence, a: Mention, forward: list[Mention | None],
               direct: dict[int, tuple]) -> bool:
    """Whether a count with its recipient comes before award ``a`` ("12 cá nhân được tặng …")."""
    d = direct.get(id(a))
    return (d is not None and d[2] is not None) or any(f is a for f in forward) or any(
        q.owner is a for q in sent.qtys)


def _forward_owner(t: Tables, sent: _Sentence, i: int) -> Mention | None:
    """The award that count ``i`` receives through a passive verb, other counts between."""
    text, qtys, q = sent.text, sent.qtys, sent.qtys[i]
    a = sent.next_award(q.end, sent.clause(q.start)[1])
    if a is None or a.start - q.end > 400:
        return None
    parts, pos = [], q.end
    for r in qtys[i + 1:]:
        if r.start >= a.start:
            break
        parts.append(text[pos:r.start])
        pos = r.end
    parts.append(text[pos:a.start])
    return a if _passive_gap(t, " ".join(parts)) else None


def _lead(sent: _Sentence, a: Mention, c0: int) -> int:
    """Where a tally's surface starts when it begins with the award: at the grantor (and the
    proposal cue) or the grant verb right before it."""
    text, start = sent.text, a.start
    g = sent.grantor_before(a.start)
    if g and c0 <= g[0] and g[1] <= a.start and not text[g[1]:a.start].strip(" “\"‘"):
        start = g[0]
        i = bisect_left(sent.cstarts, start)
        if i and sent.cues[i - 1][0] >= c0 and not text[sent.cues[i - 1][1]:start].strip():
            start = sent.cues[i - 1][0]
    else:
        v = _VERB_END.search(text, max(c0, a.start - 16), a.start)
        if v:
            start = v.start()
    return start


def _proposed(sent: _Sentence, pos: int, c0: int) -> bool:
    """A cue earlier in the clause makes the award a proposal, unless a grantor named after the
    cue's own one takes over ("đề nghị Thủ tướng tặng …, UBND tỉnh tặng …")."""
    i = bisect_left(sent.cstarts, pos)
    if not i or sent.cues[i - 1][0] < c0:
        return False
    g = sent.grantor_before(pos)
    return not (g and g[0] > sent.cues[i - 1][1] + 12)


def _units(t: Tables, text: str, s: int, e: int, *, first_free: bool,
           free_kind: str | None = None) -> tuple[dict[str, int], int]:
    """Count named units and persons in text[s:e]: ({recipient: count}, where the first starts).

    ``first_free``: the first segment counts even without a known head word if it is
    capitalised (right after "cho", the phrase is the recipient). ``free_kind``: every
    capitalised segment is one recipient of that kind (a list after "các quận:").
    A relative "nơi" before a segment is skipped ("…, nơi Hội Cựu chiến binh xã vừa được …").
    """
    counts: dict[str, int] = {}
    first, person_first = -1, False
    bounds = [(m.start(), m.end()) for m in _SEG_SEP.finditer(text, s, e)]
    formulas = [(m.start(), m.end()) for m in _COLLECTIVE.finditer(text, s, e)] if bounds else []
    if formulas:  # separators inside a formula do not split its one recipient
        bounds = [b for b in bounds if not any(f0 < b[0] < f1 for f0, f1 in formulas)]
    starts = [s] + [b for _, b in bounds]
    ends = [a for a, _ in bounds] + [e]
    for i, (a, b) in enumerate(zip(starts, ends)):
        while a < b and text[a].isspace():
            a += 1
        if a >= b:
            continue
        nm = _NOI.match(text, a, b)
        if nm:
            a = nm.end()
        if t.person_re.match(text, a, b):
            kind = "cá nhân"
        elif free_kind and text[a].isupper():
            kind = free_kind
        elif (t.unit_re.match(text, a, b) or (first_free and i == 0 and text[a].isupper())
              or (formulas and _COLLECTIVE.match(text, a, b))):
            if person_first:
                continue  # "ông A, Công an xã B": where the person works, not a second recipient
            kind = "tập thể"
        else:
            continue
        if first < 0:
            first, person_first = a, kind == "cá nhân"
        counts[kind] = counts.get(kind, 0) + 1
    return counts, first


def _named(t: Tables, sent: _Sentence, a: Mention, c0: int, c1: int, lead: int,
           grantor: str | None, proposed: bool) -> list[AwardTally]:
    """Rows for an award given to named units or persons, or to an uncounted group."""
    text = sent.text
    cho = _CHO_AFTER.match(text, a.end, c1)
    if cho:
        stop = min(c1, cho.end() + _WINDOW, sent.next_start(sent.mstarts, cho.end()),
                   sent.next_start(sent.qstarts, cho.end()), sent.next_start(sent.gstarts, cho.end()))
        lh = _LIST_HEAD.match(text, cho.end(), stop)
        ps = _PHRASE_STOP.search(text, lh.end() if lh else cho.end(), stop)
        if ps:
            stop = ps.start()
        if lh:
            counts, _ = _units(t, text, lh.end(), stop, first_free=True,
                               free_kind="cá nhân" if lh.group("p") else "tập thể")
        else:
            counts, _ = _units(t, text, cho.end(), stop, first_free=True)
        if not counts:
            return [_row(text, lead, stop, a, grantor, None, None, proposed)]
        return [_row(text, lead, stop, a, grantor, rec, n, proposed) for rec, n in counts.items()]
    lo = max(c0, a.start - _WINDOW)
    i = bisect_left(sent.mstarts, a.start)
    if i:
        lo = max(lo, sent.mentions[i - 1].end)
    j = bisect_left(sent.qstarts, a.start)
    if j:
        lo = max(lo, sent.qtys[j - 1].end)
    lo = min(lo, a.start)
    pe = t.passive_end_re.search(text, lo, a.start)
    if pe:
        counts, first = _units(t, text, lo, pe.start(), first_free=False)
        if counts:
            return [_row(text, first, a.end, a, grantor, rec, n, proposed) for rec, n in counts.items()]
        subj = _subject(t, text, lo, pe.start(), c0)
        if subj:
            return [_row(text, subj[0], a.end, a, grantor, subj[1], 1, proposed)]
    if lead != a.start or proposed or t.cue_before_re.search(text, max(lo, a.start - 20), a.start):
        return [_row(text, lead, a.end, a, grantor, None, None, proposed)]
    return []


def _subject(t: Tables, text: str, lo: int, end: int, c0: int) -> tuple[int, str] | None:
    """A pronoun or unit word that is the whole subject before a passive verb at ``end``
    ("Năm 2023, ông được …", "Cô được …", "phường được …"): (where it starts, recipient).
    Not one item of a list ("các xã, phường được …", "cá nhân, tập thể được …")."""
    m = t.subject_re.search(text, max(lo, end - 40), end)
    if m is None:
        return None
    before = text[lo:m.start()].rstrip()
    if not before:
        if lo != c0:
            return None
    elif before.endswith(","):
        prev = _PREV_WORDS.search(before, 0, len(before) - 1)
        if prev and any(_fullmatch_any(t, prev.group(k)) for k in ("w2", "w12") if prev.group(k)):
            return None
    elif not _NOI_END.search(before):
        return None
    w = m.group("w")
    return m.start("w"), next((v for rx, v in t.subjects if rx.fullmatch(w)), "tập thể")


_PREV_WORDS = re.compile(r"(?P<w12>(?:\w+\s+)?(?P<w2>\w+))\s*$")
_NOI_END = re.compile(r"(?<!\w)(?i:nơi)$")


def _fullmatch_any(t: Tables, words: str) -> bool:
    return any(rx.fullmatch(words) for rx, _ in t.recipients) or any(
        rx.fullmatch(words) for rx, _ in t.subjects)


def _row(text: str, start: int, end: int, a: Mention, grantor: str | None, recipient: str | None,
         count: int | None, proposed: bool) -> AwardTally:
    while start < end and text[start] in " ,;":
        start += 1
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return AwardTally(surface=text[start:end], start=start, end=end, award=display_name(a.award),
                      award_class=a.cls, grantor=grantor, recipient=recipient, count=count,
                      proposed=proposed)


# One spelling per award, whatever the case the text used ("bằng khen", "Tập thể Lao động xuất
# sắc"), so that statistics and facets do not split one award in two. Names with qualifiers
# (a medal's rank, a flag's title) keep the text's words with a capital first letter.
_CANONICAL = {
    "bằng khen": "Bằng khen", "giấy khen": "Giấy khen", "lao động tiên tiến": "Lao động tiên tiến",
    "tập thể lao động tiên tiến": "Tập thể lao động tiên tiến",
    "tập thể lao động xuất sắc": "Tập thể lao động xuất sắc", "cờ thi đua": "Cờ thi đua",
    "người tốt, việc tốt": "Người tốt, việc tốt", "chiến sĩ thi đua cơ sở": "Chiến sĩ thi đua cơ sở",
}


def display_name(award: str) -> str:
    canonical = _CANONICAL.get(" ".join(award.lower().split()))
    if canonical:
        return canonical
    return award[:1].upper() + award[1:]


# --- document ------------------------------------------------------------------------------

# Shared words: one str.find finds the heads that contain them (each find scans the text).
_SHARED = ("chương", "tiên tiến", "anh hùng", "nghệ ")


@lru_cache(maxsize=4)
def _anchors(heads: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """What to look for, and the heads each find reveals with their offset before it. A head
    starting with another head needs no find of its own: hits are start positions."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for h in heads:
        if any(o != h and h.startswith(o) for o in heads):
            continue
        anchor = next((a for a in _SHARED if a in h), h)
        groups.setdefault(anchor, []).append((h, h.index(anchor)))
    return tuple((a, tuple(g)) for a, g in groups.items())


def find_awards(ctx: Context) -> list[AwardTally]:
    """Every award tally in the document, in text order."""
    text = ctx.text
    t = tables()
    low = text.lower()
    if len(low) != len(text):  # a case mapping changed the length: offsets would not hold
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    hits: set[int] = set()
    for anchor, heads in _anchors(t.heads):
        i = low.find(anchor)
        while i >= 0 and len(hits) < _MAX_HITS:
            for head, off in heads:
                p = i - off
                if p >= 0 and (off == 0 and len(head) == len(anchor) or low.startswith(head, p)) and (
                        p == 0 or not low[p - 1].isalnum()):
                    hits.add(p)
            i = low.find(anchor, i + len(anchor))
    if not hits:
        return []
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    covered = -1
    for pos in sorted(hits):
        if pos < covered:
            continue  # inside the previous mention ("lao động tiên tiến" in "Tập thể lao động…")
        s, e = ctx.sentence_at(pos)
        m = _mention_at(t, text, pos, s, e)
        if m is not None:
            by_sentence.setdefault((s, e), []).append(m)
            covered = m.end
    out: list[AwardTally] = []
    seen: set[tuple] = set()
    for (s, e), mentions in by_sentence.items():
        for r in _sentence(t, text, low, s, e, mentions):
            k = (r.start, r.end, r.award_class, r.recipient, r.count)
            if k not in seen:
                seen.add(k)
                out.append(r)
    return out
