"""What a crawl did: pages fetched, ingest outcomes, skips and failures with their URLs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from thidua.corpus.ingest import IngestSummary


@dataclass
class CrawlReport:
    summary: IngestSummary = field(default_factory=IngestSummary)  # the import's counts and line
    fetched: int = 0  # responses received (robots.txt not counted)
    listings: int = 0  # fetched pages that were listings, not articles
    unreachable: int = 0  # connection refused, DNS errors: the site never answered
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (url, reason): robots.txt...
    elapsed: float = 0.0  # seconds

    @property
    def counts(self) -> Counter:
        return self.summary.counts

    @property
    def failures(self) -> list[tuple[str, str]]:
        return self.summary.failures

    @property
    def stored(self) -> int:
        return self.counts["added"] + self.counts["updated"]

    @property
    def skipped_count(self) -> int:
        return self.counts["unchanged"] + self.counts["duplicate"] + len(self.skipped)

    def line(self) -> str:
        return self.summary.line()
