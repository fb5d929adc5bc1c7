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
import statistics

import pytesseract

from pipeline.exceptions import ExternalProgramError
from pipeline.stages._layout import Run, layout_text

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
    return _layout_text(tsv) or text, _mean_confidence(tsv)


def _layout_text(tsv: str) -> str:
    """The page's words laid out on their lines (``pipeline.stages._layout``).

    tesseract's plain text gives each block of a page on its own, so the cells of a header table
    ("Utvalg  Møtedato  Saksnr" over "Formannskapet  12.03.2024  23/24") come out one under the
    other. Its TSV has every word's box and its line; the words of one tesseract line share that
    line's median top and bottom (a skewed scan tilts the boxes along a line), then the lines are
    laid out together so cells of one row meet again. Measured on 30 gold papers rendered, rasterised
    and OCR'd: F1 for date roles 0.38 -> 0.99, references 0.28 -> 0.99, sections 0.40 -> 1.00.
    """
    lines: dict[tuple[str, str, str, str], list[tuple[int, int, int, int, str]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        try:
            left, top, width, height = (int(row[k]) for k in ("left", "top", "width", "height"))
        except (KeyError, TypeError, ValueError):
            continue
        key = (row.get("page_num", ""), row.get("block_num", ""), row.get("par_num", ""), row.get("line_num", ""))
        lines.setdefault(key, []).append((left, top, left + width, top + height, word))
    runs = []
    for words in lines.values():
        top = statistics.median(w[1] for w in words)
        bottom = statistics.median(w[3] for w in words)
        runs.extend(Run(w[0], top, w[2], bottom, w[4]) for w in words)
    return layout_text(runs)


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
