"""Where the per-document work runs: worker processes on this machine (``LocalPool``) or a
Dask cluster (``pipeline/_executors_dask.py``). Both offer the same small interface to
the runner:

    free() → how many more tasks can be submitted now
    submit(key, fn, *args)                 run ``fn(*args)`` (one of the task functions below)
    poll(timeout) → [Done, ...]            tasks that finished, failed or whose worker died
    running() → {key: started}             monotonic start time of each running task
    kill(key, overdue)                     stop a running task (kill its worker if need be)
    close()

The task functions (``start_document``, ``ocr_page``, ``finish_document``) are thin,
picklable wrappers around the pure functions of ``pipeline/_driver.py``; the heavy
per-process resources (lexicons, the archive's vocabulary) are loaded once per worker.

``LocalPool`` manages its processes itself, one task per process at a time, instead of
using ``concurrent.futures``: it knows exactly which task a dead worker was running (a
crash in a PDF library becomes an error row for that file only) and it can kill a task
that overruns its time limit, which a ``ProcessPoolExecutor`` cannot. Each worker runs in
its own process group (Ctrl-C in the terminal reaches only the parent, which stops the
workers; a timeout kills the worker together with its tesseract child), dies with the
parent (``PR_SET_PDEATHSIG``) and has an address-space limit.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline import _driver
from pipeline.records import DocumentFailure, DocumentRecord
from pipeline.settings import Settings

# A document with at most this many pages to OCR is done in one task; with more, its pages
# become separate tasks that spread over the workers.
INLINE_OCR_PAGES = 1

# ---------------------------------------------------------------------------------------
# Task functions: these run in the workers.

_VOCABULARY: frozenset[str] = frozenset()


def init_worker(vocabulary: frozenset[str], settings: Settings | None = None) -> None:
    """Once per worker process: single-threaded tesseract, lexicons, vocabulary, and the
    repair and extract stages warmed up on a short text (they load their models on first
    use), so that a document's time limit counts its own work only."""
    global _VOCABULARY
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _VOCABULARY = vocabulary
    from pipeline import lexicon

    lexicon.load()
    if settings is not None and (settings.repair or settings.extract):
        try:
            _driver.warm_up(settings, vocabulary)
        except Exception:  # noqa: BLE001 - a broken stage fails its documents, with a message
            pass


def start_document(
    path: str, settings: Settings
) -> DocumentRecord | DocumentFailure | _driver.PreparedDocument:
    """Read and assess; finish at once unless several pages need OCR (then the runner
    fans the pages out and calls ``finish_document``)."""
    prepared = _driver.prepare(path, settings)
    if isinstance(prepared, DocumentFailure) or len(prepared.ocr_wanted) > INLINE_OCR_PAGES:
        return prepared
    ocr = [_driver.ocr_page(path, n, settings) for n in prepared.ocr_wanted]
    return _driver.finish(prepared, ocr, settings, _VOCABULARY)


def ocr_page(path: str, page_no: int, settings: Settings):
    return _driver.ocr_page(path, page_no, settings)


def finish_document(prepared: _driver.PreparedDocument, ocr: list, settings: Settings):
    return _driver.finish(prepared, ocr, settings, _VOCABULARY)


# ---------------------------------------------------------------------------------------
# The runner's side.


@dataclass(frozen=True, slots=True)
class Done:
    """A task that ended: ``ok`` with its result, or not (``error`` says why: the worker
    died, the task raised, ...)."""

    key: Hashable
    ok: bool
    result: Any = None
    error: str = ""
    seconds: float = 0.0


def default_memory_limit(workers: int) -> int:
    """Address-space limit per worker: the machine's memory shared out, at least 2 GiB."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):  # pragma: no cover - non-Linux
        return 0
    return max(2 << 30, total // max(1, workers))


@dataclass
class _Proc:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    key: Hashable = None
    started: float = 0.0
    ready: bool = False  # set up (imports, lexicons): time limits count from then


class LocalPool:
    def __init__(self, workers: int, vocabulary: frozenset[str] = frozenset(),
                 settings: Settings | None = None, memory_limit: int | None = None) -> None:
        self.workers = workers
        self._settings = settings
        self._ctx = multiprocessing.get_context("spawn")  # no forked DuckDB/pdfium state
        self._vocabulary = vocabulary
        self._memory_limit = default_memory_limit(workers) if memory_limit is None else memory_limit
        self._busy: dict[Hashable, _Proc] = {}
        self._lost: list[Done] = []  # tasks whose worker died before it got them
        # Started now: they set up (imports, lexicons, warm-up) while the parent scans files.
        self._idle: list[_Proc] = [self._spawn() for _ in range(workers)]

    def free(self) -> int:
        return self.workers - len(self._busy)

    def running(self) -> dict[Hashable, float]:
        now = time.monotonic()
        return {key: p.started if p.ready else now for key, p in self._busy.items()}

    def submit(self, key: Hashable, fn: Callable, *args: Any) -> None:
        proc = None
        while self._idle and proc is None:
            proc = self._idle.pop()
            if not proc.process.is_alive():  # died while idle: not this task's fault
                self._terminate(proc)
                proc = None
        proc = proc or self._spawn()
        proc.key, proc.started = key, time.monotonic()
        self._busy[key] = proc
        try:
            proc.conn.send((fn, args))
        except (BrokenPipeError, EOFError, OSError):
            self._busy.pop(key)
            self._terminate(proc)
            self._lost.append(Done(key, False, error=_DIED))

    def poll(self, timeout: float) -> list[Done]:
        if self._lost:
            lost, self._lost = self._lost, []
            return lost
        if not self._busy:
            time.sleep(min(timeout, 0.05))
            return []
        handles = {}
        for proc in self._busy.values():
            handles[proc.conn] = proc
            handles[proc.process.sentinel] = proc
        ready = {id(handles[h]): handles[h] for h in wait(list(handles), timeout)}
        done = []
        for proc in ready.values():
            key = proc.key
            try:
                if not proc.conn.poll():
                    raise EOFError
                message = proc.conn.recv()
                if message == _READY:
                    proc.ready, proc.started = True, time.monotonic()
                    continue
                ok, value, seconds = message
            except (EOFError, OSError):
                del self._busy[key]
                self._terminate(proc)
                done.append(Done(key, False, error=_DIED,
                                 seconds=time.monotonic() - proc.started))
                continue
            del self._busy[key]
            proc.key = None
            self._idle.append(proc)
            done.append(Done(key, ok, value if ok else None, "" if ok else value, seconds))
        return done

    def kill(self, key: Hashable, overdue: bool = False) -> None:
        proc = self._busy.pop(key, None)
        if proc is not None:
            self._terminate(proc)

    def close(self) -> None:
        for proc in self._idle:
            try:
                proc.conn.send(None)
            except OSError:
                pass
        for key in list(self._busy):
            self.kill(key)
        deadline = time.monotonic() + 2  # a worker still setting up is not waited for
        for proc in self._idle:
            proc.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if proc.process.is_alive():
                self._terminate(proc)
            proc.conn.close()
        self._idle.clear()

    def _spawn(self) -> _Proc:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, daemon=True, name="saksarkiv-worker",
                                    args=(child, self._vocabulary, self._settings,
                                          self._memory_limit))
        # The child inherits an ignored SIGINT across exec: a Ctrl-C during its start-up
        # (before it has its own process group) does not reach it either.
        try:
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        except ValueError:  # not the main thread
            previous = None
        try:
            process.start()
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
        child.close()
        return _Proc(process, parent)

    @staticmethod
    def _terminate(proc: _Proc) -> None:
        """Kill the worker and its process group (tesseract runs as its child)."""
        pid = proc.process.pid
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, OSError):
            pass
        try:
            proc.process.kill()
        except (ProcessLookupError, OSError, AttributeError):
            pass
        proc.process.join(timeout=5)
        proc.conn.close()


_READY = "ready"
_DIED = ("the worker process died while working on this file "
         "(a crash in a PDF or OCR library, or out of memory)")


def _worker_main(conn: Connection, vocabulary: frozenset[str], settings: Settings | None,
                 memory_limit: int) -> None:
    os.setpgid(0, 0)  # own process group: see the module docstring
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if memory_limit:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        except (ValueError, OSError):
            pass
    init_worker(vocabulary, settings)
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if task is None:
            return
        fn, args = task
        started = time.perf_counter()
        try:
            reply = (True, fn(*args))
        except BaseException as exc:  # the task functions return failures; this is a bug
            reply = (False, f"unexpected {type(exc).__name__} in the worker: {exc}")
        try:
            conn.send((*reply, time.perf_counter() - started))
        except (BrokenPipeError, OSError):
            return


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - non-Linux
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)
