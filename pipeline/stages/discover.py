"""discover: expand the paths given on the command line into files, lazily."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.exceptions import UsageError
from pipeline.records import SourceFile

# Only these are offered to the pipeline when walking a folder; a file named on the
# command line is always taken (and identified by its bytes, not its name).
SUFFIXES = frozenset({".pdf", ".txt", ".text"})


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[SourceFile]:
    """Yield the files under ``paths`` (recursively, sorted, without following loops).

    A missing path is a usage error: the caller checks paths before starting a run.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield SourceFile(path=str(path.resolve()), size=path.stat().st_size)
        else:
            raise UsageError(f"no such file or folder: {raw}")


def check_paths(paths: Iterable[str | os.PathLike]) -> None:
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError("no such file or folder: " + ", ".join(missing))


def _walk(root: Path) -> Iterator[SourceFile]:
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        key = (st.st_dev, st.st_ino)
        if key in seen:  # symlink loop
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            full = Path(dirpath) / name
            try:
                size = full.stat().st_size
            except OSError:
                continue  # vanished or dangling symlink
            yield SourceFile(path=str(full.resolve()), size=size)
