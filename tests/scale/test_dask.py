"""The Dask executor: a real LocalCluster of two worker processes gives the same archive
as the local pool (documents, pages with their text, cases), pages fanned out included."""

from __future__ import annotations

import pytest

from pipeline import api
from tests.conftest import SAMPLES
from tests.scale.conftest import archive_state

pytestmark = pytest.mark.slow

INPUTS = ["text/000.txt", "born-digital/001.pdf", "scanned/000.pdf"]  # the scan has two pages: one OCR task each


def test_dask_cluster_archive_equals_local_run(tmp_path):
    from distributed import Client, LocalCluster

    paths = [str(SAMPLES / p) for p in INPUTS]
    local_db = tmp_path / "local.duckdb"
    local = api.ingest(paths, str(local_db), workers=2)
    assert local.documents_failed == 0, local.errors

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        dask_db = tmp_path / "dask.duckdb"
        summary = api.ingest(paths, str(dask_db), executor="dask",
                             scheduler=cluster.scheduler_address)
        assert summary.documents_failed == 0, summary.errors
        # a second run through a Client object skips everything
        with Client(cluster) as client:
            again = api.ingest(paths, str(dask_db), executor="dask", scheduler=client)
        assert again.documents_skipped == len(INPUTS) and again.documents_new == 0

    assert summary.pages == local.pages and summary.pages_ocr == local.pages_ocr == 2
    assert archive_state(dask_db) == archive_state(local_db)


def test_dask_needs_a_scheduler(tmp_path):
    from pipeline.exceptions import UsageError

    with pytest.raises(UsageError, match="--scheduler"):
        api.ingest([str(SAMPLES / "text")], str(tmp_path / "a.duckdb"), executor="dask")


def test_dask_task_over_its_time_limit_is_given_up_and_its_worker_restarted(tmp_path):
    from distributed import LocalCluster

    from pipeline.settings import Settings
    from tests.scale import _inputs

    folder = tmp_path / "in"
    folder.mkdir()
    _inputs.big_text(folder / "a-big.txt", megabytes=40)  # reading it takes well over 6 s
    _inputs.copy_sample("text/001.txt", folder / "b-good.txt")
    _inputs.copy_sample("born-digital/002.pdf", folder / "c-good.pdf")
    # Dask counts a task's time from its submission: leave the good files room.
    settings = Settings(repair=False, extract=False, timeout=5, timeout_per_page=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        summary = api.ingest([str(folder)], str(tmp_path / "a.duckdb"), settings=settings,
                             executor="dask", scheduler=cluster.scheduler_address)
    assert summary.documents_new == 2
    assert [(e["source"].rsplit("/", 1)[-1], e["stage"]) for e in summary.errors] == [
        ("a-big.txt", "timeout")]
