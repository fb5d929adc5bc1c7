"""The library API: what the CLI calls, and what Python users call.

>>> from pipeline import api
>>> summary = api.ingest(["samples/documents"], db="samples.duckdb")   # doctest: +SKIP
>>> con = api.open_archive("samples.duckdb", read_only=True)           # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import duckdb

from pipeline import archive
from pipeline._exec import tesseract
from pipeline._runner import DocumentEvent, Progress, RunSummary
from pipeline._runner import ingest as _ingest
from pipeline.exceptions import UsageError
from pipeline.settings import Settings, default_workers
from pipeline.stages.discover import check_paths
from pipeline.stages.load import Loader

__all__ = ["ingest", "open_archive", "repair_text", "DocumentEvent", "Progress", "RunSummary",
           "Settings"]


def open_archive(db: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to the archive ``db`` with the schema in place."""
    return archive.connect(db, read_only=read_only)


def dataframe(db: str, sql: str):
    """Run a read-only query on the archive ``db`` and return a pandas DataFrame."""
    from pipeline import query

    return query.dataframe(db, sql)


def ingest(
    paths: Sequence[str],
    db: str,
    *,
    settings: Settings = Settings(),
    workers: int | None = None,
    reprocess: bool = False,
    command: str = "api.ingest",
    on_progress: Callable[[Progress], None] | None = None,
    executor: str = "local",
    scheduler: str | object | None = None,
    store: str | None = None,
    source_names: Mapping[str, str] | None = None,
) -> RunSummary:
    """Ingest the files and folders ``paths`` into the archive ``db``.

    ``executor="local"`` runs ``workers`` processes on this machine (default: one per
    core); ``executor="dask"`` sends the work to the Dask cluster at ``scheduler``
    (``tcp://host:8786``, or a ``distributed.Client``) while this process writes the
    archive. ``store``: a folder where each original file is kept, named by its SHA-256.
    ``source_names``: what to record as a file's source instead of its path (``saksarkiv
    sync`` gives the URL each stored file was fetched from).

    Raises :class:`UsageError` for missing paths, a missing OCR engine or an unreachable
    scheduler; ``KeyboardInterrupt`` (carrying the summary) when interrupted.
    """
    if not paths:
        raise UsageError("give at least one file or folder to ingest")
    if executor not in ("local", "dask"):
        raise UsageError(f"unknown executor {executor!r}: local or dask")
    if executor == "dask" and scheduler is None:
        raise UsageError("--executor dask needs --scheduler tcp://HOST:8786")
    check_paths(paths)
    if settings.ocr != "never" and executor == "local":  # Dask workers bring their own
        tesseract.version()
        tesseract.check_language(settings.ocr_lang)
    conn = archive.connect(db)
    try:
        loader = Loader(conn, names=source_names)
        return _ingest(
            list(paths),
            loader,
            db=db,
            command=command,
            settings=settings,
            workers=workers or default_workers(),
            reprocess=reprocess,
            vocabulary=loader.vocabulary() if settings.repair else frozenset(),
            on_progress=on_progress,
            executor=executor,
            scheduler=scheduler,
            store=store,
        )
    finally:
        conn.close()


def repair_text(text: str):
    """Repair one text (as ``saksarkiv repair`` does); returns the repair outcome."""
    from pipeline import repair

    return repair.repair_text(text)
