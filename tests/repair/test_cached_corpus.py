"""Replays recorded tesseract ``eng`` output (bench/data/repair/ocr_cache.jsonl): no OCR here."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.repair import repair_text

CACHE = Path(__file__).resolve().parents[2] / "bench" / "data" / "repair" / "ocr_cache.jsonl"
WORD = re.compile(r"[\w@|&]+")


def _pages():
    if not CACHE.exists():
        pytest.skip("no OCR cache; run bench/eval_repair.py once")
    return [json.loads(line) for line in CACHE.read_text(encoding="utf-8").splitlines() if line]


def _errors(ref: str, hyp: str) -> int:
    """Bag-of-words errors over words without digits (OCR mangles long URLs beyond repair)."""
    r = Counter(w for w in WORD.findall(ref) if not any(c.isdigit() for c in w))
    h = Counter(w for w in WORD.findall(hyp) if not any(c.isdigit() for c in w))
    return max(sum((r - h).values()), sum((h - r).values()))


@pytest.fixture(scope="module")
def test_pages():
    return [p for p in _pages() if p["split"] == "test"]


def test_unseen_pages_mostly_repaired(test_pages):
    before = after = words = 0
    for p in test_pages:
        before += _errors(p["clean"], p["ocr"])
        after += _errors(p["clean"], repair_text(p["ocr"]).text)
        words += len(WORD.findall(p["clean"]))
    assert before / words > 0.10  # the damage is real
    assert after / words < 0.025  # and mostly undone (eval reports the exact figure)


@pytest.mark.parametrize("source", ["nynorsk", "seed:000", "seed:001", "seed:002", "seed:004"])
def test_other_bodies_and_nynorsk(test_pages, source):
    pages = [p for p in test_pages if p["source"] == source]
    assert pages
    before = sum(_errors(p["clean"], p["ocr"]) for p in pages)
    after = sum(_errors(p["clean"], repair_text(p["ocr"]).text) for p in pages)
    assert after <= 0.25 * before, (source, before, after)


def test_nynorsk_detected(test_pages):
    page = next(p for p in test_pages if p["source"] == "nynorsk")
    assert repair_text(page["ocr"]).language == "nn"
    assert repair_text(page["clean"]).language == "nn"


def test_clean_pages_untouched_and_idempotent(test_pages):
    for p in test_pages[:40]:
        out = repair_text(p["clean"])
        assert out.text == p["clean"], [c for c in out.corrections if c.applied][:5]
        once = repair_text(p["ocr"]).text
        assert repair_text(once).text == once
