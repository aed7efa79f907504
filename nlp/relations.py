"""Relations between facts of one sentence: who launched which campaign, which document
implements which, and which unit an award tally belongs to.

Three questions users ask stand on these: which districts launched movement X (``launch``),
who cites and carries out directive Y (``implements`` / ``based_on``), and award statistics
by unit (``award_unit``). Each relation keeps its sentence and offsets.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from thidua.nlp.models import AwardTally, Campaign, DateMention, Location, Reference, Relation
from thidua.nlp.text import Context, fold

# Verbs that tie a unit to a campaign, folded; the first matching one names the action.
LAUNCH_VERBS = {
    "phat dong": "phát động",
    "trien khai": "triển khai",
    "huong ung": "hưởng ứng",
    "tong ket": "tổng kết",
    "so ket": "sơ kết",
    "to chuc": "tổ chức",
    "thuc hien": "thực hiện",
    "day manh": "đẩy mạnh",
    "ky ket": "ký kết",
    "ban hanh": "ban hành",
}
# A document that says it carries out another: "Kế hoạch … thực hiện Chỉ thị …".
IMPLEMENT_CUES = re.compile(
    r"\b(?:thuc hien|trien khai(?: thuc hien)?|cu the hoa|quan triet)\b", re.IGNORECASE
)
BASED_ON_CUES = re.compile(r"\b(?:can cu|theo|tren co so)\b", re.IGNORECASE)
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


def _in(span: tuple[int, int], fact: Any) -> bool:
    return span[0] <= fact.start and fact.end <= span[1]


def _date_in(sentence: tuple[int, int], dates: list[DateMention], fallback: str | None,
             skip: list[tuple[int, int]] = ()) -> str | None:
    """The sentence's own day or month (not one inside a campaign name or a reference), else the
    article's date."""
    best = None
    for d in dates:
        if not _in(sentence, d) or any(s <= d.start and d.end <= e for s, e in skip):
            continue
        if d.kind in ("day", "month"):
            return d.value
        best = best or (d.value if d.kind == "year" else None)
    return fallback or best


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
    inner = [(f.start, f.end) for f in (*campaigns, *references)]  # dates inside these are not event dates

    def sentence_of(fact: Any) -> tuple[int, int]:
        return ctx.sentence_at(fact.start)

    def subject_for(sentence: tuple[int, int], before: int) -> dict[str, Any] | None:
        # the closest local unit named before the verb in the same sentence, else the article's
        cands = [loc for loc in locations if _in(sentence, loc) and loc.end <= before]
        if cands:
            return _unit(max(cands, key=lambda loc: (loc.end, -_LEVEL_RANK.get(loc.level, 3))))
        return _unit(home) if home else None

    # launch: a campaign and a launch verb in one sentence
    for camp in campaigns:
        s = sentence_of(camp)
        head = fold(text[s[0]:camp.start])
        action, verb_at = None, -1
        for key_, verb in LAUNCH_VERBS.items():
            i = head.rfind(key_)
            if i > verb_at:
                action, verb_at = verb, i
        if action is None:
            continue
        subject = subject_for(s, s[0] + verb_at)
        if subject is None:
            continue
        relations.append(Relation(
            kind="launch",
            subject=subject,
            object={"campaign": camp.canonical or camp.name, "key": camp.key, "surface": camp.surface,
                    "start": camp.start, "end": camp.end},
            action=action,
            sentence=text[s[0]:s[1]],
            start=s[0],
            end=s[1],
            date=_date_in(s, dates, published, inner),
        ))

    # implements / based_on: two references in one sentence joined by a cue
    for i, a in enumerate(references):
        s = sentence_of(a)
        for b in references[i + 1:]:
            if not _in(s, b) or a.key == b.key:
                continue
            between = fold(text[a.end:b.start])
            before = fold(text[s[0]:a.start])
            if BASED_ON_CUES.search(before) and not IMPLEMENT_CUES.search(between):
                # "Căn cứ Chỉ thị A, … ban hành Kế hoạch B": B is based on A
                kind, doc, basis = "based_on", b, a
            elif IMPLEMENT_CUES.search(between):
                kind, doc, basis = "implements", a, b
            else:
                continue
            relations.append(Relation(
                kind=kind,
                subject=_ref(doc),
                object=_ref(basis),
                action=None,
                sentence=text[s[0]:s[1]],
                start=s[0],
                end=s[1],
                date=doc.date,
            ))

    # award_unit: the unit an award tally belongs to
    for award in awards:
        s = sentence_of(award)
        inside = [loc for loc in locations if _in((award.start, award.end), loc)]
        unit = _unit(inside[0]) if inside else subject_for(s, award.start)
        if unit is None:
            continue
        relations.append(Relation(
            kind="award_unit",
            subject=unit,
            object={"award": award.award, "count": award.count, "recipient": award.recipient,
                    "start": award.start, "end": award.end},
            action="đề nghị" if award.proposed else "tặng",
            sentence=text[s[0]:s[1]],
            start=s[0],
            end=s[1],
            date=_date_in(s, dates, published, inner),
        ))
    return relations


def _ref(r: Reference) -> dict[str, Any]:
    return {"id": r.id, "key": r.key, "kind": r.kind, "surface": r.surface, "start": r.start, "end": r.end}
