"""Campaign finder: behaviours on realistic sentences, rule-table examples, hostile input."""

from __future__ import annotations

import time

import pytest

from thidua.nlp.campaign_classifier import NEGATIVE, catalogue, cue_table, fast_key
from thidua.nlp.campaigns import find_campaigns
from thidua.nlp.models import Reference
from thidua.nlp.text import Context, key, normalize_text


def names(text: str, references: list[Reference] | None = None) -> list[str]:
    text = normalize_text(text)
    found = find_campaigns(Context(text), references=references)
    for c in found:
        assert text[c.start:c.end] == c.surface == c.name
        assert c.key and c.canonical
    assert [c.start for c in found] == sorted(c.start for c in found)
    return [c.name for c in found]


class TestQuotedAfterCue:
    CASES = [
        ("Huyện đoàn phát động phong trào thi đua “Thanh niên tình nguyện vì cộng đồng” năm 2024.",
         ["Thanh niên tình nguyện vì cộng đồng"]),
        ("Mặt trận tỉnh triển khai Cuộc vận động \"Vì môi trường xanh quốc gia\" đến khu dân cư.",
         ["Vì môi trường xanh quốc gia"]),
        ("Phong trào thi đua đặc biệt “Chung sức vượt qua bão số 3”, với tinh thần “không để dân đói”.",
         ["Chung sức vượt qua bão số 3"]),
        ("Sở Công Thương phát động đợt thi đua cao điểm “90 ngày đêm hoàn thành dự án điện mặt trời”.",
         ["90 ngày đêm hoàn thành dự án điện mặt trời"]),
        ("Ngành y tế tỉnh Bến Tre tổ chức phong trào «Bệnh viện xanh – sạch – đẹp» từ đầu năm.",
         ["Bệnh viện xanh – sạch – đẹp"]),
        ("Các đơn vị triển khai phong trào “Văn minh đô thị năm 2025.", ["Văn minh đô thị năm 2025"]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_found(self, text, expected):
        assert names(text) == expected


class TestListAfterCue:
    CASES = [
        ("Tỉnh triển khai các phong trào thi đua do Trung ương phát động như: “Nông thôn mới kiểu mẫu”, "
         "“Chợ an toàn thực phẩm”; “Giao thông nông thôn xanh”.",
         ["Nông thôn mới kiểu mẫu", "Chợ an toàn thực phẩm", "Giao thông nông thôn xanh"]),
        # an unbalanced quote ends where the next one opens
        ("Các phong trào thi đua như: “Sáng kiến trong quản lý đất đai, “Chuyển đổi số cấp xã”, …",
         ["Sáng kiến trong quản lý đất đai", "Chuyển đổi số cấp xã"]),
        ("Tiếp tục phong trào thi đua xây dựng đô thị văn minh, “Phố sạch, ngõ đẹp” ở các phường.",
         ["Phố sạch, ngõ đẹp"]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_found(self, text, expected):
        assert names(text) == expected


class TestAwardTitleIsNotCampaign:
    CASES = [
        ("UBND tỉnh tặng danh hiệu “Chiến sĩ thi đua cấp tỉnh” cho 40 cá nhân.", []),
        ("Phường nhận cờ “Đơn vị dẫn đầu trong phong trào thi đua năm 2024” của UBND thành phố.", []),
        ("Chủ tịch UBND tỉnh tặng danh hiệu “Người tốt, việc tốt” cho 18 cá nhân.", []),
        ("Thành phố tổng kết phong trào “Người tốt, việc tốt” năm 2024.", ["Người tốt, việc tốt"]),
        ("Đề nghị tặng “Cờ thi đua của Chính phủ” cho Sở Tài chính trong phong trào thi đua năm 2024.", []),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_titles(self, text, expected):
        assert names(text) == expected


class TestDocumentTitleIsNotCampaign:
    CASES = [
        ("Quán triệt Chỉ thị số 12-CT/TU ngày 3/5/2023 của Tỉnh ủy về “Tăng cường sự lãnh đạo đối với công tác thi đua”.", []),
        ("Thực hiện Kế hoạch về việc “Tổ chức phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh”.", []),
        ("Kết luận số 01-KL/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", []),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_titles(self, text, expected):
        assert names(text) == expected

    def test_reference_title(self):
        text = "Căn cứ Kế hoạch số 45/KH-UBND “Đẩy mạnh phong trào khởi nghiệp” của huyện."
        ref_end = text.index(" “")
        ref = Reference(surface=text[7:ref_end], start=7, end=ref_end, kind="ke_hoach", number="45")
        assert names(text, [ref]) == []


class TestSloganIsNotCampaign:
    CASES = [
        ("Thực hiện lời dạy của Bác “Thi đua là yêu nước, yêu nước thì phải thi đua\", toàn huyện phát động thi đua.", []),
        ("Phát động phong trào thi đua năm 2024 với tinh thần “Thi đua là yêu nước”.", []),
        ("Năm 2025, thành phố thực hiện chủ đề “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”.", []),
        ("Kỷ niệm 76 năm ngày Chủ tịch Hồ Chí Minh ra “Lời kêu gọi thi đua ái quốc”.", []),
        ("Phong trào thi đua đặc biệt với phương châm “mỗi người dân là một chiến sĩ” được hưởng ứng.", []),
        ("Phát động phong trào thi đua yêu nước năm 2025 trong toàn huyện.", []),
        ("Tổ chức Cuộc thi “Tìm hiểu 95 năm lịch sử Đảng bộ tỉnh” trong phong trào thi đua.", []),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_not_campaigns(self, text, expected):
        assert names(text) == expected


class TestUnquotedCatalogue:
    CASES = [
        ("Huyện đẩy mạnh phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư.",
         ["Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư"]),
        ("Năm qua, Cả nước chung sức xây dựng nông thôn mới tiếp tục được các xã hưởng ứng.",
         ["Cả nước chung sức xây dựng nông thôn mới"]),
        ("Cán bộ tham gia các phong trào thi đua: Dân vận khéo, Cựu chiến binh gương mẫu và Dạy tốt - học tốt.",
         ["Dân vận khéo", "Cựu chiến binh gương mẫu", "Dạy tốt - học tốt"]),
        ("Đảng viên gương mẫu gắn với “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.",
         ["Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"]),
        ("Người dân ở đây vận động khéo léo, xây dựng xã hội học tập là nhiệm vụ chung.", []),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_found(self, text, expected):
        assert names(text) == expected


class TestAliasesCanonicalise:
    CASES = [
        ("phong trào “Vì người nghèo - Không để ai bị bỏ lại phía sau”", "Vì người nghèo – Không để ai bị bỏ lại phía sau"),
        ("phong trào “VÌ NGƯỜI NGHÈO – KHÔNG ĐỂ AI BỊ BỎ LẠI PHÍA SAU” giai đoạn 2021-2025",
         "Vì người nghèo – Không để ai bị bỏ lại phía sau"),
        ("cuộc vận động “Xây dựng gia đình 5 không 3 sạch”", "Xây dựng gia đình 5 không, 3 sạch"),
        ("phong trào “Dạy tốt, học tốt”", "Dạy tốt – học tốt"),
        ("phong trào thi đua Cả nước chung tay xoá nhà tạm, nhà dột nát", "Cả nước chung tay xóa nhà tạm, nhà dột nát"),
    ]

    @pytest.mark.parametrize("text,canonical", CASES)
    def test_canonical(self, text, canonical):
        found = find_campaigns(Context(text))
        assert len(found) == 1
        assert found[0].canonical == canonical
        assert found[0].key == key(canonical)
        assert text[found[0].start:found[0].end] == found[0].surface

    def test_first_seen_surface_outside_catalogue(self):
        text = "phong trào “Phố xanh – sạch” và sau đó phong trào “PHỐ XANH - SẠCH” tiếp tục."
        found = find_campaigns(Context(text))
        assert [c.canonical for c in found] == ["Phố xanh – sạch", "Phố xanh – sạch"]
        assert found[0].key == found[1].key


class TestRuleTables:
    def test_cue_examples(self):
        for row in cue_table().rows:
            got = names(row.example)
            if row.cls in ("campaign", "catalogue"):
                assert got, (row.cue, row.example)
            else:
                assert row.cls in NEGATIVE or row.cls.endswith("_name")
                assert got == [], (row.cue, row.example, got)

    def test_catalogue_examples(self):
        for e in catalogue().entries:
            if e.negative:
                continue
            got = [key(n) for n in names(e.example)]
            assert any(k in {key(n) for n in (e.name, *e.aliases)} or k.startswith(key(e.name)) for k in got), (e.name, got)

    def test_fast_key_is_key(self):
        for s in ["Vì người nghèo – Không để ai", "“Đẩy mạnh” CẢI CÁCH hành chính…", "Thủy lợi - hoá học  ,"]:
            assert fast_key(s) == key(s)


class TestHostileInput:
    @pytest.mark.parametrize("text", [
        "“" * 10**6, "phong trào “" * 200_000, '"' * 10**6, "”" * 10**6, "phong trào “a\n" * 200_000,
        "phong trào Dân vận khéo, " * 100_000,
    ])
    def test_linear(self, text):
        t0 = time.perf_counter()
        find_campaigns(Context(text))
        assert time.perf_counter() - t0 < 20


class TestNoNameInsideAQuote:
    """A catalogue name inside a quoted name (or any quotation) is not a second campaign."""

    @pytest.mark.parametrize("text,expected", [
        ("Ngành giáo dục tỉnh Bình Định hưởng ứng phong trào thi đua “Cả nước thi đua xây dựng xã hội "
         "học tập, đẩy mạnh học tập suốt đời” giai đoạn 2023 - 2030.",
         ["Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời"]),
        ("Năm nay, huyện chọn chủ đề “Đẩy mạnh phong trào Xây dựng xã hội học tập ở cơ sở” cho tháng khuyến học.",
         []),
        # outside the quotation the same name still counts
        ("Xã tổ chức phong trào “Dân vận khéo” và phong trào xây dựng xã hội học tập ở các thôn.",
         ["Dân vận khéo", "xây dựng xã hội học tập"]),
    ])
    def test_cases(self, text, expected):
        assert names(text) == expected


class TestPreselection:
    """The cheap tests in front of the unquoted pass must never drop what the full rules find."""

    def test_names_pattern_covers_every_matcher(self):
        import re

        from thidua.nlp.campaign_classifier import tone_variants
        from thidua.nlp.campaigns import _names_pattern

        names_re = re.compile(_names_pattern())
        cat = catalogue()
        for e in cat.entries:
            if e.negative is not None or e.unquoted not in ("anywhere", "after_cue"):
                continue
            for n in (e.name, *e.aliases):
                for v in tone_variants(n.lower()):
                    for form in (v, v.upper(), v.capitalize(), v.title()):
                        matcher = cat.first_words.get(form.split()[0].lower().rstrip(","))
                        if matcher is not None and matcher.match(form):
                            assert names_re.match(form), form

    def test_cue_before_ends(self):
        from thidua.nlp.campaign_classifier import CUE_BEFORE, CUE_BEFORE_ENDS

        for cue in ("phong trào", "phong trào thi đua", "phong trào đặc biệt", "phong trào thi đua đặc biệt",
                    "cuộc vận động", "đợt thi đua", "thi đua", "như", "gồm"):
            for after in ("", " ", ": ", " :\n"):
                m = CUE_BEFORE.search("xã " + cue + after)
                assert m and m.group().strip(" :\n") == cue
                assert m.group().rstrip().rstrip(":").rstrip().endswith(CUE_BEFORE_ENDS)

    @pytest.mark.parametrize("text", [
        "Phong trào thi đua Toàn dân đoàn kết xây dựng đời sống văn hóa; phong trào: Dân vận khéo.",
        "Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam, thi đua đặc biệt Dạy tốt - học tốt.",
        "Các phong trào gồm: Hai tốt, Ba sẵn sàng và Cựu chiến binh gương mẫu.",
        "Thi đua như: DÂN VẬN KHÉO.",
    ])
    def test_unquoted_after_cues_found(self, text):
        assert names(text)
