"""load: the only stage that writes the database. One transaction per document.

Keyed by content hash: the same bytes ingested twice are one document (the second path
becomes a ``document_sources`` row); a document loaded by the current pipeline version is
skipped unless ``reprocess``; a reprocessed document's rows are replaced in the same
transaction, so an interruption leaves either the old or the new version, never a mix.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

import duckdb

from pipeline import PIPELINE_VERSION
from pipeline.records import DocumentFailure, DocumentRecord
from pipeline.stages._index import rebuild_search_index

# Tables holding rows that belong to one document (deleted when it is reprocessed).
DOC_TABLES = (
    "pages",
    "corrections",
    "cases",
    "case_fields",
    "dates",
    "case_references",
    "recommendations",
    "sections",
)


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Loader:
    def __init__(self, conn: duckdb.DuckDBPyConnection,
                 names: Mapping[str, str] | None = None) -> None:
        self.conn = conn
        # what a path is called in the archive: the URL a synced file was fetched from
        # instead of its place in the store (``api.ingest(source_names=...)``)
        self.names = dict(names or {})
        tables = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        self._doc_tables = tuple(t for t in DOC_TABLES if t in tables)
        self._columns = {
            t: {
                r[0]
                for r in conn.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [t]
                ).fetchall()
            }
            for t in self._doc_tables
        }

    # -- runs ---------------------------------------------------------------------------
    def start_run(self, command: str) -> str:
        run_id = str(uuid.uuid4())
        self.conn.execute(
            "INSERT INTO runs (run_id, started_at, command, pipeline_version, status) "
            "VALUES (?, ?, ?, ?, 'running')",
            [run_id, _now(), command, PIPELINE_VERSION],
        )
        return run_id

    def finish_run(self, run_id: str, status: str, counts: dict[str, float]) -> None:
        """Close the run; when it loaded something, resolve references and reindex."""
        if counts.get("documents_new"):
            self.resolve_references()
            rebuild_search_index(self.conn)
        cols = ", ".join(f"{k} = ?" for k in counts)
        self.conn.execute(
            f"UPDATE runs SET finished_at = ?, status = ?, {cols} WHERE run_id = ?",
            [_now(), status, *counts.values(), run_id],
        )

    # -- what the repair stage learns from the archive ---------------------------------
    def vocabulary(self, limit: int = 200_000) -> frozenset[str]:
        """Words of clean documents already loaded (names such as "Vesterålen", "Dahlmo").

        Clean: a page whose own text layer was judged ok, or that was OCR'd with the
        Norwegian model, in a document where repair changed nothing. A word must occur
        at least twice, so one OCR slip does not become vocabulary.
        """
        rows = self.conn.execute(
            """
            SELECT word FROM (
                SELECT unnest(regexp_extract_all(text, '[A-Za-zÀ-ÿ]{3,}')) AS word
                FROM pages
                WHERE (quality = 'ok' OR method = 'ocr')
                  AND doc_id NOT IN (SELECT doc_id FROM corrections WHERE applied)
            )
            GROUP BY word HAVING count(*) >= 2
            ORDER BY count(*) DESC LIMIT ?
            """,
            [limit],
        ).fetchall()
        return frozenset(r[0] for r in rows)

    def resolve_references(self) -> None:
        """Point references at the archive's document of their target case.

        Run after each ingest, so a reference loaded before its target is resolved once
        the target arrives. Among several documents presenting the case, the one with the
        fewest cases (the case's own paper, not minutes covering many) wins.
        """
        if "case_references" not in self._doc_tables or "cases" not in self._doc_tables:
            return
        self.conn.execute(
            """
            UPDATE case_references r SET target_doc_id = t.doc_id
            FROM (
                SELECT case_key, arg_min(c.doc_id, n.cases) AS doc_id
                FROM cases c JOIN (SELECT doc_id, count(*) AS cases FROM cases GROUP BY doc_id) n
                USING (doc_id) GROUP BY case_key
            ) t
            WHERE r.target_case_key = t.case_key AND r.target_doc_id IS DISTINCT FROM t.doc_id
            """
        )

    # -- documents ----------------------------------------------------------------------
    def loaded_version(self, sha256: str) -> str | None:
        row = self.conn.execute(
            "SELECT pipeline_version FROM documents WHERE doc_id = ?", [sha256]
        ).fetchone()
        return row[0] if row else None

    def _named(self, source: str, filename: str | None = None) -> tuple[str, str]:
        """(source, filename) as the archive records them."""
        name = self.names.get(source)
        if name is None:
            return source, filename if filename is not None else Path(source).name
        tail = urlsplit(name).path.rstrip("/").rsplit("/", 1)[-1] if "://" in name else Path(name).name
        return name, unquote(tail) or name

    def add_source(self, sha256: str, source: str, run_id: str) -> bool:
        """Record another path for known bytes; True when the path is new."""
        source, filename = self._named(source)
        before = self.conn.execute(
            "SELECT count(*) FROM document_sources WHERE doc_id = ? AND source = ?", [sha256, source]
        ).fetchone()[0]
        if before:
            return False
        self.conn.execute(
            "INSERT INTO document_sources VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [sha256, source, filename, run_id, _now()],
        )
        return True

    def load(self, record: DocumentRecord, run_id: str) -> None:
        """Load one document in its own transaction."""
        self.load_many([record], run_id)

    def load_many(self, records: list[DocumentRecord], run_id: str) -> None:
        """Load documents in one transaction: all of them, or (on an error) none.

        A reprocessed document's old rows are deleted first. Rows of all the documents go
        in with one statement per table: DuckDB's cost is per statement and per commit.
        """
        conn = self.conn
        now = _now()
        named = {r.sha256: self._named(r.source, r.filename) for r in records}
        conn.execute("BEGIN TRANSACTION")
        try:
            ids = [r.sha256 for r in records]
            known = {row[0] for row in conn.execute(
                "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()}
            if known:  # reprocessing: replace their rows
                for table in (*self._doc_tables, "documents"):
                    conn.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [list(known)])
            self._insert(
                "documents",
                ["doc_id", "sha256", "source", "filename", "media_type", "size_bytes", "page_count",
                 "text_origin", "language", "status", "pipeline_version", "encoding", "warnings",
                 "repair_profile", "seconds", "run_id", "ingested_at"],
                [[r.sha256, r.sha256, *named[r.sha256], r.media_type, r.size_bytes, r.page_count,
                  r.text_origin, r.language, r.status, r.pipeline_version, r.encoding,
                  list(r.warnings), r.repair_profile, r.seconds, run_id, now] for r in records],
            )
            self._insert(
                "document_sources", ["doc_id", "source", "filename", "run_id", "first_seen"],
                [[r.sha256, *named[r.sha256], run_id, now] for r in records],
                conflict="ON CONFLICT DO NOTHING",
            )
            self._insert(
                "pages",
                ["doc_id", "page_no", "method", "text_raw", "text", "quality", "quality_score",
                 "reason", "ocr_confidence", "text_layer", "run_id"],
                [[r.sha256, p.page_no, p.method, p.text_raw, p.text, p.quality, p.quality_score,
                  p.reason, p.ocr_confidence, p.text_layer, run_id]
                 for r in records for p in r.pages],
            )
            self._insert(
                "corrections",
                ["doc_id", "page_no", "char_start", "char_end", "original", "corrected", "kind",
                 "confidence", "applied", "new_start", "new_end", "run_id"],
                [[r.sha256, c.page_no, c.char_start, c.char_end, c.original, c.corrected, c.kind,
                  c.confidence, c.applied, c.new_start if c.new_start >= 0 else None,
                  c.new_end if c.new_end >= 0 else None, run_id]
                 for r in records for c in r.corrections],
            )
            self._load_extraction(records)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _load_extraction(self, records: list[DocumentRecord]) -> None:
        from extractors import to_rows

        by_table: dict[str, list[tuple[str, dict]]] = {}
        for record in records:
            if record.extraction is None:
                continue
            for table, rows in to_rows(record.extraction).items():
                if table in self._columns:
                    by_table.setdefault(table, []).extend((record.sha256, row) for row in rows)
        for table, rows in by_table.items():
            if not rows:
                continue
            cols = [c for c in rows[0][1] if c in self._columns[table]]
            self._insert(table, ["doc_id", *cols],
                         [[doc_id, *(row.get(c) for c in cols)] for doc_id, row in rows])

    def _insert(self, table: str, cols: list[str], rows: list[list], chunk: int = 256,
                conflict: str = "") -> None:
        """Insert rows with one multi-row statement per chunk.

        DuckDB runs ``executemany`` as one execution per row (about 70 µs each); a single
        ``VALUES (...), (...)`` statement is several times faster, and the writer is the
        one process every document passes through.
        """
        one = "(" + ", ".join("?" * len(cols)) + ")"
        head = f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
        for i in range(0, len(rows), chunk):
            part = rows[i:i + chunk]
            self.conn.execute(head + ", ".join([one] * len(part)) + " " + conflict,
                              [v for r in part for v in r])

    def record_failure(self, failure: DocumentFailure, run_id: str) -> None:
        self.conn.execute(
            "INSERT INTO ingest_errors (run_id, source, sha256, stage, error, error_type,"
            " size_bytes, media_type, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, self._named(failure.source)[0], failure.sha256, failure.stage, failure.error,
             failure.error_type, failure.size_bytes, failure.media_type, _now()],
        )


def record_as_dict(record: DocumentRecord) -> dict:
    """A JSON-friendly view of a record (for --json output and inspection)."""
    return dataclasses.asdict(record)
