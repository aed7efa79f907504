"""The search request and response, shared by both backends, the CLI and the API.

``SearchResult.model_dump(mode="json")`` is the body of ``GET /api/search``
(``../shared/schema/interfaces.md``): ``total``, ``hits`` (``id, title, url, published,
highlights``) and ``facets`` (``{name: [{value, count}]}``), plus a few extra keys.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class SearchQuery(BaseModel):
    q: str = ""
    filters: dict[str, list[str]] = Field(default_factory=dict)  # facet → selected values (OR)
    page: int = Field(1, ge=1, le=1000)
    size: int = Field(10, ge=0, le=100)
    facets: list[str] | None = None  # which facets to count; None = every declared facet
    facet_size: int = Field(10, ge=1, le=200)
    highlight: bool = True


class Span(BaseModel):
    start: int  # offsets into the highlight's text
    end: int


class FactSpan(Span):
    type: str  # reference, campaign, award, location, date
    label: str = ""


class Highlight(BaseModel):
    """A matching passage: its text, where it starts in the document, what matched, which facts."""

    text: str
    offset: int
    matches: list[Span] = Field(default_factory=list)
    facts: list[FactSpan] = Field(default_factory=list)
    html: str = ""  # text escaped, matches in <mark>, facts in <span class="fact fact-TYPE">


class SearchHit(BaseModel):
    id: str
    title: str | None = None
    url: str
    published: date | None = None
    source: str | None = None
    score: float = 0.0
    highlights: list[Highlight] = Field(default_factory=list)


class FacetValue(BaseModel):
    value: str
    count: int
    selected: bool = False


class SearchResult(BaseModel):
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]]
    page: int = 1
    size: int = 10
    facets_truncated: list[str] = Field(default_factory=list)  # more values than facet_size
    facets_timed_out: list[str] = Field(default_factory=list)  # not counted within the limit
    took_ms: float = 0.0
    backend: str = ""


# --- aggregations -----------------------------------------------------------------------
class AwardTallyRow(BaseModel):
    """Award tallies summed by award × recipient × unit × year."""

    award: str
    recipient: str | None
    province: str | None
    district: str | None
    year: int | None
    count: int  # sum of the tallies' counts (tallies without a number count 0)
    tallies: int  # how many tallies were summed
    documents: int


class CitationRow(BaseModel):
    """How often a reference is cited, by year and unit."""

    reference: str
    year: int | None
    province: str | None
    district: str | None
    documents: int


class CampaignUnitRow(BaseModel):
    """Units whose documents mention a campaign."""

    campaign: str
    province: str | None
    district: str | None
    documents: int


class Health(BaseModel):
    ok: bool
    backend: str
    documents: int = 0
    detail: str = ""
