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


class TestBatches:
    """add_many / write_many: one transaction, the same outcomes as one add after another."""

    def test_batch_sees_its_own_earlier_documents(self, ingestor, store):
        near = BODY.replace("Sáng ngày 29/1/2024", "Ngày 29/1/2024") + " (Theo Báo Hà Nội Mới)"
        results = ingestor.add_many([
            raw("https://a.vn/1", BODY),
            raw("https://b.vn/1", BODY),  # the same text: a second URL of the first
            raw("https://c.vn/1", near),  # a near-copy: grouped with the first
            raw("https://a.vn/2", article(2)),
            raw("https://a.vn/bad", b"%PDF-1.4 binary"),
            raw("https://a.vn/1", BODY),  # again: unchanged
        ])
        assert [r.status for r in results] == ["added", "duplicate", "added", "added", "failed", "unchanged"]
        first = results[0].id
        assert results[1].id == first and results[5].id == first
        assert store.get(results[2].id).duplicate_of == first
        assert store.get(first).urls == ["https://a.vn/1", "https://b.vn/1"]
        assert "PDF" in results[4].reason
        assert check_integrity(store) == []

    def test_batch_matches_one_by_one(self, thidua_home, tmp_path):
        docs = [raw(f"https://a.vn/{i % 7}", article(i % 9)) for i in range(20)]
        with CorpusStore.open(tmp_path / "one") as s:
            one = [Ingestor(s, extractor=stub_extractor()).add(d) for d in docs]
        with CorpusStore.open(tmp_path / "many") as s:
            many = Ingestor(s, extractor=stub_extractor()).add_many(docs)
            assert check_integrity(s) == []
        assert [(r.status, r.id) for r in many] == [(r.status, r.id) for r in one]

    def test_a_store_error_fails_one_document_not_the_batch(self, ingestor, store, monkeypatch):
        from thidua.corpus import ingest

        real = ingest.Ingestor._apply

        def apply(self, conn, plan, prep, *rest):
            if prep.raw.url.endswith("/boom"):
                conn.execute("INSERT INTO urls(url, doc_id, first_seen) VALUES ('x', 'no-such-doc', '')")  # FK error
            return real(self, conn, plan, prep, *rest)

        monkeypatch.setattr(ingest.Ingestor, "_apply", apply)
        results = ingestor.add_many([raw("https://a.vn/1", article(1)), raw("https://a.vn/boom", article(2)),
                                     raw("https://a.vn/3", article(3))])
        assert [r.status for r in results] == ["added", "failed", "added"]
        assert "not stored" in results[1].reason
        assert store.count() == 2 and not store.known_url("https://a.vn/boom")
        assert check_integrity(store) == []

    def test_prepare_is_picklable_for_worker_processes(self):
        import pickle

        from thidua.corpus.ingest import prepare

        prep = prepare(raw("https://a.vn/1", BODY, content_type="text/plain; charset=utf-8"), extractor=stub_extractor())
        again = pickle.loads(pickle.dumps(prep))
        assert again.extracted and again.chash == prep.chash and again.sig == prep.sig
