"""Locations: the prefix decides the level, the gazetteer decides what is a place."""

from __future__ import annotations

import time

import pytest

from thidua.nlp.places import find_locations, modifiers, prefixes
from thidua.nlp.text import Context, normalize_text


def locs(text: str) -> list:
    text = normalize_text(text)
    found = find_locations(Context(text))
    for loc in found:  # every case: offsets slice to surfaces
        assert text[loc.start:loc.end] == loc.surface
    return found


def keys(text: str) -> list[tuple[str, str]]:
    return [(loc.name, loc.level) for loc in locs(text)]


class TestPrefixTable:
    @pytest.mark.parametrize("row", prefixes(), ids=lambda p: p.surface)
    def test_every_row_has_a_working_example(self, row):
        name, level = row.expected.split("|")
        found = [(loc.name, loc.level, loc.surface) for loc in locs(row.example)]
        surface = row.surface if row.case == "s" else row.surface.lower()
        assert any(
            n == name and lv == level and (s if row.case == "s" else s.lower()).startswith(surface)
            for n, lv, s in found
        ), found


    @pytest.mark.parametrize("row", modifiers(), ids=lambda p: p.surface)
    def test_every_modifier_has_a_working_example(self, row):
        name, level = row.expected.split("|")
        found = [(loc.name, loc.level, loc.surface) for loc in locs(row.example)]
        assert any(n == name and lv == level and row.surface in s for n, lv, s in found), found


class TestPrefixDecidesLevel:
    CASES = [
        ("UBND tỉnh Hà Tĩnh vừa ban hành kế hoạch thi đua năm 2024.", [("Hà Tĩnh", "province")]),
        ("Huyện Krông Pắc tổ chức hội nghị điển hình tiên tiến.", [("Krông Pắc", "district")]),
        ("Thị xã Sơn Tây biểu dương 50 gương người tốt, việc tốt.", [("Sơn Tây", "district")]),
        ("Hội Phụ nữ phường Dịch Vọng Hậu ra mắt câu lạc bộ.", [("Dịch Vọng Hậu", "ward")]),
        ("Nhân dân xã Đông Xuân góp đất làm đường.", [("Đông Xuân", "commune")]),
        ("Thị trấn Phùng có 12 tập thể được khen.", [("Phùng", "town")]),
        ("Lãnh đạo quận Ninh Kiều dự lễ ra quân.", [("Ninh Kiều", "district")]),
        ("Đặc khu Côn Đảo phát động thi đua từ tháng 7/2025.", [("Côn Đảo", "commune")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_level(self, text, expected):
        assert keys(text) == expected

    def test_lowercase_after_prefix_is_not_a_name(self):
        assert keys("Phát triển kinh tế - xã hội, bảo đảm an sinh xã hội của huyện.") == []


class TestSameNameTwoLevels:
    CASES = [
        ("Thành phố Thái Bình thuộc tỉnh Thái Bình.", [("Thái Bình", "district"), ("Thái Bình", "province")]),
        ("UBND huyện Thạch Thất khen thưởng xã Thạch Hòa.", [("Thạch Thất", "district"), ("Thạch Hòa", "commune")]),
        ("Ông là Bí thư thành phố Vinh, tỉnh Nghệ An.", [("Vinh", "district"), ("Nghệ An", "province")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_levels_kept_apart(self, text, expected):
        assert keys(text) == expected

    def test_centrally_run_city_is_a_province(self):
        assert keys("Hội nghị tại thành phố Hải Phòng.") == [("Hải Phòng", "province")]

    def test_ward_resolved_by_the_district_of_the_article(self):
        found = locs("Quận Tây Hồ (Hà Nội) khen thưởng Nhân dân phường Xuân La.")
        ward = [loc for loc in found if loc.level == "ward"][0]
        assert (ward.name, ward.province, ward.district) == ("Xuân La", "Hà Nội", "Tây Hồ")

    def test_commune_resolved_by_the_province_of_the_article(self):
        # Several provinces have a xã Quang Trung; the article says which.
        found = locs("Tỉnh Cao Bằng biểu dương xã Quang Trung, huyện Trùng Khánh.")
        qt = [loc for loc in found if loc.name == "Quang Trung"][0]
        assert qt.province == "Cao Bằng"


    def test_parent_named_right_after_outweighs_the_article(self):
        # The article names Bình Dương twice; the commune's own parenthesis says Hà Nội.
        found = locs("Thành phố Thủ Dầu Một (tỉnh Bình Dương) và tỉnh Bình Dương khen thưởng; "
                     "xã Tân Lập (huyện Đan Phượng, Hà Nội) đạt chuẩn nông thôn mới nâng cao.")
        tl = [loc for loc in found if loc.name == "Tân Lập"][0]
        assert (tl.province, tl.district) == ("Hà Nội", "Đan Phượng")

    def test_parent_far_away_does_not_narrow(self):
        found = locs("Tỉnh Bình Dương có xã Tân Lập đạt chuẩn. Ở nơi khác, huyện Đan Phượng cũng vậy.")
        tl = [loc for loc in found if loc.name == "Tân Lập"][0]
        assert tl.province == "Bình Dương"


class TestPreAndPostReform:
    def test_legacy_only_unit(self):
        loc = locs("Huyện Gia Lâm phát động thi đua.")[0]
        assert (loc.era, loc.province) == ("legacy", "Hà Nội")

    def test_new_special_zone(self):
        loc = locs("Đặc khu Phú Quốc thuộc tỉnh An Giang.")[0]
        assert loc.era == "2025" and loc.province == "An Giang"

    def test_province_in_both_eras(self):
        assert locs("Tỉnh Quảng Ninh tổng kết phong trào thi đua.")[0].era == "both"

    def test_merged_province_is_legacy(self):
        assert locs("Tỉnh Hà Giang có 11 huyện.")[0].era == "legacy"


class TestAbbreviations:
    CASES = [
        ("Đoàn công tác tới TP.HCM vào ngày 5/6.", [("Hồ Chí Minh", "province")]),
        ("Tại TPHCM, phong trào được nhân rộng.", [("Hồ Chí Minh", "province")]),
        ("UBND TP Hồ Chí Minh ban hành kế hoạch.", [("Hồ Chí Minh", "province")]),
        ("Chủ tịch UBND TP. Hà Nội trao bằng khen.", [("Hà Nội", "province")]),
        ("Mô hình ở Q.3 và Q. Bình Thạnh được biểu dương.", [("3", "district"), ("Bình Thạnh", "district")]),
        ("Cán bộ P. Bến Thành nhận giấy khen.", [("Bến Thành", "ward")]),
        ("Quận 12 khen thưởng 20 tập thể.", [("12", "district")]),
        ("Tỉnh Thừa Thiên Huế phát động thi đua.", [("Huế", "province")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_abbreviation(self, text, expected):
        assert keys(text) == expected

    def test_typo_in_tone_mark_resolves_to_the_real_name(self):
        loc = locs("Đại hội Đảng bộ thành phố Hà Nọi lần thứ XVIII.")[0]
        assert (loc.name, loc.surface) == ("Hà Nội", "thành phố Hà Nọi")


class TestHeadlinesAndSpacing:
    CASES = [
        ("HUYỆN THẠCH THẤT PHÁT ĐỘNG THI ĐUA CHÀO MỪNG ĐẠI HỘI", [("Thạch Thất", "district", "HUYỆN THẠCH THẤT")]),
        ("UBND TỈNH NGHỆ AN TỔNG KẾT PHONG TRÀO THI ĐUA", [("Nghệ An", "province", "TỈNH NGHỆ AN")]),
        ("THÀNH PHỐ ĐÀ NẴNG BIỂU DƯƠNG 120 ĐIỂN HÌNH", [("Đà Nẵng", "province", "THÀNH PHỐ ĐÀ NẴNG")]),
        ("Hội nghị do Thành Phố Hải Phòng tổ chức.", [("Hải Phòng", "province", "Thành Phố Hải Phòng")]),
        ("Chủ tịch UBND TP.  Hà Nội trao cờ thi đua.", [("Hà Nội", "province", "TP.  Hà Nội")]),
        ("Đoàn viên huyện  Quốc Oai ra quân.", [("Quốc Oai", "district", "huyện  Quốc Oai")]),
        ("Sở Nội vụ Tp. Hồ Chí Minh hướng dẫn.", [("Hồ Chí Minh", "province", "Tp. Hồ Chí Minh")]),
        ("Mô hình của TP HCM được nhân rộng.", [("Hồ Chí Minh", "province", "TP HCM")]),
        ("Quận 3 và phường 14 cùng Phường 9 được khen.",
         [("3", "district", "Quận 3"), ("14", "ward", "phường 14"), ("9", "ward", "Phường 9")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_found_as_written(self, text, expected):
        assert [(loc.name, loc.level, loc.surface) for loc in locs(text)] == expected


class TestLists:
    CASES = [
        ("Các xã Tân Xã, Hạ Bằng và Phú Cát được công nhận nông thôn mới.",
         [("Tân Xã", "commune"), ("Hạ Bằng", "commune"), ("Phú Cát", "commune")]),
        ("Đoàn kiểm tra tại các huyện Thạch Thất, Quốc Oai.",
         [("Thạch Thất", "district"), ("Quốc Oai", "district")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_one_prefix_many_units(self, text, expected):
        assert keys(text) == expected


class TestBareNames:
    def test_bare_province_at_sentence_start(self):
        assert keys("Nghệ An phát động thi đua chào mừng Đại hội.") == [("Nghệ An", "province")]

    def test_bare_district_when_the_article_names_it_with_a_prefix(self):
        text = "Quốc Oai tổng kết thi đua. UBND huyện Quốc Oai trao 40 giấy khen."
        assert keys(text) == [("Quốc Oai", "district"), ("Quốc Oai", "district")]

    def test_bare_district_alone_is_not_taken(self):
        assert keys("Quốc Oai tổng kết thi đua năm 2023.") == []


class TestNotAPlace:
    CASES = [
        "Hà Nội 360 - Ngày đăng: 15:20, 23/10/2022",
        "Theo Báo Hà Nội Mới, phong trào lan tỏa rộng.",
        "Phóng viên Đài PT-TH Hà Nội ghi nhận.",
        "Ông Nguyễn Thái Bình được tặng bằng khen.",
        "Chị Trần Thị Huế nhận giấy khen.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Chủ tịch Hội đồng Thi đua - Khen thưởng huyện Nguyễn Văn Hùng phát biểu.",
        "Ban Chấp hành Tỉnh Đoàn Thanh niên tổ chức hội nghị.",
        "Tàu ra khơi trên Thái Bình Dương.",
        "Phường đã hoàn thành 21/21 chỉ tiêu.",
    ]

    @pytest.mark.parametrize("text", CASES)
    def test_not_a_place(self, text):
        assert keys(text) == []

    def test_person_name_holding_a_ward_name(self):
        text = "Phường Quang Trung biểu dương. Chủ tịch Nguyễn Quang Trung phát biểu."
        assert keys(text) == [("Quang Trung", "ward")]


class TestUnknownNames:
    def test_confident_unknown_commune_is_kept(self):
        # Communes merged away before the package's snapshot are still places.
        assert keys("Nhân dân xã Yên Khải góp công xây trường.") == [("Yên Khải", "commune")]


class TestSpeedAndSafety:
    @pytest.mark.parametrize("text", ["huyện " * 10**6, "Xã " * 10**6, "Xã Xã-Xã " * 300_000,
                                      "thành phố Hà Nội " * 200_000, "các xã Tân Xã, " * 200_000,
                                      "các xã vùng sâu, vùng xa Tam Chung " * 100_000, "các xã, phường, " * 200_000,
                                      "Quận Tây Hồ có các phường; cụm gồm Xuân La, Bưởi. " * 30_000])
    def test_adversarial_inputs_are_linear(self, text):
        t0 = time.perf_counter()
        find_locations(Context(text))
        # Megabytes in seconds (generous bound: CI machines are shared); quadratic would take hours.
        assert time.perf_counter() - t0 < 20


class TestTwoUnitsOneName:
    """The gazetteer keeps both units of a shared name (``Kỳ Anh``: a huyện and a thị xã) under
    the name itself; the prefix picks one, a bare name stands for both."""

    CASES = [
        ("UBND thị xã Kỳ Anh biểu dương 35 tập thể tiêu biểu.", "Kỳ Anh", "district", "Thị xã"),
        ("Nông dân huyện Kỳ Anh thi đua sản xuất giỏi.", "Kỳ Anh", "district", "Huyện"),
        ("Hội nghị được tổ chức tại huyện Cai Lậy, tỉnh Tiền Giang.", "Cai Lậy", "district", "Huyện"),
        ("Thị xã Cai Lậy tổng kết phong trào thi đua yêu nước.", "Cai Lậy", "district", "Thị xã"),
        ("Thành phố Hồng Ngự trao 20 giấy khen.", "Hồng Ngự", "district", "Thành phố"),
        ("Nhân dân thị trấn Yên Viên góp tiền xây nhà văn hóa.", "Yên Viên", "town", "Thị trấn"),
        ("Xã Yên Viên đạt chuẩn nông thôn mới nâng cao.", "Yên Viên", "commune", "Xã"),
        ("Thị trấn Chi Lăng ra quân làm đường giao thông.", "Chi Lăng", "town", "Thị trấn"),
    ]

    @pytest.mark.parametrize("text,name,level,typ", CASES)
    def test_prefix_picks_the_unit(self, text, name, level, typ):
        from thidua.nlp import gazetteer as gz

        loc = locs(text)[0]
        assert (loc.name, loc.level) == (name, level)
        assert [u.type for u in gz.load().units if u.code == loc.code and u.name == name] == [typ]

    def test_bare_name_stands_for_both(self):
        found = locs("Thị xã Kỳ Anh và huyện Kỳ Anh cùng phát động thi đua. Kỳ Anh quyết tâm về đích sớm.")
        assert [(loc.name, loc.level, loc.province) for loc in found] == [("Kỳ Anh", "district", "Hà Tĩnh")] * 3

    def test_no_label_in_any_name(self):
        assert not [loc for loc in locs("Huyện Kỳ Anh (Huyện) và Duyên Hải (Thị xã)") if "(" in loc.name]


class TestNumberedUnits:
    """A numbered district or ward (Quận 3, Phường 12) is read only with its prefix word."""

    def test_bare_numbers_of_a_numbered_district_are_not_places(self):
        text = ("Ngày 7-3-2022, Quận 3 ban hành kế hoạch; đến ngày 24-3-2023, khu phố 3 đạt 112,3% chỉ tiêu. "
                "UBND quận tặng giấy khen cho 3 tập thể trên đường 3/2. Quận 3 tiếp tục thi đua.")
        assert [(loc.name, loc.level, loc.surface) for loc in locs(text)] == [("3", "district", "Quận 3")] * 2

    def test_a_day_is_not_a_district(self):
        text = "Quận 10 tổ chức hội thao từ ngày 10 đến 14/6/2024 với 10 đội tham gia."
        assert [loc.surface for loc in locs(text)] == ["Quận 10"]

    def test_a_count_after_a_district_does_not_continue_its_list(self):
        assert keys("Quận Tân Bình, 3 khu phố và 12 tổ dân phố được khen.") == [("Tân Bình", "district")]

    def test_a_list_of_numbers_after_a_number(self):
        assert keys("Các phường 4, 7 và 15 của quận Phú Nhuận ra quân.") == [
            ("4", "ward"), ("7", "ward"), ("15", "ward"), ("Phú Nhuận", "district")]

    def test_numbered_ward_names_are_the_number(self):
        # Phú Nhuận's Phường 5 and 15 are typed "Xã" and named "Phường 5" by the package.
        found = locs("Phường 13, Phường 15 (quận Phú Nhuận) và phường 5, quận Phú Nhuận được biểu dương.")
        wards = [(loc.name, loc.district) for loc in found if loc.level == "ward"]
        assert wards == [("13", "Phú Nhuận"), ("15", "Phú Nhuận"), ("5", "Phú Nhuận")]

    def test_ward_goes_to_the_district_the_article_is_about(self):
        text = ("Quận 10 tổng kết năm. Phường 12 dẫn đầu khối thi đua của Quận 10; "
                "Quận 10 học tập kinh nghiệm của Quận 3. Phường 12 được tặng cờ.")
        wards = [(loc.province, loc.district) for loc in locs(text) if loc.level == "ward"]
        assert wards == [("Hồ Chí Minh", "10")] * 2

    def test_ward_between_equally_named_districts_stays_open(self):
        text = "Quận 10 và Quận 3 cùng khen thưởng Phường 12."
        ward = [loc for loc in locs(text) if loc.level == "ward"][0]
        assert (ward.province, ward.district) == ("Hồ Chí Minh", None)


class TestListsAfterAModifier:
    """``các xã vùng cao như A, B``: a plural prefix, a few lower-case words, then the list."""

    CASES = [
        ("Các xã biên giới như Sín Chéng, Bản Mế, Cán Cấu được ưu tiên vốn.",
         [("Sín Chéng", "commune"), ("Bản Mế", "commune"), ("Cán Cấu", "commune")]),
        ("Tỉnh hỗ trợ các huyện miền núi như Kỳ Sơn, Tương Dương và Con Cuông.",
         [("Kỳ Sơn", "district"), ("Tương Dương", "district"), ("Con Cuông", "district")]),
        ("Những huyện như Mường Lát, Quan Sơn còn nhiều khó khăn.",
         [("Mường Lát", "district"), ("Quan Sơn", "district")]),
        ("Năm nay có 3 xã gồm: Sín Chéng, Bản Mế và Cán Cấu về đích.",
         [("Sín Chéng", "commune"), ("Bản Mế", "commune"), ("Cán Cấu", "commune")]),
        ("Đoàn kiểm tra các xã: Sín Chéng, Cán Cấu.", [("Sín Chéng", "commune"), ("Cán Cấu", "commune")]),
        ("Năm 2023, tỉnh có thêm 2 huyện đạt chuẩn nông thôn mới là Con Cuông và Kỳ Sơn.",
         [("Con Cuông", "district"), ("Kỳ Sơn", "district")]),
        ("Trong đó 3 xã được công nhận đạt chuẩn nông thôn mới kiểu mẫu năm 2024 là Sín Chéng, Cán Cấu.",
         [("Sín Chéng", "commune"), ("Cán Cấu", "commune")]),
        ("Các huyện đẩy mạnh xã hội hóa giáo dục như Kỳ Sơn, Tương Dương.",  # "xã" of "xã hội" is no prefix
         [("Kỳ Sơn", "district"), ("Tương Dương", "district")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_list(self, text, expected):
        assert keys(text) == expected

    def test_the_list_items_are_the_names_alone(self):
        assert [loc.surface for loc in locs("Các huyện miền núi như Kỳ Sơn, Tương Dương.")] == ["Kỳ Sơn", "Tương Dương"]

    NOT = [
        "Nhiều gương điển hình như Nguyễn Văn An, Trần Thị Bình ở các xã được khen.",
        "Các xã tích cực như Hội Nông dân, Đoàn Thanh niên phối hợp tốt.",
        "Ở xã vùng cao như Sín Chéng, đời sống còn khó khăn.",  # no plural: not introduced as a list
        "Các xã còn khó khăn như Nhà văn hóa xuống cấp.",
        "Các xã có Bí thư là Nguyễn Văn An tham dự.",
        "Các xã đều là Đơn vị văn hóa tiêu biểu.",
    ]

    @pytest.mark.parametrize("text", NOT)
    def test_not_a_list_of_units(self, text):
        assert keys(text) == []

    def test_cung_nhu_compares_rather_than_lists(self):
        assert keys("Các xã cũng như Hà Nội đều quan tâm.") == [("Hà Nội", "province")]


class TestPartyCommittees:
    """A unit named through its Party committee: Huyện ủy, Quận ủy, Thị ủy, Thành ủy, Tỉnh ủy."""

    CASES = [
        ("Ban Thường vụ Huyện ủy Cẩm Xuyên (tỉnh Hà Tĩnh) ban hành chỉ thị.",
         [("Cẩm Xuyên", "district"), ("Hà Tĩnh", "province")]),
        ("Huyện uỷ Kỳ Sơn tổng kết 10 năm thực hiện Chỉ thị 05.", [("Kỳ Sơn", "district")]),
        ("Quận ủy Ba Đình trao Huy hiệu Đảng cho 120 đảng viên.", [("Ba Đình", "district")]),
        ("Thị ủy Sơn Tây phát động thi đua chào mừng đại hội.", [("Sơn Tây", "district")]),
        ("Thành ủy Vinh biểu dương 40 tập thể.", [("Vinh", "district")]),
        ("Thành ủy Đà Nẵng ban hành kế hoạch.", [("Đà Nẵng", "province")]),
        ("Tỉnh ủy Quảng Ninh sơ kết phong trào thi đua.", [("Quảng Ninh", "province")]),
        ("Đảng ủy xã Cẩm Lĩnh ra nghị quyết chuyên đề.", [("Cẩm Lĩnh", "commune")]),
        ("Ban Thường vụ Quận ủy Quận 8 trao quyết định.", [("8", "district")]),
        ("HUYỆN ỦY CON CUÔNG TỔNG KẾT CÔNG TÁC NĂM", [("Con Cuông", "district")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_committee(self, text, expected):
        assert keys(text) == expected

    def test_committee_and_town_of_one_name_stay_apart(self):
        text = "Huyện ủy Kỳ Anh khen thưởng; nhiều hộ ở thị trấn Kỳ Đồng và Huyện ủy Kỳ Anh cùng dự."
        assert keys(text) == [("Kỳ Anh", "district"), ("Kỳ Đồng", "town"), ("Kỳ Anh", "district")]

    NOT = [
        "Bí thư Huyện ủy Nguyễn Văn Hải phát biểu chỉ đạo.",
        "Phó Bí thư Thường trực Huyện ủy Hoàng Mai Anh dự hội nghị.",  # a person, not quận Hoàng Mai
        "Đồng chí Tỉnh ủy viên, Trưởng Ban Tuyên giáo Tỉnh ủy trao cờ.",
        "Thường trực Huyện ủy, HĐND, UBND cùng dự.",
        "Đảng ủy Khối Cơ quan và Doanh nghiệp tổ chức hội nghị.",
        "Văn phòng Thành ủy Phạm Văn Đồng chủ trì.",  # unknown names are never taken after a committee
    ]

    @pytest.mark.parametrize("text", NOT)
    def test_not_a_unit(self, text):
        assert keys(text) == []


class TestArticleProvince:
    def test_commune_the_gazetteer_places_elsewhere_is_not_placed_there(self):
        # xã Thiện Mỹ of Trà Ôn (Vĩnh Long) is not in the package; its only Thiện Mỹ is in Sóc Trăng.
        text = ("Tỉnh Vĩnh Long biểu dương huyện Trà Ôn. Mô hình trồng lúa ở xã Thiện Mỹ và xã Hựu Thành "
                "được UBND tỉnh Vĩnh Long tặng bằng khen.")
        tm = [loc for loc in locs(text) if loc.name == "Thiện Mỹ"][0]
        assert (tm.province, tm.district, tm.code) == (None, None, None)

    def test_same_commune_with_its_own_province_named(self):
        text = "Tỉnh Sóc Trăng khen thưởng xã Thiện Mỹ. UBND tỉnh Sóc Trăng trao cờ."
        assert [loc.province for loc in locs(text) if loc.name == "Thiện Mỹ"] == ["Sóc Trăng"]

    def test_commune_alone_keeps_its_only_province(self):
        assert [loc.province for loc in locs("Xã Thiện Mỹ về đích nông thôn mới.")] == ["Sóc Trăng"]

    def test_named_once_in_passing_is_not_enough(self):
        # One mention of another province does not make the article about it.
        text = "Đoàn công tác tỉnh Vĩnh Long thăm xã Sín Chéng."
        assert [loc.province for loc in locs(text) if loc.name == "Sín Chéng"] == ["Lào Cai"]


class TestModifiers:
    """A modifier between a prefix and its names: ``các huyện miền núi A, B``, ``huyện đảo Cô Tô``."""

    CASES = [
        ("Tỉnh Nghệ An ưu tiên vốn cho các huyện miền núi Kỳ Sơn, Tương Dương và Con Cuông.",
         [("Nghệ An", "province"), ("Kỳ Sơn", "district"), ("Tương Dương", "district"), ("Con Cuông", "district")]),
        ("Huyện miền núi Tương Dương, tỉnh Nghệ An phát động thi đua.",
         [("Tương Dương", "district"), ("Nghệ An", "province")]),
        ("Huyện đảo Lý Sơn (Quảng Ngãi) được tặng Cờ thi đua.", [("Lý Sơn", "district"), ("Quảng Ngãi", "province")]),
        ("Tỉnh miền núi Hà Giang có nhiều mô hình hay.", [("Hà Giang", "province")]),
        ("Bộ đội Biên phòng giúp các xã vùng sâu, vùng xa Tam Chung, Pù Nhi thu hoạch lúa.",
         [("Tam Chung", "commune"), ("Pù Nhi", "commune")]),
        ("Thanh niên các xã, thị trấn vùng cao Sín Chéng, Bản Mế ra quân làm đường.",
         [("Sín Chéng", "commune"), ("Bản Mế", "commune")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_modifier(self, text, expected):
        assert keys(text) == expected

    def test_the_mention_spans_prefix_modifier_and_name(self):
        assert [loc.surface for loc in locs("Các huyện ngoại thành Sóc Sơn, Đông Anh dẫn đầu.")] == [
            "huyện ngoại thành Sóc Sơn", "Đông Anh"]

    CASES_PARENT = [
        # The name after the modifier says where the units are: the province, not a unit of it.
        ("Các huyện miền núi Thanh Hóa còn nhiều khó khăn.", [("Thanh Hóa", "province")]),
        ("Các xã ven biển Nam Định ra quân dọn vệ sinh môi trường.", [("Nam Định", "province")]),
        ("Các huyện ngoại thành Hà Nội đều đạt chuẩn nông thôn mới.", [("Hà Nội", "province")]),
        ("Giáo viên tình nguyện lên các xã vùng cao Mù Cang Chải dạy chữ.", []),  # the district's communes
    ]

    @pytest.mark.parametrize("text,expected", CASES_PARENT)
    def test_a_higher_unit_after_the_modifier_is_not_read_as_one_of_them(self, text, expected):
        assert keys(text) == expected

    def test_a_single_name_needs_the_article_to_name_its_province(self):
        # "Đồng Bằng" is a xã of Hưng Yên, but here the region; Lý Sơn alone has nothing to confirm it.
        assert keys("Các xã khó khăn Đồng Bằng sông Cửu Long được hỗ trợ.") == []
        assert keys("Huyện đảo Lý Sơn được tặng Cờ thi đua.") == []
        assert keys("Xã miền núi Tân Lập của huyện Sông Lô được khen.") == [("Tân Lập", "commune"), ("Sông Lô", "district")]

    NOT = [
        "Năm 2024, xã đạt chuẩn nông thôn mới Kiểu mẫu đầu tiên được vinh danh.",
        "Các phường trung tâm Thành phố có mật độ dân cư cao.",  # not phường Thanh: spelled otherwise
        "Các xã đạt chuẩn nông thôn mới Tân Hội, Liên Hiệp được biểu dương.",  # no modifier: a phrase
        "Đây là xã điểm Văn hóa của tỉnh.",
        "Ủy ban nhân dân đã ban hành Kế hoạch; Trung tâm Văn hóa hoàn thành Kế hoạch.",
        "Thường trực Huyện ủy miền núi Mường Lát dự hội nghị.",  # never after a Party committee
        "Nhiều xã vùng cao Nguyễn Văn An từng công tác nay đã đổi mới.",
    ]

    @pytest.mark.parametrize("text", NOT)
    def test_not_a_place(self, text):
        assert keys(text) == []

    def test_only_a_whole_word_is_a_modifier(self):
        assert keys("Ban tổ chức chọn địa điểm Hà Nội để tổ chức.") == [("Hà Nội", "province")]


class TestMixedPluralPrefixes:
    """``các xã, thị trấn A, B``: each unit takes the level of its own type."""

    CASES = [
        ("Các xã, thị trấn như Sóc Sơn, Phù Lỗ, Minh Trí đã ký giao ước thi đua.",
         [("Sóc Sơn", "town"), ("Phù Lỗ", "commune"), ("Minh Trí", "commune")]),
        ("Đoàn kiểm tra làm việc tại các xã, phường: Phù Lỗ, Xuân La.", [("Phù Lỗ", "commune"), ("Xuân La", "ward")]),
        ("Cờ thi đua được trao cho các phường, xã Xuân La, Phù Lỗ.", [("Xuân La", "ward"), ("Phù Lỗ", "commune")]),
        ("Các quận, huyện, thị xã như Sơn Tây, Ba Vì, Đông Anh đều tham gia.",
         [("Sơn Tây", "district"), ("Ba Vì", "district"), ("Đông Anh", "district")]),
        ("Các xã/thị trấn Phù Lỗ, Sóc Sơn được biểu dương.", [("Phù Lỗ", "commune"), ("Sóc Sơn", "town")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_mixed_prefix(self, text, expected):
        assert keys(text) == expected

    NOT = [
        ("Chủ tịch UBND các xã, thị trấn trên địa bàn huyện dự hội nghị.", []),
        # Not one prefix named with another: a commune, then its district.
        ("Xã Tân Lập, huyện Đan Phượng được tặng cờ.", [("Tân Lập", "commune"), ("Đan Phượng", "district")]),
    ]

    @pytest.mark.parametrize("text,expected", NOT)
    def test_not_mixed(self, text, expected):
        assert keys(text) == expected


class TestListAfterAnEarlierPrefix:
    """``… gồm các phường A, B; cụm 2 gồm C, D``: the list's plural prefix is in an earlier clause or
    sentence; its units must be of the prefix's types and lie in the districts the article names."""

    def test_second_list_of_the_same_sentence(self):
        text = ("Quận Tây Hồ chia các phường thành hai cụm thi đua: cụm thứ nhất gồm các phường Xuân La, "
                "Phú Thượng, Nhật Tân; cụm thứ hai gồm Bưởi, Thụy Khuê, Yên Phụ.")
        wards = [(loc.name, loc.level, loc.district) for loc in locs(text) if loc.level != "district"]
        assert [w[0] for w in wards] == ["Xuân La", "Phú Thượng", "Nhật Tân", "Bưởi", "Thụy Khuê", "Yên Phụ"]
        assert {(w[1], w[2]) for w in wards} == {("ward", "Tây Hồ")}

    def test_prefix_in_the_sentence_before(self):
        text = "Quận Tây Hồ có 8 phường, chia thành 2 cụm. Cụm số 1 gồm Xuân La, Phú Thượng, Nhật Tân."
        assert keys(text)[1:] == [("Xuân La", "ward"), ("Phú Thượng", "ward"), ("Nhật Tân", "ward")]

    def test_a_named_unit_between_does_not_hide_the_prefix(self):
        text = "Các xã, thị trấn của huyện Sóc Sơn chia thành 5 cụm. Cụm số 2 gồm Sóc Sơn, Phù Lỗ, Minh Trí."
        assert keys(text) == [("Sóc Sơn", "district"), ("Sóc Sơn", "town"), ("Phù Lỗ", "commune"), ("Minh Trí", "commune")]

    NOT = [
        # Units of another district than those the article names.
        ("Quận Tây Hồ có các phường thi đua sôi nổi; cụm 1 gồm Phù Lỗ, Minh Trí.", [("Tây Hồ", "district")]),
        # Another type than the prefix's: communes are no list of "các phường".
        ("Huyện Sóc Sơn khen các phường, tổ dân phố; cụm 1 gồm Phù Lỗ, Minh Trí.", [("Sóc Sơn", "district")]),
        # A nearer unit word, not plural, introduces the list.
        ("Quận Tây Hồ khen các phường Xuân La, Bưởi. Năm nay có một phường như Nhật Tân được khen.",
         [("Tây Hồ", "district"), ("Xuân La", "ward"), ("Bưởi", "ward")]),
        ("Huyện Thạch Thất họp với các xã. Ban tổ chức gồm Nguyễn Văn An, Trần Thị Bình.",
         [("Thạch Thất", "district")]),
        # Another paragraph.
        ("Quận Tây Hồ có 8 phường.\nCụm số 1 gồm Xuân La, Phú Thượng.", [("Tây Hồ", "district")]),
    ]

    @pytest.mark.parametrize("text,expected", NOT)
    def test_not_a_list_of_the_earlier_prefix(self, text, expected):
        assert keys(text) == expected


class TestUnitsMergedBeforeTheSnapshot:
    """Units merged away before the gazetteer's snapshot, known to the package only by folded keys:
    found as written, placed where they were."""

    def test_wards_merged_on_1_january_2025(self):
        found = locs("Năm 2023, các phường Trung Phụng, Quốc Tử Giám (quận Đống Đa) được tặng Bằng khen.")
        assert [(loc.name, loc.level, loc.province, loc.district, loc.era, loc.code) for loc in found[:2]] == [
            ("Trung Phụng", "ward", "Hà Nội", "Đống Đa", "legacy", None),
            ("Quốc Tử Giám", "ward", "Hà Nội", "Đống Đa", "legacy", None)]

    def test_districts(self):
        found = locs("Huyện Đông Sơn, thị xã Cửa Lò và Quận 9 cùng ký giao ước thi đua.")
        assert [(loc.name, loc.level, loc.province) for loc in found] == [
            ("Đông Sơn", "district", "Thanh Hóa"), ("Cửa Lò", "district", "Nghệ An"), ("9", "district", "Hồ Chí Minh")]

    def test_headline_name_in_title_case(self):
        found = locs("PHƯỜNG TRUNG PHỤNG, QUẬN ĐỐNG ĐA RA QUÂN")
        assert [(loc.name, loc.surface) for loc in found] == [
            ("Trung Phụng", "PHƯỜNG TRUNG PHỤNG"), ("Đống Đa", "QUẬN ĐỐNG ĐA")]

    def test_only_the_whole_name(self):
        # "Nham" is a commune merged away (A Lưới); "Nham Lộc" is no unit the package knows.
        assert [(loc.name, loc.province) for loc in locs("Nhân dân xã Nham Lộc góp đất làm đường.")] == [
            ("Nham Lộc", None)]

    def test_a_unit_of_the_snapshot_comes_first(self):
        # Sơn Tây's phường Quang Trung was merged away, but Quang Trung names units of the snapshot.
        found = locs("Phường Quang Trung (thị xã Sơn Tây) biểu dương 20 hộ gia đình.")
        assert found[0].code is not None and found[0].province == "Hà Nội"
