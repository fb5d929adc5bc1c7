"""Read the archive: SQL (read-only), search, statistics, export.

Every function here opens the archive read-only, and ``sql`` lets only reading
statements through (SELECT, WITH ... SELECT, DESCRIBE, SHOW, EXPLAIN), so a typo cannot
change the archive. Writes go through the loader only. (DuckDB's global
``enable_external_access`` switch is not used: it would also stop every later connection
of the same process from loading the full-text extension.)
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline import archive
from pipeline.exceptions import UsageError

# Statement types that only read. Everything else (DELETE, DROP, ATTACH, COPY, INSTALL,
# LOAD, SET, CREATE, ...) is refused before it reaches DuckDB.
_READING = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
TABLES = (
    "documents", "document_sources", "pages", "corrections", "cases", "dates",
    "case_references", "recommendations", "sections", "runs", "ingest_errors",
)


class ReadOnlyError(UsageError):
    """A statement that would change something was given to a read-only command."""


def open_readonly(db: str) -> duckdb.DuckDBPyConnection:
    return archive.connect(db, read_only=True)


def check_read_only(sql: str) -> None:
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise UsageError(f"SQL error: {exc}") from exc
    if not statements:
        raise UsageError("no SQL statement given")
    for st in statements:
        if st.type not in _READING:
            word = st.type.name.replace("_", " ")
            raise ReadOnlyError(
                f"refused: {word} statements change the archive or reach outside it; "
                "`saksarkiv sql` only reads (SELECT, WITH ... SELECT, EXPLAIN, DESCRIBE, SHOW)"
            )


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple]


def run_sql(db: str, sql: str) -> Result:
    check_read_only(sql)
    conn = open_readonly(db)
    try:
        rel = None
        for statement in duckdb.extract_statements(sql):
            rel = conn.sql(statement.query)
        if rel is None:
            return Result([], [])
        return Result(list(rel.columns), rel.fetchall())
    except duckdb.Error as exc:
        raise UsageError(f"SQL error: {exc}") from exc
    finally:
        conn.close()


def format_result(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, map(_jsonable, r))) for r in result.rows],
                          ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(result.columns)
        w.writerows(result.rows)
        return buf.getvalue().rstrip("\n")
    if fmt == "markdown":
        head = "| " + " | ".join(result.columns) + " |"
        sep = "|" + "|".join("---" for _ in result.columns) + "|"
        body = ["| " + " | ".join(_cell(v) for v in r) + " |" for r in result.rows]
        return "\n".join([head, sep, *body])
    raise UsageError(f"unknown format {fmt}")


def _cell(v) -> str:
    return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")


def _jsonable(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return str(v)


# -- search --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hit:
    case_key: str | None
    doc_id: str
    filename: str
    kind: str
    heading: str | None
    page_no: int | None
    score: float
    snippet: str


def search(db: str, query: str, limit: int = 10) -> list[Hit]:
    conn = open_readonly(db)
    try:
        rows = conn.execute(
            "SELECT s.case_key, s.doc_id, d.filename, s.kind, s.heading, s.page_no, s.score, s.text "
            "FROM search(?, n := ?) s JOIN documents d USING (doc_id) ORDER BY s.score DESC",
            [query, limit],
        ).fetchall()
        stems = set(_stems(conn, re.findall(r"\w+", query)))
        return [Hit(*r[:7], snippet=snippet(conn, r[7], stems)) for r in rows]
    except duckdb.CatalogException as exc:
        raise UsageError("the archive has no search index yet: ingest something first") from exc
    finally:
        conn.close()


def _stems(conn: duckdb.DuckDBPyConnection, words: list[str]) -> list[str]:
    """The fts extension's Norwegian stems of ``words``, in order."""
    if not words:
        return []
    return [r[0] for r in conn.execute(
        "SELECT stem(lower(w), 'norwegian') FROM unnest(?) WITH ORDINALITY AS t(w, i) ORDER BY i",
        [words]).fetchall()]


def snippet(conn: duckdb.DuckDBPyConnection, text: str, stems: set[str], width: int = 220) -> str:
    """A window of ``text`` around the first matching word, matches marked **like this**."""
    words = list(re.finditer(r"\w+", text))
    if not words:
        return ""
    word_stems = _stems(conn, [m.group() for m in words])
    hits = [m for m, s in zip(words, word_stems) if s in stems]
    centre = hits[0].start() if hits else 0
    start = max(0, centre - width // 3)
    if start > 0:  # begin and end at word boundaries
        space = text.find(" ", start, centre)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > centre else end
    out, pos = [], start
    for m in hits:
        if m.start() < start or m.end() > end:
            continue
        out.append(text[pos:m.start()])
        out.append(f"**{m.group()}**")
        pos = m.end()
    out.append(text[pos:end])
    frag = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + frag + ("…" if end < len(text) else "")


# -- stats and export ----------------------------------------------------------------------
STATS = {
    "documents by origin": "SELECT text_origin, status, count(*) AS documents, sum(page_count) AS pages "
                           "FROM documents GROUP BY ALL ORDER BY 1, 2",
    "documents by language": "SELECT coalesce(language, '?') AS language, count(*) AS documents "
                             "FROM documents GROUP BY ALL ORDER BY 2 DESC",
    "pages by method": "SELECT method, quality AS text_layer_verdict, count(*) AS pages FROM pages "
                       "GROUP BY ALL ORDER BY 1, 2",
    "cases by body and year": "SELECT body, year, count(DISTINCT case_key) AS cases FROM cases "
                              "GROUP BY ALL ORDER BY 1, 2",
    "corrections": "SELECT kind, applied, count(*) AS n FROM corrections GROUP BY ALL ORDER BY 3 DESC",
    "ingest errors by stage": "SELECT stage, count(*) AS files FROM ingest_errors GROUP BY ALL ORDER BY 2 DESC",
    "last runs": "SELECT strftime(started_at, '%Y-%m-%d %H:%M') AS started, status, documents_new AS new, "
                 "documents_skipped AS skipped, documents_failed AS failed, pages "
                 "FROM runs ORDER BY started_at DESC LIMIT 5",
}


def stats(db: str) -> dict[str, Result]:
    conn = open_readonly(db)
    try:
        out = {}
        for title, sql in STATS.items():
            rel = conn.sql(sql)
            out[title] = Result(list(rel.columns), rel.fetchall())
        return out
    finally:
        conn.close()


def export(db: str, folder: str, fmt: str) -> list[Path]:
    """Write every table (and view) to ``folder`` as Parquet or CSV; return the files."""
    if fmt not in ("parquet", "csv"):
        raise UsageError(f"unknown export format {fmt}: use parquet or csv")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    conn = archive.connect(db, read_only=True)  # file access needed: it writes the files
    try:
        names = TABLES + ("decision_history", "case_timeline", "reference_graph", "review_queue")
        written = []
        for name in names:
            target = out / f"{name}.{fmt}"
            option = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
            target_sql = str(target).replace("'", "''")
            conn.execute(f"COPY (SELECT * FROM {name}) TO '{target_sql}' {option}")
            written.append(target)
        return written
    finally:
        conn.close()


def dataframe(db: str, sql: str):
    """Run a read-only query and return a pandas DataFrame."""
    check_read_only(sql)
    conn = open_readonly(db)
    try:
        return conn.sql(sql).df()
    finally:
        conn.close()
