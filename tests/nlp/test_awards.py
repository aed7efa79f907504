"""Award tallies: behaviour tables of realistic Vietnamese sentences (written for these tests)."""

from __future__ import annotations

import re
import time

import pytest

from thidua.nlp.awards import find_awards, load_rows, tables
from thidua.nlp.models import AwardTally
from thidua.nlp.text import Context, normalize_text


def run(text: str) -> list[AwardTally]:
    text = normalize_text(text)
    rows = find_awards(Context(text))
    for r in rows:
        assert text[r.start:r.end] == r.surface, r
        assert r.surface == r.surface.strip()
    return rows


def keys(rows: list[AwardTally]) -> set[tuple]:
    return {(r.award_class, r.recipient, r.count) for r in rows if r.count is not None}


def grantors(rows: list[AwardTally]) -> dict[tuple, str | None]:
    return {(r.award_class, r.recipient, r.count): r.grantor for r in rows}


class TestRuleTable:
    @pytest.mark.parametrize("row", load_rows(), ids=lambda r: f"{r.kind}:{r.example}")
    def test_example_matches_its_pattern(self, row):
        pattern = tables().patterns[f"{row.kind}:{row.pattern}"]
        assert re.search(f"(?i:{pattern})", row.example), (row.pattern, row.example)

    def test_scan_hints_cover_every_verb_and_proposal_word(self):
        from thidua.nlp.awards import _PROPOSAL_HINTS, _VERB_HINTS
        for row in load_rows():
            hints = {"verb": _VERB_HINTS, "proposal": _PROPOSAL_HINTS}.get(row.kind)
            if hints:
                words = re.sub(r"\(\?<?!.*?\)", "", row.pattern).split("|")
                for w in words:
                    assert any(h in w for h in hints), (row.kind, w)

    @pytest.mark.parametrize("row", [r for r in load_rows() if r.kind == "grantor"],
                             ids=lambda r: r.example)
    def test_grantor_example_is_found_before_a_verb(self, row):
        name = row.example.removeprefix("của ")
        rows = run(f"Dịp này, {name} tặng Bằng khen cho 3 tập thể.")
        assert [r.grantor for r in rows] == [name]

    @pytest.mark.parametrize("row", [r for r in load_rows() if r.kind == "award"],
                             ids=lambda r: r.example)
    def test_award_example_gives_its_class(self, row):
        verb = "" if row.example.startswith(("tặng", "trao", "đạt", "phong")) else "tặng "
        rows = run(f"UBND tỉnh {verb}{row.example} cho 3 tập thể.")
        assert any(r.award_class == row.value and r.count == 3 for r in rows), rows


class TestGrantorGivesAwardToCounted:
    CASES = [
        ("Chủ tịch UBND tỉnh tặng Bằng khen cho 25 tập thể có thành tích xuất sắc.",
         {("bang_khen", "tập thể", 25)}),
        ("Bộ trưởng Bộ Công an tặng Bằng khen cho 12 tập thể, 30 cá nhân.",
         {("bang_khen", "tập thể", 12), ("bang_khen", "cá nhân", 30)}),
        ("UBND huyện trao Giấy khen cho 45 cá nhân tiêu biểu trong phong trào.",
         {("giay_khen", "cá nhân", 45)}),
        ("Thủ tướng Chính phủ tặng Cờ thi đua cho 2 đơn vị dẫn đầu phong trào thi đua.",
         {("co_thi_dua", "tập thể", 2)}),
        ("Dịp này, Chủ tịch nước tặng thưởng Huân chương Lao động hạng Nhì cho 3 tập thể.",
         {("huan_chuong", "tập thể", 3)}),
        ("Giám đốc Sở Giáo dục và Đào tạo tặng Giấy khen cho 120 học sinh đạt giải.",
         {("giay_khen", "cá nhân", 120)}),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_rows(self, text, expected):
        assert keys(run(text)) == expected


class TestCountedRecipientsReceiveAward:
    CASES = [
        ("Có 8 tập thể được tặng Bằng khen của Thủ tướng Chính phủ.",
         {("bang_khen", "tập thể", 8)}, "Thủ tướng Chính phủ"),
        ("Năm 2023, toàn huyện có 2.345 cá nhân đạt danh hiệu Lao động tiên tiến.",
         {("ld_tien_tien", "cá nhân", 2345)}, None),
        ("5 tập thể và 14 cá nhân được UBND tỉnh tặng Bằng khen.",
         {("bang_khen", "tập thể", 5), ("bang_khen", "cá nhân", 14)}, "UBND tỉnh"),
        ("32 cá nhân được công nhận danh hiệu Chiến sĩ thi đua cơ sở.",
         {("chien_si_thi_dua", "cá nhân", 32)}, None),
        ("18 tập thể được tặng danh hiệu Tập thể lao động tiên tiến cấp huyện.",
         {("tt_ld_tien_tien", "tập thể", 18)}, "cấp huyện"),
        ("Dịp này, Sở Giáo dục và Đào tạo khen thưởng 50 học sinh giỏi bằng Giấy khen.",
         {("giay_khen", "cá nhân", 50)}, "Sở Giáo dục và Đào tạo"),
        ("Có 2 cá nhân được Chủ tịch nước truy tặng Huân chương Dũng cảm.",
         {("huan_chuong", "cá nhân", 2)}, "Chủ tịch nước"),
    ]

    @pytest.mark.parametrize("text,expected,grantor", CASES)
    def test_rows(self, text, expected, grantor):
        rows = run(text)
        assert keys(rows) == expected
        assert set(grantors(rows).values()) == {grantor}

    def test_surface_starts_at_the_count(self):
        [row] = run("Có 8 tập thể được tặng Bằng khen của Thủ tướng Chính phủ.")
        assert row.surface == "8 tập thể được tặng Bằng khen của Thủ tướng Chính phủ"


class TestHouseholdAndVillageTitles:
    """Titles the Law on Emulation and Commendation gives households and villages (Nghị định
    86/2023/NĐ-CP): their recipients are households and collectives, not persons."""

    CASES = [
        ("Năm 2024, toàn xã có 1.245 hộ gia đình được công nhận danh hiệu Gia đình văn hóa.",
         {("other", "hộ gia đình", 1245)}),
        ("UBND huyện công nhận danh hiệu Gia đình văn hóa tiêu biểu cho 86 hộ.",
         {("other", "hộ gia đình", 86)}),
        ("Có 37 thôn, tổ dân phố đạt danh hiệu Thôn, tổ dân phố văn hóa năm 2023.",
         {("other", "tập thể", 37)}),
        ("Phong trào xây dựng gia đình văn hóa được duy trì; 92% hộ gia đình đạt chuẩn.", set()),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_rows(self, text, expected):
        assert keys(run(text)) == expected

    def test_award_pattern_without_a_literal_head_is_refused(self):
        from thidua.nlp.awards import _literal_head

        with pytest.raises(ValueError, match="literal"):
            _literal_head("(?:Thôn|Làng)\\s+văn hóa")


class TestGrantorCarriesOver:
    TEXT = ("Chủ tịch UBND tỉnh tặng Cờ thi đua cho 4 tập thể, Bằng khen cho 31 tập thể và "
            "57 cá nhân; danh hiệu “Tập thể lao động xuất sắc” cho 9 tập thể; Giám đốc Sở Nội vụ "
            "tặng Giấy khen cho 40 cá nhân.")

    def test_rows_and_grantors(self):
        rows = run(self.TEXT)
        assert grantors(rows) == {
            ("co_thi_dua", "tập thể", 4): "Chủ tịch UBND tỉnh",
            ("bang_khen", "tập thể", 31): "Chủ tịch UBND tỉnh",
            ("bang_khen", "cá nhân", 57): "Chủ tịch UBND tỉnh",
            ("tt_ld_xuat_sac", "tập thể", 9): "Chủ tịch UBND tỉnh",
            ("giay_khen", "cá nhân", 40): "Giám đốc Sở Nội vụ",
        }

    def test_chained_surface_is_its_own_clause(self):
        rows = run(self.TEXT)
        by = {(r.award_class, r.recipient, r.count): r.surface for r in rows}
        assert by[("bang_khen", "tập thể", 31)] == "Bằng khen cho 31 tập thể"
        assert by[("bang_khen", "cá nhân", 57)] == "và 57 cá nhân"
        assert by[("co_thi_dua", "tập thể", 4)] == "Chủ tịch UBND tỉnh tặng Cờ thi đua cho 4 tập thể"

    def test_grantor_does_not_cross_sentences(self):
        rows = run("UBND tỉnh tặng Bằng khen cho 3 tập thể. Giấy khen được trao cho 7 cá nhân.")
        assert grantors(rows)[("giay_khen", "cá nhân", 7)] is None


class TestCountsGoToTheAwardTheyReceive:
    def test_comma_does_not_glue_counts_to_the_previous_award(self):
        rows = run("Năm qua, 4 tập thể được tặng Cờ thi đua của UBND tỉnh, 16 tập thể và 40 cá nhân "
                   "được tặng Bằng khen của Chủ tịch UBND tỉnh.")
        assert keys(rows) == {("co_thi_dua", "tập thể", 4), ("bang_khen", "tập thể", 16),
                              ("bang_khen", "cá nhân", 40)}


    def test_total_before_a_breakdown_is_not_a_tally(self):
        rows = run("Có 200 tập thể, 520 cá nhân được các cấp khen thưởng, trong đó: Huân chương Lao "
                   "động hạng Ba 1 tập thể; Bằng khen Thủ tướng Chính phủ 2 cá nhân.")
        assert keys(rows) == {("huan_chuong", "tập thể", 1), ("bang_khen", "cá nhân", 2)}


class TestMandatedGrantor:
    CASES = [
        ("Thừa ủy quyền của Chủ tịch nước, đồng chí Phạm Minh Tâm, Phó Bí thư Thường trực Tỉnh ủy "
         "trao Huân chương Lao động hạng Ba cho Sở Y tế.", "Chủ tịch nước"),
        ("Đại tá Lê Hữu Phước, Giám đốc Công an tỉnh trao Giấy khen cho 9 tập thể.",
         "Giám đốc Công an tỉnh"),
        ("Chủ tịch UBND huyện Hoàng Văn Sơn trao Giấy khen cho 6 tập thể.", "Chủ tịch UBND huyện"),
    ]

    @pytest.mark.parametrize("text,grantor", CASES)
    def test_grantor(self, text, grantor):
        [row] = run(text)
        assert row.grantor == grantor and row.count is not None


class TestNamedRecipients:
    CASES = [
        ("Trường THPT Lê Quý Đôn được tặng thưởng Huân chương Lao động hạng Ba.",
         {("huan_chuong", "tập thể", 1)}),
        ("Thừa ủy quyền của Chủ tịch nước, đồng chí Bí thư Tỉnh ủy trao Huân chương Lao động "
         "hạng Nhì cho Công ty cổ phần Cao su Đồng Phú.", {("huan_chuong", "tập thể", 1)}),
        ("Cụ thể: Phòng Tư pháp huyện, Hội Nông dân xã Tân Lập được tặng Bằng khen của Chủ tịch "
         "UBND tỉnh.", {("bang_khen", "tập thể", 2)}),
        ("Chủ tịch UBND tỉnh tặng Bằng khen cho ông Nguyễn Văn Hùng, Giám đốc Sở Tài chính.",
         {("bang_khen", "cá nhân", 1)}),
        ("Bà Trần Thị Lan, giáo viên Trường Tiểu học Kim Đồng được tặng danh hiệu Nhà giáo Ưu tú.",
         {("nhà giáo ưu tú", "cá nhân", 1)}),
        ("Công an huyện vinh dự đón nhận Huân chương Chiến công hạng Ba.",
         {("huan_chuong", "tập thể", 1)}),
        ("Chủ tịch UBND huyện tặng Giấy khen cho tập thể và cá nhân có thành tích xuất sắc.", set()),
        ("UBND tỉnh tặng Bằng khen cho xã Tân Lập và xã Phú Mỹ.", {("bang_khen", "tập thể", 2)}),
        # fixed formulas name one collective recipient
        ("Thừa ủy quyền của Chủ tịch nước, lãnh đạo tỉnh trao Huân chương Lao động hạng Nhì cho "
         "Đảng bộ, chính quyền và Nhân dân huyện Krông Pắc.", {("huan_chuong", "tập thể", 1)}),
        ("Chủ tịch nước tặng Huân chương Bảo vệ Tổ quốc hạng Ba cho cán bộ, chiến sĩ Đồn Biên phòng "
         "Cửa khẩu Lao Bảo.", {("huan_chuong", "tập thể", 1)}),
        ("UBND tỉnh tặng Bằng khen cho Nhân dân và cán bộ xã Hòa Tiến, Hội Nông dân huyện Hòa Vang.",
         {("bang_khen", "tập thể", 2)}),
        ("Cán bộ và Nhân dân thị trấn Phong Điền được tặng Bằng khen của Thủ tướng Chính phủ.",
         {("bang_khen", "tập thể", 1)}),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_rows(self, text, expected):
        got = {(c if c != "other" else None, r, n) for c, r, n in keys(run(text))}
        want = {(c if c in {"huan_chuong", "bang_khen"} else None, r, n) for c, r, n in expected}
        assert got == want

    def test_person_title_award_keeps_its_name(self):
        [row] = run("Bà Trần Thị Lan được tặng danh hiệu Nhà giáo Ưu tú.")
        assert (row.award, row.award_class, row.recipient, row.count) == (
            "Nhà giáo Ưu tú", "other", "cá nhân", 1)


class TestProposalNotGrant:
    CASES = [
        ("Hội đồng đề nghị Thủ tướng Chính phủ tặng Bằng khen cho 6 tập thể.",
         [("bang_khen", "tập thể", 6, True)]),
        ("Các đơn vị xét, trình Chủ tịch UBND huyện tặng Giấy khen cho các tập thể tiêu biểu.",
         [("giay_khen", None, None, True)]),
        ("Đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba cho 2 tập thể; UBND tỉnh "
         "tặng Bằng khen cho 15 cá nhân.",
         [("huan_chuong", "tập thể", 2, True), ("bang_khen", "cá nhân", 15, False)]),
        ("Chương trình hành động được triển khai, UBND tỉnh tặng Bằng khen cho 4 tập thể.",
         [("bang_khen", "tập thể", 4, False)]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_rows(self, text, expected):
        rows = run(text)
        assert sorted((r.award_class, r.recipient, r.count, r.proposed) for r in rows) == sorted(
            expected, key=str)


class TestThousandsSeparator:
    CASES = [
        ("danh hiệu Lao động tiên tiến cho 1.774 cá nhân", 1774),
        ("UBND tỉnh tặng Giấy khen cho 12.050 cá nhân", 12050),
        ("Bằng khen cho 03 tập thể", 3),
        ("Bằng khen cho hai tập thể", 2),
    ]

    @pytest.mark.parametrize("text,count", CASES)
    def test_count(self, text, count):
        assert [r.count for r in run(text) if r.count is not None] == [count]


class TestNotCounts:
    CASES = [
        "Tổng kinh phí khen thưởng là 8.602,658 tỷ đồng, 79% tập thể được tặng Giấy khen.",
        "Kỷ niệm 70 năm ngày thành lập, đơn vị được tặng Bằng khen trong 9 tháng năm 2022.",
        "Trong năm 2023, các tập thể, cá nhân được tặng Bằng khen.",
        "Tăng cường công tác khen thưởng, tôn vinh người tốt, việc tốt trong 21/21 xã.",
        "Phong trào “Người tốt, việc tốt” được triển khai ở 100% đơn vị.",
    ]

    @pytest.mark.parametrize("text", CASES)
    def test_no_counted_rows(self, text):
        # "đơn vị được tặng …": the unit word is the one recipient; "70 năm" is no count
        assert keys(run(text)) == _ONE_UNIT.get(text, set())


_ONE_UNIT = {t: {("bang_khen", "tập thể", 1)} for t in (
    "Kỷ niệm 70 năm ngày thành lập, đơn vị được tặng Bằng khen trong 9 tháng năm 2022.",
    "Sau hai mươi năm xây dựng và trưởng thành, đơn vị được tặng Bằng khen.",
    "Mười năm qua, nhà trường được tặng Bằng khen của Bộ trưởng.")}


class TestQuotedTitles:
    CASES = [
        ("UBND huyện tặng danh hiệu “Chiến sĩ thi đua cơ sở” cho 48 cá nhân.",
         "Chiến sĩ thi đua cơ sở", "chien_si_thi_dua", 48),
        ("Tặng danh hiệu “Người tốt, việc tốt” cho 11 cá nhân.", "Người tốt, việc tốt",
         "nguoi_tot_viec_tot", 11),
        ("Chủ tịch UBND thành phố tặng “Cờ thi đua xuất sắc” cho 5 tập thể.",
         "Cờ thi đua xuất sắc", "co_thi_dua", 5),
        ("Hội Cựu chiến binh xã được tặng cờ “Đơn vị dẫn đầu phong trào thi đua” của UBND huyện.",
         "Cờ thi đua", "co_thi_dua", 1),
    ]

    @pytest.mark.parametrize("text,award,cls,count", CASES)
    def test_name_without_quotes(self, text, award, cls, count):
        [row] = [r for r in run(text) if r.count is not None]
        assert (row.award, row.award_class, row.count) == (award, cls, count)


class TestListsWithColon:
    TEXT = ("Kết quả: Huân chương Lao động hạng Ba: 2 tập thể; Bằng khen của Thủ tướng Chính phủ: "
            "3 tập thể, 7 cá nhân; Cờ thi đua của UBND tỉnh: 6 tập thể.")

    def test_rows(self):
        rows = run(self.TEXT)
        assert keys(rows) == {("huan_chuong", "tập thể", 2), ("bang_khen", "tập thể", 3),
                              ("bang_khen", "cá nhân", 7), ("co_thi_dua", "tập thể", 6)}
        assert grantors(rows)[("co_thi_dua", "tập thể", 6)] == "UBND tỉnh"


class TestCountBeforeAwardName:
    CASES = [
        ("Trong năm, đã trao 150 Giấy khen và 20 Bằng khen.",
         {("giay_khen", None, 150), ("bang_khen", None, 20)}),
        ("Toàn ngành có 36 chiến sĩ thi đua cơ sở.", {("chien_si_thi_dua", "cá nhân", 36)}),
        ("Công nhận 14 tập thể lao động xuất sắc.", {("tt_ld_xuat_sac", "tập thể", 14)}),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_rows(self, text, expected):
        assert keys(run(text)) == expected


class TestUncountedAwardsKeptWithoutCount:
    def test_null_count_row(self):
        [row] = run("Phó Chủ tịch UBND quận trao Giấy khen cho các gia đình văn hóa tiêu biểu.")
        assert (row.award, row.count, row.recipient) == ("Giấy khen", None, None)
        assert row.grantor == "Phó Chủ tịch UBND quận"
        assert row.surface.startswith("Phó Chủ tịch UBND quận trao Giấy khen cho các gia đình")

    def test_mere_mention_is_not_a_tally(self):
        assert run("Luật Thi đua, khen thưởng quy định về Bằng khen và Giấy khen.") == []


class TestLinearTime:
    INPUTS = [
        "tặng Bằng khen cho " * 500_000,
        "1." * 5_000_000,
        "Bằng khen: " + "1.000 tập thể, " * 600_000,
        "Chủ tịch UBND tỉnh " * 500_000 + "tặng Bằng khen",
        "danh hiệu “" * 900_000,
        "cho Phòng A, " * 800_000 + "được tặng Bằng khen",
        "Bằng khen " + " " * 10_000_000 + "và",
        "Thừa ủy quyền của Chủ tịch nước trao Bằng khen cho 5 tập thể; " * 150_000,
        # qualifiers, titles, number words, dotted degrees
        "Bằng khen" + " , và" * 2_000_000 + " hạng",
        "Bằng khen" + " " * 10_000_000 + ", hạng Nhì",
        "tặng Giấy khen cho " + "hai mươi một trăm " * 500_000 + "cá nhân",
        "ThS. " * 2_000_000 + "được tặng Bằng khen",
        "tặng Bằng khen “" + "A" * 10_000_000,
        "Bằng khen đột xuất " * 500_000,
    ]

    @pytest.mark.parametrize("text", INPUTS, ids=lambda s: repr(s[:20]))
    def test_ten_megabytes_in_seconds(self, text):
        ctx = Context(text)
        t0 = time.process_time()  # CPU time: wall time on a shared test machine is noise
        find_awards(ctx)
        assert time.process_time() - t0 < 5


class TestSpeed:
    def test_realistic_article(self):
        para = ("Năm 2023, các phong trào thi đua yêu nước được triển khai sâu rộng trên địa bàn "
                "huyện, góp phần hoàn thành các chỉ tiêu kinh tế - xã hội. ")
        award = ("Chủ tịch UBND tỉnh tặng Cờ thi đua cho 3 tập thể, Bằng khen cho 22 tập thể và "
                 "10 cá nhân; UBND huyện tặng danh hiệu “Lao động tiên tiến” cho 1.774 cá nhân. ")
        text = (para * 40 + award) * 1
        text = text[:10_000]
        ctx = Context(text)
        ctx.sentences
        find_awards(ctx)
        n = 50
        t0 = time.process_time()
        for _ in range(n):
            find_awards(ctx)
        # 0.2 ms is the budget on a free core; allow for a loaded test machine
        assert (time.process_time() - t0) / n < 0.002


class TestFastScanRewrites:
    """The scans rewritten to start with a character class find what the plain forms find."""

    def test_case_variants_have_no_astral_member(self):
        from thidua.nlp.awards import _ci_class
        letters = "abcdefghijklmnopqrstuvwxyzđ"
        everything = "".join(map(chr, range(0x110000)))
        assert sorted(re.findall(f"(?i:[{letters}])", everything)) == sorted(
            re.findall(f"[{_ci_class(letters)}]", everything))

    TEXTS = [
        "UBND tỉnh tặng Bằng khen cho 5 tập thể, hai cá nhân và 1.200 lượt học sinh; "
        "Hội đồng Thi đua - Khen thưởng đề nghị Thủ tướng trao tặng Cờ thi đua, "
        "chương trình công tác, quá trình, trình Chủ tịch nước tặng thưởng Huân chương.",
        "ĐỀ NGHỊ TRAO TẶNG 3 TẬP THỂ; 12,5 cá nhân, x5 đơn vị, HAI ĐƠN VỊ, ſáu cá nhân được "
        "MƯỜI LĂM cá nhân, hai mươi mốt khu phố, một trăm linh năm hộ, mười năm người, lăm cá nhân, "
        "nhận, đạt, vinh dự đón nhận; khen thưởng, công nhận, quyết định tặng: và cùng , ",
        "tặng Bằng khen cho Đảng bộ, chính quyền và Nhân dân xã A, cán bộ và nhân dân phường B, "
        "CÁN BỘ, CHIẾN SĨ Đồn C (vì thành tích… tại lễ. Nhân dân và lực lượng vũ trang huyện D "
        "với thành tích; cán bộ, đảng viên và nhân dân thôn E đạt 1.5/ do",
    ]

    @pytest.mark.parametrize("text", TEXTS)
    def test_same_matches_as_the_plain_patterns(self, text):
        t = tables()
        rows = load_rows()
        alt = {k: "|".join(f"(?:{r.pattern})" for r in rows if r.kind == k)
               for k in ("verb", "passive", "proposal", "recipient")}
        from thidua.nlp.awards import number_words
        nums = "|".join(number_words([r for r in rows if r.kind == "number"])[0])
        num = rf"\d{{1,3}}(?:\.\d{{3}})+|\d+|(?i:{nums})"
        plain = {
            "verb_re": rf"(?<!\w)(?<!đua - )(?<!đua – )(?<!đua, )(?<!đua-)(?i:{alt['verb']})(?!\w)",
            "proposal_re": rf"(?<!\w)(?i:{alt['proposal']})(?!\w)",
            "passive_re": rf"(?<!\w)(?i:{alt['passive']})(?!\w)",
            "qty_re": rf"(?<![\w.,])(?P<n>{num})(?![.,]\d)\s++(?:(?i:lượt)\s++)?"
                      rf"(?P<r>(?i:{alt['recipient']}))(?!\w)",
        }
        for name, pattern in plain.items():
            fast = [(m.span(), m.groupdict()) for m in getattr(t, name).finditer(text)]
            assert fast == [(m.span(), m.groupdict()) for m in re.finditer(pattern, text)], name
        from thidua.nlp.awards import _SEG_SEP
        assert [m.span() for m in _SEG_SEP.finditer(text)] == [
            m.span() for m in re.finditer(r"(?<!\s)\s*[,:]\s*|(?<!\s)\s+(?i:và|cùng)\s+", text)]
        from thidua.nlp.awards import _COLLECTIVE, _PHRASE_STOP
        assert [m.span() for m in _PHRASE_STOP.finditer(text)] == [m.span() for m in re.finditer(
            r"[;(…:]|\.(?=\s|$|/)|\s(?i:vì|do|đã|có|về|nhân dịp|trong|tại|đạt|được|với thành tích)"
            r"(?!\w)", text)]
        assert [m.span() for m in _COLLECTIVE.finditer(text)] == [m.span() for m in re.finditer(
            r"(?i:đảng\s+bộ,?\s+chính\s+quyền(?:,?\s+mặt\s+trận)?\s+và\s+nhân\s+dân"
            r"|(?:cán\s+bộ(?:,\s*chiến\s+sĩ)?|cán\s+bộ,\s*đảng\s+viên)\s+và\s+nhân\s+dân"
            r"|nhân\s+dân\s+và\s+(?:cán\s+bộ|lực\s+lượng\s+vũ\s+trang)"
            r"|cán\s+bộ,\s*chiến\s+sĩ)\s+(?=\w)", text)]


class TestOneSpellingPerAward:
    @pytest.mark.parametrize("text, award", [
        ("UBND huyện tặng bằng khen cho 4 tập thể.", "Bằng khen"),
        ("10 tập thể được tặng danh hiệu tập thể lao động xuất sắc.", "Tập thể lao động xuất sắc"),
        ("UBND tỉnh tặng danh hiệu “Tập thể Lao động xuất sắc” cho 12 tập thể.", "Tập thể lao động xuất sắc"),
        ("Chủ tịch nước tặng Huân chương Lao động hạng Ba cho 2 tập thể.", "Huân chương Lao động hạng Ba"),
    ])
    def test_display_name(self, text, award):
        from thidua.nlp.awards import find_awards
        from thidua.nlp.text import Context

        rows = find_awards(Context(text))
        assert rows and {r.award for r in rows} == {award}


class TestTitleOrQualifierBeforeCount:
    """A quoted title or a qualifier between an award and "cho N …" keeps the count linked."""

    CASES = [
        ("Liên đoàn Lao động tỉnh tặng Bằng khen “Người lao động giỏi” cho 14 công nhân và "
         "3 tập thể sản xuất.", {("bang_khen", "cá nhân", 14), ("bang_khen", "tập thể", 3)},
         "Bằng khen Người lao động giỏi"),
        ("Giám đốc Sở trao Huy chương “Vì sự nghiệp giáo dục” cho 8 nhà giáo đã nghỉ hưu.",
         {("huy_chuong", "cá nhân", 8)}, "Huy chương Vì sự nghiệp giáo dục"),
        ("UBND huyện tặng Cờ thi đua “Đơn vị xuất sắc trong xây dựng nông thôn mới” cho 02 tập "
         "thể (xã Yên Lạc, xã Tân Hòa).", {("co_thi_dua", "tập thể", 2)}, "Cờ thi đua"),
        ("Chủ tịch UBND huyện tặng Giấy khen đột xuất cho 2 tập thể, 7 cá nhân có hành động dũng "
         "cảm cứu người.", {("giay_khen", "tập thể", 2), ("giay_khen", "cá nhân", 7)}, "Giấy khen"),
        ("Trong 5 năm, Chủ tịch nước tặng Huân chương các hạng cho 12 tập thể và 20 cá nhân.",
         {("huan_chuong", "tập thể", 12), ("huan_chuong", "cá nhân", 20)}, "Huân chương"),
        ("Bộ Quốc phòng tặng Huân chương Chiến công hạng Nhất, hạng Nhì cho 5 tập thể.",
         {("huan_chuong", "tập thể", 5)}, "Huân chương Chiến công hạng Nhất, hạng Nhì"),
        ("Bộ trưởng trao Huy chương “Vì thế hệ trẻ” hạng Ba cho 4 đoàn viên.",
         {("huy_chuong", "cá nhân", 4)}, "Huy chương Vì thế hệ trẻ hạng Ba"),
        # straight quotes around the award itself are not a title
        ('UBND tỉnh tặng "Bằng khen" cho 3 tập thể và "Giấy khen" cho 5 cá nhân.',
         {("bang_khen", "tập thể", 3), ("giay_khen", "cá nhân", 5)}, None),
    ]

    @pytest.mark.parametrize("text,expected,award", CASES)
    def test_rows(self, text, expected, award):
        rows = run(text)
        assert keys(rows) == expected
        if award:
            assert {r.award for r in rows} == {award}

    @pytest.mark.parametrize("text,award,count", [
        # the table knows the start of the title, the quotes say where it ends
        ("Chủ tịch UBND thành phố công nhận danh hiệu “Chiến sĩ thi đua Thành phố” cho 9 cá nhân.",
         "Chiến sĩ thi đua Thành phố", 9),
        ("UBND tỉnh tặng “Cờ thi đua xuất sắc năm 2024” cho 4 tập thể.",
         "Cờ thi đua xuất sắc năm 2024", 4),
        ("Thủ tướng tặng “Bằng khen của Thủ tướng Chính phủ” cho 5 tập thể.", "Bằng khen", 5),
    ])
    def test_rest_of_a_quoted_title(self, text, award, count):
        [row] = run(text)
        assert (row.award, row.count) == (award, count)

    def test_two_titles_in_one_pair_of_quotes_stay_two(self):
        rows = run("UBND huyện tặng danh hiệu “Lao động tiên tiến, Chiến sĩ thi đua cơ sở” cho 30 cá nhân.")
        assert {r.award for r in rows} == {"Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"}

    def test_qualifier_before_the_grantor_suffix(self):
        rows = run("Dịp này, Công an tỉnh nhận Bằng khen đột xuất của Chủ tịch UBND tỉnh cho "
                   "4 cá nhân.")
        assert keys(rows) == {("bang_khen", "cá nhân", 4)}
        assert set(grantors(rows).values()) == {"Chủ tịch UBND tỉnh"}

    def test_title_surface_reaches_the_count(self):
        [row] = run("Hội Cựu chiến binh tỉnh tặng Giấy khen “Cựu chiến binh gương mẫu” cho 30 hội viên.")
        assert row.surface.endswith("Giấy khen “Cựu chiến binh gương mẫu” cho 30 hội viên")

    @pytest.mark.parametrize("text", [
        "Vận động viên của tỉnh giành 2 Huy chương vàng và 5 Huy chương bạc tại Đại hội.",
        "Luật quy định Bằng khen “là hình thức khen thưởng” cho cá nhân, tập thể.",
    ])
    def test_no_counted_rows(self, text):
        assert keys(run(text)) == set()


class TestMoreRecipientNouns:
    CASES = [
        ("Năm 2023, 03 bác sĩ của Bệnh viện tỉnh được Chủ tịch nước phong tặng danh hiệu Thầy "
         "thuốc ưu tú.", {("other", "cá nhân", 3)}),
        ("Ủy ban MTTQ Việt Nam xã tặng Giấy khen cho 6 thôn, 4 Ban công tác Mặt trận và 12 hội viên.",
         {("giay_khen", "tập thể", 6), ("giay_khen", "tập thể", 4), ("giay_khen", "cá nhân", 12)}),
        ("Hội Nông dân huyện tặng Giấy khen cho 7 chi hội và 25 nông dân sản xuất giỏi.",
         {("giay_khen", "tập thể", 7), ("giay_khen", "cá nhân", 25)}),
        ("UBND phường tặng Giấy khen cho 3 khu phố, 2 tổ dân phố và 11 tình nguyện viên.",
         {("giay_khen", "tập thể", 3), ("giay_khen", "tập thể", 2), ("giay_khen", "cá nhân", 11)}),
        ("Dịp này, 15 giáo viên và 4 nhân viên được tặng Giấy khen của Giám đốc Sở.",
         {("giay_khen", "cá nhân", 15), ("giay_khen", "cá nhân", 4)}),
        ("UBND huyện tặng Giấy khen cho 9 ấp và 2 địa phương dẫn đầu phong trào.",
         {("giay_khen", "tập thể", 9), ("giay_khen", "tập thể", 2)}),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_rows(self, text, expected):
        assert keys(run(text)) == expected

    def test_whole_noun_in_the_surface(self):
        rows = run("Huyện ủy tặng Giấy khen cho 8 tổ chức cơ sở đảng trong sạch, vững mạnh.")
        assert [r.surface for r in rows] == ["Huyện ủy tặng Giấy khen cho 8 tổ chức cơ sở đảng"]

    @pytest.mark.parametrize("text", [
        "Ông đã nhận Bằng khen, một bản sao được gửi về các đơn vị.",
        "Đơn vị được tặng Bằng khen, một sở thích của ông là đọc sách.",
        "Huyện có 40 bác sĩ; Trung tâm Y tế huyện được tặng Bằng khen của Bộ trưởng Bộ Y tế.",
    ])
    def test_not_recipients(self, text):
        assert not [r for r in run(text) if r.count and r.count > 1]


class TestCountsInWords:
    @pytest.mark.parametrize("words,count", [
        ("mười hai", 12), ("mười lăm", 15), ("mười tư", 14), ("hai mươi", 20), ("hai mươi mốt", 21),
        ("hai mươi tư", 24), ("hai mươi lăm", 25), ("ba mươi", 30), ("một trăm", 100),
        ("một trăm linh năm", 105), ("một trăm hai mươi", 120), ("hai trăm năm mươi", 250),
        ("Mười Hai", 12), ("bẩy", 7),
    ])
    def test_count_and_surface(self, words, count):
        [row] = run(f"UBND huyện tặng Giấy khen cho {words} cá nhân có thành tích xuất sắc.")
        assert row.count == count and row.recipient == "cá nhân"
        assert row.surface.endswith(f"cho {words} cá nhân")

    def test_count_before_passive(self):
        [row] = run("Năm qua, hai mươi mốt hộ gia đình được công nhận danh hiệu Gia đình văn hóa.")
        assert (row.count, row.recipient) == (21, "hộ gia đình")
        assert row.surface.startswith("hai mươi mốt hộ gia đình")

    @pytest.mark.parametrize("text", [
        "Sau hai mươi năm xây dựng và trưởng thành, đơn vị được tặng Bằng khen.",
        "Mười năm qua, nhà trường được tặng Bằng khen của Bộ trưởng.",
        "Hàng trăm cá nhân được tặng Giấy khen trong đợt thi đua.",
    ])
    def test_not_counts(self, text):
        assert keys(run(text)) == _ONE_UNIT.get(text, set())


class TestPartOfATotal:
    """"12 cá nhân được tặng Giấy khen, trong đó có 4 hội viên": the 4 are among the 12."""

    CASES = [
        ("Năm 2023, 18 cá nhân được Chủ tịch UBND huyện tặng Giấy khen, trong đó có 5 đoàn viên "
         "thanh niên.", {("giay_khen", "cá nhân", 18)}),
        ("25 tập thể được tặng Cờ thi đua, gồm 10 trường học và 15 doanh nghiệp.",
         {("co_thi_dua", "tập thể", 25)}),
        ("Toàn ngành có 36 chiến sĩ thi đua cơ sở, trong đó có 10 giáo viên.",
         {("chien_si_thi_dua", "cá nhân", 36)}),
        # no total before the award: the counts after it are the tallies
        ("Công đoàn ngành được tặng Bằng khen, trong đó có 4 tập thể và 9 cá nhân.",
         {("bang_khen", "tập thể", 4), ("bang_khen", "cá nhân", 9)}),
        # a total without a recipient is broken down by recipient
        ("Năm qua, toàn tỉnh có 15 Bằng khen: 5 tập thể, 10 cá nhân.",
         {("bang_khen", None, 15), ("bang_khen", "tập thể", 5), ("bang_khen", "cá nhân", 10)}),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_rows(self, text, expected):
        assert keys(run(text)) == expected


class TestPersonAfterDegree:
    """A degree or title written with its dot ("ThS.", "PGS.TS.") starts a person's name."""

    CASES = [
        ("ThS. Lê Thị Hồng, giáo viên Trường THPT chuyên Hà Tĩnh, được Chủ tịch nước phong tặng "
         "danh hiệu Nhà giáo ưu tú.", {("other", "cá nhân", 1)}),
        ("PGS.TS. Trần Văn Bình, Giám đốc Bệnh viện tỉnh, vinh dự được phong tặng danh hiệu Thầy "
         "thuốc nhân dân.", {("other", "cá nhân", 1)}),
        ("BS. Nguyễn Văn Phúc được tặng Bằng khen của Bộ trưởng Bộ Y tế.", {("bang_khen", "cá nhân", 1)}),
        ("Dịp này, thầy giáo Phạm Văn Long, giáo viên Trường Tiểu học Hòa Bình, vinh dự đón nhận "
         "danh hiệu Nhà giáo ưu tú.", {("other", "cá nhân", 1)}),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_rows(self, text, expected):
        assert keys(run(text)) == expected

    def test_degree_without_a_name_is_no_person(self):
        rows = run("Đề tài do nhóm ThS. trẻ thực hiện được tặng Giấy khen.")
        assert keys(rows) == set()


class TestGrantorNames:
    CASES = [
        ("Chủ tịch UBND Quận 5 công nhận danh hiệu “Lao động tiên tiến” cho 120 cá nhân.",
         "Chủ tịch UBND Quận 5"),
        ("Có 2 cá nhân được Chủ tịch UBND TP.HCM tặng Bằng khen.", "Chủ tịch UBND TP.HCM"),
        ("Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh tặng Bằng khen cho 12 tập thể.",
         "Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh"),
        ("Có 9 hội viên được Ban Thường vụ Hội Cựu chiến binh huyện Đông Anh tặng Giấy khen.",
         "Ban Thường vụ Hội Cựu chiến binh huyện Đông Anh"),
        ("Ban Thường vụ Thành đoàn tặng Bằng khen cho 20 đoàn viên.", "Ban Thường vụ Thành đoàn"),
        ("Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ cho 7 tập thể.", "Thủ tướng Chính phủ"),
        # the award's name says who gives it when the sentence does not
        ("Năm nay, 2 tập thể được tặng Cờ thi đua của Chính phủ.", "Chính phủ"),
        # a mass organisation as the recipient is not a grantor
        ("Hội Nông dân xã Tân Lập được tặng Bằng khen của Chủ tịch UBND tỉnh.", "Chủ tịch UBND tỉnh"),
        # a year between the unit and the verb: no grantor rather than a wrong one
        ("Chủ tịch UBND Quận 3 năm 2023 tặng Giấy khen cho 8 tập thể.", None),
    ]

    @pytest.mark.parametrize("text,grantor", CASES)
    def test_grantor(self, text, grantor):
        rows = [r for r in run(text) if r.count is not None]
        assert rows and {r.grantor for r in rows} == {grantor}

    def test_flag_of_the_government_keeps_its_name(self):
        [row] = run("Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ cho 7 tập thể.")
        assert (row.award, row.award_class, row.count) == ("Cờ thi đua của Chính phủ", "co_thi_dua", 7)


class TestActiveVerbAfterAComma:
    """"cho 15 tập thể, 28 cá nhân, công nhận danh hiệu …": after a comma, "công nhận" is the
    grantor's next verb, not a passive ("được công nhận") that gives the 28 the next title."""

    def test_count_stays_with_the_award_before(self):
        rows = run("Chủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể, 31 cá nhân, công nhận danh hiệu "
                   "“Tập thể lao động xuất sắc” cho 8 tập thể.")
        assert keys(rows) == {("bang_khen", "tập thể", 12), ("bang_khen", "cá nhân", 31),
                              ("tt_ld_xuat_sac", "tập thể", 8)}

    def test_passive_after_a_list_still_links(self):
        rows = run("Năm qua, 6 tập thể, 15 cá nhân được công nhận danh hiệu Chiến sĩ thi đua cơ sở.")
        assert keys(rows) == {("chien_si_thi_dua", "tập thể", 6), ("chien_si_thi_dua", "cá nhân", 15)}


class TestPronounOrUnitWordAsSubject:
    """"Năm ngoái, bà được …", "Thị trấn được …": a pronoun or a unit word that is the whole
    subject of a passive grant is ONE recipient; a plural or a list item is not."""

    CASES = [
        ("Năm ngoái, bà được Chủ tịch UBND huyện tặng Giấy khen vì đã cứu người đuối nước.",
         {("giay_khen", "cá nhân", 1)}),
        ("Thầy được Giám đốc Sở Giáo dục và Đào tạo tặng Giấy khen năm học 2023-2024.",
         {("giay_khen", "cá nhân", 1)}),
        ("Sau nhiều năm cống hiến, anh đã được UBND tỉnh công nhận danh hiệu “Người tốt, việc tốt”.",
         {("nguoi_tot_viec_tot", "cá nhân", 1)}),
        ("Với kết quả nổi bật, thị trấn vinh dự được Thủ tướng Chính phủ tặng Bằng khen.",
         {("bang_khen", "tập thể", 1)}),
        ("Nhà trường đã được Chủ tịch UBND tỉnh tặng Cờ thi đua năm học 2022-2023.",
         {("co_thi_dua", "tập thể", 1)}),
        ("Đoàn đến thăm thôn Đông, nơi Chi hội Phụ nữ thôn vừa được tặng Giấy khen của UBND xã.",
         {("giay_khen", "tập thể", 1)}),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_subject(self, text, expected):
        assert keys(run(text)) == expected

    NEGATIVES = [
        "Dịp Tết, xã được tặng 50 suất quà cho hộ nghèo.",  # no award
        "Các xã, phường được tặng Bằng khen vì có thành tích.",  # a list, not one unit
        "Nhiều cá nhân, tập thể được tặng Giấy khen trong năm.",
        "Ông bà được tặng Giấy khen.",  # two persons
        "Bà con được tặng Giấy khen.",  # not a pronoun
        "Các em được tặng Giấy khen cuối năm học.",  # plural
        "Các thành viên của huyện được tặng Bằng khen.",  # "huyện" is not the subject
    ]

    @pytest.mark.parametrize("text", NEGATIVES)
    def test_not_one_recipient(self, text):
        assert not any(r.count == 1 for r in run(text)), run(text)


class TestNamedUnitJoinedToACount:
    """"Đội Cảnh sát giao thông và 05 cá nhân được tặng …": the named unit is one more recipient."""

    def test_unit_and_count(self):
        rows = run("Đội Cảnh sát giao thông huyện và 05 cá nhân được Giám đốc Công an tỉnh tặng Giấy khen.")
        assert keys(rows) == {("giay_khen", "tập thể", 1), ("giay_khen", "cá nhân", 5)}

    def test_two_units_and_a_count(self):
        rows = run("Năm nay, Trường Tiểu học Hòa Bình, Trường THCS Lê Lợi và 3 cá nhân được "
                   "Chủ tịch UBND huyện tặng Giấy khen.")
        assert keys(rows) == {("giay_khen", "tập thể", 2), ("giay_khen", "cá nhân", 3)}

    def test_counts_alone_unchanged(self):
        rows = run("Năm nay, 4 tập thể và 6 cá nhân được UBND huyện tặng Giấy khen.")
        assert keys(rows) == {("giay_khen", "tập thể", 4), ("giay_khen", "cá nhân", 6)}

    def test_unnamed_words_before_are_not_a_unit(self):
        rows = run("Theo quyết định mới và 6 cá nhân được UBND huyện tặng Giấy khen.")
        assert keys(rows) == {("giay_khen", "cá nhân", 6)}


class TestNamedListAfterAColon:
    """"cho các xã: A, B và thị trấn C": each item of the list is one unit."""

    def test_units(self):
        rows = run("Chủ tịch UBND tỉnh tặng Cờ thi đua cho các huyện: Tam Đảo, Lập Thạch, Sông Lô "
                   "và thành phố Phúc Yên là các đơn vị dẫn đầu.")
        assert keys(rows) == {("co_thi_dua", "tập thể", 4)}

    def test_persons(self):
        rows = run("UBND huyện tặng Giấy khen cho các đồng chí: Lò Văn Pấng, Hà Thị Mai.")
        assert keys(rows) == {("giay_khen", "cá nhân", 2)}

    def test_a_title_cased_stop_word_is_part_of_a_name(self):
        rows = run("UBND thành phố tặng Cờ thi đua cho các huyện: Ba Vì, Mỹ Đức, Ứng Hòa.")
        assert keys(rows) == {("co_thi_dua", "tập thể", 3)}

    def test_no_list(self):
        rows = run("UBND tỉnh tặng Bằng khen cho các xã: có nhiều thành tích.")
        assert keys(rows) == set()
