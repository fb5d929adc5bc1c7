"""Text layer of each PDF page, and whether the page is a scan.

Two text engines give the same text on the samples (tests check both):
- ``pdfium`` (default): pypdfium2's text page, about 25x faster than pdfplumber on the
  born-digital samples (measured by ``make bench``), which the 50 pages/s target needs;
- ``pdfplumber``: pdfminer-based, slower, sometimes better at odd encodings; choose it
  with ``--text-engine pdfplumber``.
Page count, encryption and the scan test (images covering the page) always come from
pdfium, which also renders pages for OCR.
"""

from __future__ import annotations

import io
import logging

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.exceptions import InputError
from pipeline.records import PageText
from pipeline.settings import Settings
from pipeline.stages._layout import Run, layout_text

# pdfminer logs every odd object at WARNING; the ingest_errors table is our report.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# Images covering at least this share of the page make it a scan.
SCAN_COVERAGE = 0.3


def open_pdfium(data: bytes) -> pdfium.PdfDocument:
    """Open with pdfium and translate its errors into messages for a person.

    pdfium's error code is process-global and not reset on every failure (a zero-page PDF
    fails with the *previous* file's error), so the verdict comes from a second reader,
    pdfminer, and pdfium's own words are only kept as detail.
    """
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        verdict = _pdfminer_verdict(data)
        if verdict == "encrypted":
            raise InputError("read", "the PDF is encrypted and needs a password to open") from exc
        if verdict == "no pages":
            raise InputError("read", "the PDF has no pages") from exc
        raise InputError(
            "read", f"the PDF is damaged or truncated and cannot be parsed ({verdict})"
        ) from exc


def _pdfminer_verdict(data: bytes) -> str:
    """A second opinion from pdfminer when pdfium cannot open a file."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return "no pages" if len(pdf.pages) == 0 else "pdfium cannot read it"
    except Exception as exc:  # pdfminer raises many types on broken files
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or isinstance(
            exc, (PDFPasswordIncorrect, PDFEncryptionError)
        ):
            return "encrypted"
        return str(cause) or type(cause).__name__


def read_pdf(data: bytes, settings: Settings) -> tuple[tuple[PageText, ...], tuple[str, ...]]:
    doc = open_pdfium(data)
    try:
        n = len(doc)
        if n == 0:
            raise InputError("read", "the PDF has no pages")
        if n > settings.max_pages:
            raise InputError(
                "read", f"the PDF has {n} pages, more than the limit of {settings.max_pages}"
            )
        warnings: list[str] = []
        geometry = [_geometry(doc, i) for i in range(n)]
        if settings.text_engine == "pdfplumber":
            texts = _texts_pdfplumber(data, n, warnings)
        else:
            texts = [_text_pdfium(doc, i, warnings) for i in range(n)]
    finally:
        doc.close()
    pages = tuple(
        PageText(page_no=i + 1, text=texts[i], method="text_layer", has_image=geometry[i][2],
                 width_pt=geometry[i][0], height_pt=geometry[i][1])
        for i in range(n)
    )
    return pages, tuple(warnings)


def _geometry(doc: pdfium.PdfDocument, index: int) -> tuple[float, float, bool]:
    page = doc[index]
    try:
        width, height = page.get_size()
        area = max(width * height, 1.0)
        covered = 0.0
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            w = max(0.0, min(right, width) - max(left, 0.0))
            h = max(0.0, min(top, height) - max(bottom, 0.0))
            covered += w * h
        return float(width), float(height), covered / area >= SCAN_COVERAGE
    finally:
        page.close()


def _text_pdfium(doc: pdfium.PdfDocument, index: int, warnings: list[str]) -> str:
    page = doc[index]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            text = _layout_pdfium(textpage, height)
        finally:
            textpage.close()
    except pdfium.PdfiumError as exc:  # one bad page must not lose the others
        warnings.append(f"page {index + 1}: text layer unreadable ({exc})")
        return ""
    finally:
        page.close()
    # pdfium ends lines with CRLF and marks a hyphen at a line break with U+0002.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")


def _layout_pdfium(textpage: pdfium.PdfTextPage, height: float) -> str:
    """The page's text with its blank lines and table gaps (see ``_layout``).

    pdfium's plain text puts text on one baseline on one line; per line, its text rects give the
    position, and a line of several rects (cells of a table row, far apart) is split into the text
    inside each. ``get_text_bounded`` scans the whole page per call, so it is used only there.
    """
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n > 0 else ""
    if len(text) != n:  # characters outside the BMP: no 1:1 index, take every rect's own text
        runs = _rect_runs(textpage, textpage.count_rects(), height)
        return layout_text(runs) if runs else textpage.get_text_bounded()
    runs = []
    pos = 0
    for line in text.split("\r\n"):
        start, pos = pos, pos + len(line) + 2
        if not line.strip():
            continue
        count = textpage.count_rects(start, len(line))
        if count == 1:
            left, bottom, right, top = textpage.get_rect(0)
            runs.append(Run(left, height - top, right, height - bottom, line.strip()))
        else:
            runs.extend(_rect_runs(textpage, count, height))
    return layout_text(runs) if runs else text


def _rect_runs(textpage: pdfium.PdfTextPage, count: int, height: float) -> list[Run]:
    """The text inside each of the last ``count_rects`` call's rects, in top-down coordinates."""
    runs = []
    for i in range(count):
        left, bottom, right, top = textpage.get_rect(i)
        cell = textpage.get_text_bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " ").strip()
        if cell:
            runs.append(Run(left, height - top, right, height - bottom, cell))
    return runs


def _texts_pdfplumber(data: bytes, n: int, warnings: list[str]) -> list[str]:
    import pdfplumber

    texts: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages, start=1):
                try:  # words with their boxes, laid out like the pdfium engine's text (see _layout)
                    words = page.extract_words(use_text_flow=False)
                    texts.append(layout_text(Run(w["x0"], w["top"], w["x1"], w["bottom"], w["text"]) for w in words))
                except Exception as exc:  # pdfminer raises many unrelated types
                    warnings.append(f"page {i}: text layer unreadable ({type(exc).__name__})")
                    texts.append("")
                page.close()  # frees pdfplumber's per-page caches: memory stays flat
    except Exception as exc:
        warnings.append(f"text layer unreadable from page {len(texts) + 1}: {exc}")
    return texts + [""] * (n - len(texts))
