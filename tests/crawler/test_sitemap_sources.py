"""The sitemap/feed spider against the replica site, and `thidua sources` on good and broken files."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.crawler.conftest import THIDUA, corpus_rows, run_crawl
from tests.fixture_site.server import SiteServer
from tests.fixture_site.site import FEED_PATH, SITEMAP_PATH, build_site

pytestmark = pytest.mark.slow


def sources_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_sitemap_index_and_rss_feed_store_their_articles(home, tmp_path):
    site = build_site(6, troubles=False)
    with SiteServer(site) as srv:
        src = sources_file(tmp_path, f"""
[replica]
title = "Báo Thi Đua Mẫu"
sitemaps = ["{srv.url(SITEMAP_PATH)}"]
feeds = ["{srv.url(FEED_PATH)}"]
""")
        proc = run_crawl(home, "--source", "replica", "--sources-file", str(src))
        assert proc.returncode == 0, proc.stderr
        in_sitemap = [a.path for a in site.articles if a.section == "khen-thuong"]
        in_feed = [a.path for a in reversed(site.articles) if a.section == "thi-dua"][:5]
        assert proc.stdout.strip() == f"added {len(in_sitemap) + len(in_feed)}, updated 0, unchanged 0, duplicate 0, failed 0"
        assert sorted(d["url"] for d in corpus_rows(home)) == sorted(srv.url(p) for p in in_sitemap + in_feed)
        paths = srv.paths()
        assert "/sitemap-khen-thuong.xml" in paths and FEED_PATH in paths  # the index was followed
        assert "/khen-thuong/" in paths  # listed in the sitemap, fetched, not an article: skipped
        assert not [p for p in paths if p.startswith("/thi-dua/") and p not in in_feed]  # no link following

        srv.clear()  # again: sitemaps and feeds re-read, articles asked for with a conditional GET
        again = run_crawl(home, "--source", "replica", "--sources-file", str(src))
        assert again.returncode == 0, again.stderr
        assert again.stdout.strip() == f"added 0, updated 0, unchanged {len(in_sitemap) + len(in_feed)}, duplicate 0, failed 0"
        assert sum(h.status == 304 for h in srv.hits) == len(in_sitemap) + len(in_feed)


def sources_cmd(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([THIDUA, "sources", "--sources-file", str(path)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "COLUMNS": "200"})


def test_sources_lists_a_good_file(tmp_path):
    proc = sources_cmd(sources_file(tmp_path, '[replica]\nstart_urls = ["https://baomau.vn/thi-dua/"]\n'))
    assert proc.returncode == 0, proc.stderr
    assert "replica" in proc.stdout and "baomau.vn" in proc.stdout


def test_shipped_sources_file_is_valid():
    from thidua.crawler.sources import default_path, load_sources

    assert load_sources(default_path())


@pytest.mark.parametrize("body, words", [
    ("[replica\nstart_urls = 1", ["not valid TOML"]),
    ('title = "x"', ["'title' must be a table"]),
    ('["Bad Name"]\nstart_urls = ["https://a.vn/"]', ["'Bad Name'", "lowercase"]),
    ('[a]\nstart_url = ["https://a.vn/"]', ["unknown keys", "start_url"]),
    ("[a]\ntitle = \"x\"", ["give start_urls, sitemaps or feeds"]),
    ('[a]\nstart_urls = ["a.vn/thi-dua"]', ["start_urls", "write full http(s) URLs"]),
    ('[a]\nstart_urls = ["https://a.vn/"]\nfollow = ["(["]', ["follow pattern", "does not compile"]),
    ('[a]\nstart_urls = ["https://a.vn/"]\nallowed_domains = ["b.vn"]', ["outside allowed_domains"]),
    ('[a]\nstart_urls = ["https://a.vn/"]\n[a.selectors]\ntitle = "h1"', ["selectors.title", "'css:' or 'xpath:'"]),
    ('[a]\nstart_urls = ["https://a.vn/"]\n[a.selectors]\ntitle = "xpath://h1[["', ["selectors.title", "not valid xpath"]),
    ('[a]\nstart_urls = ["https://a.vn/"]\n[a.selectors]\nauthor = "css:.by"', ["selectors.author unknown"]),
])
def test_broken_sources_file_is_a_clear_error(tmp_path, body, words):
    proc = sources_cmd(sources_file(tmp_path, body))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    err = " ".join(proc.stderr.split())
    assert err.startswith("error:") and all(w in err for w in words), err
    assert "Traceback" not in proc.stderr


def test_missing_sources_file_and_bad_usage(tmp_path):
    proc = sources_cmd(tmp_path / "nowhere.toml")
    assert proc.returncode == 1 and "cannot read sources file" in proc.stderr
    assert subprocess.run([THIDUA, "sources", "--no-such-option"], capture_output=True, timeout=60).returncode == 2


def test_crawl_with_a_broken_sources_file_exits_1(home, tmp_path):
    proc = run_crawl(home, "--source", "a", "--sources-file", str(sources_file(tmp_path, "[a]\nstart_urls = 3")))
    assert proc.returncode == 1 and "start_urls must be a string or a list of strings" in proc.stderr
    assert not (home / "corpus.sqlite3").exists()
