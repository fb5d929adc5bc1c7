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
    max_page_pixels: int = 200_000_000  # rendered page (larger pages render at lower dpi)
    max_image_pixels: int = 200_000_000  # an image object's declared size (decompression bombs)
    max_file_bytes: int = 2_000_000_000
    # Time limits: a document may take ``timeout`` seconds of worker time plus
    # ``timeout_per_page`` per page sent to OCR (also tesseract's limit for one page);
    # past that its worker is killed and the file becomes an ingest_errors row.
    timeout: float = 600.0
    timeout_per_page: float = 60.0
    repair: bool = True
    extract: bool = True


def default_workers() -> int:
    """One worker process per core (tesseract runs single-threaded in each)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)
