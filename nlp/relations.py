"""Relations between facts of one sentence: who launched which campaign, which document
implements which, and which unit an award tally belongs to.

Three questions users ask stand on these: which districts launched movement X (``launch``),
who cites and carries out directive Y (``implements`` / ``based_on``), and award statistics
by unit (``award_unit``). Each relation keeps its sentence and offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import Any

from thidua.nlp.models import AwardTally, Campaign, DateMention, Location, Reference, Relation
from thidua.nlp.text import Context

# Verbs that tie a unit to a campaign, as written (articles are accented: matching the text
# itself avoids folding every window); the last one before the campaign names the action.
LAUNCH_VERBS = ("phát động", "triển khai", "hưởng ứng", "tổng kết", "sơ kết", "tổ chức", "thực hiện",
                "đẩy mạnh", "ký kết", "ban hành")
_LAUNCH = re.compile(r"\b(?:" + "|".join(LAUNCH_VERBS) + r")\b", re.IGNORECASE)
# A document that says it carries out another: "Kế hoạch … thực hiện Chỉ thị …".
# ≡ \b(?:thực hiện|triển khai(?: thực hiện)?|cụ thể ho[áa]|quán triệt)\b, case-insensitive,
# written to start with a class of the first letters (c, t, q match only themselves in either
# case) so that re skips to them; each branch re-checks its first letter by a lookbehind.
IMPLEMENT_CUES = re.compile(
    r"[CcTtQq](?<!\w.)(?:(?<=[Tt])(?i:hực hiện|riển khai(?: thực hiện)?)|(?<=[Cc])(?i:ụ thể ho[áa])"
    r"|(?<=[Qq])(?i:uán triệt))(?!\w)"
)
# ≡ \b(?:căn cứ|theo|trên cơ sở)\b, case-insensitive
BASED_ON_CUES = re.compile(r"[CcTt](?<!\w.)(?:(?<=[Cc])(?i:ăn cứ)|(?<=[Tt])(?i:heo|rên cơ sở))(?!\w)")
_LEVEL_RANK = {"district": 0, "ward": 1, "commune": 1, "town": 1, "province": 2}


def _unit(loc: Location) -> dict[str, Any]:
    return {
        "unit": loc.name,
        "level": loc.level,
        "province": loc.province if loc.level != "province" else loc.name,
        "district": loc.district if loc.level in ("ward", "commune", "town") else (loc.name if loc.level == "district" else None),
        "surface": loc.surface,
        "start": loc.start,
        "end": loc.end,
    }


def main_unit(ctx: Context, locations: list[Location]) -> Location | None:
    """The unit the article is about: a unit in its first line, else the most named local unit."""
    if not locations:
        return None
    first_line_end = ctx.text.find("\n")
    first_line_end = len(ctx.text) if first_line_end < 0 else first_line_end
    in_title = [loc for loc in locations if loc.end <= first_line_end]
    pool = in_title or locations
    counts = Counter((loc.name, loc.level) for loc in locations)
    best = min(pool, key=lambda loc: (_LEVEL_RANK.get(loc.level, 3), -counts[(loc.name, loc.level)], loc.start))
    return best


# Bounds that keep the step linear on pathological input (one 10 MB "sentence" full of facts).
WINDOW = 300  # characters of a sentence looked at before a fact, and kept around it
PAIR_REACH = 4  # a reference is paired with at most this many references after it


def _date_in(dates: list[DateMention], fallback: str | None, skip: list[tuple[int, int]] = ()) -> str | None:
    """The sentence's own day or month (not one inside a campaign name or a reference), else the
    article's date."""
    best = None
    for d in dates:
        if any(s <= d.start and d.end <= e for s, e in skip):
            continue
        if d.kind in ("day", "month"):
            return d.value
        best = best or (d.value if d.kind == "year" else None)
    return fallback or best


def _last_launch_verb(window: str) -> tuple[int, str] | None:
    """(position, verb) of the last launch verb in a short window: str.rfind per verb on the
    lower-cased window (far cheaper than a case-insensitive regex); the regex when lowering
    changes the length (some non-Vietnamese capitals) and positions would drift."""
    low = window.lower()
    if len(low) != len(window):
        found = [(m.start(), m.group().lower()) for m in _LAUNCH.finditer(window)]
        return found[-1] if found else None
    best: tuple[int, str] | None = None
    for verb in LAUNCH_VERBS:
        end = len(low)
        while (i := low.rfind(verb, 0, end)) >= 0:
            j = i + len(verb)
            if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                if best is None or i > best[0]:
                    best = (i, verb)
                break
            end = j - 1
    return best


class _Near:
    """Facts sorted by start: those within a span in O(log n + k), however many the text holds."""

    def __init__(self, facts: list[Any]):
        self.facts = sorted(facts, key=lambda f: f.start)
        self.starts = [f.start for f in self.facts]

    def within(self, lo: int, hi: int) -> list[Any]:
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return [f for f in self.facts[i:j] if f.end <= hi]


def _clip(sentence: tuple[int, int], fact: Any) -> tuple[int, int]:
    """The sentence, or a window of it around the fact when the sentence is very long."""
    return max(sentence[0], fact.start - WINDOW), min(sentence[1], fact.end + WINDOW)


def find_relations(
    ctx: Context,
    *,
    references: list[Reference],
    campaigns: list[Campaign],
    dates: list[DateMention],
    awards: list[AwardTally],
    locations: list[Location],
) -> list[Relation]:
    relations: list[Relation] = []
    text = ctx.text
    home = main_unit(ctx, locations)
    published = ctx.published.isoformat() if ctx.published else None
    locs, dated = _Near(locations), _Near(dates)
    inner = _Near([*campaigns, *references])  # dates inside these are not event dates

    sentence_dates: dict[int, str | None] = {}

    def date_for(s: tuple[int, int], fact: Any) -> str | None:
        """The sentence's own date (computed once per sentence), else the article's."""
        if s[0] not in sentence_dates:
            skip = [(f.start, f.end) for f in inner.within(s[0], s[1])]
            sentence_dates[s[0]] = _date_in(dated.within(s[0], s[1]), published, skip)
        return sentence_dates[s[0]]

    def subject_for(s: tuple[int, int], before: int) -> dict[str, Any] | None:
        # the closest local unit named before the verb in the same sentence, else the article's
        cands = locs.within(max(s[0], before - WINDOW), before)
        if cands:
            best = cands[-1]
            # "huyện Diễn Châu (tỉnh Nghệ An)", "quận Ba Đình, TP Hà Nội": the province only locates
            # the unit named just before it, which is the subject.
            if len(cands) > 1:
                prev = cands[-2]
                if best.level == "province" and prev.province == best.name and best.start - prev.end <= 3:
                    best = prev
            return _unit(best)
        return _unit(home) if home else None

    def relation(kind, subject, obj, action, s, fact, date) -> Relation:
        a, b = _clip(s, fact)
        return Relation(kind=kind, subject=subject, object=obj, action=action, sentence=text[a:b], start=a, end=b,
                        date=date)

    # launch: a campaign and a launch verb before it in one sentence
    for camp in campaigns:
        s = ctx.sentence_at(camp.start)
        head_start = max(s[0], camp.start - WINDOW)
        found = _last_launch_verb(text[head_start:camp.start])
        action, verb_at = (found[1], found[0]) if found else (None, -1)
        if action is None:
            continue
        subject = subject_for(s, head_start + verb_at)
        if subject is None:
            continue
        obj = {"campaign": camp.canonical or camp.name, "key": camp.key, "surface": camp.surface,
               "start": camp.start, "end": camp.end}
        relations.append(relation("launch", subject, obj, action, s, camp, date_for(s, camp)))

    # implements / based_on: two references of one sentence joined by a cue
    ordered = sorted(references, key=lambda r: r.start)
    for i, a in enumerate(ordered):
        s = ctx.sentence_at(a.start)
        based = None  # a "căn cứ" cue before a: looked for once, when a pair needs it
        for b in ordered[i + 1:i + 1 + PAIR_REACH]:
            if b.end > s[1] or a.key == b.key or b.start - a.end > WINDOW:
                continue
            between = text[a.end:b.start]
            if based is None:
                based = BASED_ON_CUES.search(text[max(s[0], a.start - WINDOW):a.start]) is not None
            if based and not IMPLEMENT_CUES.search(between):
                kind, doc, basis = "based_on", b, a  # "Căn cứ Chỉ thị A, … ban hành Kế hoạch B"
            elif IMPLEMENT_CUES.search(between):
                kind, doc, basis = "implements", a, b  # "Kế hoạch A … thực hiện Chỉ thị B"
            else:
                continue
            relations.append(relation(kind, _ref(doc), _ref(basis), None, s, a, doc.date))

    # award_unit: the unit an award tally belongs to
    for award in awards:
        s = ctx.sentence_at(award.start)
        inside = locs.within(award.start, award.end)
        if inside and award.grantor and (g := text.find(award.grantor, award.start, award.end)) >= 0:
            # "bằng khen của Chủ tịch UBND TP Hà Nội": the grantor's unit, not the recipients'
            inside = [u for u in inside if not (g <= u.start and u.end <= g + len(award.grantor))]
        unit = _unit(inside[0]) if inside else subject_for(s, award.start)
        if unit is None:
            continue
        obj = {"award": award.award, "count": award.count, "recipient": award.recipient,
               "start": award.start, "end": award.end}
        relations.append(relation("award_unit", unit, obj, "đề nghị" if award.proposed else "tặng", s, award,
                                  date_for(s, award)))
    return relations


def _ref(r: Reference) -> dict[str, Any]:
    return {"id": r.id, "key": r.key, "kind": r.kind, "surface": r.surface, "start": r.start, "end": r.end}
