"""The sitemap / feed spider: article URLs from sitemap.xml (or robots.txt) and RSS/Atom feeds.

Sitemaps are walked by Scrapy's SitemapSpider (indexes, gzip, robots.txt `Sitemap:` lines);
feeds are parsed here (RSS `<item><link>`, Atom `<entry><link href>`). Article pages then go
through the same crawl state, conditional GET and item pipeline as the article spider.
Sitemaps and feeds are re-read on every run (they are small); only articles are in the frontier.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable

import scrapy
from scrapy.spiders import SitemapSpider

from thidua.crawler.frontier import Pending
from thidua.crawler.items import PageItem
from thidua.crawler.spiders.article import ThiduaSpider, is_article_page


class SitemapFeedSpider(ThiduaSpider, SitemapSpider):
    name = "sitemap"

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.sitemap_urls = list(self.source.sitemaps)
        self._cbs = [(p, self.parse_page) for p in self.source.article] or self._cbs

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.seed_requests([]):  # pages pending from a killed run, if any
            yield request
        for url in self.source.sitemaps:
            yield scrapy.Request(url, self._parse_sitemap, dont_filter=True, meta={"thidua_fresh": True})
        for url in self.source.feeds:
            yield scrapy.Request(url, self.parse_feed, dont_filter=True, meta={"thidua_fresh": True})

    def _articles(self, urls: Iterable[str]) -> list[scrapy.Request]:
        pages = [Pending(u, "article", 1) for u in dict.fromkeys(urls) if self.source.allows(u)]
        if self.source.article:
            pages = [p for p in pages if self.source.is_article_url(p.url)]
        return self.schedule(pages)

    def _parse_sitemap(self, response) -> Iterable[scrapy.Request]:
        requests = list(super()._parse_sitemap(response))
        nested = [r for r in requests if r.callback == self._parse_sitemap]
        for r in nested:
            r.meta["thidua_fresh"] = True
        return nested + self._articles(r.url for r in requests if r.callback != self._parse_sitemap)

    def parse_feed(self, response) -> Iterable[scrapy.Request]:
        links = response.xpath("//item/link/text() | //*[local-name()='entry']/*[local-name()='link']/@href").getall()
        return self._articles(response.urljoin(link.strip()) for link in links if link.strip())

    def parse_page(self, response) -> Iterable[PageItem]:
        self.report.fetched += 1
        if self.handle_unchanged_or_binary(response):
            return
        if self.source.article or is_article_page(response):
            yield self.article_item(response)
        else:
            url = response.meta["thidua_url"]
            self.report.skipped.append((url, "listed in a sitemap/feed but not an article page"))
            self.page_done(url)
