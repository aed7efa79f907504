"""Hand annotations of the p10d probe articles (texts/), written as gold JSON in the shared format.

Four Hà Nội district news pages written for a session-10 probe, shaped like the shared seeds (scraped
with their page chrome: portal menus, 'Ngày đăng … | View count', 'Hà Nội 360 - Ngày đăng :', '(HNM) -',
'Tin liên quan', 'Bình luận'): a district launching its 2024 movement with giao ước thi đua (quận Long
Biên, 02/2024), a district year-end review of 2022 with award lists (huyện Sóc Sơn, 01/2023), a district
education year-end review (quận Cầu Giấy, 07/2024) and a district's peak-campaign launch before the
2025 party congresses (huyện Thường Tín, 04/2025). Annotated by hand before the extractor was run on
them, following ../dev/make_gold.py and the shared gold. Run it after editing an annotation:
`python eval/p10d/make_gold.py`.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldkit import A, L, R, write  # noqa: E402,F401


GOLD = {
    "p10d_01_longbien": {
        "references": [
            R("ke_hoach", "301", "KH-UBND", "301/KH-UBND", "2023-11-28", "UBND Thành phố"),
            R("huong_dan", "01", "HD-HĐTĐKT", "01/HD-HĐTĐKT", "2024-01-08", "Hội đồng Thi đua – Khen thưởng Thành phố"),
            R("ke_hoach", "45", "KH-UBND", "45/KH-UBND", "2024-02-02", "UBND quận"),
            R("chi_thi", "34", "CT/TW", "34-CT/TW", "2014-04-07", "Bộ Chính trị"),
            R("luat", "06", "2022/QH15", "06/2022/QH15"),
            R("nghi_dinh", "98", "2023/NĐ-CP", "98/2023/NĐ-CP", "2023-12-31", "Chính phủ"),
            R("thong_tu", "01", "2024/TT-BNV", "01/2024/TT-BNV", None, "Bộ Nội vụ"),
            R("chuong_trinh", "03", "CTr/QU", "03-CTR/QU", "2021-03-15", "Quận ủy"),
            R("quyet_dinh", "4875", "QĐ-UBND", "4875/QĐ-UBND", "2023-12-29", "Chủ tịch UBND quận"),
        ],
        "campaigns": [
            "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
            "Vì người nghèo – Không để ai bị bỏ lại phía sau",
            "Doanh nghiệp Thủ đô hội nhập và phát triển",
            "Dân vận khéo",
            "Long Biên chung sức xây dựng đô thị văn minh, hiện đại",
            "90 ngày đêm ra quân chỉnh trang đô thị chào mừng 70 năm Ngày Giải phóng Thủ đô",
            "Cán bộ, công chức, viên chức, người lao động thi đua thực hiện văn hóa công sở",
            "Người Việt Nam ưu tiên dùng hàng Việt Nam",
            "Sáng kiến, sáng tạo Thủ đô",
        ],
        "dates": ["2024-02-27", "2023-11-28", "2024-01-08", "2024-02-02", "2014-04-07", "2023-12-31",
                  "2024-01-01", "2021-03-15", "2024-07-01/2024-09-28", "2024-04/2024-10", "2024-06-30",
                  "2023-12-29", "2024-01-20", "2024-02-19", "2023-12-05"],
        "awards": [
            A("Giấy khen", "Chủ tịch UBND quận", "tập thể", 8),
            A("Giấy khen", "Chủ tịch UBND quận", "cá nhân", 15),
            A("Cờ thi đua", "UBND Thành phố", "tập thể", 1),
            A("Lao động tiên tiến", "Chủ tịch UBND quận", "cá nhân", 1347),
            A("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND quận", "cá nhân", 96),
            A("Phường văn minh đô thị", None, "tập thể", 1),
        ],
        "locations": [L("Long Biên", "district"), L("Long Biên", "ward"), L("Hà Nội", "province"),
                      L("Ngọc Thụy", "ward"), L("Thượng Thanh", "ward"), L("Giang Biên", "ward"),
                      L("Đức Giang", "ward"), L("Việt Hưng", "ward"), L("Phúc Đồng", "ward"),
                      L("Phúc Lợi", "ward"), L("Sài Đồng", "ward"), L("Bồ Đề", "ward"), L("Ngọc Lâm", "ward"),
                      L("Gia Thụy", "ward"), L("Thạch Bàn", "ward"), L("Cự Khối", "ward")],
        "notes": ("'Sáng 27/2' takes 2024 from the header. 'Kế hoạch số 301/KH-UBND ngày 28-11' (the city's plan for "
                  "2024, cited in February 2024) is 28/11/2023. 'từ ngày 01/7 đến ngày 28/9/2024' is one range; its start "
                  "takes the year of its end. 'từ tháng 4 đến tháng 10/2024' and '(2004 – 2024)' have no full date. The "
                  "dates in 'Tin liên quan' (20/01/2024, 19/02/2024, 05/12/2023) are explicit calendar dates on the page "
                  "and are annotated (like the header date). 14/14 and 19/19 are ratios; 10.318,527 tỷ đồng is money; "
                  "104,6% a rate; '126 mô hình', '9 mô hình' are not awards. Not campaigns: the 2023 theme “Kỷ cương, "
                  "trách nhiệm, hành động, sáng tạo, phát triển”, the 2024 theme “Kỷ cương trách nhiệm; chủ động kịp thời; "
                  "tăng tốc sáng tạo; hiệu quả bền vững”, the motto “Nói đi đôi với làm…”, the model “Tuyến phố văn minh "
                  "đô thị” and the title “Phường văn minh đô thị”. Unquoted but named: 'phong trào thi đua Dân vận khéo', "
                  "'cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam'; “90 ngày đêm …” is a named đợt thi đua. "
                  "'Luật Thi đua, khen thưởng số 06/2022/QH15' is a numbered law; 'Luật Thi đua, khen thưởng năm 2022' "
                  "is the same law without number. Kế hoạch 45 is issued by 'UBND quận' (Long Biên). Awards: phường Phúc "
                  "Lợi's flag is 1 tập thể; the grantor of the LĐTT/CSTĐCS tallies is 'Chủ tịch UBND quận' (QĐ 4875); "
                  "judgement call: the chrome headline 'Phường Ngọc Thụy đón nhận danh hiệu “Phường văn minh đô thị”' is a "
                  "title given to one named unit (count 1). Locations: phường Long Biên (ward, in cụm số 4) and quận Long "
                  "Biên (district) are two units; the wards listed after 'cụm số 2 gồm' have no prefix but are wards. "
                  "Sài Đồng was a ward until the 2025 merger."),
    },
    "p10d_02_socson": {
        "references": [
            R("chuong_trinh", "04", "CTr/TU", "04-CTR/TU", "2021-03-17", "Thành ủy Hà Nội"),
            R("quyet_dinh", "215", "QĐ-UBND", "215/QĐ-UBND", "2023-01-06", "UBND huyện"),
            R("ke_hoach", "310", "KH-UBND", "310/KH-UBND", "2022-11-26", "UBND Thành phố"),
            R("ke_hoach", "09", "KH-UBND", "09/KH-UBND", "2023-01-10", "UBND huyện"),
            R("chi_thi", "34", "CT/TW", "34-CT/TW", None, "Bộ Chính trị"),
            R("luat", "06", "2022/QH15", "06/2022/QH15", "2022-06-15", "Quốc hội"),
        ],
        "campaigns": [
            "Sóc Sơn chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu",
            "nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững",
            "Toàn dân đoàn kết xây dựng đời sống văn hóa",
            "Toàn dân bảo vệ an ninh Tổ quốc",
        ],
        "dates": ["2023-01-13", "2023-01-12", "2021-03-17", "2023-01-06", "2022-11-26", "2023-01-10",
                  "2022-06-15", "2024-01-01", "2023-05-01/2023-08-31", "2023-12-15",
                  "2023-01-09", "2022-12-28", "2023-01-05"],
        "awards": [
            A("Huân chương Lao động hạng Ba", "Chủ tịch nước", "tập thể", 1),
            A("Huân chương Lao động hạng Ba", "Chủ tịch nước", "cá nhân", 1),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 2),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 3),
            A("Cờ thi đua", "UBND Thành phố", "tập thể", 4),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "tập thể", 15),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "cá nhân", 28),
            A("Tập thể lao động xuất sắc", "Chủ tịch UBND Thành phố", "tập thể", 9),
            A("Chiến sĩ thi đua Thành phố", "Chủ tịch UBND Thành phố", "cá nhân", 3),
            A("Tập thể lao động tiên tiến", "Chủ tịch UBND huyện", "tập thể", 164),
            A("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND huyện", "cá nhân", 241),
            A("Lao động tiên tiến", "Chủ tịch UBND huyện", "cá nhân", 1935),
            A("Giấy khen", "Chủ tịch UBND huyện", "tập thể", 112),
            A("Giấy khen", "Chủ tịch UBND huyện", "cá nhân", 305),
            A("Cờ thi đua", "UBND Thành phố", "tập thể", 1),
        ],
        "locations": [L("Sóc Sơn", "district"), L("Sóc Sơn", "town"), L("Hà Nội", "province"),
                      L("Minh Phú", "commune"), L("Tân Hưng", "commune"), L("Phù Linh", "commune"),
                      L("Đông Xuân", "commune"), L("Thanh Xuân", "commune"), L("Mai Đình", "commune"),
                      L("Tân Minh", "commune"), L("Hồng Kỳ", "commune"), L("Minh Trí", "commune"),
                      L("Phù Lỗ", "commune"), L("Tiên Dược", "commune"), L("Bắc Sơn", "commune")],
        "notes": ("'Chiều 12/1' takes 2023 from the header 'Cập nhật: 13/01/2023'. 'Kế hoạch số 310/KH-UBND ngày 26-11' "
                  "(the city's plan for 2023, cited in January 2023) is 26/11/2022. '6.1.2023' uses dots without leading "
                  "zeros. 'từ ngày 01/5 đến 31/8/2023' is one range. The three chrome dates under 'Các tin khác' are "
                  "annotated. Not dates: 26/26, 22/23 and 11/12 (ratios; 11/12 is not 11 December). 3.415,276 tỷ đồng is "
                  "money; 128,3% and 92,4% are rates; '152 sáng kiến', '5.400 hộ gia đình đăng ký' (a registration), "
                  "'3.200 suất quà', '320 suất quà' are not award rows. Not campaigns: the 2022 theme “Kỷ cương, trách "
                  "nhiệm, hành động, sáng tạo, phát triển”, the phương châm “Dân biết, dân bàn…”, the titles “Tập thể lao "
                  "động xuất sắc” / “Chiến sĩ thi đua Thành phố”, and the unnamed 'đợt thi đua cao điểm về đích nông thôn "
                  "mới kiểu mẫu' (a description, no name). 'phong trào nông dân thi đua sản xuất, kinh doanh giỏi, đoàn "
                  "kết giúp nhau làm giàu và giảm nghèo bền vững' is unquoted but the movement's official name. "
                  "'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung)' has no number: not a reference; the 2022 law "
                  "is cited with its number and its passing date 15/6/2022. 'Chỉ thị số 34-CT/TW của Bộ Chính trị' has no "
                  "date. Awards: xã Phù Linh's Huân chương is 1 tập thể and ông Nguyễn Văn Thường's (same grantor, 'cũng') "
                  "1 cá nhân; the flags to four named units are one row of 4; the proposed flag for xã Minh Trí is a row "
                  "(proposed), as in eval/dev. The grantor 'Chủ tịch UBND huyện' carries over to the Giấy khen clause. "
                  "Locations: xã Thanh Xuân is a commune of Sóc Sơn (not quận Thanh Xuân); thị trấn Sóc Sơn (town) and "
                  "huyện Sóc Sơn (district) are two units; the communes listed after 'là' and after 'gồm các xã' count."),
    },
    "p10d_03_caugiay": {
        "references": [
            R("nghi_quyet", "29", "NQ/TW", "29-NQ/TW", "2013-11-04", "Ban Chấp hành Trung ương Đảng"),
            R("ke_hoach", "2710", "KH-SGDĐT", "2710/KH-SGDĐT", "2023-09-14", "Sở Giáo dục và Đào tạo Hà Nội"),
            R("thong_tu", "22", "2021/TT-BGDĐT", "22/2021/TT-BGDĐT", "2021-07-20", "Bộ Giáo dục và Đào tạo"),
            R("quyet_dinh", "2345", "QĐ-UBND", "2345/QĐ-UBND", "2024-06-28", "UBND quận Cầu Giấy"),
            R("nghi_dinh", "98", "2023/NĐ-CP", "98/2023/NĐ-CP"),
            R("huong_dan", "4562", "HD-SGDĐT", "4562/HD-SGDĐT", "2023-12-20", "Sở"),
            R("cong_van", "1875", "UBND-GDĐT", "1875/UBND-GDĐT", None, "UBND quận"),
        ],
        "campaigns": [
            "Dạy tốt – học tốt",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo",
            "Đổi mới, sáng tạo trong quản lý, giảng dạy và học tập",
        ],
        "dates": ["2024-07-06", "2024-07-05", "2023-09-05/2024-05-31", "2013-11-04", "2023-09-14", "2021-07-20",
                  "2024-06-28", "2023-12-20", "2024-09-05", "2024-06/2024-08"],
        "awards": [
            A("Nhà giáo ưu tú", "Chủ tịch nước", "cá nhân", 1),
            A("Bằng khen", "Bộ trưởng Bộ Giáo dục và Đào tạo", "tập thể", 2),
            A("Bằng khen", "Bộ trưởng Bộ Giáo dục và Đào tạo", "cá nhân", 5),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "tập thể", 7),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "cá nhân", 19),
            A("Chiến sĩ thi đua Thành phố", "Chủ tịch UBND Thành phố", "cá nhân", 4),
            A("Tập thể lao động xuất sắc", "Chủ tịch UBND Thành phố", "tập thể", 23),
            A("Giấy khen", "Giám đốc Sở Giáo dục và Đào tạo Hà Nội", "tập thể", 12),
            A("Giấy khen", "Giám đốc Sở Giáo dục và Đào tạo Hà Nội", "cá nhân", 47),
            A("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND quận", "cá nhân", 215),
            A("Lao động tiên tiến", "Chủ tịch UBND quận", "cá nhân", 2108),
            A("Tập thể lao động tiên tiến", "Chủ tịch UBND quận", "tập thể", 41),
            A("Giấy khen", "Chủ tịch UBND quận", "tập thể", 30),
            A("Giấy khen", "Chủ tịch UBND quận", "cá nhân", 186),
        ],
        "locations": [L("Cầu Giấy", "district"), L("Hà Nội", "province"), L("Yên Hòa", "ward"),
                      L("Trung Hòa", "ward"), L("Mai Dịch", "ward"), L("Dịch Vọng Hậu", "ward"),
                      L("Ba Đình", "district"), L("Tây Hồ", "district"), L("Bắc Từ Liêm", "district")],
        "notes": ("'Sáng 5/7' takes 2024 from the header. 'Năm học 2023-2024 (từ ngày 05/9/2023 đến ngày 31/5/2024)' "
                  "gives one range; 'năm học 2023-2024' / '2024-2025' alone are school years with no full date. "
                  "'05-9-2024' uses hyphens; '4/11/2013' has no leading zero. 'Ngày Nhà giáo Việt Nam 20/11' is a "
                  "recurring day without a year: no date. 'từ tháng 6 đến tháng 8/2024' is months only. Not dates: "
                  "8/8 phường (not 8 August), 37/37 trường. Not awards: '126 giải học sinh giỏi', '9 giải … Olympic' "
                  "(contest prizes, not khen thưởng), '214 sáng kiến', '400 cán bộ', 78,6%, 3,5 tỷ đồng. The headline's "
                  "'215 Chiến sĩ thi đua cơ sở' is the same tally as QĐ 2345's. '23 trường' are tập thể. Not campaigns: "
                  "the school-year theme “Đổi mới – Chất lượng – Hiệu quả – Hội nhập”, the phương châm “Kỷ cương – Tình "
                  "thương – Trách nhiệm”, the title of Nghị quyết 29-NQ/TW, the model “Tuyến phố văn minh” (chrome), "
                  "award titles. 'Nghị định 98/2023/NĐ-CP' is cited without 'số' and date; 'Công văn số 1875/UBND-GDĐT' "
                  "without date. Hướng dẫn 4562's issuer is written 'Sở' (Sở Giáo dục và Đào tạo). Locations: 'Trường "
                  "THCS Nghĩa Tân' and 'Trường Tiểu học Dịch Vọng B' are school names; phường Nghĩa Tân / Dịch Vọng are "
                  "not named as units anywhere, so they are not locations (as 'khu công nghiệp Yên Phong' in p10c). "
                  "Yên Hòa and Trung Hòa are named with 'phường'. Dịch Vọng Hậu is named in the related-news chrome. "
                  "The 'Cụm thi đua số 2' districts (Ba Đình, Tây Hồ, Bắc Từ Liêm) are named units."),
    },
    "p10d_04_thuongtin": {
        "references": [
            R("ke_hoach", "35", "KH-UBND", "35/KH-UBND", "2025-02-12", "UBND huyện"),
            R("chi_thi", "41", "CT/TW", "41-CT/TW", "2024-11-25", "Ban Bí thư"),
            R("ke_hoach", "18", "KH-UBND", "18/KH-UBND", "2025-01-16", "UBND Thành phố"),
            R("quyet_dinh", "1620", "QĐ-TTg", "1620/QĐ-TTG", "2011-09-20", "Thủ tướng Chính phủ"),
            R("quyet_dinh", "320", "QĐ-TTg", "320/QĐ-TTG", "2022-03-08", "Thủ tướng Chính phủ"),
            R("nghi_quyet", "57", "NQ/TW", "57-NQ/TW", "2024-12-22", "Bộ Chính trị"),
            R("nghi_quyet", "18", "NQ/TW", "18-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng"),
        ],
        "campaigns": [
            "Thường Tín – 150 ngày đêm về đích huyện nông thôn mới nâng cao",
            "Cả nước chung sức xây dựng nông thôn mới",
            "Thường Tín chung tay xây dựng huyện nông thôn mới nâng cao",
            "Bình dân học vụ số",
            "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
            "Xây dựng gia đình 5 không, 3 sạch",
            "nông dân thi đua sản xuất, kinh doanh giỏi",
        ],
        "dates": ["2025-04-11", "1975-04-30/2025-04-30", "2025-02-12", "2025-04-15/2025-08-31", "2024-11-25",
                  "2025-01-16", "2011-09-20", "2022-03-08", "2024-12-22", "2017-10-25", "2025-04-17",
                  "2025-04-18", "2025-06-30"],
        "awards": [
            A("Giấy khen", "Lãnh đạo huyện", "tập thể", None),
            A("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "tập thể", 1),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "tập thể", 3),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "cá nhân", 6),
            A("Cờ thi đua", "UBND Thành phố", "tập thể", 2),
            A("Giấy khen", "Chủ tịch UBND huyện", "tập thể", 52),
            A("Giấy khen", "Chủ tịch UBND huyện", "cá nhân", 87),
            A("Tập thể lao động xuất sắc", "Chủ tịch UBND Thành phố", "tập thể", 5),
        ],
        "locations": [L("Thường Tín", "district"), L("Thường Tín", "town"), L("Hà Nội", "province"),
                      L("Ninh Sở", "commune"), L("Nhị Khê", "commune"), L("Văn Bình", "commune"),
                      L("Hà Hồi", "commune"), L("Tự Nhiên", "commune"), L("Duyên Thái", "commune"),
                      L("Văn Phú", "commune"), L("Văn Tự", "commune"), L("Tô Hiệu", "commune"),
                      L("Chương Dương", "commune")],
        "notes": ("'Chiều 11-4' takes 2025 from the header '18:05, 11/04/2025'. '(30/4/1975 – 30/4/2025)' is a range "
                  "(both ends); 'Quốc khánh 2-9 (1945 – 2025)' has a recurring day and years only: no full date. "
                  "'từ 15/4 đến 31/8/2025' (no 'ngày') is one range; 'trong hai ngày 17 và 18/4/2025' gives two dates; "
                  "'12-2-2025' uses hyphens; '20.9.2011' dots. Not dates: 26/26 xã, 8/9 tiêu chí (not 8 September), "
                  "'quý III/2025', 'tháng 6/2025', 'giai đoạn 2021 – 2024'. 8.426,315 tỷ đồng, 412 tỷ, 36.000m2, 82,6 "
                  "triệu are not awards. Not campaigns: the quoted title of Kế hoạch 35 (“Tổ chức phong trào thi đua năm "
                  "2025 và đợt thi đua cao điểm…”), the 2025 theme “Kỷ cương trách nhiệm; chủ động kịp thời; tinh gọn hiệu "
                  "quả; tăng tốc bứt phá”, the motto “Đã nói là làm…”, the title of Nghị quyết 57-NQ/TW, 'Làng nghề tiêu "
                  "biểu Thành phố' (a title). “Cả nước chung sức xây dựng nông thôn mới” is named inside the description "
                  "of QĐ 1620 and is the campaign itself (as p10b). Unquoted but named: 'phong trào Bình dân học vụ số' "
                  "(quoted again in the chrome), 'cuộc vận động Xây dựng gia đình 5 không, 3 sạch', 'phong trào nông dân "
                  "thi đua sản xuất, kinh doanh giỏi' (the short official name). “Thường Tín – 150 ngày đêm …” is a named "
                  "đợt thi đua. Awards: the 2020 Huân chương to the district (Đảng bộ, chính quyền và Nhân dân) is a past "
                  "award still named with grantor and recipient (1 tập thể, as p10a); the flags to xã Nhị Khê and xã "
                  "Ninh Sở are one row of 2; the planned proposal of “Tập thể lao động xuất sắc” for 5 tập thể is a row; "
                  "the photo caption's Giấy khen has no count. Locations: after the 1/1/2025 merger Thường Tín has 26 "
                  "xã + thị trấn Thường Tín (town) besides the district; Hạ Thái and Vạn Điểm are villages (làng nghề) "
                  "without a unit prefix, not units. The issuer of Nghị quyết 18-NQ/TW drops its 'khóa XII' (as the shared "
                  "gold writes 'Bộ Chính trị' for 'Bộ Chính trị khóa XII'; corrected after scoring, unscored field)."),
    },
}


def main():
    write(HERE, GOLD, check_locations=True, check_references=True)


if __name__ == "__main__":
    main()
