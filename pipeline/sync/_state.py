"""Every database write of the sync, in one place (part of the loader's job).

The sync's run is a ``runs`` row (status ``syncing`` while it runs, so the ingest step's
own clean-up of ``running`` rows leaves it alone) plus a ``sync_runs`` row with its counts.
URL state lives in ``source_urls``, the versions seen at each URL in ``url_versions``, and
each URL a document came from is a ``document_sources`` row (through the loader).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

import duckdb

from pipeline import PIPELINE_VERSION, archive
from pipeline.stages.load import Loader


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True, slots=True)
class UrlState:
    url: str
    source: str
    kind: str
    status: str
    etag: str | None
    last_modified: str | None
    sha256: str | None
    previous_sha256: str | None
    links: tuple[str, ...]
    enclosures: tuple[str, ...]
    failures: int
    in_archive: bool  # sha256 is a document of the archive


@dataclass(frozen=True, slots=True)
class UrlResult:
    """What one check found; written by :func:`finish_run`."""

    url: str
    source: str
    kind: str  # document / page / feed / file
    status: str  # ok / failed / disallowed
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None  # the content now at the URL (documents and files)
    previous_sha256: str | None = None  # set when this is a new version
    new_version: bool = False
    links: tuple[str, ...] | None = None
    enclosures: tuple[str, ...] | None = None
    http_status: int | None = None
    error: str | None = None


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create the sync tables (until ``sync.sql`` is in ``archive.SCHEMA_FILES``)."""
    conn.execute((archive.schema_dir() / "sync.sql").read_text(encoding="utf-8"))


def open_archive(db: str) -> duckdb.DuckDBPyConnection:
    conn = archive.connect(db)
    ensure_schema(conn)
    return conn


def start_run(conn: duckdb.DuckDBPyConnection, command: str) -> tuple[str, datetime]:
    """Record the start of a sync; earlier syncs still ``syncing`` were killed."""
    conn.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'syncing'")
    run_id, started = str(uuid.uuid4()), _now()
    conn.execute(
        "INSERT INTO runs (run_id, started_at, command, pipeline_version, status) "
        "VALUES (?, ?, ?, ?, 'syncing')",
        [run_id, started, command, PIPELINE_VERSION],
    )
    return run_id, started


def load_state(conn: duckdb.DuckDBPyConnection) -> dict[str, UrlState]:
    rows = conn.execute(
        """
        SELECT url, source, kind, status, etag, last_modified, sha256, previous_sha256,
               coalesce(links, []), coalesce(enclosures, []), failures,
               sha256 IS NOT NULL AND sha256 IN (SELECT doc_id FROM documents)
        FROM source_urls
        """
    ).fetchall()
    return {r[0]: UrlState(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], tuple(r[8]), tuple(r[9]),
                           r[10], bool(r[11])) for r in rows}


def finish_run(conn: duckdb.DuckDBPyConnection, run_id: str, *, status: str,
               results: list[UrlResult], runs_counts: dict[str, float],
               sync_counts: dict[str, object]) -> None:
    """Write what the sync found, in one transaction, and close its run."""
    now = _now()
    loader = Loader(conn)
    conn.execute("BEGIN TRANSACTION")
    try:
        for r in results:
            _upsert(conn, r, run_id, now)
            if r.status == "ok" and r.new_version and r.sha256:
                conn.execute("INSERT INTO url_versions VALUES (?, ?, ?, ?, ?)",
                             [r.url, r.sha256, r.previous_sha256, now, run_id])
            if r.status == "ok" and r.sha256 and r.kind in ("document", "file"):
                loader.add_source(r.sha256, r.url, run_id)
        cols = ", ".join(sync_counts)
        conn.execute(
            f"INSERT INTO sync_runs (run_id, {cols}) VALUES (?{', ?' * len(sync_counts)})",
            [run_id, *sync_counts.values()],
        )
        sets = ", ".join(f"{k} = ?" for k in runs_counts)
        conn.execute(
            f"UPDATE runs SET finished_at = ?, status = ?, {sets} WHERE run_id = ?",
            [now, status, *runs_counts.values(), run_id],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def abandon_run(conn: duckdb.DuckDBPyConnection, run_id: str, status: str) -> None:
    conn.execute("UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?",
                 [_now(), status, run_id])


def _upsert(conn: duckdb.DuckDBPyConnection, r: UrlResult, run_id: str, now: datetime) -> None:
    failed = r.status == "failed"
    # A failure keeps the last good validators and version; a success replaces them.
    conn.execute(
        """
        INSERT INTO source_urls (url, source, kind, status, etag, last_modified, sha256,
            previous_sha256, links, enclosures, http_status, error, failures, first_seen, last_checked,
            last_changed, run_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (url) DO UPDATE SET
            source = excluded.source, kind = excluded.kind, status = excluded.status,
            etag = CASE WHEN ? THEN source_urls.etag ELSE excluded.etag END,
            last_modified = CASE WHEN ? THEN source_urls.last_modified
                                 ELSE excluded.last_modified END,
            sha256 = coalesce(excluded.sha256, source_urls.sha256),
            previous_sha256 = CASE WHEN ? THEN excluded.previous_sha256
                                   ELSE source_urls.previous_sha256 END,
            links = coalesce(excluded.links, source_urls.links),
            enclosures = coalesce(excluded.enclosures, source_urls.enclosures),
            http_status = excluded.http_status, error = excluded.error,
            failures = CASE WHEN ? THEN source_urls.failures + 1 ELSE 0 END,
            last_checked = excluded.last_checked,
            last_changed = coalesce(excluded.last_changed, source_urls.last_changed),
            run_id = excluded.run_id
        """,
        [r.url, r.source, r.kind, r.status, r.etag, r.last_modified,
         None if failed else r.sha256, r.previous_sha256 if r.new_version else None,
         list(r.links) if r.links is not None else None,
         list(r.enclosures) if r.enclosures is not None else None, r.http_status, r.error,
         1 if failed else 0, now, now, now if (r.new_version and not failed) else None, run_id,
         failed, failed, r.new_version and not failed, failed],
    )
