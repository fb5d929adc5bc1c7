"""extractors must not import pipeline (the pipeline imports extractors)."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_no_pipeline_imports():
    for path in (ROOT / "extractors").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+pipeline\b", source, re.M), path.name
