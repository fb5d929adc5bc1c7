"""Open an archive (a DuckDB file) with its schema, views, full-text search and macros.

The DDL lives in ``schemas/*.sql``. The schema version is kept in ``schema_meta``;
opening an archive written by an older saksarkiv applies the missing migration steps
(``MIGRATIONS``) in one transaction. DuckDB's full-text extension is loaded from the pinned
pip package ``duckdb-extension-fts`` (never downloaded at run time).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.exceptions import UsageError

SCHEMA_VERSION = 2
# Applied in this order; each file is idempotent.
SCHEMA_FILES = ("core.sql", "extraction.sql", "sync.sql")
VIEWS_FILE = "views.sql"
# version → statements that bring an archive of version - 1 up to it (after the schema
# files above have created any missing table).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        # v1 archives (pages only) get the extraction tables from extraction.sql, the
        # views and the search table; references gained their resolved target.
        "ALTER TABLE case_references ADD COLUMN IF NOT EXISTS target_doc_id VARCHAR",
    ),
}
_NO_DOWNLOADS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def schema_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "schemas", here / "schemas"):
        if (candidate / "core.sql").exists():
            return candidate
    raise FileNotFoundError("schemas/core.sql not found next to the pipeline package")


def fts_extension_path() -> Path:
    import duckdb_extension_fts

    folder = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    path = folder / "fts.duckdb_extension"
    if not path.exists():
        raise UsageError(
            f"the full-text extension for DuckDB {duckdb.__version__} is missing: install "
            f"duckdb-extension-fts=={duckdb.__version__}"
        )
    return path


def load_fts(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(f"LOAD '{fts_extension_path()}'")


def connect(db: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open ``db`` (created when missing unless ``read_only``) with the schema in place.

    Read-only connections also get the search macros (see ``schemas/macros.sql``).
    """
    db = str(db)
    if read_only and db != ":memory:" and not Path(db).exists():
        raise UsageError(f"no archive at {db}")
    try:
        conn = duckdb.connect(db, read_only=read_only, config=_NO_DOWNLOADS)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise UsageError(f"the archive {db} is in use by another saksarkiv process") from exc
        raise UsageError(f"cannot open the archive {db}: {exc}") from exc
    load_fts(conn)
    if read_only:
        if schema_version(conn) < SCHEMA_VERSION:
            raise UsageError(
                f"the archive {db} has schema version {schema_version(conn)}; open it once "
                f"for writing (e.g. saksarkiv ingest) to migrate it to {SCHEMA_VERSION}"
            )
    else:
        apply_schema(conn)
    apply_macros(conn)
    return conn


def apply_schema(conn: duckdb.DuckDBPyConnection) -> None:
    folder = schema_dir()
    conn.execute("BEGIN TRANSACTION")
    try:
        for name in SCHEMA_FILES:
            path = folder / name
            if path.exists():
                conn.execute(path.read_text(encoding="utf-8"))
        current = _stored_version(conn)
        if current is None:  # a new archive: the schema files are the latest version
            current = SCHEMA_VERSION
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS.get(version, ()):
                conn.execute(statement)
        conn.execute((folder / VIEWS_FILE).read_text(encoding="utf-8"))
        conn.execute(
            "INSERT INTO schema_meta VALUES ('schema_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [str(SCHEMA_VERSION)],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if not has_search_index(conn):
        from pipeline.stages._index import rebuild_search_index

        rebuild_search_index(conn)


def apply_macros(conn: duckdb.DuckDBPyConnection) -> None:
    """Temporary macros (they live in the connection, so read-only archives have them too).

    They bind to the full-text index, which every archive opened for writing has (an
    empty one at first); an archive without it simply has no search macros.
    """
    if has_search_index(conn):
        # the sorted postings of the index; an archive indexed before they existed gets them
        # (or, read-only, a view that computes them from the extension's table)
        has_postings = bool(conn.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'fts_main_search_units' "
            "AND table_name = 'postings'").fetchone()[0])
        if not has_postings and not _read_only(conn):
            from pipeline.stages._index import build_postings

            build_postings(conn)
            has_postings = True
        source = ("fts_main_search_units.postings" if has_postings else
                  "(SELECT termid, docid, 1 AS tf FROM fts_main_search_units.terms)")
        conn.execute(f"CREATE OR REPLACE TEMP VIEW search_postings AS SELECT * FROM {source}")
        conn.execute((schema_dir() / "macros.sql").read_text(encoding="utf-8"))


def _read_only(conn: duckdb.DuckDBPyConnection) -> bool:
    try:
        return conn.execute("SELECT readonly FROM duckdb_databases() WHERE database_name = "
                            "current_database()").fetchone()[0]
    except (duckdb.Error, TypeError):
        return False


def has_search_index(conn: duckdb.DuckDBPyConnection) -> bool:
    return bool(conn.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_search_units'"
    ).fetchone()[0])


def _stored_version(conn: duckdb.DuckDBPyConnection) -> int | None:
    row = conn.execute("SELECT value FROM schema_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    try:
        return _stored_version(conn) or 0
    except duckdb.CatalogException:
        return 0
