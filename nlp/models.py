"""Typed records that flow from extraction to the corpus, the index and the API.

Every fact carries ``surface``, ``start`` and ``end`` with ``text[start:end] == surface``,
where ``text`` is the normalised text the extractor saw (decoded, HTML stripped, NFC).
The JSON shape is the contract of ``../shared/schema/extraction.md``; fields beyond it
(``key``, ``confidence``…) are extras that the contract allows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

RefKind = Literal[
    "chi_thi", "nghi_quyet", "ket_luan", "ke_hoach", "quyet_dinh", "chuong_trinh", "cong_van",
    "thong_bao", "huong_dan", "nghi_dinh", "thong_tu", "luat", "bao_cao", "to_trinh", "other",
]
Level = Literal["province", "district", "ward", "commune", "town"]


@dataclass(slots=True)
class Fact:
    surface: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Reference(Fact):
    """A numbered official document: ``Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị``."""

    kind: str = "other"
    number: str = ""
    symbol: str | None = None
    id: str = ""  # number + separator as written + symbol upper-cased: 34-CT/TW, 167/KH-UBND
    date: str | None = None  # ISO issue date
    issuer: str | None = None
    # Canonical key that keeps apart documents sharing a number: numbers restart each term,
    # so 34-CT/TW of 2014 and a 34-CT/TW of another year or issuer get different keys.
    key: str = ""
    title: str | None = None  # "về …" subject when the text gives it


@dataclass(slots=True)
class DateMention(Fact):
    """An explicit calendar date, month, year or range: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``A/B``."""

    value: str = ""
    kind: Literal["day", "month", "year", "range"] = "day"


@dataclass(slots=True)
class Campaign(Fact):
    """A named movement or campaign (phong trào, cuộc vận động, đợt thi đua…), without quotes."""

    name: str = ""
    key: str = ""  # canonical key: folded, dash/quote/space-normalised; aliases share it
    canonical: str = ""  # display form of the canonical campaign
    cue: str | None = None  # the word that introduced it: "phong trào", "cuộc vận động"…
    confidence: float = 1.0


@dataclass(slots=True)
class AwardTally(Fact):
    """One row of an award tally: what, by whom, to whom, how many."""

    award: str = ""
    award_class: str = ""  # huan_chuong, bang_khen, giay_khen, co_thi_dua, chien_si_thi_dua…
    grantor: str | None = None
    recipient: str | None = None  # "tập thể", "cá nhân", "hộ gia đình"… or None
    count: int | None = None
    proposed: bool = False  # "đề nghị/trình … tặng": a proposal, not a grant


@dataclass(slots=True)
class Location(Fact):
    """An administrative unit named in the text, resolved against the gazetteer."""

    name: str = ""
    level: str = "province"  # province, district, ward, commune, town
    province: str | None = None
    district: str | None = None
    era: Literal["legacy", "2025", "both"] = "both"  # before / after the 1 July 2025 reform
    code: str | None = None


@dataclass(slots=True)
class Relation:
    """Facts linked within a sentence: who launched which campaign, which plan implements which."""

    kind: str  # launch, implements, based_on, award_unit
    subject: dict[str, Any]
    object: dict[str, Any]
    action: str | None
    sentence: str
    start: int
    end: int
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FACT_TYPES = ("references", "campaigns", "dates", "awards", "locations")


@dataclass(slots=True)
class Extraction:
    """All facts found in one document's text."""

    source: str | None = None
    references: list[Reference] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    awards: list[AwardTally] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    published: str | None = None  # the article's own date when the text states it
    extractor_version: str = ""
    text: str = field(default="", repr=False)  # the normalised text all offsets point into

    def facts(self, name: str) -> list[Fact]:
        return getattr(self, name)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        for name in (*FACT_TYPES, "relations"):
            out[name] = [f.to_dict() for f in getattr(self, name)]
        out["published"] = self.published
        out["extractor_version"] = self.extractor_version
        if include_text:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        def build(kind, items):
            names = {f.name for f in fields(kind)}
            return [kind(**{k: v for k, v in it.items() if k in names}) for it in items or []]

        return cls(
            source=data.get("source"),
            references=build(Reference, data.get("references")),
            campaigns=build(Campaign, data.get("campaigns")),
            dates=build(DateMention, data.get("dates")),
            awards=build(AwardTally, data.get("awards")),
            locations=build(Location, data.get("locations")),
            relations=build(Relation, data.get("relations")),
            published=data.get("published"),
            extractor_version=data.get("extractor_version", ""),
            text=data.get("text", ""),
        )
