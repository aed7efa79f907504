"""Small factories shared by the corpus tests."""

from __future__ import annotations

from datetime import datetime

from thidua.corpus.models import RawDocument
from thidua.nlp.models import Extraction

BODY = (
    "Sáng ngày 29/1/2024, UBND huyện Thạch Thất tổ chức hội nghị tổng kết công tác Thi đua - khen thưởng "
    "năm 2023 và phát động phong trào thi đua yêu nước năm 2024. Chủ tịch UBND Thành phố tặng Bằng khen cho "
    "22 tập thể và 10 cá nhân; UBND Huyện tặng danh hiệu “Lao động tiên tiến” cho 1.774 cá nhân. "
    "Thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, "
    "khen thưởng, các xã, thị trấn đã ký kết giao ước thi đua năm 2024 trước sự chứng kiến của lãnh đạo huyện. "
    "Hội nghị đề nghị các cơ quan, đơn vị đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, "
    "tổ chức tốt các đợt thi đua chào mừng các ngày lễ lớn, các sự kiện chính trị của Thủ đô và đất nước."
)


def article(n: int, words: int = 120) -> str:
    """A distinct synthetic article (no near-duplicates among different n)."""
    return f"Bài số {n}\n" + " ".join(f"từ{(n * 7919 + i * 104729) % 99991}" for i in range(words))


def raw(url: str, text: str | bytes, **kw) -> RawDocument:
    content = text.encode("utf-8") if isinstance(text, str) else text
    return RawDocument(url=url, content=content, source=kw.pop("source", "test"), fetched_at=datetime(2024, 1, 1), **kw)


def stub_extractor(calls: list | None = None, version: str = "0.1.0"):
    def run(text, *, source=None, published=None, normalized=False):
        if calls is not None:
            calls.append(source)
        return Extraction(source=source, extractor_version=version, text=text)

    return run
