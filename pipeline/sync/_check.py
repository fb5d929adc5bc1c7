"""Checking the sources: which documents each offers, and what is new at each.

- An index page (``url``) and, up to ``follow`` levels, the pages it links on the same
  site; a feed's enclosures and entry links (entry pages followed when ``follow`` allows).
  A page or feed that answers 304 offers the links it had last time.
- Each document URL gets a conditional GET; new bytes go to the store and are compared
  with the version known for the URL: ``new``, ``changed`` (a new version linked to the
  previous sha256) or ``unchanged``. Documents that failed last time are retried even
  when no page links them any more.
- Inbox folders: a file whose size and mtime are unchanged is not read again.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.sync import _links
from pipeline.sync._fetch import Fetched, Fetcher, RobotsDisallowed
from pipeline.sync._report import SourceReport, SyncReport
from pipeline.sync._state import UrlResult, UrlState
from pipeline.sync._store import Store, StoredFile
from pipeline.sync.config import Source, SyncConfig
from pipeline.sync.exceptions import FetchError

# on_event(outcome, source name, url, detail): outcome is new / changed / failed /
# disallowed / source_failed (unchanged documents are not reported one by one).
EventHandler = Callable[[str, str, str, str], None]


@dataclass
class Checked:
    """One document checked in this run."""

    source: str
    url: str
    kind: str  # document / file
    outcome: str  # new / changed / unchanged / failed / disallowed
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    previous_sha256: str | None = None
    new_version: bool = False
    http_status: int | None = None
    error: str | None = None
    path: str | None = None  # the stored file to ingest

    def result(self) -> UrlResult:
        status = {"failed": "failed", "disallowed": "disallowed"}.get(self.outcome, "ok")
        return UrlResult(url=self.url, source=self.source, kind=self.kind, status=status,
                         etag=self.etag, last_modified=self.last_modified, sha256=self.sha256,
                         previous_sha256=self.previous_sha256, new_version=self.new_version,
                         http_status=self.http_status, error=self.error)


class Checker:
    """Checks the sources one by one; ``docs`` and ``results`` are what it found."""

    def __init__(self, cfg: SyncConfig, state: dict[str, UrlState], fetcher: Fetcher,
                 store: Store, report: SyncReport, on_event: EventHandler) -> None:
        self.cfg, self.state, self.fetcher, self.store = cfg, state, fetcher, store
        self.report, self.on_event = report, on_event
        self.docs: list[Checked] = []
        self.results: list[UrlResult] = []  # pages and feeds
        self.seen: set[str] = set()  # document URLs checked in this run
        self.downloaded = 0

    def emit(self, d: Checked) -> None:
        if d.outcome != "unchanged":
            self.on_event(d.outcome, d.source, d.url, d.error or d.sha256 or "")

    # -- sources -------------------------------------------------------------------------
    def source(self, source: Source) -> None:
        report = SourceReport(source.name, source.kind, source.location)
        self.report.sources.append(report)
        if source.kind == "path":
            self._folder(source, report)
            return
        urls = self._crawl(source, report)
        # Documents that failed last time are retried even if no longer linked.
        retry = [s.url for s in self.state.values()
                 if s.source == source.name and s.kind == "document" and s.status == "failed"]
        for url in [*urls, *(u for u in retry if u not in urls)]:
            if url not in self.seen:
                self.seen.add(url)
                self._document(source, url)

    def _source_error(self, source: Source, report: SourceReport, url: str, message: str) -> None:
        report.errors.append(f"{url}: {message}")
        self.report.failures.append({"source": source.name, "url": url, "error": message,
                                     "http_status": None})
        self.on_event("source_failed", source.name, url, message)

    def _crawl(self, source: Source, report: SourceReport) -> list[str]:
        """The document links of an index page (and sub-pages) or a feed."""
        first_kind = "feed" if source.kind == "feed" else "page"
        queue = deque([(source.location, 0, first_kind)])
        queued = {source.location}
        documents: dict[str, None] = {}
        fetched = 0
        while queue:
            url, depth, kind = queue.popleft()
            if fetched >= self.cfg.fetch.max_pages:
                self._source_error(source, report, url, f"stopped after {fetched} pages "
                                   "(max_pages in [fetch])")
                break
            fetched += 1
            found = self._page(source, report, url, kind)
            if found is None:
                continue
            links, enclosures = found
            for link in enclosures:
                if not _links.matches(link, source.exclude) and (
                        not source.include or _links.matches(link, source.include)):
                    documents.setdefault(link)
            for link in links:
                if _links.is_document(link, source.include, source.exclude):
                    documents.setdefault(link)
                elif (depth < source.follow and link not in queued
                      and _links.is_followable(link, source.location, source.exclude)):
                    queued.add(link)
                    queue.append((link, depth + 1, "page"))
        return list(documents)

    def _page(self, source: Source, report: SourceReport, url: str,
              kind: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        st = self.state.get(url)
        fresh = st is not None and st.status == "ok"
        try:
            f = self.fetcher.page(url, st.etag if fresh else None,
                                  st.last_modified if fresh else None)
            if f.not_modified:
                links, enclosures = st.links, st.enclosures
            else:
                self.downloaded += 1
                links, enclosures = _parse(f, kind)
        except RobotsDisallowed as exc:
            self.results.append(UrlResult(url, source.name, kind, "disallowed", error=str(exc)))
            self._source_error(source, report, url, str(exc))
            return None
        except (FetchError, ValueError) as exc:
            status = exc.http_status if isinstance(exc, FetchError) else None
            self.results.append(UrlResult(url, source.name, kind, "failed", http_status=status,
                                          error=str(exc)))
            self._source_error(source, report, url, str(exc))
            return None
        self.results.append(UrlResult(url, source.name, kind, "ok", etag=f.etag,
                                      last_modified=f.last_modified, links=tuple(links),
                                      enclosures=tuple(enclosures), http_status=f.http_status))
        return tuple(links), tuple(enclosures)

    # -- documents -----------------------------------------------------------------------
    def _document(self, source: Source, url: str) -> None:
        st = self.state.get(url)
        # Ask "changed since?" only when the last check was good and the archive has it.
        fresh = st is not None and st.status == "ok" and st.in_archive
        d = Checked(source.name, url, "document", "failed")
        try:
            f = self.fetcher.document(url, st.etag if fresh else None,
                                      st.last_modified if fresh else None)
        except RobotsDisallowed as exc:
            d.outcome, d.error = "disallowed", str(exc)
        except FetchError as exc:
            d.error, d.http_status = str(exc), exc.http_status
        else:
            d.etag, d.last_modified, d.http_status = f.etag, f.last_modified, f.http_status
            if f.not_modified:
                d.outcome, d.sha256 = "unchanged", st.sha256
            else:
                self.downloaded += 1
                self._classify(d, st, f.file)
        self.docs.append(d)
        self.emit(d)

    def _classify(self, d: Checked, st: UrlState | None, file: StoredFile) -> None:
        d.sha256, d.path = file.sha256, file.path
        if st is None or st.sha256 is None:
            d.outcome, d.new_version = "new", True
        elif st.sha256 != file.sha256:
            d.outcome, d.new_version, d.previous_sha256 = "changed", True, st.sha256
        elif st.in_archive:
            d.outcome = "unchanged"
        else:  # known bytes the archive no longer holds: load them again
            d.outcome = "new"

    def _folder(self, source: Source, report: SourceReport) -> None:
        root = Path(source.location)
        if not root.is_dir():
            self._source_error(source, report, root.as_uri() if root.is_absolute() else str(root),
                               "no such folder")
            return
        for path in _walk(root, self.store.root):
            rel = path.relative_to(root).as_posix()
            if not (_links.matches(rel, source.include or _links.DOCUMENT_GLOBS)
                    and not _links.matches(rel, source.exclude)):
                continue
            url = path.as_uri()
            if url in self.seen:
                continue
            self.seen.add(url)
            self._file(source, path, url)

    def _file(self, source: Source, path: Path, url: str) -> None:
        st = self.state.get(url)
        d = Checked(source.name, url, "file", "failed")
        try:
            info = path.stat()
            d.etag = f"{info.st_size}-{info.st_mtime_ns}"
            if st is not None and st.status == "ok" and st.in_archive and st.etag == d.etag:
                d.outcome, d.sha256 = "unchanged", st.sha256
            elif info.st_size > self.cfg.fetch.max_bytes:
                d.error = f"{info.st_size:,} bytes is more than the limit of {self.cfg.fetch.max_bytes:,}"
            else:
                stored = _copy_into(self.store, path)
                if stored is None:
                    d.error = "not a PDF or text file"
                else:
                    self._classify(d, st, stored)
        except OSError as exc:
            d.error = f"cannot read: {exc.strerror or exc}"
        self.docs.append(d)
        self.emit(d)


def _parse(f: Fetched, kind: str) -> tuple[list[str], list[str]]:
    if f.body.lstrip()[:5] == b"%PDF-":
        raise ValueError("this is a PDF, not an index page or feed: put its page or feed "
                         "in the config instead")
    if kind == "feed":
        enclosures, entries = _links.feed_links(f.body, f.url)
        return entries, enclosures
    return _links.page_links(f.body, f.url), []


def _walk(root: Path, skip: Path):
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(n for n in dirnames
                             if not n.startswith(".") and (here / n).resolve() != skip)
        for name in sorted(filenames):
            if not name.startswith(".") and (here / name).is_file():
                yield here / name


def _copy_into(store: Store, path: Path) -> StoredFile | None:
    writer = store.writer()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                writer.write(chunk)
        if b"%PDF-" in writer.head:
            return writer.commit(".pdf")
        if path.suffix.lower() in (".txt", ".text"):
            return writer.commit(".txt")
        return None
    finally:
        writer.abort()


def count(report: SyncReport, checker: Checker) -> None:
    """Add up the checked documents per source and in total."""
    by_source = {s.name: s for s in report.sources}
    for d in checker.docs:
        s = by_source[d.source]
        s.checked += 1
        setattr(s, d.outcome, getattr(s, d.outcome) + 1)
        if d.outcome in ("new", "changed"):
            report.changes.append({"source": d.source, "url": d.url, "outcome": d.outcome,
                                   "sha256": d.sha256, "previous_sha256": d.previous_sha256})
        elif d.outcome == "failed":
            report.failures.append({"source": d.source, "url": d.url, "error": d.error,
                                    "http_status": d.http_status})
    for s in report.sources:
        for name in ("checked", "new", "changed", "unchanged", "failed", "disallowed"):
            setattr(report, name, getattr(report, name) + getattr(s, name))
        report.sources_failed += bool(s.errors)
    report.downloaded = checker.downloaded
