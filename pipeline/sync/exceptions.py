"""The sync's errors, under the one exception root; each carries its exit code for cron.

0 ok, 1 some sources or files failed (recorded, retried next run), 2 configuration error,
3 another sync holds the archive's lock.
"""

from __future__ import annotations

from pipeline.exceptions import ExitCode, SaksarkivError, UsageError


class ConfigError(UsageError):
    """The sources file is missing, not TOML, or not the shape ``saksarkiv sync`` expects."""

    exit_code = ExitCode.USAGE


class SyncLockedError(SaksarkivError):
    """Another sync is running on the same archive."""

    exit_code = ExitCode.LOCKED


class FetchError(SaksarkivError):
    """A URL could not be fetched (after the retries it deserved).

    ``transient``: worth retrying (5xx, 429, timeouts, connection errors);
    ``retry_after``: the seconds the server asked for (``Retry-After``), if any.
    """

    def __init__(self, message: str, *, http_status: int | None = None,
                 transient: bool = False, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.transient = transient
        self.retry_after = retry_after
