"""Run an ingest: stream files to the workers, load their records, report progress.

Workers compute (the task functions of ``_executors``, around ``_driver``), the parent
writes (``stages.load.Loader``, one transaction per document). The file list is streamed
(it is counted first, names only, for the ETA) and at most ``2 × workers`` documents are
open at once, so memory stays bounded however many files are queued.

A document is one task, or, when several of its pages need OCR, a ``start`` task (read,
assess), one task per page, and a ``finish`` task (repair, extract): the pages of a large
scan spread over all workers. Page and finish tasks go before new documents, so open
documents are finished first.

Each document has a time budget (``Settings.timeout`` + ``timeout_per_page`` per page to
OCR) counted over the time its tasks run; a document over budget has its running tasks
killed and becomes an ``ingest_errors`` row, as does one whose worker died.

Resume: every document is committed in its own transaction, keyed by content hash, so a
run stopped at any point (Ctrl-C, ``kill -9``, power cut) leaves whole documents only; the
next run skips those loaded by this pipeline version and marks runs left ``running`` by a
killed process as ``interrupted``.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline import PIPELINE_VERSION, _driver, _executors, _store
from pipeline.records import DocumentFailure, DocumentRecord, SourceFile
from pipeline.settings import Settings
from pipeline.stages.discover import discover
from pipeline.stages.load import Loader

MAX_ERRORS_KEPT = 1000  # in the summary; every failure is a row in ingest_errors
# Records are loaded in batches of this many documents, or after this many seconds.
LOAD_BATCH = 32
LOAD_BATCH_SECONDS = 0.5
POLL_SECONDS = 0.5


@dataclass
class RunSummary:
    run_id: str
    db: str
    files_seen: int = 0
    documents_new: int = 0
    documents_skipped: int = 0
    documents_failed: int = 0
    sources_added: int = 0
    pages: int = 0
    pages_ocr: int = 0
    seconds: float = 0.0
    status: str = "running"
    errors: list[dict] = field(default_factory=list)
    by_origin: dict[str, int] = field(default_factory=dict)
    stale_runs_marked: int = 0

    @property
    def pages_per_second(self) -> float:
        return round(self.pages / self.seconds, 2) if self.seconds else 0.0

    def counts(self) -> dict[str, float]:
        return {
            "files_seen": self.files_seen,
            "documents_new": self.documents_new,
            "documents_skipped": self.documents_skipped,
            "documents_failed": self.documents_failed,
            "pages": self.pages,
            "pages_ocr": self.pages_ocr,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class DocumentEvent:
    """One file settled: loaded, skipped (already in the archive) or failed."""

    source: str
    sha256: str | None
    outcome: str  # loaded / skipped / failed
    pages: int = 0
    seconds: float = 0.0
    stage: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Progress:
    """What the progress display is told after each file (and every few seconds)."""

    files_done: int
    files_total: int
    pages: int  # pages loaded, plus pages OCR'd in documents still in progress
    failed: int
    elapsed: float
    eta: float | None = None  # seconds, from the pace of the documents processed so far
    last: DocumentEvent | None = None  # the file just settled (None for a periodic update)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.elapsed if self.elapsed else 0.0


def ingest(
    paths: list[str],
    loader: Loader,
    *,
    db: str,
    command: str,
    settings: Settings,
    workers: int,
    reprocess: bool = False,
    vocabulary: frozenset[str] = frozenset(),
    on_progress: Callable[[Progress], None] | None = None,
    executor: str = "local",
    scheduler: str | object | None = None,
    store: str | None = None,
) -> RunSummary:
    """Ingest every file under ``paths``; returns the run's summary.

    Raises ``KeyboardInterrupt`` (carrying the summary) after recording an interrupted run.
    """
    # Workers first: they set up while the parent counts files (an unreachable Dask
    # scheduler is a usage error before any run is recorded).
    pool = _make_pool(executor, workers, vocabulary, scheduler, settings)
    try:
        stale = mark_stale_runs(loader)
        run_id = loader.start_run(command)
    except BaseException:
        pool.close()
        raise
    summary = RunSummary(run_id=run_id, db=db, stale_runs_marked=stale)
    run = _Run(loader, summary, settings, reprocess, on_progress, 0, store)
    try:
        run.total = sum(1 for _ in discover(paths))  # names only, so progress has an ETA
        run.execute(run.jobs(discover(paths)), pool)
        run.flush()
        summary.status = "some_failed" if summary.documents_failed else "ok"
    except (KeyboardInterrupt, duckdb.InterruptException):
        # DuckDB turns a Ctrl-C that lands during a query into its own exception
        summary.status = "interrupted"
        try:  # keep what the workers had already finished
            run.flush()
        except BaseException:
            pass  # a second interrupt: those documents are redone next time
    except BaseException:
        summary.status = "failed"  # e.g. the Dask scheduler went away: the run row says so
        raise
    finally:
        pool.close()
        summary.seconds = time.perf_counter() - run.started
        if summary.status == "interrupted":
            _recount(loader, summary)
        loader.finish_run(run_id, summary.status, summary.counts())
    if summary.status == "interrupted":
        raise KeyboardInterrupt(summary)
    return summary


def mark_stale_runs(loader: Loader) -> int:
    """Runs still ``running`` belong to a process that was killed (the archive is locked
    while a run is alive): mark them ``interrupted`` with what they did load."""
    conn = loader.conn
    stale = conn.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0]
    if stale:
        conn.execute(
            """
            UPDATE runs SET status = 'interrupted',
                documents_new = (SELECT count(*) FROM documents d WHERE d.run_id = runs.run_id),
                pages = (SELECT coalesce(sum(page_count), 0) FROM documents d
                         WHERE d.run_id = runs.run_id),
                documents_failed = (SELECT count(*) FROM ingest_errors e
                                    WHERE e.run_id = runs.run_id)
            WHERE status = 'running'
            """
        )
    return stale


def _recount(loader: Loader, summary: RunSummary) -> None:
    """After an interrupt the archive is the truth: a document may have been committed
    just before the interrupt reached the counting."""
    docs, pages = loader.conn.execute(
        "SELECT count(*), coalesce(sum(page_count), 0) FROM documents WHERE run_id = ?",
        [summary.run_id]).fetchone()
    summary.documents_new, summary.pages = docs, pages


def _make_pool(executor: str, workers: int, vocabulary: frozenset[str], scheduler,
               settings: Settings):
    if executor == "dask":
        from pipeline._executors_dask import DaskPool

        return DaskPool(scheduler, vocabulary, settings)
    return _executors.LocalPool(workers, vocabulary, settings)


def _sha256_file(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


@dataclass
class _Doc:
    """A document in flight: its tasks, the time they used, its OCR'd pages."""

    path: str
    sha: str | None
    budget: float
    spent: float = 0.0
    tasks: set = field(default_factory=set)  # keys of queued or running tasks
    prepared: _driver.PreparedDocument | None = None
    ocr: dict = field(default_factory=dict)  # page_no → OcrResult | PageOcrError


class _Run:
    """State of one ingest run: which files wait, which are in flight, what is done."""

    def __init__(self, loader: Loader, summary: RunSummary, settings: Settings,
                 reprocess: bool, on_progress: Callable[[Progress], None] | None,
                 total: int, store: str | None) -> None:
        self.loader = loader
        self.summary = summary
        self.settings = settings
        self.reprocess = reprocess
        self.on_progress = on_progress
        self.total = total
        self.store = store
        self.done = 0
        self.processed = 0  # documents that went through the workers (not skipped)
        self.started = time.perf_counter()
        self.first_job: float | None = None
        self.last_report = 0.0
        self.pages_open = 0  # pages OCR'd in documents still in flight
        # sha256 → other paths with the same bytes seen while the first is in flight
        self.in_flight: dict[str, list[str]] = {}
        self.skipped: set[int] = set()  # documents counted as skipped (a copy is not another)
        self.docs: dict[int, _Doc] = {}
        self.pool = None
        self.ready: deque = deque()  # page and finish tasks, before any new document
        # finished records waiting to be loaded in one transaction (see flush)
        self.pending: list[tuple[str, str | None, DocumentRecord]] = []
        self.pending_since = 0.0

    # -- the file stream ---------------------------------------------------------------
    def jobs(self, files: Iterator[SourceFile]) -> Iterator[tuple[str, str | None]]:
        """Yield (path, sha256) of the files that need processing; settle the rest."""
        run_id = self.summary.run_id
        for f in files:
            self.summary.files_seen += 1
            sha = _sha256_file(f.path)
            if sha is None:  # unreadable: let the worker produce the readable error
                yield f.path, None
                continue
            if sha in self.in_flight:
                self.in_flight[sha].append(f.path)
                continue
            version, this_run = self._loaded(sha)
            if this_run or (not self.reprocess and version == PIPELINE_VERSION):
                self.summary.sources_added += self.loader.add_source(sha, f.path, run_id)
                if self.store:
                    _store.put(self.store, sha, f.path)
                key = int(sha[:16], 16)  # 8 bytes per document, not the whole record
                if not this_run and key not in self.skipped:
                    self.skipped.add(key)
                    self.summary.documents_skipped += 1
                self.tick(1, DocumentEvent(f.path, sha, "skipped"))
                continue
            self.in_flight[sha] = []
            yield f.path, sha

    def _loaded(self, sha: str) -> tuple[str | None, bool]:
        """(pipeline version of the loaded document, loaded by this run?)."""
        row = self.loader.conn.execute(
            "SELECT pipeline_version, run_id FROM documents WHERE doc_id = ?", [sha]
        ).fetchone()
        return (row[0], row[1] == self.summary.run_id) if row else (None, False)

    # -- scheduling --------------------------------------------------------------------
    def execute(self, jobs: Iterator[tuple[str, str | None]], pool) -> None:
        self.pool = pool
        max_open = 2 * max(1, pool.workers)
        numbers = iter(range(1 << 62))
        exhausted = False
        while True:
            while pool.free() > 0:
                if self.ready:
                    key, fn, args = self.ready.popleft()
                elif not exhausted and len(self.docs) < max_open:
                    job = next(jobs, None)
                    if job is None:
                        exhausted = True
                        break
                    n = next(numbers)
                    self.docs[n] = _Doc(job[0], job[1], budget=self.settings.timeout
                                        + self.settings.timeout_per_page
                                        * _executors.INLINE_OCR_PAGES)
                    self.first_job = self.first_job or time.perf_counter()
                    key, fn, args = (n, "start", 0), _executors.start_document, (job[0], self.settings)
                    self.docs[n].tasks.add(key)
                else:
                    break
                pool.submit(key, fn, *args)
            if exhausted and not self.docs:
                return
            for done in pool.poll(POLL_SECONDS):
                self._handle(done)
            self._enforce_budgets(pool)
            if self.on_progress and time.perf_counter() - self.last_report > 2:
                self.tick(0, None)

    def _handle(self, done: _executors.Done) -> None:
        n, kind, page_no = done.key
        doc = self.docs.get(n)
        if doc is None or done.key not in doc.tasks:
            return  # a document given up on (timeout) while this task was running
        doc.tasks.discard(done.key)
        doc.spent += done.seconds
        if not done.ok:
            self._settle(n, _failure(doc, "worker", done.error, "WorkerDied"))
        elif kind == "page":
            doc.ocr[page_no] = done.result
            self.pages_open += 1
            if isinstance(done.result, _driver.PageOcrError) and done.result.fatal:
                # an absurd page: the document is refused, its other pages are not needed
                self._settle(n, _driver.finish(doc.prepared, [done.result], self.settings))
            elif len(doc.ocr) == len(doc.prepared.ocr_wanted):
                ocr = [doc.ocr[p] for p in doc.prepared.ocr_wanted]
                key = (n, "finish", 0)
                doc.tasks.add(key)
                self.ready.appendleft((key, _executors.finish_document,
                                       (doc.prepared, ocr, self.settings)))
        elif isinstance(done.result, _driver.PreparedDocument):
            doc.prepared = done.result
            doc.budget += self.settings.timeout_per_page * (
                len(done.result.ocr_wanted) - _executors.INLINE_OCR_PAGES)
            for p in done.result.ocr_wanted:
                key = (n, "page", p)
                doc.tasks.add(key)
                self.ready.append((key, _executors.ocr_page, (doc.path, p, self.settings)))
        else:
            self._settle(n, done.result)

    def _enforce_budgets(self, pool) -> None:
        now = time.monotonic()
        running = pool.running()
        for n, doc in list(self.docs.items()):
            used = doc.spent + sum(now - running[k] for k in doc.tasks if k in running)
            if used <= doc.budget:
                continue
            kind = "OCR" if doc.prepared else "reading"
            self._settle(n, _failure(
                doc, "timeout",
                f"gave up after {used:.0f} s of {kind}: over the time limit of "
                f"{doc.budget:.0f} s for this document (--timeout)", "Timeout"), overdue=True)

    def _settle(self, n: int, result: DocumentRecord | DocumentFailure,
                overdue: bool = False) -> None:
        doc = self.docs.pop(n)
        if doc.tasks:
            # Drop its queued tasks. Running ones are stopped when over time; otherwise
            # (a refused page) they finish and are ignored: cheaper than a new worker.
            if overdue:
                running = self.pool.running()
                for key in doc.tasks & running.keys():
                    self.pool.kill(key, overdue)
            self.ready = deque(t for t in self.ready if t[0] not in doc.tasks)
        self.pages_open -= len(doc.ocr)
        self.processed += 1
        self.finished(doc.path, doc.sha, result)

    # -- the writer --------------------------------------------------------------------
    def finished(self, path: str, sha: str | None, result: DocumentRecord | DocumentFailure) -> None:
        """A document is done: failures are recorded at once, records wait for a batch."""
        if isinstance(result, DocumentRecord):
            self.pending.append((path, sha, result))
            self.pending_since = self.pending_since or time.perf_counter()
            if (len(self.pending) >= LOAD_BATCH
                    or time.perf_counter() - self.pending_since >= LOAD_BATCH_SECONDS):
                self.flush()
            return
        self._failed(path, sha, result)

    def flush(self) -> None:
        """Load the waiting records: one transaction for the batch (DuckDB's cost is per
        statement and per commit, not per row); if the batch is refused, each record
        alone, so only a record the database refuses becomes an error row."""
        batch, self.pending, self.pending_since = self.pending, [], 0.0
        if not batch:
            return
        run_id = self.summary.run_id
        if self.store:
            for path, _, record in batch:
                _store.put(self.store, record.sha256, path)
        try:
            self.loader.load_many([r for _, _, r in batch], run_id)
            outcomes = [(path, sha, record) for path, sha, record in batch]
        except duckdb.InterruptException:  # Ctrl-C during the load: rolled back, stop
            raise
        except Exception:
            outcomes = []
            for path, sha, record in batch:
                try:
                    self.loader.load(record, run_id)
                    outcomes.append((path, sha, record))
                except duckdb.InterruptException:
                    raise
                except Exception as exc:  # a record the database refuses must not stop the batch
                    outcomes.append((path, sha, DocumentFailure(
                        source=path, sha256=sha, stage="load",
                        error=f"could not be written to the archive: {exc}",
                        error_type=type(exc).__name__,
                    )))
        for path, sha, result in outcomes:
            if isinstance(result, DocumentFailure):
                self._failed(path, sha, result)
            else:
                self._record_loaded(sha, result)

    def _record_loaded(self, sha: str | None, result: DocumentRecord) -> None:
        run_id = self.summary.run_id
        s = self.summary
        extra = self.in_flight.pop(sha, []) if sha else []
        s.documents_new += 1
        s.pages += result.page_count
        s.pages_ocr += sum(1 for p in result.pages if p.method == "ocr")
        s.by_origin[result.text_origin] = s.by_origin.get(result.text_origin, 0) + 1
        for other in extra:
            s.sources_added += self.loader.add_source(result.sha256, other, run_id)
        event = DocumentEvent(result.source, result.sha256, "loaded", pages=result.page_count,
                              seconds=result.seconds)
        self.tick(1 + len(extra), event)

    def _failed(self, path: str, sha: str | None, result: DocumentFailure) -> None:
        run_id = self.summary.run_id
        s = self.summary
        extra = self.in_flight.pop(sha, []) if sha else []
        self.loader.record_failure(result, run_id)
        s.documents_failed += 1 + len(extra)
        if len(s.errors) < MAX_ERRORS_KEPT:
            s.errors.append({"source": result.source, "stage": result.stage,
                             "error": result.error})
        for other in extra:
            self.loader.record_failure(
                DocumentFailure(source=other, sha256=sha, stage=result.stage,
                                error=result.error, error_type=result.error_type), run_id)
        event = DocumentEvent(path, sha, "failed", stage=result.stage, error=result.error)
        self.tick(1 + len(extra), event)

    def tick(self, n: int, event: DocumentEvent | None) -> None:
        self.done += n
        if not self.on_progress:
            return
        now = time.perf_counter()
        self.last_report = now
        eta = None
        if self.processed and self.first_job:
            per_doc = (now - self.first_job) / self.processed
            eta = max(0.0, per_doc * (self.total - self.done))
        self.on_progress(Progress(self.done, self.total, self.summary.pages + self.pages_open,
                                  self.summary.documents_failed, now - self.started, eta, event))


def _failure(doc: _Doc, stage: str, error: str, error_type: str) -> DocumentFailure:
    ident = doc.prepared.document.identified if doc.prepared else None
    return DocumentFailure(
        source=doc.path, sha256=doc.sha, stage=stage, error=error, error_type=error_type,
        size_bytes=ident.size if ident else _size(doc.path),
        media_type=ident.media_type if ident else None,
    )


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0
