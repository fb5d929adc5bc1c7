"""What a sync run reports: per source, and in total (stdout, ``--json``, ``sync_runs``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class SourceReport:
    name: str
    kind: str
    location: str
    checked: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    disallowed: int = 0
    errors: list[str] = field(default_factory=list)  # page, feed or folder failures


@dataclass
class SyncReport:
    run_id: str
    db: str
    config: str
    store: str
    status: str = "running"  # ok / some_failed / interrupted
    checked: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    disallowed: int = 0
    sources_failed: int = 0
    downloaded: int = 0
    bytes_downloaded: int = 0
    requests: int = 0
    documents_loaded: int = 0  # by the ingest step (the same bytes at two URLs: one)
    pages: int = 0
    ingest_run_id: str | None = None
    seconds: float = 0.0
    sources: list[SourceReport] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)  # new and changed documents
    failures: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def as_dict(self) -> dict:
        return asdict(self)
