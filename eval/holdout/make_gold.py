"""Hand annotations of the holdout articles: written for this project and never used to write or
tune a rule (run once per change, scored, not looked at to fix single cases)."""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldkit import A, R  # noqa: E402,F401


GOLD = {
    "h01_quangninh": {
        "references": [R("chi_thi", "18", "CT/TU", "18-CT/TU", "2021-03-15"),
                       R("quyet_dinh", "4545", "QĐ-UBND", "4545/QĐ-UBND", "2023-12-26")],
        "campaigns": ["Người Việt Nam ưu tiên dùng hàng Việt Nam", "Toàn dân đoàn kết xây dựng đời sống văn hóa"],
        "dates": ["2024-12-06", "2021-03-15", "2023-12-26"],
        "awards": [A("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể", 45), A("Bằng khen", "Chủ tịch UBND tỉnh", "cá nhân", 78),
                   A("Cờ thi đua", "UBND tỉnh", "tập thể", 15), A("Cờ thi đua của Chính phủ", "Thủ tướng Chính phủ", "tập thể", 3)],
        "locations": [("Quảng Ninh", "province"), ("Hạ Long", "district"), ("Đông Triều", "district"), ("Cô Tô", "district")],
    },
    "h02_thanhhoa_edu": {
        "references": [R("huong_dan", "1234", "HD-SGDĐT", "1234/HD-SGDĐT")],
        "campaigns": ["Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo", "Đổi mới, sáng tạo trong dạy và học"],
        "dates": ["2024-08-12", "2023-09-05", "2024-05-31"],
        "awards": [A("Chiến sĩ thi đua cấp tỉnh", "UBND tỉnh", "cá nhân", 12),
                   A("Lao động tiên tiến", "Giám đốc Sở", "cá nhân", 1205),
                   A("Tập thể lao động xuất sắc", "Giám đốc Sở", "tập thể", 36)],
        "locations": [("Thanh Hóa", "province"), ("Quảng Xương", "district"), ("Hoằng Hóa", "district"), ("Sầm Sơn", "district")],
    },
    "h03_cantho_police": {
        "references": [R("ke_hoach", "97", "KH-CAT", "97/KH-CAT"), R("chi_thi", "09", "CT/TW", "09-CT/TW")],
        "campaigns": ["Toàn dân bảo vệ an ninh Tổ quốc"],
        "dates": ["2024-08-30", "2024-08-19"],
        "awards": [A("Huân chương Bảo vệ Tổ quốc hạng Ba", "Chủ tịch nước", "tập thể", 2),
                   A("Bằng khen", "Bộ trưởng Bộ Công an", "tập thể", 30), A("Bằng khen", "Bộ trưởng Bộ Công an", "cá nhân", 52),
                   A("Chiến sĩ thi đua cơ sở", None, "cá nhân", 7)],
        "locations": [("Cần Thơ", "province"), ("Ninh Kiều", "district"), ("Phong Điền", "district"), ("An Hòa", "ward")],
    },
}


def main():
    (HERE / "gold").mkdir(exist_ok=True)
    for name, g in GOLD.items():
        gold = {"references": g["references"], "campaigns": [{"name": c} for c in g["campaigns"]],
                "dates": [{"value": d} for d in g["dates"]], "awards": g["awards"],
                "locations": [{"name": n, "level": lv} for n, lv in g["locations"]]}
        (HERE / "gold" / f"{name}.json").write_text(json.dumps({"source": f"{name}.txt", "gold": gold},
                                                                ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
