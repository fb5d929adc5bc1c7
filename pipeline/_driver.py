"""The per-document work, read top to bottom: file bytes (+ settings) → DocumentRecord.

Pure functions of their inputs: they never touch the database, so they run unchanged in
a local process pool or on a Dask worker. Failures come back as a ``DocumentFailure``
record instead of an exception, so one bad file never stops a batch.

``process_file`` is the whole job in one call. For a large scanned document the runner
splits the same job into three steps so that its pages spread over the workers:

    prepare(path)              read + assess: which pages need OCR     → PreparedDocument
    ocr_page(path, page_no)    one page, on any worker                  → OcrResult | PageOcrError
    finish(prepared, ocr)      assemble pages, repair, extract          → DocumentRecord
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
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


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """prepare: a document read and assessed; ``ocr_wanted`` lists the pages to OCR."""

    path: str
    document: ReadDocument
    assessments: tuple[Assessment, ...]
    ocr_wanted: tuple[int, ...]
    seconds: float


@dataclass(frozen=True, slots=True)
class PageOcrError:
    """ocr_page: a page that could not be OCR'd. ``fatal``: the whole document fails
    (an absurd page image); otherwise the page keeps its text layer, with a warning."""

    page_no: int
    error: str
    error_type: str
    fatal: bool


def process_file(
    path: str, settings: Settings, vocabulary: frozenset[str] = frozenset()
) -> DocumentRecord | DocumentFailure:
    """Read ``path`` and run every stage; never raises for a bad input file."""
    prepared = prepare(path, settings)
    if isinstance(prepared, DocumentFailure):
        return prepared
    ocr = [ocr_page(path, page_no, settings) for page_no in prepared.ocr_wanted]
    return finish(prepared, ocr, settings, vocabulary)


def prepare(path: str, settings: Settings) -> PreparedDocument | DocumentFailure:
    """Read the file and assess each page's text layer."""
    started = time.perf_counter()
    stage, ident = "discover", None
    try:
        data = _read_bytes(path, settings)
        stage = "identify"
        ident = identify_stage.identify(path, data)
        stage = "read"
        doc = read_stage.read(ident, data, settings)
        stage = "assess"
        assessments = tuple(assess_document(doc.pages, ocr_mode=settings.ocr))
    except Exception as exc:  # noqa: BLE001 - becomes a failure record (see _as_failure)
        return _as_failure(path, ident, stage, exc)
    wanted = ()
    if ident.media_type == "application/pdf":
        wanted = tuple(p.page_no for p, a in zip(doc.pages, assessments) if a.needs_ocr)
    return PreparedDocument(path=path, document=doc, assessments=assessments,
                            ocr_wanted=wanted, seconds=time.perf_counter() - started)


def ocr_page(path: str, page_no: int, settings: Settings) -> OcrResult | PageOcrError:
    """Render page ``page_no`` of the PDF at ``path`` and OCR it."""
    try:
        pdf = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError) as exc:
        return PageOcrError(page_no, f"the PDF cannot be reopened for OCR: {exc}",
                            type(exc).__name__, fatal=True)
    try:
        return ocr_stage.ocr_page(pdf, page_no, settings)
    except ExternalProgramError as exc:  # tesseract failed on this page: keep its layer
        return PageOcrError(page_no, f"page {page_no}: OCR failed: {exc}",
                            type(exc).__name__, fatal=False)
    except InputError as exc:  # an absurd page image: the document is refused
        return PageOcrError(page_no, str(exc), type(exc).__name__, fatal=True)
    except MemoryError as exc:
        return PageOcrError(page_no, f"page {page_no}: out of memory while rendering it",
                            type(exc).__name__, fatal=True)
    except Exception as exc:  # noqa: BLE001 - a bug or an unforeseen page: the document fails
        return PageOcrError(page_no, f"page {page_no}: unexpected {type(exc).__name__}: {exc}",
                            type(exc).__name__, fatal=True)
    finally:
        pdf.close()


def finish(
    prepared: PreparedDocument,
    ocr: list[OcrResult | PageOcrError],
    settings: Settings,
    vocabulary: frozenset[str] = frozenset(),
) -> DocumentRecord | DocumentFailure:
    """Assemble the pages (OCR'd where wanted), repair and extract: the finished record."""
    started = time.perf_counter()
    doc, path = prepared.document, prepared.path
    ident = doc.identified
    stage = "ocr"
    try:
        results, ocr_warnings = _ocr_outcome(prepared, ocr)
        pages = tuple(_page(p, a, results.get(p.page_no))
                      for p, a in zip(doc.pages, prepared.assessments))
        stage = "repair"
        pages, corrections, language, profile = _repair(pages, settings, vocabulary)
        stage = "extract"
        extraction = _extract(pages, language, settings)
    except Exception as exc:  # noqa: BLE001 - becomes a failure record (see _as_failure)
        return _as_failure(path, ident, stage, exc)
    ocr_seconds = sum(r.seconds for r in results.values())
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
        seconds=round(prepared.seconds + ocr_seconds + time.perf_counter() - started, 3),
        repair_profile=profile,
    )


def warm_up(settings: Settings, vocabulary: frozenset[str] = frozenset()) -> None:
    """Run repair and extract once on a short text: they load their resources on first use."""
    text = "Saksbehandler: Kari Nordmann\nMøte i formannskapet 12.03.2024, sak PS 1/24.\n"
    pages = (Page(page_no=1, method="plain_text", text_raw=text, text=text, quality="ok",
                  quality_score=1.0, reason="warm-up"),)
    pages, _, language, _ = _repair(pages, settings, vocabulary)
    _extract(pages, language, settings)


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


def _ocr_outcome(
    prepared: PreparedDocument, ocr: list[OcrResult | PageOcrError]
) -> tuple[dict[int, OcrResult], tuple[str, ...]]:
    """The OCR'd pages; a page whose OCR failed keeps its layer (with a warning)."""
    fatal = [r for r in ocr if isinstance(r, PageOcrError) and r.fatal]
    if fatal:
        raise InputError("ocr", fatal[0].error)
    results = {r.page_no: r for r in ocr if isinstance(r, OcrResult)}
    warnings = tuple(r.error for r in ocr if isinstance(r, PageOcrError))
    if prepared.ocr_wanted and not results:
        # Nothing could be OCR'd: that is a failure of the document, not a quiet gap.
        raise ExternalProgramError(warnings[0])
    return results, warnings


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


def _as_failure(
    path: str, ident: Identified | None, stage: str, exc: Exception
) -> DocumentFailure:
    """A bad input (or a bug) as a record: the batch goes on."""
    if isinstance(exc, InputError):
        stage, message = exc.stage, str(exc)
    elif isinstance(exc, ExternalProgramError):
        message = str(exc)
    elif isinstance(exc, MemoryError):
        message = "out of memory while processing the file"
    else:
        message = f"unexpected {type(exc).__name__}: {exc}"
    return DocumentFailure(
        source=path,
        sha256=ident.sha256 if ident else None,
        stage=stage,
        error=message,
        error_type=type(exc).__name__,
        size_bytes=ident.size if ident else 0,
        media_type=ident.media_type if ident else None,
    )
