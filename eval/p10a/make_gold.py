"""Hand annotations of the p10a probe articles (texts/), written as gold JSON in the shared format.

Three local-news articles written for a session-10 probe of the extractor: a district's year-end
thi đua meeting with its award lists (Hải Hậu, Nam Định, January 2024), a commune after the
July 2025 reform (xã Tuy Phước, tỉnh Gia Lai mới, November 2025) and a numbered HCMC ward
before 2025 (Phường 12, Quận 10, January 2024). Annotated before the extractor was run on them,
following the conventions of ../dev/make_gold.py and the shared gold. Run it after editing an
annotation: `python eval/p10a/make_gold.py`.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldkit import A, L, R, write  # noqa: E402,F401


GOLD = {
    "p10a_01_haihau": {
        "references": [
            R("chi_thi", "34", "CT/TW", "34-CT/TW", "2014-04-07", "Bộ Chính trị"),
            R("chi_thi", "05", "CT/TU", "05-CT/TU", "2022-01-24", "Ban Thường vụ Tỉnh ủy"),
            R("ke_hoach", "167", "KH-UBND", "167/KH-UBND", "2023-03-10", "UBND huyện"),
            R("quyet_dinh", "25", "2019/QĐ-UBND", "25/2019/QĐ-UBND", None, "UBND tỉnh Nam Định"),
            R("nghi_quyet", "12", "NQ/HU", "12-NQ/HU", "2021-05-14", "Ban Chấp hành Đảng bộ huyện"),
            R("quyet_dinh", "3456", "QĐ-UBND", "3456/QĐ-UBND", "2023-12-29", "UBND huyện"),
        ],
        "campaigns": [
            "Hải Hậu chung sức xây dựng nông thôn mới kiểu mẫu",
            "100 ngày đêm về đích nông thôn mới kiểu mẫu",
            "Nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững",
            "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
            "Dân vận khéo",
            "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        ],
        "dates": ["2024-01-24", "2024-01-23", "2014-04-07", "2022-01-24", "2023-03-10", "2021-05-14",
                  "2023-12-29", "1954-05-07", "2024-05-07", "2024-01-22"],
        "awards": [
            A("Huân chương Lao động hạng Ba", "Chủ tịch nước", "tập thể", 1),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 2),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 3),
            A("Cờ thi đua", "Chủ tịch UBND tỉnh", "tập thể", 3),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 15),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 32),
            A("Tập thể lao động xuất sắc", "Chủ tịch UBND tỉnh", "tập thể", 27),
            A("Chiến sĩ thi đua cấp tỉnh", "Chủ tịch UBND tỉnh", "cá nhân", 4),
            A("Tập thể lao động tiên tiến", "UBND huyện", "tập thể", 186),
            A("Chiến sĩ thi đua cơ sở", "UBND huyện", "cá nhân", 45),
            A("Lao động tiên tiến", "UBND huyện", "cá nhân", 2046),
            A("Giấy khen", "Chủ tịch UBND huyện", "tập thể", 96),
            A("Giấy khen", "Chủ tịch UBND huyện", "cá nhân", 215),
            A("Giấy khen", "Chủ tịch UBND huyện", "cá nhân", 12),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 4),
        ],
        "locations": [L("Hải Hậu", "district"), L("Nam Định", "province"), L("Hải Anh", "commune"),
                      L("Hải Quang", "commune"), L("Hải Xuân", "commune"), L("Hải Minh", "commune"),
                      L("Hải Đông", "commune"), L("Thịnh Long", "town"), L("Yên Định", "town"),
                      L("Giao Thủy", "district"), L("Nghĩa Hưng", "district")],
        "notes": "'Sáng 23-1', 'chiều 22-1' take 2024 from the dateline '24-1-2024'; '14.5.2021' uses dots; "
                 "'(07/5/1954 – 07/5/2024)' is a range (both ends); 'Từ tháng 4 đến tháng 10/2023' has no full date. "
                 "22/22, 21/21, 2/10 are ratios; 1.046,7 tỷ, 126,35 tỷ, 68,5 triệu are money; 8.600 ngày công, 6.215 hộ, "
                 "41 nhà, 25 xã are not awards. Not campaigns: the title of Nghị quyết 12-NQ/HU (“Phát triển nông nghiệp "
                 "hàng hóa…”), the slogan “Thi đua là yêu nước…”, the 2024 theme “Kỷ cương, trách nhiệm, chủ động, đổi mới, "
                 "hiệu quả”, the flag title “Đơn vị dẫn đầu phong trào thi đua năm 2023”, award titles. Unquoted "
                 "'cuộc vận động Toàn dân đoàn kết…đô thị văn minh' and 'phong trào Dân vận khéo' are named campaigns. "
                 "'Chỉ thị 34-CT/TW (ngày 07/4/2014)' has no 'số' and a parenthesised date. 'Luật Thi đua, khen thưởng năm "
                 "2022' has no number. The flag goes to '03 tập thể' (leading zero); the Huân chương to one named "
                 "commune (1 tập thể); the proposal to the Prime Minister (4 tập thể) is a row. The grantor 'Chủ tịch UBND "
                 "tỉnh' carries to 'công nhận danh hiệu … cho 27 tập thể … 4 cá nhân'.",
    },
    "p10a_02_tuyphuoc": {
        "references": [
            R("ket_luan", "137", "KL/TW", "137-KL/TW", "2025-03-28", "Bộ Chính trị, Ban Bí thư"),
            R("nghi_quyet", "202", "2025/QH15", "202/2025/QH15", "2025-06-12", "Quốc hội"),
            R("nghi_quyet", "05", "NQ/ĐU", "05-NQ/ĐU", "2025-08-08", "Đảng ủy xã"),
            R("ke_hoach", "28", "KH-UBND", "28/KH-UBND", "2025-07-15", "UBND tỉnh Gia Lai"),
            R("ke_hoach", "17", "KH-UBND", "17/KH-UBND", "2025-08-12", "UBND xã"),
            R("quyet_dinh", "412", "QĐ-UBND", "412/QĐ-UBND", "2025-11-24", None),
            R("nghi_dinh", "152", "2025/NĐ-CP", "152/2025/NĐ-CP", None, "Chính phủ"),
        ],
        "campaigns": [
            "Đoàn kết, đổi mới, vận hành hiệu quả chính quyền địa phương hai cấp",
            "Bình dân học vụ số",
            "Cả nước chung tay xóa nhà tạm, nhà dột nát trong năm 2025",
            "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
            "90 ngày đêm",
        ],
        "dates": ["2025-11-27", "2025-11-26", "2025-07-01", "2025-03-28", "2025-06-12", "2025-08-08",
                  "2025-07-15", "2025-08-12", "2025-09-30", "2025-11-16", "2025-11-20", "2025-11-24",
                  "1930-02-03", "2026-02-03"],
        "awards": [
            A("Bằng khen", "Chủ tịch UBND tỉnh Gia Lai", "tập thể", 4),
            A("Bằng khen", "Chủ tịch UBND tỉnh Gia Lai", "cá nhân", 9),
            A("Giấy khen", "Chủ tịch UBND xã Tuy Phước", "tập thể", 23),
            A("Giấy khen", "Chủ tịch UBND xã Tuy Phước", "cá nhân", 58),
            A("Giấy khen", "Chủ tịch UBND xã Tuy Phước", "tập thể", 3),
            A("Giấy khen", "Chủ tịch UBND xã Tuy Phước", "cá nhân", 11),
            A("Giấy khen", "Ủy ban MTTQ Việt Nam xã", "tập thể", 6),
            A("Giấy khen", "Ủy ban MTTQ Việt Nam xã", "cá nhân", 14),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 1),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 2),
        ],
        "locations": [L("Tuy Phước", "commune"), L("Gia Lai", "province"), L("Tuy Phước", "town"),
                      L("Diêu Trì", "town"), L("Phước Lộc", "commune"), L("Phước Nghĩa", "commune"),
                      L("Phước Thuận", "commune"), L("Tuy Phước", "district"), L("Bình Định", "province"),
                      L("Quy Nhơn", "ward"), L("Tuy Phước Đông", "commune"), L("Tuy Phước Bắc", "commune"),
                      L("Quy Nhơn Tây", "ward"), L("Đắk Lắk", "province")],
        "notes": "After the reform: the new commune and the former units it was formed from are all named "
                 "(Tuy Phước is a commune, a former town and a former district: three rows). 'Chiều 26-11' takes 2025 "
                 "from the dateline; 'từ ngày 16 đến 20/11' is a range in 2025 (both ends); '(3/2/1930 – 3/2/2026)' is a "
                 "range; 'từ tháng 7 đến hết tháng 12/2025' has no full date. '24/24 giờ' and '26/26 thôn' are not dates; "
                 "53,37 km², 3.415,5 triệu, 286 triệu are not awards. Kế hoạch 28/KH-UBND has its date in the sentence "
                 "before ('Ngày 15/7/2025, UBND tỉnh Gia Lai ban hành…'). The UBTVQH resolution has no number: no "
                 "reference. Not campaigns: “Nhà nước và Nhân dân cùng làm”, “Chính quyền gần dân, sát dân, phục vụ Nhân "
                 "dân” (mottos); 'phong trào xóa nhà tạm, nhà dột nát' is a short back-reference to the quoted one. "
                 "Unquoted 'phong trào Bình dân học vụ số' is a named campaign; “90 ngày đêm” is a named đợt thi đua. "
                 "The grantor of 'Giấy khen đột xuất cho 3 tập thể, 11 cá nhân' carries over from the clause before. "
                 "The proposal to the Prime Minister (1 tập thể, 2 cá nhân) is a row.",
    },
    "p10a_03_quan10": {
        "references": [
            R("chi_thi", "03", "CT/TW", "03-CT/TW", "2011-05-14", "Bộ Chính trị"),
            R("chi_thi", "05", "CT/TW", "05-CT/TW", None, "Bộ Chính trị"),
            R("ke_hoach", "56", "KH/QU", "56-KH/QU", "2022-03-07", "Ban Thường vụ Quận ủy Quận 10"),
            R("ke_hoach", "1420", "KH-UBND", "1420/KH-UBND", "2023-03-24", "UBND Quận 10"),
            R("ke_hoach", "38", "KH-UBND", "38/KH-UBND", "2023-03-31", None),
            R("luat", "06", "2022/QH15", "06/2022/QH15"),
            R("quyet_dinh", "24", "2023/QĐ-UBND", "24/2023/QĐ-UBND", "2023-06-15", "UBND TP.HCM"),
        ],
        "campaigns": [
            "Người dân Thành phố không xả rác ra đường và kênh rạch, vì Thành phố sạch và giảm ngập nước",
            "Phường 12 chung tay xây dựng hẻm văn minh, an toàn",
            "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
            "Dân vận khéo",
        ],
        "dates": ["2024-01-13", "2024-01-12", "2011-05-14", "2022-03-07", "2023-03-24", "2023-03-31",
                  "2023-06-15", "1975-04-30", "2024-04-30", "2024-06-10", "2024-06-14", "2024-01-09"],
        "awards": [
            A("Giấy khen", "UBND Quận 10", "tập thể", 1),
            A("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND Quận 10", "cá nhân", 6),
            A("Lao động tiên tiến", "Chủ tịch UBND Quận 10", "cá nhân", 41),
            A("Giấy khen", "UBND Quận", "tập thể", 8),
            A("Giấy khen", "UBND Quận", "cá nhân", 17),
            A("Bằng khen", "Chủ tịch UBND TP.HCM", "cá nhân", 2),
            A("Giấy khen", "Chủ tịch UBND phường", "tập thể", 21),
            A("Giấy khen", "Chủ tịch UBND phường", "cá nhân", 64),
            A("Giấy khen", "Ủy ban MTTQ Việt Nam phường", "tập thể", 5),
            A("Giấy khen", "Ủy ban MTTQ Việt Nam phường", "tập thể", 9),
            A("Bằng khen", "Chủ tịch UBND Thành phố", "tập thể", 3),
            A("Huân chương Lao động hạng Ba", "Chủ tịch nước", "tập thể", 1),
            A("Tập thể lao động xuất sắc", "UBND Thành phố", "tập thể", 2),
        ],
        "locations": [L("Phường 12", "ward"), L("Quận 10", "district"), L("Hồ Chí Minh", "province"),
                      L("Phường 13", "ward"), L("Phường 15", "ward"), L("Phường 14", "ward"),
                      L("Quận 3", "district"), L("Tân Bình", "district")],
        "notes": "Before 2025: numbered wards and districts keep their number as the name; 'P.14, Q.10' in the "
                 "address is the only mention of Phường 14. 'Sáng 12-1' and 'ngày 9/1' take 2024 from the dateline; "
                 "'14.5.2011' uses dots; 'từ ngày 10 đến 14/6/2024' is a range (both ends). Not dates: 'đường 3/2' "
                 "(a street), 'Quốc khánh 2/9' (recurring holiday, no year), '14/14 khu phố', '4.215/4.358 hộ' "
                 "(ratios), 'tháng 6/2024', 'tháng 1/2024' (months only). 'Luật Thi đua, khen thưởng số 06/2022/QH15' "
                 "is a numbered law. Not campaigns: the 2023 theme “Năm đẩy mạnh chuyển đổi số và cải cách hành "
                 "chính”, the title of Chỉ thị 03-CT/TW, the motto “Dân biết, dân bàn…”, the models “Bữa cơm nghĩa "
                 "tình” and “Tủ sách hẻm”. Judgement calls on awards: the ward itself getting a Giấy khen is 1 tập "
                 "thể; 'Ông … là 1 trong 2 cá nhân của phường được Chủ tịch UBND TP.HCM tặng Bằng khen' is a tally of 2 "
                 "cá nhân; the MTTQ Giấy khen to '5 khu phố, 9 Ban công tác Mặt trận' is two tập thể rows; the "
                 "Huân chương of 2015 ('nơi từng được…') is a past award still named with its grantor and recipient; "
                 "proposals (3 tập thể Bằng khen, 2 cơ quan 'Tập thể lao động xuất sắc') are rows.",
    },
}


def main():
    write(HERE, GOLD)


if __name__ == "__main__":
    main()
