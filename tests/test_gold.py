"""Extraction quality with the shared scorer: the five sample articles against the shared gold,
and the articles of eval/dev, eval/holdout and the probe sets eval/p10a … p10e against their hand
annotations.

Floors live in eval/baseline.json; the test fails when any type's F1 drops below its floor.
"""

from __future__ import annotations

import json
import subprocess
import sys

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

BASELINE = json.loads((ROOT / "eval" / "baseline.json").read_text(encoding="utf-8"))["floors"]
SCORER = SHARED / "scripts" / "score_extraction.py"
SETS = {
    "sample": (SHARED / "seeds", SHARED / "gold"),
    "dev": (ROOT / "eval" / "dev" / "texts", ROOT / "eval" / "dev" / "gold"),
    "holdout": (ROOT / "eval" / "holdout" / "texts", ROOT / "eval" / "holdout" / "gold"),
    # probe sets: articles written and annotated before the extractor was run on them (session 10)
    **{name: (ROOT / "eval" / name / "texts", ROOT / "eval" / name / "gold")
       for name in ("p10a", "p10b", "p10c", "p10d", "p10e")},
}


def score(texts, gold, tmp_path) -> dict:
    if not gold.is_dir() or not SCORER.exists():
        pytest.skip(f"{gold} or {SCORER} not found: the shared folder must sit beside the project (../shared)")
    files = sorted(str(p) for p in texts.glob("*.txt"))
    out = subprocess.run(
        [sys.executable, "-m", "thidua.cli", "extract", "--json", *files],
        capture_output=True, text=True, check=True, timeout=120,
    )
    assert len(out.stdout.splitlines()) == len(files)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(out.stdout, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True, text=True, check=True, timeout=60,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["missing_documents"] == []
    return report["scores"]


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    return {name: score(texts, gold, tmp_path_factory.mktemp(name)) for name, (texts, gold) in SETS.items()}


@pytest.mark.parametrize("corpus, kind", [(c, k) for c in BASELINE for k in sorted(BASELINE[c])])
def test_f1_at_or_above_floor(scores, corpus, kind):
    got = scores[corpus][kind]
    assert got["f1"] >= BASELINE[corpus][kind], f"{corpus} {kind}: {got} below floor {BASELINE[corpus][kind]}"
