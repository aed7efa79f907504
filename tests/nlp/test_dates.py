"""Dates: full, textual, months, years, ranges, partial dates, publication date, speed."""

from __future__ import annotations

import time
from datetime import date

import pytest

from thidua.nlp.dates import find_dates, find_published
from thidua.nlp.text import Context
from thidua.nlp.vndate import load_table

PUB = date(2024, 6, 15)


def values(text: str, published: date | None = PUB) -> list[str]:
    ctx = Context(text, published=published)
    found = find_dates(ctx)
    for d in found:
        assert text[d.start:d.end] == d.surface
    return [d.value for d in found]


class TestFullDates:
    CASES = [
        ("UBND tỉnh ban hành ngày 07/4/2014 để triển khai.", ["2014-04-07"]),
        ("Hội nghị diễn ra ngày 24-1-2022 tại hội trường.", ["2022-01-24"]),
        ("Văn bản ký ngày 14.5.2011 được gửi các xã.", ["2011-05-14"]),
        ("ngày 07 tháng 4 năm 2014, Ban Bí thư ký ban hành", ["2014-04-07"]),
        ("Sáng 3/11/2023, tỉnh tổ chức lễ phát động.", ["2023-11-03"]),
        ("ngày 5 tháng 3 năm 2024 tại hội trường", ["2024-03-05"]),
        ("Hội nghị họp 5-3-2024 và 5.3.2024 và 05/3/2024.", ["2024-03-05"] * 3),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_value(self, text, expected):
        assert values(text) == expected


class TestMonthsAndYears:
    CASES = [
        ("Phong trào kéo dài tới tháng 10/2024.", ["2024-10"]),
        ("Tổng kết vào tháng 12 năm 2023.", ["2023-12"]),
        ("Năm 2022, huyện đạt nhiều kết quả.", ["2022"]),
        ("đến hết năm 2025 hoàn thành", ["2025"]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_value(self, text, expected):
        assert values(text) == expected


class TestRanges:
    CASES = [
        ("thời gian thực hiện từ tháng 4 đến tháng 10/2024", ["2024-04/2024-10"]),
        ("Kỷ niệm 70 năm (10/10/1954 – 10/10/2024)", ["1954-10-10/2024-10-10"]),
        ("Đợt thi đua từ ngày 15/3 đến ngày 20/4/2024.", ["2024-03-15/2024-04-20"]),
        ("từ ngày 20/12 đến ngày 10/1/2024", ["2023-12-20/2024-01-10"]),
        ("trong năm học 2017-2018 nhà trường", ["2017/2018"]),
        ("kỷ niệm 60 năm thành lập huyện (1961-2022)", ["1961/2022"]),
        ("nhiệm kỳ 2020 - 2025 của Đảng bộ", ["2020/2025"]),
        ("giai đoạn 2021—2025 của tỉnh", ["2021/2025"]),
        ("đợt thi đua từ 01/3/2024 — 31/3/2024 ở các xã", ["2024-03-01/2024-03-31"]),
        ("từ ngày 10 - 15/3/2024 tại các xã", ["2024-03-10/2024-03-15"]),
        ("Từ 20-22/8/2025, đoàn công tác làm việc tại các xã", ["2025-08-20/2025-08-22"]),
        ("Hội thao diễn ra trong hai ngày 5 và 6/9/2025 tại huyện", ["2025-09-05", "2025-09-06"]),
        ("trong các ngày 5, 6 và 7/9/2025", ["2025-09-05", "2025-09-06", "2025-09-07"]),
        # neither side has a year: both take the article's (PUB, June 2024)
        ("Đợt kiểm tra từ ngày 1/4 đến 30/6 tại các xã", ["2024-04-01/2024-06-30"]),
        ("Từ ngày 26-5 đến ngày 28-5, đoàn làm việc", ["2024-05-26/2024-05-28"]),
        ("từ ngày 15/12 đến 15/1 tổ chức cao điểm", ["2023-12-15/2024-01-15"]),
        ("Hội thi diễn ra trong hai ngày 12 và 13/5 tại nhà văn hóa", ["2024-05-12", "2024-05-13"]),
        ("Trong đợt mưa lũ từ ngày 16 đến 20/11 vừa qua, xã đã", ["2023-11-16/2023-11-20"]),
        ("Hội trại tổ chức ngày 10 - 12/5 tại sân vận động", ["2024-05-10/2024-05-12"]),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_value(self, text, expected):
        assert values(text) == expected


class TestPartialDatesNeedArticleDate:
    CASES = [
        ("chiều ngày 09/3, quận tổ chức hội nghị", PUB, ["2024-03-09"]),
        ("Kế hoạch ban hành ngày 26-11 năm ngoái", date(2025, 1, 5), ["2024-11-26"]),
        ("chiều ngày 09/3, quận tổ chức hội nghị", None, []),
        ("Ngày 12/5, đoàn công tác đến thăm xã", PUB, ["2024-05-12"]),
        # News ledes give day/month after a time of day, without "ngày".
        ("Chiều 17/1, UBND huyện Diễn Châu tổ chức hội nghị tổng kết", date(2024, 1, 18), ["2024-01-17"]),
        ("Sáng 12-3, Hội Nông dân xã phát động thi đua", PUB, ["2024-03-12"]),
        ("Tối 5/9, Liên đoàn Lao động tỉnh tuyên dương 50 công nhân", PUB, ["2024-09-05"]),
        ("Trưa 20.8, đoàn công tác đã đến thăm gia đình chính sách", PUB, ["2024-08-20"]),
        ("Ông cho biết, sáng 3/2 vừa qua, xã đã tổ chức lễ ra quân", PUB, ["2024-02-03"]),
        ("Chiều 17/1, UBND huyện tổ chức hội nghị", None, []),
        # the time the sentence sets gives the year ("year from context"), with or without an article date
        ("Cuối năm 2021, tỉnh ban hành kế hoạch ngày 26-11 để triển khai", date(2023, 2, 8), ["2021", "2021-11-26"]),
        ("Trong năm 2023, ngày 12 và 13/5 hội thi diễn ra", None, ["2023", "2023-05-12", "2023-05-13"]),
        ("Tháng 11/2021, sáng 26/11 tỉnh phát động", PUB, ["2021-11", "2021-11-26"]),
        # "vừa qua" (just past): the latest such day before the article, not the nearest (Nov 2024)
        ("Ngày 12/11 vừa qua, huyện tổ chức lễ phát động", PUB, ["2023-11-12"]),
        ("Ngày 12/11, huyện sẽ tổ chức lễ phát động", PUB, ["2024-11-12"]),
        # ... but not a year that is what the sentence is about: this review is held the next January
        ("Hội nghị tổng kết phong trào năm 2022 tổ chức chiều 20/1", date(2023, 2, 1), ["2022", "2023-01-20"]),
        ("Sáng 3/11/2023, tỉnh tổ chức lễ phát động.", None, ["2023-11-03"]),
        # A line-initial "Ngày 20-8" is the event's date, not a holiday's name.
        ("Thứ Năm, 21/08/2025 - 14:30\n\nNgày 20-8, Đảng ủy, UBND phường tổ chức lễ phát động",
         date(2025, 8, 21), ["2025-08-21", "2025-08-20"]),
    ]

    @pytest.mark.parametrize("text,published,expected", CASES)
    def test_value(self, text, published, expected):
        assert values(text, published) == expected


class TestNotDates:
    CASES = [
        "Quận đã hoàn thành 21/21 chỉ tiêu Thành phố giao",
        "xếp thứ 5/30 quận, huyện",
        "trong 9 tháng đầu năm, thu ngân sách đạt 79%",
        "sau 16 năm mở rộng địa giới",
        "tổng thu 8.602,658 tỷ đồng, tăng 1,4%",
        "Liên hệ 0912.345.678 hoặc 024-3825-1234",
        "tuyên truyền Ngày Quốc khánh 02/9, Ngày Giải phóng miền Nam 30/4",
        "thi đua chào mừng ngày 19/5 hằng năm",
        "ngày 31/2/2023 và tháng 13/2023 và năm 2500",
        "đội nhà thắng với tỷ số 2-1 và giữ ngôi đầu",
        "sáng nay xã có 12/15 thôn đạt chuẩn",
        "mỗi xã chọn từ 3-5 tập thể, từ 20 - 22 cá nhân",
        "điểm trung bình tăng từ 8/10 - 9/10 điểm",  # scores: a year-less range needs "ngày"
    ]

    @pytest.mark.parametrize("text", CASES)
    def test_nothing(self, text):
        assert values(text) == []


class TestPublishedFromHeader:
    CASES = [
        ("Tin tức\nNgày đăng 09/03/2023 | 20:54 | Lượt xem: 12\nNội dung", date(2023, 3, 9)),
        ("(15:00:00 29/01/2024) Sáng ngày 29/1/2024, UBND huyện họp", date(2024, 1, 29)),
        ("Hà Nội - Ngày đăng : 15:20, 23/10/2022\n\nBài viết", date(2022, 10, 23)),
        ("Cập nhật: Thứ Hai, 12/02/2024 08:00\nNội dung", date(2024, 2, 12)),
        ("Thứ năm, 14/3/2024 - 10:25\nTỉnh phát động thi đua", date(2024, 3, 14)),
        ("Phường phát động thi đua\n\nThứ Năm, 21/08/2025 - 14:30\n\nNgày 20-8, Đảng ủy", date(2025, 8, 21)),
        ("Tin tức - Sự kiện\n05/03/2024\nHuyện tổng kết phong trào", date(2024, 3, 5)),
        ("Kỷ niệm 70 năm (10/10/1954 – 10/10/2024) của Thủ đô.", None),
        ("Ngày 5/5/2024, UBND tỉnh họp lúc 14:00 ngày 6/5/2024.", None),
        # an official document's dateline, under its number
        ("UBND HUYỆN THẠCH THẤT\nSố: 45/KH-UBND\nThạch Thất, ngày 15 tháng 3 năm 2024\nKẾ HOẠCH", date(2024, 3, 15)),
        ("Số: 12/KH-UBND\nTP. Hồ Chí Minh, ngày 05/01/2025\n\nKẾ HOẠCH", date(2025, 1, 5)),
        ("Hà Nội, ngày 31 tháng 2 năm 2024\nKẾ HOẠCH", None),
        ("Thạch Thất, ngày 15 tháng 3 năm 2024, huyện tổ chức hội nghị", None),  # a sentence, not a dateline
        # the portal's banner shows today's date; the article's own date follows a publishing cue
        ("Trang chủ | Tin tức\nThứ Hai, 15/04/2024\nHuyện khen thưởng\nĐăng lúc: 14/04/2024 08:30\nNội dung",
         date(2024, 4, 14)),
    ]

    @pytest.mark.parametrize("text,expected", CASES)
    def test_value(self, text, expected):
        assert find_published(Context(text)) == expected


class TestCueTable:
    ROWS = load_table("date_cues.tsv")

    @pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['role']}:{r['cue']}")
    def test_example(self, row):
        assert row["cue"].lower() in row["example"].lower()
        if row["role"] == "published":
            assert find_published(Context(row["example"])).isoformat() == row["expected"]
        elif row["role"] == "year_range":
            assert values(row["example"]) == [row["expected"]]
        else:
            assert values(row["example"]) == []


class TestLinearTime:
    @pytest.mark.parametrize("chunk", ["12/12/", "2024-", "9" * 1000 + "/", "từ tháng 4 đến ", "Chiều 17/1, ", "Ngày Giải phóng "])
    def test_adversarial_10mb(self, chunk):
        text = chunk * (10_000_000 // len(chunk))
        t0 = time.process_time()
        find_dates(Context(text, published=PUB))
        # CPU time; ≤ 5 s seen (the densest, 833k dates found); backtracking would take hours.
        assert time.process_time() - t0 < 10
