"""Where downloaded files go: a content-addressed folder next to the archive.

``<store>/ab/cd/<sha256>.pdf`` (``.txt`` for text). Nothing from the remote side (URL path,
link text, Content-Disposition) ever becomes part of a path: a name is the hash of the
bytes and a suffix chosen from a fixed set. Bytes are streamed into a temporary file in
``<store>/.tmp``, hashed on the way, flushed, and linked into place; an existing file is
never overwritten (the same name means the same bytes). Same layout as
``pipeline/_store.py`` (``ingest --store``), so both can share one folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = frozenset({".pdf", ".txt"})
_SHA = re.compile(r"[0-9a-f]{64}")


def store_path_for(db: str | os.PathLike) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".store")


@dataclass(frozen=True, slots=True)
class StoredFile:
    path: str  # absolute
    sha256: str
    size: int


class Store:
    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root).resolve()
        self.tmp = self.root / ".tmp"

    def path_for(self, sha256: str, suffix: str) -> Path:
        if not _SHA.fullmatch(sha256) or suffix not in SUFFIXES:
            raise ValueError(f"not a store name: {sha256!r}{suffix!r}")
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}{suffix}"

    def writer(self) -> StoreWriter:
        self.tmp.mkdir(parents=True, exist_ok=True)
        return StoreWriter(self)

    def clean_tmp(self, older_than: float = 3600.0) -> None:
        """Remove temporary files a killed sync left behind."""
        if not self.tmp.is_dir():
            return
        cutoff = time.time() - older_than
        for entry in self.tmp.iterdir():
            try:
                if entry.is_file() and entry.stat().st_mtime < cutoff:
                    entry.unlink()
            except OSError:
                pass


class StoreWriter:
    """Write bytes in chunks, then :meth:`commit` them under their hash (or :meth:`abort`)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        fd, self.tmp_path = tempfile.mkstemp(dir=store.tmp, prefix="dl-")
        self._file = os.fdopen(fd, "wb")
        self._hash = hashlib.sha256()
        self.size = 0
        self.head = b""

    def write(self, chunk: bytes) -> None:
        if len(self.head) < 1024:
            self.head += chunk[: 1024 - len(self.head)]
        self._hash.update(chunk)
        self._file.write(chunk)
        self.size += len(chunk)

    def commit(self, suffix: str) -> StoredFile:
        sha256 = self._hash.hexdigest()
        target = self.store.path_for(sha256, suffix)
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(self.tmp_path, 0o444)
            try:
                os.link(self.tmp_path, target)  # atomic; refuses to overwrite
            except FileExistsError:
                pass
        finally:
            self.abort()
        return StoredFile(path=str(target), sha256=sha256, size=self.size)

    def abort(self) -> None:
        if not self._file.closed:
            self._file.close()
        try:
            os.unlink(self.tmp_path)
        except FileNotFoundError:
            pass
