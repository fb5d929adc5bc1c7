"""One exception root; exit codes are public API, translated once at the CLI edge."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    SOME_INPUTS_FAILED = 1
    USAGE = 2
    LOCKED = 3


class SaksarkivError(Exception):
    """Root of every error saksarkiv raises on purpose."""

    exit_code = ExitCode.SOME_INPUTS_FAILED


class UsageError(SaksarkivError):
    exit_code = ExitCode.USAGE


class InputError(SaksarkivError):
    """A file cannot be processed (corrupt, encrypted, unsupported, ...).

    ``stage`` names the pipeline stage that gave up; the message is for a person.
    """

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage


class ExternalProgramError(SaksarkivError):
    """An external program (tesseract, ...) is missing or failed.

    At the start of a run (engine missing) this is a set-up problem: exit code 2.
    """

    exit_code = ExitCode.USAGE
