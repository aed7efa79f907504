"""The gazetteer: the committed data file matches the package, and the lookup API."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from thidua.nlp import build_gazetteer, gazetteer as gz


class TestCommittedDataFile:
    def test_matches_what_the_build_script_makes_from_the_installed_package(self):
        committed = json.loads(gzip.decompress(gz.DATA.read_bytes()))
        assert committed == json.loads(json.dumps(build_gazetteer.build(), ensure_ascii=False))

    def test_counts_match_the_package(self):
        from vietnamadminunits.database import query

        counts = gz.load().counts()
        legacy_wards = query("SELECT COUNT(*) n FROM admin_units_legacy WHERE ward IS NOT NULL")[0]["n"]
        new_wards = query("SELECT COUNT(*) n FROM admin_units")[0]["n"]
        assert counts[("legacy", "province")] == 63
        assert counts[("2025", "province")] == 34
        assert counts[("legacy", "district")] == 696
        assert sum(counts.get(("legacy", lv), 0) for lv in ("ward", "commune", "town")) == legacy_wards
        assert sum(counts.get(("2025", lv), 0) for lv in ("ward", "commune", "town")) == new_wards == 3321

    def test_loads_fast_in_a_fresh_process(self):
        code = (
            "import time; from thidua.nlp import gazetteer as g; t=time.process_time(); g.load(); "
            "print(time.process_time()-t)"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert float(out.stdout) < 0.3


class TestLookup:
    CASES = [
        # (name, level, province) → expected provinces of the matches
        ("Thạch Thất", "district", None, {"Hà Nội"}),
        ("thach that", "district", None, {"Hà Nội"}),  # diacritic-blind
        ("Bà Rịa-Vũng Tàu", "province", None, {"Bà Rịa - Vũng Tàu"}),
        ("Xuân La", "ward", None, {"Hà Nội"}),
        ("Quang Trung", "commune", "Cao Bằng", {"Cao Bằng"}),
        ("TPHCM", "province", None, {"Hồ Chí Minh"}),
    ]

    @pytest.mark.parametrize("name,level,province,expected", CASES)
    def test_lookup(self, name, level, province, expected):
        assert {u.province for u in gz.lookup(name, level=level, province=province)} == expected

    def test_same_name_two_levels(self):
        levels = {(u.level, u.type) for u in gz.lookup("Thái Bình", era="legacy") if u.level in ("province", "district")}
        assert levels == {("province", "Tỉnh"), ("district", "Thành phố")}

    def test_province_of_is_none_when_ambiguous(self):
        assert gz.province_of("Thạch Thất", level="district") == "Hà Nội"
        assert gz.province_of("Quang Trung", level="commune") is None

    def test_districts_of_a_province_before_the_reform(self):
        names = {u.name for u in gz.districts_of("Hà Nội")}
        assert len(names) == 30 and {"Thạch Thất", "Tây Hồ", "Sơn Tây"} <= names

    def test_no_districts_after_the_reform(self):
        assert not [u for u in gz.load().units if u.era == "2025" and u.level == "district"]

    def test_successor_of_a_legacy_ward(self):
        ward = gz.lookup("Xuân La", level="ward", province="Hà Nội", era="legacy")[0]
        new = gz.successor(ward)
        assert new is not None and new.era == "2025" and new.province == "Hà Nội"

    def test_successor_of_a_merged_province(self):
        ha_giang = gz.lookup("Hà Giang", level="province", era="legacy")[0]
        assert gz.successor(ha_giang).name == "Tuyên Quang"

    def test_wards_of_a_legacy_district(self):
        names = {u.name for u in gz.wards_of("Hà Nội", district="Tây Hồ", era="legacy")}
        assert "Xuân La" in names and len(names) == 8


class TestNames:
    """Names as the press writes them after the prefix (the gold's ``name``)."""

    def test_no_bracket_labels(self):
        assert not [u.name for u in gz.load().units if "(" in u.name]

    @pytest.mark.parametrize("name,level,types", [
        ("Kỳ Anh", "district", {"Huyện", "Thị xã"}),
        ("Cai Lậy", "district", {"Huyện", "Thị xã"}),
        ("Cao Lãnh", "district", {"Huyện", "Thành phố"}),
        ("Yên Viên", "town", {"Thị trấn"}),
        ("Yên Viên", "commune", {"Xã"}),
    ])
    def test_two_units_of_one_name_keep_it_and_differ_by_type(self, name, level, types):
        units = gz.lookup(name, level=level, era="legacy")
        assert {u.type for u in units} == types and {u.name for u in units} == {name}

    def test_wards_keep_their_district_name(self):
        assert {u.district for u in gz.wards_of("Hà Tĩnh", district="Kỳ Anh", era="legacy")} == {"Kỳ Anh"}

    def test_numbered_units_are_named_by_their_number(self):
        import re

        assert not [u.name for u in gz.load().units if re.fullmatch(r"(Phường|Xã|Quận|Huyện|Thị trấn) \d+", u.name)]
        p15 = gz.lookup("15", level="ward", province="Hồ Chí Minh", era="legacy")
        assert "Phú Nhuận" in {u.district for u in p15} and {u.type for u in p15} == {"Phường"}


class TestFormerUnits:
    """Units merged away before the package's legacy snapshot, from its search keys of the units
    they joined (``wardAlias``/``districtAlias``): no spelling, their type, where they were."""

    def test_a_ward_merged_on_1_january_2025(self):
        (u,) = gz.load().former("Niệm Nghĩa")
        assert (u.type, u.level, u.province, u.district, u.era, u.code) == (
            "Phường", "ward", "Hải Phòng", "Lê Chân", "legacy", "")
        assert u.former and gz.load().get(u.merged_into).name == "An Dương"
        assert gz.successor(u) is not None and gz.successor(u).era == "2025"

    def test_space_and_diacritic_blind(self):
        assert gz.load().former("cat dai") == gz.load().former("Cát Dài") != []

    def test_districts_and_numbered_districts(self):
        assert {(u.type, u.province) for u in gz.load().former("Đông Sơn") if u.level == "district"} == {("Huyện", "Thanh Hóa")}
        assert [(u.type, gz.load().get(u.merged_into).name) for u in gz.load().former("9") if u.level == "district"] == [
            ("Quận", "Thủ Đức")]

    def test_keys_are_the_packages_only(self):
        g = gz.load()
        assert not g.former("Guyen")  # "quanguyen" is Quảng Uyên's bare key, not a "Quận Guyen"
        assert not g.former("Quế Võ")  # "huyenquevo": the same unit before it became a thị xã
        assert all(u.former and u.id == -1 for units in g._former.values() for u in units)

    def test_not_among_the_units(self):
        # Lookups, counts and lists of units are the snapshot's alone.
        assert not gz.lookup("Niệm Nghĩa") and not [u for u in gz.load().units if u.former]
