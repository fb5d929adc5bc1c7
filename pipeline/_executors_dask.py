"""The Dask executor: the same tasks as ``LocalPool``, run on a Dask distributed cluster.

Only the work travels: the task functions of ``_executors`` with a path and the settings
(or a prepared document and its OCR'd pages). The archive's vocabulary goes to every
worker once (``scatter(broadcast=True)``); records come back to this process, the only
writer. Workers read the input files by path, so they must see the same paths (a shared
or identically mounted file system), and they need saksarkiv and tesseract installed.

Start a cluster (each worker process single-threaded, like the local pool):

    dask scheduler                                            # listens on tcp://HOST:8786
    OMP_THREAD_LIMIT=1 dask worker tcp://HOST:8786 --nworkers N --nthreads 1

Time limits: Dask cannot stop a running task. A task over its document's budget is
cancelled and the worker running it is restarted (``Client.restart_workers``, which needs
the worker's nanny, the default); tesseract has its own per-page limit on the worker.
"""

from __future__ import annotations

import queue
import threading
import time
import uuid
from collections.abc import Callable, Hashable
from typing import Any

from pipeline import _executors
from pipeline._executors import Done
from pipeline.exceptions import UsageError


class _Shared:
    """What every worker gets once (wrapped so that scatter does not split it)."""

    def __init__(self, vocabulary: frozenset[str], settings) -> None:
        self.vocabulary = vocabulary
        self.settings = settings


_SET_UP_WITH: _Shared | None = None


def _call(fn: Callable, shared: _Shared, *args: Any) -> Any:
    """Runs on the worker: set the process up once (per run), then run the task."""
    global _SET_UP_WITH
    if _SET_UP_WITH is not shared:
        _executors.init_worker(shared.vocabulary, shared.settings)
        _SET_UP_WITH = shared
    return fn(*args)


class DaskPool:
    def __init__(self, scheduler, vocabulary: frozenset[str] = frozenset(),
                 settings=None) -> None:
        from distributed import Client

        if isinstance(scheduler, Client):
            self.client, self._own_client = scheduler, False
        else:
            try:
                self.client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
            self._own_client = True
        self._refresh()
        if not self.workers:
            raise UsageError(f"the Dask cluster at {self.client.scheduler.address} has no workers")
        # Warm every worker up now (lexicons, models): a document's time limit counts from
        # its submission, so the first one on a worker must not pay for the set-up.
        self.client.run(_executors.init_worker, frozenset(), settings)
        self._shared = self.client.scatter(_Shared(vocabulary, settings), broadcast=True,
                                           hash=False)
        self._futures: dict[Hashable, Any] = {}
        self._started: dict[Hashable, float] = {}
        self._done: queue.SimpleQueue = queue.SimpleQueue()
        self._checked = time.monotonic()

    def _refresh(self) -> None:
        """The number of worker threads (the cluster may grow or shrink during a run)."""
        self.workers = sum(self.client.nthreads().values())

    def free(self) -> int:
        # A few tasks more than threads keep the workers busy during the round trips.
        return self.workers + 2 - len(self._futures) if self.workers else 0

    def running(self) -> dict[Hashable, float]:
        return dict(self._started)  # from submission: Dask does not say when a task starts

    def submit(self, key: Hashable, fn: Callable, *args: Any) -> None:
        fut = self.client.submit(_call, fn, self._shared, *args, pure=False,
                                 key=f"saksarkiv-{fn.__name__}-{uuid.uuid4().hex}")
        self._futures[key] = fut
        self._started[key] = time.monotonic()
        fut.add_done_callback(lambda f, key=key: self._done.put((key, f)))

    def poll(self, timeout: float) -> list[Done]:
        if time.monotonic() - self._checked > 10:
            self._refresh()
            self._checked = time.monotonic()
        items = []
        try:
            items.append(self._done.get(timeout=timeout))
            while True:
                items.append(self._done.get_nowait())
        except queue.Empty:
            pass
        done = []
        for key, fut in items:
            if self._futures.get(key) is not fut:
                continue  # killed meanwhile
            del self._futures[key]
            seconds = time.monotonic() - self._started.pop(key)
            if fut.status == "finished":
                done.append(Done(key, True, fut.result(), seconds=seconds))
            elif fut.status != "cancelled":
                exc = fut.exception()
                done.append(Done(key, False, error=f"the Dask task failed: "
                                                   f"{type(exc).__name__}: {exc}", seconds=seconds))
            fut.release()
        return done

    def kill(self, key: Hashable, overdue: bool = False) -> None:
        fut = self._futures.pop(key, None)
        self._started.pop(key, None)
        if fut is None:
            return
        if overdue:  # stop the runaway task: restart the worker that runs it
            try:
                busy = [w for w, keys in self.client.processing().items() if fut.key in keys]
            except Exception:  # noqa: BLE001 - best effort; the task is given up on anyway
                busy = []
            if busy:  # in the background: a restart takes seconds, the others go on
                threading.Thread(target=self._restart, args=(busy,), daemon=True).start()
        fut.cancel()

    def _restart(self, workers: list[str]) -> None:
        try:
            self.client.restart_workers(workers, raise_for_error=False)
        except Exception:  # noqa: BLE001 - best effort
            pass

    def close(self) -> None:
        for fut in self._futures.values():
            fut.cancel()
        self._futures.clear()
        self._started.clear()
        if self._own_client:
            self.client.close()
