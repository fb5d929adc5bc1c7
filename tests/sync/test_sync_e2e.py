"""End to end against a real HTTP server on 127.0.0.1: the nightly job over three nights.

Night 1 ingests everything (the 500 and the slow URL are reported, exit 1); night 2
downloads nothing and ingests nothing (and retries the failing URLs); night 3 the site
fixed its errors and replaced a PDF: the new file is a new version linked to the old one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from tests.sync.conftest import FAST_FETCH, sample, sha

INDEX = """<!doctype html><html><head><title>Saksdokumenter og møtereferater 2024</title></head>
<body><h1>Saksdokumenter 2024</h1><ul>
<li><a href="docs/a.pdf">Sak 1/24</a></li>
<li><a href="docs/b.pdf">Sak 2/24</a></li>
<li><a href="docs/b-copy.pdf">Sak 2/24 (kopi)</a></li>
<li><a href="docs/broken.pdf">Sak 3/24</a></li>
<li><a href="docs/slow.pdf">Sak 4/24</a></li>
<li><a href="private/secret.pdf">Unntatt offentlighet</a></li>
<li><a href="meeting/2024-03.html">Møte mars</a></li>
<li><a href="../../etc/x.pdf">hostile relative</a></li>
<li><a href="/abs/../../../../tmp/evil.pdf">hostile absolute</a></li>
<li><a href="file:///etc/passwd.pdf">file</a> <a href="javascript:alert(1)">js</a>
    <a href="mailto:post@example.no">mail</a> <a href="#top">top</a></li>
<li><a href="docs/utkast-a.pdf">utkast (excluded)</a></li>
</ul></body></html>"""

MEETING = '<html><body><a href="c.pdf">Protokoll</a> <a href="/index.html">tilbake</a></body></html>'

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Nye saker</title><link>{base}/</link>
<item><title>Notat</title><link>{base}/meeting/2024-03.html</link>
<enclosure url="{base}/feed/notat" type="text/plain" length="100"/></item>
</channel></rss>"""

NOTAT = "Notat fra partnerskapsmøtet\n\nSak 5/24 Økonomi. Vedtak: Styret tar saken til orientering.\n"


def _setup(site, tmp_path: Path) -> Path:
    site.put("/index.html", INDEX, "text/html; charset=utf-8")
    site.put("/meeting/2024-03.html", MEETING, "text/html")
    site.put("/feed.xml", FEED.format(base=site.base), "application/rss+xml")
    site.put("/feed/notat", NOTAT, "text/plain; charset=utf-8")
    site.put("/docs/a.pdf", sample(0))
    site.put("/docs/b.pdf", sample(1))
    site.put("/docs/b-copy.pdf", sample(1))
    site.put("/docs/utkast-a.pdf", sample(2))
    site.put("/docs/slow.pdf", sample(2))
    site.put("/private/secret.pdf", sample(2))
    site.put("/meeting/c.pdf", sample(4))
    site.put("/etc/x.pdf", sample(0),
             **{"Content-Disposition": 'attachment; filename="../../../../tmp/evil.pdf"'})
    site.put("/tmp/evil.pdf", sample(0),
             **{"Content-Disposition": 'attachment; filename="/etc/evil.pdf"'})
    site.status["/docs/broken.pdf"] = 500
    site.delay["/docs/slow.pdf"] = 1.5  # > timeout 0.5
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "referat.txt").write_text("Referat\n\nSak 6/24 Budsjett. Vedtak: Godkjent.\n",
                                       encoding="utf-8")
    (inbox / "bilde.png").write_bytes(b"\x89PNG not a document")
    config = tmp_path / "sources.toml"
    config.write_text(FAST_FETCH + f"""
[[source]]
name = "saksdokumenter"
url = "{site.base}/index.html"
exclude = ["utkast-*"]
follow = 1

[[source]]
name = "nyheter"
feed = "{site.base}/feed.xml"

[[source]]
name = "innboks"
path = "inbox"
""", encoding="utf-8")
    return config


def _run(app, config: Path, db: Path, *extra: str):
    result = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db),
                                      "--ocr", "never", "--workers", "1", "--json", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


def _q(db: Path, sql: str, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_three_nights(app, site, tmp_path):
    config = _setup(site, tmp_path)
    db = tmp_path / "archive.duckdb"
    base = site.base

    # -- night 1: everything new is ingested; the 500 and the slow URL are reported ----
    code, report = _run(app, config, db)
    assert code == 1
    assert report["status"] == "some_failed"
    failed = {f["url"]: f for f in report["failures"]}
    assert set(failed) == {f"{base}/docs/broken.pdf", f"{base}/docs/slow.pdf"}
    assert failed[f"{base}/docs/broken.pdf"]["http_status"] == 500
    assert "timed out" in failed[f"{base}/docs/slow.pdf"]["error"]
    assert report["new"] == 8  # a, b, b-copy, x, evil, c, the feed's notat, the inbox file
    assert report["disallowed"] == 1  # robots.txt: /private/
    assert report["failed"] == 2
    assert report["documents_loaded"] == 5  # 000, 001, 004, notat, referat
    assert ("/private/secret.pdf", 200) not in site.requests()
    assert not site.requests("utkast-a.pdf")
    assert site.requests("/docs/broken.pdf") == [("/docs/broken.pdf", 500)] * 2  # one retry
    assert any(ua.startswith("saksarkiv/0.1.0") for ua in site.user_agents)

    docs = dict(_q(db, "SELECT doc_id, media_type FROM documents"))
    assert sha(sample(0)) in docs and sha(sample(1)) in docs and sha(sample(4)) in docs
    assert sorted(docs.values()).count("text/plain") == 2
    # the same bytes at two URLs: one document, two sources
    sources = {r[0] for r in _q(db, "SELECT source FROM document_sources WHERE doc_id = ?",
                                [sha(sample(1))])}
    assert {f"{base}/docs/b.pdf", f"{base}/docs/b-copy.pdf"} <= sources
    inbox_uri = (tmp_path / "inbox" / "referat.txt").as_uri()
    assert _q(db, "SELECT count(*) FROM document_sources WHERE source = ?", [inbox_uri]) == [(1,)]
    # documents and their sources name the URL, never the file's place in the store
    [(src, name)] = _q(db, "SELECT source, filename FROM documents WHERE doc_id = ?", [sha(sample(0))])
    assert src.startswith(base + "/") and src.endswith("/" + name) and name.endswith(".pdf")
    store = str(tmp_path / "archive.duckdb.store")
    assert _q(db, "SELECT count(*) FROM document_sources WHERE source LIKE ?", [store + "%"]) == [(0,)]
    assert _q(db, "SELECT count(*) FROM documents WHERE source LIKE ?", [store + "%"]) == [(0,)]
    state = {r[0]: r[1:] for r in _q(db, "SELECT url, status, sha256, failures, kind FROM source_urls")}
    assert state[f"{base}/docs/broken.pdf"][:3] == ("failed", None, 1)
    assert state[f"{base}/docs/a.pdf"][:2] == ("ok", sha(sample(0)))
    assert state[f"{base}/private/secret.pdf"][0] == "disallowed"
    assert state[f"{base}/index.html"][3] == "page"
    runs = _q(db, "SELECT command, status, files_seen, documents_new, documents_failed "
                  "FROM runs WHERE run_id = ?", [report["run_id"]])
    assert runs[0][0].startswith("saksarkiv sync") and runs[0][1:] == ("some_failed", 11, 5, 2)
    sync_row = _q(db, "SELECT checked, new, changed, unchanged, failed, ingest_run_id "
                      "FROM sync_runs WHERE run_id = ?", [report["run_id"]])
    assert sync_row == [(11, 8, 0, 0, 2, report["ingest_run_id"])]
    _assert_store_is_clean(tmp_path, db)

    # -- night 2: nothing changed: nothing downloaded, nothing ingested ----------------
    site.clear_log()
    documents_before = _q(db, "SELECT count(*) FROM documents")
    code, report = _run(app, config, db)
    assert code == 1
    assert report["new"] == report["changed"] == 0
    assert report["unchanged"] == 8 and report["failed"] == 2
    assert report["ingest_run_id"] is None and report["documents_loaded"] == 0
    # every page, feed and document answered 304 (the slow URL's late answer is logged
    # by the server after the client gave up on it)
    bodies = [(p, s) for p, s in site.requests() if s == 200
              and p not in ("/robots.txt", "/docs/slow.pdf")]
    assert bodies == []
    assert report["downloaded"] == 0
    assert ("/docs/broken.pdf", 500) in site.requests()  # the failure is retried
    assert _q(db, "SELECT count(*) FROM documents") == documents_before
    assert _q(db, "SELECT failures FROM source_urls WHERE url = ?",
              [f"{base}/docs/broken.pdf"]) == [(2,)]

    # -- night 3: errors fixed, a.pdf replaced: a new version linked to the old one ----
    site.clear_log()
    site.status.clear()
    site.delay.clear()
    site.put("/docs/broken.pdf", sample(2))
    site.put("/docs/a.pdf", sample(3))
    referat = tmp_path / "inbox" / "referat.txt"
    old_referat = sha(referat.read_bytes())
    referat.write_text(referat.read_text(encoding="utf-8") + "Rettet 3. mars.\n", encoding="utf-8")
    code, report = _run(app, config, db)
    assert code == 0, report["failures"]
    assert report["status"] == "ok"
    assert report["changed"] == 2 and report["new"] == 2  # broken and slow (same bytes)
    assert report["documents_loaded"] == 3  # 003, 002 and the corrected referat
    assert {"source": "innboks", "url": inbox_uri, "outcome": "changed",
            "sha256": sha(referat.read_bytes()), "previous_sha256": old_referat} in report["changes"]
    change = [c for c in report["changes"] if c["outcome"] == "changed" and c["source"] != "innboks"][0]
    assert change == {"source": "saksdokumenter", "url": f"{base}/docs/a.pdf",
                      "outcome": "changed", "sha256": sha(sample(3)),
                      "previous_sha256": sha(sample(0))}
    assert _q(db, "SELECT sha256, previous_sha256, status, failures FROM source_urls WHERE url = ?",
              [f"{base}/docs/a.pdf"]) == [(sha(sample(3)), sha(sample(0)), "ok", 0)]
    versions = _q(db, "SELECT sha256, previous_sha256 FROM url_versions WHERE url = ? "
                      "ORDER BY first_seen", [f"{base}/docs/a.pdf"])
    assert versions == [(sha(sample(0)), None), (sha(sample(3)), sha(sample(0)))]
    # both versions are documents; the old one keeps its other URLs
    assert _q(db, "SELECT count(*) FROM documents WHERE doc_id IN (?, ?)",
              [sha(sample(0)), sha(sample(3))]) == [(2,)]
    assert _q(db, "SELECT status, failures FROM source_urls WHERE url = ?",
              [f"{base}/docs/broken.pdf"]) == [("ok", 0)]
    _assert_store_is_clean(tmp_path, db)


def _assert_store_is_clean(tmp_path: Path, db: Path) -> None:
    """Hostile link names and Content-Disposition never became paths: every file written
    is the archive, its lock, the config, the inbox, or a store file named by its hash."""
    store = tmp_path / "archive.duckdb.store"
    expected_top = {"archive.duckdb", "archive.duckdb.wal", "archive.duckdb.sync.lock",
                    "sources.toml", "inbox", "archive.duckdb.store"}
    assert {p.name for p in tmp_path.iterdir()} <= expected_top
    for dirpath, _, files in os.walk(store):
        for name in files:
            path = Path(dirpath) / name
            rel = path.relative_to(store)
            digest = sha(path.read_bytes())
            assert rel.as_posix() in (f"{digest[:2]}/{digest[2:4]}/{digest}.pdf",
                                      f"{digest[:2]}/{digest[2:4]}/{digest}.txt"), rel
    assert not list((store / ".tmp").iterdir())
    assert not Path("/tmp/evil.pdf").exists() and not Path("/etc/x.pdf").exists()
