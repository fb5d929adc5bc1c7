"""Run an ingest: stream files to worker processes, load their records, report progress.

Workers compute (``_driver.process_file``), the parent writes (``stages.load.Loader``).
At most ``2 × workers`` documents are in flight, so memory stays bounded however many
files are queued.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from pipeline import PIPELINE_VERSION, _driver
from pipeline.records import DocumentFailure, DocumentRecord, SourceFile
from pipeline.settings import Settings
from pipeline.stages.discover import discover
from pipeline.stages.load import Loader


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
class Progress:
    """What the progress display is told after each file."""

    files_done: int
    files_total: int
    pages: int
    failed: int
    elapsed: float


_WORKER_VOCABULARY: frozenset[str] = frozenset()


def _init_worker(vocabulary: frozenset[str]) -> None:
    global _WORKER_VOCABULARY
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _WORKER_VOCABULARY = vocabulary
    from pipeline import lexicon

    lexicon.load()  # heavy resources once per worker, not per document


def _work(path: str, settings: Settings) -> DocumentRecord | DocumentFailure:
    return _driver.process_file(path, settings, _WORKER_VOCABULARY)


def _sha256_file(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


class _Run:
    """State of one ingest run: which files wait, which are in flight, what is done."""

    def __init__(self, loader: Loader, summary: RunSummary, reprocess: bool,
                 on_progress: Callable[[Progress], None] | None, total: int) -> None:
        self.loader = loader
        self.summary = summary
        self.reprocess = reprocess
        self.on_progress = on_progress
        self.total = total
        self.done = 0
        self.started = time.perf_counter()
        # sha256 → other paths with the same bytes seen while the first is in flight
        self.in_flight: dict[str, list[str]] = {}
        self.loaded_now: set[str] = set()

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
            if sha in self.loaded_now or (
                not self.reprocess and self.loader.loaded_version(sha) == PIPELINE_VERSION
            ):
                self.summary.sources_added += self.loader.add_source(sha, f.path, run_id)
                if sha not in self.loaded_now:
                    self.summary.documents_skipped += 1
                self.tick(1)
                continue
            self.in_flight[sha] = []
            yield f.path, sha

    def finished(self, path: str, sha: str | None, result: DocumentRecord | DocumentFailure) -> None:
        run_id = self.summary.run_id
        extra = self.in_flight.pop(sha, []) if sha else []
        if isinstance(result, DocumentRecord):
            try:
                self.loader.load(result, run_id)
            except Exception as exc:  # a record the database refuses must not stop the batch
                result = DocumentFailure(
                    source=path, sha256=sha, stage="load",
                    error=f"could not be written to the archive: {exc}",
                    error_type=type(exc).__name__,
                )
        if isinstance(result, DocumentFailure):
            self.loader.record_failure(result, run_id)
            self.summary.documents_failed += 1 + len(extra)
            self.summary.errors.append(
                {"source": result.source, "stage": result.stage, "error": result.error}
            )
            for other in extra:
                self.loader.record_failure(
                    DocumentFailure(source=other, sha256=sha, stage=result.stage,
                                    error=result.error, error_type=result.error_type), run_id)
        else:
            self.loaded_now.add(result.sha256)
            s = self.summary
            s.documents_new += 1
            s.pages += result.page_count
            s.pages_ocr += sum(1 for p in result.pages if p.method == "ocr")
            s.by_origin[result.text_origin] = s.by_origin.get(result.text_origin, 0) + 1
            for other in extra:
                s.sources_added += self.loader.add_source(result.sha256, other, run_id)
        self.tick(1 + len(extra))

    def tick(self, n: int) -> None:
        self.done += n
        if self.on_progress:
            self.on_progress(Progress(self.done, self.total, self.summary.pages,
                                      self.summary.documents_failed,
                                      time.perf_counter() - self.started))


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
) -> RunSummary:
    """Ingest every file under ``paths``; returns the run's summary.

    Raises ``KeyboardInterrupt`` (carrying the summary) after recording an interrupted run.
    """
    run_id = loader.start_run(command)
    summary = RunSummary(run_id=run_id, db=db)
    total = sum(1 for _ in discover(paths))  # cheap: names only, so progress has an ETA
    run = _Run(loader, summary, reprocess, on_progress, total)
    try:
        _execute(run.jobs(discover(paths)), settings, workers, vocabulary, run.finished)
        summary.status = "some_failed" if summary.documents_failed else "ok"
    except KeyboardInterrupt:
        summary.status = "interrupted"
    finally:
        summary.seconds = time.perf_counter() - run.started
        loader.finish_run(run_id, summary.status, summary.counts())
    if summary.status == "interrupted":
        raise KeyboardInterrupt(summary)
    return summary


def _execute(
    jobs: Iterator[tuple[str, str | None]],
    settings: Settings,
    workers: int,
    vocabulary: frozenset[str],
    finished: Callable[[str, str | None, DocumentRecord | DocumentFailure], None],
) -> None:
    if workers <= 1:
        _init_worker(vocabulary)
        for path, sha in jobs:
            finished(path, sha, _work(path, settings))
        return
    ctx = multiprocessing.get_context("spawn")  # no forked DuckDB/pdfium state in workers
    jobs = iter(jobs)
    # After a worker crash, the documents that were in flight are retried one at a time:
    # the one that crashes alone is the culprit and becomes an error row.
    suspects: list[tuple[str, str | None]] = []
    while True:
        pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(vocabulary,))
        futures: dict[Future, tuple[str, str | None]] = {}
        broken = False
        try:
            while True:
                isolating = bool(suspects)
                limit = 1 if isolating else 2 * workers
                while len(futures) < limit:
                    job = suspects.pop() if suspects else next(jobs, None)
                    if job is None:
                        break
                    futures[pool.submit(_work, job[0], settings)] = job
                if not futures:
                    break
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                for fut in done:
                    path, sha = futures.pop(fut)
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        if isolating:
                            result = DocumentFailure(
                                source=path, sha256=sha, stage="worker",
                                error="the worker process died while reading this file "
                                      "(a crash in a PDF or OCR library)",
                                error_type="BrokenProcessPool")
                        else:
                            suspects.append((path, sha))
                            continue
                    finished(path, sha, result)
                if broken:
                    suspects.extend(futures.values())  # requeue what was in flight
                    futures.clear()
                    break
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=not broken, cancel_futures=True)
        if not broken:
            return
