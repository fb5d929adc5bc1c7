"""saksarkiv sql / search / stats / export, the Python API, and schema migration."""

import json

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import api, archive, query
from pipeline.cli import app
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("q") / "q.duckdb")
    api.ingest([str(SAMPLES / "text"), str(SAMPLES / "born-digital")], path, workers=2)
    return path


@pytest.mark.parametrize("statement", [
    "DELETE FROM documents",
    "DROP TABLE pages",
    "ATTACH 'other.duckdb' AS o",
    "SELECT 1; DROP TABLE pages",
    "COPY documents TO 'x.csv'",
    "INSTALL fts",
    "CREATE TABLE x (a INT)",
    "UPDATE pages SET text = ''",
])
def test_sql_refuses_writes_with_exit_2(db, statement):
    result = CliRunner().invoke(app, ["sql", statement, "--db", db])
    assert result.exit_code == 2
    assert "refused" in result.output
    conn = duckdb.connect(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] > 0
    conn.close()


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "table"])
def test_sql_formats(db, fmt):
    result = CliRunner().invoke(app, ["sql", "SELECT filename, page_count FROM documents ORDER BY filename",
                                      "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert rows[0]["filename"] == "000.pdf"
    elif fmt == "csv":
        assert result.stdout.splitlines()[0] == "filename,page_count"
    elif fmt == "markdown":
        assert result.stdout.startswith("| filename | page_count |")


def test_sql_typo_is_a_clear_error(db):
    result = CliRunner().invoke(app, ["sql", "SELEKT * FROM documents", "--db", db])
    assert result.exit_code == 2 and "SQL error" in result.output


def test_search_finds_inflected_forms(db):
    hits = query.search(db, "partnerskapsmøte", limit=20)
    texts = " ".join(h.snippet.lower() for h in hits)
    assert "**partnerskapsmøtet**" in texts
    units = query.run_sql(db, "SELECT text FROM search_units_matching('partnerskapsmøte')")
    joined = " ".join(r[0].lower() for r in units.rows)
    assert "partnerskapsmøtene" in joined  # seed 001: "Erfaringer fra partnerskapsmøtene"
    assert hits[0].score >= hits[-1].score


def test_search_command_prints_ranked_cases(db):
    result = CliRunner().invoke(app, ["search", "fastlegekrise", "--db", db, "--json"])
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits and "**Fastlegekrise**" in hits[0]["snippet"]


def test_stats_and_export(db, tmp_path):
    result = CliRunner().invoke(app, ["stats", "--db", db])
    assert result.exit_code == 0 and "documents by origin" in result.stdout
    out = tmp_path / "export"
    result = CliRunner().invoke(app, ["export", str(out), "--db", db, "--format", "parquet"])
    assert result.exit_code == 0, result.output
    conn = duckdb.connect()
    n = conn.execute(f"SELECT count(*) FROM '{out}/documents.parquet'").fetchone()[0]
    assert n == 10
    assert (out / "decision_history.parquet").exists()


def test_python_api(db):
    df = api.dataframe(db, "SELECT case_key, kind, item_no FROM decision_history")
    assert {"case_key", "kind", "item_no"} <= set(df.columns) and len(df) > 0
    conn = api.open_archive(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM search('dialogmøte')").fetchone()[0] > 0
    conn.close()


def test_an_older_archive_is_migrated(tmp_path):
    old = tmp_path / "v1.duckdb"
    conn = duckdb.connect(str(old))
    conn.execute((archive.schema_dir() / "core.sql").read_text(encoding="utf-8"))
    conn.execute("DROP TABLE search_units")  # v1: pages only, no extraction, no search
    conn.execute("INSERT INTO schema_meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO runs (run_id, started_at, command, pipeline_version, status) "
                 "VALUES ('r1', now(), 'saksarkiv ingest old', '1', 'ok')")
    conn.close()
    with pytest.raises(Exception, match="schema version 1"):
        archive.connect(str(old), read_only=True)
    conn = archive.connect(str(old))
    assert archive.schema_version(conn) == archive.SCHEMA_VERSION
    cols = {r[0] for r in conn.execute("DESCRIBE case_references").fetchall()}
    assert "target_doc_id" in cols
    assert conn.execute("SELECT count(*) FROM decision_history").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM search('møte')").fetchone()[0] == 0
    assert conn.execute("SELECT command FROM runs").fetchall() == [("saksarkiv ingest old",)]
    conn.close()


@pytest.mark.parametrize("q", ["partnerskapsmøte", "fastlegekrise", "rekruttering av helsepersonell"])
def test_set_wise_bm25_equals_the_extensions_match_bm25(db, q):
    conn = api.open_archive(db, read_only=True)
    ours = conn.execute("SELECT unit_id, round(score, 9) FROM search_units_matching(?) ORDER BY 1",
                        [q]).fetchall()
    theirs = conn.execute(
        "SELECT unit_id, round(s, 9) FROM (SELECT unit_id, "
        "fts_main_search_units.match_bm25(unit_id, ?) AS s FROM search_units) WHERE s IS NOT NULL "
        "ORDER BY 1", [q]).fetchall()
    conn.close()
    assert ours == theirs and ours
