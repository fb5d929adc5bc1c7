"""saksarkiv sync: fetch newly published papers from web pages, feeds and folders, and
ingest only what is new. Meant for a nightly job (cron or a systemd timer).

>>> from pipeline.sync import sync
>>> report = sync("sources.toml", "archive.duckdb")   # doctest: +SKIP

Layout: ``config`` (the TOML sources file), ``exceptions``, ``_run`` (the run, top to
bottom), ``_check`` (what each source offers and what is new), ``_report`` (the run
report), ``_fetch`` (polite HTTP), ``_links`` (links of pages and feeds), ``_store``
(content-addressed downloads), ``_lock`` (one sync per archive), ``_state`` (every
database write), ``_cli`` (the ``saksarkiv sync`` command).
"""

from pipeline.sync._report import SourceReport, SyncReport
from pipeline.sync._run import sync
from pipeline.sync.config import FetchOptions, Source, SyncConfig, load_config
from pipeline.sync.exceptions import ConfigError, FetchError, SyncLockedError

__all__ = ["sync", "SyncReport", "SourceReport", "load_config", "SyncConfig", "Source",
           "FetchOptions", "ConfigError", "SyncLockedError", "FetchError"]
