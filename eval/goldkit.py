"""What every eval set's make_gold.py shares: the record builders and the writer of gold/*.json
in the shared format (`python eval/<set>/make_gold.py` after editing an annotation)."""

import json
from pathlib import Path


def R(kind, number, symbol, rid, date=None, issuer=None):
    return {"kind": kind, "number": number, "symbol": symbol, "id": rid, "date": date, "issuer": issuer}


def A(award, grantor, recipient, count):
    return {"award": award, "grantor": grantor, "recipient": recipient, "count": count}


def L(name, level):
    return {"name": name, "level": level}


def write(here: Path, annotations: dict, *, check_locations: bool = False, check_references: bool = False) -> None:
    """gold/<name>.json for each annotated text/<name>.txt; campaigns (and, when asked, locations
    and reference numbers) must be written in the text as annotated."""
    out = here / "gold"
    out.mkdir(exist_ok=True)
    for name, g in annotations.items():
        text = (here / "texts" / f"{name}.txt").read_text(encoding="utf-8")
        for c in g["campaigns"]:
            assert c in text, (name, c)
        if check_locations:
            for loc in g["locations"]:
                assert loc["name"] in text, (name, loc)
        if check_references:
            for r in g["references"]:
                assert r["number"] in text, (name, r)
        gold = {
            "references": g["references"],
            "campaigns": [{"name": c, "surface": c} for c in g["campaigns"]],
            "dates": [{"value": d} for d in g["dates"]],
            "awards": g["awards"],
            "locations": g["locations"],
        }
        (out / f"{name}.json").write_text(
            json.dumps({"source": f"{name}.txt", "gold": gold, "notes": g["notes"]}, ensure_ascii=False, indent=1),
            encoding="utf-8")
