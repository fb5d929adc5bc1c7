"""Which documents a source offers: index pages followed to a depth, feeds, limits."""

from __future__ import annotations

import pytest

from pipeline.sync._fetch import Fetcher
from pipeline.sync._check import Checker as _Run
from pipeline.sync._report import SourceReport, SyncReport
from pipeline.sync._store import Store
from pipeline.sync.config import FetchOptions, Source, SyncConfig


def _crawl(site, tmp_path, source: Source, **fetch):
    options = FetchOptions(rate_limit=0, retries=0, **fetch)
    cfg = SyncConfig(path="t.toml", sources=(source,), fetch=options)
    fetcher = Fetcher(options, Store(tmp_path))
    run = _Run(cfg, {}, fetcher, Store(tmp_path), SyncReport("r", "db", "t.toml", str(tmp_path)),
               lambda *a: None)
    report = SourceReport(source.name, source.kind, source.location)
    try:
        return run._crawl(source, report), report, run
    finally:
        fetcher.close()


@pytest.fixture
def meetings(site):
    site.put("/moter/", '<a href="2024-01/">jan</a> <a href="2024-02/">feb</a> <a href="plan.pdf">plan</a>'
             '<a href="http://127.0.0.2:1/annen.html">other site</a>', "text/html")
    site.put("/moter/2024-01/", '<a href="sak1.pdf">1</a> <a href="vedlegg/">vedlegg</a>', "text/html")
    site.put("/moter/2024-02/", '<a href="sak2.pdf">2</a>', "text/html")
    site.put("/moter/2024-01/vedlegg/", '<a href="v1.pdf">v1</a>', "text/html")
    return site


def test_follow_depth(meetings, tmp_path):
    base = meetings.base
    docs, report, _ = _crawl(meetings, tmp_path, Source("m", "url", f"{base}/moter/"))
    assert docs == [f"{base}/moter/plan.pdf"]
    docs, _, _ = _crawl(meetings, tmp_path, Source("m", "url", f"{base}/moter/", follow=1))
    assert docs == [f"{base}/moter/plan.pdf", f"{base}/moter/2024-01/sak1.pdf",
                    f"{base}/moter/2024-02/sak2.pdf"]
    docs, report, _ = _crawl(meetings, tmp_path, Source("m", "url", f"{base}/moter/", follow=2))
    assert f"{base}/moter/2024-01/vedlegg/v1.pdf" in docs and not report.errors
    assert not meetings.requests("annen.html")


def test_max_pages_is_reported(meetings, tmp_path):
    docs, report, _ = _crawl(meetings, tmp_path, Source("m", "url", f"{meetings.base}/moter/",
                                                        follow=2), max_pages=2)
    assert len(docs) == 2 and "stopped after 2 pages" in report.errors[0]


def test_feed_entries_followed_to_their_pages(site, tmp_path):
    site.put("/rss", f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>Sak 1</title><link>{site.base}/sak/1</link></item></channel></rss>""",
             "application/rss+xml")
    site.put("/sak/1", '<a href="/filer/saksframlegg.pdf">saksframlegg</a>', "text/html")
    docs, _, _ = _crawl(site, tmp_path, Source("f", "feed", f"{site.base}/rss"))
    assert docs == []
    docs, _, _ = _crawl(site, tmp_path, Source("f", "feed", f"{site.base}/rss", follow=1))
    assert docs == [f"{site.base}/filer/saksframlegg.pdf"]


def test_a_page_that_is_not_a_feed(site, tmp_path):
    site.put("/rss", "this is not xml at all <<<", "text/plain")
    docs, report, run = _crawl(site, tmp_path, Source("f", "feed", f"{site.base}/rss"))
    assert docs == [] and "not an RSS or Atom feed" in report.errors[0]
    assert run.results[0].status == "failed"
