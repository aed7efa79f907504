"""Bytes → normalised text. Placeholder interface; the input work replaces the body."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thidua.nlp.text import normalize_text


class DecodeError(ValueError):
    """The bytes are not a text or HTML document we can read."""


@dataclass(slots=True)
class Decoded:
    text: str  # NFC, HTML stripped: every offset points into this
    is_html: bool
    encoding: str
    title: str | None = None
    published: date | None = None


def decode_document(data: bytes, *, name: str = "<bytes>") -> Decoded:
    if b"\x00" in data[:4096]:
        raise DecodeError(f"{name}: looks like a binary file, not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{name}: cannot decode ({exc})") from exc
    return Decoded(text=normalize_text(text), is_html=False, encoding="utf-8")
