"""Settings: one frozen record handed to the stages that need it (never mutated)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

OcrMode = Literal["auto", "always", "never"]
TextEngine = Literal["pdfium", "pdfplumber"]


@dataclass(frozen=True, slots=True)
class Settings:
    ocr: OcrMode = "auto"
    text_engine: TextEngine = "pdfium"  # how PDF text layers are read (see stages/_read_pdf.py)
    ocr_lang: str = "nor"
    dpi: int = 300
    despeckle: bool = True  # 3x3 median filter on the page image before OCR
    # Bounds: a document with more pages, or a page image larger than this, is an error.
    max_pages: int = 5000
    max_page_pixels: int = 200_000_000
    max_file_bytes: int = 2_000_000_000
    repair: bool = True
    extract: bool = True


def default_workers() -> int:
    """One worker process per core (tesseract runs single-threaded in each)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)
