"""Rebuild the full-text index after an ingest (part of the load stage: it writes).

DuckDB's fts extension builds an index over a whole table (no incremental updates), so we
keep the indexed table small and rebuild it in one statement; ``make bench-query`` reports
what that costs on 10,000 documents.
"""

from __future__ import annotations

import duckdb

# Letters a Norwegian text uses: the default ignore pattern of the fts extension would
# split "møte" at the ø. Accents are kept (strip_accents = 0) so "år" is not "ar".
_IGNORE = r"(\.|[^a-z0-9æøåéèêóòôüäöç])+"


def rebuild_search_index(conn: duckdb.DuckDBPyConnection) -> int:
    """Refill ``search_units`` from sections, recommendations and pages; return its rows."""
    tables = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    parts = []
    if "sections" in tables:
        parts.append("SELECT doc_id, case_key, 'section' AS kind, heading, page_no, text FROM sections")
    if "recommendations" in tables:
        parts.append(
            "SELECT doc_id, case_key, 'recommendation', any_value(heading), min(page_no), "
            "string_agg(text, '\n' ORDER BY item_no) FROM recommendations GROUP BY doc_id, case_key, kind"
        )
    covered = " UNION ".join(f"SELECT doc_id FROM {t}" for t in ("sections",) if t in tables)
    page_filter = f"WHERE doc_id NOT IN ({covered})" if covered else ""
    first_case = (
        "(SELECT min(c.case_key) FROM cases c WHERE c.doc_id = p.doc_id)" if "cases" in tables else "NULL"
    )
    parts.append(
        f"SELECT doc_id, {first_case}, 'page', NULL, page_no, text FROM pages p {page_filter}"
    )
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute("DELETE FROM search_units")
        conn.execute(
            "INSERT INTO search_units SELECT row_number() OVER () AS unit_id, * FROM ("
            + " UNION ALL ".join(parts)
            + ") WHERE length(trim(text)) > 0"
        )
        conn.execute(
            "PRAGMA create_fts_index('search_units', 'unit_id', 'heading', 'text', "
            f"stemmer = 'norwegian', stopwords = 'none', ignore = '{_IGNORE}', "
            "strip_accents = 0, lower = 1, overwrite = 1)"
        )
        build_postings(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return conn.execute("SELECT count(*) FROM search_units").fetchone()[0]


def build_postings(conn: duckdb.DuckDBPyConnection) -> None:
    """``fts_main_search_units.postings(termid, docid, tf)``, sorted by term.

    The extension keeps one row per token occurrence in ``terms``, in document order, so a
    query for one term reads all of it; sorted by term, DuckDB skips every row group outside
    the query's terms (``search_scores`` reads this table). Part of the index: rebuilt with it.
    """
    conn.execute(
        "CREATE OR REPLACE TABLE fts_main_search_units.postings AS "
        "SELECT termid, docid, count(*)::INTEGER AS tf FROM fts_main_search_units.terms "
        "GROUP BY termid, docid ORDER BY termid, docid"
    )
