"""Text helpers: NFC, folding with đ, Vietnamese numbers, sentence spans."""

from __future__ import annotations

import unicodedata

import pytest

from thidua.nlp.text import Context, fold, key, normalize_text, parse_int, split_sentences


class TestNormalize:
    def test_nfd_becomes_nfc(self):
        nfd = unicodedata.normalize("NFD", "Phong trào thi đua yêu nước")
        assert normalize_text(nfd) == "Phong trào thi đua yêu nước"

    def test_crlf_nbsp_and_zero_width(self):
        assert normalize_text("Quận\u00a0Ba Đình\r\nHuyện\u200b Gia Lâm\r") == "Quận Ba Đình\nHuyện Gia Lâm\n"

    def test_clean_text_is_returned_unchanged(self):
        s = "Chỉ thị số 34-CT/TW ngày 07/4/2014"
        assert normalize_text(s) is s


class TestFold:
    @pytest.mark.parametrize("raw, folded", [
        ("Đống Đa", "dong da"),
        ("ĐẢNG BỘ", "dang bo"),
        ("Thi đua yêu nước", "thi dua yeu nuoc"),
        ("Hưởng ứng", "huong ung"),
    ])
    def test_fold(self, raw, folded):
        assert fold(raw) == folded

    def test_key_unifies_dashes_quotes_and_case(self):
        a = key("“Vì người nghèo – Không để ai bị bỏ lại phía sau”")
        b = key("vì người nghèo-không để ai bị bỏ lại phía sau")
        assert a == b == "vi nguoi ngheo - khong de ai bi bo lai phia sau"


class TestParseInt:
    @pytest.mark.parametrize("raw, value", [
        ("1.774", 1774), ("03", 3), ("12.500.000", 12500000), ("25", 25),
        ("8.602,658", None), ("1,4", None), ("abc", None), ("1.77", None),
    ])
    def test_vietnamese_numbers(self, raw, value):
        assert parse_int(raw) == value


class TestSentences:
    def test_abbreviation_does_not_split(self):
        text = "Quận Tây Hồ (TP. Hà Nội) phát động thi đua. Huyện Gia Lâm hưởng ứng."
        spans = split_sentences(text)
        assert [text[s:e] for s, e in spans] == [
            "Quận Tây Hồ (TP. Hà Nội) phát động thi đua.",
            "Huyện Gia Lâm hưởng ứng.",
        ]

    def test_lines_are_sentences_and_semicolons_are_not(self):
        text = "Tiêu đề bài viết\nUBND tỉnh tặng Bằng khen cho 5 tập thể; Giấy khen cho 9 cá nhân.\n\n"
        spans = split_sentences(text)
        assert [text[s:e] for s, e in spans] == [
            "Tiêu đề bài viết",
            "UBND tỉnh tặng Bằng khen cho 5 tập thể; Giấy khen cho 9 cá nhân.",
        ]

    def test_sentence_at(self):
        ctx = Context("Câu một. Câu hai dài hơn.")
        assert ctx.text[slice(*ctx.sentence_at(12))] == "Câu hai dài hơn."

    def test_spans_agree_with_underthesea_on_prose(self):
        from underthesea import sent_tokenize

        text = ("Sáng 12/3, UBND huyện Nghi Lộc tổ chức hội nghị. Chủ tịch UBND huyện phát biểu chỉ đạo. "
                "Các xã, thị trấn ký giao ước thi đua năm 2024.")
        ours = [text[s:e] for s, e in split_sentences(text)]
        assert ours == [s.strip() for s in sent_tokenize(text)]
