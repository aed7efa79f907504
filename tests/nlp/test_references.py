"""References: state and Party numbering, lists, no-symbol refs, named laws, tails, tables."""

from __future__ import annotations

import time
from datetime import date

import pytest

from thidua.nlp.references import find_references
from thidua.nlp.text import Context
from thidua.nlp.vndate import load_table

PUB = date(2024, 12, 10)


def refs(text: str, published: date | None = PUB):
    found = find_references(Context(text, published=published))
    for r in found:
        assert text[r.start:r.end] == r.surface
    return found


def ids(text: str) -> list[str]:
    return [r.id for r in refs(text)]


class TestStateAndPartyNumbers:
    CASES = [
        ("căn cứ Quyết định số 36/2017/QĐ-UBND của UBND tỉnh", [("quyet_dinh", "36", "2017/QĐ-UBND", "36/2017/QĐ-UBND")]),
        ("thực hiện Nghị quyết 26-NQ/TƯ của Trung ương", [("nghi_quyet", "26", "NQ/TƯ", "26-NQ/TƯ")]),
        ("theo Chương trình số 01/CTr-UBND", [("chuong_trinh", "01", "CTr-UBND", "01/CTR-UBND")]),
        ("Thông tư số 01/2024/TT-BNV hướng dẫn", [("thong_tu", "01", "2024/TT-BNV", "01/2024/TT-BNV")]),
        ("Hướng dẫn 05-HD/BTGTW của Ban Tuyên giáo", [("huong_dan", "05", "HD/BTGTW", "05-HD/BTGTW")]),
        ("theo chỉ thị 22/CT-TW như một số báo viết", [("chi_thi", "22", "CT-TW", "22/CT-TW")]),
        ("thực hiện Chỉ thị 05/CT-TTg của Thủ tướng", [("chi_thi", "05", "CT-TTg", "05/CT-TTG")]),
        ("theo Hướng dẫn số 37-HD/BTGTW của Ban Tuyên giáo", [("huong_dan", "37", "HD/BTGTW", "37-HD/BTGTW")]),
        ("triển khai Kế hoạch 125/KH-UBND của UBND huyện", [("ke_hoach", "125", "KH-UBND", "125/KH-UBND")]),
        ("Thông báo kết luận số 12-TB/TU của Ban Thường vụ", [("thong_bao", "12", "TB/TU", "12-TB/TU")]),
        ("TIẾP TỤC THỰC HIỆN CHỈ THỊ SỐ 34-CT/TW VỀ THI ĐUA", [("chi_thi", "34", "CT/TW", "34-CT/TW")]),
        ("quán triệt Chỉ thị số 34 - CT/TW của Ban Bí thư", [("chi_thi", "34", "CT/TW", "34-CT/TW")]),
        ("căn cứ Quyết định số: 12/QĐ-UBND của huyện", [("quyet_dinh", "12", "QĐ-UBND", "12/QĐ-UBND")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_fields(self, text, expected):
        assert [(r.kind, r.number, r.symbol, r.id) for r in refs(text)] == expected


class TestReferenceWithoutKindWord:
    CASES = [
        ("Sở Nội vụ có văn bản hướng dẫn tại 1459/SNV-TĐKT gửi các huyện", [("cong_van", "1459/SNV-TĐKT")]),
        ("tại 98/2023/NĐ-CP quy định chi tiết", [("nghi_dinh", "98/2023/NĐ-CP")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_kind_from_symbol(self, text, expected):
        assert [(r.kind, r.id) for r in refs(text)] == expected


class TestSpacesAndDotsInsideNumbers:
    CASES = [
        ("thực hiện Kế hoạch số 167 /KH- UBND của quận", "167/KH-UBND"),
        ("Quyết định số 1.459/QĐ-UBND ngày 2/3/2023", "1459/QĐ-UBND"),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_id(self, text, expected):
        assert ids(text) == [expected]


class TestListsCarryTheKind:
    CASES = [
        ("quán triệt Chỉ thị số 34-CT/TW và 35-CT/TW của Bộ Chính trị", [("chi_thi", "34-CT/TW"), ("chi_thi", "35-CT/TW")]),
        ("các Quyết định số 12/QĐ-UBND, 13/QĐ-UBND của huyện", [("quyet_dinh", "12/QĐ-UBND"), ("quyet_dinh", "13/QĐ-UBND")]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_kinds(self, text, expected):
        assert [(r.kind, r.id) for r in refs(text)] == expected


class TestReferenceWithoutSymbol:
    def test_number_only(self):
        (r,) = refs("thí điểm chính quyền đô thị theo Nghị quyết số 97; cải cách hành chính")
        assert (r.kind, r.number, r.symbol, r.id, r.surface) == ("nghi_quyet", "97", None, "97", "Nghị quyết số 97")


class TestNamedLaw:
    def test_law_and_year(self):
        (r,) = refs("triển khai Luật Thi đua, khen thưởng năm 2022 trên địa bàn")
        assert (r.kind, r.number, r.symbol) == ("luat", "", None)
        assert "2022" in r.key and "thi dua" in r.key


class TestDateIssuerAndTitle:
    CASES = [
        ("Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Tiếp tục đổi mới công tác thi đua, khen thưởng”",
         "2014-04-07", "Bộ Chính trị", "Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị", "Tiếp tục đổi mới công tác thi đua, khen thưởng"),
        ("Kế hoạch số 88/KH-UBND ngày 26-11 về việc tổ chức hội nghị", "2024-11-26", None, "Kế hoạch số 88/KH-UBND ngày 26-11", "tổ chức hội nghị"),
        ("Quyết định số 2316/QĐ-TTg ngày 20 tháng 12 năm 2023 của Thủ tướng Chính phủ.", "2023-12-20", "Thủ tướng Chính phủ",
         "Quyết định số 2316/QĐ-TTg ngày 20 tháng 12 năm 2023 của Thủ tướng Chính phủ", None),
        ("Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương khóa XII, ", None, "Ban Chấp hành Trung ương",
         "Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương khóa XII", None),
        ("Quyết định số 2316/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ về Ngày Thi đua", "2015-11-19",
         "Thủ tướng Chính phủ", "Quyết định số 2316/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ", "Ngày Thi đua"),
        # the date in brackets; a numbered district in the issuer
        ("Chỉ thị 34-CT/TW (ngày 07/4/2014) của Bộ Chính trị khóa XI vẫn là kim chỉ nam", "2014-04-07", "Bộ Chính trị",
         "Chỉ thị 34-CT/TW (ngày 07/4/2014) của Bộ Chính trị khóa XI", None),
        ("Kế hoạch số 12/KH-UBND ngày 5/1/2024 của UBND Quận 10 nhằm phát động thi đua", "2024-01-05", "UBND Quận 10",
         "Kế hoạch số 12/KH-UBND ngày 5/1/2024 của UBND Quận 10", None),
    ]

    @pytest.mark.parametrize("text,dt,issuer,surface,title", CASES)
    def test_tail(self, text, dt, issuer, surface, title):
        (r,) = refs(text)
        assert (r.date, r.issuer, r.surface, r.title) == (dt, issuer, surface, title)

    def test_unquoted_title_stops_at_the_next_reference(self):
        a, b = refs("Thực hiện Chỉ thị số 41-CT/TW ngày 15/4/2025 của Ban Bí thư về tăng cường công tác thi đua, "
                    "khen thưởng và Kế hoạch số 112/KH-UBND ngày 03/6/2025 của UBND tỉnh, các sở đã triển khai")
        assert a.title == "tăng cường công tác thi đua, khen thưởng"
        assert b.id == "112/KH-UBND"

    def test_unquoted_title_keeps_a_plan_word_without_number(self):
        (r,) = refs("Quyết định số 15/QĐ-UBND về việc phê duyệt kế hoạch phát triển thể thao; ")
        assert r.title == "phê duyệt kế hoạch phát triển thể thao"

    def test_partial_date_without_article_date(self):
        (r,) = refs("Kế hoạch số 343/KH-UBND ngày 26-11 về việc tổ chức", published=None)
        assert r.date is None and r.surface.endswith("ngày 26-11")

    def test_partial_date_of_a_cited_document_is_never_after_the_article(self):
        # published 10 June 2025: 26 November is last year's (nearest would be 2025-11-26)
        (r,) = refs("Kế hoạch số 343/KH-UBND ngày 26-11 về việc tổ chức", published=date(2025, 6, 10))
        assert r.date == "2024-11-26"
        (r,) = refs("Kế hoạch số 12/KH-UBND ngày 02/6 về việc tổ chức", published=date(2025, 6, 10))
        assert r.date == "2025-06-02"

    def test_partial_date_takes_the_year_its_sentence_sets(self):
        (r,) = refs("Cuối năm 2021, UBND tỉnh đã ban hành Kế hoạch số 245/KH-UBND ngày 26-11 triển khai phong trào",
                    published=date(2023, 2, 8))
        assert r.date == "2021-11-26"
        # another document's date is not the time of the sentence
        r = refs("quán triệt Chỉ thị số 05-CT/TU ngày 10-9-2021; triển khai Kế hoạch số 270/KH-UBND ngày 26-11 của UBND tỉnh",
                 published=date(2024, 2, 8))[1]
        assert r.date == "2023-11-26"

    def test_issuer_names_joined_by_va(self):
        (r,) = refs("Kế hoạch số 2710/KH-SGDĐT ngày 5/9/2023 của Sở Giáo dục và Đào tạo Hà Nội về thi đua")
        assert r.issuer == "Sở Giáo dục và Đào tạo Hà Nội"
        (r,) = refs("Kế hoạch số 12/KH-UBND ngày 3/3/2024 của UBND tỉnh và Sở Nội vụ về thi đua")
        assert r.issuer == "UBND tỉnh"  # two issuers: the first is the document's
        r = refs("theo Nghị định số 152/2025/NĐ-CP của Chính phủ và Thông tư số 15/2025/TT-BNV của Bộ Nội vụ")
        assert [x.issuer for x in r] == ["Chính phủ", "Bộ Nội vụ"]

    def test_issuer_with_a_marked_capital(self):
        (r,) = refs("Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về sắp xếp")
        assert r.issuer == "Ủy ban Thường vụ Quốc hội"
        (r,) = refs("Kế hoạch số 5/KH-UBND ngày 2/1/2024 của Ủy ban nhân dân tỉnh về thi đua")
        assert r.issuer == "Ủy ban nhân dân tỉnh"

    def test_law_passed_by(self):
        (r,) = refs("Luật Thi đua, khen thưởng số 06/2022/QH15 được Quốc hội thông qua ngày 15/6/2022 có hiệu lực")
        assert (r.id, r.issuer, r.date) == ("06/2022/QH15", "Quốc hội", "2022-06-15")

    def test_issuer_and_date_before_the_document(self):
        (r,) = refs("Ngày 24-1-2023, UBND huyện Lục Ngạn đã ban hành Kế hoạch số 19/KH-UBND triển khai phong trào")
        assert (r.issuer, r.date) == ("UBND huyện Lục Ngạn", "2023-01-24")
        (r,) = refs("Ban Thường vụ Tỉnh ủy đã có Kế hoạch số 112-KH/TU để thực hiện")
        assert r.issuer == "Ban Thường vụ Tỉnh ủy"
        (r,) = refs("Năm 2023, quận Lê Chân đã ban hành Kế hoạch số 125/KH-UBND ngày 14.2.2023 về thi đua")
        assert r.issuer == "quận Lê Chân"
        (r,) = refs("Xã có Kế hoạch số 3/KH-UBND về thi đua")
        assert r.issuer is None  # a unit word without its name
        # carrying out someone else's plan is not issuing it; "của" after the number wins
        (r,) = refs("UBND huyện triển khai Kế hoạch số 245/KH-UBND đến các xã")
        assert r.issuer is None
        (r,) = refs("UBND huyện có Kế hoạch số 245/KH-UBND ngày 26-11 của UBND tỉnh")
        assert r.issuer == "UBND tỉnh"

    def test_key_separates_years_and_issuers(self):
        a = refs("Kế hoạch số 5/KH-UBND ngày 1/2/2023 của UBND huyện Ba Vì")[0]
        b = refs("Kế hoạch số 5/KH-UBND ngày 1/2/2024 của UBND huyện Ba Vì")[0]
        c = refs("Kế hoạch số 5/KH-UBND ngày 1/2/2023 của UBND huyện Sóc Sơn")[0]
        assert len({a.key, b.key, c.key}) == 3


class TestNotReferences:
    CASES = [
        "hoàn thành 21/21 chỉ tiêu, xếp thứ 5/30",
        "kế hoạch 5 năm (2021-2025) của quận",
        "Kế hoạch tổ chức phong trào thi đua năm 2024",
        "theo Nghị quyết Đại hội Đảng bộ lần thứ XVII",
        "Liên hệ 0912.345.678, thu 8.602,658 tỷ đồng",
        "phòng chống dịch Covid-19 và F0/F1",
    ]

    @pytest.mark.parametrize("text", CASES)
    def test_nothing(self, text):
        assert refs(text) == []


class TestTables:
    @pytest.mark.parametrize("row", load_table("doc_kinds.tsv"), ids=lambda r: r["phrase"])
    def test_kind_examples(self, row):
        assert [r.kind for r in refs(row["example"])] == [row["kind"]]

    @pytest.mark.parametrize("row", load_table("ref_symbol_kinds.tsv"), ids=lambda r: r["code"])
    def test_symbol_examples(self, row):
        assert [r.kind for r in refs(f"theo {row['example']} đã ban hành")] == [row["kind"]]

    @pytest.mark.parametrize("row", load_table("ref_issuer_stops.tsv"), ids=lambda r: r["word"])
    def test_issuer_stops(self, row):
        assert [r.issuer for r in refs(row["example"])] == [row["issuer"]]


class TestLinearTime:
    @pytest.mark.parametrize("chunk", ["Chỉ thị số ", "9" * 1000 + "/", "-./", "Luật Thi đua ", "CHỈ THỊ SỐ 34 - CT/"])
    def test_adversarial_10mb(self, chunk):
        text = chunk * (10_000_000 // len(chunk))
        t0 = time.process_time()
        find_references(Context(text))
        # CPU time; ≤ 2.5 s seen (dense "Luật …"); backtracking would take hours.
        assert time.process_time() - t0 < 10
