"""Polite HTTP against the test server: retries, timeouts, size limit, robots.txt, rate
limit, conditional GET, and the store that downloads land in."""

from __future__ import annotations

import pytest

from pipeline.sync._fetch import Fetcher, RobotsDisallowed, user_agent
from pipeline.sync._store import Store
from pipeline.sync.config import FetchOptions
from pipeline.sync.exceptions import FetchError
from tests.sync.conftest import sample, sha

FAST = FetchOptions(timeout=0.5, retries=2, backoff=0.01, rate_limit=0)


@pytest.fixture
def fetcher(tmp_path):
    sleeps: list[float] = []
    f = Fetcher(FAST, Store(tmp_path / "store"), sleep=sleeps.append)
    f.sleeps = sleeps
    yield f
    f.close()


class Flaky:
    """500 for the first ``n`` requests, then the file."""

    def __init__(self, site, path, n, status=500, retry_after=None):
        self.site, self.path, self.n, self.status, self.retry_after = site, path, n, status, retry_after
        self.handler = site.handler
        site.handler = self

    def __call__(self, request):
        from werkzeug import Response

        if request.path == self.path and self.n:
            self.n -= 1
            self.site.log.append((request.path, self.status))
            headers = {"Retry-After": self.retry_after} if self.retry_after else {}
            return Response("busy", status=self.status, headers=headers)
        return self.handler(request)


def test_document_lands_in_the_store_by_hash(site, fetcher, tmp_path):
    site.put("/a.pdf", sample(0))
    f = fetcher.document(f"{site.base}/a.pdf")
    digest = sha(sample(0))
    assert f.file.sha256 == digest
    assert f.file.path == str(tmp_path / "store" / digest[:2] / digest[2:4] / f"{digest}.pdf")
    assert f.etag and f.last_modified
    again = fetcher.document(f"{site.base}/a.pdf", etag=f.etag)
    assert again.not_modified and again.file is None
    assert site.user_agents >= {user_agent()}
    assert user_agent("arkiv@kommune.no") == "saksarkiv/0.1.0 (case-paper archive sync; contact: arkiv@kommune.no)"


def test_last_modified_alone_gives_304(site, fetcher):
    site.validators = {"last-modified"}
    site.put("/a.pdf", sample(0))
    f = fetcher.document(f"{site.base}/a.pdf")
    assert f.etag is None
    assert fetcher.document(f"{site.base}/a.pdf", last_modified=f.last_modified).not_modified


def test_retries_5xx_with_backoff_then_succeeds(site, fetcher, server):
    site.put("/a.pdf", sample(0))
    server.clear_all_handlers()
    import re

    flaky = Flaky(site, "/a.pdf", 2)
    server.expect_request(re.compile(".*")).respond_with_handler(flaky)
    assert fetcher.document(f"{site.base}/a.pdf").file is not None
    assert fetcher.sleeps == [0.01, 0.02]


def test_retry_after_is_honoured_but_capped(site, tmp_path, server):
    import re

    site.put("/a.pdf", sample(0))
    server.clear_all_handlers()
    server.expect_request(re.compile(".*")).respond_with_handler(
        Flaky(site, "/a.pdf", 1, status=503, retry_after="3600"))
    sleeps = []
    f = Fetcher(FetchOptions(retries=1, backoff=0.01, rate_limit=0, max_backoff=5), Store(tmp_path),
                sleep=sleeps.append)
    assert f.document(f"{site.base}/a.pdf").file is not None
    assert sleeps == [5]


def test_gives_up_after_the_retries(site, fetcher):
    site.status["/a.pdf"] = 502
    with pytest.raises(FetchError) as caught:
        fetcher.document(f"{site.base}/a.pdf")
    assert caught.value.http_status == 502 and caught.value.transient
    assert site.requests("/a.pdf") == [("/a.pdf", 502)] * 3


def test_4xx_is_not_retried(site, fetcher):
    with pytest.raises(FetchError) as caught:
        fetcher.document(f"{site.base}/missing.pdf")
    assert caught.value.http_status == 404
    assert len(site.requests("/missing.pdf")) == 1


def test_timeout_is_retried_then_reported(site, tmp_path):
    site.put("/slow.pdf", sample(0))
    site.delay["/slow.pdf"] = 1.0
    f = Fetcher(FetchOptions(timeout=0.2, retries=1, backoff=0.01, rate_limit=0), Store(tmp_path),
                sleep=lambda s: None)
    with pytest.raises(FetchError, match="timed out"):
        f.document(f"{site.base}/slow.pdf")


def test_size_limit(site, tmp_path):
    site.put("/big.pdf", sample(0))
    f = Fetcher(FetchOptions(max_bytes=1000, rate_limit=0), Store(tmp_path / "s"))
    with pytest.raises(FetchError, match="more than the limit of 1,000"):
        f.document(f"{site.base}/big.pdf")
    assert not any(p.is_file() for p in (tmp_path / "s").rglob("*"))


def test_html_behind_a_pdf_link_is_refused(site, fetcher):
    site.put("/a.pdf", "<!doctype html><html>login</html>", "text/html")
    with pytest.raises(FetchError, match="not a PDF or text file"):
        fetcher.document(f"{site.base}/a.pdf")


def test_robots_txt_disallow_and_crawl_delay(site, tmp_path):
    site.put("/robots.txt", "User-agent: saksarkiv\nDisallow: /hemmelig/\nCrawl-delay: 2\n",
             "text/plain")
    site.put("/hemmelig/a.pdf", sample(0))
    site.put("/a.pdf", sample(0))
    sleeps = []
    f = Fetcher(FetchOptions(rate_limit=0), Store(tmp_path), sleep=sleeps.append)
    with pytest.raises(RobotsDisallowed):
        f.document(f"{site.base}/hemmelig/a.pdf")
    assert not site.requests("/hemmelig/a.pdf")
    f.document(f"{site.base}/a.pdf")
    f.document(f"{site.base}/a.pdf")
    assert sleeps and all(1.5 < s <= 2 for s in sleeps)  # Crawl-delay: 2 s between requests


def test_unreachable_robots_txt_means_nothing_is_fetched(site, tmp_path):
    site.status["/robots.txt"] = 503
    site.put("/a.pdf", sample(0))
    f = Fetcher(FetchOptions(retries=0, rate_limit=0), Store(tmp_path))
    with pytest.raises(FetchError, match="robots.txt .* could not be read"):
        f.document(f"{site.base}/a.pdf")
    assert not site.requests("/a.pdf")


def test_missing_robots_txt_allows_everything(site, fetcher):
    del site.files["/robots.txt"]
    site.put("/a.pdf", sample(0))
    assert fetcher.document(f"{site.base}/a.pdf").file is not None


def test_rate_limit_per_host(site, tmp_path):
    site.put("/a.pdf", sample(0))
    sleeps = []
    f = Fetcher(FetchOptions(rate_limit=1.0), Store(tmp_path), sleep=sleeps.append)
    f.document(f"{site.base}/a.pdf")  # robots.txt, then the file: one wait
    f.document(f"{site.base}/a.pdf")  # another wait
    assert len(sleeps) == 2 and all(0.5 < s <= 1.0 for s in sleeps)
