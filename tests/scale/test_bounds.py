"""Bounds: a decompression bomb, an absurd page, an overlong document and a crashing
worker each become one ingest_errors row, within the limits; the batch carries on."""

from __future__ import annotations

import os
import time

import duckdb
import pytest

from pipeline import api
from pipeline._executors import LocalPool
from pipeline.settings import Settings
from tests.scale import _inputs

FAST = Settings(repair=False, extract=False)


def errors(db) -> dict[str, tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT source, stage, error FROM ingest_errors").fetchall()
    con.close()
    return {os.path.basename(s): (stage, error) for s, stage, error in rows}


def loaded(db) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    names = {r[0] for r in con.execute("SELECT filename FROM documents").fetchall()}
    con.close()
    return names


def test_bomb_and_huge_page_are_refused_before_rendering(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.pdf").write_bytes(_inputs.bomb_pdf())
    (folder / "huge-page.pdf").write_bytes(_inputs.huge_page_pdf())
    _inputs.copy_sample("text/000.txt", folder / "good.txt")
    db = tmp_path / "a.duckdb"
    started = time.perf_counter()
    summary = api.ingest([str(folder)], str(db), settings=FAST, workers=2)
    assert time.perf_counter() - started < 60
    assert summary.documents_failed == 2 and summary.documents_new == 1
    found = errors(db)
    assert found["bomb.pdf"][0] == "ocr" and "decompression bomb" in found["bomb.pdf"][1]
    assert "20,000 x 20,000 pixels" in found["bomb.pdf"][1]
    assert found["huge-page.pdf"][0] == "ocr" and "over the limit" in found["huge-page.pdf"][1]
    assert loaded(db) == {"good.txt"}


def test_large_pages_render_at_a_lower_dpi_within_the_pixel_limit():
    from pipeline.stages.ocr import render_dpi

    s = Settings()
    assert render_dpi(612, 792, s) == 300  # letter
    a0 = render_dpi(2384, 3370, Settings(max_page_pixels=100_000_000))  # A0 at 300 dpi: 700 MP
    assert 150 <= a0 < 300
    assert render_dpi(24_000, 24_000, s) is None


def test_a_document_over_its_time_limit_is_killed_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _inputs.big_text(folder / "a-big.txt")
    _inputs.copy_sample("text/001.txt", folder / "b-good.txt")
    _inputs.copy_sample("born-digital/002.pdf", folder / "c-good.pdf")
    db = tmp_path / "a.duckdb"
    settings = Settings(repair=False, extract=False, timeout=1, timeout_per_page=1)
    started = time.perf_counter()
    summary = api.ingest([str(folder)], str(db), settings=settings, workers=1)
    assert time.perf_counter() - started < 45
    assert summary.documents_failed == 1, summary.errors
    stage, error = errors(db)["a-big.txt"]
    assert stage == "timeout" and "time limit" in error
    assert loaded(db) == {"b-good.txt", "c-good.pdf"}


def test_max_pages_refuses_longer_pdfs(tmp_path):
    db = tmp_path / "a.duckdb"
    summary = api.ingest([str(_inputs.SAMPLES / "born-digital" / "001.pdf")], str(db),
                         settings=Settings(repair=False, extract=False, max_pages=1), workers=1)
    assert summary.documents_failed == 1
    assert "more than the limit of 1" in summary.errors[0]["error"]


def test_local_pool_reports_a_dead_worker_and_replaces_it():
    pool = LocalPool(1)
    try:
        pool.submit("crash", os._exit, 3)
        done = _wait(pool)
        assert done.key == "crash" and not done.ok and "died" in done.error
        pool.submit("next", pow, 2, 10)
        done = _wait(pool)
        assert done.ok and done.result == 1024
    finally:
        pool.close()


def test_local_pool_kills_a_running_task(tmp_path):
    pool = LocalPool(1)
    try:
        pool.submit("sleep", time.sleep, 60)
        time.sleep(0.5)
        assert "sleep" in pool.running()
        pool.kill("sleep", overdue=True)
        assert pool.free() == 1 and not pool.running()
        pool.submit("next", pow, 3, 3)
        done = _wait(pool)
        assert done.ok and done.result == 27
    finally:
        pool.close()


def _wait(pool, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = pool.poll(0.5)
        if done:
            return done[0]
    raise AssertionError("no task finished")
