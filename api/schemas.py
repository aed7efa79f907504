"""Response models of the API (and of the CLI's JSON) for the three user tasks.

Search responses are ``thidua.index.models.SearchResult``; the models here cover documents,
references and citations, campaigns and launches, award rows and errors.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    error: str
    detail: Any = None


class DocumentOut(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    text: str
    extraction: dict[str, Any] = Field(description="extraction.md shape, offsets into `text`")


class ReferenceOut(BaseModel):
    id: str
    kind: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    date: str | None = None
    citing_count: int = 0


class ReferenceList(BaseModel):
    references: list[ReferenceOut]


class Citing(BaseModel):
    document_id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    sentence: str
    province: str | None = None
    district: str | None = None


class YearCount(BaseModel):
    year: int
    count: int


class IdCount(BaseModel):
    id: str
    count: int


class Implementing(BaseModel):
    """A document that says it carries out (or is based on) the reference."""

    id: str
    kind: str | None = None
    relation: str  # implements / based_on
    document_id: str
    sentence: str
    date: str | None = None
    province: str | None = None
    district: str | None = None
    children: list[Implementing] = Field(default_factory=list)


class Citations(BaseModel):
    reference: ReferenceOut
    citing: list[Citing]
    total: int
    timeline: list[YearCount]
    undated: int = 0  # citing articles with no known date (not in the timeline)
    co_cited: list[IdCount]
    implementing: list[Implementing]


class CampaignOut(BaseModel):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    count: int = 0


class CampaignList(BaseModel):
    campaigns: list[CampaignOut]


class Launch(BaseModel):
    unit: str
    level: str | None = None
    province: str | None = None
    district: str | None = None
    date: str | None = None
    action: str | None = None
    document_id: str
    title: str | None = None
    sentence: str


class Launches(BaseModel):
    campaign: CampaignOut
    launches: list[Launch]
    units_without_launch: list[str] = Field(
        default_factory=list, description="with ?province=: its districts with no launch on record")


class AwardRow(BaseModel):
    award: str
    award_class: str | None = None
    grantor: str | None = None
    recipient: str | None = None
    count: int | None = None
    proposed: bool = False
    province: str | None = None
    district: str | None = None
    year: int | None = None
    published: str | None = None
    document_id: str
    title: str | None = None
    url: str | None = None
    surface: str | None = None


class AwardRows(BaseModel):
    total: int
    rows: list[AwardRow]
    totals: list[dict[str, Any]] = Field(default_factory=list, description="summed by award × recipient")


Implementing.model_rebuild()
