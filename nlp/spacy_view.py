"""The spaCy view of an extraction: a ``Doc`` whose spans are the facts, for displaCy.

The rules run on the plain normalised string (``thidua.nlp.pipeline``), because building a
``Doc`` costs more than all the rules together (measured in ``benchmarks/extract.py``). When a
view is wanted — rendering, the document page — the same offsets become ``Span``s through
``doc.char_span``: one set of facts, two views.

The finders are also registered as spaCy components by name (``thidua_references``,
``thidua_dates``, …), so ``make_nlp()`` is a real ``Language`` whose pipeline produces the
same spans from raw text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans
from spacy.vocab import Vocab

from thidua.nlp.models import FACT_TYPES, Extraction
from thidua.nlp.text import Context

LABELS = {
    "references": "REF",
    "dates": "DATE",
    "campaigns": "CAMPAIGN",
    "awards": "AWARD",
    "locations": "LOC",
}
# Distinct colours for the document view (displaCy ``span`` style allows overlaps:
# a reference contains its date).
COLORS = {"REF": "#fdd49e", "DATE": "#c6dbef", "CAMPAIGN": "#c7e9c0", "AWARD": "#fcbba1", "LOC": "#dadaeb"}
SPANS_KEY = "facts"

if not Span.has_extension("fact"):
    Span.set_extension("fact", default=None)

# Syllables, numbers with their inner separators (34-CT/TW stays splittable at / and -),
# and single punctuation marks: a Vietnamese-friendly tokenisation that covers the text.
_TOKEN = re.compile(r"\w+|[^\w\s]")


class SyllableTokenizer:
    """Whitespace + punctuation tokenizer: one token per syllable or mark; ``doc.text == text``."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        matches = list(_TOKEN.finditer(text))
        for i, m in enumerate(matches):
            nxt = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            gap = text[m.end():nxt]
            words.append(m.group())
            # spaCy keeps at most one trailing space per token; longer gaps become space tokens.
            if gap == " ":
                spaces.append(True)
            elif gap:
                spaces.append(False)
                words.append(gap)
                spaces.append(False)
            else:
                spaces.append(False)
        if matches and matches[0].start() > 0:
            words.insert(0, text[: matches[0].start()])
            spaces.insert(0, False)
        if not matches and text:
            words, spaces = [text], [False]
        return Doc(self.vocab, words=words, spaces=spaces)


class WordTokenizer:
    """underthesea's word segmentation (``Thạch Thất``, ``lao động`` as one token each).

    About 200 k chars/s, so it is for the document view only, never the extraction hot path;
    where its words cannot be aligned with the text it falls back to syllables.
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.syllables = SyllableTokenizer(vocab)

    def __call__(self, text: str) -> Doc:
        from spacy.util import get_words_and_spaces
        from underthesea import word_tokenize

        try:
            tokens = [t for line in text.split("\n") for t in word_tokenize(line)]
            words, spaces = get_words_and_spaces(tokens, text)
        except Exception:  # underthesea rewrote a character: alignment impossible
            return self.syllables(text)
        return Doc(self.vocab, words=words, spaces=spaces)


TOKENIZERS = {"syllables": SyllableTokenizer, "words": WordTokenizer}


def _context(doc: Doc) -> Context:
    ctx = doc.user_data.get("thidua_ctx")
    if ctx is None:
        from thidua.nlp import dates

        ctx = Context(doc.text)
        ctx.published = dates.find_published(ctx)
        doc.user_data["thidua_ctx"] = ctx
    return ctx


def _add(doc: Doc, kind: str, facts: list[Any]) -> None:
    group = doc.spans.get(kind) or SpanGroup(doc, name=kind)
    for fact in facts:
        span = doc.char_span(fact.start, fact.end, label=LABELS[kind], alignment_mode="expand")
        if span is not None:
            span._.fact = fact
            group.append(span)
    doc.spans[kind] = group
    doc.user_data.setdefault("thidua_found", {})[kind] = facts


def _finder_component(kind: str):
    def component(doc: Doc) -> Doc:
        from thidua.nlp import awards, campaigns, dates, places, references

        ctx = _context(doc)
        found = doc.user_data.setdefault("thidua_found", {})
        if kind == "references":
            facts = references.find_references(ctx)
        elif kind == "dates":
            facts = dates.find_dates(ctx)
        elif kind == "campaigns":
            facts = campaigns.find_campaigns(ctx, references=found.get("references", []))
        elif kind == "awards":
            facts = awards.find_awards(ctx)
        else:
            facts = places.find_locations(ctx)
        _add(doc, kind, facts)
        return doc

    return component


for _kind in FACT_TYPES:
    Language.component(
        f"thidua_{_kind}",
        assigns=["doc.spans"],
        func=_finder_component(_kind),
    )


@Language.component("thidua_merge", assigns=["doc.spans", "doc.ents"])
def merge_facts(doc: Doc) -> Doc:
    """All facts in one overlapping group (for displaCy) and the longest, non-overlapping in ents."""
    spans = [s for kind in FACT_TYPES for s in doc.spans.get(kind, [])]
    doc.spans[SPANS_KEY] = spans
    doc.ents = filter_spans(spans)
    return doc


@lru_cache(maxsize=2)
def make_nlp(tokenizer: str = "syllables") -> Language:
    """A blank Vietnamese ``Language`` with our tokenizer and the finders as named components.

    ``tokenizer``: ``syllables`` (fast, the default) or ``words`` (underthesea word segmentation).
    """
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"unknown tokenizer {tokenizer!r}: use {', '.join(TOKENIZERS)}")
    nlp = Language(Vocab())
    nlp.lang = "vi"
    nlp.tokenizer = TOKENIZERS[tokenizer](nlp.vocab)
    # references before campaigns: a quote right after a reference is its title, not a campaign
    for kind in ("references", "dates", "locations", "campaigns", "awards"):
        nlp.add_pipe(f"thidua_{kind}")
    nlp.add_pipe("thidua_merge")
    return nlp


def to_doc(extraction: Extraction, text: str | None = None, tokenizer: str = "syllables") -> Doc:
    """Build the ``Doc`` view of an existing extraction from its offsets (no rule re-runs)."""
    nlp = make_nlp(tokenizer)
    doc = nlp.tokenizer(text if text is not None else extraction.text)
    for kind in FACT_TYPES:
        _add(doc, kind, getattr(extraction, kind))
    return merge_facts(doc)


def render_html(extraction: Extraction, text: str | None = None, tokenizer: str = "words") -> str:
    """displaCy markup of the facts in distinct colours (offline, links nothing external).

    The ``ent`` style keeps the text readable inline; where facts overlap (a reference holds its
    date) the longest is marked and the table beside the text lists the rest.
    """
    from spacy import displacy

    doc = to_doc(extraction, text, tokenizer)
    return displacy.render(doc, style="ent", options={"colors": COLORS}, page=False, jupyter=False)
