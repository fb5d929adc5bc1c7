"""The ``saksarkiv sync`` command (registered in ``pipeline/cli.py``)."""

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
from rich.markup import escape
from rich.table import Table

from pipeline.exceptions import ExitCode, SaksarkivError
from pipeline.settings import Settings

err = Console(stderr=True)
out = Console()


class SyncOcr(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def sync(
    config: Annotated[Path, typer.Option("--config", "-c", help="The sources file (TOML): one source table each, with a name and a url, feed or path.")],
    db: Annotated[Path, typer.Option("--db", help="The archive: a DuckDB file (created if missing).")],
    store: Annotated[Optional[Path], typer.Option("--store", help="Folder for downloaded files (default: the archive's name + .store).", show_default=False)] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes for the ingest step (default: one per core).", show_default=False)] = None,
    ocr: Annotated[SyncOcr, typer.Option("--ocr", help="auto: OCR pages without a usable text layer; always; never.")] = SyncOcr.auto,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run report as JSON (for monitoring).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No line per new, changed or failed document on stderr.")] = False,
) -> None:
    """Fetch newly published papers from web pages, feeds and folders; ingest only what is new.

    Each source is checked politely (robots.txt, a rate limit per host, conditional GET);
    new and changed files are kept in a content-addressed store next to the archive and
    ingested; a changed file at a known URL becomes a new version linked to the old one.
    The report goes to stdout (--json for machines), one line per new, changed or failed
    document to stderr. Exit 0: ok; 1: some sources or files failed (recorded, retried
    next run); 2: configuration error; 3: another sync is running on this archive.

    Example: saksarkiv sync --config sources.toml --db archive.duckdb --json
    """
    from pipeline.sync import sync as run_sync

    command = "saksarkiv " + shlex.join(sys.argv[1:]) if sys.argv[1:2] == ["sync"] else \
        "saksarkiv sync " + shlex.join(sys.argv[1:])
    on_event = None if quiet else _event_printer()
    try:
        previous_term = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread (embedded use): leave SIGTERM alone
        previous_term = None
    try:
        report = run_sync(config, db, settings=Settings(ocr=ocr.value), workers=workers,
                          store=store, command=command, on_event=on_event)
    except SaksarkivError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(int(exc.exit_code))
    except KeyboardInterrupt:
        err.print("[yellow]interrupted: nothing of this run was recorded except what the "
                  "ingest step loaded; the next sync redoes the rest[/]")
        raise typer.Exit(130)
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    raise typer.Exit(ExitCode.OK if report.ok else ExitCode.SOME_INPUTS_FAILED)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _event_printer():
    def on_event(outcome: str, source: str, url: str, detail: str) -> None:
        colour = {"new": "green", "changed": "cyan", "disallowed": "yellow"}.get(outcome, "red")
        line = f"[{colour}]{outcome:>13}[/] {escape(source)}: {escape(url)}"
        if outcome in ("failed", "source_failed", "disallowed") and detail:
            line += f" — {escape(detail)}"
        err.print(line, highlight=False, soft_wrap=True)

    return on_event


def _print_report(report) -> None:
    table = Table(title=f"saksarkiv sync → {report.db}", show_header=True, box=None)
    for col in ("source", "checked", "new", "changed", "unchanged", "failed", "robots"):
        table.add_column(col, justify="left" if col == "source" else "right")
    for s in report.sources:
        name = s.name + (" [red](source failed)[/]" if s.errors else "")
        table.add_row(name, *(str(getattr(s, k)) for k in
                              ("checked", "new", "changed", "unchanged", "failed", "disallowed")))
    table.add_row("[bold]total[/]", *(f"[bold]{getattr(report, k)}[/]" for k in
                                      ("checked", "new", "changed", "unchanged", "failed", "disallowed")))
    out.print(table)
    out.print(f"downloaded {report.downloaded} documents and pages ({report.requests} requests, "
              f"{report.bytes_downloaded:,} bytes); documents loaded: {report.documents_loaded}; "
              f"{report.seconds:.1f} s; status {report.status}; run_id {report.run_id}",
              highlight=False)
    if report.failures:
        errs = Table(title="failures (retried next run; see source_urls)")
        errs.add_column("source")
        errs.add_column("url", overflow="fold")
        errs.add_column("error", overflow="fold")
        for f in report.failures:
            errs.add_row(f["source"], f["url"], f["error"] or "")
        out.print(errs)
