"""The fixed corpus every contract case runs against (both backends)."""

from __future__ import annotations

from datetime import date

from factories import award, camp, loc, ref, stored


def build():
    docs = []
    t = ("Quận Đống Đa phát động phong trào thi đua yêu nước năm 2024. Thực hiện Chỉ thị số 34-CT/TW "
         "ngày 07/4/2014 của Bộ Chính trị, UBND quận Đống Đa tặng Bằng khen cho 12 tập thể.")
    docs.append(stored("d1", "Đống Đa phát động thi đua yêu nước", t, date(2024, 3, 1),
                       references=[ref(t, "Chỉ thị số 34-CT/TW", "chi_thi", "34", "CT/TW", "Bộ Chính trị", "2014-04-07")],
                       locations=[loc(t, "Quận Đống Đa", "Đống Đa", "district", "Hà Nội")],
                       awards=[award(t, "Bằng khen cho 12 tập thể", "Bằng khen", "tập thể", 12, "UBND quận Đống Đa")]))
    t = ("Huyện Đồng Đa tổ chức hội nghị. Theo Kế hoạch số 343/KH-UBND của UBND tỉnh Hà Giang, "
         "các xã đẩy mạnh phong trào “Cả nước chung sức xây dựng nông thôn mới”.")
    docs.append(stored("d2", "Hà Giang sơ kết phong trào nông thôn mới", t, date(2023, 6, 5),
                       references=[ref(t, "Kế hoạch số 343/KH-UBND", "ke_hoach", "343", "KH-UBND", "UBND tỉnh Hà Giang")],
                       locations=[loc(t, "tỉnh Hà Giang", "Hà Giang", "province", "Hà Giang")],
                       campaigns=[camp(t, "Cả nước chung sức xây dựng nông thôn mới")]))
    t = ("Kế hoạch số 1343/KH-UBND về công tác khen thưởng. Chủ tịch UBND quận Thanh Xuân "
         "trao Giấy khen cho 35 cá nhân và đề nghị tặng Bằng khen cho 5 tập thể.")
    docs.append(stored("d3", "Thanh Xuân khen thưởng", t, date(2024, 11, 20),
                       references=[ref(t, "Kế hoạch số 1343/KH-UBND", "ke_hoach", "1343", "KH-UBND", "UBND quận Thanh Xuân")],
                       locations=[loc(t, "quận Thanh Xuân", "Thanh Xuân", "district", "Hà Nội")],
                       awards=[award(t, "Giấy khen cho 35 cá nhân", "Giấy khen", "cá nhân", 35),
                               award(t, "Bằng khen cho 5 tập thể", "Bằng khen", "tập thể", 5, proposed=True)]))
    t = ("Tiếp tục quán triệt Chỉ thị 34 về công tác thi đua, khen thưởng; phong trào "
         "“Vì người nghèo – Không để ai bị bỏ lại phía sau” được Đống Đa hưởng ứng.")
    docs.append(stored("d4", "Quán triệt Chỉ thị 34", t, date(2023, 1, 9),
                       references=[ref(t, "Chỉ thị 34", "chi_thi", "34", None)],
                       locations=[loc(t, "Đống Đa", "Đống Đa", "district", "Hà Nội")],
                       campaigns=[camp(t, "Vì người nghèo – Không để ai bị bỏ lại phía sau")]))
    t = ("Tuyên Quang: UBND tỉnh tặng Bằng khen cho 20 tập thể và 30 cá nhân có thành tích trong "
         "phong trào “Cả nước chung sức xây dựng nông thôn mới”.")
    docs.append(stored("d5", "Tuyên Quang khen thưởng nông thôn mới", t, date(2025, 8, 1),
                       locations=[loc(t, "Tuyên Quang", "Tuyên Quang", "province", "Tuyên Quang")],
                       campaigns=[camp(t, "Cả nước chung sức xây dựng nông thôn mới")],
                       awards=[award(t, "Bằng khen cho 20 tập thể", "Bằng khen", "tập thể", 20, "UBND tỉnh"),
                               award(t, "30 cá nhân", "Bằng khen", "cá nhân", 30, "UBND tỉnh")]))
    t = "Dong Da la ten khong dau trong mot bai viet cu ve thi dua khen thuong."
    docs.append(stored("d6", "Bai viet khong dau", t, date(2022, 2, 2),
                       locations=[loc(t, "Dong Da", "Đống Đa", "district", "Hà Nội")]))
    t = "Bản tin thời tiết: trời nắng, không liên quan đến phong trào nào. Số liệu 343 và 34 CT."
    docs.append(stored("d7", "Thời tiết", t, None))
    return docs
