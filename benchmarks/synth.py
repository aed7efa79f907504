"""N realistic documents from templates: StoredDocuments with Extractions whose offsets are right.

Varied provinces and districts (from the gazetteer, legacy names), references, campaigns and
award tallies; deterministic for a seed. ``python benchmarks/synth.py 5`` prints a few.
"""

from __future__ import annotations

import random
import sys
from datetime import date

from thidua.corpus.models import StoredDocument
from thidua.nlp.models import AwardTally, Campaign, Extraction, Location, Reference

REFS = [("chi_thi", "34", "CT/TW", "-", "Bộ Chính trị"), ("chi_thi", "05", "CT/TW", "-", "Bộ Chính trị"),
        ("ket_luan", "01", "KL/TW", "-", "Bộ Chính trị"), ("nghi_quyet", "43", "NQ/TW", "-", "Ban Chấp hành Trung ương"),
        ("quyet_dinh", "1526", "QĐ-TTg", "/", "Thủ tướng Chính phủ"), ("ke_hoach", "167", "KH-UBND", "/", "UBND quận"),
        ("ke_hoach", "343", "KH-UBND", "/", "UBND tỉnh"), ("chi_thi", "18", "CT-TTg", "/", "Thủ tướng Chính phủ"),
        ("nghi_dinh", "98", "NĐ-CP", "/", "Chính phủ"), ("chuong_trinh", "01", "CTr-UBND", "/", "UBND huyện")]
KIND_NAME = {"chi_thi": "Chỉ thị", "ket_luan": "Kết luận", "nghi_quyet": "Nghị quyết", "quyet_dinh": "Quyết định",
             "ke_hoach": "Kế hoạch", "nghi_dinh": "Nghị định", "chuong_trinh": "Chương trình"}
CAMPAIGNS = ["Vì người nghèo – Không để ai bị bỏ lại phía sau", "Cả nước chung sức xây dựng nông thôn mới",
             "Toàn dân đoàn kết xây dựng đời sống văn hóa", "Dân vận khéo", "Người tốt, việc tốt",
             "Cả nước thi đua đổi mới sáng tạo trong quản lý, sản xuất và kinh doanh",
             "Chung tay xóa nhà tạm, nhà dột nát", "Thi đua yêu nước"]
AWARDS = [("Bằng khen", "tập thể"), ("Bằng khen", "cá nhân"), ("Giấy khen", "cá nhân"), ("Giấy khen", "tập thể"),
          ("Chiến sĩ thi đua cơ sở", "cá nhân"), ("Lao động tiên tiến", "cá nhân"),
          ("Huân chương Lao động hạng Ba", "tập thể"), ("Cờ thi đua", "tập thể")]
FILLER = [
    "Các cấp, các ngành tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Công tác thi đua, khen thưởng đã tạo động lực quan trọng góp phần hoàn thành thắng lợi nhiệm vụ phát triển kinh tế – xã hội, bảo đảm quốc phòng, an ninh.",
    "Nhiều mô hình hay, cách làm sáng tạo được nhân rộng; các điển hình tiên tiến được phát hiện, bồi dưỡng và tuyên truyền kịp thời.",
    "Hội nghị đánh giá kết quả thực hiện nhiệm vụ năm, đề ra phương hướng và giải pháp trọng tâm cho giai đoạn tiếp theo.",
    "Đảng bộ, chính quyền và nhân dân địa phương đoàn kết, chung sức xây dựng quê hương ngày càng giàu đẹp, văn minh.",
    "Các cơ quan, đơn vị chủ động xây dựng kế hoạch, đăng ký giao ước thi đua và tổ chức ký kết giao ước thi đua ngay từ đầu năm.",
    "Lãnh đạo địa phương yêu cầu tiếp tục nâng cao chất lượng, hiệu quả công tác thi đua, khen thưởng, bảo đảm chính xác, công khai, minh bạch, kịp thời.",
]


def _units() -> list[tuple[str, str]]:
    try:
        from thidua.nlp import gazetteer

        g = gazetteer.load()
        return [(u.province, u.name) for u in g.units if u.level == "district" and u.era == "legacy"]
    except Exception:
        return [("Hà Nội", "Đống Đa"), ("Hà Nội", "Thanh Xuân"), ("Hà Giang", "Bắc Mê"), ("Nghệ An", "Diễn Châu")]


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        return start, self.n

    def text(self) -> str:
        return "".join(self.parts)


def make(i: int, rng: random.Random, units: list[tuple[str, str]]) -> StoredDocument:
    province, district = rng.choice(units)
    year = rng.randint(2015, 2025)
    published = date(year, rng.randint(1, 12), rng.randint(1, 28))
    camp = rng.choice(CAMPAIGNS)
    ex = Extraction(source=f"synth-{i}")
    b = _Builder()
    title = f"{district} đẩy mạnh phong trào thi đua năm {year}"
    s, e = b.add(f"Huyện {district}")
    ex.locations.append(Location(f"Huyện {district}", s, e, name=district, level="district", province=province))
    b.add(f" ({province}) tổ chức hội nghị tổng kết phong trào thi đua yêu nước năm {year}. ")
    for _ in range(rng.randint(1, 3)):
        kind, num, sym, sep, issuer = rng.choice(REFS)
        surface = f"{KIND_NAME[kind]} số {num}{sep}{sym}"
        b.add("Thực hiện ")
        s, e = b.add(surface)
        ex.references.append(Reference(surface, s, e, kind=kind, number=num, symbol=sym, id=f"{num}{sep}{sym.upper()}",
                                       issuer=issuer))
        b.add(f" của {issuer}, {rng.choice(FILLER)[0].lower()}{rng.choice(FILLER)[1:]} ")
    b.add("Địa phương phát động phong trào “")
    s, e = b.add(camp)
    ex.campaigns.append(Campaign(camp, s, e, name=camp, canonical=camp))
    b.add("”. ")
    for _ in range(rng.randint(2, 4)):
        b.add(rng.choice(FILLER) + " ")
    b.add(f"Dịp này, Chủ tịch UBND huyện {district} đã tặng ")
    n_awards = rng.randint(1, 3)
    for k in range(n_awards):
        award, recipient = rng.choice(AWARDS)
        count = rng.randint(1, 300)
        surface = f"{award} cho {count} {recipient}"
        s, e = b.add(surface)
        ex.awards.append(AwardTally(surface, s, e, award=award, recipient=recipient, count=count,
                                    grantor=f"UBND huyện {district}", proposed=rng.random() < 0.1))
        b.add("; " if k < n_awards - 1 else "")
    b.add(". " + rng.choice(FILLER))
    text = b.text()
    ex.text = text
    return StoredDocument(id=f"synth-{i:06d}", url=f"https://synth.example.vn/{i}", source="synth", text=text,
                          extraction=ex, title=title, published=published)


def generate(n: int, seed: int = 6):
    rng = random.Random(seed)
    units = _units()
    for i in range(n):
        yield make(i, rng, units)


if __name__ == "__main__":
    for d in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 2):
        print(d.title, "\n", d.text, "\n")
