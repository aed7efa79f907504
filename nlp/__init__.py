"""Vietnamese extraction: bytes → normalised text → references, dates, campaigns, awards, places.

``extract(text)`` is the entry point; ``thidua.nlp.models`` holds the records it returns.
"""

from thidua.nlp.models import (  # noqa: F401
    AwardTally,
    Campaign,
    DateMention,
    Extraction,
    Location,
    Reference,
)


def extract(text: str, **kwargs):  # late import keeps `import thidua.nlp` cheap
    from thidua.nlp.pipeline import extract as _extract

    return _extract(text, **kwargs)
