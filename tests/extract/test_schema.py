"""The DDL runs in DuckDB, rows from to_rows insert generically, references resolve."""

from __future__ import annotations

import duckdb
import pytest

from extractors import SCHEMA_PATH, to_rows
from tests.extract.conftest import run

TABLES = ("cases", "case_fields", "dates", "case_references", "recommendations", "sections")


@pytest.fixture
def conn():
    c = duckdb.connect()
    c.execute(SCHEMA_PATH.read_text(encoding="utf-8"))
    c.execute(SCHEMA_PATH.read_text(encoding="utf-8"))  # idempotent
    yield c
    c.close()


def load(conn, doc_id, extraction):
    """What the loader does: add doc_id, insert by column name."""
    for table, rows in to_rows(extraction).items():
        for row in rows:
            row = {"doc_id": doc_id, **row}
            cols = ", ".join(row)
            conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def test_every_table_has_doc_id_first_and_commented_columns(conn):
    ddl = SCHEMA_PATH.read_text(encoding="utf-8")
    for table in TABLES:
        cols = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall()]
        assert cols[0] == "doc_id"
        body = ddl.split(f"CREATE TABLE IF NOT EXISTS {table} (")[1].split(");")[0]
        for line in body.strip().splitlines():
            assert "--" in line or not line.strip(), f"{table}: column without a comment: {line}"
    assert "target_doc_id" in [r[0] for r in conn.execute("DESCRIBE case_references").fetchall()]


def test_rows_match_the_schema_and_insert(conn):
    ex = run(
        "SSU sak 26/2024\n\nTittel\n\nSaksbehandler: A B/C D\nDato dok: 17.10.2024\n\nVedlegg\n[SSU sak 03-2023 X](#)\n\n"
        "Innstilling til konsensus:\n1. Eitt.\n2. To.\n\nBakgrunn:\nI uke 39 (23.-27.9.2024), sjå https://example.no/x.\n"
    )
    rows = to_rows(ex)
    assert set(rows) == set(TABLES)
    for table, table_rows in rows.items():
        cols = {r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall()}
        for row in table_rows:
            assert "doc_id" not in row and "target_doc_id" not in row
            assert set(row) <= cols, set(row) - cols
    load(conn, "a" * 64, ex)
    assert conn.execute("SELECT case_handlers FROM cases").fetchone()[0] == ["A B", "C D"]
    assert conn.execute('SELECT "date", date_end FROM dates WHERE date_end IS NOT NULL').fetchone()[1].day == 27
    assert conn.execute("SELECT count(*) FROM recommendations").fetchone()[0] == 2
