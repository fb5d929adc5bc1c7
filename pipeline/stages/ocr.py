"""ocr: render a PDF page with pdfium at the configured dpi and read it with tesseract."""

from __future__ import annotations

import time

import pypdfium2 as pdfium
from PIL import ImageFilter

from pipeline._exec import tesseract
from pipeline.exceptions import InputError
from pipeline.records import OcrResult
from pipeline.settings import Settings


def render(pdf: pdfium.PdfDocument, page_no: int, settings: Settings):
    """The page as a greyscale PIL image; refuses absurd page sizes before rendering."""
    page = pdf[page_no - 1]
    try:
        width, height = page.get_size()
        scale = settings.dpi / 72
        pixels = width * scale * height * scale
        if pixels > settings.max_page_pixels:
            raise InputError(
                "ocr",
                f"page {page_no} is {width / 72:.0f} x {height / 72:.0f} inches: "
                f"{pixels / 1e6:.0f} megapixels at {settings.dpi} dpi is over the limit of "
                f"{settings.max_page_pixels / 1e6:.0f}",
            )
        bitmap = page.render(scale=scale, grayscale=True)
        # to_pil() shares the bitmap's buffer: copy before pdfium frees it.
        image = bitmap.to_pil().copy()
        bitmap.close()
        return image
    finally:
        page.close()


def ocr_page(pdf: pdfium.PdfDocument, page_no: int, settings: Settings) -> OcrResult:
    started = time.perf_counter()
    image = render(pdf, page_no, settings)
    if settings.despeckle:
        # A 3x3 median removes scanner speckle that tesseract reads as punctuation or
        # glues onto letters; on the samples it cuts OCR character errors by half or more
        # (make bench reports both).
        image = image.filter(ImageFilter.MedianFilter(3))
    text, confidence = tesseract.ocr_image(image, settings.ocr_lang)
    return OcrResult(
        page_no=page_no,
        text=text,
        confidence=confidence,
        lang=settings.ocr_lang,
        seconds=round(time.perf_counter() - started, 3),
    )
