"""Properties of the whole pipeline (decode → extract) that hold for any correct finder.

Documents are built from realistic Vietnamese sentences mixed with random text, so the
finders meet real facts: offsets must slice to surfaces, and the same document must give
the same facts whatever its normalisation form or its HTML wrapping.
"""

from __future__ import annotations

import html
import random
import re
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from thidua.nlp.decode import DecodeError, decode_document
from thidua.nlp.models import FACT_TYPES
from thidua.nlp.pipeline import extract

SENTENCES = [
    "Thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng.",
    "Căn cứ Kế hoạch số 167/KH-UBND ngày 13/7/2023 của UBND quận Thanh Xuân,",
    "UBND huyện Thạch Thất tặng Giấy khen cho 12 tập thể và 25 cá nhân.",
    "Chủ tịch UBND tỉnh Nghệ An tặng Bằng khen cho 1.774 cá nhân có thành tích xuất sắc.",
    "phong trào “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 – 2025",
    "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” đã lan tỏa sâu rộng.",
    "Hưởng ứng phong trào thi đua “Vì người nghèo – Không để ai bị bỏ lại phía sau”,",
    "Nghị quyết số 97 của HĐND tỉnh Quảng Ninh quy định mức chi khen thưởng.",
    "Xã Hữu Bằng được tặng Huân chương Lao động hạng Ba.",
    "Ngày 26-11, Phường Dịch Vọng Hậu tổ chức lễ tuyên dương.",
    "Kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 – 10/10/2024).",
    "Năm 2023, thị xã Sơn Tây có 21/21 xã, phường đạt chuẩn; 9 tháng đầu năm tăng 5,2%.",
    "Quyết định số 05/QĐ-UBND ngày 02/01/2024 công nhận danh hiệu “Lao động tiên tiến” cho 310 cá nhân.",
    "Tháng 8/2024, thành phố Hà Nội phát động đợt thi đua cao điểm.",
    "Theo Kết luận số 01-KL/TW ngày 15/8/2021 của Bộ Chính trị khóa XIII,",
    "Chương trình số 01/CTr-UBND ngày 05/01/2022 của UBND thị trấn Liên Quan.",
]
DATES = st.builds(
    lambda d, m, y, sep: f"ngày {d}{sep}{m}{sep}{y}",
    st.integers(1, 31), st.integers(1, 12), st.integers(1945, 2030), st.sampled_from(["/", "-", "."]),
)
# Random text that stays readable in HTML and plain text alike (no markup or entities).
WORDS = st.text(
    st.characters(categories=("L", "N", "Zs"), exclude_characters="&<>", max_codepoint=0x1EFF),
    max_size=25,
)
BLOCKS = st.one_of(st.sampled_from(SENTENCES), DATES, WORDS)
PARAGRAPH = st.lists(BLOCKS, min_size=1, max_size=5).map(" ".join)
DOCUMENT = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n".join)
SETTINGS = settings(deadline=None, max_examples=80, suppress_health_check=[HealthCheck.too_slow])


def facts(text: str) -> dict:
    """The five fact lists, as the CLI would print them, for already-decoded text."""
    out = extract(text, normalized=True).to_dict()
    return {k: out[k] for k in FACT_TYPES}


def decoded(data: bytes) -> str:
    return decode_document(data, name="<test>").text


def assert_offsets(text: str) -> None:
    result = extract(text, normalized=True)
    for kind in FACT_TYPES:
        for f in result.facts(kind):
            assert result.text[f.start:f.end] == f.surface, (kind, f)


@SETTINGS
@given(DOCUMENT)
def test_offsets_slice_to_surfaces(doc):
    assert_offsets(decoded(doc.encode("utf-8")))


@SETTINGS
@given(DOCUMENT)
def test_nfd_input_gives_the_same_text_and_facts_as_nfc(doc):
    nfc = decoded(unicodedata.normalize("NFC", doc).encode("utf-8"))
    nfd = decoded(unicodedata.normalize("NFD", doc).encode("utf-8"))
    assert nfd == nfc
    assert facts(nfd) == facts(nfc)


def _tidy(line: str) -> str:
    return " ".join(line.split())


def _escape(s: str, rnd: random.Random) -> str:
    """HTML-escape, and write some non-ASCII letters as numeric references, leaving out the
    `;` where that is unambiguous (`&#273ua`, but never `&#x1ea1c` for `ạc`)."""
    s = html.escape(s, quote=False)
    out = []
    for i, c in enumerate(s):
        if ord(c) > 127 and rnd.random() < 0.5:
            nxt = s[i + 1:i + 2]
            forms = [f"&#{ord(c)};", f"&#x{ord(c):x};"]
            if not nxt.isdigit():
                forms.append(f"&#{ord(c)}")
            if nxt not in set("0123456789abcdefABCDEF") or not nxt:
                forms.append(f"&#x{ord(c):X}")
            out.append(rnd.choice(forms))
        else:
            out.append(c)
    return "".join(out)


@settings(SETTINGS, max_examples=40)  # trafilatura costs a few ms a page
@given(st.sampled_from(SENTENCES), DOCUMENT, st.randoms(use_true_random=False))
def test_html_page_gives_exactly_the_plain_text_facts(headline, doc, rnd):
    # Exact by design: the page's title is the plain text's first line, each plain line
    # is one <p>, so the decoded page must equal the plain text character for character.
    # Distinct lines: trafilatura drops a paragraph that repeats the one before it.
    lines = list(dict.fromkeys(t for t in map(_tidy, [headline, *doc.split("\n")]) if t))
    plain = "\n".join(lines)
    body = "".join(f"<p>{_escape(line, rnd)}</p>\n" for line in lines[1:])
    page = (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{_escape(lines[0], rnd)}</title>"
        f"</head><body><article><h1>{_escape(lines[0], rnd)}</h1>\n{body}</article></body></html>"
    )
    from_html = decode_document(page.encode("utf-8"), name="<page>")
    from_text = decoded(plain.encode("utf-8"))
    assert from_html.is_html
    assert from_html.text == from_text
    assert facts(from_html.text) == facts(from_text)


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(s):
    try:
        assert_offsets(decoded(s.encode("utf-8")))
    except DecodeError:  # refused as binary: only for NULs or many control characters
        assert "\x00" in s or len(re.findall("[\x00-\x08\x0e-\x1f\x7f]", s)) > 2
    extract(s)  # un-normalised input goes through normalize_text itself


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_decode_or_raise_decode_error(data):
    try:
        doc = decode_document(data, name="x.bin")
    except DecodeError as exc:
        assert str(exc).startswith("x.bin: ")
        return
    assert unicodedata.is_normalized("NFC", doc.text)
    assert_offsets(doc.text)


# --- linear time on adversarial input ---------------------------------------------------

PIECES = [
    "Chỉ thị số ", "Nghị quyết số ", "Kế hoạch số ", "Quyết định số ", "huyện ", "xã ", "tỉnh ",
    "thành phố ", "phường ", "tặng Bằng khen cho ", "tặng Giấy khen cho ", "Huân chương ",
    "phong trào “", "cuộc vận động “", "”", "“", '"', "'", "ngày ", "tháng ", "năm ", "của ",
    "/", "//", ".", "..", "-", "–", " - ", "/KH-UBND", "-CT/TW", "/QĐ-", "UBND ", "&#273", "Ä‘",
    " ", "  ", "\n", ", ", "; ", "(", ")",
]


def adversarial(size: int, seed: int = 7) -> bytes:
    rnd = random.Random(seed)
    parts: list[str] = []
    n = 0
    while n < size:
        p = rnd.choice(PIECES) if rnd.random() < 0.6 else str(rnd.randint(0, 10 ** rnd.randint(1, 9)))
        parts.append(p)
        n += len(p)
    return "".join(parts).encode("utf-8")


def _run(data: bytes) -> float:
    t = time.perf_counter()
    doc = decode_document(data, name="adversarial.txt")
    extract(doc.text, normalized=True)
    return time.perf_counter() - t


@pytest.mark.slow
def test_adversarial_input_runs_in_linear_time():
    small, big = adversarial(5_000_000), adversarial(10_000_000)
    t_small = _run(small)
    assert t_small < 30, f"5 MB took {t_small:.1f} s"  # fail early rather than wait for 10 MB
    t_big = _run(big)
    assert t_big < 60, f"10 MB took {t_big:.1f} s"
    assert t_big < 3 * max(t_small, 0.5), f"5 MB: {t_small:.2f} s, 10 MB: {t_big:.2f} s"
