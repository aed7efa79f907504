"""The spaCy view: the same facts as the rule engine, as Spans, renderable offline."""

from __future__ import annotations

import pytest

from thidua.nlp.models import FACT_TYPES
from thidua.nlp.pipeline import extract
from thidua.nlp.spacy_view import SyllableTokenizer, make_nlp, render_html, to_doc

TEXT = (
    "Huyện Nghi Lộc phát động phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới”\n"
    "Ngày 12/3/2024, UBND huyện Nghi Lộc (tỉnh Nghệ An) ban hành Kế hoạch số 45/KH-UBND thực hiện "
    "Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị. Chủ tịch UBND huyện tặng Giấy khen cho "
    "12 tập thể và 30 cá nhân."
)


@pytest.mark.parametrize("text", ["", "   ", "x", "  a  b\n\nc.", "34-CT/TW ngày 07/4/2014.", "\n\nx  "])
def test_tokenizer_covers_the_text(text):
    assert SyllableTokenizer(make_nlp().vocab)(text).text == text


def test_registered_components_give_the_rule_engine_facts():
    nlp = make_nlp()
    assert nlp.pipe_names[:5] == [
        "thidua_references", "thidua_dates", "thidua_locations", "thidua_campaigns", "thidua_awards"]
    doc = nlp(TEXT)
    ex = extract(TEXT)
    for kind in FACT_TYPES:
        facts = getattr(ex, kind)
        spans = doc.spans[kind]
        assert [(s._.fact.start, s._.fact.end) for s in spans] == [(f.start, f.end) for f in facts]
        for s in spans:  # expand mode: the span covers the fact
            assert s.start_char <= s._.fact.start and s._.fact.end <= s.end_char


def test_doc_from_offsets_and_render():
    ex = extract(TEXT)
    assert ex.references and ex.dates, "the finders should see this sentence"
    doc = to_doc(ex)
    assert doc.text == ex.text
    assert {s.label_ for s in doc.spans["facts"]} >= {"REF", "DATE"}
    html = render_html(ex)
    assert "34-CT/TW" in html and "http" not in html.replace("http://www.w3.org", "")


def test_word_tokenizer_groups_words_and_keeps_the_facts():
    ex = extract(TEXT)
    doc = to_doc(ex, tokenizer="words")
    assert doc.text == ex.text
    assert "Nghi Lộc" in [t.text for t in doc]  # one word, two syllables
    assert [(s._.fact.start, s._.fact.end) for s in doc.spans["references"]] == [(r.start, r.end) for r in ex.references]
    with pytest.raises(ValueError):
        make_nlp("nope")
