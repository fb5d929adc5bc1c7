"""Helpers shared by the benchmark and evaluation scripts."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate after whitespace normalisation (Levenshtein / len(reference))."""
    from rapidfuzz.distance import Levenshtein

    ref, hyp = normalise(reference), normalise(hypothesis)
    return Levenshtein.distance(ref, hyp) / max(len(ref), 1)


@contextmanager
def timer():
    box = {}
    start = time.perf_counter()
    yield box
    box["seconds"] = time.perf_counter() - start


def table(rows: list[dict], columns: list[str]) -> str:
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    line = "  ".join(c.ljust(widths[c]) for c in columns)
    sep = "  ".join("-" * widths[c] for c in columns)
    body = ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns) for r in rows]
    return "\n".join([line, sep, *body])


def pages_of(files) -> int:
    """Pages of the PDFs ``files`` (pdfium)."""
    import pypdfium2 as pdfium

    n = 0
    for f in files:
        doc = pdfium.PdfDocument(str(f))
        n += len(doc)
        doc.close()
    return n
