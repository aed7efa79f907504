"""Run a crawl from the command line: Scrapy's AsyncCrawlerProcess, a live progress line, a report.

Crawl state lives in ``$THIDUA_HOME/crawl/<name>/<spider>/`` (the JOBDIR): the crash-safe
frontier (``frontier.sqlite``) and the Scrapy log (``crawl.log``). Running the same crawl
again after a kill resumes it; after a finished crawl it starts afresh (incrementally:
known articles are asked for with a conditional GET, paging stops at known articles).
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rich.console import Console
from rich.live import Live
from rich.text import Text

from thidua.crawler.report import CrawlReport
from thidua.crawler.settings import FAST, crawl_settings
from thidua.crawler.sources import Source


def crawl_name(source: Source) -> str:
    """The JOBDIR name: the source's, or for ad-hoc URLs the first host plus a hash of the crawl."""
    if source.name != "adhoc":
        return source.name
    key = "\n".join(source.start_urls + [p.pattern for p in source.follow])
    host = urlsplit(source.start_urls[0]).hostname or "site"
    return f"url-{host}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"


def jobdir(home: Path, source: Source) -> Path:
    return home / "crawl" / crawl_name(source)


def status_line(report: CrawlReport, started: float) -> Text:
    elapsed = max(time.monotonic() - started, 1e-6)
    return Text.from_markup(
        f"[bold]crawling[/] fetched {report.fetched} ({report.fetched / elapsed:.1f}/s) · "
        f"[green]stored {report.stored}[/] · skipped {report.skipped_count} · [red]failed {report.counts['failed']}[/]"
    )


def run_crawl(
    source: Source,
    home: Path,
    *,
    max_pages: int | None = None,
    overrides: dict[str, Any] | None = None,
    fast: bool = False,
    console: Console | None = None,
) -> CrawlReport:
    """Crawl `source` into the corpus under `home`; blocks until done (or Ctrl-C) and returns the report."""
    from scrapy.crawler import AsyncCrawlerProcess

    from thidua.crawler.spiders.article import ArticleSpider
    from thidua.crawler.spiders.sitemap import SitemapFeedSpider

    base = jobdir(home, source)
    base.mkdir(parents=True, exist_ok=True)
    settings = crawl_settings(home, base, {**(FAST if fast else {}), "LOG_FILE": str(base / "crawl.log"), **(overrides or {})})
    report = CrawlReport()
    workers = int(settings.get("THIDUA_INGEST_WORKERS") or 0)
    if workers > 0:  # fork the ingest workers now, before the reactor opens sockets and threads
        from thidua.crawler.pipelines import acquire_pool

        try:
            acquire_pool(workers)
        except (OSError, RuntimeError):
            workers = 0  # the pipeline tries again, then works in-process
    process = AsyncCrawlerProcess(settings)
    spiders = ([(ArticleSpider, "links")] if source.start_urls else []) + (
        [(SitemapFeedSpider, "sitemap")] if source.sitemaps or source.feeds else []
    )
    for cls, sub in spiders:
        process.crawl(cls, source=source, report=report, jobdir=str(base / sub), max_pages=max_pages)
    started = time.monotonic()
    console = console or Console(stderr=True)
    with Live(console=console, refresh_per_second=4, transient=True, get_renderable=lambda: status_line(report, started)):
        try:
            process.start()
        finally:
            if workers > 0:
                from thidua.crawler.pipelines import release_pool

                release_pool()
    report.elapsed = time.monotonic() - started
    return report
