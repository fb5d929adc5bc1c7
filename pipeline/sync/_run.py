"""The sync run, top to bottom: lock → state → fetch each source → ingest → record.

1. Take the archive's sync lock (a second sync exits at once: exit code 3).
2. Open the archive, mark the run as ``syncing``, read the URL state, close it again
   (the ingest step opens the archive itself).
3. For each source, list its documents (index pages and their sub-pages up to
   ``follow``, a feed's enclosures and entries, an inbox folder's files), then check each
   document: a conditional GET for URLs, size and mtime for files. New bytes go to the
   content-addressed store.
4. Ingest the new and changed files in one ``api.ingest`` call (which dedups by sha256).
5. Record everything in one transaction: URL state, versions, sources, the run's counts.

Nothing is recorded for a URL before its document is in the archive, so a sync that is
killed half-way simply redoes that work next time.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from pipeline.exceptions import UsageError
from pipeline.settings import Settings
from pipeline.sync import _state
from pipeline.sync._check import Checker, EventHandler, count
from pipeline.sync._fetch import Fetcher
from pipeline.sync._lock import SyncLock
from pipeline.sync._report import SyncReport
from pipeline.sync._store import Store, store_path_for
from pipeline.sync.config import SyncConfig, load_config


def sync(
    config: SyncConfig | str | os.PathLike,
    db: str | os.PathLike,
    *,
    settings: Settings = Settings(),
    workers: int | None = None,
    store: str | os.PathLike | None = None,
    command: str = "api.sync",
    on_event: EventHandler | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SyncReport:
    """Fetch what is new or changed in the sources of ``config`` and ingest it into ``db``.

    Raises ``ConfigError`` (exit 2) for a bad config, ``SyncLockedError`` (exit 3) when
    another sync runs on ``db``; failures of sources and files are in the report.
    """
    cfg = config if isinstance(config, SyncConfig) else load_config(config)
    db = str(db)
    if db == ":memory:":
        raise UsageError("sync needs an archive file (--db FILE), not :memory:")
    if settings.ocr != "never":  # a set-up problem shows before anything is fetched
        from pipeline._exec import tesseract

        tesseract.version()
        tesseract.check_language(settings.ocr_lang)
    started = time.monotonic()
    with SyncLock(db):
        conn = _state.open_archive(db)
        try:
            run_id, _ = _state.start_run(conn, command)
            state = _state.load_state(conn)
        finally:
            conn.close()
        the_store = Store(store or store_path_for(db))
        the_store.clean_tmp()
        report = SyncReport(run_id=run_id, db=db, config=cfg.path, store=str(the_store.root))
        try:
            fetcher = Fetcher(cfg.fetch, the_store, sleep=sleep)
            checker = Checker(cfg, state, fetcher, the_store, report, on_event or _quiet)
            try:
                for source in cfg.sources:
                    checker.source(source)
            finally:
                fetcher.close()
            report.requests, report.bytes_downloaded = fetcher.requests, fetcher.bytes_downloaded
            _ingest(checker, report, db, settings, workers, command)
            count(report, checker)
            report.status = "ok" if not (report.failed or report.sources_failed) else "some_failed"
        except BaseException:
            _abandon(db, run_id)
            raise
        report.seconds = round(time.monotonic() - started, 3)
        _record(checker, report, cfg, db)
    return report


def _ingest(checker: Checker, report: SyncReport, db: str, settings: Settings,
            workers: int | None, command: str) -> None:
    """Ingest the new and changed files in one call; its failures become the URLs' own."""
    from pipeline import api

    paths = sorted({d.path for d in checker.docs if d.path and d.outcome in ("new", "changed")})
    if not paths:
        return
    names = {d.path: d.url for d in checker.docs if d.path and d.outcome in ("new", "changed")}
    summary = api.ingest(paths, db, settings=settings, workers=workers,
                         command=f"{command} [ingest step]", source_names=names)
    report.ingest_run_id = summary.run_id
    report.documents_loaded, report.pages = summary.documents_new, summary.pages
    failed = {e["source"]: e for e in summary.errors}
    for d in checker.docs:
        if d.path in failed and d.outcome in ("new", "changed"):
            e = failed[d.path]
            d.outcome, d.error = "failed", f"ingest ({e['stage']}): {e['error']}"
            checker.emit(d)


def _record(checker: Checker, report: SyncReport, cfg: SyncConfig, db: str) -> None:
    conn = _state.open_archive(db)
    try:
        _state.finish_run(
            conn, report.run_id, status=report.status,
            results=checker.results + [d.result() for d in checker.docs],
            runs_counts={
                "files_seen": report.checked, "documents_new": report.documents_loaded,
                "documents_skipped": report.unchanged, "documents_failed": report.failed,
                "pages": report.pages, "seconds": report.seconds,
            },
            sync_counts={
                "config": cfg.path, "ingest_run_id": report.ingest_run_id,
                "sources": len(cfg.sources), "sources_failed": report.sources_failed,
                "checked": report.checked, "new": report.new, "changed": report.changed,
                "unchanged": report.unchanged, "failed": report.failed,
                "disallowed": report.disallowed, "downloaded": report.downloaded,
                "bytes_downloaded": report.bytes_downloaded,
            },
        )
    finally:
        conn.close()


def _quiet(*_args) -> None:
    pass


def _abandon(db: str, run_id: str) -> None:
    try:
        conn = _state.open_archive(db)
    except Exception:  # the archive itself is the problem: nothing more to record
        return
    try:
        _state.abandon_run(conn, run_id, "interrupted")
    finally:
        conn.close()
