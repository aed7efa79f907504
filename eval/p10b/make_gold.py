"""Hand annotations of the p10b probe articles (texts/), written as gold JSON in the shared format.

Three articles written for session 10's probe on directives and plans being implemented and cited:
a provincial Party committee's 10-year review of Chỉ thị 34-CT/TW (Hà Tĩnh), a district plan
implementing a provincial plan that implements a Prime Minister's decision (Lục Ngạn, Bắc Giang),
and a district Party committee's review of Kết luận 01-KL/TW (Trà Ôn, Vĩnh Long). Annotated by hand
before the extractor was run on them. Run it after editing an annotation: `python eval/p10b/make_gold.py`.

Dates list the full days only (as eval/dev does); months ('tháng 6/2024'), quarters ('quý I/2024'),
years and year ranges are not scored. Two documents with the same id (a number reused by a new
term or a new year) are listed twice with their own dates; the scorer keys references by id, so
they count once there, and the report checks by hand that both dates come out.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldkit import A, L, R, write  # noqa: E402,F401


GOLD = {
    "p10b01_hatinh_ct34": {
        "references": [
            R("chi_thi", "34", "CT/TW", "34-CT/TW", "2014-04-07", "Bộ Chính trị"),
            R("ke_hoach", "112", "KH/TU", "112-KH/TU", "2014-05-14", "Ban Thường vụ Tỉnh ủy"),
            R("chi_thi", "05", "CT/TU", "05-CT/TU", "2016-06-24", "Ban Thường vụ Tỉnh ủy"),
            R("chi_thi", "05", "CT/TU", "05-CT/TU", "2021-09-10", "Ban Thường vụ Tỉnh ủy"),
            R("ket_luan", "486", "KL/TU", "486-KL/TU", "2019-10-18", "Ban Thường vụ Tỉnh ủy"),
            R("luat", "06", "2022/QH15", "06/2022/QH15", "2022-06-15", "Quốc hội"),
            R("nghi_dinh", "98", "2023/NĐ-CP", "98/2023/NĐ-CP", "2023-12-31", "Chính phủ"),
            R("thong_tu", "01", "2024/TT-BNV", "01/2024/TT-BNV", "2024-02-29", "Bộ Nội vụ"),
            R("quyet_dinh", "21", "2024/QĐ-UBND", "21/2024/QĐ-UBND", "2024-05-02", "UBND tỉnh"),
            R("quyet_dinh", "13", "2018/QĐ-UBND", "13/2018/QĐ-UBND", "2018-03-28", None),
            R("ke_hoach", "270", "KH-UBND", "270/KH-UBND", "2023-11-26", "UBND tỉnh"),
        ],
        "campaigns": ["Hà Tĩnh chung sức xây dựng nông thôn mới",
                      "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
                      "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
                      "Dân vận khéo"],
        "dates": ["2024-05-21", "2024-05-20", "2014-04-07", "2014-05-14", "2016-06-24", "2021-09-10",
                  "2019-10-18", "2022-06-15", "2024-01-01", "2023-12-31", "2024-02-29", "2024-05-02",
                  "2018-03-28", "2023-11-26", "2024-09-30"],
        "awards": [
            A("Anh hùng Lao động", "Chủ tịch nước", "tập thể", 2),
            A("Huân chương", "Chủ tịch nước", "tập thể", 96), A("Huân chương", "Chủ tịch nước", "cá nhân", 134),
            A("Cờ thi đua của Chính phủ", "Thủ tướng Chính phủ", "tập thể", 41),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 318),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 527),
            A("Cờ thi đua", "UBND tỉnh", "tập thể", 862),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 5417),
            A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 11906),
            A("Bằng khen", "Ban Thường vụ Tỉnh ủy", "tập thể", 15),
            A("Bằng khen", "Ban Thường vụ Tỉnh ủy", "cá nhân", 20),
            A("Cờ thi đua", "UBND tỉnh", "tập thể", 3),
        ],
        "locations": [L("Hà Tĩnh", "province"), L("Hồng Lĩnh", "district"), L("Can Lộc", "district"),
                      L("Tùng Lộc", "commune"), L("Hương Sơn", "district"), L("Vũ Quang", "district"),
                      L("Phố Châu", "town"), L("Xuân Viên", "commune"), L("Nghi Xuân", "district")],
        "notes": "Two Chỉ thị 05-CT/TU: of 24/6/2016 (khóa XVIII) and of 10-9-2021 (khóa XIX), the 2021 one cited "
                 "twice, the 2016 one again at the end. '14.5.2014' uses dots. 'Kế hoạch số 270/KH-UBND ngày 26-11' "
                 "(plan for 2024 – 2025, cited in May 2024) is 26/11/2023. The law is cited with its number "
                 "(06/2022/QH15), so it is a reference. Not campaigns: “Tiếp tục đổi mới công tác thi đua, khen "
                 "thưởng” (title of Chỉ thị 34), the slogan “Thi đua là yêu nước…”, the 2024 theme “Tăng cường kỷ "
                 "cương…”. 'phong trào thi đua Dân vận khéo' is unquoted but named. 13/13, 173/181, 2/13 are ratios; "
                 "2.415,7 tỷ đồng money; '10 năm', '30 ngày làm việc' durations; 'quý I/2024' and 'tháng 6/2024' "
                 "are not full dates. The three flags (huyện Can Lộc, thị xã Hồng Lĩnh, xã Tùng Lộc) are one row of 3. "
                 "'Huân chương các loại' keeps the class Huân chương.",
    },
    "p10b02_lucngan_kh": {
        "references": [
            R("ke_hoach", "19", "KH-UBND", "19/KH-UBND", "2023-01-24", "UBND huyện Lục Ngạn"),
            R("quyet_dinh", "1258", "QĐ-TTg", "1258/QĐ-TTG", "2021-07-21", "Thủ tướng Chính phủ"),
            R("ke_hoach", "245", "KH-UBND", "245/KH-UBND", "2021-11-26", "UBND tỉnh Bắc Giang"),
            R("huong_dan", "05", "HD-BTĐKT", "05/HD-BTĐKT", "2023-01-09", "Ban Thi đua – Khen thưởng tỉnh"),
            R("nghi_quyet", "09", "2022/NQ-HĐND", "09/2022/NQ-HĐND", "2022-07-14", "HĐND tỉnh"),
            R("cong_van", "4127", "UBND-KGVX", "4127/UBND-KGVX", "2022-12-20", "UBND tỉnh"),
            R("chuong_trinh", "21", "CTr/HU", "21-CTR/HU", "2021-03-15", "Huyện ủy Lục Ngạn"),
            R("nghi_dinh", "91", "2017/NĐ-CP", "91/2017/NĐ-CP", "2017-07-31", "Chính phủ"),
            R("thong_tu", "12", "2019/TT-BNV", "12/2019/TT-BNV", "2019-11-04", "Bộ Nội vụ"),
            R("quyet_dinh", "36", "2017/QĐ-UBND", "36/2017/QĐ-UBND", "2017-10-17", "UBND tỉnh"),
        ],
        "campaigns": ["Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
                      "Toàn dân đoàn kết xây dựng đời sống văn hóa",
                      "Nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững",
                      "Bắc Giang chung sức xây dựng nông thôn mới"],
        "dates": ["2023-02-08", "2023-01-24", "2021-07-21", "2021-11-26", "2023-01-09", "2022-07-14",
                  "2022-12-20", "2021-03-15", "2023-02-01", "2023-11-30", "2023-12-15", "2017-07-31",
                  "2019-11-04", "2017-10-17", "2024-01-01", "2023-01-20"],
        "awards": [
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 3), A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 5),
            A("Giấy khen", "Chủ tịch UBND huyện", "tập thể", 27), A("Giấy khen", "Chủ tịch UBND huyện", "cá nhân", 46),
            A("Cờ thi đua", "Chủ tịch UBND tỉnh", "tập thể", 1),
        ],
        "locations": [L("Lục Ngạn", "district"), L("Bắc Giang", "province"), L("Tân Sơn", "commune"),
                      L("Sa Lý", "commune"), L("Phong Minh", "commune"), L("Chũ", "town"),
                      L("Lục Nam", "district"), L("Sơn Động", "district")],
        "notes": "'Kế hoạch số 245/KH-UBND ngày 26-11' takes its year from 'cuối năm 2021' in the same sentence "
                 "(2021-11-26), not from the article date (the latest 26 Nov before Feb 2023 would be 2022). "
                 "'chiều 20/1' (the 2022 review held in the article's January) is 2023-01-20. The quoted plan title "
                 "inside QĐ 1258 repeats the campaign name; the campaign is one. 'phong trào thi đua Bắc Giang chung "
                 "sức xây dựng nông thôn mới' is unquoted but named. Not campaigns: Quỹ “Vì người nghèo” (a fund), "
                 "nhà “Đại đoàn kết” (a house type), “Lá lành đùm lá rách” (slogan), the 2023 theme “Năm chuyển đổi "
                 "số…”. Luật Thi đua, khen thưởng năm 2003/2022 have no number: not references. 2/3, 29/29 are "
                 "ratios; 50 triệu đồng/nhà is money; 5.286,4 triệu and 642,35 tỷ đồng are money. The proposal of a "
                 "flag for xã Tân Sơn is a row (proposed), as in eval/dev.",
    },
    "p10b03_traon_kl01": {
        "references": [
            R("ket_luan", "01", "KL/TW", "01-KL/TW", "2021-05-18", "Bộ Chính trị"),
            R("chi_thi", "05", "CT/TW", "05-CT/TW", "2016-05-15", "Bộ Chính trị"),
            R("chi_thi", "03", "CT/TW", "03-CT/TW", "2011-05-14", "Bộ Chính trị"),
            R("ke_hoach", "27", "KH/TU", "27-KH/TU", "2021-07-05", "Ban Thường vụ Tỉnh ủy Vĩnh Long"),
            R("ke_hoach", "18", "KH/HU", "18-KH/HU", "2021-07-26", "Ban Thường vụ Huyện ủy"),
            R("huong_dan", "21", "HD/BTGTW", "21-HD/BTGTW", "2021-09-22", "Ban Tuyên giáo Trung ương"),
            R("cong_van", "1052", "CV/BTGTU", "1052-CV/BTGTU", "2024-03-07", "Ban Tuyên giáo Tỉnh ủy"),
            R("ke_hoach", "45", "KH-UBND", "45/KH-UBND", "2023-03-03", "UBND huyện"),
            R("ke_hoach", "45", "KH-UBND", "45/KH-UBND", "2024-03-14", "UBND huyện"),
            R("nghi_quyet", "28", "2023/NQ-HĐND", "28/2023/NQ-HĐND", "2023-12-07", "HĐND tỉnh"),
            R("nghi_dinh", "98", "2023/NĐ-CP", "98/2023/NĐ-CP", None, "Chính phủ"),
            R("quyet_dinh", "17", "2024/QĐ-UBND", "17/2024/QĐ-UBND", "2024-06-26", "UBND tỉnh Vĩnh Long"),
        ],
        "campaigns": ["Toàn dân đoàn kết xây dựng đời sống văn hóa", "Dân vận khéo", "Ngày Chủ nhật xanh",
                      "Người Việt Nam ưu tiên dùng hàng Việt Nam"],
        "dates": ["2024-12-13", "2024-12-12", "2021-05-18", "2016-05-15", "2011-05-14", "2021-07-05",
                  "2021-07-26", "2021-09-22", "2024-03-07", "2023-03-03", "2024-03-14", "2023-12-07",
                  "2024-06-26", "2025-01-01", "2026-05-15"],
        "awards": [
            A("Giấy khen", "Chủ tịch UBND huyện", "tập thể", 146), A("Giấy khen", "Chủ tịch UBND huyện", "cá nhân", 312),
            A("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND huyện", "cá nhân", 87),
            A("Cờ thi đua", "UBND tỉnh", "tập thể", 1),
            A("Giấy khen", "Ban Thường vụ Huyện ủy", "tập thể", 12),
            A("Giấy khen", "Ban Thường vụ Huyện ủy", "cá nhân", 25),
            A("Bằng khen", "Ban Thường vụ Tỉnh ủy", "tập thể", 2), A("Bằng khen", "Ban Thường vụ Tỉnh ủy", "cá nhân", 3),
        ],
        "locations": [L("Trà Ôn", "district"), L("Vĩnh Long", "province"), L("Thiện Mỹ", "commune"),
                      L("Hựu Thành", "commune"), L("Trà Côn", "commune"), L("Vĩnh Xuân", "commune"),
                      L("Trà Ôn", "town"), L("Bình Minh", "district"), L("Vĩnh Long", "district")],
        "notes": "Two Kế hoạch 45/KH-UBND of the same UBND huyện, of 03/3/2023 and 14/3/2024 (UBND numbers restart "
                 "each year). 'Sáng 12-12' is 2024-12-12 from the article date; '14.5.2011' uses dots; '26 tháng 6 năm "
                 "2024' is the long form; '(15/5/2016 – 15/5/2026)' is a range. thị trấn Trà Ôn (town) and huyện Trà Ôn "
                 "(district), thành phố Vĩnh Long (a provincial city: district level) and tỉnh Vĩnh Long (province) "
                 "are two units each. 'cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam' is unquoted but named. "
                 "Not campaigns: the chuyên đề toàn khóa “Học tập và làm theo … phồn vinh, hạnh phúc” (a yearly/term "
                 "theme), the models “Bình ổn giá lúa” and “Nhà an toàn, khu dân cư an toàn”, the phương châm “Dân "
                 "biết, dân bàn…”, the titles “Gia đình văn hóa” and “Chiến sĩ thi đua cơ sở”, and 'học tập và làm "
                 "theo tư tưởng…' inside Chỉ thị 05's title. 14/14 and 59/59 are ratios; 16,2 tỷ đồng money; 96,2% "
                 "a ratio; '3 năm' a duration; 'tháng 11/2024' a month.",
    },
}


def main():
    write(HERE, GOLD, check_locations=True)


if __name__ == "__main__":
    main()
