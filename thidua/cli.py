"""The `thidua` command: one entry point, one sub-command per job.

A thin layer: parse options, call the library, print. Heavy imports stay inside the
commands so that `thidua --help` is instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    name="thidua",
    help="Vietnamese emulation movements (thi đua) and commendation (khen thưởng): extract, store, search, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)


@app.callback()
def _root() -> None:
    """Vietnamese emulation movements (thi đua) and commendation (khen thưởng)."""

# Exit codes promised in ../shared/schema/interfaces.md
EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3


def _read_inputs(paths: list[str]):
    """Yield (name, bytes | Exception) for each path; '-' is standard input."""
    for p in paths:
        if p == "-":
            yield "-", sys.stdin.buffer.read()
            continue
        try:
            yield p, Path(p).read_bytes()
        except OSError as exc:
            yield p, exc


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Text or HTML files (any common encoding); '-' reads standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file, per extraction.md.")] = False,
    with_text: Annotated[bool, typer.Option("--with-text", help="Include the normalised text in the JSON.")] = False,
) -> None:
    """Extract references, campaigns, dates, awards and places; nothing is stored."""
    from thidua.nlp.decode import DecodeError, decode_document
    from thidua.nlp.pipeline import extract as run

    failed = 0
    out = sys.stdout
    for name, data in _read_inputs(files):
        if isinstance(data, Exception):
            err.print(f"[red]error[/]: {name}: cannot read ({data.strerror or data}); check the path.")
            failed += 1
            continue
        try:
            doc = decode_document(data, name=name)
        except DecodeError as exc:
            err.print(f"[red]error[/]: {exc}")
            failed += 1
            continue
        result = run(doc.text, source=name, published=doc.published, normalized=True)
        if as_json:
            out.write(json.dumps(result.to_dict(include_text=with_text), ensure_ascii=False) + "\n")
        else:
            _print_summary(name, result)
    out.flush()
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def _print_summary(name: str, result) -> None:
    from rich.table import Table

    table = Table(title=name, show_lines=False)
    for col in ("type", "value", "surface", "span"):
        table.add_column(col, overflow="fold")
    for r in result.references:
        table.add_row("reference", f"{r.id} {r.date or ''} {r.issuer or ''}", r.surface, f"{r.start}-{r.end}")
    for d in result.dates:
        table.add_row("date", d.value, d.surface, f"{d.start}-{d.end}")
    for c in result.campaigns:
        table.add_row("campaign", c.name, c.surface, f"{c.start}-{c.end}")
    for a in result.awards:
        v = f"{a.award} × {a.count} → {a.recipient or '?'} (by {a.grantor or '?'}){' [đề nghị]' if a.proposed else ''}"
        table.add_row("award", v, a.surface, f"{a.start}-{a.end}")
    for loc in result.locations:
        table.add_row("location", f"{loc.name} ({loc.level}, {loc.province or '?'})", loc.surface, f"{loc.start}-{loc.end}")
    Console().print(table)


# Commands of the other stages register themselves here (one line each).
# --- registered commands ---
from thidua.index.commands import register as _register_index; _register_index(app)  # noqa: E402
from thidua.corpus.commands import register as _register_corpus; _register_corpus(app)  # noqa: E402,E702
from thidua.crawler.commands import register as _register_crawler; _register_crawler(app)  # noqa: E402,E702
from thidua.api.commands import register as _register_api; _register_api(app)  # noqa: E402,E702


def main() -> None:
    app()


if __name__ == "__main__":
    main()
