"""The same bytes are one document; re-runs skip; --reprocess redoes without duplicates."""

import shutil

import duckdb
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SAMPLES


def counts(db):
    conn = duckdb.connect(db, read_only=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "document_sources", "pages", "corrections", "cases")}
    finally:
        conn.close()


def test_same_bytes_twice_is_one_document_with_two_sources(tmp_path):
    folder = tmp_path / "in"
    (folder / "copy").mkdir(parents=True)
    shutil.copy(SAMPLES / "text" / "000.txt", folder / "a.txt")
    shutil.copy(SAMPLES / "text" / "000.txt", folder / "copy" / "same-bytes.txt")
    shutil.copy(SAMPLES / "born-digital" / "001.pdf", folder / "b.pdf")
    db = str(tmp_path / "a.duckdb")
    runner = CliRunner()

    first = runner.invoke(app, ["ingest", str(folder), "--db", db, "-q", "--workers", "1"])
    assert first.exit_code == 0, first.output
    after_first = counts(db)
    assert after_first["documents"] == 2 and after_first["document_sources"] == 3

    second = runner.invoke(app, ["ingest", str(folder), "--db", db, "-q", "--workers", "1"])
    assert second.exit_code == 0
    assert counts(db) == after_first

    third = runner.invoke(app, ["ingest", str(folder), "--db", db, "-q", "--reprocess"])
    assert third.exit_code == 0
    assert counts(db) == after_first
    conn = duckdb.connect(db, read_only=True)
    runs = conn.execute("SELECT documents_new, documents_skipped FROM runs ORDER BY started_at").fetchall()
    assert runs == [(2, 0), (0, 2), (2, 0)]
