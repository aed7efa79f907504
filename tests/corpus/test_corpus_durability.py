"""Kill mid-import, schema migrations, re-extraction."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from helpers import BODY, article, raw, stub_extractor

from thidua.corpus import store as store_mod
from thidua.corpus.ingest import Ingestor, reextract
from thidua.corpus.store import LATEST_VERSION, CorpusStore, check_integrity, connect, migrate, schema_version

# Imports files with a pause *inside* each write transaction (after the document row, before
# its URLs), so that a SIGKILL lands mid-transaction most of the time.
KILLED_IMPORT = textwrap.dedent("""
    import sys, time
    from thidua.corpus.ingest import Ingestor
    from thidua.corpus.importer import import_paths
    from thidua.corpus.store import CorpusStore
    from thidua.nlp.models import Extraction

    original = Ingestor._record_urls
    def slow_record_urls(conn, *a, **kw):
        time.sleep(0.05)
        return original(conn, *a, **kw)
    Ingestor._record_urls = staticmethod(slow_record_urls)
    with CorpusStore.open() as s:
        ing = Ingestor(s, extractor=lambda text, **kw: Extraction(extractor_version="0.1.0"))
        import_paths(ing, [sys.argv[1]])
""")


class TestKillMidImport:
    def test_sigkill_leaves_a_consistent_store(self, thidua_home, tmp_path):
        docs = tmp_path / "docs"
        docs.mkdir()
        n = 300
        for i in range(n):
            (docs / f"{i:04d}.txt").write_text(article(i), encoding="utf-8")
        script = tmp_path / "imp.py"
        script.write_text(KILLED_IMPORT, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, str(script), str(docs)], env={**os.environ})
        db = thidua_home / "corpus.sqlite3"
        deadline = time.time() + 60
        stored = 0
        while time.time() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    conn = connect(db)
                    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                    conn.close()
                except Exception:
                    stored = 0
                if stored >= 10:
                    break
            time.sleep(0.01)
        assert proc.poll() is None, "the import finished before it could be killed"
        time.sleep(0.02)  # land inside the pause of the next transaction
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL

        with CorpusStore.open() as s:
            assert check_integrity(s) == []
            kept = s.count()
            assert 10 <= kept < n
            for doc in s.iter_documents(include_duplicates=True):  # whole documents only
                assert doc.urls and doc.text and s.signature(doc.id) is not None
            summary = __import__("thidua.corpus.importer", fromlist=["x"]).import_paths(
                Ingestor(s, extractor=stub_extractor()), [docs])
            assert summary.counts["unchanged"] == kept and summary.counts["added"] == n - kept
            assert s.count() == n and check_integrity(s) == []

    def test_integrity_check_finds_a_half_document(self, store):
        Ingestor(store, extractor=stub_extractor()).add(raw("https://a.vn/1", BODY))
        with store.transaction() as c:
            c.execute("DELETE FROM urls")
        assert any("without a URL" in p for p in check_integrity(store))


class TestMigrations:
    def test_fresh_store_is_at_the_latest_version_and_reopening_is_a_no_op(self, thidua_home):
        with CorpusStore.open() as s:
            assert schema_version(s.conn) == LATEST_VERSION
            tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            assert {"documents", "urls", "signatures"} <= tables
            assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with CorpusStore.open() as s:
            assert migrate(s.conn) == []

    def test_a_v1_store_opens_under_v2_with_its_documents(self, thidua_home):
        thidua_home.mkdir(parents=True, exist_ok=True)
        conn = connect(thidua_home / "corpus.sqlite3")
        assert migrate(conn, target=1) == [1]
        conn.execute(
            "INSERT INTO documents(id, url, source, text, content_hash, extraction, extractor_version, added_at, updated_at) "
            "VALUES ('old1', 'https://a.vn/old', 'test', ?, 'h', ?, '0.0.1', 'now', 'now')",
            (BODY, json.dumps({"references": []})),
        )
        conn.execute("INSERT INTO urls(url, doc_id, first_seen) VALUES ('https://a.vn/old', 'old1', 'now')")
        conn.close()
        with CorpusStore.open() as s:
            assert schema_version(s.conn) == 2
            assert s.get("old1").text == BODY
            assert s.signature("old1") is not None  # backfilled by step 2
            assert check_integrity(s) == []
            r = Ingestor(s, extractor=stub_extractor()).add(raw("https://b.vn/new", "Tin mới\n" + BODY + "\nHết"))
            assert s.get(r.id).duplicate_of == "old1"

    def test_a_store_from_a_newer_thidua_is_refused(self, thidua_home):
        thidua_home.mkdir(parents=True, exist_ok=True)
        conn = connect(thidua_home / "corpus.sqlite3")
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        conn.close()
        try:
            CorpusStore.open()
        except store_mod.StoreError as exc:
            assert "upgrade thidua" in str(exc)
        else:
            raise AssertionError("a newer store was opened")


class TestReextract:
    def test_only_older_versions_are_re_extracted(self, store, monkeypatch):
        from thidua.nlp import pipeline

        ing = Ingestor(store, extractor=stub_extractor(version="0.1.0"))
        ids = [ing.add(raw(f"https://a.vn/{i}", article(i))).id for i in range(3)]
        store.conn.execute("UPDATE documents SET extractor_version = '0.0.9' WHERE id = ?", (ids[1],))
        monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "0.1.0")
        calls: list = []
        done, checked = reextract(store, extractor=stub_extractor(calls, version="0.1.0"))
        assert (done, checked) == (1, 3) and calls == ["https://a.vn/1"]
        assert store.get(ids[1]).extractor_version == "0.1.0"
        calls.clear()
        assert reextract(store, extractor=stub_extractor(calls))[0] == 0 and calls == []
        assert reextract(store, force=True, extractor=stub_extractor(calls))[0] == 3

    def test_new_version_re_extracts_everything_from_stored_text(self, store, monkeypatch):
        from thidua.nlp import pipeline

        ing = Ingestor(store, extractor=stub_extractor(version="0.1.0"))
        ing.add(raw("https://a.vn/1", BODY))
        monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "0.2.0")
        seen: list = []

        def spy(text, **kw):
            seen.append(text)
            return stub_extractor(version="0.2.0")(text, **kw)

        assert reextract(store, extractor=spy) == (1, 1)
        assert seen == [BODY]
        assert [d.extractor_version for d in store.iter_documents()] == ["0.2.0"]

    def test_reextract_command_runs(self, thidua_home, monkeypatch):
        from typer.testing import CliRunner

        monkeypatch.setattr("thidua.nlp.pipeline.extract", stub_extractor())
        from thidua.cli import app

        runner = CliRunner()
        assert runner.invoke(app, ["import", "--sample"]).exit_code == 0
        r = runner.invoke(app, ["reextract", "--all"])
        assert r.exit_code == 0 and "re-extracted 5 of 5" in r.stdout


class TestSignatureParameters:
    def test_signatures_made_with_other_parameters_are_recomputed_on_open(self, thidua_home):
        from thidua.corpus import dedup

        with CorpusStore.open() as s:
            r = Ingestor(s, extractor=stub_extractor()).add(raw("https://a.vn/1", BODY))
            good = s.signature(r.id).hashvalues.copy()
            with s.transaction() as c:
                c.execute("UPDATE signatures SET minhash = zeroblob(512)")
                c.execute("UPDATE store_info SET value = 'old' WHERE key = 'minhash'")
        with CorpusStore.open() as s:
            assert (s.signature(r.id).hashvalues == good).all()
            assert s.conn.execute("SELECT value FROM store_info").fetchone()[0] == dedup.PARAMS


class TestReextractFromRaw:
    def test_from_raw_re_decodes_the_stored_bytes(self, store, monkeypatch):
        from thidua.corpus import dedup

        r = Ingestor(store, extractor=stub_extractor()).add(raw("https://a.vn/1", BODY))
        # as if an older decoder had produced other text from the same bytes
        store.conn.execute("UPDATE documents SET text = 'văn bản cũ', content_hash = 'x' WHERE id = ?", (r.id,))
        calls: list = []
        assert reextract(store, force=True, from_raw=True, extractor=stub_extractor(calls))[0] == 1
        doc = store.get(r.id)
        assert doc.text == BODY and doc.content_hash == dedup.content_hash(BODY)
        assert check_integrity(store) == []


def test_stats_command(thidua_home, monkeypatch):
    from typer.testing import CliRunner

    from thidua.cli import app

    monkeypatch.setattr("thidua.nlp.pipeline.extract", stub_extractor())
    runner = CliRunner()
    runner.invoke(app, ["import", "--sample"])
    r = runner.invoke(app, ["corpus", "stats", "--json"])
    stats = json.loads(r.stdout)
    assert stats["documents"] == 5 and stats["urls"] == 5 and stats["schema_version"] == LATEST_VERSION
