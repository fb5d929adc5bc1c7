"""Typed, immutable records that flow from one stage to the next.

Every record is a frozen dataclass made of plain values, so it pickles cheaply (process
pool, Dask) and can be inspected or serialised (``dataclasses.asdict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # extraction records live with the extractors
    from extractors.records import Extraction

PageMethod = Literal["text_layer", "ocr", "plain_text"]
# Quality of a page's text *as read* (before OCR): what the assess stage decided.
PageQuality = Literal["ok", "none", "garbage", "legacy_ocr", "ocr"]
TextOrigin = Literal["text_layer", "ocr", "mixed", "plain_text"]
DocStatus = Literal["ok", "partial", "failed"]


@dataclass(frozen=True, slots=True)
class SourceFile:
    """discover: a file found on disk."""

    path: str
    size: int


@dataclass(frozen=True, slots=True)
class Identified:
    """identify: what a file is, from its bytes (not its name)."""

    path: str
    sha256: str
    media_type: str  # application/pdf, text/plain, text/html, application/octet-stream, ...
    size: int


@dataclass(frozen=True, slots=True)
class PageText:
    """read: the text of one page as found in the file (text layer or decoded .txt)."""

    page_no: int  # 1-based
    text: str
    method: PageMethod
    # For PDFs: does the page carry images big enough to be a scan?
    has_image: bool = False
    width_pt: float = 0.0
    height_pt: float = 0.0


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """read: a document's pages as read, before any OCR."""

    identified: Identified
    pages: tuple[PageText, ...]
    encoding: str | None = None  # for text files: the detected encoding
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    """assess: is this page's text layer usable?"""

    quality: PageQuality
    score: float  # share of word tokens found in a Norwegian lexicon (0..1)
    reason: str  # for a person: why this verdict
    needs_ocr: bool


@dataclass(frozen=True, slots=True)
class OcrResult:
    """ocr: tesseract's text for one page."""

    page_no: int
    text: str
    confidence: float  # mean word confidence 0..100 as tesseract reports it
    lang: str
    seconds: float


@dataclass(frozen=True, slots=True)
class Correction:
    """repair: one change to a page's text (applied, or only suggested)."""

    page_no: int
    char_start: int  # offsets into the page's text_raw
    char_end: int
    original: str
    corrected: str
    kind: str  # e.g. mojibake, ocr_aa, ocr_oe, ocr_ae, lone_aa, glyph_loss, ...
    confidence: float  # 0..1
    applied: bool
    new_start: int = -1  # offsets into the page's repaired text (applied changes only)
    new_end: int = -1


@dataclass(frozen=True, slots=True)
class Page:
    """A finished page: how its text was produced and why."""

    page_no: int
    method: PageMethod
    text_raw: str  # as read or OCR'd, never changed
    text: str  # after repair
    quality: PageQuality
    quality_score: float
    reason: str
    ocr_confidence: float | None = None
    text_layer: str | None = None  # the text layer that OCR replaced, kept for the record


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """The result of the per-document work: everything the loader writes."""

    sha256: str
    source: str
    filename: str
    media_type: str
    size_bytes: int
    page_count: int
    text_origin: TextOrigin
    language: str | None  # nb / nn
    status: DocStatus
    pipeline_version: str
    encoding: str | None
    pages: tuple[Page, ...]
    corrections: tuple[Correction, ...] = ()
    extraction: Extraction | None = None
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    repair_profile: str | None = None  # JSON summary of the per-document error profile


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """A file the pipeline gave up on; becomes an ``ingest_errors`` row."""

    source: str
    sha256: str | None
    stage: str
    error: str  # for a person
    error_type: str  # exception class name, for grouping
    size_bytes: int = 0
    media_type: str | None = None
    extra: dict = field(default_factory=dict)
