"""Vietnamese administrative units before and after the 1 July 2025 reform.

Loaded once per process from ``data/gazetteer.json.gz`` (built by ``build_gazetteer.py``
from vietnamadminunits; ≈ 15 ms).  Legacy: 63 provinces, 696 districts, ≈ 10,040
wards/communes/towns.  2025: 34 provinces, 3,321 wards/communes/special zones, no districts.

    >>> from thidua.nlp import gazetteer as gz
    >>> [u.province for u in gz.lookup("Thạch Thất", level="district")]
    ['Hà Nội']
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from thidua.nlp.text import fold

DATA = Path(__file__).resolve().parent / "data" / "gazetteer.json.gz"

LEVEL_OF_TYPE = {
    "Phường": "ward", "Xã": "commune", "Thị trấn": "town", "Đặc khu": "commune",
    "Quận": "district", "Huyện": "district", "Thị xã": "district", "Thành phố": "district",
}
ERA = {"L": "legacy", "N": "2025"}

_DASH_RE = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_SPACE_RE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Lookup key of a unit name: folded, one dash and apostrophe style, single spaces.

    >>> name_key("Bà Rịa-Vũng Tàu") == name_key("bà rịa – vũng tàu")
    True
    """
    s = fold(name).replace("’", "'").replace("‘", "'")
    s = _DASH_RE.sub(" - ", s)
    return _SPACE_RE.sub(" ", s).strip()


_NOT_KEY_RE = re.compile(r"[^a-z0-9]")


def former_key(key: str) -> str:
    """The package's key of a folded name: no spaces or dashes (``cat dai`` → ``catdai``)."""
    return _NOT_KEY_RE.sub("", key)


@dataclass(slots=True, eq=False)
class Unit:
    """One administrative unit in one era (treat as read-only: instances are shared)."""

    id: int
    name: str  # without type prefix: "Thạch Thất"; numbered units: "1"
    type: str  # "Huyện", "Thành phố", "Phường", "Đặc khu"…
    level: str  # province, district, ward, commune, town
    era: str  # "legacy" or "2025"
    province: str  # short name of its province (its own name for a province)
    district: str | None  # legacy wards only
    code: str
    province_id: int  # row id of its province (own id for a province)
    district_id: int  # -1 when none
    successor_id: int  # 2025 unit a legacy province/ward became, -1 when unknown
    merged_into: int = -1  # a unit merged away before the snapshot: the legacy unit it joined

    @property
    def former(self) -> bool:
        """Merged away before the package's snapshot (``phường Cát Dài``): known only by its
        folded key (``name``, ``catdai``) and the unit it joined; ``id`` and ``code`` are empty."""
        return self.merged_into >= 0

    @property
    def full_name(self) -> str:
        return f"{self.type} {self.name}"


class Gazetteer:
    def __init__(self, data: dict) -> None:
        self.source: str = data["source"]
        rows = data["units"]
        self.units: list[Unit] = []
        for i, (name, typ, era, p, d, code, succ) in enumerate(rows):
            level = "province" if p < 0 else LEVEL_OF_TYPE[typ]
            self.units.append(Unit(
                i, name, typ, level, ERA[era],
                rows[p][0] if p >= 0 else name,
                rows[d][0] if d >= 0 else None,
                code, p if p >= 0 else i, d, succ,
            ))
        self._by_key: dict[str, list[Unit]] = {}
        keys: dict[str, str] = {}  # names repeat a lot: fold each once
        for u in self.units:
            k = keys.get(u.name)
            if k is None:
                k = keys[u.name] = name_key(u.name)
            self._by_key.setdefault(k, []).append(u)
        # Aliases point at every era's unit of the canonical name and level.
        self.aliases: dict[str, str] = {}  # alias → canonical name
        self.bare_aliases: list[str] = []  # aliases usable without a prefix (TPHCM)
        for alias, row, bare in data["aliases"]:
            target = self.units[row]
            self.aliases[alias] = target.name
            same = [u for u in self._by_key[name_key(target.name)] if u.level == target.level]
            self._by_key.setdefault(name_key(alias), []).extend(same)
            if bare:
                self.bare_aliases.append(alias)
        self.max_words = max(len(k.split()) for k in self._by_key)
        # Units merged away before the snapshot, by folded key without spaces: looked up only
        # where no unit of the snapshot fits (``former``).
        self._former: dict[str, list[Unit]] = {}
        for key, typ, p, d, into in data.get("former", ()):
            self._former.setdefault(key, []).append(Unit(
                -1, key, typ, LEVEL_OF_TYPE[typ], "legacy", rows[p][0], rows[d][0] if d >= 0 else None,
                "", p, d, rows[into][6] if d >= 0 else -1, into,
            ))

    # -- lookups -------------------------------------------------------------------------
    def lookup(
        self, name: str, level: str | None = None, province: str | None = None, era: str | None = None
    ) -> list[Unit]:
        """Units named ``name`` (any diacritics/case/dash style), optionally filtered."""
        out = self._by_key.get(name_key(name), [])
        if level or province or era:
            pk = name_key(province) if province else None
            out = [
                u for u in out
                if (level is None or u.level == level)
                and (pk is None or name_key(u.province) == pk or self._alias_is(province, u.province))
                and (era is None or u.era == era)
            ]
        return list(out)

    def by_key(self, key: str) -> list[Unit]:
        """Like :meth:`lookup` for an already computed :func:`name_key` (the hot path)."""
        return self._by_key.get(key, [])

    def former(self, name: str) -> list[Unit]:
        """Units of this name merged away before the snapshot (diacritic- and space-blind):
        ``former("Cát Dài")`` is the phường of Lê Chân (Hải Phòng) that joined An Biên."""
        return self._former.get(former_key(name_key(name)), [])

    def former_by_key(self, key: str) -> list[Unit]:
        """Like :meth:`former` for an already computed :func:`name_key` (the hot path)."""
        return self._former.get(former_key(key), [])

    def _alias_is(self, alias: str | None, name: str) -> bool:
        return alias is not None and self.aliases.get(alias) == name

    def get(self, unit_id: int) -> Unit:
        return self.units[unit_id]

    def province_of(self, name: str, level: str | None = None, era: str | None = None) -> str | None:
        """The province of ``name`` when every matching unit lies in the same one, else None."""
        provinces = {u.province for u in self.lookup(name, level=level, era=era)}
        return provinces.pop() if len(provinces) == 1 else None

    def provinces(self, era: str | None = None) -> list[Unit]:
        return [u for u in self.units if u.level == "province" and (era is None or u.era == era)]

    def districts_of(self, province: str) -> list[Unit]:
        """The districts of a province before the reform (there are none after it)."""
        ids = {u.id for u in self.lookup(province, level="province", era="legacy")}
        return [u for u in self.units if u.level == "district" and u.province_id in ids]

    def wards_of(self, province: str, district: str | None = None, era: str | None = None) -> list[Unit]:
        """Wards, communes, towns and special zones of a province (and legacy district)."""
        ids = {u.id for u in self.lookup(province, level="province", era=era)}
        dk = name_key(district) if district else None
        return [
            u for u in self.units
            if u.level in ("ward", "commune", "town") and u.province_id in ids
            and (dk is None or (u.district is not None and name_key(u.district) == dk))
        ]

    def successor(self, unit: Unit) -> Unit | None:
        """The 2025 unit a legacy province or ward became, where the package knows it.

        A legacy district has no successor unit (districts were abolished); use
        ``successor(get(unit.province_id))`` for its province.
        """
        return self.units[unit.successor_id] if unit.successor_id >= 0 else None

    def counts(self) -> dict[tuple[str, str], int]:
        """Number of units per (era, level): the shape a test compares with the package."""
        out: dict[tuple[str, str], int] = {}
        for u in self.units:
            out[(u.era, u.level)] = out.get((u.era, u.level), 0) + 1
        return out


@cache
def load(path: Path = DATA) -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer(json.loads(gzip.decompress(path.read_bytes())))


def lookup(name: str, level: str | None = None, province: str | None = None, era: str | None = None) -> list[Unit]:
    return load().lookup(name, level=level, province=province, era=era)


def province_of(name: str, level: str | None = None, era: str | None = None) -> str | None:
    return load().province_of(name, level=level, era=era)


def districts_of(province: str) -> list[Unit]:
    return load().districts_of(province)


def wards_of(province: str, district: str | None = None, era: str | None = None) -> list[Unit]:
    return load().wards_of(province, district=district, era=era)


def successor(unit: Unit) -> Unit | None:
    return load().successor(unit)
