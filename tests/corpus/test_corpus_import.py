"""`thidua import`, `thidua corpus export`, the sample corpus."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers import BODY, article
from typer.testing import CliRunner

from thidua.cli import app
from thidua.corpus.store import CorpusStore, check_integrity
from thidua.nlp.models import Extraction
from thidua.nlp.text import normalize_text

runner = CliRunner()


@pytest.fixture(autouse=True)
def stub_extraction(request, monkeypatch):
    """The extractors are filled in by others as we go: these tests stub them, except where marked."""
    if "real_extractor" not in request.keywords:
        from helpers import stub_extractor

        monkeypatch.setattr("thidua.nlp.pipeline.extract", stub_extractor())


def run(*args: str):
    return runner.invoke(app, list(args))


def summary(result) -> dict[str, int]:
    line = next(l for l in result.stdout.splitlines() if l.startswith("added "))
    return {k: int(v) for k, v in (part.rsplit(" ", 1) for part in line.split(", "))}


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(BODY, encoding="utf-8")
    (d / "b.html").write_text(f"<html><head><title>B</title></head><body><p>{article(2)}</p></body></html>", encoding="utf-8")
    (d / "sub" / "c.txt").write_text(article(3), encoding="utf-8")
    (d / "notes.md").write_text("not imported: not .txt/.html", encoding="utf-8")
    return d


class TestImport:
    def test_folder_twice_is_unchanged(self, thidua_home, folder):
        first = run("import", str(folder))
        assert first.exit_code == 0, first.output
        assert summary(first) == {"added": 3, "updated": 0, "unchanged": 0, "duplicate": 0, "failed": 0}
        second = run("import", str(folder))
        assert summary(second)["unchanged"] == 3 and summary(second)["added"] == 0
        with CorpusStore.open() as s:
            assert s.count() == 3
            assert s.known_url((folder / "sub" / "c.txt").resolve().as_uri())

    def test_changed_file_is_updated(self, thidua_home, folder):
        run("import", str(folder))
        (folder / "a.txt").write_text(BODY + "\nĐã sửa.", encoding="utf-8")
        r = run("import", str(folder / "a.txt"))
        assert summary(r)["updated"] == 1
        with CorpusStore.open() as s:
            assert s.count() == 3

    def test_same_text_at_two_paths_is_one_document_with_two_urls(self, thidua_home, folder):
        (folder / "sub" / "copy-of-a.txt").write_text(BODY, encoding="utf-8")
        r = run("import", str(folder))
        assert summary(r)["duplicate"] == 1 and summary(r)["added"] == 3
        with CorpusStore.open() as s:
            docs = [d for d in s.iter_documents() if d.text == BODY]
            assert len(docs) == 1 and len(docs[0].urls) == 2

    def test_binary_file_fails_with_reason_and_others_are_stored(self, thidua_home, folder):
        (folder / "broken.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
        r = run("import", str(folder))
        assert r.exit_code == 0
        assert summary(r)["failed"] == 1 and summary(r)["added"] == 3
        assert "broken.txt" in r.stderr
        with CorpusStore.open() as s:
            assert s.count() == 3 and check_integrity(s) == []

    def test_nothing_processed_or_all_failed_exits_1(self, thidua_home, tmp_path):
        assert run("import", str(tmp_path / "missing")).exit_code == 1
        (tmp_path / "bin.txt").write_bytes(b"\x00" * 100)
        r = run("import", str(tmp_path / "bin.txt"))
        assert r.exit_code == 1 and summary(r)["failed"] == 1
        assert run("import").exit_code == 2

    def test_metadata_json_gives_url_title_date_and_source(self, thidua_home, folder):
        (folder / "metadata.json").write_text(json.dumps({
            "a.txt": {"url": "https://tayho.hanoi.gov.vn/bai-a", "title": "Bài A", "outlet": "Cổng Tây Hồ",
                      "published": "2023-03-09", "district": "Tây Hồ", "province": "Hà Nội"},
        }, ensure_ascii=False), encoding="utf-8")
        run("import", str(folder))
        with CorpusStore.open() as s:
            assert s.known_url("https://tayho.hanoi.gov.vn/bai-a")
            doc = s.get(s.doc_id_for_url("https://tayho.hanoi.gov.vn/bai-a"))
            assert (doc.title, doc.published, doc.source) == ("Bài A", date(2023, 3, 9), "Cổng Tây Hồ")
            assert s.meta(doc.id)["district"] == "Tây Hồ"


class TestExport:
    def test_export_round_trips(self, thidua_home, folder, tmp_path):
        run("import", str(folder))
        out = tmp_path / "corpus.jsonl"
        r = run("corpus", "export", "--format", "jsonl", "-o", str(out))
        assert r.exit_code == 0, r.output
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 3
        assert "\\u" not in out.read_text(encoding="utf-8")  # ensure_ascii=False: Vietnamese as written
        with CorpusStore.open() as s:
            for line in lines:
                rec = json.loads(line)
                assert {"id", "url", "title", "published", "text", "extraction"} <= rec.keys()
                ex = Extraction.from_dict(rec["extraction"])
                stored = s.get(rec["id"])
                assert ex.to_dict() == stored.extraction.to_dict()
                assert rec["text"] == stored.text and rec["urls"] == stored.urls

    def test_export_to_stdout(self, thidua_home, folder):
        run("import", str(folder))
        r = run("corpus", "export")
        assert len([l for l in r.stdout.splitlines() if l.startswith("{")]) == 3
        assert run("corpus", "export", "--format", "xml").exit_code == 2


class TestSample:
    @pytest.mark.real_extractor
    def test_sample_imports_five_documents_with_metadata(self, thidua_home):
        from thidua.corpus.sample import path

        meta = json.loads((path() / "metadata.json").read_text(encoding="utf-8"))
        r = run("import", "--sample")
        assert r.exit_code == 0, r.output
        assert summary(r)["added"] == 5
        with CorpusStore.open() as s:
            assert s.count() == 5 and check_integrity(s) == []
            assert s.count(include_duplicates=False) == 5  # related articles, not near-duplicates
            for name, entry in meta.items():
                url = entry["url"] or (path() / name).as_uri()
                doc = s.get(s.doc_id_for_url(url))
                assert doc.title == entry["title"]
                assert (doc.published.isoformat() if doc.published else None) == entry["published"] or (
                    entry["published"] is None)
                assert normalize_text((path() / name).read_text(encoding="utf-8")).startswith(doc.text[:40])
        assert summary(run("import", "--sample"))["unchanged"] == 5

    def test_sample_files_are_the_shared_seeds(self):
        from thidua.corpus.sample import files

        seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
        if not seeds.is_dir():
            pytest.skip("shared seeds not present")
        assert [f.name for f in files()] == sorted(p.name for p in seeds.glob("*.txt"))
        for f in files():
            assert f.read_bytes() == (seeds / f.name).read_bytes()
