"""`thidua serve`, `thidua demo` and `thidua export awards`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

err = Console(stderr=True)
EXIT_BAD_INPUT, EXIT_USAGE, EXIT_UNREACHABLE = 1, 2, 3
export_app = typer.Typer(help="Export what the corpus counts.", no_args_is_help=True)


def _serve(host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    print(f"thidua: serving on http://{host}:{port} (API docs at http://{host}:{port}/docs)", flush=True)
    # An import string + factory so that --workers N can start N processes (one per core).
    # No access log: at log level "warning" it printed nothing, yet cost a record per request.
    uvicorn.run("thidua.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    backend: Annotated[Optional[str], typer.Option(help="tantivy (default), sqlite or elasticsearch; env THIDUA_BACKEND.")] = None,
    es_url: Annotated[Optional[str], typer.Option(help="Elasticsearch URL; env THIDUA_ES_URL.")] = None,
    workers: Annotated[int, typer.Option(help="Server processes (one per core serves the most).")] = 1,
) -> None:
    """Serve the API (OpenAPI at /docs) and the web page over the current index."""
    import os

    if backend:
        os.environ["THIDUA_BACKEND"] = backend
    if es_url:
        os.environ["THIDUA_ES_URL"] = es_url
    _check_backend()
    _serve(host, port, workers)


def _check_backend() -> None:
    from thidua.index.base import BackendUnavailable, IndexMissing, open_backend

    try:
        with open_backend() as b:
            h = b.health()
    except BackendUnavailable as exc:
        err.print(f"[red]error[/]: search engine unreachable: {exc}. Start it, or use the embedded engine: --backend tantivy.")
        raise typer.Exit(EXIT_UNREACHABLE) from None
    except IndexMissing as exc:
        err.print(f"[yellow]note[/]: no index yet ({exc}); run `thidua index` (or `thidua demo`). Serving anyway.")
        return
    if not h.ok:
        err.print(f"[yellow]note[/]: backend not ready: {h.detail}")


def demo(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Prepare the data and stop (for scripts).")] = False,
) -> None:
    """Sample corpus → extract → embedded index → API and web page on localhost."""
    import os

    from thidua.corpus.importer import import_paths
    from thidua.corpus.ingest import Ingestor
    from thidua.corpus.sample import files as sample_files
    from thidua.corpus.store import CorpusStore
    from thidua.config import DEFAULT_BACKEND
    from thidua.index.base import as_indexed, open_backend

    os.environ["THIDUA_BACKEND"] = DEFAULT_BACKEND  # the demo is the embedded default, whatever the environment says
    files = sample_files()
    with CorpusStore.open() as store:
        summary = import_paths(Ingestor(store), [], files=files)
        print(f"import: {summary.line()}", flush=True)
        with open_backend(DEFAULT_BACKEND) as backend:
            report = backend.rebuild(as_indexed(store.iter_documents()))
        print(f"index: {report.indexed} documents indexed ({report.docs_per_second:,.0f} docs/s)", flush=True)
    if not no_serve:
        _serve(host, port)


def export_awards(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, xlsx or json.")] = "csv",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (stdout for csv/json).")] = None,
    province: Annotated[Optional[list[str]], typer.Option(help="Only these provinces.")] = None,
    district: Annotated[Optional[list[str]], typer.Option(help="Only these districts.")] = None,
    year: Annotated[Optional[list[str]], typer.Option(help="Only these years.")] = None,
    award: Annotated[Optional[list[str]], typer.Option(help="Only these awards.")] = None,
    grantor: Annotated[Optional[str], typer.Option(help="Grantor contains (diacritics optional).")] = None,
    recipient: Annotated[Optional[str], typer.Option(help="tập thể, cá nhân…")] = None,
    include_proposed: Annotated[bool, typer.Option(help="Include proposals (đề nghị), not only grants.")] = False,
) -> None:
    """Award tallies, one row per tally: award, grantor, recipient, count, province, district, year, document."""
    from thidua.api import exports
    from thidua.api.service import Service
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import BackendUnavailable, IndexMissing, open_backend

    if fmt not in exports.MEDIA_TYPES:
        err.print(f"[red]error[/]: unknown format {fmt!r}: use csv, xlsx or json")
        raise typer.Exit(EXIT_USAGE)
    if fmt == "xlsx" and output is None:
        err.print("[red]error[/]: XLSX is binary: give a file with -o awards.xlsx")
        raise typer.Exit(EXIT_USAGE)
    filters = {k: v for k, v in {"province": province, "district": district, "year": year, "award": award,
                                 "grantor": [grantor] if grantor else None,
                                 "recipient": [recipient] if recipient else None}.items() if v}
    try:
        with open_backend() as backend, CorpusStore.open() as store:
            rows = (r.model_dump() for r in Service(backend, store).award_rows(filters, include_proposed))
            out = open(output, "wb") if output else sys.stdout.buffer
            try:
                n = 0
                for chunk in exports.export_chunks(rows, fmt):
                    out.write(chunk)
                    n += 1
            finally:
                if output:
                    out.close()
    except BackendUnavailable as exc:
        err.print(f"[red]error[/]: search engine unreachable: {exc}")
        raise typer.Exit(EXIT_UNREACHABLE) from None
    except IndexMissing as exc:
        err.print(f"[red]error[/]: no index yet ({exc}); run `thidua index` first")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if output:
        err.print(f"wrote {output}")


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(demo)
    export_app.command("awards")(export_awards)
    app.add_typer(export_app, name="export")
