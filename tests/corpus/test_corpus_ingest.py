"""Ingest: idempotent upserts, updates, exact and near duplicates, failures."""

from __future__ import annotations

import pytest
from helpers import BODY, article, raw, stub_extractor

from thidua.corpus.ingest import Ingestor
from thidua.corpus.store import CorpusStore, check_integrity


class TestIdempotent:
    def test_same_page_twice_is_unchanged(self, ingestor, store):
        first = ingestor.add(raw("https://a.vn/1", BODY))
        before = store.conn.execute("SELECT * FROM documents").fetchall()
        second = ingestor.add(raw("https://a.vn/1", BODY))
        assert (first.status, second.status) == ("added", "unchanged")
        assert second.id == first.id
        assert [tuple(r) for r in store.conn.execute("SELECT * FROM documents")] == [tuple(r) for r in before]
        assert store.count() == 1

    def test_id_is_stable_from_the_canonical_url(self, thidua_home):
        with CorpusStore.open() as s:
            a = Ingestor(s, extractor=stub_extractor()).add(raw("https://a.vn/x?utm=1", BODY, canonical_url="https://a.vn/x"))
        assert a.status == "added"
        with CorpusStore.open() as s:
            b = Ingestor(s, extractor=stub_extractor()).add(raw("https://a.vn/x", BODY))
            assert s.known_url("https://a.vn/x") and s.known_url("https://a.vn/x?utm=1")
        assert (b.status, b.id) == ("unchanged", a.id)


class TestUpdate:
    def test_changed_page_is_updated_not_duplicated(self, ingestor, store):
        a = ingestor.add(raw("https://a.vn/1", BODY))
        b = ingestor.add(raw("https://a.vn/1", BODY + " Tin cập nhật: thêm 5 tập thể được khen thưởng."))
        assert (b.status, b.id) == ("updated", a.id)
        assert store.count() == 1
        assert store.get(a.id).text.endswith("khen thưởng.")
        assert check_integrity(store) == []

    def test_validators_are_kept_per_url(self, ingestor, store):
        ingestor.add(raw("https://a.vn/1", BODY, etag='"abc"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT"))
        assert store.validators("https://a.vn/1") == ('"abc"', "Mon, 01 Jan 2024 00:00:00 GMT")
        r = ingestor.add(raw("https://a.vn/1", BODY, etag='"def"'))
        assert r.status == "unchanged"
        assert store.validators("https://a.vn/1") == ('"def"', None)
        assert store.validators("https://a.vn/never") is None
        assert not store.known_url("https://a.vn/never")


class TestDuplicates:
    def test_same_text_at_two_urls_is_one_document(self, ingestor, store):
        a = ingestor.add(raw("https://a.vn/1", BODY))
        b = ingestor.add(raw("https://b.vn/2", "  " + BODY.replace(". ", ".  \n") + "\n"))  # same after normalising
        assert b.status == "duplicate" and b.id == a.id and a.id in b.reason
        assert store.count() == 1
        assert store.get(a.id).urls == ["https://a.vn/1", "https://b.vn/2"]
        assert ingestor.add(raw("https://b.vn/2", BODY)).status == "unchanged"

    def test_a_changed_page_leaves_the_other_url_with_the_old_text(self, ingestor, store):
        a = ingestor.add(raw("https://a.vn/1", BODY))
        ingestor.add(raw("https://b.vn/2", BODY))
        b = ingestor.add(raw("https://a.vn/1", article(7)))
        assert b.status == "added" and b.id != a.id and a.id in b.reason
        old, new = store.get(a.id), store.get(b.id)
        assert (old.text, old.urls, old.url) == (BODY, ["https://b.vn/2"], "https://b.vn/2")
        assert (new.text, new.urls) == (article(7), ["https://a.vn/1"])
        assert check_integrity(store) == []
        assert ingestor.add(raw("https://a.vn/1", article(7))).status == "unchanged"

    def test_near_copy_with_other_header_and_footer_is_grouped(self, ingestor, store):
        a = ingestor.add(raw("https://a.vn/1", "Báo A - Trang chủ | Thời sự\n" + BODY + "\nBản quyền © Báo A"))
        b = ingestor.add(raw("https://b.vn/9", "Cổng thông tin huyện\nTin tức - sự kiện\n" + BODY + "\nGửi bình luận"))
        c = ingestor.add(raw("https://c.vn/3", "Nguồn: Báo C\n" + BODY + "\nLiên hệ quảng cáo"))
        assert [a.status, b.status, c.status] == ["added", "added", "added"]
        assert store.get(b.id).duplicate_of == a.id and store.get(c.id).duplicate_of == a.id
        assert store.get(a.id).duplicate_of is None
        assert [d.id for d in store.iter_documents()] == [a.id]
        assert len(list(store.iter_documents(include_duplicates=True))) == 3

    def test_different_articles_are_not_grouped(self, ingestor, store):
        ids = [ingestor.add(raw(f"https://a.vn/{i}", article(i))).id for i in range(20)]
        assert len(set(ids)) == 20
        assert store.count(include_duplicates=False) == 20

    def test_near_index_is_rebuilt_when_the_store_reopens(self, thidua_home):
        with CorpusStore.open() as s:
            a = Ingestor(s, extractor=stub_extractor()).add(raw("https://a.vn/1", "Đầu trang A\n" + BODY))
        with CorpusStore.open() as s:
            b = Ingestor(s, extractor=stub_extractor()).add(raw("https://b.vn/1", "Đầu trang B khác\n" + BODY + "\nChân trang"))
            assert s.get(b.id).duplicate_of == a.id


class TestFailures:
    def test_binary_file_fails_with_a_reason_and_others_are_stored(self, ingestor, store):
        results = [
            ingestor.add(raw("https://a.vn/1", BODY)),
            ingestor.add(raw("file:///tmp/x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))),
            ingestor.add(raw("https://a.vn/3", article(3))),
        ]
        assert [r.status for r in results] == ["added", "failed", "added"]
        assert results[1].reason and "x.txt" in results[1].reason
        assert store.count() == 2 and not store.known_url("file:///tmp/x.txt")

    def test_empty_text_fails(self, ingestor):
        r = ingestor.add(raw("https://a.vn/empty", "   \n\n"))
        assert r.status == "failed" and "no text" in r.reason

    def test_extractor_error_fails_with_its_reason(self, store):
        def boom(text, **kw):
            raise RuntimeError("rule exploded")

        r = Ingestor(store, extractor=boom).add(raw("https://a.vn/1", BODY))
        assert r.status == "failed" and "rule exploded" in r.reason
        assert store.count() == 0


class TestStoredDocument:
    @pytest.mark.real_extractor
    def test_fields_raw_bytes_and_extraction_round_trip(self, ingestor, store):
        from datetime import date

        content = BODY.encode("utf-8")
        r = ingestor.add(raw("https://a.vn/1", content, title="Tiêu đề", published=date(2024, 1, 29), etag="e1"))
        doc = store.get(r.id)
        assert (doc.url, doc.title, doc.published, doc.source) == ("https://a.vn/1", "Tiêu đề", date(2024, 1, 29), "test")
        assert doc.text == BODY and doc.extraction.text == BODY and doc.content_hash
        assert doc.extractor_version and doc.extraction.extractor_version == doc.extractor_version
        assert store.raw(r.id) == content
        for fact_type in ("references", "dates", "awards", "locations", "campaigns"):
            for f in getattr(doc.extraction, fact_type):
                assert doc.text[f.start:f.end] == f.surface
        assert store.get("nope") is None
