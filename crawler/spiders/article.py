"""The generic article spider: listings and pagination in, article pages out.

From the start URLs it follows links inside the source's domains: links matching the source's
`follow` patterns (or `--follow`) are listings, links matching `article` patterns are articles;
without patterns every same-site link is fetched and the page itself decides (article = a date
and a long main text, or `og:type=article`). Listings are always fetched whole; articles already
in the corpus are asked for with a conditional GET. Paging a listing stops when a page offers
no article the corpus or this crawl does not already know (incremental re-crawls).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from datetime import date
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from thidua.crawler.frontier import Frontier, Pending
from thidua.crawler.items import PageItem
from thidua.crawler.pipelines import shared_store
from thidua.crawler.report import CrawlReport
from thidua.crawler.sources import Source
from thidua.nlp.text import normalize_text

MIN_ARTICLE_CHARS = 400  # main text of an article: paragraphs of >= 60 characters, summed
_SKIP_EXT = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|css|js|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp[34]|avi|mov|xml|rss)(\?|$)", re.I
)
_PAGINATION_URL = re.compile(r"([?&](page|trang|p|pg)=\d+|/(page|trang)[-/]?\d+(\.html?)?/?$)", re.I)
_PAGE_NUMBER = re.compile(r"(?:[?&](?:page|trang|p|pg)=|/(?:page|trang)[-/]?)(\d+)", re.I)
_PAGINATION_TEXT = re.compile(r"^\s*(\d{1,4}|»|›|>|>>|trang sau|tiếp|sau|next|xem thêm)\s*$", re.I)
_ARTICLE_PRIORITY, _LISTING_PRIORITY = 10, 0
# An absolute path on the same site needing no resolution: no "//" host, no dot segments, no
# fragment, no empty query, no characters urljoin would treat specially.
_SITE_PATH = re.compile(r"/(?![/.])(?:[^#\s./?]|\.(?![./?#]|$)|/(?![./]))*(?:\?[^#\s]+)?$")


def page_metadata(response: TextResponse) -> tuple[str | None, date | None, str | None]:
    """(title, published, og:type) from the page's metadata, via trafilatura."""
    from trafilatura.metadata import extract_metadata

    meta = extract_metadata(response.selector.root)
    published = None
    if meta and meta.date:
        try:
            published = date.fromisoformat(meta.date[:10])
        except ValueError:
            published = None
    og_type = response.xpath("//meta[@property='og:type']/@content").get()
    return (meta.title if meta else None), published, og_type


def main_text_chars(response: TextResponse) -> int:
    """Characters in paragraph-like blocks (>= 60 characters, not inside a link)."""
    total = 0
    for block in response.xpath("//p[not(ancestor::a)] | //div[not(*)]"):
        n = len(" ".join(block.xpath(".//text()").getall()).strip())
        if n >= 60:
            total += n
    return total


def looks_like_article(response: TextResponse, published: date | None, og_type: str | None) -> bool:
    if (og_type or "").lower() == "article":
        return True
    if response.xpath("//meta[@property='article:published_time']"):
        return True
    return published is not None and main_text_chars(response) >= MIN_ARTICLE_CHARS


def is_article_page(response: TextResponse) -> bool:
    """``looks_like_article``, asking trafilatura for the date only when the cheap signs are absent."""
    root = response.selector.root
    og_type = root.xpath("string(//meta[@property='og:type']/@content)")
    if og_type.lower() == "article" or root.xpath("boolean(//meta[@property='article:published_time'])"):
        return True
    if main_text_chars(response) < MIN_ARTICLE_CHARS:  # listings end here, before the costly date search
        return False
    _, published, _ = page_metadata(response)
    return published is not None


def select(response: TextResponse, selector: str | None) -> str | None:
    """Text of a configured 'css:...' / 'xpath:...' selector, whitespace-collapsed."""
    if not selector:
        return None
    kind, expr = selector.split(":", 1)
    found = response.css(expr) if kind == "css" else response.xpath(expr)
    text = " ".join(t.strip() for t in found.getall() if t.strip())
    return text or None


def parse_date(text: str | None) -> date | None:
    if not text:
        return None
    m = re.search(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
        return date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def describe_failure(failure: Failure, timeout: float) -> tuple[str, bool]:
    """(reason for the report, True when the site could not be reached at all)."""
    exc = failure.value
    name = type(exc).__name__
    if failure.check(HttpError):
        return f"HTTP {exc.response.status}", False
    if "Timeout" in name or "TimedOut" in name:
        return f"no complete answer within DOWNLOAD_TIMEOUT ({timeout:g} s)", False
    if "Cancel" in name:
        detail = str(exc) or "cancelled"
        if "maxsize" in detail.lower() or "larger" in detail.lower() or "exceeds" in detail.lower():
            return f"larger than DOWNLOAD_MAXSIZE ({detail})", False
        return f"download cancelled ({detail})", False
    if "ConnectionRefused" in name or "DNSLookup" in name or "NoRoute" in name or "ConnectError" in name:
        return f"cannot connect ({name}: {exc})", True
    return f"{name}: {exc}", False


class ThiduaSpider(scrapy.Spider):
    """Shared by the article and sitemap spiders: crawl state, report, article items."""

    name = "thidua"
    handle_httpstatus_list = [304]

    def __init__(self, source: Source, report: CrawlReport, jobdir: str, max_pages: int | None = None, **kw):
        super().__init__(**kw)
        self.source = source
        self.report = report
        self.allowed_domains = source.scrapy_domains
        self.max_pages = max_pages
        self.scheduled = 0
        self.frontier = Frontier(Path(jobdir))
        self.resumed: list[Pending] = []

    # -- crawl state
    def _request(self, p: Pending) -> scrapy.Request:
        fresh = p.kind in ("start", "listing", "feed")
        return scrapy.Request(
            p.url,
            callback=self.parse_page,
            errback=self.on_error,
            dont_filter=True,  # the frontier is the duplicate filter (it survives a kill)
            priority=_LISTING_PRIORITY if fresh else _ARTICLE_PRIORITY,
            meta={"thidua_url": p.url, "thidua_kind": p.kind, "thidua_depth": p.depth, "thidua_fresh": fresh},
        )

    def schedule(self, pages: list[Pending], done: str | None = None) -> list[scrapy.Request]:
        """Record pages in the frontier (within --max-pages) and return requests for the new ones."""
        if self.max_pages is not None:
            pages = pages[: max(0, self.max_pages - self.scheduled)]
        fresh = self.frontier.add(pages, done=done)
        self.scheduled += len(fresh)
        return [self._request(p) for p in fresh]

    def page_done(self, url: str) -> None:
        self.frontier.done(url)

    def pages_done(self, urls: list[str]) -> None:
        self.frontier.done_many(urls)

    def closed(self, reason: str) -> None:
        self.frontier.close()

    def seed_requests(self, seeds: list[Pending]) -> list[scrapy.Request]:
        """Resume pending pages of a killed crawl, or start afresh from `seeds`."""
        self.resumed = self.frontier.resume()
        if self.resumed:
            self.scheduled = len(self.resumed)
            return [self._request(p) for p in self.resumed]
        return self.schedule(seeds)

    # -- responses
    def on_error(self, failure: Failure) -> None:
        request = failure.request
        url = request.meta.get("thidua_url", request.url)
        if failure.check(IgnoreRequest) and "robots" in str(failure.value).lower():
            self.report.skipped.append((url, "disallowed by robots.txt"))
        else:
            reason, unreachable = describe_failure(failure, self.settings.getfloat("DOWNLOAD_TIMEOUT"))
            self.report.unreachable += unreachable
            from thidua.corpus.models import IngestResult

            self.report.summary.record(url, IngestResult("failed", reason=reason))
        self.page_done(url)

    def article_item(self, response: TextResponse, title: str | None = None, published: date | None = None) -> PageItem:
        """The item for an article page. Title and date left None are read from the page's
        metadata by the ingest (the same trafilatura metadata, in a worker process)."""
        sel = self.source.selectors
        if title is None and sel.get("body"):  # the small page made below keeps only the title
            title, published, _ = page_metadata(response)
        title = select(response, sel.get("title")) or title
        title = normalize_text(title).strip() or None if title else None
        published = parse_date(select(response, sel.get("date"))) or published
        body = response.body
        if sel.get("body"):
            kind, expr = sel["body"].split(":", 1)
            parts = (response.css(expr) if kind == "css" else response.xpath(expr)).getall()
            if parts:  # only the configured block, as a small UTF-8 page
                body = f"<html><head><meta charset='utf-8'><title>{title or ''}</title></head><body>{''.join(parts)}</body></html>".encode()
        canonical = response.xpath("//link[@rel='canonical']/@href").get()
        return PageItem(
            url=response.url,
            body=body,
            source=self.source.name,
            frontier_url=response.meta.get("thidua_url", response.url),
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            content_type=_header(response, b"Content-Type"),
            canonical_url=response.urljoin(canonical) if canonical else None,
            title=title,
            published=published,
        )

    def handle_unchanged_or_binary(self, response: Response) -> bool:
        """Count a 304 as unchanged and a non-HTML answer as failed; True when handled."""
        from thidua.corpus.models import IngestResult

        url = response.meta.get("thidua_url", response.url)
        if response.status == 304:
            self.report.summary.record(url, IngestResult("unchanged", id=shared_store(self.crawler).doc_id_for_url(url)))
        elif not isinstance(response, TextResponse):
            ctype = _header(response, b"Content-Type") or "no Content-Type"
            self.report.summary.record(url, IngestResult("failed", reason=f"not an HTML page ({ctype})"))
        else:
            return False
        self.page_done(url)
        return True

    def parse_page(self, response: Response):
        raise NotImplementedError


class ArticleSpider(ThiduaSpider):
    name = "article"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.seed_requests([Pending(u, "start", 0) for u in self.source.start_urls]):
            yield request

    def parse_page(self, response: Response) -> Iterable[scrapy.Request | PageItem]:
        self.report.fetched += 1
        if self.handle_unchanged_or_binary(response):
            return
        url, kind = response.meta["thidua_url"], response.meta["thidua_kind"]
        by_url = self.source.is_article_url(response.url) or self.source.is_article_url(url)
        if by_url or (kind != "listing" and by_url is None and is_article_page(response)):
            yield self.article_item(response)
            return
        if kind == "page" and self.source.follow:
            self.page_done(url)  # neither article nor a listing we were told to follow
            return
        self.report.listings += 1
        yield from self.schedule(self.links(response, kind), done=url)

    def links(self, response: TextResponse, kind: str) -> list[Pending]:
        """Classify the page's links; drop pagination when it offers nothing new."""
        depth = response.meta.get("thidua_depth", 0) + 1
        m = _PAGE_NUMBER.search(response.url)
        this_page = int(m[1]) if m else 1
        out: dict[str, tuple[Pending, bool]] = {}
        base = response.url
        parts = urlsplit(base)
        origin = f"{parts.scheme}://{parts.netloc}"
        here_allowed = self.source.allows(base)
        next_page = str(this_page + 1)
        for a in response.selector.root.iter("a"):  # lxml directly: listings have hundreds of links
            raw = a.get("href")
            if raw is None:
                continue
            text = (" ".join(a.itertext()) if len(a) else a.text or "").strip()  # no child: just its text
            if text.isdigit() and text != next_page and _PAGINATION_TEXT.match(text) and int(text) != this_page + 1:
                continue  # page numbers: only the next page, so paging can stop early (most links of a listing)
            raw = raw.strip()
            if _SITE_PATH.match(raw):  # "/path?query" on this site: what urljoin + urldefrag would give
                href, allowed = origin + raw, here_allowed
            else:
                href = urldefrag(urljoin(base, raw))[0]
                allowed = None
            if not href.startswith(("http://", "https://")) or _SKIP_EXT.search(href) or href in out:
                continue
            if not (allowed if allowed is not None else self.source.allows(href)):
                continue
            is_article = self.source.is_article_url(href)
            follow = self.source.is_follow_url(href)
            if is_article:
                link_kind = "article"
            elif follow:
                link_kind = "listing"
            elif is_article is False and follow is None and not self.source.follow:
                continue  # article patterns given, no follow patterns: only articles
            elif follow is False and is_article is False:
                continue
            else:
                link_kind = "page"
            paging = bool(_PAGINATION_URL.search(href) or _PAGINATION_TEXT.match(text) or a.get("rel") == "next")
            if paging and text.isdigit() and int(text) != this_page + 1:
                continue  # page numbers: only the next page, so paging can stop early
            out[href] = (Pending(href, link_kind, depth), paging)
        pages = [p for p, _ in out.values()]
        if kind == "start":
            return pages
        candidates = [p for p, paging in out.values() if not paging and p.kind != "listing"]
        if candidates and not self.has_new(candidates):
            return [p for p, paging in out.values() if not paging and p.kind != "listing"]
        return pages

    def has_new(self, candidates: list[Pending]) -> bool:
        """Does any candidate article link lead to a page neither the corpus nor this crawl knows?"""
        store = shared_store(self.crawler)
        unseen = self.frontier.unseen([p.url for p in candidates])
        return any(not store.known_url(u) for u in unseen)
