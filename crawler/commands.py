"""`thidua crawl` and `thidua sources`: thin typer commands over crawler.runner and crawler.sources.

Exit codes (interfaces.md): 0 the crawl reached the site and nothing it found failed to be
handled as a whole (pages that failed are listed, the rest is stored); 1 bad input (unknown
source, bad URL or regex, bad sources file) or nothing done (no article found, or every
article failed); 2 usage; 3 no start page could be reached at all (connection refused, DNS).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

EXIT_OK, EXIT_BAD_INPUT, EXIT_UNREACHABLE = 0, 1, 3
SHOW_FAILURES = 50

err = Console(stderr=True)

SourcesFile = Annotated[
    Optional[Path],
    typer.Option("--sources-file", envvar="THIDUA_SOURCES", help="Sources file (default: the shipped crawler/sources.toml)."),
]


def crawl(
    urls: Annotated[Optional[list[str]], typer.Argument(help="Start URLs (listing pages); the crawl stays on their sites.")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Crawl a configured source (see `thidua sources`).")] = None,
    follow: Annotated[Optional[str], typer.Option("--follow", help="Regex: only links matching it are followed as listings.")] = None,
    max_pages: Annotated[Optional[int], typer.Option("--max-pages", min=1, help="Fetch at most N pages (robots.txt not counted).")] = None,
    sources_file: SourcesFile = None,
    set_: Annotated[list[str], typer.Option("--set", help="Scrapy setting NAME=VALUE, e.g. DOWNLOAD_TIMEOUT=10 (repeatable).")] = [],
    fast: Annotated[bool, typer.Option("--fast", help="No delays, no AutoThrottle: only for sites you run yourself.")] = False,
) -> None:
    """Crawl start URLs or a configured source, storing article pages in the corpus."""
    from thidua.config import data_home
    from thidua.crawler.runner import jobdir, run_crawl
    from thidua.crawler.settings import parse_override
    from thidua.crawler.sources import Source, SourceError, load_sources

    if bool(urls) == bool(source):
        err.print("[red]error[/]: give start URLs or --source NAME (one of them); `thidua sources` lists the sources.")
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        overrides = dict(parse_override(s) for s in set_)
        if source:
            sources = load_sources(sources_file)
            if source not in sources:
                err.print(f"[red]error[/]: no source named {source!r}; known: {', '.join(sources) or 'none'} (`thidua sources`).")
                raise typer.Exit(EXIT_BAD_INPUT)
            src = sources[source]
            if follow:
                src.follow = [Source.adhoc(src.start_urls or src.sitemaps or src.feeds, follow).follow[0]]
        else:
            src = Source.adhoc(list(urls or []), follow)
    except (SourceError, ValueError) as exc:
        err.print(f"[red]error[/]: {exc}")
        raise typer.Exit(EXIT_BAD_INPUT) from None

    home = data_home()
    report = run_crawl(src, home, max_pages=max_pages, overrides=overrides, fast=fast, console=err)
    print(report.line(), flush=True)
    err.print(
        f"fetched {report.fetched} pages ({report.listings} listings) in {report.elapsed:.1f} s; "
        f"skipped {len(report.skipped)} (robots.txt, not articles); log: {jobdir(home, src)}"
    )
    for url, reason in report.failures[:SHOW_FAILURES]:
        err.print(f"  [red]failed[/] {url}: {reason}", soft_wrap=True, highlight=False)
    if len(report.failures) > SHOW_FAILURES:
        err.print(f"  … and {len(report.failures) - SHOW_FAILURES} more (see crawl.log)")
    if report.fetched == 0 and report.unreachable:
        err.print("[red]error[/]: no page could be reached; check the URLs and the network (or a proxy).")
        raise typer.Exit(EXIT_UNREACHABLE)
    if not report.summary.ok:
        hint = "every article failed" if report.summary.total else "no article page found; try --follow REGEX or article patterns in the sources file"
        err.print(f"[yellow]nothing stored[/]: {hint}.")
        raise typer.Exit(EXIT_BAD_INPUT)


def sources(sources_file: SourcesFile = None) -> None:
    """List the configured crawl sources (and check the sources file)."""
    from rich.table import Table

    from thidua.crawler.sources import SourceError, default_path, load_sources

    try:
        found = load_sources(sources_file)
    except SourceError as exc:
        err.print(f"[red]error[/]: {exc}")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    table = Table(title=str(sources_file or default_path()))
    for col in ("name", "title", "start", "sitemaps/feeds", "domains"):
        table.add_column(col, overflow="fold")
    for s in found.values():
        table.add_row(s.name, s.title, "\n".join(s.start_urls), "\n".join(s.sitemaps + s.feeds), ", ".join(s.allowed_domains))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command()(crawl)
    app.command()(sources)
