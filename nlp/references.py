"""Placeholder until the references finder lands."""
from __future__ import annotations
from thidua.nlp.models import Reference
from thidua.nlp.text import Context


def find_references(ctx: Context) -> list[Reference]:
    return []
