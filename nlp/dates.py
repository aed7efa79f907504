"""Placeholder until the dates finder lands (owned by the references/dates work)."""
from __future__ import annotations
from datetime import date
from thidua.nlp.models import DateMention
from thidua.nlp.text import Context


def find_published(ctx: Context) -> date | None:
    return None


def find_dates(ctx: Context) -> list[DateMention]:
    return []
