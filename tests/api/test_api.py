"""The API through the real app, over the sample corpus in the embedded index."""

from __future__ import annotations

import csv
import io

import pytest

FACETS = {"province", "district", "year", "reference", "campaign", "award"}


class TestSearch:
    def test_shape_of_interfaces_md(self, client):
        body = client.get("/api/search", params={"q": "thi đua"}).json()
        assert body["total"] == 5
        assert FACETS <= set(body["facets"])
        hit = body["hits"][0]
        assert {"id", "title", "url", "published", "highlights"} <= set(hit)
        for values in body["facets"].values():
            for v in values:
                assert set(v) >= {"value", "count"}

    def test_without_diacritics_finds_the_same(self, client):
        a = client.get("/api/search", params={"q": "Thạch Thất"}).json()
        b = client.get("/api/search", params={"q": "thach that"}).json()
        assert a["total"] == b["total"] >= 1
        assert {h["id"] for h in a["hits"]} == {h["id"] for h in b["hits"]}

    def test_facet_narrows(self, client):
        all_ = client.get("/api/search", params={"q": "thi đua"}).json()
        years = {v["value"]: v["count"] for v in all_["facets"]["year"]}
        year, count = max(years.items(), key=lambda kv: kv[1])
        narrowed = client.get("/api/search", params={"q": "thi đua", "year": year}).json()
        assert narrowed["total"] == count < all_["total"]
        assert all(h["published"].startswith(year) for h in narrowed["hits"])

    def test_document_number_as_typed(self, client):
        for q in ("34-CT/TW", "34 CT TW", "chỉ thị 34", "ct34"):
            assert client.get("/api/search", params={"q": q}).json()["total"] == 3, q

    @pytest.mark.parametrize("q", ['"', "((", "AND OR NOT", "*", "-", "thi đua\" OR (", "\x00", "🙂" * 50])
    def test_anything_typed_is_safe(self, client, q):
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 200, r.text


class TestDocuments:
    def test_offsets_point_into_text(self, client):
        hit = client.get("/api/search", params={"q": "Thạch Thất"}).json()["hits"][0]
        doc = client.get(f"/api/documents/{hit['id']}").json()
        ex = doc["extraction"]
        for kind in ("references", "campaigns", "dates", "awards", "locations"):
            for fact in ex[kind]:
                assert doc["text"][fact["start"]:fact["end"]] == fact["surface"]

    def test_unknown_document_is_404_json(self, client):
        r = client.get("/api/documents/does-not-exist")
        assert r.status_code == 404 and r.json()["error"]


class TestCitations:
    @pytest.mark.parametrize("ref", ["34-CT/TW", "34-ct/tw", "34 CT TW"])
    def test_directive_34_as_typed(self, client, ref):
        body = client.get("/api/citations", params={"ref": ref}).json()
        assert body["reference"]["id"] == "34-CT/TW"
        assert body["reference"]["issuer"] == "Bộ Chính trị"
        assert body["total"] == 3 and len(body["citing"]) == 3
        for c in body["citing"]:
            assert "34-CT/TW" in c["sentence"]
        dated = [c["published"][:4] for c in body["citing"] if c["published"]]  # 001 states no date
        assert {str(t["year"]): t["count"] for t in body["timeline"]} == {y: dated.count(y) for y in dated}
        assert body["undated"] == len(body["citing"]) - len(dated)  # shown as its own bar on the page
        assert "05-CT/TW" in {c["id"] for c in body["co_cited"]}

    def test_unknown_reference_is_404(self, client):
        r = client.get("/api/citations", params={"ref": "999-XX/ZZ"})
        assert r.status_code == 404 and "error" in r.json()

    def test_references_most_cited_first(self, client):
        refs = client.get("/api/references").json()["references"]
        assert refs[0]["id"] == "34-CT/TW" and refs[0]["citing_count"] == 3
        counts = [r["citing_count"] for r in refs]
        assert counts == sorted(counts, reverse=True)


class TestCampaigns:
    def test_diacritics_optional(self, client):
        a = client.get("/api/campaigns", params={"q": "vi nguoi ngheo"}).json()["campaigns"]
        assert len(a) == 1 and a[0]["name"].startswith("Vì người nghèo") and a[0]["count"] == 2

    def test_launches_name_the_district(self, client):
        camp = client.get("/api/campaigns", params={"q": "vì người nghèo"}).json()["campaigns"][0]
        body = client.get(f"/api/campaigns/{camp['id']}/launches").json()
        units = {(x["unit"], x["level"]) for x in body["launches"]}
        assert ("Thanh Xuân", "district") in units
        for x in body["launches"]:
            assert x["sentence"] and x["document_id"]

    def test_districts_without_launch_for_a_province(self, client):
        camp = client.get("/api/campaigns", params={"q": "vì người nghèo"}).json()["campaigns"][0]
        body = client.get(f"/api/campaigns/{camp['id']}/launches", params={"province": "Hà Nội"}).json()
        missing = set(body["units_without_launch"])
        assert "Thanh Xuân" not in missing and "Thạch Thất" in missing and len(missing) >= 25

    def test_districts_of_one_name_are_listed_once_each_by_type(self, client):
        # Hà Tĩnh has a huyện and a thị xã Kỳ Anh: two entries, told apart, not one name twice.
        camp = client.get("/api/campaigns", params={"q": "vì người nghèo"}).json()["campaigns"][0]
        body = client.get(f"/api/campaigns/{camp['id']}/launches", params={"province": "Hà Tĩnh"}).json()
        missing = body["units_without_launch"]
        assert len(missing) == len(set(missing)) == 12
        assert {"Kỳ Anh (huyện)", "Kỳ Anh (thị xã)", "Hồng Lĩnh", "Cẩm Xuyên"} <= set(missing)
        assert "Kỳ Anh" not in missing

    def test_unknown_campaign_is_404(self, client):
        assert client.get("/api/campaigns/khong-co/launches").status_code == 404


class TestAwards:
    def test_rows_json(self, client):
        body = client.get("/api/awards").json()
        rows = body["rows"]
        tt = [r for r in rows if r["award"] == "Lao động tiên tiến" and r["count"] == 1774]
        assert tt and tt[0]["district"] == "Thạch Thất" and tt[0]["year"] == 2024 and tt[0]["recipient"] == "cá nhân"
        assert not any(r["proposed"] for r in rows)

    def test_rows_and_tallies_count_each_row_under_the_same_unit(self, client):
        from collections import Counter

        from thidua.api.app import default_service

        svc = default_service()
        rows = Counter((r.province, r.district) for r in svc.award_rows({}, include_proposed=True))
        tallies = Counter()
        for t in svc.backend.award_tallies({}, include_proposed=True):
            tallies[(t.province, t.district)] += t.tallies
        assert rows and rows == tallies

    def test_proposals_only_when_asked(self, client):
        with_p = client.get("/api/awards", params={"include_proposed": "true"}).json()["rows"]
        assert any(r["proposed"] for r in with_p)

    def test_filter_by_district_and_grantor(self, client):
        rows = client.get("/api/awards", params={"district": "Tây Hồ", "grantor": "chu tich ubnd"}).json()["rows"]
        assert rows and all(r["district"] == "Tây Hồ" and "UBND" in (r["grantor"] or "") for r in rows)

    def test_csv_has_bom_and_diacritics(self, client):
        r = client.get("/api/awards", params={"format": "csv"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert r.content.startswith("\ufeff".encode())
        rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
        assert any(row["award"] == "Chiến sĩ thi đua cơ sở" and row["count"] == "286" for row in rows)

    def test_xlsx_typed_with_header_and_autofilter(self, client):
        from openpyxl import load_workbook

        r = client.get("/api/awards", params={"format": "xlsx"})
        assert r.status_code == 200
        ws = load_workbook(io.BytesIO(r.content)).active
        header = [c.value for c in ws[1]]
        assert header[:5] == ["award", "award_class", "grantor", "recipient", "count"]
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        values = [(row[0].value, row[4].value) for row in ws.iter_rows(min_row=2)]
        assert ("Lao động tiên tiến", 1774) in values and all(isinstance(v, (int, type(None))) for _, v in values)

    def test_bad_format_is_400(self, client):
        assert client.get("/api/awards", params={"format": "pdf"}).status_code == 400


class TestErrorsAndLimits:
    def test_size_over_limit_is_400_json(self, client):
        r = client.get("/api/search", params={"size": 5000})
        assert r.status_code == 400 and r.json()["error"]

    def test_body_too_large_is_413(self, client):
        r = client.post("/api/reindex", content=b"x" * 2_000_000)
        assert r.status_code == 413

    def test_writes_need_the_token(self, client, monkeypatch):
        monkeypatch.delenv("THIDUA_API_TOKEN", raising=False)
        assert client.post("/api/reindex").status_code == 403
        monkeypatch.setenv("THIDUA_API_TOKEN", "s3cret")
        assert client.post("/api/reindex", headers={"Authorization": "Bearer wrong"}).status_code == 401
        r = client.post("/api/reindex", headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 200 and r.json()["indexed"] == 5

    def test_healthz(self, client):
        body = client.get("/healthz").json()
        assert body["ok"] and body["documents"] == 5

    def test_engine_down_is_503(self, sample_home):
        import socket

        from fastapi.testclient import TestClient

        from thidua.api.app import create_app
        from thidua.api.service import Service
        from thidua.corpus.store import CorpusStore
        from thidua.index.elastic import ElasticBackend

        with socket.socket() as s:  # a port nobody listens on: a real refused connection
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        app = create_app(lambda: Service(ElasticBackend(f"http://127.0.0.1:{port}"), CorpusStore.open(sample_home)))
        with TestClient(app, raise_server_exceptions=False) as c:
            for path in ("/api/search?q=thi", "/api/awards", "/api/citations?ref=34-CT/TW", "/healthz"):
                r = c.get(path)
                assert r.status_code == 503, (path, r.text)
                assert r.json()["error"] or r.json().get("detail")


class TestPages:
    @pytest.mark.parametrize("path", ["/", "/?q=th%C3%AD%20%C4%91ua", "/van-ban", "/van-ban/34-CT/TW", "/phong-trao",
                                      "/khen-thuong", "/khen-thuong?district=T%C3%A2y%20H%E1%BB%93"])
    def test_pages_render_in_vietnamese(self, client, path):
        r = client.get(path)
        assert r.status_code == 200 and '<html lang="vi">' in r.text and "charset=\"utf-8\"" in r.text

    def test_document_view_marks_facts(self, client):
        hit = client.get("/api/search", params={"q": "Thạch Thất"}).json()["hits"][0]
        r = client.get(f"/tai-lieu/{hit['id']}")
        assert r.status_code == 200
        for label in ("REF", "AWARD", "DATE", "LOC"):
            assert label in r.text

    def test_no_external_assets(self, client):
        html = client.get("/").text
        assert "http://" not in html and "https://" not in html.replace("https://www.w3.org", "")

    def test_missing_page_is_html_404(self, client):
        r = client.get("/tai-lieu/khong-co")
        assert r.status_code == 404 and "Không tìm thấy" in r.text


def test_award_totals_follow_row_filters(client):
    body = client.get("/api/awards", params={"recipient": "cá nhân"}).json()
    assert body["rows"] and all(r["recipient"] == "cá nhân" for r in body["rows"])
    assert {t["recipient"] for t in body["totals"]} == {"cá nhân"}
    assert body["total"] == len(body["rows"])  # fewer than a page here
    lao_dong = [t for t in body["totals"] if t["award"] == "Lao động tiên tiến"]
    assert lao_dong and lao_dong[0]["count"] == 1774
