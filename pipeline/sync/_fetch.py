"""Polite HTTP: one client, robots.txt, a rate limit per host, retries, conditional GET.

- User-Agent ``saksarkiv/<version> (...; contact)``; robots.txt is read once per host
  (RFC 9309: a 4xx robots.txt allows everything, an unreachable one (5xx, network
  error) disallows everything for this run); its ``Crawl-delay`` raises the rate limit.
- At least ``rate_limit`` seconds between two requests to the same host.
- Timeouts on connecting and between bytes, plus a cap on a whole download.
- Retries with exponential backoff (``Retry-After`` honoured, capped) on 5xx, 429,
  timeouts and connection errors; other 4xx fail at once.
- Conditional GET (``If-None-Match`` / ``If-Modified-Since``): 304 means unchanged.
- Documents are streamed into the content-addressed store, refused past ``max_bytes``
  (``Content-Length`` is checked first); pages and feeds are read into memory (10 MB).
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx

from pipeline import __version__
from pipeline.sync._store import Store, StoredFile
from pipeline.sync.config import FetchOptions
from pipeline.sync.exceptions import FetchError

ROBOTS_AGENT = "saksarkiv"
MAX_PAGE_BYTES = 10_000_000
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504}) | frozenset(range(520, 530))


def user_agent(contact: str = "") -> str:
    extra = f"; contact: {contact}" if contact else ""
    return f"saksarkiv/{__version__} (case-paper archive sync{extra})"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    not_modified: bool
    http_status: int
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    body: bytes | None = None  # pages and feeds
    file: StoredFile | None = None  # documents
    head: bytes = b""


class Fetcher:
    def __init__(self, options: FetchOptions, store: Store, *,
                 sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.options = options
        self.store = store
        self.sleep = sleep
        self.client = httpx.Client(
            headers={"User-Agent": user_agent(options.contact)},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=True,
            max_redirects=5,
            transport=transport,
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._crawl_delay: dict[str, float] = {}
        self.requests = 0
        self.bytes_downloaded = 0

    def close(self) -> None:
        self.client.close()

    # -- robots.txt ----------------------------------------------------------------------
    def check_robots(self, url: str) -> None:
        """Raise :class:`FetchError` unless robots.txt lets saksarkiv fetch ``url``."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._robots[origin] = self._read_robots(origin)
        if isinstance(rules, str):  # robots.txt unreachable: nothing on this host
            raise FetchError(rules, transient=True)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise RobotsDisallowed(f"robots.txt of {origin} disallows {ROBOTS_AGENT}")

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self._get(origin + "/robots.txt", {}, limit=500_000)
        except FetchError as exc:
            if exc.http_status is not None and 400 <= exc.http_status < 500:
                parser.parse([])  # no robots.txt: everything allowed
                return parser
            return f"robots.txt of {origin} could not be read ({exc}); nothing fetched there"
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._crawl_delay[origin] = min(float(delay), 60.0)
        return parser

    # -- fetching ------------------------------------------------------------------------
    def page(self, url: str, etag: str | None = None,
             last_modified: str | None = None) -> Fetched:
        """An HTML page or a feed (in memory); ``not_modified`` when the validators match."""
        self.check_robots(url)
        return self._get(url, _conditional(etag, last_modified), limit=MAX_PAGE_BYTES)

    def document(self, url: str, etag: str | None = None,
                 last_modified: str | None = None) -> Fetched:
        """A document, streamed into the store (``file``) unless not modified."""
        self.check_robots(url)
        return self._get(url, _conditional(etag, last_modified),
                         limit=self.options.max_bytes, to_store=True)

    def _get(self, url: str, headers: dict, *, limit: int, to_store: bool = False) -> Fetched:
        attempts = 1 + self.options.retries
        for attempt in range(attempts):
            try:
                return self._attempt(url, headers, limit, to_store)
            except FetchError as exc:
                if not exc.transient or attempt == attempts - 1:
                    raise
                delay = exc.retry_after
                if delay is None:
                    delay = self.options.backoff * 2 ** attempt
                self.sleep(min(delay, self.options.max_backoff))
        raise AssertionError("unreachable")

    def _attempt(self, url: str, headers: dict, limit: int, to_store: bool) -> Fetched:
        self._wait_for_host(url)
        self.requests += 1
        started = time.monotonic()
        deadline = max(self.options.timeout * 20, 60.0)  # a whole download, even a trickle
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status == 304:
                    return Fetched(url=str(response.url), not_modified=True, http_status=304,
                                   etag=response.headers.get("etag") or headers.get("If-None-Match"),
                                   last_modified=response.headers.get("last-modified")
                                   or headers.get("If-Modified-Since"))
                if status >= 400:
                    raise FetchError(f"HTTP {status} {response.reason_phrase}".strip(),
                                     http_status=status, transient=status in _RETRY_STATUS,
                                     retry_after=_retry_after(response.headers.get("retry-after")))
                length = response.headers.get("content-length")
                if length and length.isdigit() and int(length) > limit:
                    raise FetchError(f"{int(length):,} bytes is more than the limit of {limit:,}",
                                     http_status=status)
                writer = self.store.writer() if to_store else None
                body = bytearray()
                try:
                    size = 0
                    for chunk in response.iter_bytes(1 << 16):
                        size += len(chunk)
                        self.bytes_downloaded += len(chunk)
                        if size > limit:
                            raise FetchError(f"more than the limit of {limit:,} bytes",
                                             http_status=status)
                        if time.monotonic() - started > deadline:
                            raise FetchError(f"download took longer than {deadline:.0f} s",
                                             http_status=status, transient=True)
                        if writer is not None:
                            writer.write(chunk)
                        else:
                            body.extend(chunk)
                    fields = dict(
                        url=str(response.url), not_modified=False, http_status=status,
                        etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"),
                        content_type=response.headers.get("content-type", ""),
                    )
                    if writer is None:
                        return Fetched(**fields, body=bytes(body))
                    suffix = _suffix(writer.head, fields["content_type"], url)
                    if suffix is None:
                        raise FetchError(
                            f"not a PDF or text file (Content-Type {fields['content_type'] or 'none'})",
                            http_status=status)
                    return Fetched(**fields, file=writer.commit(suffix), head=writer.head)
                finally:
                    if writer is not None:
                        writer.abort()
        except httpx.TimeoutException:
            raise FetchError(f"timed out (no answer within {self.options.timeout:g} s)",
                             transient=True) from None
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except httpx.TransportError as exc:
            raise FetchError(f"connection failed: {exc.__class__.__name__}: {exc}",
                             transient=True) from None

    def _wait_for_host(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc
        interval = max(self.options.rate_limit,
                       self._crawl_delay.get(f"{parts.scheme}://{host}", 0.0))
        last = self._last_request.get(host)
        if last is not None and interval:
            wait = last + interval - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = time.monotonic()


class RobotsDisallowed(FetchError):
    """robots.txt says no: not an error of the site, not retried."""


def _conditional(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _suffix(head: bytes, content_type: str, url: str) -> str | None:
    """``.pdf`` or ``.txt`` from the bytes (and, for text, the declared type); else None."""
    if b"%PDF-" in head:
        return ".pdf"
    ctype = content_type.split(";")[0].strip().lower()
    looks_html = head.lstrip()[:15].lower().startswith((b"<!doctype", b"<html", b"<?xml"))
    if not looks_html and (
        ctype == "text/plain" or urlsplit(url).path.lower().endswith((".txt", ".text"))
    ):
        return ".txt"
    return None
