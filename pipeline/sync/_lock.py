"""One sync per archive: an exclusive, non-blocking ``flock`` on ``<db>.sync.lock``.

The kernel releases the lock when the process dies, so a killed sync never leaves a
stale lock behind; the file itself stays (deleting it would race with a starting sync)
and holds the pid and start time of the holder, for the message a second sync prints.
"""

from __future__ import annotations

import fcntl
import os
from datetime import datetime, timezone
from pathlib import Path

from pipeline.sync.exceptions import SyncLockedError


def lock_path(db: str | os.PathLike) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".sync.lock")


class SyncLock:
    def __init__(self, db: str | os.PathLike) -> None:
        self.db = str(db)
        self.path = lock_path(db)
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise SyncLockedError(
                f"another saksarkiv sync is running on {self.db}"
                + (f" ({holder})" if holder else "")
                + f"; lock file {self.path}. Exiting without doing anything."
            ) from None
        os.ftruncate(fd, 0)
        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()}, started {started}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> SyncLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
