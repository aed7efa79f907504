"""Regenerate the decoding fixtures: one Vietnamese article in every encoding we accept,
plus inputs we must refuse. Run: `.venv/bin/python tests/data/make_fixtures.py`.

Every text variant decodes to exactly ARTICLE (the HTML variants too: their title is the
article's first line), so tests can compare facts and offsets across variants.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

HEADLINE = "Huyện Thạch Thất phát động phong trào thi đua năm 2024"
PARAGRAPHS = [
    "Sáng 05/3/2024, UBND huyện Thạch Thất tổ chức hội nghị phát động phong trào thi đua "
    "“Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 – 2025.",
    "Thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới "
    "công tác thi đua, khen thưởng, huyện đã ban hành Kế hoạch số 167/KH-UBND ngày 13/7/2023.",
    "Dịp này, Chủ tịch UBND huyện tặng Giấy khen cho 12 tập thể và 25 cá nhân có thành tích "
    "xuất sắc; xã Hữu Bằng nhận Bằng khen của Chủ tịch UBND thành phố Hà Nội.",
]
ARTICLE = "\n".join([HEADLINE, *PARAGRAPHS])
TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed base letters, tone marks as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def to_mojibake(text: str) -> bytes:
    """UTF-8 bytes read as Windows-1252 (its five holes as C1 controls), saved as UTF-8."""
    def char(b: int) -> str:
        try:
            return bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(b)

    return "".join(char(b) for b in text.encode("utf-8")).encode("utf-8")


def to_html(text: str, *, entities: bool) -> str:
    """A small news page: nav and footer boilerplate around the article, title = headline."""
    head, *paras = text.split("\n")
    if entities:  # numeric references, half of them without the closing `;`
        def esc(s: str) -> str:
            return "".join(
                c if ord(c) < 128 else (f"&#{ord(c)}" if i % 2 else f"&#x{ord(c):x};")
                for i, c in enumerate(s)
            )
    else:
        def esc(s: str) -> str:
            return s
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>{esc(head)}</title>"
        '<meta property="article:published_time" content="2024-03-05T09:30:00+07:00">'
        "<style>body{font-family:serif}</style><script>var x = '<p>không phải bài</p>';</script>"
        "</head><body>\n<nav><a href=\"/\">Trang chủ</a> | <a href=\"/thi-dua\">Thi đua</a></nav>\n"
        f"<article><h1>{esc(head)}</h1>\n{body}\n</article>\n"
        "<footer>Bản quyền thuộc Cổng thông tin điện tử huyện</footer></body></html>\n"
    )


FILES: dict[str, bytes] = {
    "article.txt": ARTICLE.encode("utf-8"),
    "article_bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
    "article_utf16.txt": ARTICLE.encode("utf-16"),  # with BOM
    "article_utf16le_nobom.txt": ARTICLE.encode("utf-16-le"),
    "article_cp1258.txt": to_cp1258(ARTICLE),
    "article_nfd.txt": unicodedata.normalize("NFD", ARTICLE).encode("utf-8"),
    "article_crlf.txt": ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    "article_mojibake.txt": to_mojibake(ARTICLE),
    "article.html": to_html(ARTICLE, entities=False).encode("utf-8"),
    "article_entities.html": to_html(ARTICLE, entities=True).encode("utf-8"),
    "article_cp1258.html": to_cp1258(
        to_html(ARTICLE, entities=False).replace('charset="utf-8"', 'charset="windows-1258"')
    ),
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n  \n",
    "fake.pdf.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
    "binary.dat": bytes(range(256)) * 4,
}


def main() -> None:
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(FILES)} files to {HERE}")


if __name__ == "__main__":
    main()
