"""CLI commands of the corpus stage: ``import``, ``reextract``, ``corpus export``, ``corpus stats``.

Registered on the main app by ``register(app)``; heavy imports stay inside the commands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
err = Console(stderr=True)

corpus_app = typer.Typer(help="The stored corpus: export it, count it.", no_args_is_help=True)


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=err, transient=True)


def import_command(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files (.txt/.html/.htm) and folders (recursive).")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Import the bundled sample corpus (5 Hà Nội articles).")] = False,
) -> None:
    """Add local text/HTML files to the corpus, extracting them; a metadata.json beside them gives their URLs."""
    from thidua.corpus.importer import collect, import_paths
    from thidua.corpus.ingest import Ingestor, IngestSummary
    from thidua.corpus.models import IngestResult
    from thidua.corpus.store import CorpusStore

    targets = list(paths or [])
    if sample:
        from thidua.corpus.sample import path as sample_path

        targets.append(str(sample_path()))
    if not targets:
        err.print("[red]error[/]: give files or folders to import, or --sample")
        raise typer.Exit(EXIT_USAGE)
    files, errors = collect(targets)
    with CorpusStore.open() as store, _progress() as bar:
        task = bar.add_task("importing", total=len(files))
        summary = import_paths(Ingestor(store), [], files=files,
                               on_file=lambda f, r: bar.update(task, advance=1, description=f.name[:30]))
    full = IngestSummary()
    for name, reason in errors:
        full.record(name, IngestResult("failed", reason=f"{name}: {reason}"))
    full.counts.update(summary.counts)
    full.failures.extend(summary.failures)
    print(full.line())
    for name, reason in full.failures:
        shown = reason if name in reason or Path(name).resolve().as_uri() in reason else f"{name}: {reason}"
        err.print(f"[red]failed[/]: {escape(shown)}", soft_wrap=True)
    if not full.ok:
        raise typer.Exit(EXIT_BAD_INPUT)


def reextract_command(
    all_: Annotated[bool, typer.Option("--all", help="Re-extract every document, whatever its version.")] = False,
    from_raw: Annotated[bool, typer.Option("--from-raw", help="Decode the stored raw bytes again first (after a decoder change).")] = False,
) -> None:
    """Re-run extraction on stored documents whose extractor version is older than the current one (nothing is fetched)."""
    from thidua.corpus.ingest import reextract
    from thidua.corpus.store import CorpusStore
    from thidua.nlp.pipeline import EXTRACTOR_VERSION

    with CorpusStore.open() as store, _progress() as bar:
        task = bar.add_task("re-extracting", total=None)
        done, checked = reextract(store, force=all_, from_raw=from_raw,
                                  progress=lambda i, n: bar.update(task, completed=i, total=n))
    print(f"re-extracted {done} of {checked} documents (extractor {EXTRACTOR_VERSION})")


def document_record(store, doc) -> dict:
    """One export line: the contract's keys first, then extras."""
    return {
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "text": doc.text,
        "extraction": doc.extraction.to_dict(),
        "source": doc.source,
        "canonical_url": doc.canonical_url,
        "urls": doc.urls,
        "duplicate_of": doc.duplicate_of,
        "content_hash": doc.content_hash,
        "extractor_version": doc.extractor_version,
        "fetched_at": doc.fetched_at.isoformat() if doc.fetched_at else None,
        "meta": store.meta(doc.id),
    }


@corpus_app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help="Output format (jsonl).")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of standard output.")] = None,
    no_duplicates: Annotated[bool, typer.Option("--no-duplicates", help="Leave out near-duplicates of other documents.")] = False,
) -> None:
    """Every stored document with its extraction, one JSON object per line."""
    from thidua.corpus.store import CorpusStore

    if fmt != "jsonl":
        err.print(f"[red]error[/]: unknown format {fmt!r}; use --format jsonl")
        raise typer.Exit(EXIT_USAGE)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    n = 0
    try:
        with CorpusStore.open() as store:
            for doc in store.iter_documents(include_duplicates=not no_duplicates):
                out.write(json.dumps(document_record(store, doc), ensure_ascii=False) + "\n")
                n += 1
    finally:
        if output:
            out.close()
    err.print(f"exported {n} documents" + (f" to {output}" if output else ""))


@corpus_app.command("stats")
def stats_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Counts: documents, near-duplicates, URLs, sources, extractor versions."""
    from thidua.corpus.store import CorpusStore

    with CorpusStore.open() as store:
        stats = store.stats()
    if as_json:
        print(json.dumps(stats, ensure_ascii=False))
        return
    for key, value in stats.items():
        print(f"{key}: {value}")


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("reextract")(reextract_command)
    app.add_typer(corpus_app, name="corpus")
