"""decode_document: every accepted encoding gives the same NFC text; bad input is refused
with a message that names the file and says what to do."""

from __future__ import annotations

import time
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from thidua.nlp.decode import DecodeError, decode_document, repair_mojibake
from thidua.nlp.html_text import TRAFILATURA_MAX_CHARS

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLE = (DATA / "article.txt").read_text(encoding="utf-8")
HEADLINE = ARTICLE.split("\n", 1)[0]


def decode(name: str):
    return decode_document((DATA / name).read_bytes(), name=name)


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("article.txt", "utf-8"),
        ("article_bom.txt", "utf-8-sig"),
        ("article_utf16.txt", "utf-16"),
        ("article_utf16le_nobom.txt", "utf-16-le"),
        ("article_cp1258.txt", "cp1258"),
        ("article_nfd.txt", "utf-8"),
        ("article_crlf.txt", "utf-8"),
        ("article_mojibake.txt", "utf-8"),
    ],
)
def test_text_variants_decode_to_the_same_nfc_text(name, encoding):
    doc = decode(name)
    assert doc.text == ARTICLE
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.encoding == encoding
    assert not doc.is_html


@pytest.mark.parametrize("name", ["article.html", "article_entities.html", "article_cp1258.html"])
def test_html_variants_give_title_line_then_article(name):
    doc = decode(name)
    assert doc.is_html
    assert doc.text == ARTICLE  # headline first, nav/footer/script dropped, entities decoded
    assert doc.title == HEADLINE
    assert doc.published == date(2024, 3, 5)


def test_utf16_big_endian_without_bom():
    assert decode_document(ARTICLE.encode("utf-16-be")).text == ARTICLE


def test_short_cp1258_is_not_read_as_another_script():
    # "thi đua" in Windows-1258 is 7 bytes: charset-normalizer alone guesses badly here.
    assert decode_document("thi đua".encode("cp1258")).text == "thi đua"
    tone = "Việt".replace("ệ", "ê\u0323").encode("cp1258")
    assert decode_document(tone).text == "Việt"


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("thi Ä‘ua", "thi đua"),
        ("Chá»‰ thá»‹ sá»‘ 34", "Chỉ thị số 34"),
        ("phong trÃ\xa0o â€œVÃ¬ ngÆ°á»\x9di nghÃ¨oâ€\x9d", "phong trào “Vì người nghèo”"),
        ("Hà Nội, Âu Cơ, “Ái quốc”", "Hà Nội, Âu Cơ, “Ái quốc”"),  # genuine text is left alone
    ],
)
def test_mojibake_repair(raw, want):
    assert repair_mojibake(raw) == want
    assert decode_document(raw.encode("utf-8")).text == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("thi &#273ua &#x111ua", "thi đua đua"),
        ("thi &#273;ua &amp; khen th&#432;&#7903;ng", "thi đua & khen thưởng"),
        ("AT&T và R&D", "AT&T và R&D"),  # no entity: untouched
        ("&lt;p&gt; là thẻ", "<p> là thẻ"),
    ],
)
def test_entities_in_plain_text(raw, want):
    doc = decode_document(raw.encode("utf-8"))
    assert doc.text == want
    assert not doc.is_html


def test_html_detected_from_content_not_name():
    doc = decode_document(b"<p>Ph\xc3\xa1t \xc4\x91\xe1\xbb\x99ng thi &#273ua</p>", name="x.txt")
    assert doc.is_html and doc.text == "Phát động thi đua"
    assert not decode_document("Giá trị x < 5 và y > 3".encode()).is_html


def test_html_fallback_to_visible_text_when_trafilatura_finds_too_little():
    page = (
        "<html><head><title>Tin vắn</title><script>var a = 'bỏ qua';</script></head><body>"
        "<div>Xã Hữu Bằng</div><div>tặng Giấy khen cho 3 hộ</div><td>ngày 05/3/2024</td>"
        "</body></html>"
    )
    doc = decode_document(page.encode())
    assert doc.text.split("\n")[0] == "Tin vắn"
    for piece in ("Xã Hữu Bằng", "tặng Giấy khen cho 3 hộ", "ngày 05/3/2024"):
        assert piece in doc.text
    assert "bỏ qua" not in doc.text


def test_huge_html_does_not_blow_up():
    para = "<div><p>UBND huyện Thạch Thất tặng Giấy khen cho 12 tập thể ngày 05/3/2024.</p></div>"
    page = "<html><body>" + para * (TRAFILATURA_MAX_CHARS // len(para) + 100) + "</body></html>"
    t = time.perf_counter()
    doc = decode_document(page.encode())
    assert time.perf_counter() - t < 30
    assert doc.is_html and doc.text.count("tặng Giấy khen cho 12 tập thể") > 1000


def test_deeply_nested_html_does_not_blow_up():
    page = "<html><body>" + "<div>" * 50_000 + "thi đua" + "</div>" * 50_000 + "</body></html>"
    decode_document(page.encode())  # no RecursionError; text may be cut by the parser


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (bytes(range(256)) * 4, "binary"),
        (b"abc\x01\x02\x03\x04\x05\x06\x07\x08 def", "binary"),
        (b"abc \x81\x8d\x90\x9d def", "encoding"),
        (b"\xff\xfeA\x00\x00\xd8", "UTF"),  # UTF-16 BOM, unpaired surrogate
    ],
)
def test_bad_input_is_refused_with_name_and_advice(data, words):
    with pytest.raises(DecodeError) as exc:
        decode_document(data, name="tai-lieu/bao-cao.bin")
    msg = str(exc.value)
    assert msg.startswith("tai-lieu/bao-cao.bin: ")
    assert words in msg
    assert any(w in msg for w in ("pass", "save", "re-save", "extract", "unpack", "decompress"))


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t\r\n ", "\ufeff".encode()])
def test_empty_or_blank_is_not_an_error(data):
    assert decode_document(data).text.strip() == ""


def test_clean_utf8_takes_the_fast_path(monkeypatch):
    """Clean UTF-8 text (NBSP and CRLF included) never reaches encoding detection.

    How fast that path is, is measured by benchmarks/extract.py, not asserted here."""
    import thidua.nlp.decode as decode

    def no_detection(*args, **kwargs):
        raise AssertionError("encoding detection ran on clean UTF-8")

    monkeypatch.setattr(decode, "_to_str", no_detection)
    text = (ARTICLE + "\r\n\u00a0") * 20
    got = decode_document(text.encode("utf-8"))
    assert got.encoding == "utf-8" and "\r" not in got.text and "\u00a0" not in got.text
    assert got.text.startswith(ARTICLE[:20])

def test_charset_from_http_content_type_is_a_candidate():
    data = "Приказ о награждении".encode("koi8-r")  # short: no charset guessing; only the header knows
    assert decode_document(data, content_type="text/plain; charset=KOI8-R").text == "Приказ о награждении"
    with pytest.raises(DecodeError):  # without it, no candidate reads as text
        decode_document(data)
    html = "<html><body><p>Thi đua khen thưởng năm 2024</p></body></html>"
    # Valid UTF-8 stays UTF-8 whatever the header claims (servers often mislabel pages).
    assert "Thi đua khen thưởng" in decode_document(html.encode(), content_type="text/html; charset=iso-8859-1").text
    assert decode_document(b"abc", content_type="text/html").text == "abc"
