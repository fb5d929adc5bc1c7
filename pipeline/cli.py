"""Command line: a thin layer over :mod:`pipeline.api`. Exit codes are public API:
0 ok, 1 some inputs failed (recorded in ``ingest_errors``), 2 usage or set-up error."""

from __future__ import annotations

import json
import shlex
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn
from rich.table import Table

from pipeline import __version__, api
from pipeline.exceptions import ExitCode, SaksarkivError, UsageError
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


class Executor(str, Enum):
    local = "local"
    dask = "dask"


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


_DEFAULTS = Settings()


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF and .txt files, or folders (recursive).")],
    db: Annotated[Path, typer.Option("--db", help="The archive: a DuckDB file (created if missing).")],
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes (default: one per core).", show_default=False)] = None,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="auto: OCR pages without a usable text layer; always; never.")] = OcrMode.auto,
    text_engine: Annotated[TextEngine, typer.Option("--text-engine", help="Reader of PDF text layers: pdfium (fast) or pdfplumber.")] = TextEngine.pdfium,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Redo documents already in the archive.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Seconds a document may take, plus --timeout-per-page for each page it OCRs; then it is an error row.")] = _DEFAULTS.timeout,
    timeout_per_page: Annotated[float, typer.Option("--timeout-per-page", min=1, help="Seconds allowed per OCR'd page (also tesseract's limit).")] = _DEFAULTS.timeout_per_page,
    max_pages: Annotated[int, typer.Option("--max-pages", min=1, help="A PDF with more pages is an error row.")] = _DEFAULTS.max_pages,
    executor: Annotated[Executor, typer.Option("--executor", help="local: worker processes here; dask: a Dask cluster (--scheduler).")] = Executor.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="The Dask scheduler, e.g. tcp://HOST:8786 (with --executor dask).", show_default=False)] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Keep each original file in this folder, named by its SHA-256.", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON (for machines).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    log_json: Annotated[bool, typer.Option("--log-json", help="One JSON line per finished file and a final one on stderr (for unattended runs).")] = False,
) -> None:
    """Ingest PDFs and text files into the archive.

    Progress goes to stderr, the summary to stdout. Exit 0: all ok; 1: some inputs
    failed (see the ingest_errors table); 2: usage or set-up error; 130: interrupted by
    Ctrl-C or SIGTERM (what was loaded is kept: run the same command again to finish).

    Example: saksarkiv ingest samples/documents --db samples.duckdb --workers 2
    """
    settings = Settings(ocr=ocr.value, text_engine=text_engine.value, timeout=timeout,
                        timeout_per_page=timeout_per_page, max_pages=max_pages)
    command = "saksarkiv " + shlex.join(sys.argv[1:])
    try:
        check_paths(paths)
        if executor is Executor.dask and not scheduler:
            raise UsageError("--executor dask needs --scheduler tcp://HOST:8786")
    except SaksarkivError as exc:
        _fail(exc)
    progress = None if quiet or log_json else _progress_bar()
    on_progress = _json_logger() if log_json else None
    try:
        previous_term = signal.signal(signal.SIGTERM, _interrupt)  # stop cleanly, like Ctrl-C
    except ValueError:  # not the main thread (embedded use): leave SIGTERM alone
        previous_term = None
    try:
        if progress:
            progress.start()
            task = progress.add_task("ingest", total=None, pages=0, rate=0.0, failed=0, eta="")

            def on_progress(p: api.Progress) -> None:
                progress.update(task, completed=p.files_done, total=p.files_total, pages=p.pages,
                                rate=p.pages_per_second, failed=p.failed, eta=_eta(p.eta))
        try:
            summary = api.ingest([str(p) for p in paths], str(db), settings=settings,
                                 workers=workers, reprocess=reprocess,
                                 command=command, on_progress=on_progress,
                                 executor=executor.value, scheduler=scheduler,
                                 store=str(store) if store else None)
        finally:
            if progress:
                progress.stop()
    except SaksarkivError as exc:
        _fail(exc)
    except KeyboardInterrupt as exc:
        summary = exc.args[0] if exc.args and isinstance(exc.args[0], api.RunSummary) else None
        if summary is not None:
            _print_summary(summary, as_json, log_json)
        err.print("[yellow]interrupted: what was loaded is kept; run the same command again to finish[/]")
        raise typer.Exit(130)
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
    _print_summary(summary, as_json, log_json)
    raise typer.Exit(ExitCode.SOME_INPUTS_FAILED if summary.documents_failed else ExitCode.OK)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = int(seconds)
    return f"ETA {seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _json_logger():
    """--log-json: one line on stderr per settled file."""

    def log(p: api.Progress) -> None:
        if p.last is None:
            return
        e = p.last
        line = {"event": "document", "source": e.source, "sha256": e.sha256,
                "outcome": e.outcome, "pages": e.pages, "seconds": e.seconds}
        if e.outcome == "failed":
            line.update(stage=e.stage, error=e.error)
        line.update(files_done=p.files_done, files_total=p.files_total, pages_done=p.pages,
                    failed=p.failed, elapsed=round(p.elapsed, 3),
                    eta=None if p.eta is None else round(p.eta))
        sys.stderr.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stderr.flush()

    return log


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
        TextColumn("{task.fields[eta]}"),
        console=err,
        transient=False,
        refresh_per_second=2,
    )


def _print_summary(summary: api.RunSummary, as_json: bool, log_json: bool = False) -> None:
    data = {
        "run_id": summary.run_id,
        "db": summary.db,
        "status": summary.status,
        **summary.counts(),
        "sources_added": summary.sources_added,
        "stale_runs_marked": summary.stale_runs_marked,
        "pages_per_second": summary.pages_per_second,
        "documents_by_origin": summary.by_origin,
        "errors": summary.errors,
    }
    if log_json:
        line = {"event": "summary", **{k: v for k, v in data.items() if k != "errors"}}
        sys.stderr.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stderr.flush()
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
    if summary.stale_runs_marked:
        table.add_row("killed earlier runs (marked interrupted)", str(summary.stale_runs_marked))
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



class SqlFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"


DB_OPTION = typer.Option("--db", help="The archive (a DuckDB file).")


@app.command()
def sql(
    statement: Annotated[str, typer.Argument(help="A SELECT (or WITH ... SELECT, DESCRIBE, SHOW, EXPLAIN).")],
    db: Annotated[Path, DB_OPTION] = Path("samples.duckdb"),
    fmt: Annotated[SqlFormat, typer.Option("--format", "-f", help="Output format.")] = SqlFormat.table,
) -> None:
    """Run a read-only SQL query on the archive. Writes (DELETE, DROP, ATTACH, COPY, ...)
    are refused with exit code 2.

    Example: saksarkiv sql "SELECT case_key, kind, text FROM decision_history" --db samples.duckdb
    """
    from pipeline import query

    try:
        result = query.run_sql(str(db), statement)
    except SaksarkivError as exc:
        _fail(exc)
    if fmt is SqlFormat.table:
        table = Table(show_lines=False)
        for col in result.columns:
            table.add_column(col, overflow="fold")
        for row in result.rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
    else:
        print(query.format_result(result, fmt.value))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to search for (Norwegian stemming: møte finds møtet, møtene).")],
    db: Annotated[Path, DB_OPTION] = Path("samples.duckdb"),
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many cases to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
) -> None:
    """Full-text search: ranked cases with a highlighted snippet.

    Example: saksarkiv search "partnerskapsmøte" --db samples.duckdb
    """
    from dataclasses import asdict

    from pipeline import query

    try:
        hits = query.search(str(db), text, limit)
    except SaksarkivError as exc:
        _fail(exc)
    if as_json:
        print(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        out.print(f"no matches for {text!r}")
    for i, h in enumerate(hits, 1):
        where = h.case_key or h.filename
        out.print(f"[bold]{i}. {where}[/]  ({h.kind}{', ' + h.heading if h.heading else ''}; "
                  f"{h.filename} p. {h.page_no}; score {h.score:.3f})")
        out.print("   " + _bold_marks(h.snippet), highlight=False)


def _bold_marks(snippet: str) -> str:
    """Turn the snippet's **match** marks into bold on a terminal (plain marks otherwise)."""
    from rich.markup import escape

    parts = escape(snippet).split("**")
    return "".join(f"[bold yellow]{p}[/]" if i % 2 else p for i, p in enumerate(parts))


@app.command()
def stats(db: Annotated[Path, DB_OPTION] = Path("samples.duckdb")) -> None:
    """What the archive holds: documents by origin, cases by body and year, repairs, errors.

    Example: saksarkiv stats --db samples.duckdb
    """
    from pipeline import query

    try:
        tables = query.stats(str(db))
    except SaksarkivError as exc:
        _fail(exc)
    for title, result in tables.items():
        t = Table(title=title)
        for col in result.columns:
            t.add_column(col)
        for row in result.rows:
            t.add_row(*("" if v is None else str(v) for v in row))
        out.print(t)


@app.command()
def export(
    folder: Annotated[Path, typer.Argument(help="Folder to write one file per table and view into.")],
    db: Annotated[Path, DB_OPTION] = Path("samples.duckdb"),
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="parquet or csv.")] = ExportFormat.parquet,
) -> None:
    """Export every table and view for pandas, Polars or a BI tool.

    Example: saksarkiv export out/ --format parquet --db samples.duckdb
    """
    from pipeline import query

    try:
        files = query.export(str(db), str(folder), fmt.value)
    except SaksarkivError as exc:
        _fail(exc)
    for f in files:
        print(f)


from pipeline.sync._cli import sync  # noqa: E402  (its own module: the sync package owns it)

app.command()(sync)


def main() -> None:
    app()
