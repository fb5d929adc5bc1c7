"""One sync per archive: a second one exits at once with exit code 3."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from pipeline.exceptions import ExitCode
from pipeline.sync import SyncLockedError, sync
from pipeline.sync._lock import SyncLock, lock_path
from pipeline.settings import Settings
from tests.conftest import ROOT
from tests.sync.conftest import FAST_FETCH

CLI = ("import typer; from pipeline.sync._cli import sync; app = typer.Typer(); "
       "app.command()(sync); app()")


def test_second_lock_is_refused_and_names_the_holder(tmp_path):
    db = tmp_path / "a.duckdb"
    with SyncLock(db):
        with pytest.raises(SyncLockedError) as caught:
            SyncLock(db).acquire()
        assert caught.value.exit_code == ExitCode.LOCKED == 3
        assert "another saksarkiv sync is running" in str(caught.value)
        assert "pid " in str(caught.value)
    with SyncLock(db):  # released: the next one gets it
        pass
    assert lock_path(db).exists()


def test_two_concurrent_syncs_one_runs_one_exits_3(site, tmp_path):
    site.put("/index.html", "<html><body>ingen saker ennå</body></html>", "text/html")
    site.delay["/index.html"] = 3.0  # the first sync is busy fetching this
    config = tmp_path / "sources.toml"
    config.write_text(FAST_FETCH.replace("timeout = 0.5", "timeout = 10") + f"""
[[source]]
name = "treg"
url = "{site.base}/index.html"
""", encoding="utf-8")
    db = tmp_path / "archive.duckdb"
    result = {}
    first = threading.Thread(target=lambda: result.update(
        report=sync(config, db, settings=Settings(ocr="never"), workers=1)))
    first.start()
    assert site.started.wait(10), "the first sync never reached the server"
    second = subprocess.run(
        [sys.executable, "-c", CLI, "--config", str(config), "--db", str(db), "--ocr", "never"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    first.join(30)
    assert second.returncode == 3, second.stderr
    assert "another saksarkiv sync is running" in second.stderr
    assert second.stdout == ""
    assert result["report"].status == "ok"
    # the refused sync left no trace in the archive
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM runs").fetchone() == (1,)
    con.close()
