"""`thidua extract` through a subprocess, as users and scripts call it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
KEYS = {"source", "references", "campaigns", "dates", "awards", "locations"}
FACTS = ("references", "campaigns", "dates", "awards", "locations")


def thidua(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "1000"}  # rich must not wrap the error lines
    return subprocess.run(
        [sys.executable, "-m", "thidua.cli", "extract", *args],
        cwd=cwd, input=stdin, capture_output=True, env=env, timeout=300,
    )


def lines(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for f in DATA.iterdir():
        if f.suffix != ".py" and f.is_file():
            shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_json_prints_one_line_per_file_in_order_with_the_contract_keys(data):
    names = ["article.html", "article.txt", "empty.txt"]
    proc = thidua("--json", *names, cwd=data)
    assert proc.returncode == 0, proc.stderr.decode()
    out = lines(proc)
    assert [o["source"] for o in out] == names
    for o in out:
        assert KEYS <= o.keys()
        text = (data / o["source"]).read_bytes()
        assert all(isinstance(o[k], list) for k in FACTS), text[:40]


def test_offsets_in_the_json_point_into_the_printed_text(data):
    (o,) = lines(thidua("--json", "--with-text", "article_entities.html", cwd=data))
    for kind in FACTS:
        for f in o[kind]:
            assert o["text"][f["start"]:f["end"]] == f["surface"]


def test_dash_reads_standard_input(data):
    body = (data / "article.txt").read_bytes()
    out = lines(thidua("--json", "-", "article.txt", cwd=data, stdin=body))
    assert [o["source"] for o in out] == ["-", "article.txt"]
    assert {k: out[0][k] for k in FACTS} == {k: out[1][k] for k in FACTS}


def test_binary_and_missing_files_are_reported_and_the_others_still_printed(data):
    proc = thidua("--json", "article.txt", "binary.dat", "khong-co.txt", "fake.pdf.txt", "blank.txt", cwd=data)
    assert proc.returncode == 1
    assert [o["source"] for o in lines(proc)] == ["article.txt", "blank.txt"]
    err = proc.stderr.decode("utf-8")
    for name, words in (("binary.dat", "binary"), ("khong-co.txt", "cannot read"), ("fake.pdf.txt", "PDF")):
        line = next((ln for ln in err.splitlines() if name in ln), "")
        assert words in line, err


def test_empty_and_blank_files_give_empty_lists(data):
    proc = thidua("--json", "empty.txt", "blank.txt", cwd=data)
    assert proc.returncode == 0, proc.stderr.decode()
    for o in lines(proc):
        assert all(o[k] == [] for k in FACTS), o


VARIANTS = [
    "article_bom.txt", "article_utf16.txt", "article_utf16le_nobom.txt", "article_cp1258.txt",
    "article_nfd.txt", "article_crlf.txt", "article_mojibake.txt",
    "article.html", "article_entities.html", "article_cp1258.html",
]


def test_every_encoding_and_html_variant_gives_the_utf8_facts(data):
    proc = thidua("--json", "--with-text", "article.txt", *VARIANTS, cwd=data)
    assert proc.returncode == 0, proc.stderr.decode()
    reference, *others = lines(proc)
    assert reference["text"] == (data / "article.txt").read_text(encoding="utf-8")
    for o in others:
        assert o["text"] == reference["text"], o["source"]
        # Same text, so same facts, offsets included.
        assert {k: o[k] for k in FACTS} == {k: reference[k] for k in FACTS}, o["source"]


def test_without_json_prints_a_table(data):
    proc = thidua("article.txt", cwd=data)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "article.txt" in proc.stdout.decode("utf-8")
