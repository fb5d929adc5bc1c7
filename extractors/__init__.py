"""extract: cases, dates, references, recommendations and sections from case papers.

Public API (the pipeline's extract stage calls these):

- :func:`extract_document` — pages ``(page_no, repaired text)`` → :class:`Extraction`.
  A pure function that never raises: a failing part is skipped and named in
  ``Extraction.warnings``.
- :func:`to_rows` — an :class:`Extraction` as rows per table of ``schemas/extraction.sql``
  (without ``doc_id``; the loader adds it).
``case_references.target_doc_id`` is resolved by the loader (``pipeline.stages.load``)
after each ingest, so references resolve as their targets arrive.

Internal modules start with ``_``. This package never imports ``pipeline``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from extractors.records import (
    Case,
    CaseField,
    CaseReference,
    DateMention,
    Extraction,
    Recommendation,
    Section,
)

__all__ = [
    "extract_document", "to_rows", "SCHEMA_PATH",
    "Case", "CaseField", "CaseReference", "DateMention", "Extraction", "Recommendation", "Section",
]

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "extraction.sql"


def extract_document(pages: Sequence[tuple[int, str]], *, language: str | None = None) -> Extraction:
    """Everything the extractors find in one document's repaired pages.

    ``language`` (nb / nn) is accepted for the pipeline's sake; the patterns cover both
    written standards at once, so it does not change the result.
    """
    del language
    from extractors import _blocks, _cases, _dates, _references
    from extractors._layout import Layout
    from extractors._structure import build

    warnings: list[str] = []
    try:
        clean = [(int(no), text if isinstance(text, str) else str(text)) for no, text in pages]
        st = build(Layout(clean))
    except Exception as exc:  # never raise: a document we cannot read yields nothing
        return Extraction(warnings=(f"structure: {type(exc).__name__}: {exc}",))

    def attempt(name, fn, default):
        try:
            return fn()
        except Exception as exc:
            warnings.append(f"{name}: {type(exc).__name__}: {exc}")
            return default

    located = attempt("dates", lambda: _dates.extract(st), [])
    cases = attempt("cases", lambda: _cases.build(st, located), [])
    refs = attempt("references", lambda: _references.extract(st), [])
    recs = attempt("recommendations", lambda: _blocks.recommendations(st), [])
    secs = attempt("sections", lambda: _blocks.sections(st), [])
    return Extraction(
        cases=tuple(cases),
        dates=tuple(d for d, _ in located),
        references=tuple(refs),
        recommendations=tuple(recs),
        sections=tuple(secs),
        warnings=tuple(warnings),
    )


_PROVENANCE = ("page_no", "char_start", "char_end", "extractor", "confidence")


def to_rows(extraction: Extraction) -> dict[str, list[dict]]:
    """Rows per table (column → value), matching ``schemas/extraction.sql``, minus ``doc_id``."""
    cases = []
    fields = []
    for c in extraction.cases:
        row = {k: getattr(c, k) for k in (
            "case_key", "body", "number", "year", "title")}
        row["case_handler"] = c.case_handler
        row["case_handlers"] = list(c.case_handlers)
        row["avkl_sekr"] = list(c.avkl_sekr)
        for k in ("document_date", "meeting_date", "our_ref", "your_ref", "archive_case_no",
                  "archive_code", "committee", "text", *_PROVENANCE):
            row[k] = getattr(c, k)
        cases.append(row)
        fields.extend(dataclasses.asdict(f) for f in c.fields)
    return {
        "cases": cases,
        "case_fields": fields,
        "dates": [dataclasses.asdict(d) for d in extraction.dates],
        "case_references": [dataclasses.asdict(r) for r in extraction.references],
        "recommendations": [dataclasses.asdict(r) for r in extraction.recommendations],
        "sections": [dataclasses.asdict(s) for s in extraction.sections],
    }
