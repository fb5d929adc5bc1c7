"""Helpers for the extractor tests: run extract_document on a plain string."""

from __future__ import annotations

import pytest

from extractors import extract_document


def run(text: str, *pages: str):
    """Extraction of a document given as one page (or several)."""
    return extract_document([(i + 1, t) for i, t in enumerate((text, *pages))])


def date_mention(ex, text: str):
    """The first date mention whose text is ``text`` (fails with the texts found)."""
    hits = [d for d in ex.dates if d.text == text]
    assert hits, (text, [d.text for d in ex.dates])
    return hits[0]


def date_role(ex, iso: str) -> str:
    """The role of the first date mention whose date is ``iso`` (fails with those found)."""
    hits = [d.role for d in ex.dates if d.date and d.date.isoformat() == iso]
    assert hits, (iso, [(d.text, d.role) for d in ex.dates])
    return hits[0]


@pytest.fixture
def extract():
    return run
