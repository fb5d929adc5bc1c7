"""ocr: render a PDF page with pdfium at the configured dpi and read it with tesseract.

Bounds (a hostile or broken PDF must not take a worker's memory or time):
- an image object on the page whose declared size is over ``max_image_pixels`` (a
  decompression bomb: a few kB of Flate that inflates to gigabytes) is refused before
  pdfium decodes it: pypdfium2's ``get_px_size()`` reads the size from the dictionary;
- a page larger than ``max_page_pixels`` at the configured dpi is rendered at a lower dpi
  (down to ``MIN_DPI``), and refused when even that is too large (a 100,000-inch page);
- tesseract runs with a time limit of ``timeout_per_page`` seconds.
"""

from __future__ import annotations

import math
import time

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageFilter

from pipeline._exec import tesseract
from pipeline.exceptions import InputError
from pipeline.records import OcrResult
from pipeline.settings import Settings

# Below this a page is not worth OCR'ing: refuse instead of reading noise.
MIN_DPI = 150


def render(pdf: pdfium.PdfDocument, page_no: int, settings: Settings):
    """The page as a greyscale PIL image; refuses absurd pages and images before rendering."""
    Image.MAX_IMAGE_PIXELS = settings.max_page_pixels  # PIL's own bomb check, same bound
    page = pdf[page_no - 1]
    try:
        _check_images(page, page_no, settings)
        width, height = page.get_size()
        dpi = render_dpi(width, height, settings)
        if dpi is None:
            pixels = width * height * (settings.dpi / 72) ** 2
            raise InputError(
                "ocr",
                f"page {page_no} is {width / 72:.0f} x {height / 72:.0f} inches: "
                f"{pixels / 1e6:,.0f} megapixels at {settings.dpi} dpi is over the limit of "
                f"{settings.max_page_pixels / 1e6:,.0f} even at {MIN_DPI} dpi",
            )
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        # to_pil() shares the bitmap's buffer: copy before pdfium frees it.
        image = bitmap.to_pil().copy()
        bitmap.close()
        return image
    finally:
        page.close()


def render_dpi(width_pt: float, height_pt: float, settings: Settings) -> float | None:
    """The dpi to render a page at: the configured one, or lower for a very large page so
    that it stays within ``max_page_pixels``; None when even ``MIN_DPI`` is too much."""
    pixels = width_pt * height_pt * (settings.dpi / 72) ** 2
    if pixels <= settings.max_page_pixels:
        return settings.dpi
    dpi = settings.dpi * math.sqrt(settings.max_page_pixels / pixels)
    return dpi if dpi >= min(MIN_DPI, settings.dpi) else None


def _check_images(page: pdfium.PdfPage, page_no: int, settings: Settings) -> None:
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=8):
        w, h = obj.get_px_size()
        if w * h > settings.max_image_pixels:
            raise InputError(
                "ocr",
                f"page {page_no} carries an image of {w:,} x {h:,} pixels "
                f"({w * h / 1e6:,.0f} megapixels, over the limit of "
                f"{settings.max_image_pixels / 1e6:,.0f}): refused as a possible "
                f"decompression bomb",
            )


def ocr_page(pdf: pdfium.PdfDocument, page_no: int, settings: Settings) -> OcrResult:
    started = time.perf_counter()
    image = render(pdf, page_no, settings)
    if settings.despeckle:
        # A 3x3 median removes scanner speckle that tesseract reads as punctuation or
        # glues onto letters; on the samples it cuts OCR character errors by half or more
        # (make bench reports both).
        image = image.filter(ImageFilter.MedianFilter(3))
    text, confidence = tesseract.ocr_image(image, settings.ocr_lang,
                                           timeout=settings.timeout_per_page)
    return OcrResult(
        page_no=page_no,
        text=text,
        confidence=confidence,
        lang=settings.ocr_lang,
        seconds=round(time.perf_counter() - started, 3),
    )
