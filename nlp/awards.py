"""Placeholder until the awards finder lands."""
from __future__ import annotations
from thidua.nlp.models import AwardTally
from thidua.nlp.text import Context


def find_awards(ctx: Context) -> list[AwardTally]:
    return []
