"""Text layer of each PDF page with pdfplumber; page count and encryption via pdfium."""

from __future__ import annotations

import io
import logging

import pdfplumber
import pypdfium2 as pdfium

from pipeline.exceptions import InputError
from pipeline.records import PageText
from pipeline.settings import Settings

# pdfminer logs every odd object at WARNING; the ingest_errors table is our report.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# An image covering at least this share of the page makes it a scan.
SCAN_COVERAGE = 0.3


def open_pdfium(data: bytes) -> pdfium.PdfDocument:
    """Open with pdfium and translate its errors into messages for a person."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise InputError("read", "the PDF is encrypted and needs a password to open") from exc
        if "format" in msg or "file" in msg:
            raise InputError(
                "read", f"the PDF is damaged or truncated and cannot be parsed ({exc})"
            ) from exc
        raise InputError("read", f"the PDF cannot be opened ({exc})") from exc


def read_pdf(data: bytes, settings: Settings) -> tuple[tuple[PageText, ...], tuple[str, ...]]:
    doc = open_pdfium(data)
    try:
        n = len(doc)
    finally:
        doc.close()
    if n == 0:
        raise InputError("read", "the PDF has no pages")
    if n > settings.max_pages:
        raise InputError(
            "read", f"the PDF has {n} pages, more than the limit of {settings.max_pages}"
        )
    warnings: list[str] = []
    pages: list[PageText] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages, start=1):
                pages.append(_read_page(i, page, warnings))
                page.close()  # frees pdfplumber's per-page caches: memory stays flat
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        if pages:
            warnings.append(f"text layer unreadable from page {len(pages) + 1}: {exc}")
            pages.extend(
                PageText(page_no=i, text="", method="text_layer", has_image=True)
                for i in range(len(pages) + 1, n + 1)
            )
        else:
            raise InputError(
                "read", f"the PDF's text layer cannot be read ({type(exc).__name__}: {exc})"
            ) from exc
    return tuple(pages), tuple(warnings)


def _read_page(page_no: int, page, warnings: list[str]) -> PageText:
    width, height = float(page.width), float(page.height)
    area = max(width * height, 1.0)
    covered = 0.0
    for im in page.images:
        w = max(0.0, min(im["x1"], width) - max(im["x0"], 0.0))
        h = max(0.0, min(im["bottom"], height) - max(im["top"], 0.0))
        covered += w * h
    try:
        text = page.extract_text() or ""
    except Exception as exc:  # one bad page must not lose the others
        warnings.append(f"page {page_no}: text layer unreadable ({type(exc).__name__})")
        text = ""
    return PageText(
        page_no=page_no,
        text=text,
        method="text_layer",
        has_image=covered / area >= SCAN_COVERAGE,
        width_pt=width,
        height_pt=height,
    )
