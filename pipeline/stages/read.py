"""read: the text of each page as the file carries it (PDF text layer or decoded .txt)."""

from __future__ import annotations

from pipeline.records import Identified, ReadDocument
from pipeline.settings import Settings
from pipeline.stages import _read_pdf, _read_text


def read(ident: Identified, data: bytes, settings: Settings) -> ReadDocument:
    if ident.media_type == "application/pdf":
        pages, warnings = _read_pdf.read_pdf(data, settings)
        return ReadDocument(identified=ident, pages=pages, warnings=warnings)
    text, encoding, warnings = _read_text.decode(data)
    return ReadDocument(
        identified=ident,
        pages=_read_text.paginate(text),
        encoding=encoding,
        warnings=warnings,
    )
