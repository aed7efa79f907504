"""Hand annotations of the dev articles (texts/), written as gold JSON in the shared format.

These are articles written for this project from how provincial outlets and portals report
thi đua – khen thưởng (other provinces, Ho Chi Minh City's numbered districts, post-July-2025
wards and communes, central awards), to measure the extractor on text its rules were not
written from. Run it after editing an annotation: `python eval/dev/make_gold.py`.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldkit import A, L, R, write  # noqa: E402,F401


GOLD = {
    "dev01_nghean": {
        "references": [
            R("ke_hoach", "125", "KH-UBND", "125/KH-UBND", "2023-03-15", "UBND tỉnh Nghệ An"),
            R("quyet_dinh", "36", "2017/QĐ-UBND", "36/2017/QĐ-UBND", None, "UBND tỉnh"),
            R("chi_thi", "34", "CT/TW", "34-CT/TW"),
            R("nghi_quyet", "26", "NQ/TU", "26-NQ/TU", "2021-11-04", "Ban Chấp hành Đảng bộ tỉnh"),
        ],
        "campaigns": ["Nghệ An chung sức xây dựng nông thôn mới", "Toàn dân đoàn kết xây dựng đời sống văn hóa",
                      "Người tốt, việc tốt"],
        "dates": ["2024-01-18", "2024-01-17", "2023-03-15", "2021-11-04"],
        "awards": [
            A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 5), A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 12),
            A("Tập thể lao động tiên tiến", "UBND huyện", "tập thể", 148),
            A("Lao động tiên tiến", "UBND huyện", "cá nhân", 2315),
            A("Giấy khen", "UBND huyện", "tập thể", 97), A("Giấy khen", "UBND huyện", "cá nhân", 230),
            A("Cờ thi đua", "Chủ tịch UBND tỉnh", "tập thể", 2),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 2),
        ],
        "locations": [L("Diễn Châu", "district"), L("Nghệ An", "province"), L("Diễn Kim", "commune"),
                      L("Diễn Thành", "town")],
        "notes": "21/37 is a ratio; 1.250,5 tỷ is money; '9 tháng' a duration. The proposal to the Prime Minister is a row (proposed).",
    },
    "dev02_postreform": {
        "references": [
            R("ke_hoach", "210", "KH-UBND", "210/KH-UBND", "2025-08-05", "UBND Thành phố"),
            R("ke_hoach", "45", "KH-UBND", "45/KH-UBND", "2025-08-12", "UBND phường"),
            R("nghi_dinh", "152", "2025/NĐ-CP", "152/2025/NĐ-CP", None, "Chính phủ"),
            R("thong_tu", "15", "2025/TT-BNV", "15/2025/TT-BNV", None, "Bộ Nội vụ"),
        ],
        "campaigns": ["120 ngày đêm", "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời",
                      "Bình dân học vụ số"],
        "dates": ["2025-08-21", "2025-08-20", "2025-07-01", "2025-08-05", "2025-08-12"],
        "awards": [A("Giấy khen", "Chủ tịch UBND phường", "tập thể", 15),
                   A("Giấy khen", "Chủ tịch UBND phường", "cá nhân", 42)],
        "locations": [L("Hoàn Kiếm", "ward"), L("Hà Nội", "province"), L("Hàng Bạc", "ward"), L("Hàng Bồ", "ward"),
                      L("Hàng Đào", "ward"), L("Tràng Tiền", "ward"), L("Phù Đổng", "commune"), L("Ba Đình", "ward")],
        "notes": "After the reform: wards and communes only, no district. 'Ngày 20-8' takes its year from the article date.",
    },
    "dev03_hcm": {
        "references": [
            R("chuong_trinh", "12", "CTr/QU", "12-CTR/QU", "2020-12-24", "Quận ủy"),
            R("chi_thi", "19", "CT-UBND", "19/CT-UBND", "2022-09-30", "UBND quận"),
        ],
        "campaigns": ["Dân vận khéo", "Người Việt Nam ưu tiên dùng hàng Việt Nam"],
        "dates": ["2024-05-14", "2020-12-24", "2022-09-30"],
        "awards": [
            A("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "tập thể", 1),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 3),
            A("Bằng khen", "Chủ tịch UBND TPHCM", "tập thể", 8),
            A("Bằng khen", "Chủ tịch UBND TPHCM", "cá nhân", 21),
        ],
        "locations": [L("Hồ Chí Minh", "province"), L("Quận 3", "district"), L("Quận 1", "district"),
                      L("Quận 10", "district"), L("Phú Nhuận", "district"), L("Võ Thị Sáu", "ward"),
                      L("Phường 9", "ward"), L("Phường 14", "ward")],
        "notes": "'10/10 phường' is a ratio; 14.5.2024 uses dots. Numbered districts and wards keep their number as the name.",
    },
    "dev04_central": {
        "references": [
            R("chi_thi", "41", "CT/TW", "41-CT/TW", "2024-11-25", "Ban Bí thư"),
            R("ket_luan", "77", "KL/TW", "77-KL/TW"),
            R("chi_thi", "19", "CT-TTg", "19/CT-TTG", "2023-07-27", "Thủ tướng Chính phủ"),
            R("nghi_dinh", "98", "2023/NĐ-CP", "98/2023/NĐ-CP", "2023-12-31", "Chính phủ"),
        ],
        "campaigns": ["Cả nước chung tay xóa nhà tạm, nhà dột nát trong năm 2025",
                      "Doanh nghiệp Việt Nam hội nhập và phát triển"],
        "dates": ["2025-01-10", "2025-01-09", "2024-11-25", "2023-07-27", "2023-12-31"],
        "awards": [
            A("Huân chương Độc lập hạng Ba", "Chủ tịch nước", "tập thể", 2),
            A("Huân chương Lao động hạng Nhất", "Chủ tịch nước", "tập thể", 6),
            A("Huân chương Lao động hạng Nhất", "Chủ tịch nước", "cá nhân", 4),
            A("Cờ thi đua của Chính phủ", "Thủ tướng Chính phủ", "tập thể", 153),
            A("Bằng khen", "Thủ tướng Chính phủ", "tập thể", 1286),
            A("Bằng khen", "Thủ tướng Chính phủ", "cá nhân", 3040),
            A("Chiến sĩ thi đua toàn quốc", None, "cá nhân", 95),
            A("Huân chương Lao động hạng Ba", "Chủ tịch nước", "tập thể", 12),
        ],
        "locations": [L("Hà Nội", "province")],
        "notes": "Slogan and the yearly theme are not campaigns. The Bộ Nội vụ proposal is a row (proposed).",
    },
}


def main():
    write(HERE, GOLD)


if __name__ == "__main__":
    main()
