"""`thidua search` over the default (embedded) index: --json is the GET /api/search object; bad input exits 1."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from corpus import build
from thidua.cli import app
from thidua.index.base import open_backend


def _index(home):
    with open_backend(home=home) as engine:  # the default engine, as `thidua index` builds it
        engine.rebuild(build())


def test_search_json_shape(thidua_home):
    _index(thidua_home)
    result = CliRunner().invoke(app, ["search", "dong da", "--json", "--facet", "year=2024", "--facet", "year=2023"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 3 and {h["id"] for h in data["hits"]} == {"d1", "d2", "d4"}
    assert set(data["hits"][0]) >= {"id", "title", "url", "published", "highlights"}
    assert {"province", "district", "year", "reference", "campaign", "award"} <= set(data["facets"])
    assert set(data["facets"]["year"][0]) >= {"value", "count"}


def test_search_readable_listing(thidua_home):
    _index(thidua_home)
    result = CliRunner().invoke(app, ["search", "34-CT/TW"])
    assert result.exit_code == 0 and "Đống Đa phát động" in result.stdout


def test_unknown_facet_and_missing_index_exit_1(thidua_home):
    assert CliRunner().invoke(app, ["search", "x"]).exit_code == 1  # no index yet
    _index(thidua_home)
    assert CliRunner().invoke(app, ["search", "x", "--facet", "colour=red"]).exit_code == 1
