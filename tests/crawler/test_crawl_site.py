"""A whole crawl of the replica site through `thidua crawl`: exactly what is stored, what fails, what is never fetched."""

from __future__ import annotations

import pytest

from tests.crawler.conftest import corpus_rows, run_crawl
from tests.fixture_site.server import SiteServer
from tests.fixture_site.site import (
    COPY_PATH, CP1258, ENTITIES, HAND, REDIRECTED, SPECIAL, STORED_EXTRA, SYNDICATED, build_site,
)
from thidua.corpus.ingest import short_id

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    home = tmp_path_factory.mktemp("crawl") / "home"
    with SiteServer(build_site(0)) as srv:
        proc = run_crawl(home, srv.url("/"))
        yield srv, home, proc, corpus_rows(home)


def test_exit_code_and_summary_line(crawled):
    _, _, proc, _ = crawled
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "added 12, updated 0, unchanged 0, duplicate 1, failed 4"


def test_exact_corpus(crawled):
    srv, _, _, docs = crawled
    expected = {srv.url(a.path): a.title for a in HAND} | {srv.url(p): t for p, t in STORED_EXTRA}
    by_url = {d["url"]: d for d in docs}
    # The printer copy has the same bytes as HAND[0]: one document, whichever URL came first.
    copy, original = srv.url(COPY_PATH), srv.url(HAND[0].path)
    first = copy if copy in by_url else original
    expected[first] = expected.pop(original)
    assert {u: d["title"] for u, d in by_url.items()} == expected
    assert all(d["id"] == short_id(d["url"]) for d in docs)
    assert by_url[first]["urls"] == sorted([copy, original])


def test_published_dates_from_page_metadata(crawled):
    srv, _, _, docs = crawled
    by_url = {d["url"]: d for d in docs}
    assert by_url[srv.url(HAND[4].path)]["published"] == "2024-09-12"
    assert by_url[srv.url(CP1258.path)]["published"] == "2024-01-29"  # from the text: no metadata


def test_windows_1258_and_entities_decoded(crawled):
    srv, _, _, docs = crawled
    by_url = {d["url"]: d for d in docs}
    assert "Chủ tịch UBND quận tặng Giấy khen cho 80 tập thể" in by_url[srv.url(CP1258.path)]["text"]
    assert "gia đình văn hóa" in by_url[srv.url(ENTITIES.path)]["text"]


def test_redirect_stored_at_final_url(crawled):
    srv, _, _, docs = crawled
    assert srv.url(REDIRECTED.path) in {d["url"] for d in docs}
    assert SPECIAL["redirect"] in srv.paths()


def test_syndicated_copy_grouped_with_original(crawled):
    srv, _, _, docs = crawled
    by_url = {d["url"]: d for d in docs}
    original, copy = by_url[srv.url(HAND[4].path)], by_url[srv.url(SYNDICATED.path)]
    assert copy["duplicate_of"] == original["id"] and original["duplicate_of"] is None


def test_failures_reported_with_urls_and_reasons(crawled):
    srv, _, proc, docs = crawled
    failed = {line.split()[1].rstrip(":"): line for line in proc.stderr.splitlines() if line.strip().startswith("failed ")}
    assert set(failed) == {srv.url(SPECIAL[k]) for k in ("missing", "broken", "big", "hang")}
    assert "HTTP 404" in failed[srv.url(SPECIAL["missing"])]
    assert "HTTP 500" in failed[srv.url(SPECIAL["broken"])]
    assert "DOWNLOAD_MAXSIZE" in failed[srv.url(SPECIAL["big"])]
    assert "DOWNLOAD_TIMEOUT" in failed[srv.url(SPECIAL["hang"])]
    stored = {d["url"] for d in docs}
    assert not {srv.url(p) for p in SPECIAL.values()} & stored


def test_robots_disallowed_section_never_fetched(crawled):
    srv, _, _, docs = crawled
    paths = srv.paths()
    assert paths[0] == "/robots.txt"
    assert not [p for p in paths if p.startswith("/noi-bo/")]
    assert not [d for d in docs if "/noi-bo/" in d["url"]]


def test_user_agent_names_the_project(crawled):
    srv, _, _, _ = crawled
    assert all(h.headers.get("User-Agent", "").startswith("thidua/0.1 (+https://") for h in srv.hits)


def test_each_page_fetched_once_except_retries(crawled):
    srv, _, _, _ = crawled
    paths = srv.paths()
    retried = {SPECIAL["broken"], SPECIAL["hang"]}  # RETRY_TIMES=1 in the tests
    assert {p: paths.count(p) for p in paths if paths.count(p) > 1 and p not in retried} == {}


def test_unreachable_site_exits_3(home):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = run_crawl(home, f"http://127.0.0.1:{port}/")
    assert proc.returncode == 3, proc.stderr
    assert "no page could be reached" in proc.stderr


def test_bad_input_exits_1(home):
    assert run_crawl(home, "not-a-url").returncode == 1
    assert run_crawl(home, "--source", "no-such-source").returncode == 1
    assert run_crawl(home, "http://127.0.0.1:9/", "--follow", "([").returncode == 1
