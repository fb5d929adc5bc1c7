"""--store: each original kept once, named by its SHA-256, written atomically, never
overwritten."""

from __future__ import annotations

import hashlib
import os

from pipeline import _store, api
from pipeline.settings import Settings
from tests.conftest import SAMPLES


def test_store_keeps_each_original_once_by_content_hash(tmp_path):
    store = tmp_path / "originals"
    folder = tmp_path / "in"
    folder.mkdir()
    pdf = (SAMPLES / "born-digital" / "000.pdf").read_bytes()
    (folder / "a.pdf").write_bytes(pdf)
    (folder / "same-bytes.pdf").write_bytes(pdf)
    (folder / "b.txt").write_bytes((SAMPLES / "text" / "002.txt").read_bytes())
    settings = Settings(repair=False, extract=False)
    api.ingest([str(folder)], str(tmp_path / "a.duckdb"), settings=settings, workers=1,
               store=str(store))
    kept = sorted(p for p in store.rglob("*") if p.is_file())
    assert len(kept) == 2 and not [p for p in kept if p.name.startswith(".tmp")]
    for p in kept:
        sha = hashlib.sha256(p.read_bytes()).hexdigest()
        assert p == store / sha[:2] / sha[2:4] / f"{sha}{p.suffix}"
    assert {p.suffix for p in kept} == {".pdf", ".txt"}

    before = {p: os.stat(p).st_mtime_ns for p in kept}
    api.ingest([str(folder)], str(tmp_path / "a.duckdb"), settings=settings, workers=1,
               store=str(store))  # a rerun (everything skipped) rewrites nothing
    assert {p: os.stat(p).st_mtime_ns for p in kept} == before


def test_put_never_overwrites(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("første")
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    first = _store.put(tmp_path / "s", sha, src)
    src.write_text("changed")  # same name claimed, other bytes: the stored copy stays
    assert _store.put(tmp_path / "s", sha, src) == first
    assert first.read_text() == "første"
