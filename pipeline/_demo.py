"""Print what an archive holds (used by ``make demo``)."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from pipeline import archive


def summary(db: str) -> None:
    conn = archive.connect(db, read_only=True)
    console = Console()
    tables = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}

    def show(title: str, sql: str) -> None:
        rel = conn.sql(sql)
        t = Table(title=title)
        for col in rel.columns:
            t.add_column(col)
        for row in rel.fetchall():
            t.add_row(*("" if v is None else str(v) for v in row))
        console.print(t)

    show("documents by text origin",
         "SELECT text_origin, count(*) AS documents, sum(page_count) AS pages "
         "FROM documents GROUP BY ALL ORDER BY 1")
    show("pages: how their text was produced",
         "SELECT method, quality AS text_layer_verdict, count(*) AS pages, "
         "round(avg(ocr_confidence), 1) AS mean_ocr_confidence FROM pages GROUP BY ALL ORDER BY 1, 2")
    show("repairs", "SELECT kind, applied, count(*) AS n FROM corrections GROUP BY ALL ORDER BY 3 DESC")
    if "cases" in tables:
        show("cases", "SELECT case_key, any_value(title) AS title, count(DISTINCT doc_id) AS documents "
             "FROM cases GROUP BY ALL ORDER BY 1")
    show("runs", "SELECT strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started, status, documents_new AS new, "
         "documents_skipped AS skipped, documents_failed AS failed, pages, round(seconds, 1) AS s "
         "FROM runs ORDER BY started_at DESC LIMIT 5")
    conn.close()


if __name__ == "__main__":
    summary(sys.argv[1] if len(sys.argv) > 1 else "samples.duckdb")
