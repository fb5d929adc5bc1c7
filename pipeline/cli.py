"""Command line: a thin layer over :mod:`pipeline.api`. Exit codes are public API:
0 ok, 1 some inputs failed (recorded in ``ingest_errors``), 2 usage or set-up error."""

from __future__ import annotations

import json
import shlex
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from pipeline import __version__, api
from pipeline.exceptions import ExitCode, SaksarkivError
from pipeline.settings import Settings
from pipeline.stages.discover import check_paths

app = typer.Typer(
    name="saksarkiv",
    help="Turn legacy Norwegian case papers (PDFs, scans, text dumps) into a DuckDB archive.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()


class TextEngine(str, Enum):
    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


class OcrMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        print(f"saksarkiv {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                     help="Print the version and exit.")
    ] = None,
) -> None:
    pass


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF and .txt files, or folders (recursive).")],
    db: Annotated[Path, typer.Option("--db", help="The archive: a DuckDB file (created if missing).")],
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes (default: one per core).", show_default=False)] = None,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="auto: OCR pages without a usable text layer; always; never.")] = OcrMode.auto,
    text_engine: Annotated[TextEngine, typer.Option("--text-engine", help="Reader of PDF text layers: pdfium (fast) or pdfplumber.")] = TextEngine.pdfium,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Redo documents already in the archive.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON (for machines).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest PDFs and text files into the archive.

    Progress goes to stderr, the summary to stdout. Exit 0: all ok; 1: some inputs
    failed (see the ingest_errors table); 2: usage or set-up error.

    Example: saksarkiv ingest samples/documents --db samples.duckdb --workers 2
    """
    settings = Settings(ocr=ocr.value, text_engine=text_engine.value)
    command = "saksarkiv " + shlex.join(sys.argv[1:])
    try:
        check_paths(paths)
    except SaksarkivError as exc:
        _fail(exc)
    progress = None if quiet else _progress_bar()
    try:
        if progress:
            progress.start()
            task = progress.add_task("ingest", total=None, pages=0, rate=0.0, failed=0)

            def on_progress(p: api.Progress) -> None:
                progress.update(task, completed=p.files_done, total=p.files_total, pages=p.pages,
                                rate=p.pages / p.elapsed if p.elapsed else 0.0, failed=p.failed)
        else:
            on_progress = None
        try:
            summary = api.ingest([str(p) for p in paths], str(db), settings=settings,
                                 workers=workers, reprocess=reprocess,
                                 command=command, on_progress=on_progress)
        finally:
            if progress:
                progress.stop()
    except SaksarkivError as exc:
        _fail(exc)
    except KeyboardInterrupt as exc:
        summary = exc.args[0] if exc.args else None
        if summary is not None:
            _print_summary(summary, as_json)
        err.print("[yellow]interrupted: what was loaded is kept; run the same command again to finish[/]")
        raise typer.Exit(130)
    _print_summary(summary, as_json)
    raise typer.Exit(ExitCode.SOME_INPUTS_FAILED if summary.documents_failed else ExitCode.OK)


def _fail(exc: SaksarkivError) -> None:
    """The one place where our errors become a message and an exit code."""
    err.print(f"[red]error:[/] {exc}")
    raise typer.Exit(int(exc.exit_code))


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} files"),
        TextColumn("{task.fields[pages]} pages"),
        TextColumn("{task.fields[rate]:.1f} pages/s"),
        TextColumn("[red]{task.fields[failed]} failed"),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
        refresh_per_second=4,
    )


def _print_summary(summary: api.RunSummary, as_json: bool) -> None:
    data = {
        "run_id": summary.run_id,
        "db": summary.db,
        "status": summary.status,
        **summary.counts(),
        "sources_added": summary.sources_added,
        "pages_per_second": summary.pages_per_second,
        "documents_by_origin": summary.by_origin,
        "errors": summary.errors,
    }
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"saksarkiv ingest → {summary.db}", show_header=False, box=None)
    table.add_row("documents loaded", str(summary.documents_new))
    for origin, n in sorted(summary.by_origin.items()):
        table.add_row(f"  from {origin}", str(n))
    table.add_row("already in archive (skipped)", str(summary.documents_skipped))
    table.add_row("new source paths for known documents", str(summary.sources_added))
    table.add_row("failed", str(summary.documents_failed))
    table.add_row("pages", f"{summary.pages} ({summary.pages_ocr} OCR'd)")
    table.add_row("time", f"{summary.seconds:.1f} s ({summary.pages_per_second} pages/s)")
    table.add_row("run_id", summary.run_id)
    out.print(table)
    if summary.errors:
        errs = Table(title="failed files (also in table ingest_errors)", show_lines=False)
        errs.add_column("file")
        errs.add_column("stage")
        errs.add_column("error")
        for e in summary.errors:
            errs.add_row(Path(e["source"]).name, e["stage"], e["error"])
        out.print(errs)


@app.command()
def repair(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")] = "-",
    diff: Annotated[bool, typer.Option("--diff", help="Show the changes instead of the text.")] = False,
) -> None:
    """Repair Norwegian character damage (English-OCR confusions, mojibake) in a text.

    Prints the repaired text; with --diff, each change with its kind and confidence.

    Example: echo "Partnerskapsmgte pa fredag" | saksarkiv repair - --diff
    """
    from pipeline import repair as repair_mod
    from pipeline.stages import _read_text

    data = sys.stdin.buffer.read() if file == "-" else _read_file(file)
    try:
        text, _, _ = _read_text.decode(data)
    except SaksarkivError as exc:
        _fail(exc)
    outcome = repair_mod.repair_text(text)
    if diff:
        print(repair_mod.format_diff(text, outcome))
    else:
        sys.stdout.write(outcome.texts[0] if outcome.texts else "")


def _read_file(file: str) -> bytes:
    try:
        return Path(file).read_bytes()
    except OSError as exc:
        err.print(f"[red]error:[/] cannot read {file}: {exc.strerror}")
        raise typer.Exit(ExitCode.USAGE)


def main() -> None:
    app()
