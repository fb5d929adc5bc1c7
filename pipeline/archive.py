"""Open an archive (a DuckDB file) with its schema applied and migrated.

The DDL lives in ``schemas/*.sql`` (shipped inside the package as data files too, so an
installed saksarkiv finds it). The schema version is kept in ``schema_meta``; opening an
archive written by an older version applies the missing steps.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.exceptions import UsageError

SCHEMA_VERSION = 1
# Applied in this order; each file is idempotent.
SCHEMA_FILES = ("core.sql", "extraction.sql")


def schema_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "schemas", here / "schemas"):
        if (candidate / "core.sql").exists():
            return candidate
    raise FileNotFoundError("schemas/core.sql not found next to the pipeline package")


def connect(db: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open ``db`` (created when missing unless ``read_only``) with the schema in place."""
    db = str(db)
    if read_only and db != ":memory:" and not Path(db).exists():
        raise UsageError(f"no archive at {db}")
    try:
        conn = duckdb.connect(db, read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise UsageError(f"the archive {db} is in use by another saksarkiv process") from exc
        raise UsageError(f"cannot open the archive {db}: {exc}") from exc
    if not read_only:
        apply_schema(conn)
    return conn


def apply_schema(conn: duckdb.DuckDBPyConnection) -> None:
    folder = schema_dir()
    for name in SCHEMA_FILES:
        path = folder / name
        if path.exists():
            conn.execute(path.read_text(encoding="utf-8"))
    conn.execute(
        "INSERT INTO schema_meta VALUES ('schema_version', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [str(SCHEMA_VERSION)],
    )


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    row = conn.execute("SELECT value FROM schema_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0
