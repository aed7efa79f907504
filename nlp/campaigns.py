"""Placeholder until the campaigns finder lands."""
from __future__ import annotations
from thidua.nlp.models import Campaign, Reference
from thidua.nlp.text import Context


def find_campaigns(ctx: Context, references: list[Reference] | None = None) -> list[Campaign]:
    return []
