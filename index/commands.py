"""`thidua index` and `thidua search`: thin typer commands over thidua.index (heavy imports lazy)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

EXIT_BAD_INPUT, EXIT_UNREACHABLE = 1, 3
BackendOpt = Annotated[Optional[str], typer.Option("--backend", help="tantivy (default, embedded), sqlite (embedded FTS5) or elasticsearch; THIDUA_BACKEND.")]
EsUrlOpt = Annotated[Optional[str], typer.Option("--es-url", help="Elasticsearch URL; THIDUA_ES_URL (default http://127.0.0.1:9200).")]


def _fail(message: str, code: int) -> typer.Exit:
    from rich.console import Console

    Console(stderr=True).print(f"[red]error[/]: {message}", highlight=False)
    return typer.Exit(code)


def index_command(backend: BackendOpt = None, es_url: EsUrlOpt = None) -> None:
    """(Re)build the search index from the corpus: docs indexed, docs/s."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from thidua.corpus.store import CorpusStore
    from thidua.index.base import BackendUnavailable, open_backend

    try:
        engine = open_backend(backend, es_url=es_url)
    except ValueError as exc:
        raise _fail(str(exc), 2) from exc
    with CorpusStore.open() as store, engine:
        total = store.count(include_duplicates=False)
        with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("index", total=total)
            try:
                report = engine.rebuild(store.iter_documents(), progress=lambda n: bar.advance(task, n))
            except BackendUnavailable as exc:
                raise _fail(str(exc), EXIT_UNREACHABLE) from exc
    for doc_id, reason in report.failed[:20]:
        Console(stderr=True).print(f"[yellow]failed[/] {doc_id}: {reason}", highlight=False)
    print(f"{report.indexed} docs indexed in {report.seconds:.1f}s ({report.docs_per_second:,.0f} docs/s)"
          f"{f', {len(report.failed)} failed' if report.failed else ''} [{engine.name}]")
    if report.indexed == 0:
        raise typer.Exit(EXIT_BAD_INPUT)


def search_command(
    query: Annotated[str, typer.Argument(help='Words, "phrases", OR, NOT/-word, document numbers (34-CT/TW).')],
    as_json: Annotated[bool, typer.Option("--json", help="The same object as GET /api/search.")] = False,
    facet: Annotated[Optional[list[str]], typer.Option("--facet", help="NAME=VALUE; repeat (OR within a facet, AND across).")] = None,
    page: Annotated[int, typer.Option(min=1)] = 1,
    size: Annotated[int, typer.Option(min=0, max=100)] = 10,
    backend: BackendOpt = None,
    es_url: EsUrlOpt = None,
) -> None:
    """Search the index."""
    from thidua.index.base import BackendUnavailable, IndexMissing, open_backend
    from thidua.index.facets import UnknownFacet
    from thidua.index.models import SearchQuery

    filters: dict[str, list[str]] = {}
    for f in facet or []:
        name, sep, value = f.partition("=")
        if not sep or not name:
            raise _fail(f"--facet wants NAME=VALUE, got {f!r}", 2)
        filters.setdefault(name.strip(), []).append(value.strip())
    try:
        with open_backend(backend, es_url=es_url) as engine:
            result = engine.search(SearchQuery(q=query, filters=filters, page=page, size=size))
    except BackendUnavailable as exc:
        raise _fail(str(exc), EXIT_UNREACHABLE) from exc
    except (IndexMissing, UnknownFacet, ValueError) as exc:
        raise _fail(str(exc), EXIT_BAD_INPUT) from exc
    if as_json:
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
        return
    _print(result)


def _print(result) -> None:
    from rich.console import Console
    from rich.text import Text

    out = Console()
    out.print(f"[bold]{result.total}[/] documents ({result.took_ms:.0f} ms, {result.backend})")
    for i, hit in enumerate(result.hits, 1 + (result.page - 1) * result.size):
        out.print(f"\n[bold]{i}. {hit.title or hit.id}[/]  [dim]{hit.published or ''} {hit.url}[/]", highlight=False)
        for h in hit.highlights:
            line = Text("   … ")
            line.append(h.text.replace("\n", " "))
            for m in h.matches:
                line.stylize("bold yellow", 5 + m.start, 5 + m.end)
            for f in h.facts:
                line.stylize("underline", 5 + f.start, 5 + f.end)
            out.print(line)
    for name, values in result.facets.items():
        if values:
            shown = ", ".join(f"{'[b]' if v.selected else ''}{v.value}{'[/b]' if v.selected else ''} ({v.count})" for v in values)
            out.print(f"[dim]{name}:[/] {shown}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("index")(index_command)
    app.command("search")(search_command)
