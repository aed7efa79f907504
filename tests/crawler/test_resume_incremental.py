"""A crawl killed with SIGKILL resumes where it stopped; a re-crawl fetches only what changed."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.crawler.conftest import corpus_rows, crawl_cmd, run_crawl
from tests.fixture_site.server import SiteServer
from tests.fixture_site.site import Article, add_article, build_site, rebuild_listings

pytestmark = pytest.mark.slow


def stored_count(home) -> int:
    """Documents committed so far (0 before the store exists); read while the crawl writes (WAL)."""
    import sqlite3

    path = home / "corpus.sqlite3"
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:  # not created yet, or mid-migration
        return 0


def test_sigkill_midway_then_resume_loses_nothing_doubles_nothing(home):
    site = build_site(60, troubles=False)
    with SiteServer(site, delay=0.05) as srv:
        env = {**os.environ, "THIDUA_HOME": str(home)}
        slow = ["--set", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
        proc = subprocess.Popen(crawl_cmd(home, srv.url("/thi-dua/"), *slow), env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while stored_count(home) < 12 and time.monotonic() < deadline:  # some stored, most not yet
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stored_before = {d["url"] for d in corpus_rows(home)}
        assert 10 <= len(stored_before) < len(site.articles), "kill the crawl midway"
        srv.clear()

        resumed = run_crawl(home, srv.url("/thi-dua/"), *slow)
        assert resumed.returncode == 0, resumed.stderr
        refetched = [p for p in srv.paths() if srv.url(p) in stored_before]
        assert len(refetched) <= 4, f"resume fetched stored pages again: {refetched}"  # at most the in-flight ones
        assert "/thi-dua/" not in srv.paths()  # the start listing was done: not fetched again

        docs = corpus_rows(home)
        assert sorted(d["url"] for d in docs) == sorted(srv.url(a.path) for a in site.articles), resumed.stdout + resumed.stderr
        assert all(d["urls"] == [d["url"]] for d in docs)


def test_recrawl_uses_conditional_get_and_stops_paging_at_known_articles(home):
    site = build_site(12, troubles=False)  # 20 articles in /thi-dua/: 5 listing pages
    with SiteServer(site) as srv:
        first = run_crawl(home, srv.url("/thi-dua/"))
        assert first.returncode == 0, first.stderr
        assert first.stdout.strip() == "added 20, updated 0, unchanged 0, duplicate 0, failed 0"

        new = Article("/thi-dua/moi-dong-da-8001.html", "Đống Đa phát động thi đua cải cách hành chính năm 2025", "10/01/2025", [
            "Ngày 10/1/2025, UBND quận Đống Đa phát động phong trào thi đua đẩy mạnh cải cách hành chính, xây dựng chính quyền số.",
            "Thực hiện Kế hoạch số 07/KH-UBND, quận phấn đấu 100% thủ tục hành chính được giải quyết đúng hạn; tập thể tiêu biểu được tặng Bằng khen của Chủ tịch UBND thành phố Hà Nội.",
        ])
        site.articles.append(new)
        add_article(site, new)
        changed = site.articles[-3]  # listed on page 1 with the new one
        add_article(site, Article(changed.path, changed.title, changed.date, changed.paragraphs + ["Bài viết được cập nhật thêm số liệu khen thưởng cuối năm."]))
        rebuild_listings(site)
        srv.clear()

        again = run_crawl(home, srv.url("/thi-dua/"))
        assert again.returncode == 0, again.stderr
        assert again.stdout.strip() == "added 1, updated 1, unchanged 8, duplicate 0, failed 0"
        paths = srv.paths()
        # /thi-dua/ page 1: the new article, the changed one, 2 known; page 2: 4 known, so paging stops
        # there. The 2 articles of /khen-thuong/ (a nav link) are unchanged too: 8 in all.
        assert [p for p in paths if p.startswith("/thi-dua/?") or p == "/thi-dua/"] == ["/thi-dua/", "/thi-dua/?trang=2"]
        conditional = [h for h in srv.hits if "If-None-Match" in h.headers]
        assert conditional and all(h.status in (200, 304) for h in conditional)
        assert sum(h.status == 304 for h in srv.hits) >= 2
