"""Speed of `thidua extract`'s engine, side by side with underthesea's NER and a spaCy Doc.

    .venv/bin/python benchmarks/extract.py [--docs 2000] [--ner-docs 5]

Runs on one core (one process). The documents are the sample articles with their paragraphs
rotated and their numbers and names varied, so no two are equal and each is about 10 KB.
Prints docs/s and MB/s for: the rule engine (decode + extract), underthesea's ``ner`` on a
small subset, and building the spaCy ``Doc`` view from the same offsets.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "corpus" / "sample").glob("*.txt")) or sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))

UNITS = ["Thạch Thất", "Quốc Oai", "Đông Anh", "Gia Lâm", "Nghi Lộc", "Diễn Châu", "Cẩm Lệ", "Hải Châu", "Thanh Xuân", "Ba Đình"]


def make_documents(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    paragraphs = [p for f in SAMPLES for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    docs = []
    for i in range(n):
        rng.shuffle(paragraphs)
        body, size = [], 0
        for p in paragraphs:
            body.append(p)
            size += len(p.encode())
            if size >= 10_000:
                break
        text = "\n".join(body)
        text = text.replace("2024", str(2015 + i % 10)).replace("Thạch Thất", rng.choice(UNITS))
        text = text.replace("1.774", f"{rng.randint(1, 9)}.{rng.randint(100, 999)}")
        docs.append(text)
    return docs


def bench_engine(docs: list[bytes]) -> tuple[float, float]:
    from thidua.nlp.decode import decode_document
    from thidua.nlp.pipeline import extract

    extract(docs[0].decode())  # warm: tables, gazetteer
    t0 = time.perf_counter()
    for i, data in enumerate(docs):
        d = decode_document(data, name=str(i))
        extract(d.text, normalized=True, published=d.published)
    return time.perf_counter() - t0, sum(map(len, docs))


def bench_ner(docs: list[str]) -> float:
    from underthesea import ner, sent_tokenize

    ner("Hà Nội")  # load the model
    t0 = time.perf_counter()
    for text in docs:
        for sentence in sent_tokenize(text):  # per sentence: ~14x faster than whole text
            ner(sentence)
    return time.perf_counter() - t0


def bench_spacy_view(docs: list[str]) -> float:
    from thidua.nlp.pipeline import extract
    from thidua.nlp.spacy_view import to_doc

    extractions = [extract(t) for t in docs]
    t0 = time.perf_counter()
    for ex in extractions:
        to_doc(ex)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--ner-docs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=3, help="engine runs; the median is reported")
    args = ap.parse_args()
    console = Console()
    texts = make_documents(args.docs)
    raw = [t.encode("utf-8") for t in texts]
    mb = sum(map(len, raw)) / 1e6
    console.print(f"{len(texts)} documents, {mb:.1f} MB, mean {mb * 1e3 / len(texts):.1f} KB")

    runs = [bench_engine(raw)[0] for _ in range(args.repeat)]
    engine = statistics.median(runs)
    table = Table(title="thidua extract engine vs underthesea NER (one core)")
    for col in ("what", "docs", "seconds", "docs/s", "MB/s", "ms/doc"):
        table.add_column(col, justify="right" if col != "what" else "left")
    table.add_row("thidua rules (decode + extract)", str(len(raw)), f"{engine:.2f}",
                  f"{len(raw) / engine:,.0f}", f"{mb / engine:.2f}", f"{engine * 1e3 / len(raw):.3f}")
    sub = texts[: max(50, args.ner_docs)]
    view = bench_spacy_view(sub)
    table.add_row("spaCy Doc view (to_doc)", str(len(sub)), f"{view:.2f}",
                  f"{len(sub) / view:,.0f}", f"{sum(len(t.encode()) for t in sub) / 1e6 / view:.2f}", f"{view * 1e3 / len(sub):.3f}")
    if args.ner_docs:
        nsub = texts[: args.ner_docs]
        ner_s = bench_ner(nsub)
        table.add_row("underthesea ner (per sentence)", str(len(nsub)), f"{ner_s:.2f}",
                      f"{len(nsub) / ner_s:,.1f}", f"{sum(len(t.encode()) for t in nsub) / 1e6 / ner_s:.3f}", f"{ner_s * 1e3 / len(nsub):.1f}")
    console.print(table)


if __name__ == "__main__":
    main()
