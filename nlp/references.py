"""References to numbered official documents (state: Nghị định 30/2020/NĐ-CP; Party: own rules).

State documents are numbered ``số/năm/ký hiệu`` (``98/2023/NĐ-CP``, ``167/KH-UBND``), Party
documents ``số-ký hiệu/cơ quan`` (``34-CT/TW``). A reference is a kind word (``Chỉ thị``,
``Kế hoạch``… from ``data/doc_kinds.tsv``) + optional ``số`` + number [+ symbol], or a bare
number + multi-part symbol; then an optional issue date, issuer (``của …``) and title.
Like the dates finder, the grammar only runs at plausible starts near cheap anchors.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from thidua.nlp.models import Reference
from thidua.nlp.text import Context, fold, key
from thidua.nlp.vndate import (
    DAY, DM_CORE, FULL_CORE, MONTH, YEAR, anchor_windows, context_year, load_table, numbers, parse_full, parse_partial, words_alt,
    gated, scan_windows,
)

_UP = "A-ZĐƯƠÂÊÔĂ"
# An issuer's first letter: any capital, with its tone marks ("Ủy ban Thường vụ Quốc hội")
_UP_NAME = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
_NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d{1,5})"
_PART = rf"[{_UP}][^\W_]{{0,11}}"
_PART2 = rf"[{_UP}][{_UP}0-9][^\W_]{{0,10}}"  # after a spaced separator: looks like a code
_SYM = rf"(?:(?:19|20)\d\d\s?/\s?)?{_PART}(?:[\-–/]{_PART}|\s[\-–/]\s?{_PART2}|[\-–/]\s{_PART2}){{0,5}}"
# Bare numbers need a code that cannot be a ratio or a date: two letter groups, or year + group.
_BARE_SYM = (rf"(?:(?:19|20)\d\d/[{_UP}][^\W_]{{1,11}}(?:[\-–/][{_UP}][^\W_]{{0,11}}){{0,5}}"
             rf"|[{_UP}][^\W_]{{1,11}}(?:[\-–/][{_UP}][^\W_]{{0,11}}){{1,5}})")
_AFTER = r"(?![\w/]|[\-.,]\d)"
_S = r"\s{1,3}"
_ISSUER_CHARS = r"[^\s,;:.()“”\"]"

_TAIL_DATE = re.compile(  # "ngày 07/4/2014", "(ngày 07/4/2014)", "ban hành ngày 26-11"
    rf"\s{{0,3}},?\s{{0,3}}(?P<par>\(\s{{0,2}})?(?:(?:ban hành|ký){_S})?[Nn]gày{_S}(?P<d>{FULL_CORE}"
    rf"|{DAY}{_S}tháng{_S}{MONTH}\s{{0,3}},?\s{{0,3}}năm{_S}{YEAR}(?!\d)|{DM_CORE}|{DAY}{_S}tháng{_S}{MONTH}(?!\d))"
    r"(?(par)\s{0,2}\))"
)
_TAIL_YEAR = re.compile(rf"{_S}năm{_S}(?P<y>{YEAR})(?![\d/])")
_TAIL_ISSUER = re.compile(rf"\s{{0,3}},?\s{{0,3}}của{_S}(?P<iss>[{_UP_NAME}]{_ISSUER_CHARS}*(?:[ ]{{1,3}}{_ISSUER_CHARS}+){{0,9}})")
_TAIL_PASSED = re.compile(
    rf"\s{{0,3}},?\s{{0,3}}(?:đã{_S})?được{_S}(?P<iss>[{_UP_NAME}]{_ISSUER_CHARS}*(?:[ ]{{1,3}}{_ISSUER_CHARS}+){{0,7}}?)"
    rf"{_S}(?:khóa{_S}\S+{_S})?(?:thông qua|ban hành|ký ban hành|ký){_S}(?:vào{_S})?ngày{_S}(?P<d>{FULL_CORE})")
_TAIL_TERM = re.compile(rf"{_S}khóa{_S}(?:[IVXLC]{{1,7}}|\d{{1,2}})\b")
_TITLE = re.compile(
    rf"\s{{0,3}},?\s{{0,3}}(?:về{_S}việc|về|[Vv]/v){_S}"
    r"(?:“(?P<q1>[^”\n]{1,300})”|\"(?P<q2>[^\"\n]{1,300})\"|(?P<u>[^;.\n“”()]{1,200}))"
)
_LIST_NEXT = re.compile(
    rf"\s{{0,3}}(?:,\s{{0,3}}và|,|;|và)\s{{0,3}}(?:[Ss]ố\s{{0,2}})?(?P<num>{_NUM})(?P<sep>\s?[/\-–]\s?)(?P<sym>{_SYM}){_AFTER}"
)
# Literal-led anchors (see ``vndate.anchor_windows``): a slash before a symbol's letters or a
# year (``/KH-UBND``, ``/2017/QĐ``; not the slashes of dates), ``số 97``, ``Luật``.
_ANCHORS = [(lit if lit in ("Ố", "Luật ") else None, re.compile(re.escape(lit) + after), 60) for lit, after in (
    ("/", r"(?=\s?[^\W\d_]|\s?(?:19|20)\d\d\s?/)"), ("ố", r"(?=\s?:?\s?\d)"), ("Ố", r"(?=\s?:?\s?\d)"),
    ("Luật ", ""))]
_WORD = re.compile(r"\S+")
_NUMBERED_UNITS = {"quận", "phường"}  # "UBND Quận 10": a number that names the unit
_GENERIC_ISSUERS = {"UBND", "HĐND"}  # every province/district signs these: the key adds the issuer


@cache
def _kinds() -> dict[str, str]:
    return {fold(r["phrase"]): r["kind"] for r in load_table("doc_kinds.tsv")}


@cache
def _symbol_kinds() -> dict[str, str]:
    return {r["code"].upper(): r["kind"] for r in load_table("ref_symbol_kinds.tsv")}


@cache
def _stops() -> frozenset[str]:
    return frozenset(r["word"] for r in load_table("ref_issuer_stops.tsv"))


@cache
def _grammar() -> re.Pattern[str]:
    phrases = [r["phrase"] for r in load_table("doc_kinds.tsv")]
    return re.compile(
        rf"(?P<kind>(?<!\w)(?i:{words_alt(phrases)})){_S}(?:(?P<so>(?i:số))\s{{0,2}}[:.]?\s{{0,2}})?"
        rf"(?P<num>{_NUM})(?:(?P<sep>\s?[/\-–]\s?)(?P<sym>{_SYM}))?{_AFTER}"
        rf"|(?<![\w/.\-])(?P<bnum>\d{{1,5}})(?P<bsep>[/\-–])(?P<bsym>{_BARE_SYM})(?![\w/])"
        rf"|(?<!\w)Luật{_S}(?P<lname>[{_UP}][^\W\d_]*(?:,?{_S}[^\W\d_]+){{0,7}}?){_S}năm{_S}(?P<lyear>{YEAR})(?!\d)"
    )


@cache
def _starts() -> re.Pattern[str]:
    """Where a reference can start: a digit run or the first letter of a kind word."""
    phrases = {r["phrase"].split()[0] for r in load_table("doc_kinds.tsv")}
    firsts = "".join(sorted({p[0].lower() for p in phrases} | {p[0].upper() for p in phrases}))
    # Case-sensitive tails (lower or upper case: "Chỉ thị", "CHỈ THỊ"): faster than (?i:).
    tails = {t for p in phrases for t in (p[1:].lower(), p[1:].upper())}
    tails_rx = "|".join(re.escape(t) for t in sorted(tails, key=len, reverse=True))
    # Led by the character class, the boundary checked after it: ``re`` skips other characters fast.
    return re.compile(rf"[\d{firsts}](?<!\w.)(?:(?<=\d)\d*|(?:{tails_rx})\s)")


@lru_cache(maxsize=4096)
def _kind_of_symbol(sym: str) -> str:
    code = re.sub(r"^\d{4}/", "", sym).split("-")[0].split("/")[0].upper()
    return _symbol_kinds().get(code, "cong_van")


@lru_cache(maxsize=4096)
def _kind_of_word(word: str, sym: str | None) -> str:
    """The kind named by a kind word as written (``Chỉ thị``, ``KẾ HOẠCH``, ``văn bản`` + symbol)."""
    folded = fold(" ".join(word.split()))
    kind = _kinds()[folded]
    if kind == "cong_van" and sym and folded == "van ban":
        kind = _kind_of_symbol(sym)
    return kind


_key = lru_cache(maxsize=4096)(key)


def _issuer(text: str, m: re.Match[str]) -> tuple[str, int] | None:
    """The issuer after ``của``, cut at the first stop word: (issuer, end offset)."""
    s = m.start("iss")
    end = None
    stops = _stops()
    prev = ""
    words = list(_WORD.finditer(m.group("iss")))
    for i, w in enumerate(words):
        word = w.group()
        if word == "và" and i + 1 < len(words) and _joins_name(words[i + 1].group()):
            pass  # "Sở Giáo dục và Đào tạo": one name ("UBND tỉnh và Sở Nội vụ" are two issuers)
        elif word == "ban" and prev.lower() in ("ủy", "uỷ"):
            pass  # "Ủy ban nhân dân": not the stop word of "ban hành"
        elif word in stops or word[0].isdigit() and prev.lower() not in _NUMBERED_UNITS:
            break
        end, prev = s + w.end(), word
    return (text[s:end], end) if end else None


# How an issuing organisation's name begins: a subject before "ban hành" starts with one of these,
# and after "và" in an issuer their first words start a second organisation.
_ORGS = ("UBND", "HĐND", "Ủy ban nhân dân", "Hội đồng", "Ban", "Bộ", "Sở", "Tỉnh ủy", "Huyện ủy", "Thành ủy",
         "Quận ủy", "Thị ủy", "Đảng ủy", "Công an", "Thủ tướng", "Chủ tịch", "Chính phủ", "Quốc hội",
         "Liên đoàn", "Mặt trận", "Văn phòng", "Cục", "Tổng cục", "Trung ương")
_ORG_HEADS = ("(?:" + "|".join(o.replace(" ", r"\s+") for o in _ORGS)
              + rf"|(?:[Qq]uận|[Hh]uyện|[Tt]ỉnh|[Pp]hường|[Xx]ã|[Tt]hị\s+xã|[Tt]hành\s+phố)(?=\s+[{_UP_NAME}0-9]))")  # "quận Lê Chân"
_ISSUE_VERBS = ("ban hành", "có", "ký")
# "Ngày 24-1-2023, UBND huyện Lục Ngạn ban hành Kế hoạch số 19/KH-UBND": the issuer (and the date)
# before the document, as the sentence's subject and the verb that issues it.
_SUBJECT_BEFORE = re.compile(
    rf"(?:[Nn]gày{_S}(?P<d>{FULL_CORE})\s{{0,2}},\s{{0,3}})?(?<!\w)(?P<iss>{_ORG_HEADS}(?:[ ]{{1,3}}{_ISSUER_CHARS}+){{0,9}}?)"
    r"[ ]{1,3}(?:(?:đã|vừa|cũng|chính\s+thức)[ ]{1,3})?(?:ban\s+hành|có|ký(?:\s+ban\s+hành)?)[ ]{1,3}\Z")


_ORG_FIRST = frozenset({o.split()[0] for o in _ORGS} | {"Hội", "Viện", "Trường", "Phòng", "Tòa", "Kho", "Ngân"})


@cache
def _kind_first_words() -> frozenset[str]:
    return frozenset(r["phrase"].split()[0].capitalize() for r in load_table("doc_kinds.tsv"))


def _joins_name(word: str) -> bool:
    """After "và" in an issuer: a capitalised word that starts neither an organisation nor a
    document ("của Chính phủ và Thông tư số 15…") goes on with the same name."""
    return word[:1].isupper() and word not in _ORG_FIRST and word.capitalize() not in _kind_first_words()


def _subject_before(ctx: Context, start: int) -> tuple[str | None, date | None]:
    """(issuer, date) written before a reference that names neither after it."""
    text = ctx.text
    if not text[max(0, start - 12):start].rstrip().endswith(_ISSUE_VERBS):
        return None, None
    m = _SUBJECT_BEFORE.search(text, max(ctx.sentence_at(start)[0], start - 160), start)
    if m is None:
        return None, None
    got = _issuer(text, m)
    return (got[0] if got else None), (parse_full(m.group("d")) if m.group("d") else None)


def _tail(ctx: Context, pos: int, start: int | None = None) -> dict:
    """Date, issuer, term (khóa) and title following a reference's number; with ``start``, the
    issuer and date may also stand before it, as the subject that issued it."""
    text, published = ctx.text, ctx.published
    end, dt, year, issuer, title = pos, None, None, None, None
    for _ in range(2):
        if dt is None and year is None and (m := _TAIL_DATE.match(text, end)):
            hint = context_year(text, ctx.sentence_at(pos)[0], pos) if len(numbers(m.group("d"))) == 2 else None
            d = parse_partial(m.group("d"), published, not_after=True, year=hint)  # cited, so issued already
            end = m.end()
            if d:
                dt, year = d.isoformat(), d.year
            continue
        if year is None and (m := _TAIL_YEAR.match(text, end)):
            end, year = m.end(), int(m.group("y"))
            continue
        if issuer is None and dt is None and (m := _TAIL_PASSED.match(text, end)):
            # "Luật … số 06/2022/QH15 được Quốc hội thông qua ngày 15/6/2022"
            if (got := _issuer(text, m)) and (d := parse_full(m.group("d"))):
                issuer, dt, year, end = got[0], d.isoformat(), d.year, m.end()
                continue
        if issuer is None and (m := _TAIL_ISSUER.match(text, end)) and (got := _issuer(text, m)):
            issuer, end = got
            if t := _TAIL_TERM.match(text, end):
                end = t.end()
            continue
        break
    if start is not None and issuer is None:
        issuer, before = _subject_before(ctx, start)
        if dt is None and year is None and before is not None:
            dt, year = before.isoformat(), before.year
    if t := _TITLE.match(text, end):
        title = t.group("q1") or t.group("q2")
        if title is None and (title := t.group("u")):
            title = _cut_title(title)
        title = (title or "").strip() or None
    return {"end": end, "date": dt, "year": year, "issuer": issuer, "title": title}


@cache
def _next_reference() -> re.Pattern[str]:
    """Where an unquoted title runs into the next reference: ``… thi đua, khen thưởng và Kế
    hoạch số 112/KH-UBND …`` (``và``, a comma or a semicolon, then a document kind and ``số`` or a
    number). A reference inside the title stays: ``về tiếp tục thực hiện Chỉ thị số 05-CT/TW``."""
    phrases = [r["phrase"] for r in load_table("doc_kinds.tsv")]
    return re.compile(rf"\s*(?:[,;]|\s(?:và|cùng))\s+(?i:{words_alt(phrases)}){_S}(?:(?i:số)|\d)")


def _cut_title(title: str) -> str:
    m = _next_reference().search(title)
    return title[:m.start()] if m else title


def _make(text: str, start: int, kind: str, num: str, sep: str | None, sym: str | None,
          tail: dict) -> Reference:
    number = num.replace(".", "")
    symbol = "".join(sym.split()) if sym else None
    rid = f"{number}{sep.strip()}{symbol.upper()}" if symbol and sep else number
    parts = [kind, rid]
    if tail["year"]:
        parts.append(str(tail["year"]))
    if tail["issuer"] and (not symbol or symbol.upper().rsplit("-", 1)[-1] in _GENERIC_ISSUERS):
        parts.append(_key(tail["issuer"]))
    end = tail["end"]
    return Reference(text[start:end], start, end, kind=kind, number=number, symbol=symbol, id=rid,
                     date=tail["date"], issuer=tail["issuer"], key=":".join(parts), title=tail["title"])


def find_references(ctx: Context) -> list[Reference]:
    text = ctx.text
    grammar, out, done = _grammar(), [], 0
    wins = anchor_windows(_ANCHORS, text, 8)
    for m in _gated().finditer(text) if wins is None else _scan(text, wins, grammar.match):
        if m.start() < done:
            continue
        if m.group("lname"):
            name, year = re.sub(r"\s+", " ", m.group("lname")), m.group("lyear")
            out.append(Reference(m.group(), m.start(), m.end(), kind="luat", number="",
                                 id=f"Luật {name} {year}", key=f"luat:{key(name)}:{year}"))
            done = m.end()
            continue
        if m.group("kind"):
            if not m.group("sym") and not m.group("so"):
                continue  # "Kế hoạch 5 năm": a kind word and a count, not a reference
            kind = _kind_of_word(m.group("kind"), m.group("sym"))
            ref = _make(text, m.start(), kind, m.group("num"), m.group("sep"), m.group("sym"),
                        _tail(ctx, m.end(), m.start()))
        else:
            kind = _kind_of_symbol(m.group("bsym"))
            ref = _make(text, m.start(), kind, m.group("bnum"), m.group("bsep"), m.group("bsym"),
                        _tail(ctx, m.end(), m.start()))
        out.append(ref)
        # A list carries the kind over: "Chỉ thị số 34-CT/TW và 35-CT/TW".
        while nxt := _LIST_NEXT.match(text, ref.end):
            ref = _make(text, nxt.start("num"), ref.kind, nxt.group("num"), nxt.group("sep"),
                        nxt.group("sym"), _tail(ctx, nxt.end()))
            out.append(ref)
        done = ref.end
    return out


def _scan(text: str, wins: list[tuple[int, int]], match) -> list[re.Match[str]]:
    return scan_windows(text, wins, _starts(), match)


@cache
def _gated() -> re.Pattern[str]:
    return gated(_starts(), _grammar())
