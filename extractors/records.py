"""Extraction records: frozen, slotted dataclasses of plain values.

Every record keeps its provenance: ``page_no`` (1-based), ``char_start``/``char_end``
(offsets into that page's repaired text, end exclusive), ``extractor`` (the rule that
produced it) and ``confidence`` (0..1). Dates are ``datetime.date`` values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

DateRole = Literal["document_date", "meeting_date", "deadline", "event", "mentioned"]
RefContext = Literal["attachment", "inline", "url"]
RecommendationKind = Literal["recommendation", "decision"]


@dataclass(frozen=True, slots=True)
class CaseField:
    """One header field of a case (``Saksbehandler: ...``), with its own provenance."""

    case_key: str
    field: str  # case_handler, avkl_sekr, document_date, meeting_date, our_ref, ...
    value: str  # as normalised (ISO date, YYYY/N archive number, name, ...)
    text: str  # as written
    page_no: int
    char_start: int
    char_end: int
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Case:
    """A case presented in the document (``SSU sak 26/2024``)."""

    case_key: str  # BODY NUMBER/YEAR, e.g. "SSU 26/2024"
    body: str
    number: int
    year: int
    title: str | None
    case_handlers: tuple[str, ...]
    avkl_sekr: tuple[str, ...]
    document_date: dt.date | None
    meeting_date: dt.date | None
    our_ref: str | None
    your_ref: str | None
    archive_case_no: str | None  # normalised YYYY/N
    archive_code: str | None
    committee: str | None  # Utvalg / Utval
    text: str  # the case identifier as written
    page_no: int
    char_start: int
    char_end: int
    extractor: str
    confidence: float
    fields: tuple[CaseField, ...] = ()

    @property
    def case_handler(self) -> str | None:
        return "; ".join(self.case_handlers) or None


@dataclass(frozen=True, slots=True)
class DateMention:
    case_key: str | None
    text: str
    date: dt.date | None
    date_end: dt.date | None  # ranges: "23.-27.9.2024"
    role: DateRole
    year_inferred: bool
    page_no: int
    char_start: int
    char_end: int
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class CaseReference:
    from_case_key: str | None
    text: str
    target_body: str | None
    target_number: int | None
    target_year: int | None
    target_case_key: str | None
    context: RefContext
    url: str | None
    page_no: int
    char_start: int
    char_end: int
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Recommendation:
    case_key: str | None
    kind: RecommendationKind
    heading: str
    item_no: int | None  # None: one unnumbered paragraph
    text: str
    page_no: int
    char_start: int
    char_end: int
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Section:
    case_key: str | None
    heading: str
    text: str
    page_no: int
    char_start: int
    char_end: int
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Extraction:
    cases: tuple[Case, ...] = ()
    dates: tuple[DateMention, ...] = ()
    references: tuple[CaseReference, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    sections: tuple[Section, ...] = ()
    warnings: tuple[str, ...] = ()  # for a person: what went wrong (never raised)
