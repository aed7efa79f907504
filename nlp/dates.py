"""Calendar dates, months, years and ranges in Vietnamese text; the article's own date.

Speed: a regex scanned over the whole text costs ~5 ns/char, so the full grammar only runs
in small windows around cheap literal anchors (``/``, ``-5``, ``.5``, ``ăm 2``, ``áng 4``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from thidua.nlp.models import DateMention
from thidua.nlp.text import Context
from thidua.nlp.vndate import (
    DAY, DM_CORE, FULL_CORE, MONTH, TEXTUAL_CORE, YEAR, YEAR_MAX, YEAR_MIN,
    anchor_windows, context_year, infer_year, load_table, make_date, numbers, parse_full, words_alt,
    gated, scan_windows,
)

_S = r"\s{1,3}"
_LB = r"(?<![\w/.,\-])"  # a number starts here, not inside another number or code
_SIDE_L = rf"(?:{TEXTUAL_CORE}|{_LB}{FULL_CORE})"
_SIDE_R = rf"(?:{TEXTUAL_CORE}|{FULL_CORE})"
_FROM = rf"(?:[Tt]ừ{_S})"
_RSEP = rf"(?:\s{{0,3}}[-–—]\s{{0,3}}|{_S}(?:đến|tới){_S}(?:hết{_S})?)(?:ngày{_S})?"
_MSEP = rf"(?:\s{{0,3}}[-–—]\s{{0,3}}|{_S}(?:đến|tới){_S}(?:hết{_S})?)"
_MY = rf"(?:\s{{0,2}}[/\-.]\s{{0,2}}{YEAR}|\s{{0,3}},?\s{{0,3}}năm{_S}{YEAR})"
_END = r"(?![\w/]|[.,\-]\d)"
# Right after a time of day and one space (look-behinds are fixed-width: one per word length),
# so the alternative is only tried where a number starts.
_AFTER_TIME_OF_DAY = "(?:" + "|".join(
    rf"(?<=(?<!\w){w} )" for w in ("[Ss]áng", "[Cc]hiều", "[Tt]rưa", "(?:[Tt]ối|[Đđ]êm|[Hh]ôm)")) + ")"
# Literal-led anchors (see ``anchor_windows``): separators before a digit, "năm 2", "tháng 4";
# with how far before them a date can start ("từ ngày 07 tháng 4", "từ năm 2016").
_ANCHORS = [(lit if lit in "–—" else None, re.compile(re.escape(lit) + after), before)
            for lit, after, before in (
    ("/", r"(?=\s{0,2}\d)", 28), ("-", r"(?=\s{0,3}\d)", 28), (".", r"(?=\d)", 28), ("ăm ", r"(?=\d)", 10),
    ("áng ", r"(?=\d)", 28), ("–", r"(?=\s{0,3}\d)", 28), ("—", r"(?=\s{0,3}\d)", 28))]


@cache
def _cues(role: str) -> tuple[str, ...]:
    return tuple(r["cue"] for r in load_table("date_cues.tsv") if r["role"] == role)


@cache
def _grammar() -> re.Pattern[str]:
    year_cues = words_alt(_cues("year_range"))
    alts = [
        rf"(?P<rng_full>{_FROM}?(?:[Nn]gày{_S})?{_SIDE_L}{_RSEP}{_SIDE_R}{_END})",
        rf"(?P<rng_dm>{_FROM}?(?:[Nn]gày{_S})?{_LB}{DAY}[/\-]{MONTH}(?![\d/]){_RSEP}{_SIDE_R}{_END})",
        # "ngày 20-22/8/2025"; after "từ" the "ngày" may be left out: "Từ 20 - 22/8/2025"
        rf"(?P<rng_d>(?:{_FROM}(?:[Nn]gày{_S})?|[Nn]gày{_S}){DAY}\s{{0,3}}(?:[-–—]|đến|tới)\s{{0,3}}(?:ngày{_S})?{FULL_CORE}{_END})",
        # "ngày 5 và 6/9/2025", "ngày 5, 6 và 7/9/2025": one date per day (see _list_days)
        rf"(?P<list_d>[Nn]gày{_S}{DAY}(?:\s{{0,2}},\s{{0,2}}{DAY}){{0,5}}(?:\s{{0,2}},\s{{0,2}}|{_S}và{_S}){FULL_CORE}{_END})",
        # a day range without a year: "từ ngày 16 đến 20/11", "ngày 10 - 12/5"
        rf"(?P<rng_dp>{_FROM}?[Nn]gày{_S}{DAY}\s{{0,3}}(?:[-–—]|đến|tới)\s{{0,3}}(?:ngày{_S})?{DAY}[/\-]{MONTH}{_END})",
        # both sides without a year, after "ngày": "từ ngày 1/4 đến 30/6" ("từ 8/10 - 9/10" alone
        # may be scores)
        rf"(?P<rng_pp>{_FROM}?[Nn]gày{_S}{_LB}{DAY}[/\-]{MONTH}(?![\d/]){_RSEP}{DAY}[/\-]{MONTH}{_END})",
        # "ngày 12 và 13/5": the list before a day-month (year from the article's date)
        rf"(?P<list_dm>[Nn]gày{_S}{DAY}(?:\s{{0,2}},\s{{0,2}}{DAY}){{0,5}}(?:\s{{0,2}},\s{{0,2}}|{_S}và{_S}){DAY}[/\-]{MONTH}{_END})",
        rf"(?P<full>(?:{TEXTUAL_CORE}|(?:[Nn]gày{_S})?{_LB}{FULL_CORE}){_END})",  # "ngày" is cut off below
        rf"(?P<rng_month>{_FROM}?[Tt]háng{_S}{MONTH}{_MY}?{_MSEP}(?:tháng{_S})?{MONTH}{_MY}(?![\d/]))",
        rf"(?P<month>[Tt]háng{_S}{MONTH}{_MY}(?![\d/]))",
        rf"(?P<rng_year>(?<!\w)(?:{year_cues}){_S}(?:từ{_S})?{YEAR}\s{{0,3}}(?:[-–—]|đến(?:{_S}năm)?)\s{{0,3}}{YEAR}(?![\d/])"
        rf"|\(\s{{0,2}}{YEAR}\s{{0,3}}[-–—]\s{{0,3}}{YEAR}\s{{0,2}}\))",
        rf"(?P<year>(?<!\w)[Nn]ăm{_S}{YEAR}(?![\d/]|\s{{0,3}}[-–—]\s{{0,3}}\d))",
        rf"(?P<dm>(?<!\w)[Nn]gày{_S}(?:{DM_CORE}|{DAY}{_S}tháng{_S}{MONTH}(?!\d|\s{{0,3}},?\s{{0,3}}năm)))",
        # News ledes: "Chiều 17/1, UBND huyện…", "Sáng 12-3", "Trưa 20.8" (year from the article's date).
        rf"(?P<tod>{_AFTER_TIME_OF_DAY}(?:{DM_CORE}|{DAY}\.{MONTH}(?![\d.]|[/\-]\d)))",
    ]
    return re.compile("|".join(alts))


@cache
def _starts() -> re.Pattern[str]:
    """Where a date can start. Led by one character class (the word boundary is checked
    after it) so that ``re`` skips other characters fast; the full grammar is then only
    tried at these positions."""
    words = {c.split()[0] for c in _cues("year_range")} | {"từ", "ngày", "tháng", "năm"}
    firsts = {w[0].lower() for w in words} | {w[0].upper() for w in words}
    # "ngày", "tháng" start a date only before a number ("Ngày Giải phóng" does not).
    tails = "|".join(re.escape(w[1:]) + (r"\s{1,3}\d" if w in ("ngày", "tháng") else r"\s")
                     for w in sorted(words, key=len, reverse=True))
    # A number starts a date only as a day before its separator (07/4, 24-1-2022, 14.5.2011);
    # years start with their word ("năm 2024", "năm học 2017-2018") or "(".
    return re.compile(rf"[\d({''.join(sorted(firsts))}](?<!\w.)(?:(?<=\d)\d?[/\-.]|(?<=\()|{tails})")


@cache
def _holiday_before() -> re.Pattern[str]:
    return re.compile(rf"(?:^|\W)(?:{words_alt(_cues('holiday'))})\s{{1,3}}$", re.IGNORECASE)


def _ordered(a: date, b: date, kind: str) -> str | None:
    return f"{_fmt(a, kind)}/{_fmt(b, kind)}" if a <= b else None


def _fmt(d: date, kind: str) -> str:
    return d.isoformat() if kind == "day" else d.isoformat()[:7] if kind == "month" else str(d.year)


def _value(kind: str, surface: str, ctx: Context, start: int) -> tuple[str, str] | None:
    """(value, DateMention.kind) for one grammar match, or None when it is not a real date."""
    n = numbers(surface)
    if kind == "full":
        d = make_date(n[0], n[1], n[2]) if len(n) == 3 else None  # parse_full, numbers reused
        return (d.isoformat(), "day") if d else None
    if kind == "rng_full":
        a, b = make_date(n[0], n[1], n[2]), make_date(n[3], n[4], n[5])
        v = a and b and _ordered(a, b, "day")
        return (v, "range") if v else None
    if kind in ("rng_dm", "rng_d"):
        d1, m1 = (n[0], n[1]) if kind == "rng_dm" else (n[0], n[-2])
        d2, m2, y2 = n[-3], n[-2], n[-1]
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        a, b = make_date(d1, m1, y1), make_date(d2, m2, y2)
        v = a and b and _ordered(a, b, "day")
        return (v, "range") if v else None
    if kind == "rng_dp":  # the month and year of the second day, from its context
        b = _partial(ctx, start, n[1], n[2], start + len(surface))
        a = b and n[0] < n[1] and make_date(n[0], b.month, b.year)
        v = a and b and _ordered(a, b, "day")
        return (v, "range") if v else None
    if kind == "rng_pp":  # the year of the first side from its context; the second follows it
        a = _partial(ctx, start, n[0], n[1], start + len(surface))
        b = a and (make_date(n[2], n[3], a.year) if (n[3], n[2]) >= (n[1], n[0]) else make_date(n[2], n[3], a.year + 1))
        v = a and b and _ordered(a, b, "day")
        return (v, "range") if v else None
    if kind == "rng_month":
        if len(n) == 3:
            m1, y1, m2, y2 = n[0], n[2] if n[0] <= n[1] else n[2] - 1, n[1], n[2]
        else:
            m1, y1, m2, y2 = n
        a, b = make_date(1, m1, y1), make_date(1, m2, y2)
        v = a and b and _ordered(a, b, "month")
        return (v, "range") if v else None
    if kind == "month":
        d = make_date(1, n[0], n[1])
        return (d.isoformat()[:7], "month") if d else None
    if kind == "rng_year":
        y1, y2 = n
        ok = YEAR_MIN <= y1 <= YEAR_MAX and YEAR_MIN <= y2 <= YEAR_MAX and y1 < y2 <= y1 + 100  # make_date(1, 1, y)
        return (f"{y1}/{y2}", "range") if ok else None
    if kind == "year":
        return (str(n[0]), "year") if make_date(1, 1, n[0]) else None
    if kind == "tod":
        d = _partial(ctx, start, n[0], n[1], start + len(surface))
        return (d.isoformat(), "day") if d else None
    if kind == "dm":
        if _is_holiday(ctx.text, start):
            return None
        d = _partial(ctx, start, n[0], n[1], start + len(surface))
        return (d.isoformat(), "day") if d else None
    return None


_PAST_AFTER = re.compile(r"[\s,]{0,3}(?:vừa\s{1,2}qua|vừa\s{1,2}rồi|trước\s{1,2}đó)(?!\w)")


def _partial(ctx: Context, start: int, d: int, m: int, end: int) -> date | None:
    """A day-month's date: with the year written last before it in its sentence ("cuối năm 2021,
    … ngày 26-11"), else the one nearest the article's date, or the latest before it when the
    text says it is past ("từ ngày 16 đến 20/11 vừa qua")."""
    year = context_year(ctx.text, ctx.sentence_at(start)[0], start)
    if year is not None:
        return make_date(d, m, year)
    return infer_year(d, m, ctx.published, not_after=_PAST_AFTER.match(ctx.text, end) is not None)


def _is_holiday(text: str, start: int) -> bool:
    """``chào mừng ngày 2/9``, or ``Ngày 30/4`` capitalised mid-sentence: a recurring holiday."""
    if _holiday_before().search(text, max(0, start - 30), start):
        return True
    if text[start] == "N":  # not at the start of a line or sentence
        before = text[max(0, start - 6):start].rstrip(" ")
        return bool(before) and before[-1] not in ".!?:;\n(“\"-–"
    return False


def find_dates(ctx: Context) -> list[DateMention]:
    text = ctx.text
    out: list[DateMention] = []
    append = out.append
    wins = anchor_windows(_ANCHORS, text, 8)
    # Matches never overlap (finditer; _scan resumes after each match).
    for m in _gated().finditer(text) if wins is None else _scan(text, wins, _grammar().match):
        start, end = m.span()
        kind = m.lastgroup
        surface = m.group()
        if kind == "year":  # the most common mention, "năm 2024": YEAR only spells 1800–2100
            append(DateMention(surface, start, end, value=surface[-4:], kind="year"))
            continue
        if kind == "list_d":
            out += _list_days(text, start, end)
            continue
        if kind == "list_dm":
            out += _list_days(text, start, end, lambda d, m: _partial(ctx, start, d, m, end))
            continue
        got = _value(kind or "", surface, ctx, start)
        if got is None:
            continue
        if kind == "dm" or kind == "full" and surface[0] in "Nn" and surface[-5] in "/-.":
            start += _NGAY.match(surface).end()  # the surface is the date itself: "07/4/2014"
            surface = text[start:end]
        append(DateMention(surface, start, end, value=got[0], kind=got[1]))  # type: ignore[arg-type]
    return out


_NGAY = re.compile(r"[Nn]gày\s*")
_NUMBER = re.compile(r"\d+")


def _list_days(text: str, start: int, end: int, partial=None) -> list[DateMention]:
    """``ngày 5 và 6/9/2025``: each leading day takes the month and year of the full date that
    ends the list; each mention's surface is its own number (the last one, the full date).
    ``ngày 12 và 13/5``: the year is the one ``partial(day, month)`` gives the last day-month."""
    nums = list(_NUMBER.finditer(text, start, end))
    if partial is None:
        month, year, k = int(nums[-2].group()), int(nums[-1].group()), 3
    else:
        last = partial(int(nums[-2].group()), int(nums[-1].group()))
        if last is None:
            return []
        month, year, k = last.month, last.year, 2
    out = []
    for m in nums[:-k]:
        d = make_date(int(m.group()), month, year)
        if d is None:
            return []
        out.append(DateMention(m.group(), m.start(), m.end(), value=d.isoformat(), kind="day"))
    last = make_date(int(nums[-k].group()), month, year)
    if last is None:
        return []
    s = nums[-k].start()
    out.append(DateMention(text[s:end], s, end, value=last.isoformat(), kind="day"))
    return out


_HEADER_CHARS = 1500
_WEEKDAY = r"(?:[Tt]hứ\s{1,2}(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ\s{1,2}[Nn]hật)"
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,2}(?:[AaPp][Mm]|SA|CH)\b)?)"
_GLUE = r"[\s,|\-–:(\[]{0,5}"


# A full date in the header (validated later); led by a digit class so that ``re`` skips
# other characters fast. The cue, weekday or time before it is then checked on a short slice.
_HEADER_DATE = re.compile(r"[0-9](?<![\d/.,\-].)[0-9]?([/.\-])[0-9][0-9]?\1(?:1[89]|20|21)[0-9][0-9](?!\d)")


@cache
def _published_lead() -> re.Pattern[str]:
    cues = words_alt(_cues("published"))
    lead = rf"(?:(?<!\w)(?i:{cues})\s{{0,2}}:?\s{{0,2}}|{_WEEKDAY}{_GLUE}|{_TIME}{_GLUE})"
    return re.compile(rf"(?:{lead}){{1,4}}\Z")


@cache
def _lead_words() -> tuple[str, ...]:
    """Every lead holds one of these (a cue's last word, a weekday, a time's colon): a cheap
    test before the lead regex."""
    return tuple({c.split()[-1].lower() for c in _cues("published")} | {"thứ", "chủ", ":"})


_TIME_AFTER = re.compile(rf"{_GLUE}{_TIME}")
_LEAD_CHARS = 48  # "Ngày cập nhật: Thứ Hai, 08:00:00 SA - " is 38


@cache
def _published_cue() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?i:{words_alt(_cues('published'))})")


def find_published(ctx: Context) -> date | None:
    """The article's own date as its header states it (not a date from the body): a full
    date after a cue (``Ngày đăng``), a weekday or a time; before a time; or alone on its line.
    A date after a publishing cue wins over one that only has a weekday or a time (portals print
    today's date in their banner: ``Thứ Hai, 15/04/2024`` … ``Đăng lúc: 14/04/2024 08:30``)."""
    text = ctx.text
    weak: date | None = None
    for m in _HEADER_DATE.finditer(text, 0, _HEADER_CHARS):
        s, e = m.span()
        d = parse_full(m.group())
        if d is None:
            continue
        ls = max(0, s - _LEAD_CHARS)
        before = text[ls:s].lower()
        if any(w in before for w in _lead_words()) and _published_lead().search(text, ls, s):
            if _published_cue().search(text, ls, s):
                return d
            weak = weak or d
            continue
        if (s == 0 or not text[s - 1].isalnum() and text[s - 1] != "_") and _TIME_AFTER.match(text, e, _HEADER_CHARS):
            weak = weak or d
            continue
        ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", e, _HEADER_CHARS)
        if not text[ls:s].strip(" \t") and not text[e:le if le >= 0 else _HEADER_CHARS].strip(" \t"):
            weak = weak or d
    return weak or _dateline(text)


# The dateline under an official document's number: "Thạch Thất, ngày 15 tháng 3 năm 2024",
# "TP. Hồ Chí Minh, ngày 05/01/2025": a place, a comma and the date it was signed, alone on a line.
_DATELINE = re.compile(
    r"^[ \t]*[A-ZĐÀ-Ỹ][\w.]*(?:[ \t]{1,2}[A-ZĐÀ-Ỹ0-9][\w.]*){0,5},[ \t]{1,2}[Nn]gày[ \t]{1,2}"
    r"(?:(\d{1,2})[ \t]{1,2}tháng[ \t]{1,2}(\d{1,2})[ \t]{1,2}năm[ \t]{1,2}(\d{4})"
    r"|(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}))[ \t.]*$", re.M)


def _dateline(text: str) -> date | None:
    m = _DATELINE.search(text, 0, _HEADER_CHARS)
    if m is None:
        return None
    d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    return make_date(int(d), int(mo), int(y))


def _scan(text: str, wins: list[tuple[int, int]], match) -> list[re.Match[str]]:
    return scan_windows(text, wins, _starts(), match)


@cache
def _gated() -> re.Pattern[str]:
    return gated(_starts(), _grammar())
