"""A content-addressed store of the original files (``--store DIR``).

For an archive the originals are the record: each distinct file is kept once, named by
its SHA-256, as ``DIR/ab/cd/abcd…ef.pdf`` (``.txt`` for text, ``.bin`` otherwise). A copy
is written to a temporary file in the target folder, flushed to disk, then linked into
place: a reader never sees half a file, and an existing file is never overwritten (the
same name means the same bytes).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path



def path_for(store: str | os.PathLike, sha256: str, suffix: str) -> Path:
    return Path(store) / sha256[:2] / sha256[2:4] / f"{sha256}{suffix}"


def find(store: str | os.PathLike, sha256: str) -> Path | None:
    """The stored copy of ``sha256``, if any."""
    folder = Path(store) / sha256[:2] / sha256[2:4]
    for candidate in folder.glob(f"{sha256}.*"):
        return candidate
    return None


def put(store: str | os.PathLike, sha256: str, source: str | os.PathLike) -> Path:
    """Keep a copy of ``source`` (whose bytes hash to ``sha256``); returns its path."""
    existing = find(store, sha256)
    if existing is not None:
        return existing
    target = path_for(store, sha256, _suffix(source))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o444)
        try:
            os.link(tmp, target)  # atomic, and fails rather than overwrite
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)
    return target


def _suffix(source: str | os.PathLike) -> str:
    with open(source, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF" in head:
        return ".pdf"
    return ".txt" if Path(source).suffix.lower() in (".txt", ".text") else ".bin"
