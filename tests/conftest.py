"""Shared fixtures. The samples archive is built once per test session (it OCRs the
scanned and legacy samples, about 20 pages), other tests use small temporary archives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "documents"
TRUTH = ROOT / "samples" / "truth"
RESOURCES = ROOT / "tests" / "resources"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def truth(seed: str) -> str:
    """The clean text of seed ``000``..``004`` (003: the hand-corrected version)."""
    (path,) = [p for p in TRUTH.glob(f"{seed}_*.txt") if ".damaged" not in p.name]
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def samples_archive_path(tmp_path_factory):
    """samples/documents ingested with default settings into a fresh archive (once)."""
    from pipeline import api

    db = tmp_path_factory.mktemp("archive") / "samples.duckdb"
    summary = api.ingest([str(SAMPLES)], str(db), workers=2)
    assert summary.documents_failed == 0, summary.errors
    return str(db)


@pytest.fixture(scope="session")
def samples_archive(samples_archive_path):
    from pipeline import api

    conn = api.open_archive(samples_archive_path, read_only=True)
    yield conn
    conn.close()


@pytest.fixture
def archive_path(tmp_path):
    return str(tmp_path / "test.duckdb")
