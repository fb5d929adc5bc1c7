"""The per-document work, read top to bottom: file bytes (+ settings) → DocumentRecord.

A pure function of its inputs: it never touches the database, so it runs unchanged in a
local process pool or on a Dask worker. Failures come back as a ``DocumentFailure``
record instead of an exception, so one bad file never stops a batch.
"""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2 as pdfium

from pipeline import PIPELINE_VERSION
from pipeline.exceptions import ExternalProgramError, InputError
from pipeline.records import (
    Assessment,
    DocumentFailure,
    DocumentRecord,
    Identified,
    OcrResult,
    Page,
    PageText,
    ReadDocument,
)
from pipeline.settings import Settings
from pipeline.stages import identify as identify_stage
from pipeline.stages import ocr as ocr_stage
from pipeline.stages import read as read_stage
from pipeline.stages.assess import assess_document


def process_file(
    path: str, settings: Settings, vocabulary: frozenset[str] = frozenset()
) -> DocumentRecord | DocumentFailure:
    """Read ``path`` and run every stage; never raises for a bad input file."""
    started = time.perf_counter()
    stage, ident = "discover", None
    try:
        data = _read_bytes(path, settings)
        stage = "identify"
        ident = identify_stage.identify(path, data)
        stage = "read"
        doc = read_stage.read(ident, data, settings)
        stage = "assess"
        assessments = assess_document(doc.pages, ocr_mode=settings.ocr)
        stage = "ocr"
        ocr, ocr_warnings = _ocr_pages(data, doc, assessments, settings)
        pages = tuple(_page(p, a, ocr.get(p.page_no)) for p, a in zip(doc.pages, assessments))
        stage = "repair"
        pages, corrections, language, profile = _repair(pages, settings, vocabulary)
        stage = "extract"
        extraction = _extract(pages, language, settings)
    except InputError as exc:
        return _failure(path, ident, exc.stage, str(exc), exc)
    except ExternalProgramError as exc:
        return _failure(path, ident, stage, str(exc), exc)
    except MemoryError as exc:
        return _failure(path, ident, stage, "out of memory while processing the file", exc)
    except Exception as exc:  # a bug or an unforeseen file: record it, keep the batch going
        return _failure(path, ident, stage, f"unexpected {type(exc).__name__}: {exc}", exc)
    return DocumentRecord(
        sha256=ident.sha256,
        source=path,
        filename=Path(path).name,
        media_type=ident.media_type,
        size_bytes=ident.size,
        page_count=len(pages),
        text_origin=_text_origin(pages),
        language=language,
        status="partial" if doc.warnings or ocr_warnings else "ok",
        pipeline_version=PIPELINE_VERSION,
        encoding=doc.encoding,
        pages=pages,
        corrections=corrections,
        extraction=extraction,
        warnings=doc.warnings + ocr_warnings,
        seconds=round(time.perf_counter() - started, 3),
        repair_profile=profile,
    )


def _read_bytes(path: str, settings: Settings) -> bytes:
    try:
        size = Path(path).stat().st_size
        if size > settings.max_file_bytes:
            raise InputError(
                "discover", f"the file is {size:,} bytes, over the limit of {settings.max_file_bytes:,}"
            )
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError("discover", f"the file cannot be read: {exc.strerror or exc}") from exc


def _ocr_pages(
    data: bytes, doc: ReadDocument, assessments: list[Assessment], settings: Settings
) -> tuple[dict[int, OcrResult], tuple[str, ...]]:
    """OCR the pages the assess stage sent to OCR; a page whose OCR fails keeps its layer."""
    wanted = [p.page_no for p, a in zip(doc.pages, assessments) if a.needs_ocr]
    results: dict[int, OcrResult] = {}
    warnings: list[str] = []
    if not wanted or doc.identified.media_type != "application/pdf":
        return results, ()
    pdf = pdfium.PdfDocument(data)
    try:
        for page_no in wanted:
            try:
                results[page_no] = ocr_stage.ocr_page(pdf, page_no, settings)
            except ExternalProgramError as exc:
                warnings.append(f"page {page_no}: OCR failed: {exc}")
    finally:
        pdf.close()
    if not results:
        # Nothing could be OCR'd: that is a failure of the document, not a quiet gap.
        raise ExternalProgramError(warnings[0])
    return results, tuple(warnings)


def _page(read: PageText, a: Assessment, ocr: OcrResult | None) -> Page:
    if ocr is not None:
        return Page(
            page_no=read.page_no,
            method="ocr",
            text_raw=ocr.text,
            text=ocr.text,
            quality=a.quality,
            quality_score=a.score,
            reason=f"OCR ({ocr.lang}) because: {a.reason}",
            ocr_confidence=ocr.confidence,
            text_layer=read.text or None,
        )
    return Page(
        page_no=read.page_no,
        method=read.method,
        text_raw=read.text,
        text=read.text,
        quality=a.quality,
        quality_score=a.score,
        reason=a.reason,
    )


def _repair(pages: tuple[Page, ...], settings: Settings, vocabulary: frozenset[str]):
    if not settings.repair:
        return pages, (), None, None
    from pipeline import repair

    outcome = repair.repair_document([(p.page_no, p.text_raw) for p in pages], vocabulary=vocabulary)
    repaired = tuple(_replace_text(p, t) for p, t in zip(pages, outcome.texts))
    return repaired, outcome.corrections, outcome.language, outcome.profile_json()


def _replace_text(page: Page, text: str) -> Page:
    from dataclasses import replace

    return page if text == page.text else replace(page, text=text)


def _extract(pages: tuple[Page, ...], language: str | None, settings: Settings):
    if not settings.extract:
        return None
    from extractors import extract_document

    return extract_document([(p.page_no, p.text) for p in pages], language=language)


def _text_origin(pages: tuple[Page, ...]) -> str:
    methods = {p.method for p in pages}
    if methods == {"plain_text"}:
        return "plain_text"
    if methods == {"ocr"}:
        return "ocr"
    if methods == {"text_layer"}:
        return "text_layer"
    return "mixed"


def _failure(
    path: str, ident: Identified | None, stage: str, message: str, exc: BaseException
) -> DocumentFailure:
    return DocumentFailure(
        source=path,
        sha256=ident.sha256 if ident else None,
        stage=stage,
        error=message,
        error_type=type(exc).__name__,
        size_bytes=ident.size if ident else 0,
        media_type=ident.media_type if ident else None,
    )
