"""Configured crawl sources: load and validate ``sources.toml`` (or a user's copy).

Each top-level table is one source::

    [hanoimoi]
    title = "Hà Nội Mới"
    start_urls = ["https://hanoimoi.vn/chinh-tri"]
    allowed_domains = ["hanoimoi.vn"]
    follow = ['/chinh-tri(/trang-\\d+)?$']      # listing / pagination links to follow
    article = ['-\\d{5,}\\.html$']               # article links to store
    sitemaps = ["https://hanoimoi.vn/sitemap.xml"]  # optional: crawled by the sitemap spider
    feeds = ["https://hanoimoi.vn/rss/chinh-tri.rss"]  # optional: RSS/Atom
    [hanoimoi.selectors]                          # optional overrides: "css:..." or "xpath:..."
    title = "css:h1.article-title::text"

A ``*.`` prefix in ``allowed_domains`` means the domain and all its sub-domains.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

SOURCES_ENV = "THIDUA_SOURCES"
SELECTOR_FIELDS = ("title", "date", "body")
_KEYS = {"title", "start_urls", "allowed_domains", "follow", "article", "sitemaps", "feeds", "selectors", "notes"}


class SourceError(ValueError):
    """The sources file is wrong; the message names the source and the key to fix."""


@dataclass(slots=True)
class Source:
    name: str
    start_urls: list[str] = field(default_factory=list)
    allowed_domains: list[str] = field(default_factory=list)
    follow: list[re.Pattern[str]] = field(default_factory=list)
    article: list[re.Pattern[str]] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    selectors: dict[str, str] = field(default_factory=dict)  # field -> "css:..." | "xpath:..."
    title: str = ""

    @classmethod
    def adhoc(cls, urls: list[str], follow: str | None = None) -> Source:
        """A source for `thidua crawl URL...`: the start URLs' sites, optional follow regex."""
        bad = [u for u in urls if urlsplit(u).scheme not in ("http", "https") or not urlsplit(u).hostname]
        if bad:
            raise SourceError(f"not an http(s) URL: {', '.join(bad)}; give full URLs such as https://hanoimoi.vn/")
        domains = sorted({urlsplit(u).hostname or "" for u in urls})
        pats = [_compile("command line", "--follow", follow)] if follow else []
        return cls(name="adhoc", start_urls=list(urls), allowed_domains=domains, follow=pats)

    def allows(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        for d in self.allowed_domains:
            d = d.lower()
            if d.startswith("*."):
                if host == d[2:] or host.endswith(d[1:]):
                    return True
            elif host == d or host.endswith("." + d):
                return True
        return not self.allowed_domains

    def is_article_url(self, url: str) -> bool | None:
        """True/False when article patterns are configured, None when the page must tell."""
        if not self.article:
            return None
        return any(p.search(url) for p in self.article)

    def is_follow_url(self, url: str) -> bool | None:
        if not self.follow:
            return None
        return any(p.search(url) for p in self.follow)

    @property
    def scrapy_domains(self) -> list[str]:
        """allowed_domains as Scrapy's OffsiteMiddleware expects (it includes sub-domains)."""
        return sorted({d.removeprefix("*.") for d in self.allowed_domains})


def _compile(name: str, key: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise SourceError(f"source {name!r}: {key} pattern {pattern!r} does not compile ({exc})") from exc


def _strings(name: str, key: str, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceError(f"source {name!r}: {key} must be a string or a list of strings")
    return list(value)


def _urls(name: str, key: str, value: object) -> list[str]:
    urls = _strings(name, key, value)
    for u in urls:
        parts = urlsplit(u)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SourceError(f"source {name!r}: {key} has {u!r}; write full http(s) URLs")
    return urls


def parse_source(name: str, table: dict) -> Source:
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise SourceError(f"source {name!r}: names are lowercase letters, digits, '-' and '_'")
    unknown = set(table) - _KEYS
    if unknown:
        raise SourceError(f"source {name!r}: unknown keys {sorted(unknown)}; known: {sorted(_KEYS)}")
    src = Source(
        name=name,
        title=str(table.get("title", "")),
        start_urls=_urls(name, "start_urls", table.get("start_urls", [])),
        sitemaps=_urls(name, "sitemaps", table.get("sitemaps", [])),
        feeds=_urls(name, "feeds", table.get("feeds", [])),
        allowed_domains=_strings(name, "allowed_domains", table.get("allowed_domains", [])),
        follow=[_compile(name, "follow", p) for p in _strings(name, "follow", table.get("follow", []))],
        article=[_compile(name, "article", p) for p in _strings(name, "article", table.get("article", []))],
    )
    if not (src.start_urls or src.sitemaps or src.feeds):
        raise SourceError(f"source {name!r}: give start_urls, sitemaps or feeds")
    if not src.allowed_domains:
        src.allowed_domains = sorted({urlsplit(u).hostname or "" for u in src.start_urls + src.sitemaps + src.feeds})
    for u in src.start_urls + src.sitemaps + src.feeds:
        if not src.allows(u):
            raise SourceError(f"source {name!r}: {u} is outside allowed_domains {src.allowed_domains}")
    selectors = table.get("selectors", {})
    if not isinstance(selectors, dict):
        raise SourceError(f"source {name!r}: selectors must be a table")
    for key, sel in selectors.items():
        if key not in SELECTOR_FIELDS:
            raise SourceError(f"source {name!r}: selectors.{key} unknown; use {', '.join(SELECTOR_FIELDS)}")
        src.selectors[key] = check_selector(name, key, sel)
    return src


def check_selector(name: str, key: str, sel: object) -> str:
    """A selector is 'css:EXPR' or 'xpath:EXPR'; both are compiled here so typos fail early."""
    from parsel import Selector  # parsel comes with scrapy; imported only when selectors exist

    if not isinstance(sel, str) or not sel.startswith(("css:", "xpath:")):
        raise SourceError(f"source {name!r}: selectors.{key} must start with 'css:' or 'xpath:'")
    kind, expr = sel.split(":", 1)
    try:
        probe = Selector(text="<html><body></body></html>")
        probe.css(expr) if kind == "css" else probe.xpath(expr)
    except Exception as exc:  # cssselect and lxml raise several types
        raise SourceError(f"source {name!r}: selectors.{key} {expr!r} is not valid {kind} ({exc})") from exc
    return sel


def default_path() -> Path:
    return Path(str(resources.files("thidua.crawler").joinpath("sources.toml")))


def load_sources(path: str | Path | None = None) -> dict[str, Source]:
    """Sources by name from PATH, $THIDUA_SOURCES, or the shipped sources.toml."""
    path = Path(path or os.environ.get(SOURCES_ENV) or default_path())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceError(f"cannot read sources file {path} ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{path}: not valid TOML ({exc})") from exc
    out: dict[str, Source] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise SourceError(f"{path}: {name!r} must be a table ([{name}])")
        out[name] = parse_source(name, table)
    return out
