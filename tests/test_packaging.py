"""Import names live under `thidua.` whatever the install: editable (this venv) or a plain wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_editable_install_maps_top_level_folders():
    import thidua.api
    import thidua.corpus
    import thidua.crawler
    import thidua.index
    import thidua.nlp

    assert thidua.nlp.__file__.startswith(str(ROOT / "nlp"))
    assert thidua.corpus.__file__.startswith(str(ROOT / "corpus"))


@pytest.mark.slow
def test_wheel_contains_packages_and_data_and_runs(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("thidua-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for must in ("thidua/cli.py", "thidua/nlp/pipeline.py", "thidua/corpus/models.py", "thidua/index/__init__.py",
                 "thidua/api/__init__.py", "thidua/crawler/__init__.py"):
        assert must in names
    assert any(n.startswith("thidua/nlp/data/") and not n.endswith(".py") for n in names), "rule tables missing"
    assert not any(n.startswith(("nlp/", "tests/", "corpus/")) for n in names), "top-level names leaked"
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, timeout=300)
    probe = (
        "import thidua.nlp.pipeline as p, sys; "
        f"assert p.__file__.startswith({str(target)!r}), p.__file__; "
        "ex = p.extract('Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị'); print(len(ex.references))"
    )
    out = subprocess.run([sys.executable, "-c", probe], env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
