"""Hand annotations of the p10e probe articles (texts/), written as gold JSON in the shared format.

Four articles written for this probe (session 10) in the style of the sample pages, with page chrome:
a Hà Nội city-level year-end review and 2025 launch (Ban Thi đua – Khen thưởng Thành phố, 01/2025),
a Hà Nội ward after the July 2025 reform (phường Tây Hồ, 08/2025), a Hải Phòng district before 2025
(quận Lê Chân, 01/2024) and a provincial newspaper's interview/feature (Báo Phú Thọ, 06/2024).
Annotated before the extractor was run. Run: `python eval/p10e/make_gold.py`.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldkit import A, L, R, write  # noqa: E402,F401


GOLD = {
    "p10e_01_hanoi_city": {
        "references": [
            R("ke_hoach", "27", "KH-UBND", "27/KH-UBND", "2024-01-24", "UBND Thành phố"),
            R("chi_thi", "34", "CT/TW", "34-CT/TW", "2014-04-07", "Bộ Chính trị"),
            R("chi_thi", "05", "CT/TU", "05-CT/TU", "2021-03-17", "Ban Thường vụ Thành ủy"),
            R("nghi_quyet", "15", "NQ/TW", "15-NQ/TW", None, "Bộ Chính trị"),
            R("luat", "39", "2024/QH15", "39/2024/QH15", "2024-06-28", "Quốc hội"),
            R("ke_hoach", "321", "KH-UBND", "321/KH-UBND", "2024-11-26", "UBND Thành phố"),
            R("ke_hoach", "05", "KH-UBND", "05/KH-UBND", "2025-01-06", None),
            R("quyet_dinh", "23", "2024/QĐ-UBND", "23/2024/QĐ-UBND", None, "UBND Thành phố"),
        ],
        "campaigns": [
            "Xây dựng người Hà Nội thanh lịch, văn minh",
            "Doanh nghiệp Thủ đô hội nhập và phát triển",
            "Cán bộ, công chức, viên chức Thủ đô thi đua thực hiện văn hóa công sở",
            "Người Việt Nam ưu tiên dùng hàng Việt Nam",
            "Người tốt, việc tốt",
            "Thi đua hoàn thành sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu năng, hiệu lực, hiệu quả",
            "Hà Nội chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
            "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số",
        ],
        "dates": ["2025-01-09", "2024-01-24", "2014-04-07", "2021-03-17", "2024-06-28", "1954-10-10/2024-10-10",
                  "2024-11-26", "2025-01-06", "2025-01-15/2025-06-30", "2024-07-12", "2024-12-02", "2024-10-18"],
        "awards": [
            A("Huân chương Độc lập hạng Nhì", "Chủ tịch nước", "tập thể", 1),
            A("Huân chương Lao động các hạng", "Chủ tịch nước", "tập thể", 38),
            A("Huân chương Lao động các hạng", "Chủ tịch nước", "cá nhân", 27),
            A("Cờ thi đua của Chính phủ", "Thủ tướng Chính phủ", "tập thể", 11),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 64),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 92),
            A("Chiến sĩ thi đua toàn quốc", None, "cá nhân", 4),
            A("Cờ thi đua", "Chủ tịch UBND Thành phố", "tập thể", 156),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "tập thể", 1078),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "cá nhân", 2316),
            A("Chiến sĩ thi đua Thành phố", "Chủ tịch UBND Thành phố", "cá nhân", 107),
            A("Tập thể lao động xuất sắc", "Chủ tịch UBND Thành phố", "tập thể", 421),
            A("Cờ thi đua của Chính phủ", "Thủ tướng Chính phủ", "tập thể", 6),
            A("Cờ “Đơn vị xuất sắc trong phong trào thi đua năm 2024”", "Chủ tịch UBND Thành phố", "tập thể", 30),
            A("Bằng khen", "Chủ tịch UBND Thành phố", None, None),
        ],
        "locations": [L("Hà Nội", "province"), L("Ba Vì", "district"), L("Mỹ Đức", "district"),
                      L("Ứng Hòa", "district"), L("Ba Đình", "district"), L("Hoàn Kiếm", "district"),
                      L("Cầu Giấy", "district"), L("Long Biên", "district"), L("Sơn Tây", "district"),
                      L("Đông Anh", "district"), L("Hà Đông", "district"), L("Sóc Sơn", "district"),
                      L("Thạch Thất", "district"), L("Phú Xuyên", "district"), L("Hoàng Mai", "district")],
        "notes": "Before the reform (01/2025): quận, huyện, thị xã are districts. 'Sáng 9-1' repeats the header date; "
                 "'ngày 26-11' (Kế hoạch 321, cited in January 2025 for the 2025 movements) is 26/11/2024, the latest "
                 "26 Nov before the article; 'ngày 6-1' is 2025-01-06. '24-1-2024' uses hyphens. '(10/10/1954 – "
                 "10/10/2024)' and 'từ ngày 15/01/2025 đến 30/6/2025' are ranges (both ends). The dates of the "
                 "related-news links at the foot are explicit calendar dates and are kept. Not dates: 30/30 and 3/63 "
                 "(ratios), 'năm 2030', 'năm 2045' (years only), '15 ngày làm việc' (duration). Not awards: 'Lượt xem: "
                 "1.247', '510.000 tỷ đồng', 14,5%, 42%, '7 khối, 12 cụm', '30 quận, huyện, thị xã'. The Cờ thi đua "
                 "của Chính phủ handed at the meeting to four named quận and two huyện is one row of 6, besides the "
                 "year's tally of 11; 'trong đó có thị xã Sơn Tây…' names members of the 30, no new row. 'Huân chương "
                 "Lao động các hạng' keeps the class Huân chương. 'Chiến sĩ thi đua toàn quốc … được trao cho 4 cá "
                 "nhân' names no grantor (as in eval/dev dev04). Luật Thủ đô has its number (39/2024/QH15) and its "
                 "date of passage. Kế hoạch 05/KH-UBND ('cùng Kế hoạch số 05/KH-UBND ngày 6-1') names no issuer. "
                 "Campaigns: the unquoted 'cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam' is named; the "
                 "quoted đợt thi đua 'Thi đua hoàn thành sắp xếp…' is a named đợt. Not campaigns: the 2025 theme "
                 "“Kỷ cương trách nhiệm; chủ động kịp thời; tăng tốc sáng tạo; hiệu quả bền vững”, the slogan "
                 "“Thi đua là yêu nước…”, the title of Nghị quyết 15-NQ/TW (“Phương hướng, nhiệm vụ…”), the flag "
                 "title “Đơn vị xuất sắc…”, the award title “Chiến sĩ thi đua toàn quốc”. The address '18B Lê Thánh "
                 "Tông, Hoàn Kiếm, Hà Nội' repeats units already named.",
    },
    "p10e_02_tayho_ward": {
        "references": [
            R("nghi_quyet", "1656", "NQ-UBTVQH15", "1656/NQ-UBTVQH15", "2025-06-16", "Ủy ban Thường vụ Quốc hội"),
            R("luat", "72", "2025/QH15", "72/2025/QH15"),
            R("ke_hoach", "198", "KH-UBND", "198/KH-UBND", "2025-07-14", "UBND Thành phố"),
            R("huong_dan", "07", "HD-TĐKT", "07/HD-TĐKT", "2025-07-21", "Ban Thi đua – Khen thưởng Thành phố"),
            R("ke_hoach", "12", "KH-UBND", "12/KH-UBND", "2025-08-05", "UBND phường"),
            R("nghi_quyet", "01", "NQ/ĐU", "01-NQ/ĐU", "2025-07-30", "Ban Chấp hành Đảng bộ phường"),
        ],
        "campaigns": [
            "Phường Tây Hồ đoàn kết, đổi mới, xây dựng đô thị văn minh, hiện đại",
            "100 ngày vận hành chính quyền địa phương hai cấp thông suốt, hiệu quả",
            "Bình dân học vụ số",
        ],
        "dates": ["2025-08-13", "2025-08-12", "1945-08-19/2025-08-19", "1945-09-02/2025-09-02", "2025-07-01",
                  "2025-06-16", "2025-07-24", "2025-07-25", "2025-07-14", "2025-07-21", "2025-08-05",
                  "2025-08-15/2025-11-30", "2025-07-30", "2025-07-26"],
        "awards": [
            A("Giấy khen", "Chủ tịch UBND phường", "tập thể", 14),
            A("Giấy khen", "Chủ tịch UBND phường", "cá nhân", 29),
            A("Giấy khen", "Chủ tịch UBND phường", "cá nhân", 2),
            A("Giấy khen", "Ủy ban MTTQ Việt Nam phường", "tập thể", 11),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "tập thể", 3),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "cá nhân", 5),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "tập thể", 1),
        ],
        "locations": [L("Tây Hồ", "ward"), L("Hà Nội", "province"), L("Quảng An", "ward"), L("Nhật Tân", "ward"),
                      L("Tứ Liên", "ward"), L("Yên Phụ", "ward"), L("Bưởi", "ward"), L("Xuân La", "ward"),
                      L("Phú Thượng", "ward"), L("Thụy Khuê", "ward"), L("Tây Hồ", "district"),
                      L("Xuân Đỉnh", "ward"), L("Nghĩa Đô", "ward"), L("Hồng Hà", "ward")],
        "notes": "After the reform: phường Tây Hồ (mới) is a ward; the former units it was formed from are named "
                 "(wards), and 'quận Tây Hồ (cũ)' is a district row besides the ward of the same name. 'Chiều 12-8' "
                 "and 'ngày 5-8' take 2025 from the header; 'trong hai ngày 24 và 25/7/2025' gives two dates; "
                 "'từ ngày 15/8 đến 30/11/2025' is one range (start takes the end's year); the two anniversary ranges "
                 "(19/8/1945 – 19/8/2025, 2/9/1945 – 2/9/2025) keep both ends; the related-news dates at the foot "
                 "are kept (01/7/2025 repeats 1/7/2025). Not dates: '3.398/3.412 hồ sơ' (ratio), 'hơn 40 ngày' "
                 "(duration), 'nhiệm kỳ 2025 – 2030' (years). Not awards: 3.412 hồ sơ, 48 tổ dân phố, 110.000 người, "
                 "'Lượt xem: 864'. 'Giấy khen đột xuất cho hai cá nhân' is count 2 (words); the 11 tổ dân phố are "
                 "tập thể; '3 tập thể và 5 cá nhân … được Chủ tịch UBND Thành phố tặng Bằng khen' is two rows; the "
                 "proposed Bằng khen for Công an phường (one named unit) is a row of 1. Luật Tổ chức chính quyền địa "
                 "phương is cited with its number: a reference with no issuer or date in the text. Hướng dẫn "
                 "07/HD-TĐKT is a huong_dan. Not campaigns: the congress motto “Đoàn kết – Dân chủ – Kỷ cương – Đột "
                 "phá – Phát triển”, the models “Tổ dân phố không rác thải nhựa” and “Camera vì an ninh trật tự”, the "
                 "phương châm “Nói đi đôi với làm…”, the unnamed 'phong trào xây dựng khu dân cư văn minh'. Streets "
                 "(Lạc Long Quân, Âu Cơ, Xuân Diệu, Thanh Niên) and Hồ Tây are not units.",
    },
    "p10e_03_haiphong_lechan": {
        "references": [
            R("chi_thi", "34", "CT/TW", "34-CT/TW", None, "Bộ Chính trị"),
            R("chi_thi", "21", "CT/TU", "21-CT/TU", "2023-03-08", "Ban Thường vụ Thành ủy Hải Phòng"),
            R("ke_hoach", "18", "KH-UBND", "18/KH-UBND", "2023-01-20", "UBND thành phố"),
            R("ke_hoach", "125", "KH-UBND", "125/KH-UBND", "2023-02-14", "quận Lê Chân"),
            R("quyet_dinh", "45", "2023/QĐ-UBND", "45/2023/QĐ-UBND", "2023-10-12", "UBND thành phố"),
            R("nghi_dinh", "98", "2023/NĐ-CP", "98/2023/NĐ-CP", "2023-12-31", "Chính phủ"),
        ],
        "campaigns": [
            "Lê Chân chung sức xây dựng đô thị văn minh, hiện đại",
            "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
            "Người dân Lê Chân nói không với rác thải nhựa",
            "Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
            "toàn dân bảo vệ an ninh Tổ quốc",
        ],
        "dates": ["2024-01-23", "2023-03-08", "2023-01-20", "2023-02-14", "2023-10-12", "2023-12-31",
                  "1955-05-13/2025-05-13", "2024-01-15/2024-01-19", "2024-01-22", "2024-01-19"],
        "awards": [
            A("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "tập thể", 1),
            A("Huân chương Lao động hạng Ba", "Chủ tịch nước", "cá nhân", 2),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 3),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 4),
            A("Bằng khen", "Bộ trưởng Bộ Công an", "tập thể", 1),
            A("Bằng khen", "Bộ trưởng Bộ Công an", "cá nhân", 7),
            A("Cờ thi đua", "UBND thành phố", "tập thể", 5),
            A("Bằng khen", "Chủ tịch UBND thành phố", "tập thể", 15),
            A("Bằng khen", "Chủ tịch UBND thành phố", "cá nhân", 32),
            A("Chiến sĩ thi đua thành phố", "Chủ tịch UBND thành phố", "cá nhân", 6),
            A("Tập thể lao động xuất sắc", "Chủ tịch UBND thành phố", "tập thể", 23),
            A("Tập thể lao động tiên tiến", "UBND quận", "tập thể", 118),
            A("Chiến sĩ thi đua cơ sở", "UBND quận", "cá nhân", 45),
            A("Lao động tiên tiến", "UBND quận", "cá nhân", 1236),
            A("Giấy khen", "Chủ tịch UBND quận", "tập thể", 96),
            A("Giấy khen", "Chủ tịch UBND quận", "cá nhân", 214),
            A("Giấy khen", "Chủ tịch UBND quận", "cá nhân", 12),
            A("Giấy khen", "Ủy ban MTTQ Việt Nam quận", "tập thể", 11),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 2),
            A("Huân chương Lao động hạng Ba", "Chủ tịch nước", "tập thể", 2),
            A("Huân chương Lao động hạng Ba", "Chủ tịch nước", "cá nhân", 1),
            A("Cờ “Đơn vị thi đua xuất sắc”", None, "tập thể", 1),
            A("Huân chương Lao động hạng Nhì", None, "tập thể", 1),
        ],
        "locations": [L("Lê Chân", "district"), L("Hải Phòng", "province"), L("Vĩnh Niệm", "ward"),
                      L("Dư Hàng Kênh", "ward"), L("An Biên", "ward"), L("Kênh Dương", "ward"),
                      L("Trần Nguyên Hãn", "ward"), L("Ngô Quyền", "district"), L("Hồng Bàng", "district"),
                      L("Hải An", "district"), L("Kiến An", "district"), L("An Dương", "district"),
                      L("Cát Dài", "ward"), L("Niệm Nghĩa", "ward")],
        "notes": "Before 2025 (01/2024): Lê Chân had 15 wards, incl. Cát Dài and Niệm Nghĩa (merged in 2025). "
                 "'huyện An Dương' is a district (Lê Chân also had a phường An Dương, not named here). 'Sáng 23-1' "
                 "repeats the header; '14.2.2023' uses dots; 'từ ngày 15 đến 19/1' is a range in 2024 (both ends); "
                 "'(13/5/1955 - 13/5/2025)' a range with a hyphen; related-news dates kept. Not dates: 24/24, 15/15 "
                 "(ratios), 'giai đoạn 2019 – 2023' (years). Money and rates: 2.746,3 tỷ đồng, 112,4%, 93,6%, 6,8 tỷ "
                 "đồng; '52 nhà Đại đoàn kết', '15 phường', '28 cơ quan, đơn vị' are not awards. Award judgement "
                 "calls: the Huân chương Lao động hạng Nhì to one named office is 1 tập thể; 'Công an quận và 07 cá "
                 "nhân được Bộ trưởng Bộ Công an tặng Bằng khen' is 1 tập thể + 7 cá nhân; '12 cá nhân được Chủ tịch "
                 "UBND quận tặng Giấy khen' (count before the verb) is its own row beside the 214; 'mười một khu dân "
                 "cư' is tập thể 11 (words); the proposals (Bằng khen of the Prime Minister for 2 tập thể; Huân chương "
                 "Lao động hạng Ba for 'hai tập thể và một cá nhân', in words) are rows, as in eval/dev; the Cờ "
                 "“Đơn vị thi đua xuất sắc” proposed for quận Lê Chân is one named unit (no grantor named). 'Cờ thi "
                 "đua cho 05 tập thể, trong đó có phường An Biên, phường Kênh Dương' names members, no new row. "
                 "'danh hiệu Chiến sĩ thi đua cơ sở' is unquoted. Campaigns: the unquoted 'phong trào toàn dân bảo "
                 "vệ an ninh Tổ quốc' is a named movement (as in p10c). Not campaigns: “Phường văn minh đô thị” (a "
                 "standard/title), Quỹ “Vì người nghèo” (a fund), the 2024 theme “Năm đẩy mạnh xây dựng chính quyền "
                 "số…”, the phương châm “Chủ động, sáng tạo, quyết liệt, hiệu quả”, the flag title. Chỉ thị 34 is "
                 "cited without date here. Added after the first scoring, for consistency with keeping the foot's "
                 "dates: the related-news headline 'Huyện An Dương đón nhận Huân chương Lao động hạng Nhì' is a row "
                 "(1 tập thể; same key as the Phòng Giáo dục row, so no score change).",
    },
    "p10e_04_phutho_interview": {
        "references": [
            R("chi_thi", "34", "CT/TW", "34-CT/TW", "2014-04-07", "Bộ Chính trị"),
            R("ke_hoach", "412", "KH-UBND", "412/KH-UBND", "2022-01-24", "UBND tỉnh"),
            R("ke_hoach", "5126", "KH-UBND", "5126/KH-UBND", "2023-11-26", "UBND tỉnh"),
            R("chi_thi", "03", "CT/TW", "03-CT/TW", "2011-05-14", "Bộ Chính trị"),
            R("chi_thi", "05", "CT/TW", "05-CT/TW", None, "Bộ Chính trị"),
        ],
        "campaigns": [
            "Người tốt, việc tốt",
            "Phú Thọ chung sức xây dựng nông thôn mới",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Dạy tốt – học tốt",
        ],
        "dates": ["2024-06-27", "1948-06-11/2024-06-11", "2014-04-07", "2022-01-24", "2023-11-26", "2011-05-14",
                  "2024-04/2024-10", "2024-03-15/2024-05-15", "2024-06-18", "2024-06-10"],
        "awards": [
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 1216),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 2845),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 96),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 142),
            A("Huân chương các loại", "Chủ tịch nước", "tập thể", 58),
            A("Huân chương các loại", "Chủ tịch nước", "cá nhân", 41),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 87),
            A("Người tốt, việc tốt", "UBND tỉnh", "cá nhân", 1),
            A("Giấy khen", "Chủ tịch UBND huyện Tam Nông", "cá nhân", 1),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 1),
            A("Giấy khen", "Chủ tịch UBND thị xã", "tập thể", 3),
            A("Giấy khen", "Chủ tịch UBND thị xã", "cá nhân", 9),
        ],
        "locations": [L("Phú Thọ", "province"), L("Sơn Vi", "commune"), L("Lâm Thao", "district"),
                      L("Hùng Sơn", "town"), L("Hưng Hóa", "town"), L("Tam Nông", "district"),
                      L("Việt Trì", "district"), L("Thanh Sơn", "district"), L("Tân Sơn", "district"),
                      L("Hy Cương", "commune"), L("Phú Thọ", "district")],
        "notes": "Interview/feature, 06/2024, before the reform. 'Kế hoạch số 5126/KH-UBND ngày 26-11' takes 2023 "
                 "from 'Cuối năm 2023' in its sentence (also the latest 26 Nov before the article). '24-1-2022' "
                 "uses hyphens, '14.5.2011' dots; '(11/6/1948 – 11/6/2024)' and 'từ 15/3 – 15/5/2024' are en-dash "
                 "ranges (both ends); 'Từ tháng 4 đến tháng 10/2024' is a month range with no full date; 'trong "
                 "tháng 12' has no year written; related-news dates kept. Not dates: 13/13, 9/63, 21/21, 5/30 "
                 "(ratios), 'năm học 2023-2024' (a school year), 'giai đoạn 2014 – 2024', 'Hơn 15 năm', '12 năm', "
                 "'10 năm', '68 tuổi' (durations). Money: 6.412,385 tỷ đồng, 1.150 tỷ đồng; '1.200 m²', '4 tấm "
                 "gương' are not awards. Award judgement calls: 'trình Thủ tướng Chính phủ tặng Bằng khen cho 96 tập "
                 "thể, 142 cá nhân' are rows (as in eval/dev); 'Huân chương các loại' keeps the class Huân chương; "
                 "'87 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen' is count-before-verb; one named man given the "
                 "title “Người tốt, việc tốt” is cá nhân 1 (class nguoi_tot_viec_tot), one named teacher's Giấy khen "
                 "is cá nhân 1, the Hội Cựu chiến binh xã's Bằng khen is tập thể 1; '3 tập thể và 9 cá nhân … được "
                 "Chủ tịch UBND thị xã tặng Giấy khen' two rows. “Người tốt, việc tốt” is both a campaign "
                 "('phong trào “Người tốt, việc tốt”') and, once, a title given to one man. Not campaigns: the title "
                 "of Kế hoạch 412 (“Tuyên truyền, nhân rộng gương điển hình…”), the khẩu hiệu “Việc tốt không phân "
                 "biệt lớn nhỏ”, the 2024 theme “Năm nâng cao chất lượng cải cách hành chính và chuyển đổi số”, the "
                 "column “Gương sáng Đất Tổ”, the slogan “Thi đua là yêu nước…”, the quoted phrases “việc của ngành "
                 "thi đua” and the farmer's words. 'thị xã Phú Thọ' is a district-level unit besides the province; "
                 "'thành phố Việt Trì' is district level; 'khu 5' and 'Đất Tổ' are not units.",
    },
}


def main():
    write(HERE, GOLD)


if __name__ == "__main__":
    main()
