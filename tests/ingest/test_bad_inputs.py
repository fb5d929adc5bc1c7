"""Bad input never stops a batch: each bad file is an error row, the good ones load."""

import json
import shutil

import duckdb
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import RESOURCES, SAMPLES

EXPECTED_STAGE = {
    "empty.pdf": ("identify", "empty"),
    "truncated.pdf": ("read", "damaged or truncated"),
    "corrupt.pdf": ("read", "damaged or truncated"),
    "encrypted.pdf": ("read", "encrypted"),
    "really-html.pdf": ("identify", "HTML page"),
    "binary.txt": ("identify", "binary data"),
    "zero-pages.pdf": ("read", "no pages"),
}


def test_bad_files_give_error_rows_and_exit_1(tmp_path):
    batch = tmp_path / "batch"
    shutil.copytree(RESOURCES / "bad", batch)
    shutil.copy(SAMPLES / "text" / "001.txt", batch / "good.txt")
    shutil.copy(SAMPLES / "born-digital" / "004.pdf", batch / "good.pdf")
    db = tmp_path / "a.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(batch), "--db", str(db), "--json", "-q",
                                      "--workers", "2"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["documents_new"] == 2 and summary["documents_failed"] == len(EXPECTED_STAGE)
    conn = duckdb.connect(str(db), read_only=True)
    errors = {r[0].rsplit("/", 1)[-1]: (r[1], r[2]) for r in conn.execute(
        "SELECT source, stage, error FROM ingest_errors").fetchall()}
    assert set(errors) == set(EXPECTED_STAGE)
    for name, (stage, words) in EXPECTED_STAGE.items():
        assert errors[name][0] == stage, (name, errors[name])
        assert words in errors[name][1], (name, errors[name])
    loaded = {r[0] for r in conn.execute("SELECT filename FROM documents").fetchall()}
    assert loaded == {"good.txt", "good.pdf"}
    run = conn.execute("SELECT status, documents_new, documents_failed, finished_at IS NOT NULL "
                       "FROM runs").fetchall()
    assert run == [("some_failed", 2, len(EXPECTED_STAGE), True)]


def test_a_failing_load_rolls_back_only_that_document(tmp_path, monkeypatch):
    from pipeline import api
    from pipeline.stages import load

    real = load.Loader._load_extraction

    def explode(self, records):
        if any(r.filename == "002.txt" for r in records):
            raise RuntimeError("disk on fire")
        return real(self, records)

    monkeypatch.setattr(load.Loader, "_load_extraction", explode)
    db = str(tmp_path / "a.duckdb")
    summary = api.ingest([str(SAMPLES / "text")], db, workers=1)
    assert summary.documents_failed == 1 and summary.documents_new == 4
    conn = duckdb.connect(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    # nothing of the failed document is left behind, not even its pages
    assert conn.execute(
        "SELECT count(*) FROM pages WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
    ).fetchone()[0] == 0
    assert conn.execute("SELECT stage FROM ingest_errors").fetchall() == [("load",)]


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "a.duckdb")]).exit_code == 2
    assert runner.invoke(app, ["ingest", str(tmp_path)]).exit_code == 2  # no --db
    assert runner.invoke(app, ["ingest", str(tmp_path), "--db", "x.duckdb", "--ocr", "maybe"]).exit_code == 2
