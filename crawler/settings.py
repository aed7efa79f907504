"""Scrapy settings for thidua crawls: polite by default, every knob overridable.

`crawl_settings(home, jobdir)` returns the dict the runner hands to Scrapy; `FAST` switches
politeness off for local benchmarks (never for real sites).
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path
from typing import Any

USER_AGENT = "thidua/0.1 (+https://github.com/thidua/thidua)"

BASE: dict[str, Any] = {
    "BOT_NAME": "thidua",
    "USER_AGENT": USER_AGENT,
    # Politeness: robots.txt, one request at a time per site, AutoThrottle adapts the delay.
    "ROBOTSTXT_OBEY": True,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "DOWNLOAD_DELAY": 1.0,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 1.0,
    "AUTOTHROTTLE_MAX_DELAY": 30.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
    # Robustness: retries back off exponentially (crawler.middlewares.BackoffRetryMiddleware).
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 2,
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
    "RETRY_BACKOFF_BASE": 2.0,  # seconds before the first retry; doubles each time
    "RETRY_BACKOFF_MAX": 60.0,
    "DOWNLOAD_TIMEOUT": 30,
    "DOWNLOAD_MAXSIZE": 5 * 1024 * 1024,  # news articles are < 1 MB; larger is not an article
    "DOWNLOAD_WARNSIZE": 1 * 1024 * 1024,
    "FEED_EXPORT_ENCODING": "utf-8",
    "HTTPERROR_ALLOWED_CODES": [304],  # conditional GET: 304 means unchanged
    "DOWNLOADER_MIDDLEWARES": {
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "thidua.crawler.middlewares.BackoffRetryMiddleware": 550,
        "thidua.crawler.middlewares.ConditionalGetMiddleware": 560,
    },
    "ITEM_PIPELINES": {"thidua.crawler.pipelines.StorePipeline": 300},
    # Ingest (crawler.pipelines): worker processes for decode + extraction (0: on the reactor
    # thread, enough at polite speed), documents per write transaction, longest wait for a batch.
    "THIDUA_INGEST_WORKERS": 0,
    "THIDUA_WRITE_BATCH": 64,
    "THIDUA_WRITE_DELAY": 0.05,
    # A page yields one item or a few dozen links: Scrapy's default of 100 parallel output
    # handlers per response is 100 asyncio tasks per page for nothing.
    "CONCURRENT_ITEMS": 16,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    # uvloop (installed with uvicorn[standard]) runs the reactor's asyncio loop in C: ~13% less
    # crawl-process CPU per page than the default loop.
    "ASYNCIO_EVENT_LOOP": "uvloop.Loop" if find_spec("uvloop") else None,
}

# Local benchmarks and tests against 127.0.0.1 only.
FAST: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "RETRY_BACKOFF_BASE": 0.1,
    "THIDUA_INGEST_WORKERS": min(2, os.cpu_count() or 1),
    # Per-request work nothing here reads: stats, cookies, proxies, referers, depth counting.
    "STATS_CLASS": "scrapy.statscollectors.DummyStatsCollector",
    "DOWNLOADER_MIDDLEWARES": {
        **BASE["DOWNLOADER_MIDDLEWARES"],
        "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware": None,
        "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
        "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,
        "scrapy.downloadermiddlewares.stats.DownloaderStats": None,
        "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": None,
    },
    "SPIDER_MIDDLEWARES": {
        "scrapy.spidermiddlewares.referer.RefererMiddleware": None,
        "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
        "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
        "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
    },
    "EXTENSIONS": {
        "scrapy.extensions.corestats.CoreStats": None,
        "scrapy.extensions.memusage.MemoryUsage": None,
        "scrapy.extensions.logstats.LogStats": None,
    },
}


def crawl_settings(home: Path, jobdir: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Settings for one crawl. `jobdir` holds the crash-safe frontier (see crawler.frontier)."""
    settings = dict(BASE)
    settings["THIDUA_HOME"] = str(home)
    settings["THIDUA_JOBDIR"] = str(jobdir)
    settings.update(overrides or {})
    return settings


def parse_override(text: str) -> tuple[str, Any]:
    """`NAME=VALUE` from the command line; numbers and true/false are converted."""
    if "=" not in text:
        raise ValueError(f"--set expects NAME=VALUE, got {text!r}")
    key, value = text.split("=", 1)
    low = value.lower()
    if low in ("true", "false"):
        return key, low == "true"
    for conv in (int, float):
        try:
            return key, conv(value)
        except ValueError:
            pass
    return key, value
