"""The five sample articles, scored against the shared gold with the shared scorer.

Floors live in eval/baseline.json; the test fails when any type's F1 drops below its floor.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

FLOORS = json.loads((ROOT / "eval" / "baseline.json").read_text(encoding="utf-8"))["floors"]


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    gold, seeds, scorer = SHARED / "gold", SHARED / "seeds", SHARED / "scripts" / "score_extraction.py"
    if not gold.is_dir() or not scorer.exists():
        pytest.skip(f"{gold} not found: the shared folder must sit beside the project (../shared)")
    pred = tmp_path_factory.mktemp("gold") / "pred.jsonl"
    files = sorted(str(p) for p in seeds.glob("*.txt"))
    out = subprocess.run(
        [sys.executable, "-m", "thidua.cli", "extract", "--json", *files],
        capture_output=True, text=True, check=True, timeout=120,
    )
    pred.write_text(out.stdout, encoding="utf-8")
    assert len(out.stdout.splitlines()) == len(files)
    result = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json", "-v"],
        capture_output=True, text=True, check=True, timeout=60,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["missing_documents"] == []
    return report["scores"]


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_f1_at_or_above_floor(scores, kind):
    assert scores[kind]["f1"] >= FLOORS[kind], f"{kind}: {scores[kind]} below floor {FLOORS[kind]}"
