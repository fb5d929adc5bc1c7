"""tesseract: the only module that runs it (through pytesseract).

Each call is single-threaded (``OMP_THREAD_LIMIT=1``): on these machines one tesseract
process per core is about 4x faster per page than tesseract's own threading.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil

import pytesseract

from pipeline.exceptions import ExternalProgramError

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-nor"


@functools.lru_cache(maxsize=1)
def version() -> str:
    if shutil.which("tesseract") is None:
        raise ExternalProgramError(f"tesseract is not installed; install it with: {INSTALL_HINT}")
    return str(pytesseract.get_tesseract_version())


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    version()
    return frozenset(pytesseract.get_languages(config=""))


def check_language(lang: str) -> None:
    missing = [part for part in lang.split("+") if part not in languages()]
    if missing:
        raise ExternalProgramError(
            f"tesseract has no language data for {', '.join(missing)}; "
            f"install it with: apt-get install "
            + " ".join(f"tesseract-ocr-{m}" for m in missing)
        )


def ocr_image(image, lang: str, timeout: float = 0) -> tuple[str, float]:
    """OCR one page image; return (text, mean word confidence 0..100)."""
    # pytesseract hands the image over as a temporary file in the image's format (PNG when
    # it has none): uncompressed PNM is written ~50x faster, tesseract reads it the same.
    image.format = "PPM"
    try:
        # One tesseract run gives both the text and the per-word confidences.
        text, tsv = pytesseract.run_and_get_multiple_output(
            image, extensions=["txt", "tsv"], lang=lang, timeout=timeout
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise ExternalProgramError(f"tesseract is not installed; {INSTALL_HINT}") from exc
    except RuntimeError as exc:  # pytesseract's timeout
        raise ExternalProgramError(f"tesseract took longer than {timeout:.0f} s") from exc
    except pytesseract.TesseractError as exc:
        raise ExternalProgramError(f"tesseract failed: {exc.message}") from exc
    return text, _mean_confidence(tsv)


def _mean_confidence(tsv: str) -> float:
    confs = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        try:
            conf = float(row.get("conf") or -1)
        except ValueError:
            continue
        if conf >= 0 and (row.get("text") or "").strip():
            confs.append(conf)
    return round(sum(confs) / len(confs), 2) if confs else 0.0
