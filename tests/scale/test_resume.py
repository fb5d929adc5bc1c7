"""Resume: an ingest killed at any point leaves a consistent archive, and running the same
command again finishes it with exactly the documents, pages and cases of a clean run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time

import duckdb
import pytest

from tests.scale.conftest import archive_state, consistency_problems, ingest_cmd, run_ingest

pytestmark = pytest.mark.slow


def test_sigkill_at_random_points_then_rerun_finishes_exactly(small_batch, tmp_path):
    folder, files, reference = small_batch
    db = tmp_path / "a.duckdb"
    rng = random.Random(6)
    killed, partial = 0, []
    for attempt in range(4):
        proc = subprocess.Popen(
            ingest_cmd(folder, "--db", db, "--log-json", "--workers", "2"),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # Kill at a random point: during start-up, or a random time after the k-th document
        # was committed (so also in the middle of another document's transaction).
        k = rng.choice([0, 1, 3, 5, 7])
        if k == 0:
            time.sleep(rng.uniform(0.3, 3.0))
        else:
            seen = 0
            while seen < k:
                line = proc.stderr.readline()
                if not line:
                    break
                seen += line.startswith('{"event": "document"')
            time.sleep(rng.uniform(0.0, 0.3))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.communicate(timeout=60)
        assert consistency_problems(db) == [], f"after kill {attempt}"
        partial.append(len(archive_state(db)["documents"]))
    assert killed >= 3, "the batch finished too fast to be killed: make it larger"
    assert any(0 < n < len(files) for n in partial), partial  # killed mid-batch

    final = run_ingest(folder, "--db", db, "-q", "--json", "--workers", "2")
    assert final.returncode == 0, final.stderr[-3000:]
    summary = json.loads(final.stdout)
    assert summary["documents_new"] + summary["documents_skipped"] == len(files)

    assert consistency_problems(db) == []
    assert archive_state(db, repaired_text=False) == archive_state(reference, repaired_text=False)
    con = duckdb.connect(str(db), read_only=True)
    statuses = con.execute("SELECT status, count(*) FROM runs GROUP BY ALL").fetchall()
    # the killed runs were found 'running' by the next run and marked interrupted
    assert dict(statuses).get("running", 0) == 0
    assert dict(statuses).get("interrupted", 0) >= killed - 1
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(files)


def test_ctrl_c_stops_cleanly_with_a_summary(small_batch, tmp_path):
    folder, files, _ = small_batch
    db = tmp_path / "a.duckdb"
    proc = subprocess.Popen(ingest_cmd(folder, "--db", db, "--log-json", "--json", "--workers", "2"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    before = []
    for line in proc.stderr:  # wait for the first document: the run is under way
        before.append(line)
        if line.startswith('{"event": "document"'):
            break
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    first = "".join(before)
    assert proc.returncode == 130, (first + err)[-3000:]
    assert json.loads(out)["status"] == "interrupted", (first + err)[-3000:]
    # --log-json: one line per settled file, then the summary
    log = [json.loads(line) for line in (first + err).splitlines() if line.startswith("{")]
    assert log[-1]["event"] == "summary" and log[-1]["status"] == "interrupted"
    assert {e["outcome"] for e in log[:-1]} == {"loaded"}
    assert consistency_problems(db) == []
    con = duckdb.connect(str(db), read_only=True)
    run = con.execute("SELECT status, finished_at IS NOT NULL, documents_new FROM runs").fetchall()
    loaded = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    assert run == [("interrupted", True, loaded)], (run, loaded)
    assert 0 < loaded < len(files), loaded

    rerun = run_ingest(folder, "--db", db, "--log-json", "--json", "--workers", "2")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    summary = json.loads(rerun.stdout)
    assert summary["documents_skipped"] == loaded
    assert summary["documents_new"] == len(files) - loaded
    log = [json.loads(line) for line in rerun.stderr.splitlines() if line.startswith("{")]
    outcomes = [e["outcome"] for e in log if e["event"] == "document"]
    assert outcomes.count("skipped") == loaded and outcomes.count("loaded") == len(files) - loaded
    assert log[-1]["event"] == "summary" and log[-1]["status"] == "ok"
    assert log[-2]["files_done"] == log[-2]["files_total"] == len(files)
