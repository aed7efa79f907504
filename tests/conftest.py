"""Shared fixtures: paths to the sample corpus and the shared gold, a fresh data home."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def thidua_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("THIDUA_HOME", str(home))
    return home
