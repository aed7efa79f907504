"""Build ``nlp/data/gazetteer.json.gz`` from the installed vietnamadminunits package.

    .venv/bin/python -m thidua.nlp.build_gazetteer          # rewrite the data file
    .venv/bin/python -m thidua.nlp.build_gazetteer --check  # exit 1 if it is stale

The package's SQLite tables are read once, here, never at run time: the output is a
compact, deterministic (sorted, gzip mtime 0) table of units that ``gazetteer.py`` loads
in a few milliseconds.  Each unit row is

    [name, type, era, province_row, district_row, code, successor_row]

``name`` has no type prefix (``Thạch Thất``; numbered units keep only the number: ``1``)
and no label (the package writes ``Kỳ Anh (Huyện)`` and ``Kỳ Anh (Thị xã)``: same name, the
type tells them apart),
``type`` is the Vietnamese unit type (``Huyện``, ``Phường``, ``Đặc khu``…), ``era`` is
``L`` (before 1 July 2025) or ``N`` (from 2025), rows point at rows (-1 for none), and
``successor_row`` is the 2025 unit a legacy province or ward became, where the package's
converter knows it (for a split ward: the default new ward).

``former`` lists units merged away before the package's legacy snapshot (``phường Cát Dài``
and ``phường Niệm Nghĩa`` of Lê Chân, Hải Phòng, merged on 1 January 2025; ``huyện Đông
Sơn``, ``thị xã Cửa Lò``).  The package keeps them only as search keys of the unit they
merged into (``wardAlias``/``districtAlias``: ``phuongcatdai`` under phường An Biên): folded,
without spaces, so without their spelling.  Each row is

    [key, type, province_row, district_row, merged_into_row]

``key`` is the folded name without spaces (``catdai``; numbered units: the number), ``type``
comes from the key's type word; a key naming the unit it belongs to (a change of type:
``huyenquevo`` under thị xã Quế Võ), an abbreviation (``tthungquoc``, ``q9``) or a key whose
bare name the package does not list beside it is left out.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "data" / "gazetteer.json.gz"

# Names the package does not carry but the press uses: (alias, province short name, era,
# usable without a prefix).  "HCM" only after TP/Thành phố; fused forms stand alone.
ALIASES: list[tuple[str, str, str, bool]] = [
    ("Thừa Thiên Huế", "Huế", "L", True),
    ("Thừa Thiên - Huế", "Huế", "L", True),
    ("HCM", "Hồ Chí Minh", "N", False),
    ("TPHCM", "Hồ Chí Minh", "N", True),
    ("TP.HCM", "Hồ Chí Minh", "N", True),
    ("TP HCM", "Hồ Chí Minh", "N", True),
    ("Tp.HCM", "Hồ Chí Minh", "N", True),
    ("TP.Hồ Chí Minh", "Hồ Chí Minh", "N", True),
]


# Unit types as they lead a numbered name (``Phường 15``), longest first.
_TYPES = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Quận", "Huyện", "Xã")
_NUMBERED_RE = re.compile(rf"({'|'.join(_TYPES)})\s+(\d+)")
# Type words that lead the package's search keys (``phuongcatdai``, ``huyendongson``).
_KEY_TYPES = {"phuong": "Phường", "xa": "Xã", "thitran": "Thị trấn"}
_DISTRICT_KEY_TYPES = {"quan": "Quận", "huyen": "Huyện", "thixa": "Thị xã", "thanhpho": "Thành phố"}
_KEY_RE = re.compile(rf"({'|'.join(_KEY_TYPES)})([a-z0-9]+)")
_DISTRICT_KEY_RE = re.compile(rf"({'|'.join(_DISTRICT_KEY_TYPES)})([a-z0-9]+)")


def _former(aliases: str | None, own_key: str, key_re: re.Pattern, types: dict[str, str]) -> list[tuple[str, str]]:
    """(key, type) of the units a package alias list names besides the unit itself."""
    out: list[tuple[str, str]] = []
    keys = json.loads(aliases) if aliases else []
    for k in keys:
        m = key_re.fullmatch(k)
        # A unit's key and its bare name go together (``phuongcatdai``, ``catdai``): a key
        # without its bare name is a bare name that starts like a type word (``quanguyen`` is
        # Quảng Uyên, not "Quận Guyen"); numbered units go without (``quan9``).
        if m is None or not (m.group(2) in keys or m.group(2).isdigit()):
            continue
        short = m.group(2)
        if short.isdigit():  # "phuong04": Phường 4
            short = str(int(short))
        if short != own_key.lstrip("0") and (short, types[m.group(1)]) not in out:
            out.append((short, types[m.group(1)]))
    return out


# The package tells apart two units of one name and province by a label: ``Kỳ Anh (Huyện)``.
_LABEL_RE = re.compile(rf"\s*\((?:{'|'.join(_TYPES)})\)$")


def _short(name: str | None, typ: str | None) -> tuple[str, str | None]:
    """(name as the press writes it after its prefix, type).

    ``Quận 1`` → ``1``; ``Kỳ Anh (Thị xã)`` → ``Kỳ Anh`` (the type tells the two Kỳ Anh
    apart); a numbered name keeps the type it is written with, where the package's type
    disagrees (``Phường 15`` of Phú Nhuận is typed ``Xã``).  Other names are kept as given.
    """
    name = _LABEL_RE.sub("", (name or "").strip())
    m = _NUMBERED_RE.fullmatch(name)
    if m:
        return m.group(2), m.group(1)
    return name, typ


def _type(full: str, short: str) -> str:
    """``Thành phố Hà Nội`` + ``Hà Nội`` → ``Thành phố``."""
    return full[: len(full) - len(short)].strip() if full.endswith(short) else full.split(" ")[0]


def build() -> dict[str, Any]:
    from vietnamadminunits.database import query

    legacy = query(
        "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort,"
        " districtType, districtCode, districtKey, districtShortKey, districtAlias,"
        " ward, wardShort, wardType, wardCode, wardKey, wardShortKey, wardAlias"
        " FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
    )
    new = query(
        "SELECT province, provinceShort, provinceCode, provinceKey, ward, wardShort, wardType,"
        " wardCode, wardKey FROM admin_units ORDER BY provinceCode, wardCode"
    )
    conv = json.loads(
        (Path(query.__code__.co_filename).parent.parent / "data" / "converter_2025.json").read_text("utf-8")
    )

    rows: list[list[Any]] = []
    prov_l: dict[str, int] = {}  # legacy provinceKey → row
    prov_n: dict[str, int] = {}
    dist_l: dict[tuple[str, str], int] = {}
    ward_n: dict[tuple[str, str], int] = {}

    for r in legacy:
        if r["provinceKey"] not in prov_l:
            prov_l[r["provinceKey"]] = len(rows)
            short = r["provinceShort"]
            rows.append([short, _type(r["province"], short), "L", -1, -1, r["provinceCode"], -1])
    for r in new:
        if r["provinceKey"] not in prov_n:
            prov_n[r["provinceKey"]] = len(rows)
            short = r["provinceShort"]
            rows.append([short, _type(r["province"], short), "N", -1, -1, r["provinceCode"], -1])
    for r in legacy:
        k = (r["provinceKey"], r["districtKey"])
        if k not in dist_l:
            dist_l[k] = len(rows)
            rows.append([*_short(r["districtShort"], r["districtType"]), "L",
                         prov_l[r["provinceKey"]], -1, r["districtCode"], -1])
    for r in new:
        ward_n[(r["provinceKey"], r["wardKey"])] = len(rows)
        rows.append([*_short(r["wardShort"], r["wardType"]), "N",
                     prov_n[r["provinceKey"]], -1, r["wardCode"], -1])

    # Legacy → 2025 successors, from the package's converter tables.
    old_prov_to_new = {old: new_k for new_k, olds in conv["DICT_PROVINCE"].items() for old in olds}
    for old_key, row in prov_l.items():
        if old_key in old_prov_to_new and old_prov_to_new[old_key] in prov_n:
            rows[row][6] = prov_n[old_prov_to_new[old_key]]
    old_ward_to_new: dict[str, tuple[str, str]] = {}
    for new_p, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in wards.items():
            for old in olds:
                old_ward_to_new[old] = (new_p, new_w)
    for new_p, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, options in olds.items():
            default = next((o["newWardKey"] for o in options if o.get("isDefaultNewWard")), None)
            if default and old not in old_ward_to_new:
                old_ward_to_new[old] = (new_p, default)

    former: list[list[Any]] = []
    seen: set[tuple[Any, ...]] = set()

    def add_former(key: str, typ: str, prov: int, dist: int, into: int) -> None:
        if (key, typ, prov, dist) not in seen:  # a ward split between two keeps its first
            seen.add((key, typ, prov, dist))
            former.append([key, typ, prov, dist, into])

    for r in legacy:
        prov, dist = prov_l[r["provinceKey"]], dist_l[(r["provinceKey"], r["districtKey"])]
        for key, typ in _former(r["districtAlias"], r["districtShortKey"], _DISTRICT_KEY_RE, _DISTRICT_KEY_TYPES):
            add_former(key, typ, prov, -1, dist)
        if not r["wardKey"]:  # island districts without wards
            continue
        succ = old_ward_to_new.get(f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}")
        for key, typ in _former(r["wardAlias"], r["wardShortKey"], _KEY_RE, _KEY_TYPES):
            add_former(key, typ, prov, dist, len(rows))
        rows.append([*_short(r["wardShort"], r["wardType"]), "L", prov, dist,
                     r["wardCode"], ward_n.get(succ, -1) if succ else -1])

    by_short = {(rows[i][0], rows[i][2]): i for i in [*prov_l.values(), *prov_n.values()]}
    aliases = [[alias, by_short[(short, era)], int(bare)] for alias, short, era, bare in ALIASES]
    return {
        "format": 1,
        "source": f"vietnamadminunits {version('vietnamadminunits')}",
        "columns": ["name", "type", "era", "province", "district", "code", "successor"],
        "units": rows,
        "aliases": aliases,
        "former_columns": ["key", "type", "province", "district", "merged_into"],
        "former": former,
    }


def dump(data: dict[str, Any]) -> bytes:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    blob = dump(build())
    if args.check:
        same = args.out.exists() and gzip.decompress(args.out.read_bytes()) == gzip.decompress(blob)
        print("up to date" if same else f"stale: rebuild {args.out}")
        return 0 if same else 1
    args.out.write_bytes(blob)
    print(f"wrote {args.out} ({len(blob):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
