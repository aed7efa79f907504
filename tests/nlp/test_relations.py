"""Relations within a sentence: who launched which campaign, which plan carries out which
directive, and which unit an award tally belongs to."""

from __future__ import annotations

import pytest

from thidua.nlp.pipeline import extract


def relations(text: str, kind: str):
    ex = extract(text)
    for r in ex.relations:
        assert ex.text[r.start:r.end] == r.sentence
    return [r for r in ex.relations if r.kind == kind]


class TestLaunch:
    def test_district_launches_named_campaign_with_date(self):
        text = ("Ngày 15/3/2024, UBND huyện Diễn Châu (tỉnh Nghệ An) phát động phong trào thi đua "
                "“Cả nước chung sức xây dựng nông thôn mới” trên toàn địa bàn.")
        (r,) = relations(text, "launch")
        assert r.subject["unit"] == "Diễn Châu" and r.subject["level"] == "district"
        assert r.subject["province"] == "Nghệ An"
        assert r.action == "phát động" and r.date == "2024-03-15"
        assert r.object["campaign"].startswith("Cả nước chung sức")

    def test_article_unit_when_the_sentence_names_none(self):
        text = ("Quận Long Biên đẩy mạnh công tác thi đua\n"
                "Năm nay, quận tiếp tục triển khai phong trào “Dân vận khéo” tới từng tổ dân phố.")
        (r,) = relations(text, "launch")
        assert r.subject["unit"] == "Long Biên" and r.action == "triển khai"

    def test_no_verb_no_launch(self):
        text = "Phong trào “Dân vận khéo” của huyện Gia Lâm được nhiều người biết đến."
        assert relations(text, "launch") == []


class TestImplements:
    def test_plan_carries_out_directive(self):
        text = ("UBND tỉnh ban hành Kế hoạch số 125/KH-UBND ngày 15/3/2023 thực hiện Chỉ thị số 34-CT/TW "
                "ngày 07/4/2014 của Bộ Chính trị.")
        (r,) = relations(text, "implements")
        assert r.subject["id"] == "125/KH-UBND" and r.object["id"] == "34-CT/TW"

    def test_based_on_reverses_direction(self):
        text = ("Căn cứ Chỉ thị số 34-CT/TW của Bộ Chính trị, UBND huyện ban hành Kế hoạch số 12/KH-UBND "
                "về tổ chức phong trào thi đua năm 2024.")
        (r,) = relations(text, "based_on")
        assert r.subject["id"] == "12/KH-UBND" and r.object["id"] == "34-CT/TW"

    def test_two_references_without_a_cue_are_not_linked(self):
        text = "Chỉ thị số 34-CT/TW và Chỉ thị số 05-CT/TW của Bộ Chính trị có ý nghĩa quan trọng."
        assert relations(text, "implements") == [] and relations(text, "based_on") == []


class TestAwardUnit:
    @pytest.mark.parametrize("text, unit", [
        ("Dịp này, UBND huyện Nghi Lộc tặng Giấy khen cho 12 tập thể và 30 cá nhân.", "Nghi Lộc"),
        ("Nhân dân và cán bộ phường Trung Hòa được tặng Bằng khen của Chủ tịch UBND Thành phố.", "Trung Hòa"),
        # the unit in the grantor's name is the grantor's: the rows belong to the article's district
        ("Quận Long Biên tổng kết thi đua năm 2023\n"
         "Dịp này, 4 tập thể được tặng Bằng khen của Chủ tịch UBND TP Hà Nội.", "Long Biên"),
    ])
    def test_unit_of_tally(self, text, unit):
        rows = relations(text, "award_unit")
        assert rows and {r.subject["unit"] for r in rows} == {unit}


def test_linear_on_one_huge_sentence():
    import time

    piece = ("UBND huyện Gia Lâm phát động phong trào “Dân vận khéo” theo Kế hoạch số 12/KH-UBND thực hiện "
             "Chỉ thị số 34-CT/TW ngày 07/4/2014, tặng Giấy khen cho 5 tập thể; ")
    timings = []
    for n in (500, 1000):
        t = time.process_time()
        extract(piece * n)
        timings.append(time.process_time() - t)
    assert timings[1] < 3.5 * timings[0] + 0.5, timings
