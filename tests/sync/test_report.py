"""The run report for a person (stdout), progress lines (stderr) and the runs row."""

from __future__ import annotations

import duckdb
from typer.testing import CliRunner

from tests.sync.conftest import FAST_FETCH


def test_human_report_and_a_failed_source(app, site, tmp_path):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "bilde.png").write_bytes(b"\x89PNG")
    config = tmp_path / "sources.toml"
    config.write_text(FAST_FETCH + f"""
[[source]]
name = "borte"
url = "{site.base}/finnes-ikke.html"

[[source]]
name = "innboks"
path = "inbox"

[[source]]
name = "mangler"
path = "ingen-mappe"
""", encoding="utf-8")
    db = tmp_path / "a.duckdb"
    result = CliRunner().invoke(app, ["sync", "-c", str(config), "--db", str(db), "--ocr", "never"])
    assert result.exit_code == 1
    assert "saksarkiv sync →" in result.stdout
    assert "borte (source failed)" in result.stdout and "HTTP 404" in result.stdout
    assert "no such folder" in result.stdout
    assert "source_failed borte" in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status, files_seen, finished_at IS NOT NULL FROM runs").fetchall() \
        == [("some_failed", 0, True)]
    assert con.execute("SELECT sources, sources_failed, checked FROM sync_runs").fetchall() \
        == [(3, 2, 0)]
    assert con.execute("SELECT kind, status, http_status FROM source_urls").fetchall() \
        == [("page", "failed", 404)]
    con.close()
    quiet = CliRunner().invoke(app, ["sync", "-c", str(config), "--db", str(db), "-q", "--ocr", "never"])
    assert quiet.exit_code == 1 and quiet.stderr == ""


def test_a_file_the_ingest_rejects_is_a_failed_url_retried_in_full(app, site, tmp_path):
    import json

    site.put("/index.html", '<a href="skadet.pdf">skadet</a>', "text/html")
    site.put("/skadet.pdf", b"%PDF-1.4\n% truncated, no objects, no xref\n")
    config = tmp_path / "sources.toml"
    config.write_text(FAST_FETCH + f'[[source]]\nname = "s"\nurl = "{site.base}/index.html"\n',
                      encoding="utf-8")
    db = tmp_path / "a.duckdb"
    args = ["sync", "-c", str(config), "--db", str(db), "--ocr", "never", "--workers", "1",
            "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["failed"] == 1 and report["new"] == 0
    assert report["failures"][0]["error"].startswith("ingest (")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status, sha256, failures, error LIKE 'ingest (%' FROM source_urls "
                       "WHERE url LIKE '%skadet.pdf'").fetchall() == [("failed", None, 1, True)]
    assert con.execute("SELECT count(*) FROM ingest_errors").fetchone() == (1,)
    con.close()
