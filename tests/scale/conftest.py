"""Helpers for the scale tests: run the CLI as a subprocess, read an archive's state."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

SAKSARKIV = str(Path(sys.executable).with_name("saksarkiv"))


def ingest_cmd(*args: str) -> list[str]:
    return [SAKSARKIV, "ingest", *map(str, args)]


def run_ingest(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(ingest_cmd(*args), capture_output=True, text=True, timeout=timeout,
                          env=env)


def archive_state(db: Path, repaired_text: bool = True) -> dict:
    """What a finished ingest must have produced, comparable between archives.

    ``repaired_text=False`` leaves out ``pages.text``: the repair stage learns words from
    the archive as it was when a run started, so a batch loaded over several runs may
    differ there (an "a" repaired to "å" or not), while what was read never does."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        state = {
            "documents": con.execute(
                "SELECT doc_id, page_count, media_type, text_origin, language, status "
                "FROM documents ORDER BY doc_id").fetchall(),
            "pages": con.execute(
                "SELECT doc_id, page_no, method, quality, text_raw"
                + (", text" if repaired_text else ", text <> ''")
                + " FROM pages ORDER BY doc_id, page_no").fetchall(),
        }
        if "cases" in tables:
            state["cases"] = con.execute(
                "SELECT doc_id, case_key FROM cases ORDER BY ALL").fetchall()
        return state
    finally:
        con.close()


def consistency_problems(db: Path) -> list[str]:
    """Rows an interrupted run must never leave: duplicates, orphans, half documents."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        checks = {
            "duplicate documents": "SELECT count(*) - count(DISTINCT doc_id) FROM documents",
            "duplicate pages": "SELECT count(*) - count(DISTINCT (doc_id, page_no)) FROM pages",
            "orphan pages": "SELECT count(*) FROM pages WHERE doc_id NOT IN "
                            "(SELECT doc_id FROM documents)",
            "half-loaded documents": "SELECT count(*) FROM documents d WHERE page_count <> "
                                     "(SELECT count(*) FROM pages p WHERE p.doc_id = d.doc_id)",
        }
        if "cases" in tables:
            checks["orphan cases"] = ("SELECT count(*) FROM cases WHERE doc_id NOT IN "
                                      "(SELECT doc_id FROM documents)")
            checks["duplicate cases"] = ("SELECT count(*) - count(DISTINCT (doc_id, case_key)) "
                                         "FROM cases")
        return [f"{name}: {n}" for name, sql in checks.items()
                if (n := con.execute(sql).fetchone()[0])]
    finally:
        con.close()


@pytest.fixture(scope="session")
def small_batch(tmp_path_factory):
    """120 distinct small documents (texts and born-digital PDFs) and a clean archive of them.

    Large enough that a kill lands mid-batch although documents are committed in batches.
    """
    from tests.scale._inputs import distinct_copies

    root = tmp_path_factory.mktemp("batch")
    files = distinct_copies(root / "in", 12)
    ref = root / "reference.duckdb"
    result = run_ingest(root / "in", "--db", ref, "-q", "--json", "--workers", "2")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "in", files, ref
