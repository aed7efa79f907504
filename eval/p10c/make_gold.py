"""Hand annotations of the p10c probe articles (texts/), written as gold JSON in the shared format.

Three articles written for the session-10 probe on sectors and award ceremonies: a provincial
police ceremony (Hà Tĩnh), a health-sector year-end review (Quảng Nam) and a trade-union /
farmers' association article (Bắc Ninh). Annotated by hand before the extractor was run on them.
Run it after editing an annotation: `python eval/p10c/make_gold.py`.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldkit import A, L, R, write  # noqa: E402,F401


GOLD = {
    "p10c_01_hatinh_congan": {
        "references": [
            R("chi_thi", "09", "CT/TW", "09-CT/TW", "2011-12-01", "Ban Bí thư"),
            R("nghi_quyet", "12", "NQ/TW", "12-NQ/TW", "2022-03-16", "Bộ Chính trị"),
            R("quyet_dinh", "521", "QĐ-TTg", "521/QĐ-TTG", "2005-04-13", "Thủ tướng Chính phủ"),
            R("quyet_dinh", "06", "QĐ-TTg", "06/QĐ-TTG", "2022-01-06", "Thủ tướng Chính phủ"),
            R("ke_hoach", "215", "KH-CAT-PV01", "215/KH-CAT-PV01", "2024-01-24", "Công an tỉnh"),
        ],
        "campaigns": ["Vì an ninh Tổ quốc", "Toàn dân bảo vệ an ninh Tổ quốc",
                      "Công an nhân dân học tập, thực hiện Sáu điều Bác Hồ dạy",
                      "90 ngày đêm làm sạch dữ liệu dân cư"],
        "dates": ["2024-08-16", "1945-08-19/2024-08-19", "2011-12-01", "2022-03-16", "2005-04-13", "2023-04-07",
                  "2022-01-06", "2024-01-24", "2024-03-15/2024-06-15"],
        "awards": [
            A("Huân chương Bảo vệ Tổ quốc hạng Nhì", "Chủ tịch nước", "tập thể", 1),
            A("Huân chương Chiến công hạng Ba", "Chủ tịch nước", "tập thể", 2),
            A("Huân chương Chiến công hạng Ba", "Chủ tịch nước", "cá nhân", 3),
            A("Cờ thi đua", "Bộ Công an", "tập thể", 2),
            A("Bằng khen", "Bộ trưởng Bộ Công an", "tập thể", 15),
            A("Bằng khen", "Bộ trưởng Bộ Công an", "cá nhân", 32),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 9),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 21),
            A("Chiến sĩ thi đua toàn lực lượng Công an nhân dân", None, "cá nhân", 1),
            A("Đơn vị quyết thắng", None, "tập thể", 27),
            A("Chiến sĩ tiên tiến", None, "cá nhân", 1046),
            A("Chiến sĩ thi đua cơ sở", None, "cá nhân", 118),
            A("Giấy khen", "Giám đốc Công an tỉnh", "tập thể", 64),
            A("Giấy khen", "Giám đốc Công an tỉnh", "cá nhân", 237),
            A("Huân chương Chiến công", None, "tập thể", 4),
            A("Huân chương Chiến công", None, "cá nhân", 6),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 5),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 8),
        ],
        "locations": [L("Hà Tĩnh", "province"), L("Hà Tĩnh", "district"), L("Hương Sơn", "district"),
                      L("Sơn Kim 1", "commune"), L("Kỳ Anh", "district"), L("Kỳ Trinh", "ward"),
                      L("Can Lộc", "district"), L("Nghèn", "town"), L("Cẩm Xuyên", "district"),
                      L("Cẩm Quang", "commune")],
        "notes": ("'Sáng 16/8' takes its year from the header date. 'Từ ngày 15/3 đến 15/6/2024' is one range; its "
                  "start takes the year of its end. '12/13 huyện' and '1.247/1.310 vụ' are ratios; 95,2% and 96,8% "
                  "are rates; '86 băng', '425 đối tượng', '152.380 hồ sơ' are not award counts. Not campaigns: "
                  "'Camera an ninh' (a model), the Đề án title after Quyết định 06/QĐ-TTg (a document title), "
                  "'Vì nước quên thân, vì dân phục vụ' (motto), 'Công an Hà Tĩnh trung dũng, kiên cường' (tradition "
                  "phrase), 'Đơn vị quyết thắng' / 'Chiến sĩ tiên tiến' / 'Chiến sĩ thi đua cơ sở' (award titles); "
                  "'Ngày hội toàn dân bảo vệ an ninh Tổ quốc' is a day, not a movement. The unquoted 'phong trào toàn "
                  "dân bảo vệ an ninh Tổ quốc' is the same campaign as the quoted one. 'Đề án 06' is a nickname, not "
                  "a numbered reference (its document is Quyết định 06/QĐ-TTg, annotated once). Kế hoạch 215 is cited "
                  "twice (once without date): one reference. Cờ thi đua to two named units is count 2; the "
                  "'Huân chương Chiến công các hạng' tally over 2019–2024 and the proposal to the Prime Minister "
                  "are rows (as in dev01/dev04). 'thành phố Hà Tĩnh' is a district-level unit besides the province."),
    },
    "p10c_02_quangnam_yte": {
        "references": [
            R("nghi_quyet", "20", "NQ/TW", "20-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng khóa XII"),
            R("chi_thi", "25", "CT/TW", "25-CT/TW", "2023-10-25", "Ban Bí thư"),
            R("luat", "15", "2023/QH15", "15/2023/QH15"),
            R("thong_tu", "32", "2023/TT-BYT", "32/2023/TT-BYT", "2023-12-31", "Bộ trưởng Bộ Y tế"),
            R("cong_van", "118", "SYT-TCCB", "118/SYT-TCCB", "2024-01-12", "Sở Y tế"),
            R("ke_hoach", "4512", "KH-UBND", "4512/KH-UBND", "2023-11-26", "UBND tỉnh"),
            R("quyet_dinh", "2151", "QĐ-BYT", "2151/QĐ-BYT", "2015-06-04", "Bộ trưởng Bộ Y tế"),
        ],
        "campaigns": ["Thầy thuốc như mẹ hiền",
                      "Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người bệnh",
                      "Bệnh viện xanh – sạch – đẹp",
                      "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"],
        "dates": ["2024-01-25", "2024-01-24", "2017-10-25", "2023-10-25", "2023-12-31", "2024-01-12", "2023-11-26",
                  "2015-06-04", "1955-02-27/2024-02-27", "2023-04/2023-10"],
        "awards": [
            A("Thầy thuốc nhân dân", "Chủ tịch nước", "cá nhân", 2),
            A("Thầy thuốc ưu tú", "Chủ tịch nước", "cá nhân", 11),
            A("Nhà giáo ưu tú", "Chủ tịch nước", "cá nhân", 1),
            A("Kỷ niệm chương Vì sức khỏe nhân dân", "Bộ trưởng Bộ Y tế", "cá nhân", 46),
            A("Cờ thi đua", "UBND tỉnh", "tập thể", 2),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 5),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 14),
            A("Tập thể lao động xuất sắc", "Chủ tịch UBND tỉnh", "tập thể", 11),
            A("Chiến sĩ thi đua cấp tỉnh", "Chủ tịch UBND tỉnh", "cá nhân", 12),
            A("Giấy khen", "Giám đốc Sở Y tế", "tập thể", 64),
            A("Giấy khen", "Giám đốc Sở Y tế", "cá nhân", 187),
            A("Tập thể lao động tiên tiến", "Giám đốc Sở Y tế", "tập thể", 73),
            A("Lao động tiên tiến", "Giám đốc Sở Y tế", "cá nhân", 2684),
            A("Chiến sĩ thi đua cơ sở", "Giám đốc Sở Y tế", "cá nhân", 326),
            A("Bằng khen", "Bộ trưởng Bộ Y tế", "tập thể", 7),
            A("Bằng khen", "Bộ trưởng Bộ Y tế", "cá nhân", 19),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 1),
        ],
        "locations": [L("Quảng Nam", "province"), L("Tam Kỳ", "district"), L("Đà Nẵng", "province"),
                      L("Tây Giang", "district"), L("Nam Trà My", "district"), L("A Xan", "commune"),
                      L("Trà Cang", "commune"), L("Điện Bàn", "district"), L("Hội An", "district")],
        "notes": ("'Kế hoạch số 4512/KH-UBND ngày 26-11' in an article of 25/01/2024 is dated 26/11/2023 (latest "
                  "year on or before the article; a plan for 2024's movements) — an inference, unlike shared gold "
                  "001 which had no article date. '18/18 huyện' and '12/12 bệnh viện' are ratios (12/12 is not "
                  "December 12); 92,6%, 98,3% are rates; '3,1 triệu lượt', '14.000 người' are not awards. "
                  "'mười hai cá nhân' is count 12; '05 tập thể' is 5; '02 bác sĩ' are cá nhân. Named single "
                  "recipients (Nhà giáo ưu tú for one teacher; the proposed Bằng khen of the Prime Minister for "
                  "Trung tâm Kiểm soát bệnh tật) are count 1; the two proposals are rows. Kỷ niệm chương keeps its "
                  "full name. Not campaigns: the Đề án title, 'Bác sĩ về bản' (a model), 'Lương y phải như từ mẫu' "
                  "(quotation), the 2024 theme 'Đoàn kết, kỷ cương, đổi mới, hiệu quả', award titles ('Thầy thuốc ưu "
                  "tú', 'Tập thể lao động xuất sắc', 'Vì sức khỏe nhân dân'…). 'Luật … số 15/2023/QH15' names no "
                  "issuer. 'năm học 2023-2024' is a school year, no full date. 'Bệnh viện Đa khoa khu vực miền núi "
                  "phía Bắc' names no unit. 'thành phố Đà Nẵng' is a province-level city."),
    },
    "p10c_03_bacninh_congdoan": {
        "references": [
            R("nghi_quyet", "02", "NQ/TW", "02-NQ/TW", "2021-06-12", "Bộ Chính trị"),
            R("huong_dan", "05", "HD-TLĐ", "05/HD-TLĐ", "2022-01-24", "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam"),
            R("ke_hoach", "134", "KH-LĐLĐ", "134/KH-LĐLĐ", "2021-05-14", "Ban Thường vụ Liên đoàn Lao động tỉnh"),
            R("ket_luan", "61", "KL/TW", "61-KL/TW", None, "Ban Bí thư"),
            R("quyet_dinh", "673", "QĐ-TTg", "673/QĐ-TTG", "2011-05-10", "Thủ tướng Chính phủ"),
            R("ke_hoach", "89", "KH/HNDT", "89-KH/HNDT", "2024-04-07", "Ban Thường vụ Hội Nông dân tỉnh"),
        ],
        "campaigns": ["Lao động giỏi, lao động sáng tạo",
                      "Xanh – Sạch – Đẹp, Bảo đảm an toàn vệ sinh lao động",
                      "Nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững",
                      "Nông dân tham gia bảo đảm quốc phòng, an ninh"],
        "dates": ["2024-10-28", "2024-10-26", "2024-10-25", "1930-10-14/2024-10-14", "2021-06-12", "2022-01-24",
                  "2021-05-14", "2019-07-01/2024-06-30", "2011-05-10", "2024-04-07", "2024-04/2024-10"],
        "awards": [
            A("Cờ thi đua", "Tổng Liên đoàn Lao động Việt Nam", "tập thể", 1),
            A("Bằng khen", "Tổng Liên đoàn Lao động Việt Nam", "tập thể", 17),
            A("Bằng khen", "Tổng Liên đoàn Lao động Việt Nam", "cá nhân", 26),
            A("Bằng khen Lao động sáng tạo", "Tổng Liên đoàn Lao động Việt Nam", "cá nhân", 9),
            A("Huy chương Vì sự nghiệp xây dựng tổ chức Công đoàn", "Tổng Liên đoàn Lao động Việt Nam", "cá nhân", 6),
            A("Giải thưởng Nguyễn Đức Cảnh", None, "cá nhân", 3),
            A("Bằng khen", "Ban Chấp hành Liên đoàn Lao động tỉnh", "tập thể", 45),
            A("Bằng khen", "Ban Chấp hành Liên đoàn Lao động tỉnh", "cá nhân", 108),
            A("Cờ thi đua", "Ban Chấp hành Liên đoàn Lao động tỉnh", "tập thể", 2),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 1),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 18),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 41),
            A("Bằng khen", "Trung ương Hội Nông dân Việt Nam", "tập thể", 3),
            A("Bằng khen", "Trung ương Hội Nông dân Việt Nam", "cá nhân", 7),
            A("Kỷ niệm chương Vì giai cấp nông dân Việt Nam", "Trung ương Hội Nông dân Việt Nam", "cá nhân", 14),
            A("Nông dân Việt Nam xuất sắc", "Trung ương Hội Nông dân Việt Nam", "cá nhân", 1),
            A("Bằng khen", "Ban Thường vụ Hội Nông dân tỉnh", "tập thể", 25),
            A("Bằng khen", "Ban Thường vụ Hội Nông dân tỉnh", "cá nhân", 60),
            A("Giấy khen", "Ban Thường vụ Hội Nông dân huyện Gia Bình", "cá nhân", 12),
        ],
        "locations": [L("Bắc Ninh", "province"), L("Yên Phong", "district"), L("Quế Võ", "district"),
                      L("Yên Trung", "commune"), L("Từ Sơn", "district"), L("Gia Bình", "district"),
                      L("Lương Tài", "district"), L("Quảng Phú", "commune"), L("Gia Bình", "town")],
        "notes": ("'Ngày 26-10' and 'chiều 25/10' take the header's year. 'từ 01/7/2019 – 30/6/2024' is one range "
                  "with an en dash; '14.5.2021' uses dots. '8.602,658 tỷ đồng', '412,5 tỷ', '1.150 tỷ' are money; "
                  "'21/21 công đoàn' is a ratio; 7,2%, 5,1% rates; '6.218 sáng kiến', '146 sáng kiến', '126 lớp', "
                  "'38.460 hộ đăng ký danh hiệu' (a registration, not a conferral) and 'trong đó có 4 hội viên' (a "
                  "subset of the 12) are not award rows. 'Ba công nhân … Giải thưởng Nguyễn Đức Cảnh' is count 3; "
                  "'02 công đoàn cơ sở' is tập thể 2; the company and the Công đoàn KCN are single named units "
                  "(count 1). 'Bằng khen “Lao động sáng tạo”' is its own award name (class Bằng khen). Not "
                  "campaigns: 'Lao động sáng tạo' (an award title), 'Vì sự nghiệp xây dựng tổ chức Công đoàn', 'Vì "
                  "giai cấp nông dân Việt Nam', 'Nông dân Việt Nam xuất sắc' (award titles), 'Bữa cơm công đoàn' (an "
                  "activity), the Đề án title after Kết luận 61-KL/TW, the motto 'Đâu có người lao động, ở đó có tổ "
                  "chức Công đoàn'. 'khu công nghiệp Yên Phong, Quế Võ' alone would not be units, but huyện Yên "
                  "Phong and thị xã Quế Võ are named elsewhere. 'thị trấn Gia Bình' is a town beside the district."),
    },
}


def main():
    write(HERE, GOLD)


if __name__ == "__main__":
    main()
