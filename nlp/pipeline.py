"""The extraction pipeline: normalised text → the five fact types (+ relations).

The rules run on the plain normalised string (fast, one pass per finder); a spaCy ``Doc``
is built from the same offsets only when a view needs it (``thidua.nlp.spacy_view``).
"""

from __future__ import annotations

from datetime import date

from thidua.nlp.models import Extraction
from thidua.nlp.text import Context, normalize_text

# Bump when a rule changes what is extracted: stored documents with an older version
# are re-extracted by `thidua reextract`.
EXTRACTOR_VERSION = "0.3.0"


def extract(
    text: str,
    *,
    source: str | None = None,
    published: date | None = None,
    normalized: bool = False,
) -> Extraction:
    """Extract every fact type from ``text``.

    ``published`` is the article's date when known from metadata; otherwise it is looked
    for in the text's header. It gives partial dates (``ngày 26-11``) their year.
    """
    from thidua.nlp import awards, campaigns, dates, places, references, relations

    if not normalized:
        text = normalize_text(text)
    ctx = Context(text, published=published)
    if ctx.published is None:
        ctx.published = dates.find_published(ctx)
    found_dates = dates.find_dates(ctx)
    found_refs = references.find_references(ctx)
    found_places = places.find_locations(ctx)
    found_campaigns = campaigns.find_campaigns(ctx, references=found_refs)
    found_awards = awards.find_awards(ctx)
    found_relations = relations.find_relations(
        ctx,
        references=found_refs,
        campaigns=found_campaigns,
        dates=found_dates,
        awards=found_awards,
        locations=found_places,
    )
    return Extraction(
        source=source,
        references=found_refs,
        campaigns=found_campaigns,
        dates=found_dates,
        awards=found_awards,
        locations=found_places,
        relations=found_relations,
        published=ctx.published.isoformat() if ctx.published else None,
        extractor_version=EXTRACTOR_VERSION,
        text=text,
    )
